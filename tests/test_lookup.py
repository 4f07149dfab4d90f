"""`show`, `search` and `sources`: a figure by id, by word, and the people behind them."""

import csv
import io
import json

import pytest
from conftest import run
from test_export import check_contract

FORMATS = ["table", "json", "ndjson", "csv", "markdown"]


def ok(*args: str, env: dict | None = None) -> str:
    result = run(*args, env=env)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_show_in_every_format(base, fmt, lang):
    ids = ["pension.pension-insured", "health.emergency-response-time"]
    out = ok("show", *ids, "--format", fmt, "--lang", lang)
    if fmt == "json":
        facts = json.loads(out)
        assert facts == [base.fact(fact_id) for fact_id in ids]
        for fact in facts:
            check_contract(fact)
    elif fmt == "ndjson":
        assert [json.loads(line)["id"] for line in out.splitlines()] == ids
    elif fmt == "csv":
        assert [row["id"] for row in csv.DictReader(io.StringIO(out))] == ids
    elif fmt == "markdown":
        assert len(out.splitlines()) == 4
    else:
        assert out.startswith("pension.pension-insured\n")
        assert "【2550万人】" in out  # the figure marked in its quote, as no colour can mark it on a pipe
        assert "2550万 − 468万" in out
        assert ("黎勇" if lang == "zh" else "Li Yong") in out
        assert ("党组书记、局长" if lang == "zh" else "Secretary of the Leading Party Members' Group") in out
        assert ("+468万人" if lang == "zh" else "+4.68 million people") in out
        assert ("未注明日期" if lang == "zh" else "no date given") in out  # the undated baseline of 28 minutes


def test_show_record_in_english_has_both_labels_and_the_qualifier_in_words():
    out = ok("show", "pension.relief-for-firms", "--lang", "en", env={"COLUMNS": ""})
    assert "Social-insurance cuts, deferrals, subsidies and refunds to firms, in total" in out
    assert "社保减免缓补返累计为企业减负" in out
    assert "more than 100 billion yuan" in out
    assert "more than (余, 多, 超, 突破): 超千亿元" in out


def test_show_an_infographic_figure():
    out = ok("show", "pension.services-online", "--lang", "en")
    assert "infographic (no speaker named)" in out


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("pension.pension-insure", "pension.pension-insured"),
        ("pension-insured", "pension.pension-insured"),
        ("insurance.insurd", "insurance.insured"),
        ("welfare.dibao-recipient", "welfare.dibao-recipients"),
    ],
)
def test_show_a_misspelled_id(typed, suggested):
    result = run("show", typed)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"Error: no fact '{typed}'" in result.stderr
    assert "spelled alike: " + suggested in result.stderr


@pytest.mark.parametrize(("typed", "suggested"), [("养老保险", "pension.pension-insured"), ("dibao", "welfare.dibao")])
def test_show_suggests_by_label(typed, suggested):
    result = run("show", typed)
    assert result.exit_code == 1
    assert "about the same: " + suggested in result.stderr


def test_show_with_nothing_close():
    result = run("show", "qqqq")
    assert result.exit_code == 1 and "cqmin search" in result.stderr


def test_show_fails_whole_when_one_id_is_unknown():
    result = run("show", "pension.pension-insured", "nope", "--json")
    assert result.exit_code == 1
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("养老保险", "pension.pension-insured"),
        ("低保", "welfare.dibao-recipients"),
        ("pension", "pension.pension-insured"),
        ("Pensions", "pension.pension-insured"),
        ("dibao standard", "welfare.urban-dibao-standard"),
        ("pension.pension-insured", "pension.pension-insured"),
        ("跨省 pharmacies", "insurance.cross-province-pharmacies"),
        ("2550", "pension.pension-insured"),
        ("黎勇", "jobs.new-urban-jobs"),
    ],
)
def test_search_finds_chinese_and_english(query, first):
    facts = json.loads(ok("search", *query.split(), "--json"))
    assert facts and facts[0]["id"] == first


def test_search_ranks_label_hits_before_quote_hits(base):
    # 城乡低保 is in the label of the recipients, and only in the quotes of the two standards.
    facts = json.loads(ok("search", "城乡低保", "--json"))
    labelled = [fact for fact in facts if "城乡低保" in fact["label"]["zh"]]
    assert facts[: len(labelled)] == labelled
    assert len(facts) > len(labelled)


def test_search_english_matches_words_not_fragments():
    ids = [fact["id"] for fact in json.loads(ok("search", "bed", "--json"))]
    assert "eldercare.care-beds" in ids  # "bed" starts "beds"
    assert not any("embed" in fact_id for fact_id in ids)
    assert run("search", "ension").exit_code == 1  # a word matches from its start, not from inside


def test_search_is_case_insensitive():
    assert ok("search", "PENSION", "--json") == ok("search", "pension", "--json")


def test_search_topic_narrows(base):
    facts = json.loads(ok("search", "医院", "--topic", "health", "--json"))
    assert facts and {fact["topic"] for fact in facts} == {"health"}
    result = run("search", "医院", "--topic", "helth")
    assert result.exit_code == 2 and "Did you mean 'health'?" in result.stderr


@pytest.mark.parametrize("fmt", FORMATS)
def test_search_in_every_format(fmt):
    out = ok("search", "养老", "--format", fmt)
    assert "eldercare" in out


def test_search_without_a_hit():
    result = run("search", "xyzzy", "--json")
    assert result.exit_code == 1
    assert result.stdout == "[]\n"
    assert "no fact matches 'xyzzy'" in result.stderr
    result = run("search", "xyzzy")
    assert result.exit_code == 1 and result.stdout == ""


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sources(base, fmt, lang):
    out = ok("sources", "--format", fmt, "--lang", lang)
    if fmt == "json":
        speakers = json.loads(out)
        assert [list(speaker) for speaker in speakers] == [["id", "name", "role", "department", "topics", "facts"]] * 6
        li_yong = next(speaker for speaker in speakers if speaker["id"] == "li-yong")
        assert li_yong["topics"] == ["jobs", "pension"]
        assert sum(speaker["facts"] for speaker in speakers) == sum(
            fact["source"]["speaker"] is not None for fact in base.facts
        )
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert [row["id"] for row in rows] == [speaker["id"] for speaker in base.speakers]
    elif fmt == "table":
        assert "2022" in out and ("仲姝婕" if lang == "zh" else "Zhong Shujie") in out
    else:
        assert ("郭唐勇" if lang == "zh" else "Guo Tangyong") in out


def test_wording_that_does_not_claim_too_much():
    out = ok("show", "pension.pension-insured", "--lang", "en", env={"COLUMNS": ""})
    assert "(as stated, no qualifier: 2550万人)" in out  # not "exact": 2550万 is itself rounded
    assert "（原文无限定词）" in ok("show", "welfare.dibao-recipients", "--lang", "zh")
    assert "nearly 200 residential compounds" in ok("show", "transport.station-access-compounds", "--lang", "en")
    welfare = ok("welfare", "--lang", "en", env={"COLUMNS": ""})
    assert "≈325.91 yuan" in welfare and "≈+391.09 yuan" in welfare  # from a rounded 1.2倍
    share = ok("pension", "--lang", "en", env={"COLUMNS": ""})
    assert "(employees : residents): +14 pp\n" in share  # a share moves by points, not by percent
