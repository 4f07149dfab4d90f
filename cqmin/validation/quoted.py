"""What a quote says beside a fact's figure, held against the fact: its date, its baseline, and the figure once.

A careful reader checks these, and a fact base gets them wrong with a right
quote: an as_of of 2022 where the quote says 2021年, 去年 at a 2024 press
conference entered as 2024, a baseline of 1.61万亿 where the quote says 1.16万亿,
a baseline year of 2011 where it says 2012年, and the same figure entered twice.
Dates are read against the day of the fact's press conference (periods.py); a
fact that gives no date is never at odds with one.
"""

import re
from decimal import Decimal

from cqmin import figures, numerals, periods, wording
from cqmin.validation.checks import Entry, short


def _agrees(given: str, phrase: periods.Said) -> bool:
    return given in phrase.dates


def _says(phrase: periods.Said) -> str:
    return " or ".join(phrase.dates)


def check_date(fact: Entry, as_of: str | None, quote: str, stated: str, event_date) -> None:
    """as_of must agree with the date the quote names nearest before the figure, if it names one."""
    if not as_of or event_date is None:
        return
    text = wording.squeeze(quote)
    position = wording.find_figure(text, wording.squeeze(stated))
    if position < 0:
        return
    near = periods.before(periods.said(text, event_date), position, compared=False)
    if near is not None and not _agrees(as_of, near):
        fact.report("as_of", f"'{short(as_of)}', but the quote says '{near.words}' before the figure: {_says(near)}")


def check_baseline(baseline: Entry, value, as_of, quote: str, stated: str, event_date) -> None:
    """A stated baseline must be a figure of the quote; its date, or a derived one's, the date the quote gives it."""
    before = baseline.data.get("value")
    if not isinstance(before, (int, float)) or isinstance(before, bool):
        return  # (reported as a number)
    text = wording.squeeze(quote)
    derived = baseline.data.get("derived") is True
    at = None
    if not derived:
        figure = wording.find_figure(text, wording.squeeze(stated)) if stated else -1
        own = range(figure, figure + len(wording.squeeze(stated))) if figure >= 0 else range(0)
        found = [(start, end) for start, end, number in numerals.numbers(text) if number == Decimal(repr(before))]
        levels = [start for start, end in found if not _no_level(text, start, end, own)]
        if not levels:
            why, hint = _no_level(text, *found[0], own) if found else ("not a figure of the quote", "")
            baseline.report("value", f"{before} is {why}, not a level the quote states before the figure{hint}")
            return
        at = levels[0]
    given = baseline.data.get("as_of")
    if not isinstance(given, str) or not given or event_date is None:
        return
    phrases = periods.said(text, event_date)
    if derived:  # "较2017年末增加468万人": the comparison's date, after the figure, or before it
        figure = wording.find_figure(text, wording.squeeze(stated)) if stated else -1
        later = [phrase for phrase in phrases if phrase.compared and phrase.start > figure]
        near = later[0] if later else periods.before(phrases, len(text), compared=True)
    else:  # "从2012年的1.16万亿增加到…": the date named right before the baseline's own figure
        near = next((phrase for phrase in phrases if phrase.end <= at and text[phrase.end : at] in ("", "的")), None)
    if near is not None and not _agrees(given, near):
        baseline.report("as_of", f"'{short(given)}', but the quote says '{near.words}' of it: {_says(near)}")


def _no_level(text: str, start: int, end: int, own: range) -> tuple[str, str] | None:
    """Why the number at text[start:end] is no earlier level of a figure, and what to do, if it is none: the figure
    itself, a year, a change (增加468万人: the baseline is derived from it), or the second term of a ratio (42:58)."""
    if start in own:
        return "the fact's own figure", ""
    if text.startswith("年", end) and re.fullmatch(r"[12][0-9]{3}", text[start:end]):
        return "a year in the quote", ""
    verb = figures.CHANGED_BY.search(text[:start])
    if verb:
        return f"the change in '{short(text[verb.start() : end])}'", "; one from a change is derived (derived = true)"
    if re.search(r"[0-9][:：]$", text[:start]):
        return "the second term of a ratio", ""
    return None


class Repeats:
    """The same figure of the same quote and event under two ids: one fact entered twice, however its stated
    words or the quote's punctuation differ ("2550万" and "2550万人" are one figure)."""

    def __init__(self) -> None:
        self._seen: dict[tuple, str] = {}

    def check(self, fact: Entry, event: str | None, quote: str, stated: str) -> None:
        data = fact.data
        figure = tuple(repr(data.get(key)) for key in ("value", "high", "unit", "qualifier"))
        key = (event, _PUNCTUATION.sub("", wording.squeeze(quote)), figure)
        first = self._seen.setdefault(key, fact.where)
        if first != fact.where:
            fact.report("stated", f"'{short(stated)}' of this quote is already the fact '{short(first)}'")


_PUNCTUATION = re.compile(r"[\W_]+")  # what a quote copied twice may differ in
