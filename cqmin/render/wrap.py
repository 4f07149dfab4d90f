"""Where a line of Chinese, English or both may break, for tables and records at any width.

Rich breaks lines at spaces only, and folds a longer "word" wherever the width
ends; Chinese has no spaces, so "+468万人，+22.48%" would be cut inside a number.
Here a line breaks between words and between Chinese characters, but never
inside a number with its unit and bounds ("2550万人", "325.91元/人·月",
"+22.48%", "超2550万人以上", "3—5万人"), a date or a period ("2017年12月",
"Dec 2017", "2017—2022年"), an amount ("25.5 million"), an id or an English
word, nor before a closing mark or after an opening one (，。）… stay with what
they close). Only what is wider than the whole line is folded.
"""

import re

from rich.cells import cell_len
from rich.containers import Lines
from rich.text import Text

from cqmin.domain import BOUNDS_AFTER, BOUNDS_BEFORE, BOUNDS_INSIDE

# A letter of a script other than Latin: a Chinese measure word ("人", "元/人·月"). As a category, not as the
# range 一-鿿: the range costs 1.5 ms to compile each time it is written, on every run that draws a table.
_WORD = r"[^\W\d_A-Za-z]"
_YEAR_MONTH_DAY = r"年(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?"  # after the year's digits: 年, 年9月, 年10月19日
_AFTER = "|".join(BOUNDS_AFTER)
_NUMBER = (
    rf"(?:{'|'.join(BOUNDS_BEFORE)}|[+\-−≈±<>≤≥])?[0-9][0-9.,:]*(?:[—–~][0-9][0-9.,]*)?%?[万亿]{{0,2}}"
    rf"(?:{'|'.join(BOUNDS_INSIDE)})?"  # then a date, or a measure word of one or two characters, not of its bound
    rf"(?:{_YEAR_MONTH_DAY}|{_WORD}(?:(?!{_AFTER}){_WORD})?(?:/(?:{_WORD}|·)+)?(?:{_AFTER})?)?"
)
# A period: "2017—2022年", "2017年12月—2022年9月", "2017–2022".
_DAY = rf"[0-9]{{4}}(?:{_YEAR_MONTH_DAY})?"
_PERIOD = rf"{_DAY}[—–-]{_DAY}"
# English dates and amounts have spaces inside: "19 Oct 2022", "Sep 2022", "25.5 million".
_ENGLISH = (
    r"(?:[0-9]{1,2} )?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* [0-9]{4}"
    r"|[+\-−≈]?[0-9][0-9.,]* (?:million|billion|trillion)"
)
_TOKEN = re.compile(rf"{_PERIOD}|{_ENGLISH}|{_NUMBER}|[A-Za-z0-9'’._@#&/\-]+|\s+|.", re.DOTALL)
_CLOSING = set("，。、；：！？）》」』”’%,.;:!?)]}")
_OPENING = set("（《「『“‘([{")


def _closes(text: str, start: int) -> bool:
    """Whether the mark at `start` closes what comes before it: a closing mark, or a straight quote after a
    word ("Chapter" press: the quote stays with Chapter)."""
    char = text[start]
    return char in _CLOSING or (char in "\"'" and start > 0 and not text[start - 1].isspace())


def _opens(text: str, end: int) -> bool:
    """Whether the mark at `end` opens what follows it: an opening mark, or a straight quote after a space."""
    return text[end] in _OPENING or (text[end] in "\"'" and not _closes(text, end))


def _units(text: str) -> list[tuple[int, int]]:
    """The spans a line may break between (spaces are spans of their own)."""
    units: list[list[int]] = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        glued = (
            units
            and (_closes(text, start) or _opens(text, units[-1][1] - 1))
            and not text[start].isspace()
            and not text[units[-1][0]].isspace()
        )
        if glued:
            units[-1][1] = end
        else:
            units.append([start, end])
    return [(start, end) for start, end in units]


def pieces(text: str) -> list[str]:
    """The parts of `text` that `divide` keeps on one line ("more", "than", "100 billion", "yuan")."""
    return [text[start:end] for start, end in _units(text) if not text[start:end].isspace()]


def widest(text: str) -> int:
    """The width of the widest piece of `text`: the least a column of it can be."""
    return max((cell_len(piece) for piece in pieces(text)), default=0)


def divide(text: str, width: int, fold: bool = True) -> list[int]:
    """The offsets at which to break `text` into lines of at most `width` cells."""
    offsets: list[int] = []
    used = 0
    line_start = 0
    for start, end in _units(text):
        piece = text[start:end]
        size = cell_len(piece)
        if piece.isspace():
            used += size
            continue
        if used + size > width and start > line_start:
            offsets.append(start)
            line_start, used = start, 0
        if size > width and fold:  # wider than a whole line: fold it, a cell at a time
            for position, char in enumerate(piece, start):
                char_size = cell_len(char)
                if used + char_size > width and position > line_start:
                    offsets.append(position)
                    line_start, used = position, 0
                used += char_size
            continue
        used += size
    return offsets


class Wrapped(Text):
    """Rich Text that wraps by `divide`; copies and joins stay Wrapped."""

    def copy(self) -> "Wrapped":
        copied = self.blank_copy(self.plain)
        copied._spans[:] = self._spans
        return copied

    def blank_copy(self, plain: str = "") -> "Wrapped":
        return Wrapped(
            plain,
            style=self.style,
            justify=self.justify,
            overflow=self.overflow,
            no_wrap=self.no_wrap,
            end=self.end,
            tab_size=self.tab_size,
        )

    def __rich_measure__(self, console, options):
        """The least width is that of the widest piece `divide` keeps whole ("25.5 million", not "million"): a
        table then never gives a column less, and never cuts a figure."""
        from rich.measure import Measurement

        measured = super().__rich_measure__(console, options)
        if self.no_wrap or self.overflow == "ignore":
            return measured
        return Measurement(max(measured.minimum, min(widest(self.plain), measured.maximum)), measured.maximum)

    def wrap(self, console, width, *, justify=None, overflow=None, tab_size=8, no_wrap=None) -> Lines:
        if no_wrap or self.no_wrap or overflow == "ignore" or self.overflow == "ignore":
            return super().wrap(console, width, justify=justify, overflow=overflow, tab_size=tab_size, no_wrap=no_wrap)
        justify = justify or self.justify or "default"
        overflow = overflow or self.overflow or "fold"
        lines = Lines()
        for line in self.split(allow_blank=True):
            if "\t" in line:
                line.expand_tabs(tab_size)
            parts = line.divide(divide(line.plain, width, fold=overflow == "fold"))
            for part in parts:
                part.rstrip_end(width)
            parts.justify(console, width, justify=justify, overflow=overflow)
            for part in parts:
                part.truncate(width, overflow=overflow)
            lines.extend(parts)
        return lines
