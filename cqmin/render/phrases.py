"""Short phrases built from a fact, shared by tables and Markdown."""

from cqmin import dates, numbers
from cqmin.lang import punct, word


def approximate(fact: dict) -> bool:
    """Whether a derived baseline is only as good as a rounded multiplier ("增长1.2倍": 717 ÷ 2.2)."""
    baseline = fact["baseline"]
    return bool(baseline and baseline["derived"] and any(sign in baseline["method"] for sign in "÷/"))


def _about(fact: dict) -> str:
    return "≈" if approximate(fact) else ""


def before(fact: dict, lang: str) -> str:
    """The baseline as a quantity: "2082万人", "≈325.91元/人·月"."""
    return _about(fact) + numbers.quantity(fact["baseline"]["value"], fact["unit"], lang)


def change_summary(fact: dict, lang: str) -> str:
    """ "+468万人，+22.48%，年均+4.36%" / "+4.68 million people, +22.48%, +4.36% a year".

    A share (a figure in percent) changes by percentage points; its change in
    percent of itself, and a yearly rate of that, would invite misreading.
    """
    change = fact["change"]
    parts = [_about(fact) + numbers.signed(change["absolute"], fact["unit"], lang)]
    if fact["unit"]["en"] == "%":
        return parts[0]
    parts.append(numbers.percent(change["percent"]))
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
    opening, closing = punct("open", lang), punct("close", lang)
    return f"{before(fact, lang)}{opening}{when(fact['baseline']['as_of'], lang)}{closing}"
