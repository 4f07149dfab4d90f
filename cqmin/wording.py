"""What the article's wording says about a figure besides its number: its measure word, and whether it is a plan.

The validator holds each fact to these where the article is explicit: a unit
must agree with the measure word the figure is stated with (km on "365万人" is
wrong), and a figure the quote introduces as a plan (力争, 计划, 未来五年…) is
a target, while one it introduces as done (已, 截至) is achieved.
"""

import re

# Words that make what follows a plan. 将 only as "will": "将110万…纳入" is the
# disposal construction (把), and a number right after it is what is moved.
_TARGET = re.compile(r"未来五年|力争|计划|下一步|接下来|确保|再建设|将(?![0-9零〇一二两三四五六七八九十百千近约超])")
_DONE = re.compile(r"已|截至")
_WHITESPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Text with all whitespace removed: the article breaks lines inside sentences."""
    return _WHITESPACE.sub("", text)


def unit_agrees(measure_word: str, unit_words: list[str]) -> bool:
    """Whether a stated measure word ("个事项") fits a unit's words ("个"); a bare number fits any unit."""
    return not measure_word or any(measure_word.startswith(word) for word in unit_words)


def stated_kind(quote: str, stated: str) -> tuple[str, str] | None:
    """("target" or "achieved", the word that says so) where the quote says which the figure is, else None.

    The last of those words before the figure decides: in "计划实施的60个项目截至目前
    已建成投用35个", 60 is planned and 35 is done.
    """
    text, figure = squeeze(quote), squeeze(stated)
    position = text.find(figure)
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
