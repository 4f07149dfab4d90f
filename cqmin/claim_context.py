"""What a claim's words say of a figure besides its number: the place it is of, and whether it is a yearly one.

A figure of the country's (全国养老保险参保人数) is not the city's, however equal the
number; a yearly average (年均增加, "a year") is no change over five years, nor is
a total a yearly average. claims.py holds each figure to the fact its words are
about, and asks this module whether the claim's words give the figure another
place or another span than the fact's; where they do, the fact can neither
support nor contradict it. Here too are the words both sides are read by: a
figure's clause, a fact's own clause, and their pairs of Chinese characters.
"""

import functools
import re

from cqmin import wording
from cqmin.claim_reading import CJK, Figure, clause_end, clause_start
from cqmin.model import Fact, FactBase


@functools.lru_cache(maxsize=4096)
def own_clause(quote: str, stated: str) -> str:
    """The clause of a fact's quote that states its figure, up to the figure."""
    text = wording.squeeze(quote)
    position = wording.find_figure(text, wording.squeeze(stated))
    if position < 0:
        return text
    start = max(text.rfind(mark, 0, position) for mark in "，；：。") + 1
    return text[start : position + len(stated)]


# The places a claim may say its figure is of: the country, a province (or a city of a province's rank), a region,
# a district. One that neither the fact's words nor its press conference's place name is another place's:
# "全国养老保险参保人数" is not the city's ("居全国第二": the fact says 全国 too). Read in the claim's sentence before
# the figure ("全国范围内，…", "四川：…"; "above the national average" after it names no place of the figure).
_PROVINCES = (
    "北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州"
    "|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门"
)
_EN_PROVINCES = (
    "Beijing|Tianjin|Shanghai|Chongqing|Hebei|Shanxi|Liaoning|Jilin|Heilongjiang|Jiangsu|Zhejiang|Anhui|Fujian|Jiangxi"
    "|Shandong|Henan|Hubei|Hunan|Guangdong|Hainan|Sichuan|Guizhou|Yunnan|Shaanxi|Gansu|Qinghai|Taiwan|Inner Mongolia"
    "|Guangxi|Tibet|Ningxia|Xinjiang|Hong Kong|Macau|Macao|Chengdu"
)
_PLACES = re.compile(
    f"全国(?!代表大会|人大|政协)|全省|全区|全县|全球|全世界|全中国|我国|中国(?!共产党|特色)|国内|主城区|中心城区|成都"
    rf"|{_PROVINCES}|[\u4e00-\u9fff]{{2}}地区"
    # 武汉市, 渝中区, starting a run of Chinese (not 38个区县, 已全市, 大城市)
    r"|(?<![\u4e00-\u9fff0-9])(?![\u4e00-\u9fff][全本我城])[\u4e00-\u9fff]{2}[市区县](?=[\u4e00-\u9fff])"
)
_EN_PLACES = re.compile(
    rf"\b(?:nationwide|nationally|across (?:the country|china)|the whole country|(?:in|of|across) china|china's"
    rf"|the country's|(?:{_EN_PROVINCES})(?:'s| province)?)\b",
    re.I,
)
# A yearly figure (年均增长8.9%, 平均每年新增, 同比, "4.4% a year") is no total over years, nor is a total one. 每年
# makes the claim's figure yearly; a fact's only the words of an average (每年…80%用于民生 is a share every year).
_YEARLY = re.compile(
    r"年均|年平均|平均每年|每年平均|每年|(?<![0-9〇零一二三四五六七八九十两])(?:一年|年增长?)|同比|/年"
)
_AVERAGED = re.compile(r"年均|年平均|平均每年|每年平均")
_EN_YEARLY = re.compile(
    r"\b(?:per|each|every) year\b|(?<!\bin )(?<!\bwithin )\ba year\b(?! ago| earlier| before)|\bannually\b"
    r"|\bper annum\b|\byearly\b|\byear[- ]on[- ]year\b|\baverage annual\b"
    r"|\bannual (?:average|growth|increase|rise|rate)\b",
    re.I,
)


# A span the claim gives a yearly average (近三年年均…, "over the past three years"): the fact's rate is over its own
# span, which the claim may not mean.
SPAN = re.compile(
    r"近[一二两三四五六七八九十0-9]{1,2}年|过去[一二两三四五六七八九十0-9]{1,2}年|[一二两三四五六七八九十0-9]{1,2}年(?:来|间)|以来"
    r"|\b(?:over|in|during) the (?:past|last) \w+ years\b|\bsince\b",
    re.I,
)


def is_average(yearly: str) -> bool:
    """Whether yearly words are an average's (年均, "a year"), not one year's (同比, 每年, "year on year")."""
    return bool(_AVERAGED.fullmatch(yearly)) or (yearly.isascii() and "on" not in yearly.lower())


def sentence_before(claim: str, figure: Figure) -> str:
    return claim[max(claim.rfind(mark, 0, figure.start) for mark in "。；！？;!?") + 1 : figure.start]


def other_place(claim: str, figure: Figure, fact: Fact, base: FactBase, chinese: bool) -> str | None:
    """The place the claim's words give the figure, where it is not the fact's (named by its quote or label, or
    its press conference's place); None where they name none, or the fact's. Read in the figure's clause and a
    short one before it ("全国范围内，…", "四川：…"), not in brackets (重庆（中国西南）), and not where it names the
    conference's place (中国重庆)."""
    home = tuple(base.event(fact.event).place.values())
    own = " ".join((fact.quote, *fact.label.values(), *home)).casefold()
    before = _PARENTHESES.sub("", _said_of(claim, figure) if chinese else sentence_before(claim, figure))
    for found in (_PLACES if chinese else _EN_PLACES).finditer(before):
        place = found.group()
        core = place.casefold().removesuffix("'s").removesuffix(" province")
        if core in own or any(name.casefold() in core for name in home):  # (重庆市 is the conference's 重庆)
            continue
        if not before[found.end() :].lstrip().startswith((*home, "等")):  # (中国重庆; 渝中区等中心城区: an example)
            return place
    return None


_PARENTHESES = re.compile(r"[（(][^（）()]*[）)]")


def _said_of(claim: str, figure: Figure) -> str:
    """The words before a figure that may say where it is: its clause, and the one before if short (全国范围内，)."""
    start = clause_start(claim, figure.start)
    previous = clause_start(claim, start - 1) if start else start
    return claim[previous if 0 < start - previous <= 7 else start : figure.start]


def yearly(claim: str, figure: Figure, chinese: bool) -> str | None:
    """The words that make the claim's figure yearly ("年均增长", "同比", "a year"), in its clause (in English, its
    sentence: "Growth, on average, was 8.9% a year"), if any."""
    if chinese:
        start, end = clause_start(claim, figure.start), clause_end(claim, figure.end)
        found = _YEARLY.findall(claim[start : figure.start]) or _YEARLY.findall(claim[figure.end : end])
        return found[-1] if found else None
    sentence = sentence_before(claim, figure) + claim[figure.start : clause_end(claim, figure.end, ".;")]
    found = _EN_YEARLY.search(sentence)
    return found.group() if found else None


def averaged_fact(fact: Fact) -> bool:
    """Whether the fact's own words make its figure a yearly average ("年均增长8.9%")."""
    return bool(_AVERAGED.search(words_before(fact)))


def yearly_fact(fact: Fact) -> bool:
    """Whether the fact's own words say its figure is of a year (年均, 每年…): a claim's yearly figure may be it."""
    return bool(_YEARLY.search(words_before(fact)))


def words_before(fact: Fact) -> str:
    """The words of the fact's own clause before its figure ("院前急救平均响应时间从以前的28分钟缩短到现在的")."""
    clause = own_clause(fact.quote, fact.stated)
    return clause[: len(clause) - len(wording.squeeze(fact.stated))]


@functools.lru_cache(maxsize=4096)
def pairs(text: str) -> frozenset[str]:
    """The pairs of Chinese characters of a text (a fact's label or clause is read once, however many figures)."""
    cjk = "".join(char if CJK.match(char) else " " for char in text)
    return frozenset(cjk[i : i + 2] for i in range(len(cjk) - 1) if " " not in cjk[i : i + 2])


def own_context(text: str, figure: Figure) -> str:
    """The words of the clause a figure stands in, without the figure."""
    start, end = clause_start(text, figure.start), clause_end(text, figure.end)
    return text[start : figure.start] + " " + text[figure.end : end]
