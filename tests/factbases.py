"""Small fact bases that tests build for themselves: the bundled facts.toml is test_factbase.py's alone.

`sample()` is a press conference of a made-up city, a dozen facts in three
topics, chosen so that every kind of figure cqmin reads is in it: exact and
bounded (约, 近, 超, 余, 以上), a range, a share, a rank, a target, a stated and a
derived baseline (by subtraction and by 倍), a figure in 万 and in 亿, a date, a
period, a day and none, and a figure only the infographic gives. Its texts are
in every language cqmin has registered (languages.codes()), so a language added
to cqmin is in the tests' bases too.

A test changes a copy (`base.fact(ID)["value"] = …`), writes it (`base.write(tmp_path)`)
and hands cqmin the path; `base.article()` is a source text holding every quote.
Expected values come from the loaded base (conftest's `base` fixture), not from
literals, wherever a test is not about a particular value.
"""

import copy
from pathlib import Path

from cqmin import languages, toml_text


def texts(zh: str, en: str) -> dict[str, str]:
    """A text in every registered language: Chinese, English, and English for any other (a toy language)."""
    return {code: zh if code == "zh" else en for code in languages.codes()}


class Base:
    """A fact base as data: change it, then write it."""

    def __init__(self, data: dict) -> None:
        self.data = data

    def copy(self) -> "Base":
        return Base(copy.deepcopy(self.data))

    def _find(self, table: str, ident: str) -> dict:
        for entry in self.data[table]:
            if entry["id"] == ident:
                return entry
        raise KeyError(f"no {table} '{ident}' in this base")

    def fact(self, ident: str) -> dict:
        return self._find("facts", ident)

    def topic(self, ident: str) -> dict:
        return self._find("topics", ident)

    def speaker(self, ident: str) -> dict:
        return self._find("speakers", ident)

    def event(self, ident: str) -> dict:
        return self._find("events", ident)

    @property
    def facts(self) -> list[dict]:
        return self.data["facts"]

    def ids(self) -> list[str]:
        return [fact["id"] for fact in self.facts]

    def remove_fact(self, ident: str) -> None:
        self.data["facts"].remove(self.fact(ident))
        for topic in self.data["topics"]:
            if topic.get("headline") == ident:
                del topic["headline"]

    def toml(self) -> str:
        return toml_text.dumps(self.data, header="A fact base built by cqmin's tests (tests/factbases.py).")

    def article(self) -> str:
        """A source text that holds every quote verbatim, one sentence each."""
        return "".join(f"{fact['quote']}。\n" for fact in self.facts)

    def write(self, folder: Path, name: str = "facts.toml") -> str:
        path = Path(folder) / name
        path.write_text(self.toml(), encoding="utf-8")
        return str(path)

    def write_article(self, folder: Path, name: str = "article.txt") -> str:
        path = Path(folder) / name
        path.write_text(self.article(), encoding="utf-8")
        return str(path)


def sample() -> Base:
    """The tests' press conference: three topics, three speakers, twelve facts."""
    return Base(
        {
            "schema": 2,
            "events": [SAMPLE_EVENT()],
            "speakers": [
                _speaker(
                    "li-ming",
                    "李明",
                    "Li Ming",
                    "局长",
                    "Director",
                    "市人力社保局",
                    "Municipal Human Resources and Social Security Bureau",
                ),
                _speaker(
                    "wang-fang",
                    "王芳",
                    "Wang Fang",
                    "副主任",
                    "Deputy Director",
                    "市卫生健康委",
                    "Municipal Health Commission",
                ),
                _speaker(
                    "zhao-lei",
                    "赵磊",
                    "Zhao Lei",
                    "副主任",
                    "Deputy Director",
                    "市住房城乡建委",
                    "Municipal Housing Commission",
                ),
            ],
            "topics": [
                _topic(
                    "pension",
                    "社会保障",
                    "Pensions and social insurance",
                    "养老保险与低保",
                    "Pensions and dibao",
                    "pension.insured",
                ),
                _topic(
                    "health",
                    "公共卫生",
                    "Public health",
                    "急救、防治中心与健康素养",
                    "Emergency care, disease centres and health literacy",
                    "health.response-time",
                ),
                _topic(
                    "housing",
                    "老旧小区改造",
                    "Old compound renewal",
                    "老旧小区与配套设施",
                    "Old compounds and their facilities",
                    "housing.facilities",
                ),
            ],
            "units": {
                "people": {**texts("人", "people"), "words": ["人", "名"]},
                "yuan": texts("元", "yuan"),
                "yuan-per-person-month": {**texts("元/人·月", "yuan per person per month"), "words": ["元"]},
                "percent": {**texts("%", "%"), "measure": "share"},
                "minutes": texts("分钟", "minutes"),
                "rank": {**texts("位", "place"), "measure": "rank"},
                "centres": texts("个", "centres"),
                "m2": texts("平方米", "m²"),
                "facilities": texts("处", "facilities"),
            },
            "facts": [
                _fact(
                    "pension.insured",
                    "养老保险参保人数",
                    "People insured for pensions",
                    25500000,
                    "people",
                    "2550万人",
                    as_of="2023-05",
                    speaker="li-ming",
                    quote="截至今年5月，全市养老保险参保人数达到2550万人，较2017年末增加468万人",
                    baseline={"value": 20820000, "as_of": "2017-12", "derived": True, "method": "2550万 − 468万"},
                ),
                _fact(
                    "pension.relief",
                    "为企业减负",
                    "Relief for firms, in total",
                    100000000000,
                    "yuan",
                    "超千亿元",
                    qualifier="more_than",
                    speaker="li-ming",
                    quote="累计为企业减负超千亿元",
                ),
                _fact(
                    "pension.coverage-target",
                    "养老保险参保率目标",
                    "Pension coverage target",
                    95,
                    "percent",
                    "95%以上",
                    qualifier="at_least",
                    kind="target",
                    speaker="li-ming",
                    quote="确保养老保险参保率稳定在95%以上",
                ),
                _fact(
                    "pension.structure",
                    "职工参保占比",
                    "Share of employees among the insured",
                    56,
                    "percent",
                    "56:44",
                    speaker="li-ming",
                    quote="参保结构比例五年间从42:58优化为56:44",
                    baseline={"value": 42, "as_of": "", "derived": False},
                ),
                _fact(
                    "pension.dibao",
                    "城市低保标准",
                    "Urban dibao standard",
                    717,
                    "yuan-per-person-month",
                    "717元",
                    as_of="2023-05",
                    speaker="li-ming",
                    quote="截至今年5月，城市低保标准达到每人每月717元，较2012年增长1.2倍",
                    baseline={"value": 325.91, "as_of": "2012", "derived": True, "method": "717 ÷ (1 + 1.2)"},
                ),
                _fact(
                    "health.response-time",
                    "院前急救平均响应时间",
                    "Average emergency response time",
                    17,
                    "minutes",
                    "17分钟",
                    as_of="2023-06-15",
                    speaker="wang-fang",
                    quote="院前急救平均响应时间从以前的28分钟缩短到现在的17分钟",
                    baseline={"value": 28, "as_of": "", "derived": False},
                ),
                _fact(
                    "health.centres-target",
                    "市级防治中心",
                    "City disease-control centres",
                    3,
                    "centres",
                    "3—5个",
                    qualifier="range",
                    high=5,
                    kind="target",
                    speaker="wang-fang",
                    quote="下一步将建设3—5个市级重大慢性病防治中心",
                ),
                _fact(
                    "health.rank",
                    "慢病防控示范区覆盖率全国排名",
                    "National rank of chronic-disease zone coverage",
                    2,
                    "rank",
                    "全国第二",
                    speaker="wang-fang",
                    quote="慢病综合防控示范区覆盖率全国第二",
                ),
                _fact(
                    "health.literacy",
                    "居民健康素养水平",
                    "Health literacy",
                    26.41,
                    "percent",
                    "26.41%",
                    as_of="2022",
                    speaker="wang-fang",
                    quote="2022年全市居民健康素养水平达26.41%",
                ),
                _fact(
                    "housing.renewal-target",
                    "老旧小区改造计划",
                    "Old compounds to renew (plan)",
                    100000000,
                    "m2",
                    "约1亿平方米",
                    qualifier="approx",
                    kind="target",
                    as_of="2021/2025",
                    speaker="zhao-lei",
                    quote="聚焦“十四五”规划，深入推进实施约1亿平方米城镇老旧小区改造计划",
                ),
                _fact(
                    "housing.facilities",
                    "同步改造的服务设施",
                    "Service facilities renewed with them",
                    5200,
                    "facilities",
                    "5200余处",
                    qualifier="more_than",
                    as_of="2023-06-15",
                    speaker="",
                    quote="截至目前同步改造养老托幼等服务设施5200余处",
                ),
                _fact(
                    "housing.residents",
                    "受益居民",
                    "Residents served",
                    1000000,
                    "people",
                    "近百万人",
                    qualifier="approx",
                    speaker="zhao-lei",
                    quote="方便近百万人出行",
                ),
            ],
        }
    )


def SAMPLE_EVENT() -> dict:
    return {
        "id": "sample-2023-06-15",
        "title": texts("示例市民生新闻发布会", "Sample City livelihood press conference"),
        "organizer": texts("示例市委宣传部", "Publicity Department of Sample City"),
        "date": "2023-06-15",
        "place": texts("示例市", "Sample City"),
        "article": texts("示例市民生报道", "Sample City livelihood report"),
    }


def _speaker(ident: str, zh: str, en: str, role_zh: str, role_en: str, dept_zh: str, dept_en: str) -> dict:
    return {"id": ident, "name": texts(zh, en), "role": texts(role_zh, role_en), "department": texts(dept_zh, dept_en)}


def _topic(ident: str, zh: str, en: str, summary_zh: str, summary_en: str, headline: str) -> dict:
    return {"id": ident, "title": texts(zh, en), "summary": texts(summary_zh, summary_en), "headline": headline}


def _fact(
    ident: str,
    label_zh: str,
    label_en: str,
    value,
    unit: str,
    stated: str,
    *,
    quote: str,
    speaker: str,
    qualifier: str = "exact",
    kind: str = "achieved",
    as_of: str = "",
    high=None,
    baseline=None,
) -> dict:
    fact = {
        "id": ident,
        "topic": ident.split(".")[0],
        "label": texts(label_zh, label_en),
        "value": value,
        "unit": unit,
        "stated": stated,
        "qualifier": qualifier,
        "kind": kind,
        "as_of": as_of,
        "speaker": speaker,
        "quote": quote,
    }
    if high is not None:
        fact["high"] = high
    if baseline is not None:
        fact["baseline"] = baseline
    return fact
