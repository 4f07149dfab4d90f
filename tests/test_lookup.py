"""`show`, `search` and `sources`: a figure by id, by word, and the people behind them."""

import csv
import io
import json

import factbases
import pytest
from conftest import ok, records, run
from test_export import check_contract

from cqmin import facts as fact_bases
from cqmin.model import Event

FORMATS = ["table", "json", "ndjson", "csv", "tsv", "markdown"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_show_in_every_format(base, fmt, lang):
    ids = ["pension.insured", "health.response-time"]  # a derived baseline; an undated one
    out = ok("show", *ids, "--format", fmt, "--lang", lang)
    insured = base.fact(ids[0])
    speaker = base.speaker(insured.speaker)
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
        assert out.count("### ") == 2 and "(`pension.insured`)" in out
        assert f"> {insured.quote}" in out
        name, department, role = speaker.name[lang], speaker.department[lang], speaker.role[lang]
        assert (f"> — {name}，{department}，{role}；" if lang == "zh" else f"> — {name}, {department}, {role}; ") in out
        assert ("2023年6月15日" if lang == "zh" else "15 Jun 2023") in out
    else:
        assert out.startswith("pension.insured\n")
        assert insured.quote in out  # verbatim: nothing added
        assert "【" not in out
        assert ("2550万 − 468万" if lang == "zh" else "25.5 million − 4.68 million") in out  # in its language
        assert speaker.name[lang] in out
        assert speaker.role[lang] in out
        assert ("+468万人" if lang == "zh" else "+4.68 million people") in out
        assert ("未注明日期" if lang == "zh" else "no date given") in out  # the undated baseline of 28 minutes
        assert base.events[0].title[lang] in " ".join(out.split())


def test_show_in_english_says_the_figure_once_then_as_stated(base):
    out = ok("show", "pension.relief", "--lang", "en", env={"COLUMNS": "200"})
    label = base.fact("pension.relief").label
    assert label["en"] in out
    assert label["zh"] in out
    lines = {line.split("  ")[0]: line.split("  ", 1)[-1].strip() for line in out.splitlines() if "  " in line}
    assert lines["Value"] == "more than 100 billion yuan"
    assert lines["As stated"] == "超千亿元"
    assert lines["Qualifier"] == "more than (余, 多, 超, 突破)"


def test_ids_are_case_insensitive_and_a_topic_points_to_its_command():
    assert ok("show", "PENSION.Insured", "--json") == ok("show", "pension.insured", "--json")
    result = run("show", "pension")
    assert result.exit_code == 1 and "Hint: 'pension' is a topic: run 'cqmin pension' for its figures" in result.stderr


def test_show_an_infographic_figure(base):
    infographic = next(fact for fact in base.facts if fact.speaker is None)
    out = ok("show", infographic.id, "--lang", "en")
    assert "infographic (no speaker named)" in out


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("pension.insure", "pension.insured"),
        ("response-time", "health.response-time"),  # the part after the topic
        ("health.responce-time", "health.response-time"),
        ("housing.resident", "housing.residents"),
    ],
)
def test_show_a_misspelled_id(typed, suggested):
    result = run("show", typed)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"Error: no fact '{typed}'" in result.stderr
    assert "spelled alike: " + suggested in result.stderr


@pytest.mark.parametrize(
    ("typed", "suggested"), [("养老保险", "pension.insured"), ("emergency", "health.response-time")]
)
def test_show_suggests_by_label(typed, suggested):
    result = run("show", typed)
    assert result.exit_code == 1
    assert "about the same: " + suggested in result.stderr


def test_show_with_nothing_close():
    result = run("show", "qqqq")
    assert result.exit_code == 1 and "cqmin search" in result.stderr


def test_show_fails_whole_when_one_id_is_unknown():
    result = run("show", "pension.insured", "nope", "--json")
    assert result.exit_code == 1
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("养老保险", "pension.insured"),
        ("低保", "pension.dibao"),
        ("pension", "pension.insured"),
        ("Pensions", "pension.insured"),
        ("dibao standard", "pension.dibao"),
        ("pension.insured", "pension.insured"),
        ("急救 response", "health.response-time"),
        ("2550", "pension.insured"),
        ("王芳", "health.response-time"),
        ("Zhao Lei", "housing.renewal-target"),
    ],
)
def test_search_finds_chinese_and_english(query, first):
    facts = json.loads(ok("search", *query.split(), "--json"))
    assert facts and facts[0]["id"] == first


@pytest.mark.parametrize(
    ("query", "terms"),
    [("养老 insured", ["养老", "insured"]), ("养老insured", ["养老", "insured"]), ("a养老b", ["a", "养老", "b"]),
     ("\u3000急救\tresponse\u2028time ", ["急救", "response", "time"]),
     ("\uf900x兀〇", ["\uf900", "x", "兀", "〇"]), ("", [])],
)  # fmt: skip
def test_a_query_splits_at_white_space_and_where_chinese_meets_other_text(query, terms):
    # (U+F900 is a compatibility ideograph, so Chinese; 〇, U+3007, is not in the blocks searched as Chinese)
    from cqmin.search import _terms

    assert _terms(query) == terms


def test_search_ranks_label_hits_before_quote_hits(sample, tmp_path):
    # 养老 is in the labels of the insured and of the coverage target; here it is also in the
    # quote, and only the quote, of the relief for firms, which the base lists between them.
    relief = sample.fact("pension.relief")
    relief["quote"] = "养老等社会保险" + relief["quote"]
    path = sample.write(tmp_path)
    listed = [fact.id for fact in fact_bases.load(path).facts]
    assert listed.index("pension.insured") < listed.index("pension.relief") < listed.index("pension.coverage-target")
    facts = json.loads(ok("--facts", path, "search", "养老", "--json"))
    labelled = [fact for fact in facts if "养老" in fact["label"]["zh"]]
    assert [fact["id"] for fact in labelled] == ["pension.insured", "pension.coverage-target"]
    assert facts[: len(labelled)] == labelled
    assert "pension.relief" in [fact["id"] for fact in facts[len(labelled) :]]


def test_search_english_matches_words_and_their_inflections_not_fragments():
    ids = [fact["id"] for fact in json.loads(ok("search", "insure", "--json"))]
    assert "pension.insured" in ids  # "insure" is "insured", inflected
    assert ok("search", "pension", "--json") == ok("search", "pensions", "--json")  # the label says "pensions"
    assert "pension.insured" in ok("search", "insuring", "--json")
    assert run("search", "sured").exit_code == 1  # the end of "insured": no match
    assert run("search", "ension").exit_code == 1  # nor the inside of a word
    assert run("search", "insu").exit_code == 1  # nor its start: "car" is no "care"
    assert "pension.insured" in ok("search", "pension.ins", "--json")  # but an id is typed from its start


def test_a_search_without_a_hit_is_told_the_nearest_label_words():
    result = run("search", "pensoins")
    assert result.exit_code == 1 and "no fact matches 'pensoins'; did you mean 'pensions'?" in result.stderr
    assert "did you mean" not in run("search", "insured", "--kind", "target").stderr  # a filter emptied it


def test_search_is_case_insensitive():
    assert ok("search", "PENSION", "--json") == ok("search", "pension", "--json")


def test_search_topic_narrows(base):
    everywhere = json.loads(ok("search", "全市", "--json"))
    assert {fact["topic"] for fact in everywhere} > {"health"}
    facts = json.loads(ok("search", "全市", "--topic", "health", "--json"))
    assert facts and {fact["topic"] for fact in facts} == {"health"}
    result = run("search", "全市", "--topic", "helth")
    assert result.exit_code == 2 and "Did you mean 'health'?" in result.stderr


@pytest.mark.parametrize("fmt", FORMATS)
def test_search_in_every_format(fmt):
    """The same hits, in the same order, whatever the format."""
    expected = [fact["id"] for fact in json.loads(ok("search", "市", "--json"))]
    assert len(expected) >= 4 and expected[0] == "pension.dibao"  # by its label (城市), then quotes: not base order
    out = ok("search", "市", "--format", fmt, "--lang", "en", env={"COLUMNS": "200"})
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


def test_search_matches_whole_words_only(base):
    # "in" is a whole word of the relief's label ("in total") and the start of "insured", in the id and
    # label of the insured, which the base lists first: only the relief is found.
    listed = [fact.id for fact in base.facts]
    assert listed.index("pension.insured") < listed.index("pension.relief")
    found = [fact["id"] for fact in json.loads(ok("search", "in", "--json"))]
    assert found == ["pension.relief"]


def test_search_shows_the_kind_and_the_chinese_it_matched():
    out = ok("search", "改造", "--lang", "en", env={"COLUMNS": "120"})
    plan = next(line for line in out.splitlines() if "100 million m²" in line)
    assert "target" in plan
    assert "matched: " in out and "改造" in out.split("matched: ", 1)[1]


def test_a_fact_found_by_its_topic_or_speaker_says_so(sample, tmp_path):
    """A fact whose own words lack the term is found by its topic's title or its speaker's name, and says which."""
    sample.topic("pension")["title"]["zh"] = "园林绿化"
    fact = next(fact for fact in sample.facts if fact.get("speaker"))
    sample.speaker(fact["speaker"])["name"]["zh"] = "欧阳修"
    environ = {"CQMIN_FACTS": sample.write(tmp_path), "COLUMNS": "120"}
    out = ok("search", "绿化", "--lang", "en", env=environ)
    assert out.count("matched: 园林绿化 (Topic)") == len([f for f in sample.facts if f["topic"] == "pension"]) > 0
    assert "匹配：欧阳修（发布人）" in ok("search", "欧阳", "--lang", "zh", env=environ)


def test_search_topics_may_repeat():
    found = json.loads(ok("search", "全市", "-t", "health", "--topic", "PENSION", "--json"))
    assert {fact["topic"] for fact in found} == {"health", "pension"}
    result = run("search", "全市", "--topic", "helth")
    assert result.exit_code == 2 and "Did you mean 'health'?" in result.stderr


def test_search_kind():
    found = json.loads(ok("search", "改造", "--kind", "target", "--json"))
    assert found and {fact["kind"] for fact in found} == {"target"}
    assert {fact["kind"] for fact in json.loads(ok("search", "改造", "--json"))} == {"achieved", "target"}


def _spoken(base, speaker_id: str) -> list:
    return [fact for fact in base.facts if fact.speaker == speaker_id]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sources_carry_the_event_in_every_format(base, fmt, lang):
    out = ok("sources", "--format", fmt, "--lang", lang)
    (event_of_base,) = base.events
    title = event_of_base.title[lang]
    if fmt == "json":
        (event,) = json.loads(out)
        assert list(event) == [*Event._fields, "speakers"]
        assert event["date"] == event_of_base.date and event["organizer"]["zh"] == event_of_base.organizer["zh"]
        speakers = event["speakers"]
        assert [list(speaker) for speaker in speakers] == [
            ["id", "name", "role", "department", "topics", "facts"]
        ] * len(base.speakers)
        for speaker in speakers:
            spoken = _spoken(base, speaker["id"])
            assert speaker["topics"] == list(dict.fromkeys(fact.topic for fact in spoken))
            assert speaker["facts"] == len(spoken)
        assert sum(speaker["facts"] for speaker in speakers) == sum(fact.speaker is not None for fact in base.facts)
    elif fmt == "ndjson":
        (line,) = out.splitlines()
        assert json.loads(line)["id"] == event_of_base.id
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert [row["id"] for row in rows] == [speaker.id for speaker in base.speakers]
        assert {row["event"] for row in rows} == {event_of_base.id}
    elif fmt == "tsv":
        assert [line.split("\t")[0] for line in out.splitlines()] == [speaker.id for speaker in base.speakers]
    else:
        assert title in " ".join(out.split()) or title in out
        for speaker in base.speakers:
            assert speaker.name[lang] in out
        assert event_of_base.organizer[lang] in out


def test_sources_list_every_topic_a_speaker_spoke_on(sample, tmp_path):
    """A speaker on two topics: both, in the order of the base."""
    sample.fact("health.literacy")["speaker"] = "li-ming"
    path = sample.write(tmp_path)
    (event,) = json.loads(ok("--facts", path, "sources", "--json"))
    li_ming = next(speaker for speaker in event["speakers"] if speaker["id"] == "li-ming")
    assert li_ming["topics"] == ["pension", "health"]
    assert li_ming["facts"] == len([fact for fact in sample.facts if fact["speaker"] == "li-ming"])


def test_sources_fields_reach_the_event(base):
    first = f"{base.speakers[0].id},{base.events[0].date}"
    assert ok("sources", "--fields", "id,event.date", "-f", "csv").splitlines()[1] == first


def test_wording_that_does_not_claim_too_much():
    out = ok("show", "pension.insured", "--lang", "en", env={"COLUMNS": "200"})
    assert "as stated, no qualifier" in out  # not "exact": 2550万 is itself rounded
    assert "原文无限定词" in ok("show", "pension.dibao", "--lang", "zh")
    assert "nearly 1 million people" in ok("show", "housing.residents", "--lang", "en")  # 近百万人
    pension = ok("pension", "--lang", "en", env={"COLUMNS": "200"})
    assert "≈325.91 yuan" in pension and "≈+391.09 yuan" in pension  # from a rounded 1.2倍
    assert "Share of employees among the insured: +14 pp\n" in pension  # a share moves by points, not by percent


@pytest.mark.parametrize(
    "command",
    [["pension"], ["compare"], ["search", "insured"], ["show", "pension.insured"], ["sources"], ["export"],
     ["cite", "pension.insured"], ["topics"]],
)  # fmt: skip
def test_root_options_after_the_command(command, sample, tmp_path):
    """--facts and --lang mean the same before the command and after it, where the command lacks them."""
    sample.fact("pension.insured")["label"] = factbases.texts("参保人数（另一库）", "Insured (another base)")
    path = sample.write(tmp_path)
    data_format = "csl-json" if command[0] == "cite" else "json"
    before = ok("--facts", path, "--lang", "zh", *command, "-f", data_format)
    assert ok(*command, "--facts", path, "--lang", "zh", "-f", data_format) == before
    assert ok(*command, f"--facts={path}", "-f", data_format, "--lang=zh") == before


def test_an_option_after_double_dash_is_an_argument():
    result = run("search", "--", "--facts")
    assert result.exit_code == 1 and "no fact matches '--facts'" in result.stderr
    markdown = ok("export", "--lang", "zh", "-f", "markdown")  # export's Markdown in the language asked for
    assert markdown.startswith("| 编号 |")


@pytest.mark.parametrize("command", ["show", "cite"])
def test_an_empty_id_is_a_usage_error(command):
    result = run(command, "pension.insured", " ")
    assert result.exit_code == 2 and "an empty id" in result.stderr and result.stdout == ""
