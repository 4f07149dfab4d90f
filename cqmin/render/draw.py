"""What every Rich table of cqmin shares: the console, safe text, table style, cells, bars.

Imported only on the paths that draw a table (Rich costs ~60 ms to import).
Every string that comes from a fact base goes through `text`, which builds a
Rich Text (so "[bold]" in a label is printed, not obeyed) from text cleaned of
control characters. Figures are never cut: their columns do not wrap, and fold
onto another line only when the terminal is narrower than the figure itself.
"""

import io
from collections.abc import Callable

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from cqmin.render.safe import clean
from cqmin.render.wrap import Wrapped
from cqmin.terminal import Terminal

_EIGHTHS = " ▏▎▍▌▋▊▉"


def draw(terminal: Terminal, paint: Callable[[Console], None]) -> str:
    """What `paint` draws on a console fitted to the terminal, as text.

    Without colour (a pipe, a file, NO_COLOR) the spaces Rich pads the last
    cell of a line with are removed, so the text diffs and greps cleanly.
    """
    buffer = io.StringIO()
    paint(
        Console(
            file=buffer,
            width=terminal.width,
            color_system="auto" if terminal.color else None,
            force_terminal=terminal.color,
            no_color=not terminal.color,
            markup=False,
            highlight=False,
            emoji=False,
            legacy_windows=False,
            safe_box=not terminal.unicode,
        )
    )
    drawn = buffer.getvalue()
    if not terminal.color:
        drawn = "\n".join(line.rstrip() for line in drawn.split("\n"))
    if not terminal.unicode:
        drawn = drawn.translate(_ASCII)
    return drawn


# For outputs that cannot hold more than ASCII: the symbols tables use, spelled out.
_ASCII = str.maketrans(
    {"—": "-", "–": "-", "−": "-", "·": "-", "→": "->", "≤": "<=", "≥": ">=", "²": "2", "×": "x", "÷": "/",
     "“": '"', "”": '"', "‘": "'", "’": "'", "…": "...", "【": "[", "】": "]", "（": "(", "）": ")"}
)  # fmt: skip


def text(value, style: str = "", lines: bool = False) -> Text:
    """Untrusted text, literally: no markup, no control characters (nor line breaks, unless `lines`)."""
    return Wrapped(clean(str(value), keep_newlines=lines), style=style)


def joined(lines: list[Text]) -> Text:
    """Lines as one Text (one print: each costs a pass through Rich's pipeline), wrapping as `text` does."""
    return Wrapped("\n").join(lines)


def table(term: Terminal, *headers: str) -> Table:
    """A borderless table with a rule under the header; every column folds rather than truncates."""
    drawn = Table(
        box=box.SIMPLE_HEAD if term.unicode else box.ASCII2,
        show_edge=False,
        pad_edge=False,
        expand=False,
        header_style="bold",
    )
    for header in headers:
        drawn.add_column(header, overflow="fold")
    return drawn


def keep_whole(drawn: Table, *indexes: int, right: bool = False) -> None:
    """Columns whose cells stay on one line (figures, dates, ids) unless the terminal is narrower."""
    for index in indexes:
        drawn.columns[index].no_wrap = True
        if right:
            drawn.columns[index].justify = "right"


# The least width a column of words (labels) may have; below it, a table stacks instead.
MIN_WORDS = 16
# Between two columns of a table: the padding of each, and the space between them.
GAP = 3


def fits(term: Terminal, whole: list[list[str]], worded: int = 1) -> bool:
    """Whether a table fits: columns `whole` (figures, dates, ids: never broken), plus `worded` columns of words."""
    widths = [max((cell_len(cell) for cell in column), default=0) for column in whole]
    return sum(widths) + MIN_WORDS * worded + GAP * (len(widths) + worded - 1) <= term.width


def stacked(out: Console, records: list[tuple[Text, list[Text]]]) -> None:
    """Each record as a heading line and indented lines under it: the layout for narrow terminals,
    where a table would have to cut its figures; text here only ever wraps."""
    lines: list = []
    for head, details in records:
        lines.append(head)
        for detail in details:  # one that will wrap keeps its indent on every line (a Padding costs a print)
            wraps = not detail.no_wrap and cell_len(detail.plain) + 2 > out.width
            lines.append(hanging(detail, 2) if wraps else indented(detail))
    print_lines(out, lines)


def whole(value: str, style: str = "") -> Text:
    """An id: never broken across lines; on a terminal narrower than it, the terminal wraps the line."""
    return Text(clean(value), style=style, no_wrap=True, overflow="ignore")


def indented(line: Text, by: int = 2) -> Text:
    """A line moved right, keeping whether it may wrap (`Text + Text` would not)."""
    moved = Text(" " * by, no_wrap=line.no_wrap, overflow=line.overflow)
    moved.append_text(line)
    return moved


def hanging(line: Text, by: int) -> Padding:
    """A line indented by `by`, whose wrapped lines keep the indent."""
    return Padding(line, (0, 0, 0, by))


class _AsRenderable:
    """A Text handed to Rich as a renderable. Console.print joins the texts it is given into a new,
    plain Text, which would wrap by Rich's rules, not by Wrapped's (figures and dates whole)."""

    __slots__ = ("text",)

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_console__(self, console, options):
        yield self.text


def print_text(out: Console, line: Text) -> None:
    """One Text, wrapped as it wraps itself (Wrapped: never inside a figure or a date)."""
    out.print(_AsRenderable(line))


def print_lines(out: Console, lines: list) -> None:
    """Lines in as few prints as possible (each costs a pass through Rich); those that must not wrap, and
    indented blocks, on their own."""
    run: list[Text] = []
    for line in lines:
        if isinstance(line, Text) and not line.no_wrap:
            run.append(line)
            continue
        if run:
            print_text(out, joined(run))
            run = []
        if isinstance(line, Text):
            print_whole(out, line)
        else:
            out.print(line)
    if run:
        print_text(out, joined(run))


# A record's values get at least this many columns beside their keys; below, each goes under its key.
MIN_VALUES = 24


def key_values(rows: list[tuple[str, Text]], width: int):
    """A record: dim keys beside their values, or, on a narrow terminal, each value under its key."""
    keys = max((cell_len(key) for key, _ in rows), default=0)
    if width - keys - 2 < MIN_VALUES:
        return Group(*(part for key, value in rows for part in (Text(key, style="dim"), hanging(value, 2))))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(overflow="fold")
    for key, value in rows:
        grid.add_row(key, value)
    return grid


def print_whole(out: Console, line: Text) -> None:
    """A line that must not wrap (an id): whole, for the terminal to wrap if it is narrower."""
    out.print(line, no_wrap=True, overflow="ignore", crop=False)


def pad(value: str, width: int, right: bool = False) -> str:
    """`value` padded with spaces to `width` terminal cells (a Chinese character takes two)."""
    space = " " * max(0, width - cell_len(value))
    return space + value if right else value + space


def bar(value: float, top: float, width: int, unicode: bool) -> str:
    """A horizontal bar of value/top over `width` cells, drawn in eighths of a cell."""
    if top <= 0 or value <= 0 or width <= 0:
        return ""
    eighths = max(1, round(value / top * width * 8))
    if not unicode:
        return "#" * max(1, round(eighths / 8))
    full, part = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[part] if part else "")


def section(out: Console, title: str) -> None:
    """A blank line, then a title."""
    out.print(Text("\n") + Text(title, style="bold underline"))
