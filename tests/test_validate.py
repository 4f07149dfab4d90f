"""`cqmin validate` refuses broken fact bases, naming file, line, fact and field for each problem."""

import json
import re

import pytest
from conftest import FACTS_TOML, bundled_text, run, write_facts

PENSION = 'id = "pension.pension-insured"'


def broken(tmp_path, old: str, new: str, after: str = "") -> str:
    """The bundled fact base with the first `old` after `after` replaced by `new`."""
    text = bundled_text()
    start = text.index(after)
    assert old in text[start:], old
    return write_facts(tmp_path, text[:start] + text[start:].replace(old, new, 1))


def line_of(path: str, needle: str) -> int:
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if needle in line:
                return number
    raise AssertionError(needle)


def validate(path: str, *extra: str):
    result = run("validate", path, *extra)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    return result.stdout


def test_clean_base_passes_with_a_one_line_summary():
    result = run("validate")
    assert result.exit_code == 0, result.output
    assert result.stdout.count("\n") == 1
    assert result.stdout == "facts.toml (bundled): 110 facts, 9 topics, 6 speakers, 1 event: no problems\n"


def test_clean_base_passes_given_as_a_path_and_against_the_article(article):
    from conftest import ARTICLE

    result = run("validate", str(FACTS_TOML), "--source", str(ARTICLE))
    assert result.exit_code == 0, result.output


def test_toml_syntax_error_gives_line_and_column(tmp_path):
    path = broken(tmp_path, 'stated = "2550万人"', 'stated = "2550万人')
    out = validate(path)
    line = line_of(path, 'stated = "2550万人')
    assert re.search(rf"{re.escape(path)}:{line}:\d+: TOML syntax", out), out


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        ('stated = "2550万人"\n', "", "stated", "missing"),
        ("value = 25500000", 'value = "2550万"', "value", "expected a number, got text"),
        (
            'topic = "pension"\nlabel = { zh = "养老保险参保人数"',
            'topic = "pensions"\nlabel = { zh = "养老保险参保人数"',
            "topic",
            "unknown topic 'pensions'",
        ),
        ('speaker = "li-yong"', 'speaker = "li-young"', "speaker", "unknown speaker 'li-young'"),
        ('unit = "people"', 'unit = "persons"', "unit", "unknown unit 'persons'"),
        ('qualifier = "exact"', 'qualifier = "precise"', "qualifier", "unknown qualifier 'precise'"),
        ('kind = "achieved"', 'kind = "done"', "kind", "unknown kind 'done'"),
        ('as_of = "2022-09"', 'as_of = "2022-13"', "as_of", "no month 13"),
        ('as_of = "2022-09"', 'as_of = "2022-02-30"', "as_of", "not a day of the calendar"),
        ('as_of = "2022-09"', 'as_of = "2023-01"', "as_of", "after the event"),
        ('as_of = "2022-09"', 'as_of = "Sept 2022"', "as_of", "not an ISO 8601 date"),
        ("value = 20820000,", "value = 20800000,", "baseline.value", "2550万 − 468万 = 20820000"),
        (
            'method = "2550万 − 468万"',
            'method = "2550万 − 486万"',
            "baseline.method",
            "486万, which is not in the quote",
        ),
        ('stated = "2550万人"', 'stated = "2505万人"', "quote", "does not contain the stated figure"),
        ("value = 25500000", "value = 2550000", "value", "does not match the stated '2550万人'"),
        ('derived = true, method = "2550万 − 468万"', "derived = true", "baseline.method", "missing"),
        ('as_of = "2017-12", derived', 'as_of = "2023-12", derived', "baseline.as_of", "not before"),
    ],
)
def test_a_broken_pension_fact(tmp_path, old, new, field, message):
    path = broken(tmp_path, old, new, after=PENSION)
    out = validate(path)
    problem = next(
        (line for line in out.splitlines() if "pension.pension-insured" in line and f" {field}:" in line), None
    )
    assert problem is not None, out
    assert message in problem
    assert re.match(rf"{re.escape(path)}:\d+: pension\.pension-insured: {re.escape(field)}: ", problem), problem


def test_the_line_is_the_line_of_the_field(tmp_path):
    path = broken(tmp_path, 'qualifier = "exact"', 'qualifier = "precise"', after=PENSION)
    out = validate(path)
    assert f"{path}:{line_of(path, 'precise')}: pension.pension-insured: qualifier:" in out


def test_a_qualifier_that_the_words_contradict(tmp_path):
    path = broken(tmp_path, 'stated = "超千亿元"\nqualifier = "more_than"', 'stated = "超千亿元"\nqualifier = "exact"')
    out = validate(path)
    assert (
        "pension.relief-for-firms: qualifier: 'exact' does not match the stated '超千亿元', which reads 'more_than'"
        in out
    )


def test_duplicate_ids(tmp_path):
    path = broken(tmp_path, 'id = "pension.unemployment-insured"', PENSION)
    out = validate(path)
    assert "pension.pension-insured: id: duplicate id (first at facts[" in out


def test_an_id_outside_its_topic(tmp_path):
    path = broken(tmp_path, PENSION, 'id = "jobs.pension-insured"')
    assert "jobs.pension-insured: id: 'jobs.pension-insured' does not start with its topic, 'pension.'" in validate(
        path
    )


def test_a_range_without_its_high_end(tmp_path):
    path = broken(tmp_path, "value = 3\nhigh = 5\n", "value = 3\n")
    assert "health.chronic-disease-centres-plan: high: missing: a range needs its upper end" in validate(path)


def test_unknown_key_is_reported(tmp_path):
    path = broken(tmp_path, 'stated = "2550万人"', 'stated = "2550万人"\nstatd = "2550万人"')
    assert "pension.pension-insured: statd: unknown key" in validate(path)


def test_every_problem_at_once(tmp_path):
    text = bundled_text()
    for old, new in (
        ('qualifier = "exact"', 'qualifier = "precise"'),
        ('kind = "achieved"', 'kind = "done"'),
        ('unit = "people"', 'unit = "persons"'),
    ):
        text = text.replace(old, new, 1)
    path = write_facts(tmp_path, text)
    out = validate(path)
    assert out.count(f"{path}:") == 3
    assert out.endswith(f"3 problems in {path}\n")


def test_json_report_has_problems_as_objects(tmp_path):
    path = broken(tmp_path, 'kind = "achieved"', 'kind = "done"')
    result = run("validate", path, "--format", "json")
    assert result.exit_code == 1
    (problem,) = json.loads(result.stdout)
    line = line_of(path, 'kind = "done"')
    assert problem == {
        "file": path,
        "line": line,
        "column": 1,
        "id": "services.livelihood-spending-share",
        "field": "kind",
        "message": "unknown kind 'done' (one of achieved, target)",
    }
    assert run("validate", path, "--json").stdout == result.stdout


def test_json_report_of_a_syntax_error_has_line_and_column(tmp_path):
    path = broken(tmp_path, 'stated = "2550万人"', 'stated = "2550万人')
    (problem,) = json.loads(run("validate", path, "-f", "json").stdout)
    assert problem["line"] == line_of(path, 'stated = "2550万人') and problem["column"] > 1
    assert problem["id"] == "" and problem["field"] is None and problem["message"].startswith("TOML syntax")


@pytest.mark.parametrize("section", ["events", "speakers", "topics", "units", "facts"])
def test_missing_sections(tmp_path, section):
    path = write_facts(tmp_path, "schema = 2\n")
    assert f"{path}:1: {section}: missing: the file needs" in validate(path)


def test_quotes_checked_against_an_article(tmp_path, article):
    from conftest import ARTICLE

    path = broken(tmp_path, "我市城镇新增就业365万人", "我市新增城镇就业365万人")
    out = validate(path, "--source", str(ARTICLE))
    assert "jobs.new-urban-jobs: quote: not found in the article" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"   \n\n", "the file is empty"),
        (b'schema = 1\ntitle = "\xff\xfe"\n', ":2: not UTF-8 text"),
    ],
)
def test_unreadable_files(tmp_path, content, message):
    path = tmp_path / "facts.toml"
    path.write_bytes(content)
    assert message in validate(str(path))


def test_a_missing_file_and_a_folder(tmp_path):
    result = run("validate", str(tmp_path / "nope.toml"))
    assert result.exit_code == 1 and "no such file" in result.stderr and result.stdout == ""
    result = run("validate", str(tmp_path))
    assert result.exit_code == 1 and "is a folder" in result.stderr


def test_other_commands_refuse_a_broken_base_with_the_problems(tmp_path):
    path = broken(tmp_path, 'kind = "achieved"', 'kind = "done"')
    result = run("--facts", path, "pension")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "1 problem" in result.stderr and "unknown kind 'done'" in result.stderr
    assert f"cqmin validate {path}" in result.stderr


def test_cqmin_facts_variable_is_used(tmp_path):
    path = broken(tmp_path, 'kind = "achieved"', 'kind = "done"')
    result = run("validate", env={"CQMIN_FACTS": path})
    assert result.exit_code == 1 and path in result.stdout


# ---------------------------------------------------------------- what a reader would catch


@pytest.mark.parametrize(
    ("fact_id", "old", "new", "message"),
    [
        (
            "jobs.new-urban-jobs",
            'unit = "people"',
            'unit = "km"',
            "'km' (公里) does not fit the stated '365万人' ('人')",
        ),
        (
            "health.top-grade-hospitals",
            'unit = "hospitals"',
            'unit = "percent"',
            "'percent' (%) does not fit the stated '41家' ('家')",
        ),
    ],
)
def test_a_unit_must_fit_the_measure_word(tmp_path, fact_id, old, new, message):
    path = broken(tmp_path, old, new, after=f'id = "{fact_id}"')
    assert f"{fact_id}: unit: {message}" in validate(path)


def test_a_plan_is_a_target(tmp_path):
    path = broken(tmp_path, 'kind = "target"', 'kind = "achieved"', after='id = "jobs.new-urban-jobs-target"')
    out = validate(path)
    assert "jobs.new-urban-jobs-target: kind: 'achieved', but the quote says '力争' before the figure: target" in out


def test_what_is_done_is_achieved(tmp_path):
    path = broken(tmp_path, 'kind = "achieved"', 'kind = "target"', after=PENSION)
    assert "pension.pension-insured: kind: 'target', but the quote says '截至' before the figure: achieved" in validate(
        path
    )


def test_a_topic_may_not_be_named_like_a_command(tmp_path):
    text = bundled_text().replace('"housing', '"search')
    out = validate(write_facts(tmp_path, text))
    assert "search: id: 'search' is a cqmin command; a topic needs another name" in out


# ---------------------------------------------------------------- events, and the older schema


def schema_one() -> str:
    """The bundled base written in schema 1: one [event] table, no ids for it, no measure or words on units."""
    text = bundled_text().replace("schema = 2", "schema = 1", 1)
    text = text.replace('[[events]]\nid = "livelihood-2022-10-19"\n', "[event]\n", 1)
    text = (
        text.replace(', words = ["人", "名"]', "").replace(', measure = "share"', "").replace(', measure = "rank"', "")
    )
    # schema 1 had no measure words: the two facts stated with 名 counted people as 个 would not
    return text.replace('stated = "2000多名"', 'stated = "2000多名"', 1)


def test_a_schema_one_base_still_works_and_validate_says_how_to_move(tmp_path):
    text = schema_one()
    text = text.replace('people = { zh = "人", en = "people" }', 'people = { zh = "人", en = "people" }', 1)
    path = write_facts(tmp_path, text)
    result = run("validate", path)
    problems = [line for line in result.stdout.splitlines() if ": unit:" in line]
    assert len(problems) == 2  # 2000多名, 1.6万余名: schema 1 knew no measure words but 人
    fixed = write_facts(
        tmp_path,
        text.replace(
            'people = { zh = "人", en = "people" }', 'people = { zh = "人", en = "people", words = ["人", "名"] }'
        ),
        "fixed.toml",
    )
    result = run("validate", fixed)
    assert result.exit_code == 0, result.output
    assert "Note: schema 1 still works; to move to schema 2, rename [event] to [[events]]" in result.stderr
    for args in (
        ["pension", "--json"],
        ["pension", "--lang", "en"],
        ["compare", "--json"],
        ["sources", "--lang", "zh"],
    ):
        old, new = run(*args), run("--facts", fixed, *args)
        assert new.exit_code == 0, new.output
        assert new.stdout == old.stdout.replace("livelihood-2022-10-19", "event"), args


def two_events() -> str:
    """The bundled base with a second event, one speaker of its own and one fact."""
    text = bundled_text()
    second = """
[[events]]
id = "second"
title = { zh = "第三场", en = "Session 3" }
date = "2022-10-26"
place = { zh = "重庆", en = "Chongqing" }
"""
    speaker = """
[[speakers]]
id = "someone"
event = "second"
name = { zh = "某人", en = "Someone" }
role = { zh = "局长", en = "Director" }
department = { zh = "市某局", en = "A bureau" }
"""
    fact = """
[[facts]]
id = "jobs.second-session"
event = "second"
topic = "jobs"
label = { zh = "第三场的数", en = "A figure of session 3" }
value = 12
unit = "people"
stated = "12人"
qualifier = "exact"
kind = "achieved"
as_of = "2022-10"
speaker = "someone"
quote = "已有12人"
"""
    # every fact and speaker of the first event now says so
    text = text.replace('\nspeaker = "', '\nevent = "livelihood-2022-10-19"\nspeaker = "')
    text = text.replace('[[speakers]]\nid = "', '[[speakers]]\nevent = "livelihood-2022-10-19"\nid = "')
    text = text.replace(
        "# ---------------------------------------------------------------- speakers", second + speaker, 1
    )
    return text + fact


def test_two_events(tmp_path):
    path = write_facts(tmp_path, two_events())
    result = run("validate", path)
    assert result.exit_code == 0, result.output
    sources = json.loads(run("--facts", path, "sources", "--json").stdout)
    assert [event["id"] for event in sources] == ["livelihood-2022-10-19", "second"]
    assert [speaker["id"] for speaker in sources[1]["speakers"]] == ["someone"]
    (fact,) = json.loads(run("--facts", path, "show", "jobs.second-session", "--json").stdout)
    assert fact["source"]["event"] == "second"


def test_with_two_events_each_entry_names_its_own(tmp_path):
    text = two_events().replace('event = "second"\ntopic = "jobs"', 'topic = "jobs"')
    out = validate(write_facts(tmp_path, text))
    assert "jobs.second-session: event: missing: the file has 2 events (livelihood-2022-10-19, second)" in out
    text = two_events().replace('event = "second"\ntopic = "jobs"', 'event = "third"\ntopic = "jobs"')
    assert "jobs.second-session: event: unknown event 'third'" in validate(write_facts(tmp_path, text))
    text = two_events().replace('event = "second"\ntopic = "jobs"', 'event = "livelihood-2022-10-19"\ntopic = "jobs"')
    out = validate(write_facts(tmp_path, text))
    assert "jobs.second-session: speaker: 'someone' spoke at 'second', not at this fact's event" in out
