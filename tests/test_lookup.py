"""`show`, `search` and `sources`: a figure by id, by word, and the people behind them."""

import csv
import io
import json

import pytest
from conftest import ok, records, run
from test_export import check_contract

FORMATS = ["table", "json", "ndjson", "csv", "tsv", "markdown"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_show_in_every_format(base, fmt, lang):
    ids = ["pension.pension-insured", "health.emergency-response-time"]
    out = ok("show", *ids, "--format", fmt, "--lang", lang)
    if fmt == "json":
        found = json.loads(out)
        assert found == records(base, [base.fact(fact_id) for fact_id in ids])
        for fact in found:
            check_contract(fact)
    elif fmt == "ndjson":
        assert [json.loads(line)["id"] for line in out.splitlines()] == ids
    elif fmt == "csv":
        assert [row["id"] for row in csv.DictReader(io.StringIO(out))] == ids
    elif fmt == "tsv":
        assert [line.split("\t")[0] for line in out.splitlines()] == ids
    elif fmt == "markdown":  # for a document: the figure, its quote, and who said it where
        assert out.count("### ") == 2 and "(`pension.pension-insured`)" in out
        quote = base.fact("pension.pension-insured").quote
        assert f"> {quote}" in out
        assert (
            "> — 黎勇，市人力社保局，党组书记、局长；" if lang == "zh" else "> — Li Yong, Chongqing Municipal"
        ) in out
        assert ("2022年10月19日" if lang == "zh" else "19 Oct 2022") in out
    else:
        assert out.startswith("pension.pension-insured\n")
        assert "截至今年9月，全市养老、失业和工伤保险参保人数分别达到2550万人" in out  # verbatim: nothing added
        assert "【" not in out
        assert "2550万 − 468万" in out
        assert ("黎勇" if lang == "zh" else "Li Yong") in out
        assert ("党组书记、局长" if lang == "zh" else "Secretary of the Leading Party Members' Group") in out
        assert ("+468万人" if lang == "zh" else "+4.68 million people") in out
        assert ("未注明日期" if lang == "zh" else "no date given") in out  # the undated baseline of 28 minutes
        assert ("新闻发布会（第二场）" if lang == "zh" else "press conference series, session 2") in " ".join(
            out.split()
        )


def test_show_in_english_says_the_figure_once_then_as_stated():
    out = ok("show", "pension.relief-for-firms", "--lang", "en", env={"COLUMNS": "200"})
    assert "Social-insurance cuts, deferrals, subsidies and refunds to firms, in total" in out
    assert "社保减免缓补返累计为企业减负" in out
    lines = {line.split("  ")[0]: line.split("  ", 1)[-1].strip() for line in out.splitlines() if "  " in line}
    assert lines["Value"] == "more than 100 billion yuan"
    assert lines["As stated"] == "超千亿元"
    assert lines["Qualifier"] == "more than (余, 多, 超, 突破)"


def test_ids_are_case_insensitive_and_a_topic_points_to_its_command():
    assert ok("show", "PENSION.Pension-Insured", "--json") == ok("show", "pension.pension-insured", "--json")
    result = run("show", "pension")
    assert result.exit_code == 1 and "Hint: 'pension' is a topic: run 'cqmin pension' for its figures" in result.stderr


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
    """The same hits, in the same order, whatever the format."""
    expected = [fact["id"] for fact in json.loads(ok("search", "养老", "--json"))]
    assert len(expected) > 5 and expected[0] == "pension.pension-insured"
    out = ok("search", "养老", "--format", fmt, "--lang", "en", env={"COLUMNS": "200"})
    if fmt == "json":
        found = [fact["id"] for fact in json.loads(out)]
    elif fmt == "ndjson":
        found = [json.loads(line)["id"] for line in out.splitlines()]
    elif fmt == "csv":
        found = [row["id"] for row in csv.DictReader(io.StringIO(out))]
    elif fmt == "tsv":
        found = [line.split("\t")[0] for line in out.splitlines()]
    elif fmt == "markdown":
        found = [line.split(" | ")[0].removeprefix("| ") for line in out.splitlines()[2:]]
    else:
        found = [word for line in out.splitlines() for word in line.split() if word in expected]
    assert found == expected


def test_search_without_a_hit_exits_1_with_an_empty_listing():
    result = run("search", "xyzzy", "--json")
    assert result.exit_code == 1
    assert result.stdout == "[]\n"
    assert result.stderr == "Error: no fact matches 'xyzzy'\n"
    result = run("search", "xyzzy")
    assert result.exit_code == 1 and result.stdout == ""


@pytest.mark.parametrize("query", ["", "   "])
def test_an_empty_query_is_a_usage_error(query):
    result = run("search", query)
    assert result.exit_code == 2 and result.stdout == "" and "empty query" in result.stderr


def test_search_ranks_whole_words_first():
    found = [fact["id"] for fact in json.loads(ok("search", "car", "--json"))]
    assert found[0] == "transport.small-car-parks"  # a whole word, before "care"


def test_search_shows_the_kind_and_the_chinese_it_matched():
    out = ok("search", "改造", "--lang", "en", env={"COLUMNS": "120"})
    plan = next(line for line in out.splitlines() if "100 million m²" in line)
    assert "target" in plan
    assert "matched: " in out and "改造" in out.split("matched: ", 1)[1]


def test_search_topics_may_repeat():
    found = json.loads(ok("search", "医院", "-t", "health", "--topic", "INSURANCE", "--json"))
    assert {fact["topic"] for fact in found} == {"health", "insurance"}
    result = run("search", "医院", "--topic", "helth")
    assert result.exit_code == 2 and "Did you mean 'health'?" in result.stderr


def test_search_kind():
    found = json.loads(ok("search", "改造", "--kind", "target", "--json"))
    assert found and {fact["kind"] for fact in found} == {"target"}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sources_carry_the_event_in_every_format(base, fmt, lang):
    out = ok("sources", "--format", fmt, "--lang", lang)
    title = base.events[0].title[lang]
    if fmt == "json":
        (event,) = json.loads(out)
        assert list(event) == ["id", "title", "organizer", "date", "place", "article", "speakers"]
        assert event["date"] == "2022-10-19" and event["organizer"]["zh"] == "中共重庆市委宣传部"
        speakers = event["speakers"]
        assert [list(speaker) for speaker in speakers] == [["id", "name", "role", "department", "topics", "facts"]] * 6
        li_yong = next(speaker for speaker in speakers if speaker["id"] == "li-yong")
        assert li_yong["topics"] == ["jobs", "pension"]
        assert sum(speaker["facts"] for speaker in speakers) == sum(fact.speaker is not None for fact in base.facts)
    elif fmt == "ndjson":
        (line,) = out.splitlines()
        assert json.loads(line)["id"] == "livelihood-2022-10-19"
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert [row["id"] for row in rows] == [speaker.id for speaker in base.speakers]
        assert {row["event"] for row in rows} == {"livelihood-2022-10-19"}
    elif fmt == "tsv":
        assert [line.split("\t")[0] for line in out.splitlines()] == [speaker.id for speaker in base.speakers]
    else:
        assert title in " ".join(out.split()) or title in out
        assert ("郭唐勇" if lang == "zh" else "Guo Tangyong") in out
        assert ("中共重庆市委宣传部" if lang == "zh" else "Publicity Department") in out


def test_sources_fields_reach_the_event():
    assert ok("sources", "--fields", "id,event.date", "-f", "csv").splitlines()[1] == "zhu-jiang,2022-10-19"


def test_wording_that_does_not_claim_too_much():
    out = ok("show", "pension.pension-insured", "--lang", "en", env={"COLUMNS": "200"})
    assert "as stated, no qualifier" in out  # not "exact": 2550万 is itself rounded
    assert "原文无限定词" in ok("show", "welfare.dibao-recipients", "--lang", "zh")
    assert "nearly 200 residential compounds" in ok("show", "transport.station-access-compounds", "--lang", "en")
    welfare = ok("welfare", "--lang", "en", env={"COLUMNS": "200"})
    assert "≈325.91 yuan" in welfare and "≈+391.09 yuan" in welfare  # from a rounded 1.2倍
    share = ok("pension", "--lang", "en", env={"COLUMNS": "200"})
    assert "(employees : residents): +14 pp\n" in share  # a share moves by points, not by percent
