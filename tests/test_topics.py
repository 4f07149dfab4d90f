"""Topic commands, the overview and compare: every command in every format and both languages."""

import csv
import io
import json
import os

import pytest
from conftest import GOLDEN, run
from test_export import check_contract

from cqmin import numbers
from cqmin.cli import TOPICS

TOPIC_IDS = [topic_id for topic_id, _, _ in TOPICS]
FORMATS = ["table", "json", "ndjson", "csv", "markdown"]


def ok(*args: str, env: dict | None = None):
    result = run(*args, env=env)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout


@pytest.mark.parametrize("topic", TOPIC_IDS)
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_topic_in_every_format(base, topic, fmt, lang):
    out = ok(topic, "--format", fmt, "--lang", lang)
    expected = base.facts_of(topic)
    if fmt == "json":
        facts = json.loads(out)
        assert facts == expected
        for fact in facts:
            check_contract(fact)
    elif fmt == "ndjson":
        assert [json.loads(line) for line in out.splitlines()] == expected
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert [row["id"] for row in rows] == [fact["id"] for fact in expected]
        assert [row["stated"] for row in rows] == [fact["stated"] for fact in expected]
    elif fmt == "markdown":
        lines = out.splitlines()
        assert len(lines) == len(expected) + 2
        assert all(line.startswith("| ") and line.endswith(" |") for line in lines)
        for fact, line in zip(expected, lines[2:], strict=True):
            assert fact["id"] in line and numbers.figure(fact, lang) in line
    else:
        title = base.topic(topic)["title"][lang]
        assert out.startswith(title)
        for fact in expected:  # every figure whole, on one line, at 80 columns
            assert numbers.figure(fact, lang) in out, fact["id"]


@pytest.mark.parametrize("topic", TOPIC_IDS)
def test_every_comparison_is_shown(base, topic):
    for lang in ("zh", "en"):
        out = ok(topic, "--lang", lang)
        for fact in base.facts_of(topic):
            if fact["change"]:
                if fact["unit"]["en"] != "%":  # a share changes by percentage points only
                    assert numbers.percent(fact["change"]["percent"]) in out
                assert numbers.quantity(fact["baseline"]["value"], fact["unit"], lang) in out
                if fact["baseline"]["derived"]:
                    assert fact["baseline"]["method"] in out


def test_kind_selects_achieved_or_targets(base):
    achieved = json.loads(ok("jobs", "--json", "--kind", "achieved"))
    targets = json.loads(ok("jobs", "--json", "--kind", "target"))
    assert {fact["kind"] for fact in achieved} == {"achieved"}
    assert {fact["kind"] for fact in targets} == {"target"}
    assert len(achieved) + len(targets) == len(base.facts_of("jobs"))


def test_an_empty_listing(base):
    assert not [fact for fact in base.facts_of("eldercare") if fact["kind"] == "target"]
    assert ok("eldercare", "--kind", "target", "--json") == "[]\n"
    assert ok("eldercare", "--kind", "target", "--format", "ndjson") == ""
    assert ok("eldercare", "--kind", "target", "--format", "csv").count("\n") == 1
    assert "(none)" in ok("eldercare", "--kind", "target", "--lang", "en")


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
def test_language_choice(env, option, expected):
    args = ["pension"] + (["--lang", option] if option else [])
    out = ok(*args, env=env)
    assert out.startswith("社会保障" if expected == "zh" else "Pensions and social insurance")


def test_overview_with_no_command_and_topics(base):
    assert ok() == ok("topics")
    out = ok("--lang", "en")
    for topic in base.topics:
        assert topic["id"] in out and topic["title"]["en"] in out
    rows = json.loads(ok("topics", "--json"))
    assert [row["id"] for row in rows] == TOPIC_IDS
    pension = rows[TOPIC_IDS.index("pension")]
    assert (pension["facts"], pension["comparisons"]) == (13, 4)
    assert pension["headline"]["id"] == "pension.pension-insured"
    assert ok("--json") == ok("topics", "--json")
    assert ok("topics", "-f", "csv").splitlines()[0].startswith("id,title_zh,title_en,facts,comparisons")
    assert len(ok("topics", "-f", "markdown").splitlines()) == 2 + len(TOPIC_IDS)


def test_compare_sorts_by_percent_change(base):
    facts = json.loads(ok("compare", "--json"))
    assert len(facts) == sum(fact["change"] is not None for fact in base.facts)
    sizes = [abs(fact["change"]["percent"]) for fact in facts]
    assert sizes == sorted(sizes, reverse=True)  # up or down
    narrowed = json.loads(ok("compare", "pension", "health", "--json"))
    assert {fact["topic"] for fact in narrowed} == {"pension", "health"}
    assert "Before and now" in ok("compare", "--lang", "en")


def test_compare_unknown_topic_is_a_usage_error():
    result = run("compare", "pensoin")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "no topic 'pensoin'. Did you mean 'pension'?" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["pensoin"], "Did you mean 'pension'?"),
        (["pension", "--format", "jsn"], "Did you mean 'json'?"),
        (["pension", "--lang", "cn"], "is not one of 'auto', 'zh', 'en'"),
        (["pension", "--jsn"], "No such option: --jsn"),
        (["pension", "extra"], "unexpected extra argument"),
    ],
)
def test_usage_errors_exit_2_with_a_hint(args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert "Traceback" not in result.stderr


GOLDEN_CASES = {
    "pension-zh-80.txt": ["pension", "--lang", "zh"],
    "pension-en-80.txt": ["pension", "--lang", "en"],
    "welfare-en-80.txt": ["welfare", "--lang", "en"],
    "overview-zh-80.txt": ["--lang", "zh"],
}


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_golden_tables(name):
    """Tables at 80 columns, compared with text files; CQMIN_UPDATE_GOLDEN=1 rewrites them."""
    out = ok(*GOLDEN_CASES[name])
    path = GOLDEN / name
    if os.environ.get("CQMIN_UPDATE_GOLDEN"):
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8")


def test_tables_fit_the_width_and_keep_cjk_aligned():
    from rich.cells import cell_len

    for width in ("80", "60", "40"):
        out = ok("pension", "--lang", "zh", env={"COLUMNS": width})
        assert max(cell_len(line) for line in out.splitlines()) <= int(width)


def test_piped_tables_are_never_wrapped(base):
    out = ok("pension", "--lang", "en", env={"COLUMNS": ""})
    for fact in base.facts_of("pension"):
        assert any(fact["label"]["en"] in line and numbers.figure(fact, "en") in line for line in out.splitlines())
