"""`cqmin check`: the figures of a claim held to the facts: supported, contradicted, or not found; never a
figure supported that no fact gives."""

import json
import re
from decimal import Decimal

import pytest
from conftest import run
from hypothesis import given, settings
from hypothesis import strategies as st

from cqmin import claims, languages


def verdicts(*claim: str, lang: str = "en") -> list[tuple[str, str, str | None]]:
    result = run("check", *claim, "--json", "--lang", lang)
    assert result.exit_code in (0, 1) and "unexpected" not in result.stderr, result.output
    records = json.loads(result.stdout)
    assert result.exit_code == (0 if records and all(r["verdict"] == "supported" for r in records) else 1)
    return [(record["stated"], record["verdict"], record["fact"]) for record in records]


def checked(path: str, claim: str, field: str = "fact") -> list[tuple[str, str | None]]:
    """(verdict, `field`) of each figure of a claim, checked against the base at `path`, in English."""
    records = json.loads(run("--facts", path, "check", claim, "--json", "--lang", "en").stdout)
    return [(record["verdict"], record[field]) for record in records]


def add_look_alikes(sample, like: str, quote: str, facts: tuple) -> None:
    """Add to the sample facts made like `like`'s, (id, zh label, value) each, stated as a number of its unit."""
    unit = sample.fact(like)["stated"].lstrip("0123456789.余多约")
    for ident, label, value in facts:
        fact = dict(sample.fact(like), id=ident, label={"zh": label, "en": label}, value=value,
                    stated=f"{value}{unit}", qualifier="exact", quote=quote, as_of="")  # fmt: skip
        fact.pop("baseline", None)
        sample.facts.append(fact)


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("截至今年5月，示例市养老保险参保人数达到2550万人", [("2550万人", "supported", "pension.insured")]),
        ("示例市养老保险参保人数超过2600万人", [("超过2600万人", "contradicted", "pension.insured")]),
        ("养老保险参保人数为2650万人", [("2650万人", "contradicted", "pension.insured")]),
        ("养老保险参保人数较2017年末增加468万人", [("468万人", "supported", "pension.insured")]),
        ("养老保险参保人数较2017年末增加500万人", [("500万人", "contradicted", "pension.insured")]),
        ("去年养老保险参保人数达到2550万人", [("2550万人", "contradicted", "pension.insured")]),  # 去年: 2022
        ("已建成3—5个市级重大慢性病防治中心", [("3—5个", "contradicted", "health.centres-target")]),
        ("下一步将建设3—5个市级重大慢性病防治中心", [("3—5个", "supported", "health.centres-target")]),
        ("2022年全市居民健康素养水平达26.41%", [("26.41%", "supported", "health.literacy")]),
        ("2021年全市居民健康素养水平达26.41%", [("26.41%", "contradicted", "health.literacy")]),
        ("同步改造养老托幼等服务设施不到5000处", [("不到5000处", "contradicted", "housing.facilities")]),
        ("示例市建成了5个火星基地", [("5个", "not_found", None)]),
        ("The city has 25.5 million people insured for pensions", [("25.5 million", "supported", "pension.insured")]),
        ("The city has more than 26 million people insured for pensions",
         [("more than 26 million", "contradicted", "pension.insured")]),
        ("Average emergency response time fell to 17 minutes", [("17", "supported", "health.response-time")]),
        # a share is said in percent or as a ratio: no count is about it, nor a ratio about a count
        ("The share of employees among the insured is 23 million", [("23 million", "not_found", None)]),
        ("参保人数结构比例优化为超过56:44", [("超过56:44", "contradicted", "pension.structure")]),
        # what a careless reader would call supported: a denial, a bound turned round, a date after the figure,
        # a change of another period, a plan said as done, a few more than far fewer, a range, a rounded numeral
        ("养老保险参保人数不超过2500万人", [("不超过2500万人", "contradicted", "pension.insured")]),
        ("养老保险参保人数没有达到2550万人", [("2550万人", "not_found", None)]),
        ("People insured for pensions did not reach 25.5 million", [("25.5 million", "not_found", None)]),
        ("People insured for pensions were no more than 25 million",
         [("no more than 25 million", "contradicted", "pension.insured")]),
        ("养老保险参保人数2550万人（2021年底数据）", [("2550万人", "contradicted", "pension.insured")]),
        ("养老保险参保人数较2012年末增加468万人", [("468万人", "contradicted", "pension.insured")]),
        ("今年以来养老保险参保人数增加468万人", [("468万人", "not_found", "pension.insured")]),
        ("已确保养老保险参保率稳定在95%以上", [("95%以上", "contradicted", "pension.coverage-target")]),
        ("计划建设的3—5个市级重大慢性病防治中心已全部建成", [("3—5个", "contradicted", "health.centres-target")]),
        ("同步改造养老托幼等服务设施1000余处", [("1000余处", "contradicted", "housing.facilities")]),
        ("同步改造养老托幼等服务设施5200余处", [("5200余处", "supported", "housing.facilities")]),
        # 余 and 多 count in the number's last place written: 5200余 is 5200 to 5300, 5000余 5000 to 6000,
        # 2500余万 2500万 to 2600万; an exact figure inside a fact's bound is not the fact's, nor against it
        ("同步改造养老托幼等服务设施5200多处", [("5200多处", "supported", "housing.facilities")]),
        ("同步改造养老托幼等服务设施五千二百余处", [("五千二百余处", "supported", "housing.facilities")]),
        ("同步改造养老托幼等服务设施5000余处", [("5000余处", "supported", "housing.facilities")]),
        ("同步改造养老托幼等服务设施5210余处", [("5210余处", "not_found", "housing.facilities")]),
        ("同步改造养老托幼等服务设施5300余处", [("5300余处", "contradicted", "housing.facilities")]),
        ("同步改造养老托幼等服务设施5250处", [("5250处", "not_found", "housing.facilities")]),
        ("同步改造养老托幼等服务设施5300处", [("5300处", "contradicted", "housing.facilities")]),
        ("养老保险参保人数达到2500余万人", [("2500余万人", "supported", "pension.insured")]),
        ("养老保险参保人数达到2540余万人", [("2540余万人", "contradicted", "pension.insured")]),
        ("养老保险参保人数达到2550余万人", [("2550余万人", "contradicted", "pension.insured")]),
        ("养老保险参保人数达到2549万余人", [("2549万余人", "contradicted", "pension.insured")]),  # below 2550万
        ("养老保险参保人数在2000—3000万人之间", [("2000—3000万人", "not_found", "pension.insured")]),
        ("养老保险参保人数约两千六百万人", [("约两千六百万人", "contradicted", "pension.insured")]),
        ("Health literacy reached 26.41% by the end of June", [("26.41%", "contradicted", "health.literacy")]),
    ],
)  # fmt: skip
def test_a_claim_judged(claim, expected):
    assert verdicts(claim) == expected


def test_a_figure_in_a_list_is_held_to_its_own_fact():
    """Each figure of a list is held to the fact it is, not to the fact of a figure beside it."""
    found = verdicts(
        "截至今年5月，全市养老保险参保人数达到2550万人，较2017年末增加468万人，城市低保标准达到每人每月717元"
    )
    assert found == [("2550万人", "supported", "pension.insured"), ("468万人", "supported", "pension.insured"),
                     ("717元", "supported", "pension.dibao")]  # fmt: skip


def test_a_list_is_read_by_the_names_in_its_places_and_in_its_sentence_s_order(sample, tmp_path):
    """Figures listed after 分别 belong to the names in their places; where the names do not tell them apart
    ("城乡"), only the order of the fact's own sentence does, and another order is not found."""
    both = "城乡低保标准分别达到每人每月717元、581元"
    add_look_alikes(sample, "pension.dibao", both, (("pension.urban", "城市低保标准", 717),
                                                    ("pension.rural", "农村低保标准", 581)))  # fmt: skip
    insured = dict(sample.fact("pension.insured"), id="pension.unemployed", value=5970000, stated="597万人",
                   label={"zh": "失业保险参保人数", "en": "People insured against unemployment"},
                   quote="全市养老、失业保险参保人数分别达到2550万人、597万人", as_of="")  # fmt: skip
    insured.pop("baseline")
    sample.facts.append(insured)
    path = sample.write(tmp_path)
    assert run("validate", path).exit_code == 0, run("validate", path).stdout

    def judged(claim: str) -> list[tuple[str, str | None]]:
        return checked(path, claim)

    assert judged(both) == [("supported", "pension.urban"), ("supported", "pension.rural")]
    assert judged("城乡低保标准分别达到每人每月581元、717元") == [("not_found", None), ("not_found", None)]
    assert judged("城市低保标准为每人每月581元") == [("contradicted", "pension.dibao")]  # (the sample's own)
    assert judged("全市养老、失业保险参保人数分别达到597万人、2550万人") == [
        ("contradicted", "pension.insured"), ("contradicted", "pension.unemployed")]  # fmt: skip
    assert judged("失业保险参保人数达2550万人") == [("contradicted", "pension.unemployed")]
    # the items after 分别 may stand in clauses of their own
    assert judged("全市养老、失业保险参保人数分别达到2550万人，597万人") == [
        ("supported", "pension.insured"), ("supported", "pension.unemployed")]  # fmt: skip


def test_the_table_says_the_verdict_the_fact_and_why():
    result = run("check", "示例市养老保险参保人数超过2600万人", "--lang", "zh")
    assert result.exit_code == 1
    assert "超过2600万人  不符" in result.stdout and "pension.insured" in result.stdout and "2550万人" in result.stdout
    assert "理由：该数据不高于所说的数" in result.stdout  # the reason, in the table's language
    english = run("check", "示例市养老保险参保人数超过2600万人", "--lang", "en")
    assert "contradicted" in english.stdout and "25.5 million people (2550万人)" in english.stdout
    assert "Why: the fact's figure is not above the claim's" in english.stdout
    (record,) = json.loads(run("check", "示例市养老保险参保人数超过2600万人", "--lang", "zh", "--json").stdout)
    assert record["reason"] == "the fact's figure is not above the claim's"  # data: English, whatever --lang
    languages_words = [set(languages.get(code).words) for code in languages.codes()]
    assert all(words == languages_words[0] for words in languages_words)  # every reason in every language


def test_markdown_is_a_table_in_the_language_asked_for():
    out = run("check", "示例市养老保险参保人数超过2600万人", "--lang", "zh", "-f", "markdown").stdout
    header, _, row = out.splitlines()
    assert header == "| 说法 | 结论 | 编号 | 数值 | 原文 | 理由 |"
    assert row.startswith("| 超过2600万人 | 不符 | pension.insured | 2550万人 | ") and "该数据不高于所说的数" in row


def test_data_formats_carry_every_field():
    result = run("check", "示例市养老保险参保人数超过2600万人", "-f", "csv")
    header, row = result.stdout.splitlines()
    assert header == "stated,value,verdict,fact,stated_by_fact,quote,reason"
    assert row.startswith("超过2600万人,26000000,contradicted,pension.insured,2550万人,")
    assert run("check", "示例市养老保险参保人数超过2600万人", "--fields", "verdict").stdout == "contradicted\n"


@pytest.mark.parametrize(("claim", "message"), [("", "an empty claim"), ("x" * 2001, "2001 characters")])
def test_what_is_no_claim(claim, message):
    result = run("check", claim)
    assert result.exit_code == 2 and message in result.stderr and result.stdout == ""


def test_a_claim_without_a_figure_fails_and_says_so():
    result = run("check", "示例市的民生改善可见可感")
    assert result.exit_code == 1 and result.stderr == "Error: no figure in the claim to check\n"


def test_hostile_claims_get_a_clean_bounded_answer():
    result = run("check", "\u202e\x1b[31m养老保险参保人数" + "1" * 1900 + "人")
    assert result.exit_code == 1 and "\x1b" not in result.stdout and "\u202e" not in result.stdout
    for claim in ("一" * 1999, "，" * 1999, "5人" * 999):
        assert run("check", claim).exit_code in (0, 1)


def _holds(bound: str, claimed: Decimal, value: Decimal, qualifier: str, stated: str) -> bool:
    """Whether a claimed figure must be true of a fact's, by the plain meaning of the words (independent of
    cqmin): "5200余处" is below 5300, a place of its last digit written that is not a zero."""
    exact = qualifier == "exact"
    few = re.fullmatch(r"([0-9]+)[余多]\D*", stated)
    below = value + 10 ** (len(few[1]) - len(few[1].rstrip("0"))) if few else None  # (the sample's: no 万)
    return {
        "": exact and claimed == value,
        "超过": value > claimed if exact else qualifier in ("more_than", "at_least") and value >= claimed,
        "不到": value < claimed
        if exact
        else (qualifier in ("less_than", "at_most") and value <= claimed) or (below is not None and below <= claimed),
    }[bound]


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    fact=st.sampled_from(["pension.insured", "pension.dibao", "health.response-time", "health.literacy",
                          "housing.facilities", "pension.relief"]),
    bound=st.sampled_from(["", "超过", "不到"]),
    scale=st.sampled_from(["0.5", "0.9", "0.99", "1", "1.01", "1.1", "2"]),
)  # fmt: skip
def test_no_figure_is_supported_that_no_fact_gives(base, fact, bound, scale):
    """Of claims about a fact with another number or bound, none is supported unless the fact bears it out."""
    known = base.fact(fact)
    number = (Decimal(repr(known.value)) * Decimal(scale)).quantize(Decimal("0.01")).normalize()
    stated = f"{bound}{number:f}{known.unit.name['zh']}"
    for judged in claims.judge(f"{known.label['zh']}{stated}", base):
        if judged.verdict == claims.SUPPORTED:
            assert judged.fact.id == fact
            value, qualifier = Decimal(repr(known.value)), known.qualifier.value
            assert _holds(bound, judged.figure.value, value, qualifier, known.stated), stated


def test_each_figure_of_a_list_is_held_to_the_fact_its_own_item_names(sample, tmp_path):
    """A swapped list is two wrong figures, whether its items are joined by 、 or 和 or stand in clauses of their
    own: the item's words, not another figure of the claim, say which fact a figure is about."""
    quote = "养老服务补贴每人每月300元，托育服务补贴每人每月200元"
    add_look_alikes(sample, "pension.dibao", quote, (("pension.care", "养老服务补贴", 300),
                                                     ("pension.nursery", "托育服务补贴", 200)))  # fmt: skip
    path = sample.write(tmp_path)

    def judged(claim: str) -> list[tuple[str, str | None]]:
        return checked(path, claim)

    right = [("supported", "pension.care"), ("supported", "pension.nursery")]
    swapped = [("contradicted", "pension.care"), ("contradicted", "pension.nursery")]
    for joined in ("、", "和", "，"):
        assert judged(f"养老服务补贴每人每月300元{joined}托育服务补贴每人每月200元") == right, joined
        assert judged(f"养老服务补贴每人每月200元{joined}托育服务补贴每人每月300元") == swapped, joined
    assert judged("每人每月300元的养老服务补贴和200元的托育服务补贴") == right  # (the item's words after it)
    # names listed before as many figures, as after 分别
    assert judged("每人每月的养老服务补贴、托育服务补贴300元和200元") == right
    assert judged("每人每月的养老服务补贴、托育服务补贴200元和300元") == swapped


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # 近 is up to its number, never past it: 2550万 is "近2600万" but not "近2500万" nor "近三千万"
        ("养老保险参保人数近2600万人", "supported"),
        ("养老保险参保人数近2500万人", "contradicted"),
        ("养老保险参保人数近三千万人", "contradicted"),
        # a bound of another kind than the fact's (a span, a range) says less than it: not found; one it cannot
        # meet contradicts it
        ("同步改造养老托幼等服务设施不到5300处", "not_found"),
        ("同步改造养老托幼等服务设施不到5200处", "contradicted"),
        ("同步改造养老托幼等服务设施超过5250处", "not_found"),
        ("下一步将建设5个以内市级重大慢性病防治中心", "not_found"),
        ("下一步将建设3个以上市级重大慢性病防治中心", "not_found"),
        ("下一步将建设6个以上市级重大慢性病防治中心", "contradicted"),
        # two bounds that share one number alone are as good as opposite
        ("养老保险参保率稳定在95%以下", "contradicted"),
    ],
)  # fmt: skip
def test_bounds_are_held_to_the_numbers_each_allows(claim, expected):
    assert [verdict for _, verdict, _ in verdicts(claim)] == [expected]


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # the bound words of common usage, and 不 before them
        ("养老保险参保人数低于2550万人", "contradicted"), ("养老保险参保人数不低于2500万人", "supported"),
        ("养老保险参保人数逾2500万人", "supported"), ("养老保险参保人数高于2600万人", "contradicted"),
        ("养老保险参保人数2550万人有余", "contradicted"), ("养老保险参保人数不满2600万人", "supported"),
        ("People insured for pensions surpassed 25 million", "supported"),
        ("People insured for pensions exceeded 26 million", "contradicted"),
        # denials are not weighed; plans are not results
        ("养老保险参保人数没达到2550万人", "not_found"), ("养老保险参保人数未到2550万人", "not_found"),
        ("People insured for pensions have yet to reach 25.5 million", "not_found"),
        ("养老保险参保人数预计达到2550万人", "contradicted"), ("养老保险参保人数有望达到2550万人", "contradicted"),
        ("People insured for pensions are expected to reach 25.5 million", "contradicted"),
        # a figure written in full-width digits, with an invisible character inside, or with thousands separators
        ("养老保险参保人数２５５０万人", "supported"), ("养老保险参保人数25\u200b50万人", "supported"),
        ("同步改造养老托幼等服务设施5,200余处", "supported"), ("同步改造养老托幼等服务设施1,200余处", "contradicted"),
    ],
)  # fmt: skip
def test_figures_are_read_as_people_write_them(claim, expected):
    assert [verdict for _, verdict, _ in verdicts(claim)] == [expected]


def test_a_total_over_a_period_is_not_told_from_a_day_it_runs_to(sample, tmp_path):
    """ "截至目前，已累计…" of a fact counted since 2017: the claim does not say from when; a year of the period
    alone is another date."""
    fact = dict(sample.fact("housing.facilities"), id="housing.renewed", label={"zh": "累计改造城镇老旧小区",
                "en": "Old compounds renewed"}, value=3981, stated="3981处", qualifier="exact", as_of="2017/2023",
                quote="党的十九大以来，已累计改造城镇老旧小区3981处")  # fmt: skip
    sample.facts.append(fact)
    path = sample.write(tmp_path)

    def judged(claim: str) -> list[tuple[str, str]]:
        return checked(path, claim, "reason")

    ((verdict, reason),) = judged("截至目前，已累计改造城镇老旧小区3981处")
    assert verdict == "not_found" and "does not say from when" in reason
    assert judged("2023年改造城镇老旧小区3981处")[0][0] == "contradicted"


@pytest.mark.parametrize(
    ("claim", "expected", "reason"),
    [
        # a few more than a number the fact is not: another number, not "not above"
        ("养老保险参保人数2400余万人", "contradicted", "another number"),
        # 近 is not 约: the fact's 约1亿 may be past 1亿, which 近1亿 is not
        ("下一步推进实施近1亿平方米城镇老旧小区改造计划", "not_found", "the fact's figure is bounded"),
        ("下一步推进实施约1亿平方米城镇老旧小区改造计划", "supported", "the fact gives this figure"),
        # a change said to be a decrease of under 500万 is not an increase of 468万
        ("养老保险参保人数较2017年末减少不到500万人", "contradicted", None),
        # a plan word must say a plan: "as expected" says nothing of one
        ("As expected, people insured for pensions reached 25.5 million", "supported", None),
    ],
)  # fmt: skip
def test_a_few_more_nearly_a_change_and_a_plan_are_read_as_meant(claim, expected, reason):
    (record,) = json.loads(run("check", claim, "--json", "--lang", "en").stdout)
    assert record["verdict"] == expected and (reason is None or record["reason"] == reason), record


def test_a_change_is_held_to_the_way_the_fact_went(sample, tmp_path):
    """A fact that is itself a change ("费用下降5%") bears out a fall of 5%, not a rise; a fact that is a level
    ("设施5200余处") is no change at all."""
    sample.facts.append(dict(sample.fact("health.literacy"), id="health.cost-drop", value=5, stated="5%",
                             label={"zh": "试点医院次均住院费用降幅", "en": "Drop in cost per stay"},
                             quote="试点医院次均住院费用、患者自费分别下降5%和7.1%", as_of=""))  # fmt: skip
    path = sample.write(tmp_path)

    def judged(claim: str) -> tuple[str, str]:
        (verdict,) = checked(path, claim, "reason")
        return verdict

    assert judged("试点医院次均住院费用下降5%") == ("supported", "the fact gives this figure")
    assert judged("试点医院次均住院费用增长5%") == ("contradicted", "the fact says it went the other way")
    assert judged("同步改造养老托幼等服务设施增加5200余处") == ("not_found", "the fact gives a level, not a change")


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # a denial right before the bound it denies
        ("养老保险参保人数未突破2600万人", "not_found"), ("养老保险参保人数没超过2600万人", "not_found"),
        # a second clause that leaves out its subject is about what the first is not
        ("城市低保标准每人每月581元，农村每人每月717元", "contradicted"),
        # 约 may round at its zeros (by a twentieth at most); a worked-out change may be said rounded
        ("城市低保标准每人每月约700元", "supported"), ("城市低保标准每人每月约800元", "contradicted"),
        ("养老保险参保人数较2017年末增长22.5%", "supported"),
        # a range holding the fact's range says less than it: no figure the fact gives; one beside it is another
        ("下一步将建设2—6个市级重大慢性病防治中心", "not_found"),
        ("下一步将建设4—6个市级重大慢性病防治中心", "contradicted"),
    ],
)  # fmt: skip
def test_denials_a_left_out_subject_rounding_and_ranges(claim, expected):
    assert verdicts(claim)[0][1] == expected


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # the words right before a figure name another quantity where its fact's label has a word of its own
        ("医疗保险参保人数2550万人", "not_found"), ("示例市工伤保险参保人数2550万人", "not_found"),
        ("养老保险参保人数2550万人", "supported"), ("全市养老保险参保人数达到2550万人", "supported"),
        # a modifier where the label has none ("同步改造的服务设施"), or a date before the name, is no other name
        ("同步改造养老托幼等服务设施5200余处", "supported"),
        # another place: the country's or a province's figure is not the city's, whatever its number
        ("全国养老保险参保人数达到2550万人", "not_found"), ("四川省养老保险参保人数2550万人", "not_found"),
        ("全国养老保险参保人数达到2600万人", "not_found"), ("示例市养老保险参保人数2550万人", "supported"),
        ("Nationwide, 25.5 million people were insured for pensions", "not_found"),
        ("25.5 million people in Sample City were insured for pensions", "supported"),
        ("全国范围内，养老保险参保人数达到2550万人", "not_found"), ("四川：养老保险参保人数达到2550万人", "not_found"),
        ("我国养老保险参保人数达到2550万人", "not_found"), ("渝中区养老保险参保人数达到2550万人", "not_found"),
        ("Sichuan had 25.5 million people insured for pensions", "not_found"),
        ("The city has 25.5 million people insured for pensions, above the national average", "supported"),
        # a duration is no year
        ("贷款期限由20年延长到30年，养老保险参保人数达到2550万人", "supported"),
        # nor is the conference's own place another, however written, nor a place in brackets or given as an
        # example; but another city is
        ("本市养老保险参保人数达到2550万人", "supported"), ("中国示例市养老保险参保人数达到2550万人", "supported"),
        ("示例市（中国西南）养老保险参保人数达到2550万人", "supported"),
        ("渝中区等全市养老保险参保人数达到2550万人", "supported"), ("武汉市养老保险参保人数达到2550万人", "not_found"),
        ("养老保险参保人数较2017年增加468万人", "supported"),  # (年增 of 2017年增加 is no yearly word)
        # a figure in words rounds as in digits: 约三千万 is 约3000万, not anything from 2500万 to 3500万
        ("养老保险参保人数约三千万人", "contradicted"), ("养老保险参保人数约3000万人", "contradicted"),
        ("养老保险参保人数约二千五百五十万人", "supported"),
        # years written otherwise: in Chinese numerals, or in two digits where only a date can be meant
        ("二〇二一年全市居民健康素养水平达26.41%", "contradicted"),
        ("21年全市居民健康素养水平达26.41%", "contradicted"), ("二〇二二年全市居民健康素养水平达26.41%", "supported"),
        ("截至23年5月，养老保险参保人数2550万人", "supported"),
        ("截至22年5月，养老保险参保人数2550万人", "contradicted"),
        # a yearly average is no change over years (468万 is the change since 2017), nor is the total one
        ("养老保险参保人数较2017年末年均增加468万人", "not_found"),
        ("养老保险参保人数较2017年末增长22.48%", "supported"), ("养老保险参保人数年均增长22.48%", "contradicted"),
        ("养老保险参保人数同比增长22.48%", "not_found"), ("养老保险参保人数一年增加468万人", "not_found"),
        ("People insured for pensions grew 22.48% year on year", "not_found"),
        ("Average emergency response time fell to 17 minutes on average", "supported"),
        ("The city has 25.5 million people insured for pensions; literacy grew 3% a year", "supported"),
    ],
)  # fmt: skip
def test_a_figure_of_another_quantity_is_not_its_look_alike_s(claim, expected):
    assert verdicts(claim)[0][1] == expected


def test_a_yearly_rate_is_held_to_the_yearly_rate_and_only_to_it(sample, tmp_path):
    """show gives a change's compound yearly rate ("年均+4.7%"): a claim of it is held to that rate; a fact that is a
    yearly rate itself supports only a claim that says it is one."""
    add_look_alikes(
        sample, "health.literacy", "全市居民收入年均增长8.9%", (("health.income", "居民收入年均增长", 8.9),)
    )
    path = sample.write(tmp_path)
    annual = json.loads(run("--facts", path, "show", "pension.insured", "--json").stdout)[0]["change"]
    rate = f"{annual['annual_percent']:.2f}%"
    assert checked(path, f"养老保险参保人数年均增长{rate}") == [("supported", "pension.insured")]
    assert checked(path, "全市居民收入年均增长8.9%") == [("supported", "health.income")]
    assert checked(path, "全市居民收入增长8.9%", "reason") == [("not_found", "the fact is a yearly average, which the "
                                                                                "claim does not say")]  # fmt: skip
    assert checked(path, f"养老保险参保人数近三年年均增长{rate}") == [("not_found", "pension.insured")]  # (which span?)
    assert checked(path, f"People insured for pensions grew {rate} a year") == [("supported", "pension.insured")]
    assert checked(path, "养老保险参保人数较2017年末平均每年增加468万人", "reason") == [
        ("not_found", "the claim's figure is a yearly one ('平均每年'), the fact's is not")]  # fmt: skip


def test_a_name_before_or_after_a_figure_that_says_a_part_is_no_figure_of_the_whole():
    assert verdicts("城镇职工养老保险参保人数达到2550万人")[0][1] == "not_found"  # (a part of the insured)
    assert verdicts("截至今年5月，全市现有养老保险参保人数2550万人")[0][1] == "supported"


# A fact made like another of the sample's (like, its quote, (id, label, value)), and claims of it: (claim, the
# field asked for, each figure's verdict and that field)
LOOK_ALIKES = {
    # 每年…80%用于民生: the share of each year, which a claim may give without 每年
    "a share every year": (
        ("health.literacy", "每年一般公共预算支出的80%用于民生", ("health.spending", "民生支出比例", 80)),
        [("一般公共预算支出的80%用于民生", "fact", [("supported", "health.spending")]),
         ("每年一般公共预算支出的80%用于民生", "fact", [("supported", "health.spending")])],
    ),
    "a rate per another count": (
        ("housing.facilities", "全市每千名老人拥有养老床位32处", ("housing.beds", "每千名老人拥有养老床位", 32)),
        [("每千名老人拥有养老床位32处", "fact", [("supported", "housing.beds")]),
         ("每百名老人拥有32处养老床位", "reason", [("not_found", "its words name another quantity ('每百')")])],
    ),
    # 77处农村低保对象 of 城乡低保对象: a word of its own where the label has another, after the figure too
    "a name after the figure": (
        ("housing.facilities", "全市保障77处城乡低保对象", ("housing.dibao", "城乡低保对象", 77)),
        [("保障了77处城乡低保对象的基本生活", "fact", [("supported", "housing.dibao")]),
         ("全市保障77处农村低保对象", "reason", [("not_found", "its words name another quantity ('农村低保对象')")])],
    ),
    # 36处事项实现全渝通办: 实现 stands where the label has 经办, and is no rival name; nor are the fact's words
    "a verb between a figure and its name": (
        ("housing.facilities", "36处事项 全渝通办", ("housing.citywide", "社保经办全渝通办事项", 36)),
        [("全市36处事项实现全渝通办", "fact", [("supported", "housing.citywide")]),
         ("36处事项 全渝通办", "fact", [("supported", "housing.citywide")])],
    ),
    # "开展人脸识别的零售药店" are some of the pharmacies: 194 of them is no figure of the city's pharmacies
    "a label narrowed by a clause": (
        ("housing.facilities", "全市194处零售药店开展人脸识别", ("housing.face-id", "开展人脸识别的零售药店", 194)),
        [("全市开展人脸识别的零售药店有194处", "fact", [("supported", "housing.face-id")]),
         ("全市已有194处零售药店实现人脸识别", "fact", [("supported", "housing.face-id")]),
         ("在55处医院开展人脸识别，全市零售药店有194处", "fact",
          [("not_found", None), ("not_found", "housing.face-id")]),
         ("全市零售药店有194处", "reason", [("not_found", "its words name another quantity ('全市零售药店')")])],
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", LOOK_ALIKES)
def test_a_claim_of_a_look_alike(case, sample, tmp_path):
    (like, quote, fact), claims_of_it = LOOK_ALIKES[case]
    add_look_alikes(sample, like, quote, (fact,))
    path = sample.write(tmp_path)
    for claim, field, expected in claims_of_it:
        assert checked(path, claim, field) == expected, claim


def test_a_list_of_changes_after_a_list_of_levels_takes_its_names(sample, tmp_path):
    """养老、失业和工伤保险…分别达到…，较2017年末分别增加468万人、134万人和251万人: the second list names nothing
    itself; its figures are the first list's items', in their order (the article's own sentence)."""
    quote = ("截至今年5月，全市养老、失业和工伤保险参保人数分别达到2550万人、597万人和762万人，"
             "较2017年末分别增加468万人、134万人和251万人")  # fmt: skip
    insured = sample.fact("pension.insured")
    insured["quote"] = quote
    for ident, label, value, change in (("pension.jobless", "失业保险参保人数", 5970000, 1340000),
                                         ("pension.injury", "工伤保险参保人数", 7620000, 2510000)):  # fmt: skip
        stated = f"{value // 10000}万人"
        sample.facts.append(dict(insured, id=ident, label={"zh": label, "en": label}, value=value, stated=stated,
                                 baseline={"value": value - change, "as_of": "2017-12", "derived": True,
                                           "method": f"{value // 10000}万 − {change // 10000}万"}))  # fmt: skip
    path = sample.write(tmp_path)
    each = [("supported", "pension.insured"), ("supported", "pension.jobless"), ("supported", "pension.injury")]
    assert checked(path, quote) == each + each
    swapped = quote.replace("468万人、134万人", "134万人、468万人")
    assert [verdict for verdict, _ in checked(path, swapped)][3:5] == ["contradicted", "contradicted"]


def test_the_level_a_change_starts_from_is_not_weighed():
    """The article's own 从以前的28分钟缩短到现在的17分钟: 28 is no figure of today's, nor against it."""
    assert verdicts("院前急救平均响应时间从以前的28分钟缩短到现在的17分钟") == [
        ("28分钟", "not_found", None), ("17分钟", "supported", "health.response-time")]  # fmt: skip
    assert verdicts("Average emergency response time fell from 28 minutes to 17 minutes") == [
        ("28", "not_found", None), ("17", "supported", "health.response-time")]  # fmt: skip
    assert verdicts("院前急救平均响应时间从以前的28分钟缩短到现在的20分钟")[1][1] == "contradicted"


def test_a_listed_name_held_by_a_longer_name_of_the_list_is_not_that_one_s(sample, tmp_path):
    """ "养老机构和公建民营养老机构分别为…": the second label holds the first name too, but it is the second item's."""
    add_look_alikes(sample, "housing.facilities", "全市养老机构1633处，其中公建民营养老机构316处",
                    (("housing.homes", "全市养老机构", 1633), ("housing.leased", "公建民营养老机构", 316)))  # fmt: skip
    path = sample.write(tmp_path)

    def judged(claim: str) -> list[tuple[str, str | None]]:
        return checked(path, claim)

    assert judged("全市养老机构和公建民营养老机构分别为1633处和316处") == [
        ("supported", "housing.homes"), ("supported", "housing.leased")]  # fmt: skip
    assert judged("全市养老机构和公建民营养老机构分别为316处和1633处") == [
        ("contradicted", "housing.homes"), ("contradicted", "housing.leased")]  # fmt: skip
    # a word put in before a label's name is no other name; one in its place is
    assert judged("全市现有养老机构1633处")[0][0] == "supported"
    assert judged("全市医疗机构1633处")[0][0] == "not_found"
