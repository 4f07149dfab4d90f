"""What every Rich table of cqmin shares: the console, safe text, table style, cells, bars.

Imported only on the paths that draw a table (Rich costs ~60 ms to import).
Every string that comes from a fact base goes through `text`, which builds a
Rich Text (so "[bold]" in a label is printed, not obeyed) from text cleaned of
control characters. Figures are never cut: their columns do not wrap, and fold
onto another line only when the terminal is narrower than the figure itself.
"""

import io
from collections.abc import Iterator
from contextlib import contextmanager

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from cqmin.render.safe import clean
from cqmin.terminal import Terminal

_EIGHTHS = " ▏▎▍▌▋▊▉"


@contextmanager
def drawing(term: Terminal) -> Iterator[Console]:
    """A console to draw on; what is drawn goes to the terminal at the end.

    Without colour (a pipe, a file, NO_COLOR) the spaces Rich pads the last
    cell of a line with are removed, so the text diffs and greps cleanly.
    """
    buffer = io.StringIO()
    yield Console(
        file=buffer,
        width=term.width,
        color_system="auto" if term.color else None,
        force_terminal=term.color,
        no_color=not term.color,
        markup=False,
        highlight=False,
        emoji=False,
        legacy_windows=False,
        safe_box=not term.unicode,
    )
    drawn = buffer.getvalue()
    if not term.color:
        drawn = "\n".join(line.rstrip() for line in drawn.split("\n"))
    if not term.unicode:
        drawn = drawn.translate(_ASCII)
    term.write(drawn)


# For outputs that cannot hold more than ASCII: the symbols tables use, spelled out.
_ASCII = str.maketrans(
    {"—": "-", "–": "-", "−": "-", "·": "-", "→": "->", "≤": "<=", "≥": ">=", "²": "2", "×": "x", "÷": "/",
     "“": '"', "”": '"', "‘": "'", "’": "'", "…": "...", "【": "[", "】": "]", "（": "(", "）": ")"}
)  # fmt: skip


def text(value, style: str = "", lines: bool = False) -> Text:
    """Untrusted text, literally: no markup, no control characters (nor line breaks, unless `lines`)."""
    return Text(clean(str(value), keep_newlines=lines), style=style)


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
    lines: list[Text] = []
    for head, details in records:
        lines.append(head)
        lines += [Text("  ") + detail for detail in details]
    out.print(Text("\n").join(lines))


def key_values(rows: list[tuple[str, Text]]) -> Table:
    """Two columns, a dim key and its value: the layout of one record."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(overflow="fold")
    for key, value in rows:
        grid.add_row(key, value)
    return grid


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
