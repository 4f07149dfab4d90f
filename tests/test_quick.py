"""The fast look-up (cqmin.quick) against Typer's path: the same stdout, stderr and exit code, or it declines.

Lines are generated: every look-up command in every format and language, options
before and after the command, `--opt=value` and `--opt value`, repeated options,
ids and choices in any case, unknown options, mistakes and hostile arguments. For
each, the fast path runs in-process on the command table the cache holds; where
it answers, Typer's path (conftest.run) must print exactly the same.
"""

import io
import itertools
import os
import subprocess
import sys

import pytest
from conftest import run, unspoken_language

from cqmin import formats, quick
from cqmin.environment import Environment

DATA = ["json", "ndjson", "csv", "tsv", "markdown"]


def _fast(args: list[str], env: dict | None = None):
    out, err = io.StringIO(), io.StringIO()
    environ = {**os.environ, **(env or {})}
    code = quick.answer(Environment(stdout=out, stderr=err, environ=environ, today="2026-12-04"), args)
    return code, out.getvalue(), err.getvalue()


def _lines() -> list[list[str]]:
    """Command lines a script or a person types, right and wrong."""
    lines: list[list[str]] = []
    commands = [["pension"], ["health"], ["topics"], [], ["compare"], ["compare", "health", "PENSION"],
                ["show", "pension.insured"], ["show", "PENSION.INSURED", "health.rank"], ["cite", "pension.dibao"],
                ["search", "参保"], ["search", "insured", "--topic", "pension"], ["sources"], ["export"]]  # fmt: skip
    for command, lang in itertools.product(commands, ["zh", "en", "EN", None]):
        language = ["--lang", lang] if lang else []
        for fmt in [None, *DATA, "table", "TABLE"]:
            chosen = ["-f", fmt] if fmt else []
            lines.append([*command, *chosen, *language])
            lines.append([*language, *command, *chosen])  # the root's options, before the command
        lines.append([*command, "--json", *language])
        lines.append(["--json", *command])
    lines += [
        ["pension", "--kind", "target", "--json"], ["pension", "--kind=TARGET"], ["pension", "--kind", "achieved"],
        ["pension", "--event", "SAMPLE-2023-06-15", "--event", "sample-2023-06-15", "--json"],
        ["pension", "--event", "nosuch"], ["pension", "--ids"], ["pension", "--ids", "--lang", "en"],
        ["show", "pension.insured", "--fields", "value", "-f", "tsv"], ["show", "pension.insured", "--fields", "value"],
        ["show", "pension.insured", "--fields=value,baseline.value"], ["show", "pension.insured", "--fields", "nope"],
        ["show", "pension.nosuch"], ["show", ""], ["show"], ["search"], ["search", "zzzz"], ["search", "pensoins"],
        ["search", "insured", "--kind", "target"], ["search", "x", "--topic", "nosuch"], ["compare", "nosuch"],
        ["pension", "--format", "sqlite"], ["export", "-f", "sqlite"], ["export", "--json", "-f", "csv"],
        ["pension", "--nosuch"], ["pension", "--help"], ["--version"], ["pension", "--lang", "cn"],
        ["pension", "--lang", "fr"], ["pension", "extra"], ["pension", "--", "x"], ["pension", "--lang"],
        ["PENSION", "--json"], ["nosuch"], ["pension", "--facts"], ["pension", "--json", "--json"],
        ["pension", "-f", "json", "-f", "csv"], ["search", "\x1b[31mred", "--json"], ["search", "‮", "--json"],
        ["cite", "pension.insured", "-s", "bibtex"], ["cite", "pension.insured", "--style", "csl-json"],
        ["cite", "pension.insured", "--fields", "id", "-f", "tsv"], ["export", "-o", "-"],
    ]  # fmt: skip
    return lines


LINES = _lines()


@pytest.fixture
def warm(sample_path):
    """The sample base's command table, cached as any run of cqmin leaves it."""
    assert run("pension", "--json").exit_code == 0


@pytest.mark.parametrize("chunk", range(4))
def test_the_fast_path_answers_as_typer_does_or_declines(warm, chunk):
    answered = 0
    for args in LINES[chunk::4]:
        code, out, err = _fast(args)
        if code is None:
            assert out == err == "", args  # a declined line wrote nothing: Typer answers it whole
            continue
        answered += 1
        full = run(*args)  # (its bytes: CSV ends lines with CRLF, which .stdout would turn into LF)
        assert (code, out, err) == (full.exit_code, full.stdout_bytes.decode(), full.stderr_bytes.decode()), args
    assert answered > len(LINES[chunk::4]) // 2  # most lines are answered without Typer


def test_a_base_named_by_facts_is_read_with_its_own_table_and_topics(sample, tmp_path, monkeypatch):
    """--facts F, before or after the command, F's own topics too, with nothing of the default base cached: the
    grammar (the same for every base) finds F, F's table reads the line."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    other = tmp_path / "other.toml"
    other.write_text(sample.toml().replace('"pension', '"pensions'), encoding="utf-8")  # a topic the default lacks
    lines = [["--facts", str(other), "pensions", "--json"], ["pensions", "--facts", str(other), "-f", "tsv"],
             ["show", "PENSIONS.INSURED", f"--facts={other}", "--lang", "en"], ["--facts", str(other), "topics"],
             ["--facts", str(other), "pension"], ["pensions", "--facts", str(other), "--facts", str(tmp_path)],
    ]  # fmt: skip
    assert _fast(lines[0])[0] is None  # nothing cached yet: Typer's path, which caches F's table and the grammar
    assert run(*lines[0]).exit_code == 0
    for args in lines:
        code, out, err = _fast(args)
        full = run(*args)
        assert code is None or (code, out, err) == (full.exit_code, full.stdout, full.stderr), args
        assert (code is None) == (args in lines[4:]), args  # the default's topic, two bases: Typer's to say


def test_a_look_up_reads_only_the_parts_of_the_cache_it_prints(warm, monkeypatch, sample, tmp_path):
    """What a look-up costs grows with its answer, not with the base (benchmarks/scale.py): the fact cache is
    read by part, a topic's facts, and the command table without the base's ids or other commands' parameters."""
    from cqmin import cache

    read, real = [], cache.Parts.raw
    monkeypatch.setattr(cache.Parts, "raw", lambda parts, name: read.append(name) or real(parts, name))
    kinds, real_read = [], cache.read
    monkeypatch.setattr(cache, "read", lambda kind, name: kinds.append(kind) or real_read(kind, name))
    assert _fast(["show", "pension.insured", "--json"])[0] == 0
    assert sorted(set(read)) == ["core", "facts:pension", "params:show", "table"]
    assert kinds == ["commands", "facts"]  # a line that names no base needs no grammar
    kinds.clear()
    other = sample.write(tmp_path, "other.toml")
    assert run("--facts", other, "pension", "--json").exit_code == 0
    kinds.clear()
    assert _fast(["--facts", other, "show", "pension.insured", "--json"])[0] == 0
    assert kinds == ["commands", "commands", "facts"]  # nor one that names a base the base in use's table reads
    read.clear()
    assert _fast(["health", "--json"])[0] == 0
    assert sorted(set(read)) == ["core", "facts:health", "params:health", "table"]


@pytest.mark.parametrize("kind", ["commands", "grammar"])
def test_a_damaged_part_of_a_command_s_parameters_is_left_to_typer_and_written_anew(
    warm, kind, sample, tmp_path, monkeypatch
):
    """A command's parameters are a part of their own, read when a line names the command: one whose checksum
    fails is no answer (Typer's is), and the next run writes the entry again. (The grammar reads a line that
    names a base where the base in use has no table: CQMIN_FACTS a base never looked up.)"""
    from cqmin import cache, facts, table_store

    name = facts.Source(None).cache_name if kind == table_store.KIND else table_store.GRAMMAR
    _, parts = cache.read(kind, name)
    path = cache.file_of(kind, name)
    with open(path, "r+b") as entry:
        entry.seek(parts._start + parts._contents["params:show"][0])
        byte = entry.read(1)
        entry.seek(-1, os.SEEK_CUR)
        entry.write(bytes([byte[0] ^ 0xFF]))
    args = ["show", "pension.insured", "--json"]
    if kind == "grammar":
        args += ["--facts", facts.Source(None).path]
        monkeypatch.setenv("CQMIN_FACTS", sample.write(tmp_path, "never-looked-up.toml"))
    assert _fast(args)[0] is None
    assert not os.path.exists(path)  # dropped, for the full path to write anew
    full = run(*args)
    assert _fast(args) == (0, full.stdout, full.stderr)


def test_a_base_without_topics_leaves_the_grammar_to_a_base_with_some(sample, tmp_path, monkeypatch):
    """The grammar (a topic's options among them) is written from the first table that shows a topic."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    bare = sample.copy()
    bare.data["topics"], bare.data["facts"] = [], []
    empty = bare.write(tmp_path, "bare.toml")
    assert run("--facts", empty, "topics", "--json").exit_code == 0  # its table cached: no grammar from it
    assert run("pension", "--json").exit_code == 0  # the default base's
    code, out, _ = _fast(["pension", "--json"])
    assert code == 0 and out == run("pension", "--json").stdout


def test_what_the_fast_path_leaves_to_typer(warm):
    for args in (["pension", "--help"], ["--version"], ["pension", "--lang", "cn"], ["pension", "--nosuch"],
                 ["show", "pension.nosuch"], ["pension", "--", "x"], ["validate"], ["check", "2550万人"],
                 ["export", "-o", "x.json"], ["nosuch"], ["pension", "--facts"], ["show", ""]):  # fmt: skip
        assert _fast(args)[0] is None, args


def test_a_failure_after_the_answer_is_reported_as_typer_reports_it(warm):
    code, out, err = _fast(["search", "relief", "--kind", "target", "--json"])
    full = run("search", "relief", "--kind", "target", "--json")
    assert code == full.exit_code == 1 and out == full.stdout == "[]\n" and err == full.stderr != ""


def test_a_changed_base_is_never_answered_from_the_old_table(warm, sample, tmp_path, monkeypatch):
    path = sample.write(tmp_path)
    monkeypatch.setenv("CQMIN_FACTS", path)
    assert run("pension", "--json").exit_code == 0
    asked = ["show", "pension.insured", "--fields", "label.en"]
    assert _fast(asked)[1] == "People insured for pensions\n"
    sample.fact("pension.insured")["label"]["en"] = "People insured, renamed"
    sample.write(tmp_path)
    assert _fast(asked)[0] is None  # no current table for the base as it is now: Typer's path
    assert run(*asked).stdout == "People insured, renamed\n"
    assert _fast(asked)[1] == "People insured, renamed\n"  # and after it, this path again


def _imported_by(args: list[str], listed: str) -> tuple[list[str], str]:
    """The modules `listed` (an expression over `name`) that a fast look-up of `args` imports, and its output."""
    code = (
        f"import sys; sys.argv = ['cqmin', *{args!r}]\n"
        "import cqmin.freshness; cqmin.freshness.RACY_NS = 0  # (settled, as any file is seconds after a write)\n"
        "from cqmin.__main__ import main  # (as the console script runs it: runpy imports collections)\n"
        "try:\n    main()\nexcept SystemExit: pass\n"
        f"print(sorted(name for name in sys.modules if {listed}), file=sys.stderr)"
    )
    for _ in range(2):  # (the first run re-keys the cache for a settled file)
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ})
    return eval(result.stderr), result.stdout  # (a list of names, printed by repr)


def test_a_look_up_imports_neither_typer_nor_click_nor_a_toml_parser(warm):
    """What the fast path is for: the framework's start is most of a run (README, Performance); typing alone
    costs a look-up a tenth of its time (record.py); the validation package is validate's; BLAKE2b is for a fact
    file read (a settled one is known by its status); zlib's libz is a fifth of a MiB (checksum.py). Memory: json
    and _json (json_text writes JSON), __future__ (a module, not only a statement), the shells' protocol (a TAB's);
    enum, re and collections (with functools, 1 MiB: vocabulary.py, patterns.py), which pip's console script
    (since pip 25) no longer imports either."""
    watched = (
        "('typer', 'click', 'tomli', 'tomllib', 'typing', '_blake2', 'zlib', 'json', '_json', '__future__', 'enum',"
        " 're', 'collections', 'functools')"
    )
    listed = f"name.split('.')[0] in {watched} or name.startswith(('cqmin.validation', 'cqmin.shells.'))"
    imported, stdout = _imported_by(["pension", "--json"], listed)
    assert imported == [] and stdout.startswith("[")
    for args in (["search", "养老", "--json"], ["show", "pension.insured", "--fields", "value", "-f", "tsv"]):
        imported, stdout = _imported_by(args, listed)
        assert imported == [] and stdout.strip(), args


def test_a_look_up_imports_only_the_format_it_writes(warm):
    listed = "name.startswith('cqmin.formats.')"
    assert _imported_by(["pension", "--json"], listed)[0] == ["cqmin.formats.json", "cqmin.formats.selection"]
    tsv = ["show", "pension.insured", "--fields", "value"]
    imported, stdout = _imported_by(tsv, listed)
    assert imported == ["cqmin.formats.selection", "cqmin.formats.tsv"] and stdout.strip().isdigit()
    imported, stdout = _imported_by(["pension"], listed)  # (the default format: the first for people)
    assert imported == ["cqmin.formats.table"] and "Pension coverage target" in stdout


def test_a_look_up_imports_only_the_language_it_speaks(warm):
    """Every language's names and locales are in the command table: the one chosen is the one imported."""
    listed = "name.startswith('cqmin.languages.') and name != 'cqmin.languages.base'"
    for args, module in [(["pension", "--json", "--lang", "zh"], "zh"), (["--lang=ZH", "pension", "--json"], "zh"),
                         (["pension", "--json", "--lang", "en"], "en")]:  # fmt: skip
        imported, stdout = _imported_by(args, listed)
        assert imported == [f"cqmin.languages.{module}"] and stdout.startswith("["), args


def test_every_format_of_a_look_up_is_one_the_registry_has():
    assert {fmt.name for fmt in formats.every()} >= set(DATA)


SUBPROCESS_LINES = [
    ["pension", "-f=json"], ["-f=json", "pension"], ["search", "insured", "-t=pension"], ["SHOW", "pension.insured"],
    ["Sources", "--json"], ["--json", "-f", "nope", "pension"], ["cite", "pension.insured"], ["pension", "--json"],
    ["show", "pension.nosuch"], ["pension", "--event", "nosuch"], ["search", ""], ["show", "pension.insured"],
    ["search", "relief", "--kind", "target", "--json"], ["export", "-f", "sqlite"], ["pension"],
]  # fmt: skip
SUBPROCESS_ENVS = [
    {}, {"CQMIN_LANG": unspoken_language()}, {"PYTHONIOENCODING": "ascii"}, {"PYTHONIOENCODING": "latin-1"},
]  # fmt: skip


def _cqmin(args: list[str], env: dict) -> tuple[int, bytes, bytes]:
    done = subprocess.run([sys.executable, "-m", "cqmin", *args], capture_output=True, env=env, timeout=60)
    return done.returncode, done.stdout, done.stderr


@pytest.mark.slow
@pytest.mark.parametrize("extra", SUBPROCESS_ENVS, ids=lambda extra: ",".join(extra) or "plain")
def test_the_fast_path_in_a_process_as_the_full_path(warm, extra, tmp_path):
    """In real processes, with outputs that cannot hold Chinese and a CQMIN_LANG cqmin does not speak: the
    cache on (the fast path answers where it can) and off (Typer's path, always) print the same."""
    env = {**os.environ, **extra}
    for args in SUBPROCESS_LINES:
        _cqmin(args, env)  # (the first run may build the cache)
        fast = _cqmin(args, env)
        full = _cqmin(args, {**env, "CQMIN_NO_CACHE": "1"})
        assert fast == full, (args, extra)
