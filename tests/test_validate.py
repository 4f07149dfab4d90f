"""`cqmin validate` refuses broken fact bases, naming file, line, fact and field for each problem."""

import copy
import json
import re

import factbases
import pytest
from conftest import run, write_facts

PENSION = 'id = "pension.insured"'


def broken(tmp_path, old: str, new: str, after: str = "") -> str:
    """The sample fact base's TOML text with the first `old` after `after` replaced by `new`."""
    text = factbases.sample().toml()
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


def test_clean_base_passes_with_a_one_line_summary(base, sample_path):
    result = run("validate")  # the base in use: CQMIN_FACTS, the sample
    assert result.exit_code == 0, result.output
    assert result.stdout.count("\n") == 1
    assert len(base.events) == 1  # "1 event", in the singular
    counts = f"{len(base.facts)} facts, {len(base.topics)} topics, {len(base.speakers)} speakers, 1 event"
    assert result.stdout == f"{sample_path}: {counts}: no problems\n"


def test_clean_base_passes_given_as_a_path_and_against_the_article(sample_path, article_path):
    result = run("validate", sample_path, "--source", article_path)
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
        ('speaker = "li-ming"', 'speaker = "li-meng"', "speaker", "unknown speaker 'li-meng'"),
        ('unit = "people"', 'unit = "persons"', "unit", "unknown unit 'persons'"),
        ('qualifier = "exact"', 'qualifier = "precise"', "qualifier", "unknown qualifier 'precise'"),
        ('kind = "achieved"', 'kind = "done"', "kind", "unknown kind 'done'"),
        ('as_of = "2023-05"', 'as_of = "2023-13"', "as_of", "no month 13"),
        ('as_of = "2023-05"', 'as_of = "2023-02-30"', "as_of", "not a day of the calendar"),
        ('as_of = "2023-05"', 'as_of = "2023-07"', "as_of", "after the event"),  # the event is on 2023-06-15
        ('as_of = "2023-05"', 'as_of = "May 2023"', "as_of", "not an ISO 8601 date"),
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
    problem = next((line for line in out.splitlines() if "pension.insured" in line and f" {field}:" in line), None)
    assert problem is not None, out
    assert message in problem
    assert re.match(rf"{re.escape(path)}:\d+: pension\.insured: {re.escape(field)}: ", problem), problem


def test_the_line_is_the_line_of_the_field(tmp_path):
    path = broken(tmp_path, 'qualifier = "exact"', 'qualifier = "precise"', after=PENSION)
    out = validate(path)
    assert f"{path}:{line_of(path, 'precise')}: pension.insured: qualifier:" in out


def test_a_qualifier_that_the_words_contradict(tmp_path):
    path = broken(tmp_path, 'stated = "超千亿元"\nqualifier = "more_than"', 'stated = "超千亿元"\nqualifier = "exact"')
    out = validate(path)
    assert "pension.relief: qualifier: 'exact' does not match the stated '超千亿元', which reads 'more_than'" in out


def test_duplicate_ids(tmp_path):
    path = broken(tmp_path, 'id = "pension.relief"', PENSION)
    out = validate(path)
    assert "pension.insured: id: duplicate id (first at facts[" in out


def test_an_id_outside_its_topic(tmp_path):
    path = broken(tmp_path, PENSION, 'id = "jobs.insured"')
    assert "jobs.insured: id: 'jobs.insured' does not start with its topic, 'pension.'" in validate(path)


def test_a_range_without_its_high_end(tmp_path):
    path = broken(tmp_path, "high = 5\n", "", after='id = "health.centres-target"')
    assert "health.centres-target: high: missing: a range needs its upper end" in validate(path)


def test_unknown_key_is_reported(tmp_path):
    path = broken(tmp_path, 'stated = "2550万人"', 'stated = "2550万人"\nstatd = "2550万人"')
    assert "pension.insured: statd: unknown key" in validate(path)


def test_every_problem_at_once(tmp_path, sample):
    text = sample.toml()
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
    path = broken(tmp_path, 'kind = "achieved"', 'kind = "done"', after=PENSION)
    result = run("validate", path, "--format", "json")
    assert result.exit_code == 1
    (problem,) = json.loads(result.stdout)
    line = line_of(path, 'kind = "done"')
    assert problem == {
        "file": path,
        "line": line,
        "column": 1,
        "id": "pension.insured",
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


def test_quotes_checked_against_an_article(tmp_path, article_path):
    path = broken(tmp_path, "全市居民健康素养水平", "全市健康素养居民水平")  # the article is the unbroken sample's
    out = validate(path, "--source", article_path)
    assert "health.literacy: quote: not found in the article" in out


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
            "pension.insured",
            'unit = "people"',
            'unit = "m2"',
            "'m2' (平方米) does not fit the stated '2550万人' ('人')",
        ),
        (
            "housing.facilities",
            'unit = "facilities"',
            'unit = "percent"',
            "'percent' (%) does not fit the stated '5200余处' ('处')",
        ),
    ],
)
def test_a_unit_must_fit_the_measure_word(tmp_path, fact_id, old, new, message):
    path = broken(tmp_path, old, new, after=f'id = "{fact_id}"')
    assert f"{fact_id}: unit: {message}" in validate(path)


def test_a_plan_is_a_target(tmp_path):
    path = broken(tmp_path, 'kind = "target"', 'kind = "achieved"', after='id = "pension.coverage-target"')
    out = validate(path)
    assert "pension.coverage-target: kind: 'achieved', but the quote says '确保' before the figure: target" in out


def test_what_is_done_is_achieved(tmp_path):
    path = broken(tmp_path, 'kind = "achieved"', 'kind = "target"', after=PENSION)
    assert "pension.insured: kind: 'target', but the quote says '截至' before the figure: achieved" in validate(path)


def test_a_topic_may_not_be_named_like_a_command(tmp_path, sample):
    text = sample.toml().replace('"housing', '"search')  # the topic, its facts' topic and ids, its headline
    out = validate(write_facts(tmp_path, text))
    assert "search: id: 'search' is a cqmin command; a topic needs another name" in out


# ---------------------------------------------------------------- events, and the older schema


def schema_one(base: factbases.Base) -> factbases.Base:
    """`base` written in schema 1: one [event] table, no id for it, no measure or words on units."""
    data = copy.deepcopy(base.data)
    (event,) = data.pop("events")
    del event["id"]
    for unit in data["units"].values():
        unit.pop("measure", None)
        unit.pop("words", None)
    del data["schema"]
    return factbases.Base({"schema": 1, "event": event, **data})


def test_a_schema_one_base_still_works_and_validate_says_how_to_move(tmp_path, sample):
    # a figure stated with 名, which schema 2 allows for people with the unit's measure words
    residents = sample.fact("housing.residents")
    residents["stated"], residents["quote"] = "近百万名", "惠及近百万名居民"
    current = sample.write(tmp_path, "current.toml")
    assert run("validate", current).exit_code == 0
    old = schema_one(sample)
    result = run("validate", old.write(tmp_path, "old.toml"))
    problems = [line for line in result.stdout.splitlines() if ": unit:" in line]
    assert [line.split(": ")[1] for line in problems] == ["housing.residents"]  # schema 1 knew no measure words
    old.data["units"]["people"]["words"] = ["人", "名"]
    fixed = old.write(tmp_path, "fixed.toml")
    result = run("validate", fixed)
    assert result.exit_code == 0, result.output
    assert "Note: schema 1 still works; to move to schema 2, rename [event] to [[events]]" in result.stderr
    event_id = sample.data["events"][0]["id"]
    for args in (
        ["pension", "--json"],
        ["pension", "--lang", "en"],
        ["compare", "--json"],
        ["sources", "--lang", "zh"],
        ["housing", "--json"],
    ):
        old_run, new_run = run("--facts", current, *args), run("--facts", fixed, *args)
        assert new_run.exit_code == 0, new_run.output
        assert new_run.stdout == old_run.stdout.replace(event_id, "event"), args


def two_events(base: factbases.Base) -> factbases.Base:
    """`base` with a second event, one speaker of its own and one fact; every other entry names the first event."""
    first = base.data["events"][0]["id"]
    for entry in (*base.data["speakers"], *base.facts):
        entry["event"] = first
    base.data["events"].append(
        {
            "id": "second",
            "title": factbases.texts("第二场", "Session 2"),
            "date": "2023-06-22",
            "place": factbases.texts("示例市", "Sample City"),
        }
    )
    base.data["speakers"].append(
        {
            "id": "someone",
            "event": "second",
            "name": factbases.texts("某人", "Someone"),
            "role": factbases.texts("局长", "Director"),
            "department": factbases.texts("市某局", "A bureau"),
        }
    )
    base.facts.append(
        {
            "id": "pension.second-session",
            "event": "second",
            "topic": "pension",
            "label": factbases.texts("第二场的数", "A figure of session 2"),
            "value": 12,
            "unit": "people",
            "stated": "12人",
            "qualifier": "exact",
            "kind": "achieved",
            "as_of": "2023-06",
            "speaker": "someone",
            "quote": "已有12人",
        }
    )
    return base


def test_two_events(tmp_path, sample):
    first = sample.data["events"][0]["id"]
    path = two_events(sample).write(tmp_path)
    result = run("validate", path)
    assert result.exit_code == 0, result.output
    sources = json.loads(run("--facts", path, "sources", "--json").stdout)
    assert [event["id"] for event in sources] == [first, "second"]
    assert [speaker["id"] for speaker in sources[1]["speakers"]] == ["someone"]
    (fact,) = json.loads(run("--facts", path, "show", "pension.second-session", "--json").stdout)
    assert fact["source"]["event"] == "second"


def test_with_two_events_each_entry_names_its_own(tmp_path, sample):
    first = sample.data["events"][0]["id"]
    base = two_events(sample)
    no_event = base.copy()
    del no_event.fact("pension.second-session")["event"]
    out = validate(no_event.write(tmp_path, "no-event.toml"))  # a fact that names no event is the first's
    assert "event:" not in out
    assert f"pension.second-session: speaker: 'someone' spoke at 'second', not at this fact's event '{first}'" in out
    unknown = base.copy()
    unknown.fact("pension.second-session")["event"] = "third"
    assert "pension.second-session: event: unknown event 'third'" in validate(unknown.write(tmp_path, "third.toml"))
    elsewhere = base.copy()
    elsewhere.fact("pension.second-session")["event"] = first
    out = validate(elsewhere.write(tmp_path, "elsewhere.toml"))
    assert "pension.second-session: speaker: 'someone' spoke at 'second', not at this fact's event" in out


def test_a_schema_one_event_s_source_is_checked(tmp_path, sample):
    old = schema_one(sample)
    old.data["event"]["source"] = "article.txt"
    path = old.write(tmp_path)
    result = run("validate", path)
    assert result.exit_code == 1 and "event: source: article.txt: no such file" in result.stdout
    old.write_article(tmp_path)
    assert run("validate", path).exit_code == 0
    (tmp_path / "article.txt").write_text("另一篇报道。", encoding="utf-8")
    result = run("validate", path)
    assert result.exit_code == 1 and result.stdout.count(": quote: not found in the article of 'event'") == 12


def test_an_unquoted_date_is_named_and_long_ids_and_keys_are_cut(sample, tmp_path):
    text = sample.toml().replace('date = "2023-06-15"', "date = 2023-06-15", 1)
    long = "x" * 300
    text = text.replace('id = "pension.relief"', f'id = "{long}"').replace('topic = "pension"\n', f"{long} = 1\n", 1)
    out = validate(write_facts(tmp_path, text))
    assert "date: expected text, got a TOML date or time (2023-06-15; write it in quotes)" in out
    assert long not in out and "x" * 37 + "...: id: " in out and ": " + "x" * 37 + "...: unknown key" in out
    assert max(len(line) for line in out.splitlines()) < 400
