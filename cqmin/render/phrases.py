"""Short phrases built from a fact, in a language, shared by tables and Markdown."""

from cqmin import dates
from cqmin.domain import Kind, Qualifier
from cqmin.languages.base import Language, percent
from cqmin.model import Event, Fact


def conference(event: Event, language: Language) -> str:
    """A press conference as a listing marks its figures: "2022年10月19日 …（第二场）" / "19 Oct 2022 …"."""
    return f"{dates.show(event.date, language)} {language.text(event.title)}"


def events_of(facts: list[Fact]) -> list[str]:
    """The press conferences some facts are from, in order of first appearance: more than one, and a listing
    marks each figure with its own."""
    return list(dict.fromkeys(fact.event for fact in facts))


def approximate(fact: Fact) -> bool:
    """Whether a derived baseline is only as good as a rounded multiplier ("增长1.2倍": 717 ÷ 2.2)."""
    baseline = fact.baseline
    return bool(baseline and baseline.derived and baseline.method and any(sign in baseline.method for sign in "÷/"))


# A figure stated with a bound ("超2550万") changed by at least as much from an exact baseline: the
# change carries the bound. (A range has no baseline: validate refuses one.)
_BOUNDS = {Qualifier.APPROX: "≈", Qualifier.MORE_THAN: ">", Qualifier.AT_LEAST: "≥", Qualifier.AT_MOST: "≤",
           Qualifier.LESS_THAN: "<"}  # fmt: skip


def change_bound(fact: Fact) -> str:
    """The bound of a change the quote states with one ("较2017年增加近1万亿"): a baseline derived from it
    is no more exact than it, and the change is shown with it ("≈+1万亿")."""
    baseline = fact.baseline
    if not (baseline and baseline.derived and baseline.method):
        return ""
    from cqmin import numerals, wording
    from cqmin.domain import BOUNDS_AFTER, BOUNDS_BEFORE, BOUNDS_INSIDE

    try:
        operands = numerals.evaluate(baseline.method).operands[1:]
    except ValueError:
        return ""
    text = wording.squeeze(fact.quote)
    for operand in (operand for operand in operands if operand != "1"):
        position = wording.find_figure(text, operand)
        word = wording.bounding_word(text, position, operand) if position >= 0 else None
        if word:
            return _BOUNDS[{**BOUNDS_BEFORE, **BOUNDS_INSIDE, **BOUNDS_AFTER}[word]]
    return ""


def method(fact: Fact, language: Language) -> str:
    """How a derived baseline was reckoned, its numbers in the output's language: "25.5 million − 4.68 million"."""
    from cqmin import numerals

    return numerals.respell(fact.baseline.method, lambda value: language.number(numerals.plain_number(value)))


def _about(fact: Fact) -> str:
    """ "≈" before a derived baseline that is no more exact than a rounded multiplier or a bounded change."""
    return "≈" if approximate(fact) or change_bound(fact) else ""


def before(fact: Fact, language: Language) -> str:
    """The baseline as a quantity: "2082万人", "≈325.91元/人·月"."""
    return _about(fact) + language.quantity(fact.baseline.value, fact.unit)


def now(fact: Fact, language: Language) -> str:
    """The figure compared: its quantity, or, if it is stated with a bound, the figure as stated ("超2550万人")."""
    return language.quantity(fact.value, fact.unit) if fact.qualifier is Qualifier.EXACT else language.figure(fact)


def change_summary(fact: Fact, language: Language) -> str:
    """ "+468万人，+22.48%，年均+4.36%" / "+4.68 million people, +22.48%, +4.36% a year"; a share: "+14 pp".

    Only a quantity above zero changes in percent too (compare.change). A bound of the figure
    ("> +468万人"), or of the change the quote states ("增加近1万亿": "≈+1万亿"), stands before each
    part; a baseline derived from a rounded multiplier makes the absolute change approximate ("≈"),
    while the percent is the stated one.
    """
    change, bound = fact.change, _BOUNDS.get(fact.qualifier, "") or change_bound(fact)
    parts = [(bound or _about(fact)) + language.signed(change.absolute, fact.unit)]
    if change.percent is None:
        return parts[0]
    parts.append(bound + percent(change.percent))
    if change.annual_percent is not None:
        parts.append(language.per_year(bound + percent(change.annual_percent)))
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


def headline(fact: Fact, language: Language) -> str:
    """A topic's headline figure, marked if it is a plan: a target never passes for a result."""
    marked = language.parens(language.word("kind_target")) if fact.kind is Kind.TARGET else ""
    return f"{language.figure(fact)}{marked}"


def kind(fact: Fact, language: Language) -> str:
    return language.word(f"kind_{fact.kind.value}")
