"""Topic commands, the overview and compare: every command in every format and both languages."""

import csv
import io
import json

import factbases
import pytest
from conftest import assert_golden, ok, records, run
from test_export import check_contract

from cqmin import facts, languages
from cqmin.languages.base import percent
from cqmin.render import phrases

TOPIC_IDS = [topic["id"] for topic in factbases.sample().data["topics"]]  # the sample's, as the tests run on it
FORMATS = ["table", "json", "ndjson", "csv", "tsv", "markdown"]


@pytest.mark.parametrize("topic", TOPIC_IDS)
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_topic_in_every_format(base, topic, fmt, lang):
    out = ok(topic, "--format", fmt, "--lang", lang)
    expected = base.facts_of(topic)
    language = languages.get(lang)
    if fmt == "json":
        found = json.loads(out)
        assert found == records(base, expected)
        for fact in found:
            check_contract(fact)
    elif fmt == "ndjson":
        assert [json.loads(line) for line in out.splitlines()] == records(base, expected)
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert [row["id"] for row in rows] == [fact.id for fact in expected]
        assert [row["stated"] for row in rows] == [fact.stated for fact in expected]
    elif fmt == "tsv":
        rows = [line.split("\t") for line in out.splitlines()]
        assert [row[0] for row in rows] == [fact.id for fact in expected]  # no header
    elif fmt == "markdown":
        lines = out.splitlines()
        assert len(lines) == len(expected) + 2
        assert all(line.startswith("| ") and line.endswith(" |") for line in lines)
        for fact, line in zip(expected, lines[2:], strict=True):
            cells = [cell.strip() for cell in line.strip("|").split(" | ")]
            assert cells[0] == fact.id and cells[2] == language.figure(fact)
            assert cells[3] == language.word(f"kind_{fact.kind.value}")  # a plan is never shown as a result
    else:
        assert out.startswith(language.text(base.topic(topic).title))
        for fact in expected:  # every figure whole, on one line, at 80 columns
            assert language.figure(fact) in out, fact.id


@pytest.mark.parametrize("topic", TOPIC_IDS)
def test_every_comparison_is_shown(base, topic):
    for lang in ("zh", "en"):
        language = languages.get(lang)
        out = ok(topic, "--lang", lang)
        compared = [fact for fact in base.facts_of(topic) if fact.change]
        assert (language.word("comparison") in out) == bool(compared)  # no heading without a comparison under it
        for fact in compared:
            assert language.quantity(fact.baseline.value, fact.unit) in out
        for fact in [fact for fact in compared if fact.change.percent is not None]:  # a share: points only
            assert percent(fact.change.percent) in out
        for fact in [fact for fact in compared if fact.baseline.derived]:
            assert phrases.method(fact, language) in out  # its numbers in the output's language


def test_the_sample_has_every_kind_of_comparison(base):
    """What test_every_comparison_is_shown checks is in the sample: a change in percent, in points, derived."""
    compared = [fact for fact in base.facts if fact.change]
    assert [fact for fact in compared if fact.change.percent is not None]
    assert [fact for fact in compared if fact.change.percent is None]
    assert [fact for fact in compared if fact.baseline.derived]


@pytest.mark.parametrize("topic", TOPIC_IDS)
def test_kind_selects_achieved_or_targets(base, topic):
    achieved = json.loads(ok(topic, "--json", "--kind", "achieved"))
    targets = json.loads(ok(topic, "--json", "--kind", "TARGET"))
    assert {fact["kind"] for fact in achieved} == {"achieved"}
    assert {fact["kind"] for fact in targets} == {"target"}
    assert len(achieved) + len(targets) == len(base.facts_of(topic))


@pytest.mark.parametrize(
    ("args", "data"),
    [
        (["--json"], "[]\n"),
        (["--format", "ndjson"], ""),
        (["--format", "tsv"], ""),
        (["--format", "csv"], "id,topic,label_zh,"),
        (["--lang", "en"], ""),  # a table: no heading without figures under it
    ],
)
def test_a_filter_that_matches_nothing_exits_1(sample, tmp_path, args, data):
    sample.remove_fact("housing.renewal-target")  # housing's only target
    path = sample.write(tmp_path)
    assert not [fact for fact in facts.load(path).facts_of("housing") if fact.kind.value == "target"]
    result = run("--facts", path, "housing", "--kind", "target", *args)
    assert result.exit_code == 1
    assert result.stdout.startswith(data) and (data or result.stdout == "")
    count = len(facts.load(path).facts_of("housing"))
    assert result.stderr == f"Error: {count} figures in housing; none is a target\n"  # how many, and which filter


def test_json_shorthand_and_a_format_given_before_the_command():
    assert ok("pension", "--json") == ok("pension", "--format", "json") == ok("--json", "pension")
    assert ok("-f", "csv", "pension") == ok("pension", "-f", "csv")
    assert ok("-f", "csv", "pension", "-f", "json") == ok("pension", "--json")


def test_json_and_another_format_conflict():
    result = run("pension", "--json", "--format", "csv")
    assert result.exit_code == 2
    assert "--json means --format json" in result.stderr


@pytest.mark.parametrize(
    ("env", "option", "expected"),
    [
        ({}, None, "en"),
        ({"LANG": "zh_CN.UTF-8"}, None, "zh"),
        ({"LANG": "C"}, None, "en"),
        ({"LANG": "POSIX"}, None, "en"),
        ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, None, "zh"),
        ({"LANGUAGE": "en:zh", "LANG": "zh_CN.UTF-8"}, None, "en"),
        ({"CQMIN_LANG": "zh", "LANG": "en_US.UTF-8"}, None, "zh"),
        ({"CQMIN_LANG": "zh"}, "en", "en"),
        ({"LANG": "zh_CN.UTF-8"}, "auto", "zh"),
    ],
)
def test_language_choice(base, env, option, expected):
    args = ["pension"] + (["--lang", option] if option else [])
    out = ok(*args, env=env)
    assert out.startswith(base.topic("pension").title[expected])


def test_overview_with_no_command_and_topics(base):
    assert ok() == ok("topics")
    out = ok("--lang", "en")
    for topic in base.topics:
        assert topic.id in out and topic.title["en"] in out
    rows = json.loads(ok("topics", "--json"))
    assert [row["id"] for row in rows] == TOPIC_IDS
    for row in rows:
        shown = base.facts_of(row["id"])
        assert (row["facts"], row["comparisons"]) == (len(shown), sum(fact.change is not None for fact in shown))
        assert row["headline"]["id"] == base.topic(row["id"]).headline
    assert ok("--json") == ok("topics", "--json")
    titles = ",".join(f"title_{code}" for code in languages.codes())
    assert ok("topics", "-f", "csv").splitlines()[0].startswith(f"id,{titles},facts,comparisons")
    assert len(ok("topics", "-f", "markdown").splitlines()) == 2 + len(TOPIC_IDS)


def test_compare_sorts_by_what_it_shows(base):
    found = json.loads(ok("compare", "--json"))
    assert len(found) == sum(fact.change is not None for fact in base.facts)
    shown = [
        abs(f["change"]["percent"] if f["change"]["percent"] is not None else f["change"]["absolute"]) for f in found
    ]
    assert shown == sorted(shown, reverse=True)  # up or down; a share by its points
    share = next(fact for fact in found if fact["id"] == "pension.structure")
    assert share["change"] == {"absolute": 14, "percent": None, "annual_percent": None}
    narrowed = json.loads(ok("compare", "pension", "HEALTH", "--json"))
    assert {fact["topic"] for fact in narrowed} == {"pension", "health"}
    assert "Before and now" in ok("compare", "--lang", "en")


def test_compare_unknown_topic_is_a_usage_error():
    result = run("compare", "pensoin")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "no topic 'pensoin'. Did you mean 'pension'?" in result.stderr


def test_compare_with_nothing_to_compare_exits_1(base):
    assert not [fact for fact in base.facts_of("housing") if fact.change]
    result = run("compare", "housing", "--json")
    assert result.exit_code == 1 and result.stdout == "[]\n"
    assert result.stderr == "Error: no comparisons in housing\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["pensoin"], "Did you mean 'pension'?"),
        (["pension", "--format", "jsn"], "Did you mean 'json'?"),
        (["pension", "--format", "sqlite"], "is not one of"),
        (["pension", "--lang", "fr"], "is not one of 'auto', 'zh', 'en'"),
        (["pension", "--jsn"], "No such option: --jsn"),
        (["pension", "extra"], "unexpected extra argument"),
        (["pension", "--fields", "valeu"], "no field 'valeu'; the fields are: id, topic, label, label.zh"),
        (["pension", "--fields", "value", "-f", "table"], "--fields picks the columns of json, ndjson, csv, tsv"),
    ],
)
def test_usage_errors_exit_2_with_a_hint(args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_names_are_case_insensitive():
    assert ok("PENSION", "--LANG" if False else "--lang", "EN", "-f", "JSON") == ok("pension", "--lang", "en", "--json")


def test_unknown_language_in_the_environment_is_a_warning():
    result = run("pension", "--json", env={"CQMIN_LANG": "fr"})
    assert result.exit_code == 0
    known = ", ".join(languages.codes())
    assert f"Warning: CQMIN_LANG='fr' is not a language cqmin speaks ({known}); using the locale" in result.stderr


GOLDEN_CASES = {  # the sample base's tables (the bundled base's are test_factbase.py's)
    "sample-pension-zh-80.txt": ["pension", "--lang", "zh"],
    "sample-pension-en-80.txt": ["pension", "--lang", "en"],
    "sample-health-en-80.txt": ["health", "--lang", "en"],
    "sample-housing-en-80.txt": ["housing", "--lang", "en"],
    "sample-overview-zh-80.txt": ["--lang", "zh"],
}


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_golden_tables(name):
    """Tables at 80 columns, compared with text files; CQMIN_UPDATE_GOLDEN=1 rewrites them."""
    assert_golden(name, ok(*GOLDEN_CASES[name]))


def test_tables_fit_the_width_and_keep_cjk_aligned():
    from rich.cells import cell_len

    for width in ("80", "60", "40"):
        out = ok("pension", "--lang", "zh", env={"COLUMNS": width})
        assert max(cell_len(line) for line in out.splitlines()) <= int(width)


@pytest.mark.parametrize("topic", TOPIC_IDS)
def test_piped_tables_are_laid_out_for_80_columns_and_never_cut(base, topic):
    from rich.cells import cell_len

    out = ok(topic, "--lang", "en", env={"COLUMNS": ""})  # a pipe, and no COLUMNS: 80
    assert max(cell_len(line) for line in out.splitlines()) <= 80
    flowing = " ".join(out.split())
    for fact in base.facts_of(topic):
        assert languages.get("en").figure(fact) in flowing


def test_ids_in_topic_tables_and_compare_stay_whole_at_any_width(base):
    cases = [
        (["pension", "--ids"], [fact.id for fact in base.facts_of("pension")]),
        (["compare", "--ids"], [fact.id for fact in base.facts if fact.change]),
        (["search", "target"], [fact["id"] for fact in json.loads(ok("search", "target", "--json"))]),
    ]
    for width in ("40", "60", "80", "120"):
        for args, expected in cases:
            lines = ok(*args, "--lang", "en", env={"COLUMNS": width}).splitlines()
            words = {word for line in lines for word in line.split()}
            assert expected and set(expected) <= words, (args, width)
    unasked = ok("pension", "--lang", "en")
    assert not [fact.id for fact in base.facts_of("pension") if fact.id in unasked]  # unasked, no ids


def test_a_narrow_table_gives_labels_room_before_a_long_figure():
    """At 60 columns a label gets half the room for words, and a long figure wraps at a space instead."""
    out = run("pension", "--lang", "en", env={"COLUMNS": "60"}).stdout
    lines = out.splitlines()
    relief = next(index for index, line in enumerate(lines) if line.startswith("Relief for firms, in "))
    assert "  more than 100 billion   —" in lines[relief] and lines[relief + 1].rstrip().endswith("yuan")
    assert lines[relief + 1].startswith("total ")
    assert max(len(line) for line in lines) <= 60


def test_a_narrow_overview_counts_in_the_language_s_own_punctuation(base):
    """Where the overview stacks each topic, its counts are joined as the language joins words: "12项数据，0项对比"."""
    pension = base.facts_of("pension")
    compared = sum(1 for fact in pension if fact.change is not None)
    chinese = ok("--lang", "zh", env={"COLUMNS": "30"})
    assert f"{len(pension)}项数据，{compared}项对比" in chinese
    assert f"{len(pension)} facts, {compared} compared" in ok("--lang", "en", env={"COLUMNS": "30"})
