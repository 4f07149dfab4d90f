"""Figures in running Chinese text: each number with its bound, 万 or 亿, measure word, and nothing that is not one.

`mentions("全市养老床位数达到23万张，每千名老人拥有床位32.8张")` finds "23万张" and
"32.8张", each read by numerals.read_stated (so that what draft writes, validate
reads the same way). Not figures: years, months and days (2022年, 9月), quarters,
ages in a definition (3岁以下), ordinals (第二场; but 全国第二 is a rank), plan
and congress names (十四五, 二十大), enumerations (一是), grades and tiers (三甲,
三级), names such as 5G or “15+5”, durations (近十年, 五年来), how many of
something there are in a list of points (3个方面), and multiples of a change
(增长1.2倍), which a baseline is derived from. Chinese numerals count only where
万 or 亿, a bound (近百万, 超千亿, 三百余家) or 全国第 make them a figure.
"""

import re
from decimal import Decimal

from cqmin import numerals
from cqmin.domain import BOUNDS_AFTER, BOUNDS_BEFORE, BOUNDS_INSIDE, Qualifier
from cqmin.record import Record

# The measure words a figure of an article is counted in, each with the unit `cqmin draft` makes of it:
# (its id, what an English reader counts). 人 and 名 count the same people.
MEASURES = {
    "人": ("people", "people"), "名": ("people", "people"), "人次": ("person-times", "person-times"),
    "户": ("households", "households"), "元": ("yuan", "yuan"), "%": ("percent", "%"), "％": ("percent", "%"),
    "‰": ("permille", "‰"), "个百分点": ("points", "percentage points"), "公里": ("km", "km"), "千米": ("km", "km"),
    "平方米": ("m2", "m²"), "平方公里": ("km2", "km²"), "公顷": ("hectares", "hectares"), "亩": ("mu", "mu"),
    "分钟": ("minutes", "minutes"), "小时": ("hours", "hours"), "天": ("days", "days"), "吨": ("tonnes", "tonnes"),
    "千瓦": ("kilowatts", "kW"), "米": ("metres", "metres"), "个": ("ge", "items"), "家": ("jia", "institutions"),
    "张": ("zhang", "items"), "座": ("zuo", "structures"), "条": ("tiao", "lines"), "处": ("chu", "sites"),
    "件": ("jian", "items"), "项": ("xiang", "items"), "所": ("suo", "institutions"), "类": ("lei", "kinds"),
    "辆": ("vehicles", "vehicles"), "台": ("tai", "machines"), "套": ("tao", "sets"), "次": ("times", "times"),
    "间": ("rooms", "rooms"), "栋": ("buildings", "buildings"), "艘": ("vessels", "vessels"),
    "架": ("jia-aircraft", "aircraft"),
    "例": ("cases", "cases"), "位": ("wei", "persons"), "只": ("zhi", "items"), "头": ("head", "head"),
    "本": ("volumes", "volumes"), "册": ("copies", "copies"), "部": ("bu", "items"), "场": ("chang", "events"),
    "批": ("batches", "batches"), "期": ("issues", "issues"), "笔": ("transactions", "transactions"),
    "宗": ("zong", "cases"), "棵": ("trees", "trees"), "株": ("plants", "plants"), "床": ("beds", "beds"),
    "岗": ("posts", "posts"), "门": ("men", "items"), "种": ("zhong", "kinds"), "支": ("teams", "teams"),
    "队": ("teams-dui", "teams"),
}  # fmt: skip
# The verbs that state a change, not a level: the figure after one is by how much ("增加468万人"), which a
# baseline is derived from; RISES of them go up. (draft, validate and check read a change alike.)
RISES = ("增加", "增长", "提高", "提升", "上升")
CHANGES = (*RISES, "减少", "下降", "降低", "缩短")
CHANGE_VERB = f"(?:{'|'.join(CHANGES)})"
CHANGED_BY = re.compile(rf"{CHANGE_VERB}了?$")  # right before a number: the number is a change
_ARABIC = r"[0-9]{1,16}(?:\.[0-9]{1,10})?"
_CHINESE = r"[零〇一二两三四五六七八九十百千]{1,12}"
_NUMBER = rf"(?:{_ARABIC}|{_CHINESE})"
_CANDIDATE = re.compile(
    rf"(?P<prefix>{'|'.join(BOUNDS_BEFORE)})?(?P<ordinal>全国第)?"
    rf"(?P<number>(?<![0-9.]){_NUMBER})"
    rf"(?:(?P<low>[万亿]{{1,2}})?(?P<dash>[—–~～至])(?P<high>{_NUMBER})|:(?P<other>[0-9]{{1,3}}(?![0-9])))?"
    rf"(?:(?P<infix_before>{'|'.join(BOUNDS_INSIDE)})(?=[万亿]))?"  # "2550余万人": as "2550万余人"
    rf"(?P<multiplier>万亿|万|亿)?(?P<infix>{'|'.join(BOUNDS_INSIDE)})?"
    rf"(?P<word>{'|'.join(re.escape(word) for word in sorted(MEASURES, key=len, reverse=True))})?"
    rf"(?P<suffix>{'|'.join(BOUNDS_AFTER)})?"
)
# What makes a number no figure: what follows it, or what comes before it.
_NOT_AFTER = re.compile(
    r"年|月|日|季度|岁|届|大|五(?:规划)?(?![0-9])|[A-Za-z]|\+|是|号|周年|个方面|倍|后|时期|级|甲|轮|方面|期间"
)
_NOT_BEFORE = re.compile(r"(?:第|\+|十|[A-Za-z]|“|/)$")  # ("9.5/10万": per 100,000, a rate's base)


class Mention(Record):
    start: int
    end: int  # where in the text the figure is, as written with its bounds
    stated: str
    value: Decimal
    high: Decimal | None
    qualifier: Qualifier
    word: str  # its measure word ("人", "个百分点", "%"), "" for a bare number in 万 or 亿
    ordinal: bool  # a place in a ranking (全国第二)
    number: str  # the number alone, with its 万 or 亿: "2550万", "717", "1.2" (what a derivation writes)


def _kept(match: re.Match, text: str) -> bool:
    """Whether a number the pattern found is a figure (see the module's docstring)."""
    groups = match.groupdict()
    after = text[match.end("number") :]
    bare = groups["word"] is None and groups["multiplier"] is None and groups["high"] is None
    if bare and groups["other"] is None and not groups["ordinal"]:
        return False  # a bare number: a name ("1环5横"), a code, a numbering
    if groups["dash"] is None and groups["multiplier"] is None and groups["infix"] is None and _NOT_AFTER.match(after):
        return False
    if groups["word"] and _NOT_AFTER.match(text[match.end("word") :]) and groups["word"] == "个":
        return False  # "3个方面"
    if not groups["prefix"] and not groups["ordinal"] and _NOT_BEFORE.search(text[: match.start("number")]):
        return False
    chinese = not groups["number"][0].isdigit()
    if chinese and groups["number"][0] in "十百千" and text[: match.start("number")].endswith(("数", "几")):
        return False  # 数十万, 几百余: how many is not said (人数两千五百万 is a figure)
    counted = groups["number"].endswith(("十", "百", "千")) or (groups["multiplier"] and groups["infix"])
    if chinese and (groups["infix"] or groups["infix_before"]) and not counted:
        return False  # 三百余, 十多, 两千多, 三万余 are figures; not the 一多 of 统一多部门 or 这一多元
    return not chinese or bool(groups["multiplier"] or groups["prefix"] or groups["ordinal"] or groups["infix"])


def mentions(text: str) -> list[Mention]:
    """The figures of a text, in order: each as stated, and read (numerals.read_stated)."""
    found = []
    for match in _CANDIDATE.finditer(text):
        if not _kept(match, text):
            continue
        stated = match.group()
        try:
            reading = numerals.read_stated(stated)
        except ValueError:
            continue
        number = match["number"] + (match["multiplier"] or "") if match["high"] is None else ""
        found.append(Mention(match.start(), match.end(), stated, reading.value, reading.high, reading.qualifier,
                             reading.measure_word, reading.ordinal, number))  # fmt: skip
    return found
