"""Reading and writing figures: Chinese statistical wording, dates, and the before/now arithmetic."""

from decimal import Decimal

import pytest

from cqmin import compare, dates, languages, numerals
from cqmin.domain import Kind, Measure, Qualifier
from cqmin.languages.base import percent
from cqmin.model import Baseline, Change, Fact, Unit


@pytest.mark.parametrize(
    ("stated", "value", "high", "qualifier"),
    [
        ("2550万人", "25500000", None, "exact"),
        ("超千亿元", "100000000000", None, "more_than"),
        ("9186万平方米", "91860000", None, "exact"),
        ("77.57万", "775700", None, "exact"),
        ("1.6万余名", "16000", None, "more_than"),
        ("5200余处", "5200", None, "more_than"),
        ("2000多名", "2000", None, "more_than"),
        ("2550余万人", "25500000", None, "more_than"),  # 余 before 万, as often as after it
        ("300多万户", "3000000", None, "more_than"),
        ("三百余家", "300", None, "more_than"),
        ("突破3200万人", "32000000", None, "more_than"),
        ("超过70万人", "700000", None, "more_than"),
        ("约1亿平方米", "100000000", None, "approx"),
        ("近两百个", "200", None, "approx"),
        ("近百万人", "1000000", None, "approx"),
        ("80%左右", "80", None, "approx"),
        ("95%以上", "95", None, "at_least"),
        ("5.5%以内", "5.5", None, "at_most"),
        ("3—5个", "3", "5", "range"),
        ("5—10家", "5", "10", "range"),
        ("56:44", "56", None, "exact"),
        ("全国第二", "2", None, "exact"),
        ("12个事项", "12", None, "exact"),
    ],
)
def test_read_stated(stated, value, high, qualifier):
    reading = numerals.read_stated(stated)
    assert reading.value == Decimal(value)
    assert reading.high == (Decimal(high) if high else None)
    assert reading.qualifier == qualifier


@pytest.mark.parametrize("stated", ["", "万人", "约80%以上", "40:50", "about 80", "2550余万余人"])
def test_read_stated_refuses(stated):
    with pytest.raises(ValueError):
        numerals.read_stated(stated)


@pytest.mark.parametrize(
    ("method", "result", "operands"),
    [
        ("2550万 − 468万", "20820000", ["2550万", "468万"]),
        ("717 ÷ (1 + 1.2)", "325.9090909090909090909090909", ["717", "1", "1.2"]),
        ("6026 - 1201", "4825", ["6026", "1201"]),
        ("2 × 3 + 4", "10", ["2", "3", "4"]),
    ],
)
def test_evaluate(method, result, operands):
    arithmetic = numerals.evaluate(method)
    assert arithmetic.result == Decimal(result)
    assert arithmetic.operands == operands


@pytest.mark.parametrize("method", ["", "2550万 −", "(1 + 2", "1 / 0", "import os", "2 3"])
def test_evaluate_refuses(method):
    with pytest.raises(ValueError):
        numerals.evaluate(method)


ZH = languages.get("zh")
EN = languages.get("en")


@pytest.mark.parametrize(
    ("value", "zh", "en"),
    [
        (25_500_000, "2550万", "25.5 million"),
        (100_000_000_000, "1000亿", "100 billion"),
        (91_860_000, "9186万", "91.86 million"),
        (775_700, "77.57万", "775,700"),
        (33_803, "33803", "33,803"),
        (15_488, "15488", "15,488"),
        (16_000, "1.6万", "16,000"),
        (100_000_000, "1亿", "100 million"),
        (137.3, "137.3", "137.3"),
        (325.91, "325.91", "325.91"),
        (0, "0", "0"),
        (-110_000, "-11万", "-110,000"),
    ],
)
def test_numbers(value, zh, en):
    assert ZH.number(value) == zh
    assert EN.number(value) == en


PEOPLE = Unit("people", {"zh": "人", "en": "people"}, Measure.COUNT)
PERCENT = Unit("percent", {"zh": "%", "en": "%"}, Measure.SHARE)


def fact(value, high, qualifier, unit, stated="") -> Fact:
    return Fact("t.x", "t", {"zh": "x", "en": "x"}, value, high, unit, stated, Qualifier(qualifier), Kind.ACHIEVED,
                None, None, None, "e", None, stated)  # fmt: skip


@pytest.mark.parametrize(
    ("value", "high", "qualifier", "unit", "en"),
    [
        (
            5200,
            None,
            "more_than",
            Unit("f", {"zh": "处", "en": "facilities"}, Measure.COUNT),
            "more than 5,200 facilities",
        ),
        (330, None, "approx", Unit("km", {"zh": "公里", "en": "km"}, Measure.COUNT), "about 330 km"),
        (3, 5, "range", Unit("c", {"zh": "个", "en": "centres"}, Measure.COUNT), "3–5 centres"),
        (5.5, None, "at_most", PERCENT, "≤ 5.5%"),
        (95, None, "at_least", PERCENT, "≥ 95%"),
        (25_500_000, None, "exact", PEOPLE, "25.5 million people"),
        (2, None, "exact", Unit("rank", {"zh": "位", "en": "place"}, Measure.RANK), "No. 2"),
    ],
)
def test_figures_in_english(value, high, qualifier, unit, en):
    assert EN.figure(fact(value, high, qualifier, unit)) == en


def test_nearly_is_just_under():
    assert EN.figure(fact(200, None, "approx", PEOPLE, stated="近两百个")) == "nearly 200 people"


def test_figures_in_chinese_are_as_stated():
    assert ZH.figure(fact(5200, None, "more_than", PEOPLE, stated="5200余处")) == "5200余处"


def test_signed_changes():
    minutes = Unit("minutes", {"zh": "分钟", "en": "minutes"}, Measure.COUNT)
    assert ZH.signed(4_680_000, PEOPLE) == "+468万人"
    assert EN.signed(4_680_000, PEOPLE) == "+4.68 million people"
    assert EN.signed(-11, minutes) == "-11 minutes"
    assert EN.signed(14, PERCENT) == "+14 pp"
    assert ZH.signed(14, PERCENT) == "+14个百分点"
    assert percent(22.48) == "+22.48%"
    assert percent(None) == "—"


@pytest.mark.parametrize("text", ["2021", "2022-09", "2022-09-30", "2017/2022", "2022-01/2022-09-30", "2024-02-29"])
def test_valid_dates(text):
    dates.check(text)


@pytest.mark.parametrize(
    "text",
    ["22", "2022-9", "2022-13", "2022-02-30", "2023-02-29", "2022/2017", "1/2/3", "2022-09-30T", "0000", "٢٠٢٢"],
)
def test_invalid_dates(text):
    with pytest.raises(ValueError):
        dates.check(text)


def test_date_ends_and_display():
    assert str(dates.end("2017-12")) == "2017-12-31"
    assert str(dates.end("2022-02")) == "2022-02-28"
    assert str(dates.end("2017/2022")) == "2022-12-31"
    assert str(dates.end("9999-12")) == "9999-12-31"
    assert str(dates.start("2017/2022")) == "2017-01-01"
    assert dates.show("2022-09", EN) == "Sep 2022"
    assert dates.show("2022-09-30", EN) == "30 Sep 2022"
    assert dates.show("2022-09", ZH) == "2022年9月"
    assert dates.show("2017/2022", ZH) == "2017—2022年"
    assert dates.show("2017/2022", EN) == "2017–2022"
    assert dates.show("2022-01/2022-09", ZH) == "2022年1月—2022年9月"
    assert dates.show(None, EN) == "—"


def test_change_by_hand():
    # 2550万 against 2082万: +468万; 468/2082 = 22.478%; over 2017-12-31..2022-09-30,
    # 1734 days = 4.7474 years: (2550/2082)^(1/4.7474) - 1 = 4.364%.
    change = compare.change(
        25_500_000, "2022-09", Baseline(20_820_000, "2017-12", True, "2550万 − 468万"), relative=True
    )
    assert change == Change(4_680_000, 22.48, 4.36)


def test_change_of_a_share_is_in_points_and_over_whole_years():
    # 42 -> 56: +14 points; never +33.33% of itself, nor 6.25% a year
    assert compare.change(56, "2022-09", Baseline(42, "2017", False, None), relative=False) == Change(14, None, None)
    # doubling over exactly 5 years (2017-12-31..2022-12-31, 1826 days): 2^(1/4.9994) - 1 = 14.87%
    assert compare.change(200, "2022", Baseline(100, "2017", False, None), relative=True).annual_percent == 14.87


def test_change_without_dates_or_baseline():
    assert compare.change(17, "2022-10-19", Baseline(28, None, False, None), relative=True) == Change(-11, -39.29, None)
    assert compare.change(717, None, Baseline(325.91, "2012", True, "717 ÷ 2.2"), relative=True).annual_percent is None
    assert compare.change(5, None, None, relative=True) is None
    assert compare.change(5, "2022", Baseline(0, "2017", False, None), relative=True) == Change(5, None, None)
    # from below zero, a percent would mislead: -10 -> 5 is not -150%
    assert compare.change(5, "2022", Baseline(-10, "2017", False, None), relative=True) == Change(15, None, None)


def test_no_yearly_rate_over_less_than_a_year_and_never_infinity():
    assert compare.change(200, "2022-09-30", Baseline(100, "2022-09-29", False, None), relative=True) == Change(
        100, 100.0, None
    )
    assert compare.annual_rate(1e-6, 1e15, 1.0) is not None  # large, but a number
    assert compare.annual_rate(1, 2, 0.5) is None


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("全市养老机构三百余家", ["三百余家"]), ("十多个部门", ["十多个"]), ("三万余个车位", ["三万余个"]),
        ("全市养老机构数百余处", []), ("几十多处", []), ("数十万人", []),  # 数, 几: how many is not said
        ("满足这一多元化需求，统一多部门协同", []), ("唯一多次", []),  # 一多 of a word, not "one and more"
    ],
)  # fmt: skip
def test_a_few_more_in_chinese_numerals_is_a_figure_where_it_counts_a_place(text, stated):
    from cqmin import figures

    assert [mention.stated for mention in figures.mentions(text)] == stated


@pytest.mark.parametrize(
    ("stated", "value", "reach"),
    [
        ("300余家", "300", "100"), ("310余家", "310", "10"), ("2550余万人", "25500000", "100000"),
        ("2550万余人", "25500000", "10000"), ("1.6万余名", "16000", "1000"), ("三百余家", "300", "100"),
        ("两千五百五十万余人", "25500000", "10000"), ("4万亿余元", "4000000000000", "1000000000000"),
    ],
)  # fmt: skip
def test_a_few_more_reaches_less_than_one_of_the_place_it_counts_in(stated, value, reach):
    from cqmin import bounds

    assert bounds.a_few_more(stated) and bounds.few_more(stated, Decimal(value)) == Decimal(reach)


def test_a_number_after_a_word_ending_in_shu_is_still_a_figure():
    """数 before a number says "how many" only before 十, 百 or 千 (数十万); 人数两千五百五十万 is a figure."""
    from cqmin import figures

    assert [mention.stated for mention in figures.mentions("参保人数两千五百五十万人，床位数二十三万张")] == [
        "两千五百五十万人", "二十三万张"]  # fmt: skip


def test_a_plan_word_inside_another_word_says_no_plan():
    from cqmin import wording

    assert wording.stated_kind("全市模拟演练开展1200场次", "1200场") is None
    assert wording.stated_kind("我市拟新建充电桩2万个", "2万个")[0] == "target"
