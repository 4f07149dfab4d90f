"""Whether the words a claim gives a figure name what the fact's label names, or another quantity.

"医疗保险参保人数2550万人" is no figure of 养老保险参保人数, nor "77.57万农村低保对象" of
城乡低保对象, nor 每百名老人 of 每千名老人: each says a word of its own where the
label has another, or names a part of what the label names. claims.py asks this of the
fact that bears a figure out; where the words name another quantity, the figure is not
found, neither supported nor contradicted.
"""

import re

from cqmin import wording
from cqmin.claim_context import own_context, pairs
from cqmin.claim_reading import CJK, JOINS, SCOPE, Figure, clause_end, clause_start
from cqmin.model import Fact

# Words before a name that are no part of it: the city, and the time
_NOT_A_NAME = re.compile(r"(?:全市|我市|本市|目前|今年|去年|明年|年底|年末|月底|以来|为止|期间|[0-9]+[年月日])$")
# What may stand between a figure and the name it is of: verbs, and words of time and sum
_SAYING = re.compile(r"(?:已经|已|累计|共计|共|总计|总共|达到|达|为|是|有|突破|超过|增加到|提高到|增长到|约|近|超)+$")


_PER = re.compile(r"每[十百千万]+")  # a rate per so many (每千名老人, 每万人口)
# Words a claim may put before a label's name that make it no narrower: the place, the time, having and saying
_AROUND_A_NAME = re.compile(
    r"^(?:全市|全国|我市|本市|重庆市?|现有|共有|已有|拥有|目前|当前|累计|截至|截止|今年|去年|年底|年末|其中|的"
    r"|[0-9]+年(?:[0-9]+月)?(?:底|末)?)+"
)


# What may stand between a figure and the name of what it counts: 36个事项实现“全渝通办”, 30万余户完成…改造
_DOING = re.compile(
    r"(?:实现|完成|可以|开展|推行|实行|实施|纳入|享受|参加|获得|得到|用于|已经|全部|基本|已|均|都|可|被)$"
)


def _other_name_after(text: str, figure: Figure, label: str, quote: str) -> str | None:
    """Where the words right after a figure ("77.57万农村低保对象", "1.6万余名轻度失能人员", "110万低收入家庭") share
    a stretch with the label, but next to it say a word of their own where the label has another (农村 of
    城乡低保对象, 轻度 of 重度失能, 家庭 of 低收入人口): those words."""
    after = text[figure.end : clause_end(text, figure.end)]
    joins = [at for at in (after.find(join) for join in "、和及与") if at >= 0]
    after = after[: min(joins, default=len(after))]  # (its own item of a list)
    for start, end in _shared(after, label):
        at = label.find(after[start:end])
        sides = []  # (the claim's character beside the stretch, the label's, the claim's word there)
        # (not a word put in, 市级重大慢性病防治中心 of 市级防治中心, nor a verb: 36个事项实现“全渝通办”)
        if not (at and label[at - 1] in after[:start]) and not _DOING.search(after[:start]):
            sides.append((after[start - 1 : start], label[at - 1] if at else "", after[max(0, start - 2) : start]))
        if at + end - start == len(label) - 2:  # another head (低收入家庭 of 低收入人口; not 选择专业物业 of 选择物业)
            sides.append((after[end : end + 1], label[-2], after[end : end + 2]))
        for said, labelled, word in sides:
            rival = bool(said and labelled and CJK.match(said) and CJK.match(labelled)) and said not in label
            if rival and said != labelled and word not in quote:  # (not the fact's own words: 信息数据实现实时在线核查)
                return after[max(0, start - 2) : end + 2]
    return None


def _shared(after: str, label: str) -> list[tuple[int, int]]:
    """Where in `after` the longest stretch (two characters or more) that the label holds too lies, and the
    longest end of the label (its head: 低收入人口)."""
    start, end = 0, 0
    for i in range(len(after)):
        for j in range(i + max(2, end - start + 1), len(after) + 1):
            if after[i:j] in label:
                start, end = i, j
    found = [(start, end)] if end - start >= 2 else []
    head = next((label[k:] for k in range(len(label) - 1) if label[k:] in after), None)
    if head:
        found.append((after.find(head), after.find(head) + len(head)))
    return found


def other_name(text: str, figure: Figure, fact: Fact, places: tuple[str, ...] = ()) -> str | None:
    """Where the words right before a figure end as the fact's label ends but name something else before that
    ("医疗保险参保人数2550万人" of 养老保险参保人数, "城镇居民人均可支配收入" of 全体居民人均可支配收入), those
    words: the figure is not the fact's, nor against it. None where they agree, or do not end alike."""
    context = own_context(text, figure)
    per = [count for count in _PER.findall(context) if count not in fact.quote + fact.label.get("zh", "")]
    if per:  # 每百名老人 of a figure 每千名老人 have: another quantity, wherever its words stand
        return per[0]
    before = text[clause_start(text, figure.start) : figure.start]
    joined = [*JOINS.finditer(before)]  # (in a list, its own item: "跨江大桥7座和穿山隧道6座")
    name = _SAYING.sub("", before[joined[-1].end() :] if joined else before).strip()
    label = fact.label.get("zh", "")
    common = 0
    while common < min(len(name), len(label)) and name[-1 - common] == label[-1 - common]:
        common += 1
    if common == len(label) and len(label) >= 2:  # 城镇职工养老保险参保人数 of 养老保险参保人数: a part of it
        rest = name[: len(name) - common]
        for place in places:  # (the press conference's place: 重庆养老保险参保人数, 中国重庆 are the city's)
            rest = re.sub(f"(?:中国|我国)?{re.escape(place)}", "", rest)
        rest = _SAYING.sub("", _AROUND_A_NAME.sub("", rest))
        tail = rest[-2:]
        if len(tail) < 2 or not all(CJK.match(char) for char in tail) or _NOT_A_NAME.search(rest):
            return None
        return name[-12:] if tail not in wording.squeeze(fact.quote) else None
    if common < 2:
        return _other_name_after(text, figure, label, wording.squeeze(fact.quote))
    # The label narrows its name to a part by a clause (实施公建民营的公办养老机构, 开展人脸识别的医院) whose words
    # the claim does not use: the claim's figure is of the whole
    own = label[: len(label) - common]
    narrowing = SCOPE.sub("", own[:-1]) if own[-1] in "的之" else ""
    if narrowing and not pairs(narrowing) & pairs(context):
        return name[-12:]
    if common == len(name):
        return None
    # Right before the shared end, each says a word of its own in the same place: 医疗 where the label has 养老,
    # 6岁 where it has 3岁; not a word put in before it (全市现有三甲医院: the label's 全市 is there too)
    rest = name[: len(name) - common]
    said, labelled = rest[-1], own[-1]
    if not (CJK.match(said) or said.isdigit()) or said in label or labelled in "的之" or _NOT_A_NAME.search(rest):
        return None
    if said.isdigit() != labelled.isdigit() or own.lstrip("全市我本") in rest:
        return None
    return name[-12:]
