"""Extending cqmin costs what the README's "Extending cqmin" says: each extension, made as it says, works.

Each test builds a copy of cqmin and its bundled fact base in a temporary folder,
makes one extension there exactly as the README describes it (a topic or two
press conferences: facts.toml alone; a format or a language: one module and its
registry entry), and runs the commands that should show it, from another folder.
The last test makes all four at once and runs the quick suite in the copy: it
must stay green but for test_factbase.py, which is about the bundled data.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import tomli

from cqmin.shells import COMPLETE_VAR, CWORD_VAR, WORDS_VAR

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT.parent / "shared" / "source" / "chongqing-minsheng-2022-10-19.txt"


def bundled() -> dict:
    """The bundled base as data: the tests take their ids from it, so that a change of it changes none of them."""
    return tomli.loads((ROOT / "facts.toml").read_text(encoding="utf-8"))


class Variant:
    """A copy of cqmin (package, facts.toml, README, tests) to extend, with a cache of its own."""

    def __init__(self, folder: Path) -> None:
        self.root = folder / "cqmin-variant"
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
        shutil.copytree(ROOT / "cqmin", self.root / "cqmin", ignore=ignore)
        shutil.copytree(ROOT / "tests", self.root / "tests", ignore=ignore)
        for name in ("facts.toml", "README.md", "pyproject.toml"):
            shutil.copy(ROOT / name, self.root / name)
        self.elsewhere = folder / "elsewhere"
        self.elsewhere.mkdir()
        self.env = {
            **{name: value for name, value in os.environ.items() if not name.startswith("CQMIN_")},
            "PYTHONPATH": str(self.root),
            "XDG_CACHE_HOME": str(folder / "cache"),
        }

    def path(self, relative: str) -> Path:
        return self.root / relative

    def edit(self, relative: str, old: str, new: str) -> None:
        text = self.path(relative).read_text(encoding="utf-8")
        assert old in text, old
        self.path(relative).write_text(text.replace(old, new, 1), encoding="utf-8")

    def run(self, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
        """cqmin of the copy, run from another folder, on the copy's bundled base."""
        return subprocess.run(
            [sys.executable, "-m", "cqmin", *args],
            capture_output=True, text=True, cwd=self.elsewhere, env={**self.env, **(env or {})}, timeout=120,
        )  # fmt: skip

    def ok(self, *args: str, env: dict | None = None) -> str:
        result = self.run(*args, env=env)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    def tab(self, line: str, cached: bool = True) -> list[str]:
        """What a TAB at the end of `line` offers, as bash's script asks."""
        words = line.split(" ")
        request = {COMPLETE_VAR: "complete_bash", WORDS_VAR: line, CWORD_VAR: str(len(words) - 1)}
        result = self.run(env={**request, "CQMIN_NO_CACHE": "" if cached else "1"})
        assert result.returncode == 0, result.stderr
        return result.stdout.split()


@pytest.fixture
def variant(tmp_path) -> Variant:
    return Variant(tmp_path)


# ---------------------------------------------------------------- (a) a topic: facts.toml alone

NEW_TOPIC = """
[[topics]]
id = "moved"
title = { zh = "移来的", en = "Moved here" }
summary = { zh = "两个数据", en = "Two figures" }
"""


def moved_facts() -> tuple[str, list[str]]:
    """The topic that gives two facts (its last two, neither its headline), and their ids."""
    data = bundled()
    for topic in data["topics"]:
        ids = [
            fact["id"] for fact in data["facts"] if fact["topic"] == topic["id"] and fact["id"] != topic.get("headline")
        ]
        if len(ids) >= 3:
            return topic["id"], ids[-2:]
    raise AssertionError("no topic of the bundled base has three facts to spare two")


def make_topic(variant: Variant) -> list[str]:
    """Two facts moved to a new topic, "moved"; the README's reference made again. Their new ids."""
    topic, ids = moved_facts()
    text = variant.path("facts.toml").read_text(encoding="utf-8")
    first_unit = text.index("\n[units]")
    text = text[:first_unit] + NEW_TOPIC + text[first_unit:]
    for fact_id in ids:
        moved = f"moved.{fact_id.split('.', 1)[1]}"
        text, count = re.subn(
            rf'id = "{re.escape(fact_id)}"(\s*)topic = "{topic}"', rf'id = "{moved}"\1topic = "moved"', text
        )
        assert count == 1, fact_id
    variant.path("facts.toml").write_text(text, encoding="utf-8")
    subprocess.run([sys.executable, "tests/help_reference.py"], cwd=variant.root, env=variant.env, check=True)
    return [f"moved.{fact_id.split('.', 1)[1]}" for fact_id in ids]


@pytest.mark.slow
def test_a_topic_is_the_fact_base_alone(variant):
    topic, _ = moved_facts()
    before = variant.ok(topic, "--json")
    moved = make_topic(variant)
    checked = variant.run("validate", *(["--source", str(ARTICLE)] if ARTICLE.exists() else []))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert re.findall(r'"id": "(moved\.[a-z0-9-]+)"', variant.ok("moved", "--json")) == moved
    assert before.count(f'"id": "{topic}.') == variant.ok(topic, "--json").count(f'"id": "{topic}.') + 2
    assert re.search(r"moved\s+移来的 · Moved here", variant.ok("--help", env={"COLUMNS": "120"}))
    assert "moved" in variant.ok("topics")
    assert "移来的 · Moved here" in variant.ok("moved", "--help")
    assert variant.tab("cqmin mov", cached=False) == ["moved"]
    assert variant.tab("cqmin mov") == ["moved"]
    assert variant.tab("cqmin show moved.") == moved
    assert "`moved`" in variant.path("README.md").read_text(encoding="utf-8")  # the reference, made again


# ---------------------------------------------------------------- (b) press conferences: facts.toml alone

# Two more press conferences, appended to facts.toml with nothing above them changed: their own topics,
# units, a speaker (who speaks at both) and facts, one of them in a topic the file had (TOPIC, the file's
# first). Made-up figures.
APPENDED = """
# ================================================================ two later press conferences

[[events]]
id = "culture-2023-05-18"
title = { zh = "文化发布会", en = "Culture press conference" }
date = "2023-05-18"
place = { zh = "重庆", en = "Chongqing" }

[[events]]
id = "budget-2024-01-10"
title = { zh = "预算发布会", en = "Budget press conference" }
date = "2024-01-10"
place = { zh = "重庆", en = "Chongqing" }

[[speakers]]
id = "zhang-wei"
name = { zh = "张伟", en = "Zhang Wei" }
role = { zh = "新闻发言人", en = "Spokesperson" }
department = { zh = "市政府新闻办", en = "Information Office" }

[[topics]]
id = "culture"
title = { zh = "文化", en = "Culture" }
summary = { zh = "博物馆", en = "Museums" }

[[topics]]
id = "budget"
title = { zh = "预算", en = "Budget" }
summary = { zh = "民生支出", en = "Livelihood spending" }

[units.museums]
zh = "座"
en = "museums"

[units.yuan-budget]
zh = "元"
en = "yuan"

[units.jobs]
zh = "人"
en = "new jobs"

[[facts]]
id = "culture.museums"
topic = "culture"
event = "culture-2023-05-18"
label = { zh = "备案博物馆", en = "Registered museums" }
value = 120
unit = "museums"
stated = "120座"
qualifier = "exact"
kind = "achieved"
as_of = ""
speaker = "zhang-wei"
quote = "全市备案博物馆达到120座"

[[facts]]
id = "budget.livelihood-spending"
topic = "budget"
event = "budget-2024-01-10"
label = { zh = "民生支出", en = "Livelihood spending" }
value = 400000000000
unit = "yuan-budget"
stated = "4000亿元"
qualifier = "exact"
kind = "target"
as_of = "2024"
speaker = "zhang-wei"
quote = "今年计划安排民生支出4000亿元"

[[facts]]
id = "TOPIC.new-jobs-2023"
topic = "TOPIC"
event = "budget-2024-01-10"
label = { zh = "2023年城镇新增就业", en = "New urban jobs in 2023" }
value = 760000
unit = "jobs"
stated = "76万人"
qualifier = "exact"
kind = "achieved"
as_of = "2023"
speaker = "zhang-wei"
quote = "2023年全市城镇新增就业76万人"
"""


def append_events(variant: Variant) -> None:
    with open(variant.path("facts.toml"), "a", encoding="utf-8") as handle:
        handle.write(APPENDED.replace("TOPIC", bundled()["topics"][0]["id"]))


@pytest.mark.slow
def test_press_conferences_are_the_fact_base_alone(variant):
    data = bundled()
    first_topic, first_event = data["topics"][0]["id"], data["events"][0]["id"]
    original = variant.path("facts.toml").read_text(encoding="utf-8")
    before = {topic["id"]: variant.ok(topic["id"], "--json") for topic in data["topics"][1:3]}
    append_events(variant)
    assert variant.path("facts.toml").read_text(encoding="utf-8").startswith(original)  # not a line changed
    checked = variant.run("validate")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert f"{len(data['events']) + 2} events" in checked.stdout
    sources = variant.ok("sources", "--json")
    assert re.findall(r'\n  {\n    "id": "([a-z0-9-]+)"', sources)[-3:] == [
        first_event, "culture-2023-05-18", "budget-2024-01-10"
    ]  # fmt: skip
    assert sources.count('"id": "zhang-wei"') == 2  # one speaker, at two press conferences
    assert '"event": "culture-2023-05-18"' in variant.ok("show", "culture.museums", "--json")
    assert "budget.livelihood-spending" in variant.ok("budget", "--json")
    assert f"{first_topic}.new-jobs-2023" in variant.ok(first_topic, "--json")
    for topic, output in before.items():  # what the first press conference said is what it says
        assert variant.ok(topic, "--json") == output
    assert variant.tab("cqmin cul", cached=False) == ["culture"]


# ---------------------------------------------------------------- (c) a format: one module, one registry entry

LINES_FORMAT = '''"""Lines: each fact on a line of its own, its id and its figure as stated (made in a test)."""

from cqmin.results import Facts

NAME = "lines"
HELP = "a fact a line"
TRAITS = {"extensions": (".lines",)}


def _lines(result: Facts, output) -> str:
    return "".join(f"{fact.id} {fact.stated}\\n" for fact in result.facts)


RENDERS = {Facts: _lines}
'''


def add_format(variant: Variant) -> None:
    variant.path("cqmin/formats/lines.py").write_text(LINES_FORMAT, encoding="utf-8")
    registry = variant.path("cqmin/formats/__init__.py").read_text(encoding="utf-8")
    found = re.search(r"MODULES = \(([^)]*)\)", registry)
    variant.edit("cqmin/formats/__init__.py", found[0], f'MODULES = ({found[1]}, "lines")')


@pytest.mark.slow
def test_a_format_is_one_module_and_its_registry_entry(variant):
    topic = bundled()["topics"][0]["id"]
    assert "lines" not in variant.tab(f"cqmin {topic} --format ")  # the command table is cached, before the format
    add_format(variant)
    lines = variant.ok(topic, "--format", "lines").splitlines()
    assert lines and all(re.fullmatch(rf"{topic}\.[a-z0-9-]+ \S+", line) for line in lines)
    assert "lines" in variant.ok(topic, "--help")
    variant.ok("export", "-o", str(variant.elsewhere / "facts.lines"))
    assert (variant.elsewhere / "facts.lines").read_text(encoding="utf-8").count("\n") == len(bundled()["facts"])
    assert variant.tab(f"cqmin {topic} --format l") == ["lines"]  # no cache cleared by hand
    assert variant.run("sources", "--format", "lines").returncode == 2  # sources has no facts to write so


# ---------------------------------------------------------------- (d) a language: one module, one registry entry

TOY_LANGUAGE = '''"""A toy language made in a test: English, under its own code and locale."""

from cqmin.languages.en import English


class Toy(English):
    code = "xx"
    name = "Toy"
    locales = ("xx",)


LANGUAGE = Toy()
'''


def add_language(variant: Variant) -> None:
    variant.path("cqmin/languages/xx.py").write_text(TOY_LANGUAGE, encoding="utf-8")
    registry = variant.path("cqmin/languages/__init__.py").read_text(encoding="utf-8")
    found = re.search(r"MODULES = \(([^)]*)\)", registry)  # the registry: each language's module, by its code
    variant.edit("cqmin/languages/__init__.py", found[0], f'MODULES = ({found[1]}, "xx")')


@pytest.mark.slow
def test_a_language_is_one_module_and_its_registry_entry(variant):
    topic, fact = bundled()["topics"][0]["id"], bundled()["facts"][0]["id"]
    english = variant.ok(topic, "--lang", "en")
    add_language(variant)
    checked = variant.run("validate")  # facts.toml has no xx texts: they fall back, and validate says so once
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert re.fullmatch(r"Note: \d+ texts have no Toy \(xx\): shown in English instead\n", checked.stderr)
    assert variant.ok(topic, "--lang", "xx") == english
    assert variant.ok(topic, "--lang", "XX", "--json") == variant.ok(topic, "--json")
    assert variant.run("show", fact, "--lang", "xx").returncode == 0
    assert variant.ok("sources", "--lang", "xx", "-f", "csv").splitlines()[0].count("_xx") == 3
    assert "zh, en or xx" in variant.ok(topic, "--help", env={"COLUMNS": "200"})
    assert variant.tab(f"cqmin {topic} --lang x") == ["xx"]
    assert variant.run(topic, env={"LANG": "xx_XX.UTF-8"}).stdout == english  # its locale chooses it


# ---------------------------------------------------------------- all four, and the quick suite


@pytest.mark.slow
def test_the_quick_suite_passes_on_a_copy_with_all_four_extensions(variant):
    make_topic(variant)
    append_events(variant)
    add_format(variant)
    add_language(variant)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-m", "not slow", "-q", "-p", "no:cacheprovider",
         "--ignore", "tests/test_factbase.py"],
        capture_output=True, text=True, cwd=variant.root, env=variant.env, timeout=900,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
