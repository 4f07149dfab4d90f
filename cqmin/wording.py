"""What the article's wording says about a figure besides its number: its measure word, and whether it is a plan.

The validator holds each fact to these where the article is explicit: a unit
must agree with the measure word the figure is stated with (km on "365万人" is
wrong), and a figure the quote introduces as a plan (力争, 计划, 未来五年…) is
a target, while one it introduces as done (已, 截至) is achieved.
"""

import re

from cqmin.domain import BOUNDS_AFTER, BOUNDS_BEFORE, BOUNDS_INSIDE
from cqmin.numerals import NUMBER_CHARS

# Words that make what follows a plan. 将 only as "will": "将110万…纳入" is the
# disposal construction (把), and a number right after it is what is moved.
# 计划 not in 计划生育 (family planning), a programme's name, not a plan; 确保 not
# before a slogan in quotation marks ("在确保“兜准底”方面": a heading, not a plan); 目标是, 预计, 有望 and 拟 ("is
# to"; not 模拟) say what is yet to come (a 目标 reached, "完成目标", is not).
_TARGET = re.compile(
    r"未来五年|力争|计划(?!生育)|下一步|接下来|确保(?!“)|再建设|目标(?:是|为|[:：]|(?=[0-9零〇一二两三四五六七八九十百千约超近]))|预计|有望|(?<![模虚])拟(?!定)"
    r"|将(?![0-9零〇一二两三四五六七八九十百千近约超])"
)
_DONE = re.compile(r"已|截至")
_WHITESPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Text with all whitespace removed: the article breaks lines inside sentences."""
    return _WHITESPACE.sub("", text)


def unit_agrees(measure_word: str, unit_words: list[str]) -> bool:
    """Whether a stated measure word ("个事项") fits a unit's words ("个"); a bare number fits any unit."""
    return not measure_word or any(measure_word.startswith(word) for word in unit_words)


# What continues a number: a figure found right after one is part of a larger one ("50万" in "2550万"),
# and one that ends in a digit, found right before one, is part of a larger one too ("255" in "2550万").
# Words that bound a figure from before or after it: the quote's "超2550万人以上" is not an exact 2550万人.
_BEFORE = tuple(BOUNDS_BEFORE)
_AFTER = (*BOUNDS_AFTER, *BOUNDS_INSIDE)


def find_figure(text: str, figure: str) -> int:
    """Where the quote (squeezed) states the figure (squeezed) as a whole number, not as part of one; else -1."""
    start = 0
    while (position := text.find(figure, start)) >= 0:
        end = position + len(figure)
        before = text[position - 1] if position else ""
        after = text[end] if end < len(text) else ""
        if before not in NUMBER_CHARS and not (figure[-1:] in NUMBER_CHARS and after in NUMBER_CHARS):
            return position
        start = position + 1
    return -1


def bounding_word(text: str, position: int, figure: str) -> str | None:
    """A word the quote puts right before or after the figure that bounds it ("超", "以上"), if any."""
    before = text[:position]
    after = text[position + len(figure) :]
    return next((word for word in _BEFORE if before.endswith(word)), None) or next(
        (word for word in _AFTER if after.startswith(word)), None
    )


def stated_kind(quote: str, stated: str) -> tuple[str, str] | None:
    """("target" or "achieved", the word that says so) where the quote says which the figure is, else None.

    The last of those words before the figure decides: in "计划实施的60个项目截至目前
    已建成投用35个", 60 is planned and 35 is done.
    """
    text, figure = squeeze(quote), squeeze(stated)
    position = find_figure(text, figure)
    if position < 0:
        return None
    # Matched on the whole text, so that 将 sees what follows it, then kept if before the figure.
    marks = [(match.start(), "target", match.group()) for match in _TARGET.finditer(text)]
    marks += [(match.start(), "achieved", match.group()) for match in _DONE.finditer(text)]
    marks = [mark for mark in marks if mark[0] < position]
    if not marks:
        return None
    _, kind, word = max(marks)
    return kind, word
