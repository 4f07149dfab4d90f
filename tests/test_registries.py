"""One definition of each thing: commands from the fact base, formats by result, languages by registry.

A topic or an event is the fact base alone; a language is one registry entry plus
its texts in the fact base; every command takes every format its result fits.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import factbases
import help_reference
import pytest
from conftest import ok, run
from typer.main import get_command

from cqmin import formats, languages
from cqmin.cli.app import app
from cqmin.shells import COMPLETE_VAR, CWORD_VAR, WORDS_VAR

ROOT = Path(__file__).resolve().parent.parent


# ---------------------------------------------------------------- commands from the data


@pytest.fixture
def other_topics(sample, tmp_path) -> str:
    """The sample base with `pension` renamed `pensions`, and a topic of its own, `parks`, given a fact of housing's."""
    for fact in sample.facts:
        if fact["topic"] == "pension":
            fact["topic"] = "pensions"
            fact["id"] = fact["id"].replace("pension.", "pensions.", 1)
    pension = sample.topic("pension")
    pension["id"] = "pensions"
    pension["headline"] = pension["headline"].replace("pension.", "pensions.", 1)
    sample.data["topics"].append(
        {
            "id": "parks",
            "title": factbases.texts("公园", "Parks"),
            "summary": factbases.texts("小区出行", "Getting about"),
        }
    )
    moved = sample.fact("housing.residents")
    moved["id"], moved["topic"] = "parks.residents", "parks"
    return sample.write(tmp_path)


def test_every_topic_of_the_base_is_a_command(other_topics, base):
    assert run("validate", other_topics).exit_code == 0
    found = json.loads(ok("--facts", other_topics, "pensions", "--json"))
    assert [fact["id"] for fact in found] == [
        fact.id.replace("pension.", "pensions.", 1) for fact in base.facts_of("pension")
    ]
    assert {fact["topic"] for fact in found} == {"pensions"}
    assert [fact["id"] for fact in json.loads(ok("--facts", other_topics, "parks", "--json"))] == ["parks.residents"]
    help_text = ok("--facts", other_topics, "--help", env={"COLUMNS": "120"})
    assert "公园 · Parks" in help_text
    title = base.topic("pension").title["zh"]
    assert re.search(rf"\bpensions\s+{title}", help_text) and not re.search(rf"\bpension\s+{title}", help_text)
    assert "parks" in ok("--facts", other_topics, "topics")
    assert "公园 · Parks" in ok("--facts", other_topics, "parks", "--help")  # its title is its help


def test_a_topic_the_base_lacks_is_a_usage_error_with_did_you_mean(other_topics):
    for args in (["pension"], ["pension", "--json"]):
        result = run("--facts", other_topics, *args)
        assert result.exit_code == 2 and result.stdout == ""
        assert "No such command 'pension'. Did you mean 'pensions'?" in result.stderr


def test_topics_of_the_base_complete(other_topics):
    cqmin = Path(sys.executable).with_name("cqmin")
    environ = {
        **os.environ,
        COMPLETE_VAR: "complete_bash",
        WORDS_VAR: f"cqmin --facts {other_topics} pa",
        CWORD_VAR: "3",
    }
    result = subprocess.run([str(cqmin)], capture_output=True, text=True, env=environ, timeout=60)
    assert result.stdout.split() == ["parks"]


def test_a_broken_base_is_reported_not_missing_commands(sample, tmp_path):
    sample.facts[0]["kind"] = "done"
    path = sample.write(tmp_path)
    result = run("--facts", path, "pension")
    assert result.exit_code == 1 and "1 problem" in result.stderr and "No such command" not in result.stderr
    assert run("--facts", path, "--help").exit_code == 0  # help still works, without the topics


# ---------------------------------------------------------------- every command, every format that fits its result


def _commands_and_formats() -> list[tuple[str, list[str], str]]:
    """Every command of the sample base (its topics among them) with each format it offers: run at collection."""
    group = get_command(app)
    cases = []
    arguments = {"show": ["pension.insured"], "cite": ["pension.insured"], "search": ["养老"], "compare": ["pension"],
                 "check": ["截至今年5月，全市养老保险参保人数达到2550万人"]}  # fmt: skip
    with help_reference.sample_in_use():
        context = group.make_context("cqmin", [], resilient_parsing=True)
        names = group.list_commands(context)
    assert {topic["id"] for topic in factbases.sample().data["topics"]} <= set(names)
    for name in names:
        command = group.get_command(context, name)
        if command.hidden:
            continue
        option = next((param for param in command.params if "--format" in getattr(param, "opts", [])), None)
        if option is None:
            continue
        for choice in option.type.choices:
            cases.append((name, arguments.get(name, []), getattr(choice, "value", choice)))
    return cases


@pytest.mark.parametrize(("command", "arguments", "fmt"), _commands_and_formats())
def test_every_command_takes_every_format_its_result_fits(tmp_path, command, arguments, fmt):
    extra = ["-o", str(tmp_path / "out")] if formats.named(fmt).to_file else []
    result = run(command, *arguments, "--format", fmt, *extra)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert isinstance(json.loads(result.stdout), list) and ok(command, *arguments, "--json") == result.stdout
    if not extra and command != "validate":  # a sound base has no problems to list
        assert result.stdout


def test_formats_are_offered_by_the_result_they_render():
    from cqmin import results

    for result_type in (results.TopicFacts, results.Comparisons, results.FactDetails, results.SearchHits,
                        results.AllFacts, results.TopicList, results.Sources, results.Problems):  # fmt: skip
        offered = formats.for_result(result_type)
        assert all(fmt.renderer(result_type) for fmt in offered)
        assert [fmt for fmt in formats.every() if fmt not in offered and fmt.renderer(result_type)] == []
    assert "sqlite" in [fmt.name for fmt in formats.for_result(results.AllFacts)]
    assert "sqlite" not in [fmt.name for fmt in formats.for_result(results.TopicFacts)]


def test_a_format_is_found_by_its_name_alone_and_only_among_the_registry_s_modules():
    """named() imports the one module a name means: so a format's module is named as the format is."""
    for fmt in formats.every():
        assert formats.named(fmt.name) is fmt and fmt.name.replace("-", "_") in formats.MODULES
    assert len(formats.every()) == len(formats.MODULES) == len({fmt.name for fmt in formats.every()})
    for name in ("csl_json", "selection", "../json", "JSON", "", "os", "__init__"):
        assert formats.named(name) is None, name


# ---------------------------------------------------------------- a language by the names people type


@pytest.mark.parametrize(
    ("typed", "code"),
    [("zh", "zh"), ("cn", "zh"), ("zh-CN", "zh"), ("zh_CN", "zh"), ("zh-Hans", "zh"), ("Chinese", "zh"),
     ("中文", "zh"), ("en", "en"), ("EN", "en"), ("en-US", "en"), ("en_GB", "en"), ("english", "en")],
)  # fmt: skip
def test_a_language_by_any_name_people_type(typed, code):
    expected = ok("pension", "--json", "--lang", code)
    assert ok("pension", "--json", "--lang", typed) == expected
    heading = ok("pension", "--lang", code).splitlines()[0]
    assert ok("pension", "--lang", typed).splitlines()[0] == heading
    assert ok("pension", env={"CQMIN_LANG": typed}).splitlines()[0] == heading
    for language in languages.REGISTRY.values():  # each name finds a language that has it (the first registered)
        assert all(name in languages.get(languages.find(name)).names for name in language.names)


def test_a_language_cqmin_does_not_speak_is_told_the_closest():
    result = run("pension", "--lang", "chinse")
    assert result.exit_code == 2 and "Did you mean 'zh'?" in result.stderr
    result = run("pension", "--lang", "fr")
    choices = ", ".join(repr(code) for code in [languages.AUTO, *languages.codes()])
    assert result.exit_code == 2 and f"'fr' is not one of {choices}." in result.stderr
    result = run("pension", env={"CQMIN_LANG": "chinse"})
    assert result.exit_code == 0 and "using the locale (did you mean 'zh'?)" in result.stderr


# ---------------------------------------------------------------- a language is one entry plus its texts


LOUD = """
import sys
from cqmin import languages
from cqmin.languages.en import English

class Loud(English):
    code = "loud"
    name = "LOUD"
    locales = ("loud",)
    words = {key: word.upper() for key, word in English.words.items()}

languages.register(Loud())
sys.argv = ["cqmin", *sys.argv[1:]]
from cqmin.__main__ import main
main()
"""


def _with_loud_texts(base: factbases.Base) -> factbases.Base:
    """Every { zh = …, en = "x" } table of the base given loud = "x!" as well."""

    def add(item) -> None:
        if isinstance(item, dict):
            if isinstance(item.get("en"), str) and isinstance(item.get("zh"), str):  # a text, not a unit's words
                item["loud"] = item["en"] + "!"
            for value in item.values():
                add(value)
        elif isinstance(item, list):
            for value in item:
                add(value)

    add(base.data)
    return base


def test_a_toy_third_language_is_one_registry_entry_plus_its_texts(sample, tmp_path):
    path = _with_loud_texts(sample).write(tmp_path)
    environ = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "COLUMNS": "100"}

    def loud(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-c", LOUD, *args], capture_output=True, text=True, env=environ, timeout=120
        )

    checked = loud("validate", path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    table = loud("--facts", path, "pension", "--lang", "loud")
    assert table.returncode == 0, table.stderr
    label = sample.fact("pension.insured")["label"]  # a fact with a baseline: the table has BEFORE AND NOW
    assert table.stdout.startswith(sample.topic("pension")["title"]["loud"])
    assert "ACHIEVED" in table.stdout and "BEFORE AND NOW" in table.stdout and label["loud"] in table.stdout
    (fact,) = json.loads(loud("--facts", path, "show", "pension.insured", "--json").stdout)
    assert fact["label"] == {**{code: label[code] for code in languages.codes()}, "loud": label["en"] + "!"}
    # the same base is not a base for a cqmin without the language: its texts have an unknown key
    known = ", ".join(languages.codes())
    assert f"label.loud: unknown key (the languages are {known})" in run("validate", path).stdout


def test_a_language_registered_at_run_time_is_spoken_from_a_warm_cache(sample_path, tmp_path):
    """The cached command table knows the languages of the run that wrote it; one registered since is still
    chosen by CQMIN_LANG or the locale (the look-up reads the registry itself then)."""
    environ = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    assert run("pension", "--json", env={"XDG_CACHE_HOME": environ["XDG_CACHE_HOME"]}).exit_code == 0
    subprocess.run([sys.executable, "-m", "cqmin", "pension"], capture_output=True, env=environ)  # (table cached)
    for chosen in ({"CQMIN_LANG": "loud"}, {"LANG": "loud_XX.UTF-8"}):
        table = subprocess.run([sys.executable, "-c", LOUD, "pension"], capture_output=True, text=True,
                               env={**environ, **chosen})  # fmt: skip
        assert table.returncode == 0 and table.stderr == "" and "ACHIEVED" in table.stdout, (chosen, table.stderr)


def test_a_base_without_a_registered_language_falls_back_to_english(sample, sample_path, tmp_path):
    """The base in use (the sample) has no texts in the toy language: they show in English, and validate notes
    it once, not as a problem (a language need not be in every base)."""
    environ = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}

    def loud(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", LOUD, *args], capture_output=True, text=True, env=environ)

    checked = loud("validate")
    assert checked.returncode == 0 and checked.stdout.startswith(f"{sample_path}: "), checked.stdout
    assert re.fullmatch(r"Note: \d+ texts have no LOUD \(loud\): shown in English instead\n", checked.stderr)
    table = loud("pension", "--lang", "loud")
    assert table.returncode == 0 and table.stderr == "", table.stderr
    assert table.stdout.startswith(sample.topic("pension")["title"]["en"]) and "ACHIEVED" in table.stdout
    (fact,) = json.loads(loud("show", "pension.insured", "--json", "--lang", "loud").stdout)
    assert fact["label"] == sample.fact("pension.insured")["label"]  # the data as the base gives it: no xx


# ---------------------------------------------------------------- private Typer APIs, fenced


def test_domain_words_are_defined_once():
    """The spellings of qualifiers and kinds, and the format names, appear in one module each."""
    words = ["more_than", "at_least", "at_most"]
    for path in (ROOT / "cqmin").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if path.name == "domain.py":
            continue
        for word in words:
            assert f'"{word}"' not in text, (path.name, word)


@pytest.mark.parametrize("name", ["json", "ndjson", "csv", "tsv"])
def test_the_data_formats_write_a_record_at_a_time(name, sample_path):
    """A data format's renderer makes each record as it writes it: `export` of a large base holds one record,
    not the base's text and every record at once."""
    import io

    from cqmin import facts
    from cqmin.output import Output
    from cqmin.results import AllFacts
    from cqmin.terminal import Terminal

    base = facts.load(sample_path)
    made = []

    class Watched(AllFacts):
        def records(self):
            for record in super().records():
                made.append(record["id"])
                yield record

        def rows(self):
            return self.records()

    result = Watched(base, base.facts)
    output = Output(Terminal(io.StringIO()), languages.get("en"))
    pieces = iter(formats.render(result, formats.named(name), output))
    first = next(pieces)
    assert base.facts[0].id in first and len(made) == 1
    assert len(list(pieces)) >= len(base.facts) - 1 and len(made) == len(base.facts)
