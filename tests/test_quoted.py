"""validate holds a fact to what its quote says beside the figure: the date, the baseline, the figure once.

Each case is a fact a careful reader would catch, with a right quote: the wrong
year, a relative date read against the wrong year, a baseline the quote does not
give, and one figure entered twice. The right readings of each phrase pass.
"""

import datetime

import factbases
import pytest
from conftest import run

from cqmin import periods

EVENT = "2024-07-18"  # a later press conference than the sample's, so that 今年 and 去年 are other years


def _with(sample, tmp_path, **fields) -> str:
    """The sample base with a second press conference (of EVENT) and one fact of it, its fields as given."""
    sample.data["events"].append({**factbases.SAMPLE_EVENT(), "id": "later", "date": EVENT})
    fact = {
        "id": "pension.later",
        "topic": "pension",
        "event": "later",
        "label": factbases.texts("一个数", "A figure"),
        "value": 12000000000000,
        "unit": "yuan",
        "stated": "12万亿元",
        "qualifier": "exact",
        "kind": "achieved",
        "as_of": "",
        "speaker": "li-ming",
        "quote": "全市生产总值达到12万亿元",
    }
    fact.update(fields)
    sample.facts.append({key: value for key, value in fact.items() if value is not None})
    return sample.write(tmp_path)


def problems(path: str) -> list[str]:
    result = run("validate", path)
    assert "unexpected" not in result.output
    return [line.split(": pension.later: ", 1)[1] for line in result.stdout.splitlines() if ": pension.later: " in line]


GDP = "2012年的1.16万亿元增加到2021年的2.79万亿元"


@pytest.mark.parametrize(
    ("quote", "as_of"),
    [
        ("2021年全市生产总值达到12万亿元", "2021"),
        ("去年全市生产总值达到12万亿元", "2023"),
        ("今年一季度全市生产总值达到12万亿元", "2024-03"),
        ("今年一季度全市生产总值达到12万亿元", "2024-03-31"),
        ("今年一季度全市生产总值达到12万亿元", "2024-01/2024-03"),
        ("一季度全市生产总值达到12万亿元", "2024-03"),
        ("今年上半年全市生产总值达到12万亿元", "2024-06-30"),
        ("截至3月底，全市生产总值达到12万亿元", "2024-03-31"),
        ("截至今年3月，全市生产总值达到12万亿元", "2024-03"),
        ("2023年末全市生产总值达到12万亿元", "2023-12"),
        ("2023年底全市生产总值达到12万亿元", "2023-12-31"),
        ("去年四季度全市生产总值达到12万亿元", "2023-12"),
        ("四季度全市生产总值达到12万亿元", "2023-12"),  # said in July: last year's fourth quarter
        ("全市生产总值达到12万亿元", "2021"),  # the quote gives no date: none to disagree with
        ("2021年全市生产总值达到12万亿元", ""),  # the base gives none: never a mismatch
        ("2021—2025年全市生产总值达到12万亿元", "2021/2025"),
        ("今年1—6月全市生产总值达到12万亿元", "2024-01/2024-06"),
        ("今年1—6月全市生产总值达到12万亿元", "2024-06-30"),
        ("2017年以来，全市生产总值累计达到12万亿元", "2017/2024"),
        ("截至去年底，全市生产总值达到12万亿元", "2023-12-31"),
        ("截至年底，全市生产总值达到12万亿元", "2023-12"),  # achieved, so the year's end that has come
        ("2021年，成效体现在全市生产总值达到12万亿元", "2021"),  # 体现在 is not 现在
        ("2021年，全市基本年均生产总值达到12万亿元", "2021"),  # 基本年均 is not 本年
    ],
)
def test_a_date_that_agrees_with_the_quote(sample, tmp_path, quote, as_of):
    assert problems(_with(sample, tmp_path, quote=quote, as_of=as_of)) == []


@pytest.mark.parametrize(
    ("quote", "as_of", "said"),
    [
        ("2021年全市生产总值达到12万亿元", "2022", "'2022', but the quote says '2021年' before the figure: 2021"),
        ("去年全市生产总值达到12万亿元", "2024", "'2024', but the quote says '去年' before the figure: 2023"),
        ("今年一季度全市生产总值达到12万亿元", "2023-03", "'2023-03', but the quote says '今年一季度'"),
        ("截至3月底，全市生产总值达到12万亿元", "2024-04", "'2024-04', but the quote says '3月底'"),
        ("2023年末全市生产总值达到12万亿元", "2022-12", "'2022-12', but the quote says '2023年末'"),
        ("2017年以来，全市生产总值累计达到12万亿元", "2017", "'2017', but the quote says '2017年以来'"),
        ("截至去年底，全市生产总值达到12万亿元", "2022-12", "'2022-12', but the quote says '去年底'"),
    ],
)
def test_a_date_the_quote_contradicts(sample, tmp_path, quote, as_of, said):
    (problem,) = problems(_with(sample, tmp_path, quote=quote, as_of=as_of, kind="achieved"))
    assert problem.startswith(f"as_of: {said}")


def test_a_stated_baseline_must_be_the_quote_s_figure(sample, tmp_path):
    right = {"value": 1160000000000, "as_of": "2012", "derived": False}
    fact = {"quote": GDP, "stated": "2.79万亿元", "value": 2790000000000, "as_of": "2021"}
    assert problems(_with(sample.copy(), tmp_path, **fact, baseline=right)) == []
    misread = {**right, "value": 1610000000000}  # 1.61万亿 for 1.16万亿: a change of +73% beside the right quote
    (problem,) = problems(_with(sample.copy(), tmp_path, **fact, baseline=misread))
    assert problem == (
        "baseline.value: 1610000000000 is not a figure of the quote, not a level the quote states before the figure"
    )


@pytest.mark.parametrize(
    ("quote", "stated", "value", "unit", "baseline", "why"),
    [
        (
            "人数达到2550万人，较2017年末增加468万人",
            "2550万人",
            25500000,
            "people",
            4680000,
            "the change in '增加468万'",
        ),
        ("人数达到2550万人，较2017年末增加468万人", "2550万人", 25500000, "people", 2017, "a year in the quote"),
        ("响应时间从28分钟缩短到17分钟", "17分钟", 17, "minutes", 17, "the fact's own figure"),
        ("参保结构比例从42:58优化为56:44", "56:44", 56, "yuan", 58, "the second term of a ratio"),
    ],
)
def test_a_stated_baseline_is_a_level_not_another_number(sample, tmp_path, quote, stated, value, unit, baseline, why):
    """A number of the quote that is no earlier level of the figure: the sound gate takes none of them."""
    fact = {"quote": quote, "stated": stated, "value": value, "unit": unit, "as_of": ""}
    wrong = {"value": baseline, "as_of": "", "derived": False}
    (problem,) = problems(_with(sample.copy(), tmp_path, **fact, baseline=wrong))
    assert problem.startswith(f"baseline.value: {baseline} is {why}, not a level")


def test_a_baseline_year_the_quote_contradicts(sample, tmp_path):
    fact = {"quote": GDP, "stated": "2.79万亿元", "value": 2790000000000, "as_of": "2021"}
    wrong = {"value": 1160000000000, "as_of": "2011", "derived": False}
    (problem,) = problems(_with(sample.copy(), tmp_path, **fact, baseline=wrong))
    assert problem == "baseline.as_of: '2011', but the quote says '2012年' of it: 2012"
    derived = {"quote": "全市生产总值达到12万亿元，较2017年末增加3万亿元", "as_of": ""}
    method = {"value": 9000000000000, "derived": True, "method": "12万亿 − 3万亿"}
    assert problems(_with(sample.copy(), tmp_path, **derived, baseline={**method, "as_of": "2017-12"})) == []
    (problem,) = problems(_with(sample.copy(), tmp_path, **derived, baseline={**method, "as_of": "2016-12"}))
    assert problem.startswith("baseline.as_of: '2016-12', but the quote says '2017年末' of it: 2017-12")
    for compared in ("较之", "相较于", "与"):  # what a figure is compared with, however the quote says so
        quote = f"全市生产总值达到12万亿元，{compared}2017年末增加3万亿元"
        (problem,) = problems(_with(sample.copy(), tmp_path, quote=quote, baseline={**method, "as_of": "2016-12"}))
        assert problem.startswith("baseline.as_of: '2016-12', but the quote says '2017年末' of it"), compared


def test_one_figure_entered_twice(sample, tmp_path):
    twice = dict(sample.fact("pension.relief"), id="pension.relief-again")
    sample.facts.append(twice)
    result = run("validate", sample.write(tmp_path))
    assert result.exit_code == 1
    assert (
        "pension.relief-again: stated: '超千亿元' of this quote is already the fact 'pension.relief'" in result.stdout
    )


def test_periods_read_against_the_day_of_the_conference():
    day = datetime.date(2024, 1, 10)
    (said,) = periods.said("四季度", day)  # said in January: the quarter just ended
    assert said.dates[0] == "2023-12-31"
    (said,) = periods.said("11月底", day)
    assert said.dates[0] == "2023-11-30"
    assert periods.said("十四五", day)[0].dates == ("2021/2025",)
    assert periods.said("未来五年", day)[0].dates == ("2025/2029",)
    assert periods.said("截至目前", day)[0].dates[0] == "2024-01-10"
    (compared,) = periods.said("较2017年末增加", day)
    assert compared.compared and compared.dates[0] == "2017-12"
    assert periods.said("2022家医院", day) == []  # a count, not a year
    (said,) = periods.said("截至年底", day)  # said in January: last year's end, or this year's still to come
    assert {"2023-12-31", "2024-12-31"} <= set(said.dates)
    (said,) = periods.said("下半年", datetime.date(2024, 4, 18))
    assert {"2023-07/2023-12", "2024-07/2024-12"} <= set(said.dates)
    assert periods.said("三百人", day) == []
    for word in ("基本年均", "提前年内", "千年底蕴", "体现在", "以上年龄", "根本年度"):  # words that hold a date word
        assert periods.said(word, day) == [], word


def test_a_figure_entered_twice_however_its_words_differ(sample, tmp_path):
    again = dict(sample.fact("pension.insured"), id="pension.insured-again", stated="2550万")
    again["quote"] = again["quote"].replace("，", ", ")
    sample.facts.append(again)
    result = run("validate", sample.write(tmp_path))
    assert (
        "pension.insured-again: stated: '2550万' of this quote is already the fact 'pension.insured'" in result.stdout
    )


def test_a_stated_baseline_in_chinese_numerals(sample, tmp_path):
    fact = {"quote": "全市生产总值从三百亿元增加到12万亿元", "as_of": ""}
    baseline = {"value": 30000000000, "as_of": "", "derived": False}
    assert problems(_with(sample, tmp_path, **fact, baseline=baseline)) == []


def test_a_baseline_derived_from_a_bounded_change_carries_the_bound(sample, tmp_path):
    """ "较2017年末增加近3万亿元": the change is about 3万亿, not 3万亿; the baseline is no more exact."""
    quote = "全市生产总值达到12万亿元，较2017年末增加近3万亿元"
    method = {"value": 9000000000000, "as_of": "2017-12", "derived": True, "method": "12万亿 − 3万亿"}
    path = _with(sample, tmp_path, quote=quote, as_of="", baseline=method)
    assert problems(path) == []
    shown = " ".join(run("--facts", path, "show", "pension.later", "--lang", "zh").stdout.split())
    assert "≈+3万亿元" in shown and "≈9万亿元" in shown
    compared = " ".join(run("--facts", path, "compare", "--lang", "en", env={"COLUMNS": "200"}).stdout.split())
    assert "A figure [pension] · " in compared and "≈+3 trillion yuan" in compared
