"""Short phrases built from a fact, shared by tables and Markdown."""

from cqmin import dates, numbers
from cqmin.lang import punct, word


def change_summary(fact: dict, lang: str) -> str:
    """ "+468万人，+22.48%，年均+4.36%" / "+4.68 million people, +22.48%, +4.36% a year"."""
    change = fact["change"]
    parts = [numbers.signed(change["absolute"], fact["unit"], lang), numbers.percent(change["percent"])]
    annual = change["annual_percent"]
    if annual is not None:
        rate = numbers.percent(annual)
        parts.append(f"{word('per_year', lang)}{rate}" if lang == "zh" else f"{rate} {word('per_year', lang)}")
    return punct("comma", lang).join(parts)


def when(as_of: str | None, lang: str) -> str:
    """A date in a sentence, where a bare dash would not read: "no date given" / "未注明日期"."""
    return dates.show(as_of, lang) if as_of else word("undated", lang)


def baseline(fact: dict, lang: str) -> str:
    """ "2082万人（2017年12月）" / "20.82 million people (Dec 2017)"."""
    before = fact["baseline"]
    opening, closing = punct("open", lang), punct("close", lang)
    return f"{numbers.quantity(before['value'], fact['unit'], lang)}{opening}{when(before['as_of'], lang)}{closing}"
