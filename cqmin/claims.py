"""A claim held against the fact base: each figure of it supported, contradicted, or not found.

A figure of the claim (read by claim_reading.py: in Chinese as figures.py reads
one, or in English: "more than 26 million people") is compared with the fact its
words are about, found by the words they share (a Chinese label's pairs of
characters, an English label's stems), by the numbers each allows (bounds.py).
`supported` needs that fact to agree in value, bound, date and kind;
`contradicted` needs the fact to be the one meant and to say otherwise (another
number, a bound that excludes the claim's, another year, a target claimed as
done); anything less sure is `not_found`. A claim is never told a figure is
supported that no fact gives: where in doubt, cqmin says less.
"""

import re
from decimal import Decimal

from cqmin import bounds, claim_context, claim_names, dates, english, figures, languages, periods, wording
from cqmin.claim_reading import CJK, EN_YEAR, JOINS, LIST_JOINS, SCOPE, Figure, clause_end, clause_start, plain, read
from cqmin.domain import Kind, Measure
from cqmin.domain import Qualifier as Q
from cqmin.model import Fact, FactBase
from cqmin.record import Record

SUPPORTED, CONTRADICTED, NOT_FOUND = "supported", "contradicted", "not_found"
_ENGLISH = languages.get("en")  # (a fact's English words, or what its base has instead)
MAX_CLAIM = 2000  # characters: a claim is a sentence or a paragraph, not an article (draft reads those)
_EN_TARGET = re.compile(
    r"\b(?:will|plans?|planned|aims?|target(?:s|ed)?|goal|(?<!turned out )to be|is to|expects?"
    r"|(?:expected|projected|forecast) to|by 20[0-9]{2})\b",
    re.I,
)
_EN_DONE = re.compile(r"\b(?:has|have|had|reached|was|were|is|are|got|stood|rose|fell|grew|built|completed)\b", re.I)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_EN_MONTH = re.compile(  # ("may" is a month only after in, of, by or before a year: else the verb)
    r"(?P<end>\bend of\s+)?\b(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?"
    r"|(?:(?<=in )|(?<=of )|(?<=by ))may|may(?=\s+(?:19|20)[0-9]{2})|june?|july?|aug(?:ust)?"
    r"|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b(?:\s+(?P<year>(?:19|20)[0-9]{2}))?"
)
_EN_RELATIVE = {"last year": -1, "this year": 0, "next year": 1}


class Reason(Record):
    """Why a figure got its verdict: a key each language words ("why_" + key in its words), and what it names."""

    key: str
    claimed: str = ""  # the date the claim gives
    as_of: str = ""  # the fact's date
    why: "Reason | None" = None  # (a change's reason: why its number is not the fact's change)

    def said(self, language) -> str:
        inner = self.why.said(language) if self.why else ""
        return language.word(f"why_{self.key}").format(claimed=self.claimed, as_of=self.as_of, why=inner)


class Judged(Record):
    figure: Figure
    verdict: str
    fact: Fact | None
    reason: Reason


# ---------------------------------------------------------------- finding the fact a figure is about


def _claim_words(context: str, figure: Figure, chinese: bool) -> frozenset[str]:
    """What a figure's context says it is about: its pairs of characters, or its English stems."""
    return (
        claim_context.pairs(context) - claim_context.pairs(figure.stated)
        if chinese
        else frozenset(english.stems(context))
    )


def _about(words: frozenset[str], fact: Fact, chinese: bool) -> int:
    """How much a claim's words say they are about a fact: shared pairs of characters, or shared stems; the
    words of the fact's label count twice."""
    if chinese:
        label = claim_context.pairs(fact.label.get("zh", "")) & words
        clause = claim_context.pairs(claim_context.own_clause(fact.quote, fact.stated)) & words - label
        return 2 * len(label) + len(clause)
    label = english.stems(_ENGLISH.text(fact.label)) & words
    return 2 * len(label) + len(english.stems(_ENGLISH.text(fact.unit.name), False) & words - label)


def _as_change(figure: Figure, fact: Fact) -> bool:
    """Whether a figure the claim states as a change is, for this fact, its change (else the fact is a rate of
    change itself: "年均增长8.9%", "下降5%")."""
    return (
        bool(figure.change)
        and fact.change is not None
        and not (figure.word in ("%", "％") and fact.change.percent is None)
    )


def _unit_fits(figure: Figure, fact: Fact, chinese: bool) -> bool:
    if figure.change and figure.word in ("%", "％"):  # "增长22.48%": a change in percent, or a rate that is a fact
        return fact.unit.measure is Measure.SHARE or (fact.change is not None and fact.change.percent is not None)
    ratio = ":" in figure.stated or "：" in figure.stated  # "56:44": the share of the first
    if figure.word in ("%", "％") or ratio:
        return fact.unit.measure is Measure.SHARE
    if figure.word.startswith("个百分点"):  # percentage points: a share's change ("提高3个百分点"), never a count of 个
        if figure.change:
            return fact.unit.measure is Measure.SHARE and fact.change is not None
        return fact.unit.name.get("zh", "").startswith("个百分点")
    if fact.unit.measure is Measure.SHARE:  # a share is said in percent, or as a ratio: "23 million" is no 56%
        return False
    if chinese:
        words = [fact.unit.name.get("zh", "").split("/")[0]]
        return not figure.word or wording.unit_agrees(figure.word, words + ["名"] * (words == ["人"]))
    if not figure.word:
        return True
    named = english.stems(_ENGLISH.text(fact.unit.name), False)
    return (
        not named or english.stem(figure.word) in named or (fact.unit.measure is Measure.SHARE and figure.word == "%")
    )


# ---------------------------------------------------------------- comparing


# Why a figure is not the fact's, by what the claim says
_AGAINST = {
    Q.MORE_THAN: "not_above", Q.AT_LEAST: "not_above", Q.LESS_THAN: "not_below", Q.AT_MOST: "not_below",
    Q.APPROX: "another_number", Q.RANGE: "another_range",
}  # fmt: skip
_SIDES = ({Q.MORE_THAN, Q.AT_LEAST}, {Q.LESS_THAN, Q.AT_MOST}, {Q.APPROX}, {Q.RANGE})


def _span_differs(figure: Figure, qualifier: Q, stated: str) -> bool:
    """Whether one of a claim's figure and a fact's says "a few more" (余) and the other does not."""
    return bounds.a_few_more(figure.stated) != (qualifier is Q.MORE_THAN and bounds.a_few_more(stated))


def _values_agree(figure: Figure, value, qualifier: Q, high=None, stated: str = "") -> tuple[bool | None, Reason]:
    """Whether a claimed figure fits a fact's: True, False (it cannot), or None (it may or may not).

    By the numbers each allows (bounds.py: the claim's read narrowly, the fact's widely): borne out when every
    number the fact allows is one the claim says ("超过2500万" of 2550万, "不到800" of "700余"); contradicted
    when none is, or one alone ("95%以下" of "95%以上"), and when the claim restates the fact's bound with
    another number ("超过2600万" of "超过2500万", "约331公里" of "约330公里"); else the fact cannot tell. An
    exact figure the fact's bound allows is not the fact's, nor against it ("710个" of "700余个").
    """
    claimed, bound = figure.value, figure.qualifier
    value = Decimal(repr(value)) if not isinstance(value, Decimal) else value
    said = bounds.claimed(claimed, bound, figure.high, figure.stated)
    if figure.change and (said[0] is None or said[0] < 0):  # "减少不到500万": by 0 to 500万, not an increase
        said = (Decimal(0), said[1], True, said[3])
    allowed = bounds.allowed(value, qualifier, high, stated)
    if bound is Q.EXACT:
        if qualifier is Q.EXACT:
            return value == claimed, Reason("another_number")
        inside = value == claimed or bounds.overlap(allowed, said)  # (its own number without its bound: inside)
        if qualifier is Q.RANGE:
            return (None, Reason("is_range")) if inside else (False, Reason("outside_range"))
        return (None, Reason("bounded")) if inside else (False, Reason("another_number"))
    alike = bound is Q.APPROX and bounds.nearly(figure.stated) == bounds.nearly(stated)  # (约330, 约三百三十)
    if bound is qualifier and value == claimed and (alike or said == allowed):
        return True, Reason("gives_figure")  # the fact's own words: "约330公里", "3—5个", "700余个"
    spans = bounds.a_few_more(figure.stated) or (qualifier is Q.MORE_THAN and bounds.a_few_more(stated))
    if bounds.within(allowed, said):
        # Borne out by an exact figure ("超过2500万" of 2550万), or by one bounded alike ("超过2500万" of 超过2600万,
        # "300余" of "310余"); a bound of another kind (不到1000 of 约1.5亿, 20以上 of 3—5万) says less than the
        # fact, and a claim whose words are only loosely about a fact would too easily hold it: not found
        kin = any(bound in side and qualifier in side for side in _SIDES if Q.RANGE not in side)
        said_alike = bound is not Q.RANGE and (
            qualifier is Q.EXACT or (kin and not _span_differs(figure, qualifier, stated))
        )
        if said_alike:
            return True, Reason("gives_figure")
        return None, Reason("another_range" if bound is Q.RANGE else "bounded")
    restates = not spans and value != claimed and any(bound in side and qualifier in side for side in _SIDES)
    if restates or not bounds.overlap(allowed, said, at_a_point=False):
        if bound is Q.RANGE and qualifier is Q.EXACT:
            return False, Reason("outside_range")
        return False, Reason("another_number" if bounds.a_few_more(figure.stated) else _AGAINST[bound])
    return None, Reason("another_range" if bound is Q.RANGE else "bounded")


def _claimed_date(claim: str, figure: Figure, event_date, chinese: bool) -> tuple[str, tuple[str, ...]] | None:
    """The date the claim gives a figure, read against the day of the fact's press conference: (words, dates)."""
    if chinese:
        phrases = periods.said(claim, event_date)
        near = periods.before(phrases, figure.start, compared=False)
        if near:
            return near.words, near.dates
        span = [match for match in periods.SPANS.finditer(claim) if match.end() <= figure.start]
        if span:
            return span[-1].group(), (periods.span_dates(span[-1], event_date),)
        end = clause_end(claim, figure.end, "。；;")
        after = [phrase for phrase in phrases if figure.end <= phrase.start < end and not phrase.compared]
        return (after[0].words, after[0].dates) if after else None  # "2550万人（2021年底数据）"
    around = claim[: figure.start].lower() + " " + claim[figure.end :].lower()
    month = _EN_MONTH.search(around)
    if month:  # "by the end of June", "in September 2022": a month of the year it names, else of the last one
        number = _MONTHS.index(month["month"][:3]) + 1
        year = int(month["year"]) if month["year"] else event_date.year - (number > event_date.month)
        day = dates.end(f"{year}-{number:02d}").isoformat()
        return month.group().strip(), (day,) if month["end"] else (f"{year}-{number:02d}", day)
    for words, offset in _EN_RELATIVE.items():
        if words in around:
            return words, (str(event_date.year + offset),)
    match = EN_YEAR.search(around)
    return (match.group(), (match.group(),)) if match else None


def _change_dated(claim: str, figure: Figure, fact: Fact, event_date, chinese: bool):
    """What the claim's dates say of a change the fact gives, as (verdict, reason); None where they agree.

    The date a change is compared with (较2012年, "since 2012") is held to the fact's baseline, a date the claim
    names otherwise (截至今年9月) to the fact's own; a change said of a period alone ("今年以来", "去年"), with no
    date it is compared with, cannot be told from the fact's: not found."""
    if chinese:
        start, end = clause_start(claim, figure.start), clause_end(claim, figure.end, "。；;")
        phrases = [phrase for phrase in periods.said(claim, event_date) if start <= phrase.start < end]
        compared = [(phrase.words, phrase.dates) for phrase in phrases if phrase.compared]
        named = [(phrase.words, phrase.dates) for phrase in phrases if not phrase.compared]
    else:
        compared, named = [(year.group(), (year.group(),)) for year in EN_YEAR.finditer(claim)], []
    held = [(pair, fact.baseline.as_of) for pair in compared] + [(pair, fact.as_of) for pair in named]
    for (words, said), given in held:
        if not given:
            return None, Reason("no_date", claimed=words)
        if not _dates_agree(said, given):
            return False, Reason("another_date", claimed=words, as_of=given)
    if named and not compared:
        return None, Reason("no_date", claimed=named[0][0])
    return None


def _dates_agree(claimed: tuple[str, ...], as_of: str) -> bool:
    """Whether a fact's date is the one the claim gives: the same end ("截至9月" and "9月底"), or within it (a fact
    of September 2022 is of 2022). A total over a period is a figure of that period alone: 2017-2022 is no
    figure of 2022, nor of 2019-2022."""
    if "/" in as_of:
        return any(dates.start(said) == dates.start(as_of) and dates.end(said) == dates.end(as_of) for said in claimed)
    return any(
        dates.end(said) == dates.end(as_of)
        or dates.start(said) <= dates.start(as_of) <= dates.end(as_of) <= dates.end(said)
        for said in claimed
    )


def _total_to(claimed: tuple[str, ...], as_of: str) -> bool:
    """Whether a fact is of a period that ends where the claim's day or month falls ("截至目前" of a total over
    2017/2022): the same figure, if the claim counts from the same start, which it does not say."""
    if "/" not in as_of:
        return False
    last = as_of.partition("/")[2]
    return any(_day_or_month(said) and dates.start(last) <= dates.start(said) <= dates.end(said) <= dates.end(last)
               for said in claimed)  # fmt: skip


def _day_or_month(said: str) -> bool:
    return len(said) > len("2022")  # "2022-09", "2022-10-19", not a year


_DONE_AFTER = re.compile(r"^[^已]{0,12}?已(?:经)?(?:全部|全面)?(?:建成|完成|实现|达到|开通|投用|实施)")


def _claimed_kind(claim: str, figure: Figure, chinese: bool) -> Kind | None:
    """A plan, or done, as the claim's words before the figure say; None where they say neither."""
    if chinese:
        start = clause_start(claim, figure.start)
        after = claim[figure.end : clause_end(claim, figure.end)]
        if _DONE_AFTER.match(after) and not figures.mentions(after):  # "60个项目已全部建成": said as done
            return Kind.ACHIEVED
        said = wording.stated_kind(claim[start:], figure.stated)
        if said and said[0] == Kind.TARGET.value and re.search(rf"已经?{re.escape(said[1])}", claim[start:]):
            return Kind.ACHIEVED  # "已将…增加", "已确保", "已经再建设": done, whatever word follows 已
        return Kind(said[0]) if said else None
    before = claim[: figure.start]
    if _EN_TARGET.search(before):
        return Kind.TARGET
    return Kind.ACHIEVED if _EN_DONE.search(before) else None


def _judge(claim: str, figure: Figure, fact: Fact, base: FactBase, chinese: bool) -> tuple[bool | None, Reason]:
    """Whether a fact bears the figure out: True, False (it says otherwise), None (it cannot tell)."""
    place = claim_context.other_place(claim, figure, fact, base, chinese)
    if place:  # neither for the fact nor against it: another place's figure
        return None, Reason("another_place", claimed=place)
    event_date = dates.start(base.event(fact.event).date)
    yearly = claim_context.yearly(claim, figure, chinese)
    if _as_change(figure, fact):
        change, percent = fact.change, figure.word in ("%", "％")
        # A change cqmin worked out (a percent, or from two levels the article gives) may be said rounded
        worked_out = percent or not fact.baseline.derived
        said = figure._replace(qualifier=Q.APPROX) if worked_out and figure.qualifier is Q.EXACT else figure
        size = change.percent if percent else change.absolute
        if yearly and not (percent and change.annual_percent is not None):
            return None, Reason("yearly_average", claimed=yearly)  # (a yearly average of a count: not worked out)
        if yearly and (
            claim_context.SPAN.search(claim_context.sentence_before(claim, figure))
            or not claim_context.is_average(yearly)
        ):
            return None, Reason("yearly_average", claimed=yearly)  # (近三年年均: over which span? 同比: of a year)
        if yearly:  # "年均增长4.36%": the compound yearly rate over the fact's span, as show gives it
            size = change.annual_percent
        agrees, why = _values_agree(said, Decimal(repr(size)) * figure.change, Q.EXACT)
        if agrees is True:
            dated = _change_dated(claim, figure, fact, event_date, chinese)
            if dated is not None:
                return dated
        return agrees, (Reason("gives_change") if agrees else Reason("change_differs", why=why))
    if yearly and not claim_context.yearly_fact(fact):
        return None, Reason("yearly_average", claimed=yearly)
    if not yearly and claim_context.averaged_fact(fact):
        return None, Reason("yearly_unsaid")
    if figure.change:  # a change the fact gives as its figure ("分别下降5%"), not as a change of a level
        direction = _direction(fact)
        if not direction:
            return None, Reason("level_not_change")
        if direction != figure.change:
            return False, Reason("other_way")
    agrees, why = _values_agree(figure, fact.value, fact.qualifier, fact.high, fact.stated)
    if agrees is not True:
        return agrees, why
    kind = _claimed_kind(claim, figure, chinese)
    if kind is None and fact.kind is Kind.TARGET:
        return None, Reason("plan_unsaid")
    if kind is not None and kind is not fact.kind:
        return False, Reason("target_as_done" if fact.kind is Kind.TARGET else "result_as_plan")
    claimed = _claimed_date(claim, figure, event_date, chinese)
    if claimed is not None:
        if not fact.as_of:
            return None, Reason("no_date", claimed=claimed[0])
        if _total_to(claimed[1], fact.as_of):
            return None, Reason("since_when", claimed=claimed[0], as_of=fact.as_of)
        if not _dates_agree(claimed[1], fact.as_of):
            return False, Reason("another_date", claimed=claimed[0], as_of=fact.as_of)
    return True, Reason("gives_figure")


_CHANGE_WORD = re.compile(figures.CHANGE_VERB)


def _direction(fact: Fact) -> int:
    """+1 or -1 where a fact's own clause says its figure is a rise or a fall ("分别下降5%、7.1%": -1), else 0 (a
    level: "达到41家")."""
    words = _CHANGE_WORD.findall(claim_context.words_before(fact))
    return (1 if words[-1] in figures.RISES else -1) if words else 0


def _clause_best(text: str, figure: Figure, item: str, facts: list[Fact], chinese: bool) -> list[Fact]:
    """The facts a figure's own clause (its item, in a list of figures) is most about, if about any enough."""
    words = _claim_words(item if item.strip() else claim_context.own_context(text, figure), figure, chinese)
    scored = [(_about(words, fact, chinese), fact) for fact in facts if _unit_fits(figure, fact, chinese)]
    top = max((score for score, _ in scored), default=0)
    return [fact for score, fact in scored if score == top] if top >= MIN_ABOUT else []


def _item_context(text: str, figure: Figure, found: list[Figure]) -> str:
    """The words of a figure's own item, where its clause lists figures ("新增7座跨江大桥、6座穿山隧道": 跨江大桥
    for 7座; "在55个医院和194个零售药店": 医院 for 55个), without the figure; "" where nothing joins them."""
    start, end = clause_start(text, figure.start), clause_end(text, figure.end)
    index = found.index(figure)
    before = found[index - 1].end if index > 0 and found[index - 1].end > start else None
    after = found[index + 1].start if index + 1 < len(found) and found[index + 1].start < end else None
    joins_before = list(JOINS.finditer(text, before, figure.start)) if before is not None else []
    join_after = JOINS.search(text, figure.end, after) if after is not None else None
    if not joins_before and join_after is None:
        return ""
    item_start = joins_before[-1].end() if joins_before else start
    item_end = join_after.start() if join_after else end
    return text[item_start : figure.start] + " " + text[figure.end : item_end]


def _best(strong: list[tuple[int, Fact]], figure: Figure, item: str, chinese: bool) -> list[Fact]:
    """The facts a figure is most about, of those its clause is about (`strong`, best first): where the clause
    lists figures, those its own item is most about ("7座跨江大桥、6座穿山隧道": 跨江大桥 for 7座, whatever else
    the clause says; a swapped list is two wrong figures), else those the clause is most about."""
    if item.strip():
        words = _claim_words(item, figure, chinese)
        ranked = [(_about(words, fact, chinese), score, fact) for score, fact in strong]
        top = max((item_score, score) for item_score, score, _ in ranked)
        if top[0] > 0:
            return [fact for item_score, score, fact in ranked if (item_score, score) == top]
    return [fact for score, fact in strong if score == strong[0][0]]


def _states(figure: Figure, fact: Fact) -> bool:
    """Whether a fact gives a claim's very figure: the same number with the same bound (or its change)."""
    if _as_change(figure, fact):
        number = fact.change.percent if figure.word in ("%", "％") else fact.change.absolute
        return number is not None and Decimal(repr(number)) * figure.change == figure.value
    return Decimal(repr(fact.value)) == figure.value and fact.qualifier is figure.qualifier


def _listed(text: str, figure: Figure, found: list[Figure]) -> list[Figure]:
    """The figures a claim lists with this one after 分别 ("分别达到2550万人、597万人和762万人"), or after as many
    names ("新增跨江大桥、穿山隧道7座和6座"); [] if none."""
    run = [figure]
    for step in (-1, 1):  # the figures joined to this one by 、 和 及, before it and after it
        index = found.index(run[0] if step < 0 else run[-1])
        while 0 <= index + step < len(found):
            near = found[index + step]
            between = text[near.end : run[0].start] if step < 0 else text[run[-1].end : near.start]
            if between not in (*LIST_JOINS, "，", ","):  # (after 分别, items may stand in clauses of their own)
                break
            run = [near, *run] if step < 0 else [*run, near]
            index += step
    if len(run) < 2:
        return []
    names = text[_list_start(text, run[0].start) : run[0].start]  # 分别 says so; else names, as many as figures
    listed = "分别" in names or len(JOINS.split(SCOPE.sub("", names))) == len(run)
    return run if listed else []


def _list_start(text: str, position: int) -> int:
    """Where the clause of a list begins: a colon may stand inside one ("分别为：2550万人、597万人")."""
    return max(text.rfind(mark, 0, position) for mark in "，。；！？,;") + 1


def _listed_name(text: str, figure: Figure, run: list[Figure], labels: list[str]) -> str | None:
    """The name a figure's place in a list gives it: in "全市养老、失业和工伤保险参保人数分别达到2550万人、597万人和
    762万人", 失业 for 597万人: the longest stretch of its item (the list's scope set aside) that a fact's label
    holds ("每月的养老服务补贴": 养老服务补贴). None where the claim lists no names for its figures, or names none a
    label holds."""
    if not run:
        return None
    start = _list_start(text, run[0].start)
    items = JOINS.split(SCOPE.sub("", text[start : run[0].start].partition("分别")[0]))
    if len(items) == 1 and start > 0:  # 较2017年末分别增加…: the names of the list before it, in the clause before
        before = text[_list_start(text, start - 1) : start - 1]
        items = JOINS.split(SCOPE.sub("", before.partition("分别")[0])) if "分别" in before else items
    if len(items) != len(run):
        return None
    item = items[run.index(figure)]
    for size in range(len(item), 1, -1):  # the longest stretch a label holds, the one the fewest labels hold
        held = [(sum(stretch in label for label in labels), start, stretch) for start in range(len(item) - size + 1)
                for stretch in [item[start : start + size]]]  # fmt: skip
        held = [entry for entry in held if entry[0]]
        if held:
            return min(held)[2]
    return None


def _in_its_order(run: list[Figure], fact: Fact) -> bool:
    """Whether a list's figures come in the order the fact's sentence gives them, where it gives them all."""
    quote = wording.squeeze(fact.quote)
    places = [quote.find(wording.squeeze(figure.stated)) for figure in run]
    return -1 in places or places == sorted(places)


def judge(claim: str, base: FactBase) -> list[Judged]:
    """Each figure of the claim, judged against the fact its words are most about.

    Only the facts its words are most about may bear a figure out, and only if each of them does: where two
    facts are as much about the claim and differ, the figure is not found, unless one gives this very figure
    and none gives another of the claim's (which could be a list in another order). In a list
    ("养老、失业和工伤保险…分别达到2550万人、597万人和762万人") a figure is about the name in its place. A denial
    is not weighed.
    """
    claim = plain(claim)
    chinese = bool(CJK.search(claim))
    text = wording.squeeze(claim) if chinese else claim
    judged = []
    found = read(claim)  # (made plain above, as `text` is)
    # Each figure's list (after 分别, or after as many names), and the facts its own clause is about: a fact
    # another clause's figure names and gives is that figure's ("城镇新增就业超过80万人，五年新增就业365万人":
    # the 365万 fact is not about 超过80万)
    runs = [_listed(text, figure, found) if chinese else [] for figure in found]
    items = [_item_context(text, figure, found) for figure in found]
    owned = [[] if run else _clause_best(text, figure, item, base.facts, chinese)
             for figure, run, item in zip(found, runs, items, strict=True)]  # fmt: skip
    clauses = [clause_start(text, figure.start) for figure in found]
    labels = [fact.label.get("zh", "") for fact in base.facts]
    for index, figure in enumerate(found):
        if figure.negated:
            judged.append(Judged(figure, NOT_FOUND, None, Reason("denied")))
            continue
        if figure.earlier:  # (the level a change starts from: not the fact's figure, nor against it)
            judged.append(Judged(figure, NOT_FOUND, None, Reason("earlier_level")))
            continue
        run = runs[index]
        named = _listed_name(text, figure, run, labels) if run else None
        # (a label that holds another item's name is that item's: 公建民营养老机构 is not the list's 养老机构)
        others_named = {_listed_name(text, other, run, labels) for other in run if other is not figure} - {None}
        # In a list after 分别 whose names do not tell its figures apart ("城乡…分别达到717元、581元"), a figure the
        # list states elsewhere is another's: its fact is not this one's (but a change is its own)
        listed_alike = bool(run) and not (figure.change or named)
        others = {o.stated for o in run if o.stated != figure.stated} if listed_alike else set()
        # The facts the other clauses of the claim are about, and those of them their figures give (a change
        # is its own)
        other_clauses = [(other, facts) for other, facts, clause in zip(found, owned, clauses, strict=True)
                         if clause != clauses[index] and other.stated != figure.stated and not other.negated
                         and not (run or figure.change)]  # fmt: skip
        given = {fact.id for other, facts in other_clauses for fact in facts if _states(other, fact)}
        candidates = [fact for fact in base.facts if _unit_fits(figure, fact, chinese) and fact.stated not in others
                      and fact.id not in given and (named is None or named in fact.label.get("zh", ""))
                      and not (named and any(name not in named and name in fact.label.get("zh", "")
                                             for name in others_named))
                      ]  # fmt: skip
        # The figure's own clause first ("三甲医院达到41家，养老机构达到41家": each 41家 its own), then the claim,
        # less what its other clauses are about ("城市低保标准581元，农村717元": 717元 is not the city's)
        about_others = {fact.id for _, facts in other_clauses for fact in facts}
        strong = []
        for context in (claim_context.own_context(text, figure), text[: figure.start] + " " + text[figure.end :]):
            words = _claim_words(context, figure, chinese)
            scored = sorted(((_about(words, fact, chinese), order, fact) for order, fact in enumerate(candidates)),
                            key=lambda item: (-item[0], item[1]))  # fmt: skip
            strong = [(score, fact) for score, _, fact in scored if score >= MIN_ABOUT]
            if strong:
                break
            candidates = [fact for fact in candidates if fact.id not in about_others]
        if not strong:
            judged.append(Judged(figure, NOT_FOUND, None, Reason("nothing_about")))
            continue
        best = _best(strong, figure, items[index], chinese)
        stating = [fact for fact in best if _states(figure, fact)]
        if len(stating) == 1 and not any(_states(other, fact) for other in found if other is not figure
                                         for fact in best):  # fmt: skip
            best = stating  # the words name these facts alike, and one of them gives this very figure
        verdicts = [(_judge(text, figure, fact, base, chinese), fact) for fact in best[:5]]
        agreeing = [(why, fact) for (agrees, why), fact in verdicts if agrees is True]
        against = [(why, fact) for (agrees, why), fact in verdicts if agrees is False]
        unordered = run and named is None and not _in_its_order(run, agreeing[0][1]) if agreeing else False
        places = tuple(base.event(agreeing[0][1].event).place.values()) if agreeing else ()
        other_name = (
            claim_names.other_name(text, figure, agreeing[0][1], places) if agreeing and chinese and not run else None
        )
        if agreeing and len(agreeing) == len(verdicts) and other_name:  # "医疗保险参保人数" of 养老保险参保人数
            judged.append(Judged(figure, NOT_FOUND, agreeing[0][1], Reason("another_name", claimed=other_name)))
        elif agreeing and len(agreeing) == len(verdicts) and not unordered:
            judged.append(Judged(figure, SUPPORTED, agreeing[0][1], agreeing[0][0]))
        elif agreeing and len(agreeing) == len(verdicts):  # "城乡…分别达到581元、717元": which is which?
            judged.append(Judged(figure, NOT_FOUND, None, Reason("list_order")))
        elif against and len(against) == len(verdicts):
            judged.append(Judged(figure, CONTRADICTED, against[0][1], against[0][0]))
        else:
            (_, why), fact = verdicts[0]
            alone = len(verdicts) == 1
            reason = why if alone else Reason("facts_differ")
            judged.append(Judged(figure, NOT_FOUND, fact if alone else None, reason))
    return judged


MIN_ABOUT = 4  # the least shared words (a label's pair of characters counts twice) for a fact to be the one meant
_VERDICTS = {True: SUPPORTED, False: CONTRADICTED, None: NOT_FOUND}
