"""A claim held against the fact base: each figure of it supported, contradicted, or not found.

A figure of the claim (in Chinese as figures.py reads one, or in English:
"more than 26 million people") is compared with the fact its words are about,
found by the words they share (a Chinese label's pairs of characters, an
English label's stems). `supported` needs that fact to agree in value, bound,
date and kind; `contradicted` needs the fact to be the one meant and to say
otherwise (another number, a bound that excludes the claim's, another year, a
target claimed as done); anything less sure is `not_found`. A claim is never
told a figure is supported that no fact gives: where in doubt, cqmin says less.
"""

import re
from decimal import Decimal
from typing import NamedTuple

from cqmin import dates, english, figures, languages, periods, wording
from cqmin.domain import Kind, Measure
from cqmin.domain import Qualifier as Q
from cqmin.model import Fact, FactBase

SUPPORTED, CONTRADICTED, NOT_FOUND = "supported", "contradicted", "not_found"
_ENGLISH = languages.get("en")  # (a fact's English words, or what its base has instead)
MAX_CLAIM = 2000  # characters: a claim is a sentence or a paragraph, not an article (draft reads those)
_CJK = re.compile(r"[\u3400-\u9fff]")
_EN_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_EN_BOUNDS = {
    "more than": Q.MORE_THAN, "over": Q.MORE_THAN, "above": Q.MORE_THAN, "exceeding": Q.MORE_THAN,
    "at least": Q.AT_LEAST, "nearly": Q.APPROX, "almost": Q.APPROX, "about": Q.APPROX, "around": Q.APPROX,
    "approximately": Q.APPROX, "roughly": Q.APPROX, "some": Q.APPROX, "fewer than": Q.LESS_THAN,
    "less than": Q.LESS_THAN, "under": Q.LESS_THAN, "below": Q.LESS_THAN, "up to": Q.AT_MOST, "at most": Q.AT_MOST,
}  # fmt: skip
_EN_FIGURE = re.compile(
    rf"(?P<bound>\b(?:{'|'.join(sorted(_EN_BOUNDS, key=len, reverse=True))})\s+)?"
    r"(?P<number>(?<![\w.])[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|(?<![\w.])[0-9]+(?:\.[0-9]+)?)"
    rf"(?:\s*(?P<scale>{'|'.join(_EN_SCALES)})\b)?(?P<percent>\s*(?:%|per\s?cent\b))?",
    re.IGNORECASE,
)
_EN_TARGET = re.compile(
    r"\b(?:will|plans?|planned|aims?|target(?:s|ed)?|goal|to be|is to|expects?|by 20[0-9]{2})\b", re.I
)
_EN_CHANGE = re.compile(
    r"\b(?:up|down|rose|fell|grew|increased?|decreased?|risen|fallen|gain(?:ed)?)\s+(?:by\s+)?$", re.I
)
_EN_DONE = re.compile(r"\b(?:has|have|had|reached|was|were|is|are|got|stood|rose|fell|grew|built|completed)\b", re.I)
_EN_YEAR = re.compile(r"\b(19|20)[0-9]{2}\b")
_EN_RELATIVE = {"last year": -1, "this year": 0, "next year": 1}


class Figure(NamedTuple):
    """A figure of the claim, read."""

    stated: str  # as the claim writes it
    value: Decimal
    high: Decimal | None
    qualifier: Q
    word: str  # its measure word or English unit, "" if none
    start: int
    end: int
    change: int  # +1 or -1 for a change the claim states ("增加468万人", "up by 4.68 million"), else 0


class Reason(NamedTuple):
    """Why a figure got its verdict: a key each language words ("why_" + key in its words), and what it names."""

    key: str
    claimed: str = ""  # the date the claim gives
    as_of: str = ""  # the fact's date
    why: "Reason | None" = None  # (a change's reason: why its number is not the fact's change)

    def said(self, language) -> str:
        inner = self.why.said(language) if self.why else ""
        return language.word(f"why_{self.key}").format(claimed=self.claimed, as_of=self.as_of, why=inner)


class Judged(NamedTuple):
    figure: Figure
    verdict: str
    fact: Fact | None
    reason: Reason


# ---------------------------------------------------------------- reading a claim


def _chinese(text: str) -> list[Figure]:
    found: list[Figure] = []
    for mention in figures.mentions(text):
        verb = figures.CHANGED_BY.search(text[max(0, mention.start - 4) : mention.start])
        change = (1 if verb[0].rstrip("了") in figures.RISES else -1) if verb else 0
        if not change and found and found[-1].change and text[found[-1].end : mention.start] in ("、", "和", "及"):
            change = found[-1].change  # "分别增加468万人、134万人和251万人": each a change
        found.append(Figure(mention.stated, mention.value, mention.high, mention.qualifier, mention.word,
                            mention.start, mention.end, change))  # fmt: skip
    return found


def _english(text: str) -> list[Figure]:
    found = []
    for match in _EN_FIGURE.finditer(text):
        number = match["number"].replace(",", "")
        if _EN_YEAR.fullmatch(number) and not (match["scale"] or match["percent"]):
            continue  # a year
        value = Decimal(number) * _EN_SCALES.get((match["scale"] or "").lower(), 1)
        bound = _EN_BOUNDS.get(re.sub(r"\s+", " ", (match["bound"] or "").strip().lower()), Q.EXACT)
        after = re.match(r"\s*([a-z]+)", text[match.end() :], re.I)
        word = "%" if match["percent"] else (after[1].lower() if after else "")
        change = 1 if _EN_CHANGE.search(text[: match.start("number") if not match["bound"] else match.start()]) else 0
        if change and re.search(r"(?:down|fell|decreased?|fallen)\s+(?:by\s+)?$", text[: match.start()], re.I):
            change = -1
        found.append(Figure(match.group().strip(), value, None, bound, word, match.start(), match.end(), change))
    return found


def read(claim: str) -> list[Figure]:
    """The figures of a claim: Chinese ones as an article states them, and English ones."""
    text = wording.squeeze(claim) if _CJK.search(claim) else claim
    return _chinese(text) + (_english(text) if not _CJK.search(text) else [])


# ---------------------------------------------------------------- finding the fact a figure is about


def _pairs(text: str) -> set[str]:
    cjk = "".join(char if _CJK.match(char) else " " for char in text)
    return {cjk[i : i + 2] for i in range(len(cjk) - 1) if " " not in cjk[i : i + 2]}


def _own_clause(quote: str, stated: str) -> str:
    text = wording.squeeze(quote)
    position = wording.find_figure(text, wording.squeeze(stated))
    if position < 0:
        return text
    start = max(text.rfind(mark, 0, position) for mark in "，；：。") + 1
    return text[start : position + len(stated)]


def _about(claim: str, figure: Figure, fact: Fact, chinese: bool) -> int:
    """How much a claim's words say they are about a fact: shared pairs of characters, or shared stems."""
    context = claim[: figure.start] + " " + claim[figure.end :]
    if chinese:
        words = _pairs(context) - _pairs(figure.stated)
        label = _pairs(fact.label.get("zh", "")) & words
        clause = _pairs(_own_clause(fact.quote, fact.stated)) & words - label
        return 2 * len(label) + len(clause)
    stems = english.stems(context)
    label = english.stems(_ENGLISH.text(fact.label)) & stems
    return 2 * len(label) + len(english.stems(_ENGLISH.text(fact.unit.name), False) & stems - label)


def _as_change(figure: Figure, fact: Fact) -> bool:
    """Whether a figure the claim states as a change is, for this fact, its change (else the fact is a rate of
    change itself: "年均增长8.9%", "下降5%")."""
    return (
        bool(figure.change)
        and fact.change is not None
        and not (figure.word in ("%", "％") and fact.change.percent is None)
    )


def _unit_fits(figure: Figure, fact: Fact, chinese: bool) -> bool:
    if figure.change and figure.word in ("%", "％"):  # "增长22.48%": a change in percent, or a rate that is a fact
        return fact.unit.measure is Measure.SHARE or (fact.change is not None and fact.change.percent is not None)
    ratio = ":" in figure.stated or "：" in figure.stated  # "56:44": the share of the first
    if figure.word in ("%", "％") or ratio:
        return fact.unit.measure is Measure.SHARE
    if fact.unit.measure is Measure.SHARE:  # a share is said in percent, or as a ratio: "23 million" is no 56%
        return False
    if chinese:
        words = [fact.unit.name.get("zh", "").split("/")[0]]
        return not figure.word or wording.unit_agrees(figure.word, words + ["名"] * (words == ["人"]))
    if not figure.word:
        return True
    named = english.stems(_ENGLISH.text(fact.unit.name), False)
    return (
        not named or english.stem(figure.word) in named or (fact.unit.measure is Measure.SHARE and figure.word == "%")
    )


# ---------------------------------------------------------------- comparing


def _tolerance(figure: Figure) -> Decimal:
    """Half the last digit a figure is stated to: "约2500万" is 2450万 to 2550万, "about 25.5 million" ±50,000;
    five per cent of one in Chinese numerals ("近百万")."""
    digits = re.search(r"[0-9][0-9,]*(?:\.[0-9]+)?", figure.stated)
    if not digits:
        return figure.value * Decimal("0.05")
    number = Decimal(digits.group().replace(",", ""))
    scale = figure.value / number if number else Decimal(1)
    return Decimal("0.5") * scale * Decimal(10) ** number.as_tuple().exponent


def _values_agree(figure: Figure, value, qualifier: Q, high=None) -> tuple[bool | None, str]:
    """Whether a claimed figure fits a fact's: True, False (it cannot), or None (it may or may not)."""
    claimed, bound = figure.value, figure.qualifier
    value = Decimal(repr(value)) if not isinstance(value, Decimal) else value
    if bound is Q.EXACT:
        if qualifier is Q.EXACT:
            return value == claimed, Reason("another_number")
        if qualifier is Q.RANGE:
            return False, Reason("is_range")
        return (None if value == claimed else False), Reason("bounded")
    if bound in (Q.MORE_THAN, Q.AT_LEAST):
        if qualifier in (Q.EXACT, Q.MORE_THAN, Q.AT_LEAST):
            holds = value > claimed if bound is Q.MORE_THAN and qualifier is Q.EXACT else value >= claimed
            return holds, Reason("not_above")
        return (False if value <= claimed else None), Reason("bounded_above")
    if bound in (Q.LESS_THAN, Q.AT_MOST):
        if qualifier in (Q.EXACT, Q.LESS_THAN, Q.AT_MOST):
            holds = value < claimed if bound is Q.LESS_THAN and qualifier is Q.EXACT else value <= claimed
            return holds, Reason("not_below")
        if qualifier is Q.APPROX:
            return (None if value <= claimed else False), Reason("about_as_large")
        return False, Reason("bounded_below")
    if bound is Q.APPROX:
        if qualifier in (Q.MORE_THAN, Q.AT_LEAST) and value >= claimed:
            return False, Reason("more_than_about")
        close = abs(value - claimed) <= _tolerance(figure)
        return (close if qualifier in (Q.EXACT, Q.APPROX) else None), Reason("another_number")
    if bound is Q.RANGE:
        if qualifier is Q.RANGE:
            return value == claimed and Decimal(repr(high)) == figure.high, Reason("another_range")
        return (figure.value <= value <= figure.high if qualifier is Q.EXACT else None), Reason("outside_range")
    return None, Reason("another_number")


def _claimed_date(claim: str, figure: Figure, event_date, chinese: bool) -> tuple[str, tuple[str, ...]] | None:
    """The date the claim gives a figure, read against the day of the fact's press conference: (words, dates)."""
    if chinese:
        near = periods.before(periods.said(claim, event_date), figure.start, compared=False)
        if near:
            return near.words, near.dates
        span = [match for match in periods.SPANS.finditer(claim) if match.end() <= figure.start]
        return (span[-1].group(), (periods.span_dates(span[-1], event_date),)) if span else None
    before = claim[: figure.start].lower() + " " + claim[figure.end :].lower()
    for words, offset in _EN_RELATIVE.items():
        if words in before:
            return words, (str(event_date.year + offset),)
    years = _EN_YEAR.findall(before)
    match = _EN_YEAR.search(before)
    return (match.group(), (match.group(),)) if years and match else None


def _dates_agree(claimed: tuple[str, ...], as_of: str) -> bool:
    """Whether a fact's date is the one the claim gives: the same end ("截至9月" and "9月底"), or within it (a fact
    of September 2022 is of 2022). A total over 2017-2022 is no figure of 2021."""
    return any(
        dates.end(said) == dates.end(as_of)
        or dates.start(said) <= dates.start(as_of) <= dates.end(as_of) <= dates.end(said)
        for said in claimed
    )


def _claimed_kind(claim: str, figure: Figure, chinese: bool) -> Kind | None:
    """A plan, or done, as the claim's words before the figure say; None where they say neither."""
    if chinese:
        said = wording.stated_kind(claim, figure.stated)
        return Kind(said[0]) if said else None
    before = claim[: figure.start]
    if _EN_TARGET.search(before):
        return Kind.TARGET
    return Kind.ACHIEVED if _EN_DONE.search(before) else None


def _judge(claim: str, figure: Figure, fact: Fact, base: FactBase, chinese: bool) -> tuple[bool | None, str]:
    """Whether a fact bears the figure out: True, False (it says otherwise), None (it cannot tell)."""
    event_date = dates.start(base.event(fact.event).date)
    if _as_change(figure, fact):
        change = fact.change
        if figure.word in ("%", "％"):
            agrees, why = _values_agree(figure, Decimal(repr(change.percent)) * figure.change, Q.EXACT)
        else:
            agrees, why = _values_agree(figure, Decimal(repr(change.absolute)) * figure.change, Q.EXACT)
        return agrees, (Reason("gives_change") if agrees else Reason("change_differs", why=why))
    agrees, why = _values_agree(figure, fact.value, fact.qualifier, fact.high)
    if agrees is not True:
        return agrees, why
    kind = _claimed_kind(claim, figure, chinese)
    if kind is None and fact.kind is Kind.TARGET:
        return None, Reason("plan_unsaid")
    if kind is not None and kind is not fact.kind:
        return False, Reason("target_as_done" if fact.kind is Kind.TARGET else "result_as_plan")
    claimed = _claimed_date(claim, figure, event_date, chinese)
    if claimed is not None:
        if not fact.as_of:
            return None, Reason("no_date", claimed=claimed[0])
        if not _dates_agree(claimed[1], fact.as_of):
            return False, Reason("another_date", claimed=claimed[0], as_of=fact.as_of)
    return True, Reason("gives_figure")


def _figure_equal(figure: Figure, fact: Fact) -> bool:
    """Whether a claim states a fact's very figure (or change): the same number, the same bound."""
    if _as_change(figure, fact):
        change = fact.change
        number = change.percent if figure.word in ("%", "％") else change.absolute
        return number is not None and Decimal(repr(number)) * figure.change == figure.value
    return Decimal(repr(fact.value)) == figure.value and fact.qualifier is figure.qualifier


def judge(claim: str, base: FactBase) -> list[Judged]:
    """Each figure of the claim, judged against the fact its words are most about.

    The fact the claim's words are most about decides; one nearly as much about them may support a figure
    only by stating that very figure (a list: "养老、失业和工伤保险…分别达到2550万人、597万人和762万人").
    A bound alone ("超过2600万") is supported by no fact but the one meant.
    """
    chinese = bool(_CJK.search(claim))
    text = wording.squeeze(claim) if chinese else claim
    judged = []
    found = read(claim)
    for figure in found:
        # A figure the claim states elsewhere is another's: its fact is not this one's (but a change is its own)
        others = {other.stated for other in found if other.start != figure.start} if not figure.change else set()
        scored = sorted(
            ((_about(text, figure, fact, chinese), index, fact) for index, fact in enumerate(base.facts)
             if _unit_fits(figure, fact, chinese) and fact.stated not in others),
            key=lambda item: (-item[0], item[1]),
        )  # fmt: skip
        strong = [(score, fact) for score, _, fact in scored if score >= MIN_ABOUT]
        if not strong:
            judged.append(Judged(figure, NOT_FOUND, None, Reason("nothing_about")))
            continue
        top = strong[0][0]
        near = [fact for score, fact in strong if score >= NEAR * top]
        same = next((fact for fact in near if _figure_equal(figure, fact)), None)
        if same is not None:
            agrees, why = _judge(text, figure, same, base, chinese)
            if agrees is not None or len([fact for score, fact in strong if score == top]) == 1:
                judged.append(Judged(figure, _VERDICTS[agrees], same, why))
                continue
        best = [fact for score, fact in strong if score == top]
        verdicts = [(_judge(text, figure, fact, base, chinese), fact) for fact in best[:5]]
        agreeing = [(why, fact) for (agrees, why), fact in verdicts if agrees is True]
        against = [(why, fact) for (agrees, why), fact in verdicts if agrees is False]
        if agreeing and not against:
            judged.append(Judged(figure, SUPPORTED, agreeing[0][1], agreeing[0][0]))
        elif against and not agreeing:
            judged.append(Judged(figure, CONTRADICTED, against[0][1], against[0][0]))
        else:
            (agrees, why), fact = verdicts[0]
            reason = why if agrees is None else Reason("facts_differ")
            judged.append(Judged(figure, NOT_FOUND, fact if agrees is None else None, reason))
    return judged


MIN_ABOUT = 4  # the least shared words (a label's pair of characters counts twice) for a fact to be the one meant
NEAR = 0.6  # a fact this nearly as much about the claim may support it, by stating its very figure
_VERDICTS = {True: SUPPORTED, False: CONTRADICTED, None: NOT_FOUND}
