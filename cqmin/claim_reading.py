"""The figures of a claim, read: Chinese as an article states them (figures.py), English by its own words.

`cqmin check` (claims.py) holds each figure read here to the fact its words are
about. A claim is read as people write it: full-width digits, thousands
separators and invisible characters do not change a figure; a bound in front
of a figure ("不超过", "no more than") is its; a denial before it ("没有达到",
"did not reach") marks it, for check weighs no denial; a change is told by the
verb before it ("增加468万人", "up by 4.68 million").
"""

import re
from decimal import Decimal

from cqmin import figures, wording
from cqmin.domain import Qualifier as Q
from cqmin.record import Record

CJK = re.compile(r"[\u3400-\u9fff]")
_EN_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_EN_BOUNDS = {
    "more than": Q.MORE_THAN, "over": Q.MORE_THAN, "above": Q.MORE_THAN, "exceeding": Q.MORE_THAN,
    "at least": Q.AT_LEAST, "nearly": Q.APPROX, "almost": Q.APPROX, "about": Q.APPROX, "around": Q.APPROX,
    "approximately": Q.APPROX, "roughly": Q.APPROX, "some": Q.APPROX, "fewer than": Q.LESS_THAN,
    "less than": Q.LESS_THAN, "under": Q.LESS_THAN, "below": Q.LESS_THAN, "up to": Q.AT_MOST, "at most": Q.AT_MOST,
    "surpassed": Q.MORE_THAN, "surpassing": Q.MORE_THAN, "surpasses": Q.MORE_THAN, "surpass": Q.MORE_THAN,
    "exceeded": Q.MORE_THAN, "exceeds": Q.MORE_THAN, "exceed": Q.MORE_THAN, "topped": Q.MORE_THAN,
    "in excess of": Q.MORE_THAN, "upwards of": Q.MORE_THAN,
}  # fmt: skip
_EN_NOT_BOUNDS = {
    "no fewer than": Q.AT_LEAST, "no less than": Q.AT_LEAST, "not less than": Q.AT_LEAST,
    "not fewer than": Q.AT_LEAST, "no more than": Q.AT_MOST, "not more than": Q.AT_MOST, "not over": Q.AT_MOST,
    "without exceeding": Q.AT_MOST,
}  # fmt: skip
_EN_BOUNDS = {**_EN_NOT_BOUNDS, **_EN_BOUNDS}
_EN_DENIAL = re.compile(r"\b(?:not|never|no|failed to|fell short|falls? short|yet to)\b|n't\b", re.I)
_EN_FIGURE = re.compile(
    rf"(?P<bound>\b(?:{'|'.join(sorted(_EN_BOUNDS, key=len, reverse=True))})\s+)?"
    r"(?P<number>(?<![\w.])[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|(?<![\w.])[0-9]+(?:\.[0-9]+)?)"
    rf"(?:\s*(?P<scale>{'|'.join(_EN_SCALES)})\b)?(?P<percent>\s*(?:%|per\s?cent\b))?",
    re.IGNORECASE,
)
_EN_CHANGE = re.compile(
    r"\b(?:up|down|rose|fell|grew|increased?|decreased?|risen|fallen|gain(?:ed)?)\s+(?:by\s+)?$", re.I
)
EN_YEAR = re.compile(r"\b(19|20)[0-9]{2}\b")


class Figure(Record):
    """A figure of the claim, read."""

    stated: str  # as the claim writes it
    value: Decimal
    high: Decimal | None
    qualifier: Q
    word: str  # its measure word or English unit, "" if none
    start: int
    end: int
    change: int  # +1 or -1 for a change the claim states ("增加468万人", "up by 4.68 million"), else 0
    negated: bool = False  # "没有达到2550万人", "did not reach 25.5 million": a denial, which check does not weigh
    earlier: bool = False  # the level a change starts from: 从42:58优化为56:44, "fell from 28 to 17 minutes"


# "不超过2500万": 不 turns the bound round (figures.py reads 超过); "不少于", "不低于": at least.
LIST_JOINS = ("、", "和", "及", "以及")  # what joins the items of a list: "养老、失业和工伤保险"
_NOT_BOUND = {Q.MORE_THAN: Q.AT_MOST, Q.AT_LEAST: Q.LESS_THAN, Q.LESS_THAN: Q.AT_LEAST}  # 不超过, 不低于
_AT_LEAST_WORDS = re.compile(r"(?:不少于|不低于|不下于)$")
# A denial before a figure in its clause: "没有达到", "尚未", "并非"; check does not weigh what is denied.
_DENIAL = re.compile(
    r"没有|没能|没达|没到|还没|未能|尚未|并未|并非|绝非|不是|不可能|未达|未到|未曾|未超|未突破|未完成"
    r"|(?:未|没|不曾|无法|难以)$"
)  # (right before a bound: 未突破3200万, 没超过)
JOINS = re.compile("|".join(sorted(LIST_JOINS, key=len, reverse=True)))  # (between two figures of a clause)
SCOPE = re.compile(r"^(?:全市|全国|全省|全区|我市|本市|重庆市?)+")  # what a list may begin with, before its names


def clause_start(text: str, position: int) -> int:
    return max(text.rfind(mark, 0, position) for mark in "，。；：！？,;") + 1


def clause_end(text: str, position: int, marks: str = "，。；,;") -> int:
    ends = [end for end in (text.find(mark, position) for mark in marks) if end >= 0]
    return min(ends, default=len(text))


# A figure a change starts from: after 从 or 由 in its clause, and before a word that says what it became (为, 到,
# 至, 成) and the figure it became, in the same clause
_FROM = re.compile(r"[从由][^，。；,;]{0,10}$")  # (从2012年的325元)
_BECAME = re.compile(r"^[^，。；,;0-9]{0,8}?(?:为|到|至|成)[^，。；,;0-9]{0,6}$")
_EN_FROM = re.compile(r"\bfrom\s+$", re.I)
_EN_BECAME = re.compile(r"^\s*(?:[a-z]+\s+){0,2}to\s+$", re.I)


def _chinese(text: str) -> list[Figure]:
    found: list[Figure] = []
    mentions = list(figures.mentions(text))
    for index, mention in enumerate(mentions):
        verb = figures.CHANGED_BY.search(text[max(0, mention.start - 4) : mention.start])
        change = (1 if verb[0].rstrip("了") in figures.RISES else -1) if verb else 0
        if not change and found and found[-1].change and text[found[-1].end : mention.start] in LIST_JOINS:
            change = found[-1].change  # "分别增加468万人、134万人和251万人": each a change
        qualifier, stated, start = mention.qualifier, mention.stated, mention.start
        if text[max(0, start - 1) : start] == "不" and qualifier in _NOT_BOUND:
            qualifier, stated, start = _NOT_BOUND[qualifier], "不" + stated, start - 1
        elif _AT_LEAST_WORDS.search(text[: mention.start]) and qualifier is Q.EXACT:
            qualifier = Q.AT_LEAST
        denied = bool(_DENIAL.search(text[clause_start(text, mention.start) : mention.start]))
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        earlier = bool(_FROM.search(text[clause_start(text, mention.start) : mention.start])) and bool(
            following and _BECAME.match(text[mention.end : following.start])
        )
        found.append(Figure(stated, mention.value, mention.high, qualifier, mention.word, start, mention.end, change,
                            denied, earlier))  # fmt: skip
    return found


def _english(text: str) -> list[Figure]:
    found = []
    for match in _EN_FIGURE.finditer(text):
        number = match["number"].replace(",", "")
        if EN_YEAR.fullmatch(number) and not (match["scale"] or match["percent"]):
            continue  # a year
        value = Decimal(number) * _EN_SCALES.get((match["scale"] or "").lower(), 1)
        bound = _EN_BOUNDS.get(re.sub(r"\s+", " ", (match["bound"] or "").strip().lower()), Q.EXACT)
        after = re.match(r"\s*([a-z]+)", text[match.end() :], re.I)
        word = "%" if match["percent"] else (after[1].lower() if after else "")
        change = 1 if _EN_CHANGE.search(text[: match.start("number") if not match["bound"] else match.start()]) else 0
        if change and re.search(r"(?:down|fell|decreased?|fallen)\s+(?:by\s+)?$", text[: match.start()], re.I):
            change = -1
        clause = text[max(text.rfind(mark, 0, match.start()) for mark in ".;,") + 1 : match.start()]
        bound_words = (match["bound"] or "").strip().lower()
        denied = bool(_EN_DENIAL.search(clause)) and bound_words not in _EN_NOT_BOUNDS
        following = _EN_FIGURE.search(text, match.end())
        earlier = bool(_EN_FROM.search(text[: match.start()])) and bool(
            following and _EN_BECAME.match(text[match.end() : following.start()])
        )
        found.append(Figure(match.group().strip(), value, None, bound, word, match.start(), match.end(), change,
                            denied, earlier))  # fmt: skip
    return found


_GROUPED = re.compile(r"(?<![0-9,.])[0-9]{1,3}(?:,[0-9]{3})+(?![0-9,])")  # 1,173: a thousands separator
# Full-width digits and the signs of a figure, as ASCII; the rest of the claim (its punctuation, which tells its
# clauses apart) as written
_HALF_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")


# A year in Chinese numerals (二〇二一年), and one of two digits where it can only be a date: with a part of the year
# (21年底, 较17年末, 22年9月), after 截至 (截至22年，…), or opening a sentence with its place (21年全市…); not a
# duration (连续21年, 由20年延长到30年, 服务期10年、20年). As four digits, as a claim's dates are read (periods.py).
_NUMERAL_YEAR = re.compile(r"(?:一九|二[〇○零])[一二三四五六七八九〇○零]{2}(?=年)")
_SHORT_YEAR = re.compile(
    r"(?:(?<=截至)|(?<=截止))([0-3][0-9])(?=年(?![0-9来间度轻级均代龄限内前后多左半]))"
    r"|(?<![0-9])([0-3][0-9])(?=年(?:底|末|初|[0-9]{1,2}月|[上下]半年|[一二三四1-4]季度))"
    r"|(?:^|(?<=[。；;！？\s（(]))([0-3][0-9])(?=年(?:，|,|全市|我市|本市|全国|重庆))"
)
_NUMERALS = str.maketrans("〇○零一二三四五六七八九", "000123456789")


def plain(claim: str) -> str:
    """A claim as its figures are read: full-width digits as ASCII ("２５５０万", "77．57万"), without invisible
    format characters (a zero-width space, U+200B, inside 2550万), and in Chinese without thousands separators
    ("1,173家"; English reads them itself; a full-width comma is punctuation, never a separator), and with its
    years in four digits (二〇二一年, 21年底: 2021年)."""
    import unicodedata  # (only for a claim)

    text = "".join(char for char in claim if unicodedata.category(char) != "Cf")
    if CJK.search(text):
        text = _GROUPED.sub(lambda grouped: grouped[0].replace(",", ""), text)
        text = _NUMERAL_YEAR.sub(lambda year: year[0].translate(_NUMERALS), text.translate(_HALF_WIDTH))
        return _SHORT_YEAR.sub(lambda year: "20" + year[0], text)
    return text.translate(_HALF_WIDTH)


def read(claim: str) -> list[Figure]:
    """The figures of a claim made plain (plain()): Chinese ones as an article states them, and English ones."""
    if CJK.search(claim):  # read as Chinese; an English claim by its own words (its "80%" once, with its bound)
        return _chinese(wording.squeeze(claim))
    return _english(claim)
