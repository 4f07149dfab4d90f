"""The dates and periods a Chinese sentence names, read against the day of its press conference.

"截至今年9月" at a conference of 2022-10-19 is September 2022; "去年" at one of
2024 is 2023; "一季度" is the first quarter; "十四五" the plan period 2021-2025.
Each phrase found (`said`) gives the ISO dates that state it, all equally right
("2022-09" and "2022-09-30" both end with September), and whether it dates what
a figure is compared with ("较2017年末", "比2012年", "从2012年的"). validate
holds a fact's as_of and its baseline's to the phrase next to each figure;
draft and check read dates with it too.
"""

import datetime as _dt
import re

from cqmin.record import Record

_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_FIRST_QUARTERS = {"二": 2, "两": 2, "三": 3}
_PLANS = {"十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025), "十五五": (2026, 2030)}
_RELATIVE = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1}
_YEARS_AHEAD = {"三": 3, "五": 5, "十": 10}


_MONTH = r"1[0-2]|0?[1-9]"
_DASH = r"[—–\-~～至到]"


def _month(prefix: str) -> str:
    """A month (9月, 9月底), or months of one year (1—9月, 1月至9月)."""
    return rf"(?:(?P<{prefix}month_from>{_MONTH})月?{_DASH})?(?P<{prefix}month>{_MONTH})月(?P<{prefix}month_end>底|末)?"


def _part(prefix: str) -> str:
    """A part of a year (a month, a half, a quarter, the first quarters, its end), its groups named with `prefix`."""
    return (
        rf"(?:{_month(prefix)}|(?P<{prefix}half>上半年|下半年)|(?P<{prefix}first>前[二两三]季度)"
        rf"|第?(?P<{prefix}quarter>[一二三四1-4])季度|(?P<{prefix}year_end>年底|年末))"
    )


# The relative years, each guarded against the words that merely contain it: 基本年均 is no 本年, 提前年内
# no 前年, 以上年龄 no 上年.
_RELATIVE_WORDS = {
    "本年": r"(?<![基根成资文版样日剧课读账标范原脚])本年", "上年": r"(?<!以)上年(?![龄纪])",
    "前年": r"(?<![提以此之目史])前年",
}  # fmt: skip
_YEAR = r"(?<![0-9])(?:19|20)[0-9]{2}"
# Years (2021—2025年), a year (2012年, 2017年末, 2022年1—9月, 2017年以来), a year said relatively (今年,
# 去年底, 去年一季度), a part of a year alone (9月底, 上半年), a plan period (十四五), the years ahead (未来五年),
# or now (截至目前; not 体现在).
_PATTERN = re.compile(
    rf"(?P<from_year>{_YEAR})年?{_DASH}(?P<to_year>{_YEAR})年"
    rf"|(?P<year>{_YEAR})年(?:(?P<end>末|底)|{_month('y')}|(?P<since>以来))?"
    rf"|(?P<relative>{'|'.join(_RELATIVE_WORDS.get(word, word) for word in _RELATIVE)})"
    rf"(?:(?P<rend>底|末)|{_part('r')})?"
    rf"|(?<![0-9年]){_part('')}"
    rf"|(?P<plan>{'|'.join(_PLANS)})"
    rf"|未来(?P<ahead>[三五十])年"
    r"|(?P<now>截至目前|目前|(?<![体表实出呈发])现在|当前)"
)
# What a figure is compared with follows one of these: 较2017年末, 较之, 相较于, 比, 从, 由, 与…相比.
_COMPARED = re.compile(r"(?:较之?|相较于?|相比于?|比|从|由|与|同|自)$")
# 年底 said alone dates only where it begins a phrase (截至年底, 到年底): 千年底蕴 names no date.
_YEAR_END_ALONE = re.compile(r"(?:^|截至|截止|到|至|于|在|[，,、；：])$")


class Said(Record):
    start: int
    end: int
    words: str  # as the sentence writes them: "今年9月"
    dates: tuple[str, ...]  # the as_of values that state it, the likeliest first
    compared: bool  # the date of what a figure is compared with ("较2017年末")


def _last_day(year: int, month: int) -> str:
    from cqmin import dates

    return dates.end(f"{year}-{month:02d}").isoformat()


def _through(year: int, first: int, last: int) -> tuple[str, ...]:
    """A stretch of one year ending with month `last`: as its last day, its end month, or the period."""
    return _last_day(year, last), f"{year}-{last:02d}", f"{year}-{first:02d}/{year}-{last:02d}"


def _part_dates(groups: dict, year: int, event: _dt.date, prefix: str) -> tuple[str, ...] | None:
    """The dates of a part of a year: a month, a half, a quarter, the first quarters, the year's end.

    A part said alone (prefix "") is of the conference's year, unless it is still to come: "11月底"
    or "四季度" said in January are last year's.
    """
    alone = prefix == ""
    month = groups.get(f"{prefix}month")
    if month:
        month = int(month)
        year -= 1 if alone and month > event.month else 0
        if groups.get(f"{prefix}month_from"):
            return _through(year, int(groups[f"{prefix}month_from"]), month)
        if groups.get(f"{prefix}month_end"):
            return _last_day(year, month), f"{year}-{month:02d}"
        return f"{year}-{month:02d}", _last_day(year, month)
    if groups.get(f"{prefix}half"):
        first = 1 if groups[f"{prefix}half"] == "上半年" else 7
        dates = _through(year, first, first + 5)
        if alone and first > event.month:  # 下半年 said in April: still to come (a plan), or last year's
            dates += _through(year - 1, first, first + 5)
        return dates
    if groups.get(f"{prefix}first"):
        return _through(year, 1, 3 * _FIRST_QUARTERS[groups[f"{prefix}first"][1]])
    if groups.get(f"{prefix}quarter"):
        quarter = _QUARTERS[groups[f"{prefix}quarter"]]
        year -= 1 if alone and 3 * quarter - 2 > event.month else 0
        return _through(year, 3 * quarter - 2, 3 * quarter)
    if groups.get(f"{prefix}year_end"):
        dates = f"{year}-12", f"{year}-12-31", str(year)
        if alone:  # 截至年底 said in January is last year's end; 到年底 this year's, still to come
            dates += (f"{year - 1}-12", f"{year - 1}-12-31", str(year - 1))
        return dates
    return None


def _dates(match: re.Match, event: _dt.date) -> tuple[str, ...]:
    groups = match.groupdict()
    if groups["from_year"]:
        return (f"{groups['from_year']}/{groups['to_year']}",)
    if groups["year"]:
        year = int(groups["year"])
        if groups["end"]:
            return f"{year}-12", f"{year}-12-31", str(year)
        if groups["since"]:  # a total since then, as of the press conference
            return f"{year}/{event.year}", event.isoformat(), f"{event.year}-{event.month:02d}"
        return _part_dates(groups, year, event, "y") or (str(year),)
    if groups["relative"]:
        year = event.year + _RELATIVE[groups["relative"]]
        if groups["rend"]:
            return f"{year}-12", f"{year}-12-31", str(year)
        return _part_dates(groups, year, event, "r") or (str(year),)
    if groups["plan"]:
        first, last = _PLANS[groups["plan"]]
        return (f"{first}/{last}",)
    if groups["ahead"]:
        years = _YEARS_AHEAD[groups["ahead"]]
        return (f"{event.year + 1}/{event.year + years}",)
    if groups["now"]:
        return event.isoformat(), f"{event.year}-{event.month:02d}"
    return _part_dates(groups, event.year, event, "") or ()


def said(text: str, event_date: str | _dt.date) -> list[Said]:
    """Every date or period `text` names (whitespace removed first, as quotes are compared), in order."""
    event = _dt.date.fromisoformat(event_date) if isinstance(event_date, str) else event_date
    found = []
    for match in _PATTERN.finditer(text):
        if match["year_end"] and not _YEAR_END_ALONE.search(text[max(0, match.start() - 2) : match.start()]):
            continue
        dates = _dates(match, event)
        if dates:
            compared = bool(_COMPARED.search(text[max(0, match.start() - 3) : match.start()]))
            found.append(Said(match.start(), match.end(), match.group(), dates, compared))
    return found


def before(phrases: list[Said], position: int, compared: bool) -> Said | None:
    """The phrase nearest before `position` that dates a figure (compared=False) or what it is compared with."""
    return next(
        (phrase for phrase in reversed(phrases) if phrase.end <= position and phrase.compared == compared), None
    )


def starts_after(text: str, day) -> bool:
    """Whether a date or period begins after `day`: a figure of it is still to come."""
    from cqmin import dates

    return dates.start(text) > day


# Periods a figure is totalled or averaged over: 近五年 / 五年来, 党的十九大以来, 今年以来. They date a total or
# a rate ("五年累计…365万人", "年均增长8.9%"), not a level, so validate does not hold as_of to them; draft and
# check read them where a figure totals or grows.
SPANS = re.compile(
    r"(?:近|这)?(?P<years>五|三|十)年(?:来|间|累计)|党的(?P<congress>十九|二十)大以来|(?P<this>今年)以来"
)
_CONGRESSES = {"十九": 2017, "二十": 2022}


def span_dates(match: re.Match, event: _dt.date) -> str:
    """The period a span phrase (SPANS) names, read against the day of the press conference."""
    if match["years"]:
        return f"{event.year - _YEARS_AHEAD[match['years']]}/{event.year}"
    if match["congress"]:
        return f"{_CONGRESSES[match['congress']]}/{event.year}"
    return str(event.year)
