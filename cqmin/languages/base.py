"""What every language of cqmin's output knows: its words, its punctuation, how it writes figures and dates.

A language is one subclass with its words (zh.py, en.py) and the fact base's
texts in its code. Nothing outside this package asks which language it is.
"""

from cqmin import TYPE_CHECKING
from cqmin.domain import Measure, Qualifier
from cqmin.model import Event, Fact, Speaker, Text, Unit

if TYPE_CHECKING:
    from typing import ClassVar

FALLBACK = "en"  # the language of a text that a fact base lacks in the language asked for (then: any it has)


class Language:
    code: str  # the key of its texts in a fact base ("zh"), and the value of --lang
    name: str  # its own name for itself
    locales: tuple[str, ...]  # locale prefixes that choose it (LANG=zh_CN.UTF-8: "zh")
    names: tuple[str, ...] = ()  # what else people type for it (--lang cn, 中文); its code with a region counts too
    # (Quoted: typing, which ClassVar is, costs a look-up 3 ms to import; `from __future__` is a module too.)
    words: "ClassVar[dict[str, str]]"  # the interface's words, by key (see en.py for the keys)
    qualifiers: "ClassVar[dict[Qualifier, str]]"  # how `show` names a qualifier
    # Punctuation: Chinese is full-width.
    colon = ": "
    comma = ", "
    list_separator = ", "
    semicolon = "; "
    open_paren = " ("
    close_paren = ")"
    dash = "–"  # between the ends of a range or a period
    attributed = "—"  # before the name under a quote

    def word(self, key: str) -> str:
        return self.words[key]

    def text(self, text: Text) -> str:
        """A fact base's text in this language; where the base lacks it, in English, else in what the base has."""
        found = text.get(self.code)
        if found is None:
            found = text.get(FALLBACK)
        return found if found is not None else next(iter(text.values()))

    def parens(self, inside: str) -> str:
        return f"{self.open_paren}{inside}{self.close_paren}"

    def join(self, items: list[str]) -> str:
        return self.list_separator.join(items)

    # -------------------------------------------------------------- figures

    def number(self, value: float) -> str:
        """A number as this language writes it, never rounded to fewer digits than it has."""
        raise NotImplementedError

    def quantity(self, value: float, unit: Unit) -> str:
        """A number with its unit and no qualifier."""
        raise NotImplementedError

    def figure(self, fact: Fact) -> str:
        """A fact's figure with its qualifier."""
        raise NotImplementedError

    def figure_as_stated(self, fact: Fact) -> str:
        """The figure, with the article's own words after it where they differ: "25.5 million people (2550万人)"."""
        figure = self.figure(fact)
        return figure if figure == fact.stated else figure + self.parens(fact.stated)

    def signed(self, value: float, unit: Unit) -> str:
        """A change: "+4.68 million people"; a share's change in percentage points."""
        sign = "+" if value > 0 else "-" if value < 0 else "±"
        if unit.measure is Measure.SHARE:
            return sign + self.points(abs(value))
        return sign + self.quantity(abs(value), unit)

    def points(self, value: float) -> str:
        raise NotImplementedError

    def per_year(self, rate: str) -> str:
        """A yearly rate, placed as this language places it: "+4.36% a year", "年均+4.36%"."""
        raise NotImplementedError

    # -------------------------------------------------------------- dates

    def date(self, year: int, month: int | None, day: int | None) -> str:
        raise NotImplementedError

    def period(self, first: tuple, last: tuple) -> str:
        """An interval between two dates, each (year, month, day)."""
        return self.date(*first) + self.dash + self.date(*last)

    # -------------------------------------------------------------- people

    def speaker(self, speaker: Speaker) -> str:
        """A speaker with their department and role, for a heading."""
        raise NotImplementedError

    def speaker_line(self, speaker: Speaker) -> str:
        """Name, department, role: the speaker of one fact."""
        return self.comma.join(self.text(part) for part in (speaker.name, speaker.department, speaker.role))

    # -------------------------------------------------------------- citations

    def reference(self, event: Event, accessed: str | None = None) -> str:
        """The press conference as a reference-list entry, in this language's convention."""
        raise NotImplementedError

    def report(self, event: Event, accessed: str | None = None) -> str:
        """The article that reported the press conference, as a reference gives it; "" if the base has none."""
        raise NotImplementedError

    def medium(self, event: Event) -> str:
        """What a figure was published in, for a citation's "how published": the press conference and place."""
        raise NotImplementedError

    def attribution(self, fact: Fact, speaker: Speaker | None, event: Event) -> str:
        """Who said a figure, where and when: the line under a quote."""
        raise NotImplementedError


def plain(value: float) -> str:
    """The shortest exact decimal text of a value, never in exponent form: 25500000, 1.73, 0.0000001."""
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 2**53:  # beyond, int() would spell out the float's binary noise
            return str(int(value))
        text = repr(value)
        if "e" in text or "E" in text:
            from decimal import Decimal  # rare: only for very small or very large values

            text = format(Decimal(text), "f")
        return text
    return str(value)


def in_units(value: float, units: tuple, max_decimals: int) -> str | None:
    """value in the largest of `units` that writes it exactly: (4, "万") makes 775700 "77.57万".

    Each unit is (its power of ten, its name). The decimal point of the value's
    exact text is moved, not the value divided: 123456789012345 is not "123456.789 billion".
    """
    sign = "-" if value < 0 else ""
    whole, _, fraction = plain(abs(value)).partition(".")
    for power, name in units:
        if len(whole) > power:  # at least one of this unit
            decimals = (whole[-power:] + fraction).rstrip("0")
            if len(decimals) <= max_decimals:
                return sign + whole[:-power] + ("." + decimals if decimals else "") + name
    return None


def percent(value: float | None) -> str:
    """A percent change with its sign: "+22.48%", "-39.29%", "—" when there is none."""
    if value is None:
        return "—"
    return ("+" if value > 0 else "") + plain(value) + "%"
