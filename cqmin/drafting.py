"""The first pass of a careful reader: an article of a press conference read into a draft fact base.

Each figure of the article (figures.py) becomes a fact marked `draft = true`,
with what the text says of it: its value and bound as stated, its unit from
its measure word, whether it is a plan (wording.stated_kind), its date from its
own sentence read against the day of the press conference (periods.py), its
baseline where the sentence compares (较2017年末增加468万人, 增长1.2倍, 从28分钟缩短到
17分钟), who said it, and the sentence it is in. A figure the article repeats
is one fact. Labels and the topic are placeholders a person replaces; `cqmin
validate` then reads each fact back by the same rules, and the lookups refuse
the base until no fact is a draft.
"""

import datetime
import re
from decimal import Decimal, localcontext

from cqmin import figures, periods, wording
from cqmin.domain import Measure, Qualifier
from cqmin.errors import CqminError
from cqmin.model import PLACEHOLDER
from cqmin.numerals import plain_number
from cqmin.record import Record

_ANY_DAY = datetime.date(2000, 1, 1)  # (a line's date words are found whatever the day they are read against)
TOPIC = "unsorted"  # the placeholder topic every drafted fact is filed under
_SENTENCE_END = "。！？"
_SAID = r"(?:在发布会上|进一步|还)?(?:介绍|说|称|表示|指出|强调)"
_SPOKE = re.compile(rf"([\u4e00-\u9fff]{{2,3}}){_SAID}")
# "市民政局副局长王某介绍": the office before the name is the speaker's, and no part of the name
_TITLED = re.compile(
    rf"(?P<office>市[^，。；]{{1,20}}?(?:局|委|办|厅|院|会|部|署|中心)[^，。；]{{0,8}}?"
    rf"(?:局长|主任|书记|处长|部长|院长|厅长|负责人|发言人|委员))(?P<name>[\u4e00-\u9fff]{{2,3}}){_SAID}"
)
_NAME_LINE = re.compile(r"^(?P<office>.+?)\s+\**(?P<name>[\u4e00-\u9fff]{2,4})\**\s*$")
_DEPARTMENT = re.compile(r"^(市[^党]*?(?:委|局|办|厅|院|会|部|署|中心))(.*)$")
_CHANGE = re.compile(rf"(?:较|比)[^，。；]{{0,12}}?(?P<both>分别)?(?P<verb>{figures.CHANGE_VERB})了?")
# "从2017年的180家增加到今年上半年的260家": the dates either level may carry, each up to its 的
_WHEN_OF = r"(?:现在的|目前的|以前的|过去的|(?:[0-9]{4}年|今年|去年|前年)[^，。；0-9]{0,6}?的?)"
_FROM_TO = re.compile(rf"(?:从|由){_WHEN_OF}?$")
_TO = re.compile(rf"^(?:缩短|提高|提升|增加|增长|减少|下降|降低|优化|扩大|上升)(?:了)?(?:到|为|至){_WHEN_OF}?$")
_NAMED_PLAN = re.compile(r"(?:(?!已|完成)[^，。；]){0,16}?(?:计划|规划)(?:$|[，。；])")
_TOTAL = re.compile(r"累计|年均|新增|增长|提升|提高|增加|建成|实施")
_LABEL_EDGES = re.compile(
    r"^(?:其中|此外|同时|另外|目前|现在|截至[^，]{0,8}|全市|我市|重庆)+"
    r"|(?:达到|达|为|是|有|共|累计|超过|突破|新增|实现|增长|提高到?|保持在|稳定在|控制在|分别)+$"
)


class Sentence(Record):
    text: str  # whitespace removed, as quotes are compared
    prose: bool  # a sentence of the report; else a headline or a line of its infographic
    speaker: str | None  # the last speaker named before it, in prose
    lead: int = 0  # where its own words begin: an infographic line is read after the line that dates it
    planned: bool = False  # an item (一是…) of a list of plans a sentence before announced (下一步…将在3个方面)


class Drafted(Record):
    mention: figures.Mention
    sentence: Sentence
    baseline: dict | None
    reach: int = 0  # where in the sentence what its baseline is read from ends (its quote holds it)


def _lines(article: str) -> list[str]:
    """The article's lines, a sentence broken across lines joined again ("…城镇新增就\\n\\n业300万人")."""
    lines = [line.strip() for line in article.splitlines()]
    joined: list[str] = []
    for line in lines:
        if not line:
            continue
        if joined and len(joined[-1]) > 40 and joined[-1][-1] not in _SENTENCE_END + "：:”" and line[0] >= "\u4e00":
            joined[-1] += line
        else:
            joined.append(line)
    return joined


def speakers(article: str) -> list[dict]:
    """The speakers the article names in a list (发布人: department and role, then the name), else by what they said."""
    found: dict[str, dict] = {}
    lines = _lines(article)
    if "发布人" in lines:
        for line in lines[lines.index("发布人") + 1 :]:
            match = _NAME_LINE.match(line)
            if not match:
                break
            office = _DEPARTMENT.match(match["office"])
            department, role = (office[1], office[2].strip("、 ")) if office else (match["office"], "")
            found[match["name"]] = {"department": department, "role": role or PLACEHOLDER["zh"]}
    listed = bool(found)
    for line in lines if not listed else ():  # no list: those the article says spoke
        for match in _TITLED.finditer(line):
            office = _DEPARTMENT.match(match["office"])
            department, role = (office[1], office[2]) if office else (match["office"], "")
            found.setdefault(match["name"], {"department": department, "role": role or PLACEHOLDER["zh"]})
        for match in _SPOKE.finditer(line):
            if not any(match[1].endswith(name) or name.endswith(match[1]) for name in found):
                found.setdefault(match[1], {"department": PLACEHOLDER["zh"], "role": PLACEHOLDER["zh"]})
    return [
        {"id": f"speaker-{number}", "name": {"zh": name}, "role": {"zh": office["role"]},
         "department": {"zh": office["department"]}}
        for number, (name, office) in enumerate(found.items(), start=1)
    ]  # fmt: skip


MAX_FIGURES = 2000  # in one article: the report of one press conference holds some hundreds
MAX_SENTENCE = 400  # characters: a longer "sentence" (a text without full stops) is read in pieces this long


def _bounded(parts: list[str]) -> list[str]:
    """Sentences of at most MAX_SENTENCE characters: the work on each, and a quote of it, stay small."""
    found = []
    for part in parts:
        while len(part) > MAX_SENTENCE:
            cut = max(part.rfind(mark, 0, MAX_SENTENCE) for mark in "，；、 ")
            cut = cut + 1 if cut > MAX_SENTENCE // 2 else MAX_SENTENCE
            found.append(part[:cut])
            part = part[cut:]
        found.append(part)
    return found


_ITEM = re.compile(r"^[一二三四五六七八九十]是")
_ANNOUNCED = re.compile(r"(?:下一步|接下来|未来).{0,30}将")


def sentences(article: str, names: list[str]) -> list[Sentence]:
    """The article's sentences, each with whether it is prose, the speaker it is said by, and its context: a
    line of the infographic is read after the line that dates it ("截至目前", "党的十九大以来"), and an item of
    a list of plans after the plan."""
    found = []
    speaker, dating, planning = None, [], False
    for line in _lines(article):
        for part in _bounded(re.findall(rf"[^{_SENTENCE_END}]+[{_SENTENCE_END}]?", line)):
            text = wording.squeeze(part).rstrip(_SENTENCE_END)
            if not text:
                continue
            named = [name for name in names if name in text]
            if named:
                speaker = max(named, key=text.rfind)
            prose = part.rstrip()[-1:] in _SENTENCE_END + "：" or len(text) > 40
            if prose:
                planning = bool(_ANNOUNCED.search(text)) or (planning and bool(_ITEM.match(text)))
                found.append(Sentence(text, True, speaker, 0, planning and bool(_ITEM.match(text))))
                dating = []
                continue
            has_figure = bool(figures.mentions(text))
            if not has_figure and (periods.said(text, _ANY_DAY) or periods.SPANS.search(text)):
                dating = [text]  # a line that dates the lines after it
            elif not has_figure and dating:
                dating.append(text)  # ("已累计实施改造"): read with them, as the infographic sets them
            lead = "".join(dating)
            found.append(Sentence(lead + text, False, None, len(lead)))
            if has_figure and dating:
                dating.append(text)
    return found


class _Change(Record):
    value: Decimal
    number: str  # as written: "468万", "1.2"
    word: str  # its measure word; "倍" for a multiple
    index: int | None  # the mention it is, if it is one


_MULTIPLE = re.compile(r"(?<![0-9.])([0-9]{1,6}(?:\.[0-9]{1,4})?)倍")


def _changes(mentions: list, text: str, start: int) -> list[_Change]:
    """The changes listed right after a comparison ("增加468万人、134万人和251万人", "增长1.2倍、2.1倍")."""
    clause = re.split("[，。；]", text[start:])[0]
    multiples = _MULTIPLE.findall(clause)
    if multiples and clause.startswith(multiples[0]):
        return [_Change(Decimal(number), number, "倍", None) for number in multiples]
    found, position = [], start
    for index, mention in enumerate(mentions):
        if mention.start < position:
            continue
        if text[position : mention.start].strip("、和及与") != "":
            break
        found.append(_Change(mention.value, mention.number, mention.word, index))
        position = mention.end
    return found


def _baselines(sentence: Sentence, mentions: list, event_date) -> tuple[dict, set]:
    """Baselines of the sentence's figures, by their index (each with where what it is read from ends), and the
    indexes that are changes or earlier levels."""
    text = sentence.text
    found: dict[int, dict] = {}
    consumed: set[int] = set()
    phrases = periods.said(text, event_date)
    for match in _CHANGE.finditer(text):
        changes = _changes(mentions, text, match.end())
        consumed |= {change.index for change in changes if change.index is not None}
        before = [i for i, mention in enumerate(mentions) if mention.end <= match.start() and i not in consumed]
        if match["both"]:
            pairs = list(zip(before[-len(changes) :], changes, strict=False)) if len(before) >= len(changes) else []
        else:
            pairs = [(before[-1], changes[0])] if before and changes else []
        when = next((phrase for phrase in phrases if phrase.compared and phrase.start < match.end()), None)
        for figure, change in pairs:
            baseline = _derived(mentions[figure], change, match["verb"])
            if baseline is not None:
                reach = mentions[change.index].end if change.index is not None else match.end()
                found[figure] = ({**baseline, "as_of": when.dates[0] if when else ""}, reach)
    for index, mention in enumerate(mentions[1:], start=1):
        earlier = mentions[index - 1]
        between = text[earlier.end : mention.start]
        if _FROM_TO.search(text[: earlier.start]) and _TO.match(between) and earlier.word == mention.word:
            near = max((phrase for phrase in phrases if phrase.end <= earlier.start), key=lambda p: p.end, default=None)
            as_of = near.dates[0] if near and text[near.end : earlier.start].lstrip("的") == "" else ""
            found[index] = (
                {"value": plain_number(earlier.value), "as_of": as_of, "derived": False},
                mention.end,
            )
            consumed.add(index - 1)
    return found, consumed


def _derived(figure: figures.Mention, change: _Change, verb: str) -> dict | None:
    """The earlier level of a figure the sentence gives the change of: by difference, or by a multiple (倍)."""
    if figure.high is not None or not figure.number:
        return None
    rises = verb in figures.RISES
    if change.word == "倍":
        if not rises:
            return None
        with localcontext() as context:
            context.prec = 40
            value = (figure.value / (1 + change.value)).quantize(Decimal("0.01"))
        return {
            "value": plain_number(value),
            "derived": True,
            "method": f"{figure.number} ÷ (1 + {change.number})",
        }
    share = figure.word in ("%", "％")
    if change.word in ("%", "％") and not share:  # "18.6万人，同比增长5.2%": a level grown by a share of itself
        ratio = change.value / 100
        with localcontext() as context:
            context.prec = 40
            value = (figure.value / (1 + ratio if rises else 1 - ratio)).quantize(Decimal("0.01"))
        method = f"{figure.number} ÷ (1 {'+' if rises else '−'} {change.number}%)"
        return {"value": plain_number(value), "derived": True, "method": method}
    if change.word == "个百分点" and share:  # "5.3%，较去年同期下降0.4个百分点": a share moved by points
        change = change._replace(word=figure.word)
    if change.word != figure.word:
        return None  # a change in % of a figure in 人 is no difference of the two
    value = figure.value - change.value if rises else figure.value + change.value
    sign = "−" if rises else "+"
    return {"value": plain_number(value), "derived": True, "method": f"{figure.number} {sign} {change.number}"}


def _distinct(mention: figures.Mention) -> bool:
    """Whether a figure is one the article would not state twice for two things: "365万人", not "3件"."""
    digits = sum(char.isdigit() for char in mention.number)
    return bool(re.search(r"[万亿.]", mention.number)) or digits >= 3


MAX_PLACES = 20
_COMMON = {"全市", "我市", "达到", "累计", "新增", "城镇", "重庆", "实现", "已经", "其中"}


def _context(item: Drafted) -> set[str]:
    """The pairs of characters of the clause a figure is in, but the figure's and the commonest."""
    text, mention = item.sentence.text, item.mention
    clause = text[max(text.rfind(mark, 0, mention.start) for mark in "，；：。") + 1 : mention.start]
    return {clause[i : i + 2] for i in range(len(clause) - 1)} - _COMMON


def _same(item: Drafted, other: Drafted) -> bool:
    """Whether two places state one figure: the same words around it, or a distinct figure said of the same."""
    if item.mention.stated != other.mention.stated:
        return False
    here, there = item.sentence.text, other.sentence.text
    clause = lambda text, m: text[max(text.rfind(c, 0, m.start) for c in "，；：") + 1 :].split("，")[0]  # noqa: E731
    if clause(here, item.mention) == clause(there, other.mention):
        return True
    return _distinct(item.mention) and bool(_context(item) & _context(other))


def _once(drafted: list[Drafted]) -> list[Drafted]:
    """Each figure once, however often the article repeats it: at its best place (in a sentence said by someone,
    with a comparison if one has it), in the order the article first states it."""
    groups: list[list[Drafted]] = []
    by_stated: dict[str, list[list[Drafted]]] = {}
    for item in drafted:
        alike = by_stated.setdefault(item.mention.stated, [])
        # (compared with the first few places of the same figure only: a text of one figure a thousand times
        # is no report, and must not take a thousand squared comparisons)
        group = next((group for group in alike[:MAX_PLACES] if _same(item, group[0])), None)
        if group is None:
            groups.append([item])
            alike.append(groups[-1])
        else:
            group.append(item)
    return [max(group, key=lambda item: (item.sentence.prose, item.baseline is not None)) for group in groups]


def _clauses(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer("[，：]", text):
        spans.append((start, match.start()))
        start = match.end()
    return [*spans, (start, len(text))]


def _quote(text: str, start: int, end: int) -> str:
    """The shortest stretch of whole clauses of `text` that holds [start, end)."""
    clauses = _clauses(text)
    first = next(i for i, (_, stop) in enumerate(clauses) if stop >= start)
    last = next(i for i, (_, stop) in enumerate(clauses) if stop >= end)
    return text[clauses[first][0] : clauses[last][1]]


def _reading(item: Drafted, event_date) -> tuple[str, str, int, int]:
    """(kind, as_of, start, end): whether it is a plan, its date, and the stretch of the sentence that says so."""
    text, mention = item.sentence.text, item.mention
    start, end = mention.start, mention.end
    phrases = periods.said(text, event_date)
    near = periods.before(phrases, mention.start, compared=False)
    as_of = near.dates[0] if near else ""
    if near:
        start = min(start, near.start)
    else:
        span = [match for match in periods.SPANS.finditer(text) if match.end() <= mention.start]
        clause = max(text.rfind(mark, 0, mention.start) for mark in "，；：") + 1  # where the figure's clause begins
        # A period dates what is totalled or averaged over it ("五年累计…365万人", "年均增长8.9%"), not a level.
        if span and (_TOTAL.search(text[clause : mention.start]) or span[-1].start() >= clause):
            as_of, start = periods.span_dates(span[-1], event_date), min(start, span[-1].start())
    said = wording.stated_kind(text, mention.stated)
    kind = said[0] if said else "achieved"
    if said:
        start = min(start, text.rfind(said[1], 0, mention.start))
    elif item.sentence.planned or _NAMED_PLAN.match(text[mention.end :]):
        kind = "target"  # "二是…再建设100个": an item of plans; "约1亿平方米城镇老旧小区改造计划"
    if as_of and kind == "achieved" and periods.starts_after(as_of, event_date):
        kind = "target"  # "到2025年": a date to come is a plan's
    return kind, as_of, start, max(end, item.reach)  # (the quote holds what a baseline is read from)


def _label(text: str, mention: figures.Mention) -> str:
    """A placeholder label: what the clause says before the figure, trimmed of connectives and verbs, or, where
    that is too little to tell ("推动4家医院建设…"), with what it says after."""
    clause_start = max(text.rfind(mark, 0, mention.start) for mark in "，：、；") + 1
    label = _LABEL_EDGES.sub("", text[clause_start : mention.start]).strip("的")
    if len(label) < 4:
        after = re.split("[，：、；]", text[mention.end :])[0]
        label = f"{label}…{after}" if after else label
    return (label or text[clause_start : mention.start] or mention.stated)[:60]


def _unit(mention: figures.Mention, units: dict) -> str:
    """The unit of a figure, made from its measure word (and added to `units`)."""
    if mention.ordinal:
        name, unit = "rank", {"zh": "位", "en": "place", "measure": Measure.RANK.value}
    elif mention.word in figures.MEASURES:
        name, english = figures.MEASURES[mention.word]
        words = [word for word, (other, _) in figures.MEASURES.items() if other == name]
        unit = {"zh": mention.word, "en": english, "words": words}
        if name in ("percent", "permille"):
            unit["measure"] = Measure.SHARE.value
    else:
        name, unit = "count", {"zh": "个", "en": "items"}  # a bare number in 万 or 亿: any unit fits it
    units.setdefault(name, unit)
    return name


def draft(article: str, date: str, event_id: str, source: str | None) -> dict:
    """A fact base of every figure of `article`, said at a press conference on `date` (YYYY-MM-DD)."""
    event_date = datetime.date.fromisoformat(date)
    people = speakers(article)
    by_name = {speaker["name"]["zh"]: speaker["id"] for speaker in people}
    drafted = []
    for sentence in sentences(article, list(by_name)):
        mentions = [mention for mention in figures.mentions(sentence.text) if mention.start >= sentence.lead]
        if len(drafted) + len(mentions) > MAX_FIGURES:
            raise CqminError(
                f"more than {MAX_FIGURES:,} figures: a report of a press conference holds some hundreds",
                hint="draft one report at a time",
            )
        baselines, consumed = _baselines(sentence, mentions, event_date)
        drafted += [Drafted(mention, sentence, *baselines.get(index, (None, 0)))
                    for index, mention in enumerate(mentions) if index not in consumed]  # fmt: skip
    units: dict[str, dict] = {}
    facts = []
    for number, item in enumerate(_once(drafted), start=1):
        mention, sentence = item.mention, item.sentence
        kind, as_of, start, end = _reading(item, event_date)
        fact = {
            "id": f"{TOPIC}.figure-{number:03d}",
            "topic": TOPIC,
            "draft": True,
            "label": {"zh": _label(sentence.text, mention)},
            "value": plain_number(mention.value),
            "unit": _unit(mention, units),
            "stated": mention.stated,
            "qualifier": mention.qualifier.value,
            "kind": kind,
            "as_of": as_of,
            "speaker": by_name.get(sentence.speaker, "") if sentence.prose else "",
            "quote": _quote(sentence.text, start, end),
        }
        if mention.high is not None:
            fact["high"] = plain_number(mention.high)
        if item.baseline is not None and mention.qualifier is not Qualifier.RANGE:
            fact["baseline"] = item.baseline
        facts.append(fact)
    title = next((line for line in _lines(article)), "")
    event = {"id": event_id, "title": {"zh": title or PLACEHOLDER["zh"]}, "date": date, "place": PLACEHOLDER,
             "article": {"zh": title or PLACEHOLDER["zh"]}}  # fmt: skip
    if source:
        event["source"] = source
    summary = {"zh": "cqmin draft 起草、待分类的数据", "en": "Figures cqmin draft found, to sort into topics"}
    topic = {"id": TOPIC, "title": {"zh": "未分类", "en": "Unsorted"}, "summary": summary}
    return {"schema": 2, "events": [event], "speakers": people, "topics": [topic], "units": units, "facts": facts}
