"""Short phrases built from a fact, in a language, shared by tables and Markdown."""

from cqmin import dates
from cqmin.domain import Measure
from cqmin.languages.base import Language, percent
from cqmin.model import Fact


def approximate(fact: Fact) -> bool:
    """Whether a derived baseline is only as good as a rounded multiplier ("增长1.2倍": 717 ÷ 2.2)."""
    baseline = fact.baseline
    return bool(baseline and baseline.derived and baseline.method and any(sign in baseline.method for sign in "÷/"))


def _about(fact: Fact) -> str:
    return "≈" if approximate(fact) else ""


def before(fact: Fact, language: Language) -> str:
    """The baseline as a quantity: "2082万人", "≈325.91元/人·月"."""
    return _about(fact) + language.quantity(fact.baseline.value, fact.unit)


def now(fact: Fact, language: Language) -> str:
    return language.quantity(fact.value, fact.unit)


def change_summary(fact: Fact, language: Language) -> str:
    """ "+468万人，+22.48%，年均+4.36%" / "+4.68 million people, +22.48%, +4.36% a year"; a share: "+14 pp"."""
    change = fact.change
    parts = [_about(fact) + language.signed(change.absolute, fact.unit)]
    if fact.unit.measure is Measure.SHARE:
        return parts[0]
    parts.append(percent(change.percent))
    if change.annual_percent is not None:
        parts.append(language.per_year(percent(change.annual_percent)))
    return language.comma.join(parts)


def when(as_of: str | None, language: Language) -> str:
    """A date in a sentence, where a bare dash would not read: "no date given" / "未注明日期"."""
    return dates.show(as_of, language) if as_of else language.word("undated")


def baseline(fact: Fact, language: Language) -> str:
    """ "2082万人（2017年12月）" / "20.82 million people (Dec 2017)"."""
    return before(fact, language) + language.parens(when(fact.baseline.as_of, language))


def change_line(fact: Fact, language: Language) -> str:
    """ "2082万人（2017年12月）→ 2550万人：+468万人，…", or "" without a baseline."""
    if fact.change is None:
        return ""
    return f"{baseline(fact, language)} → {now(fact, language)}{language.colon}{change_summary(fact, language)}"


def kind(fact: Fact, language: Language) -> str:
    return language.word(f"kind_{fact.kind.value}")
