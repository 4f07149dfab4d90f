"""Shell completion through cqmin's protocol, in a subprocess as the shell runs it, and in a real bash."""

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import factbases
import pytest
from conftest import own_commands, unspoken_language, write_facts
from hypothesis import given, settings
from hypothesis import strategies as st

from cqmin import languages
from cqmin.shells import ARGS_VAR, COMPLETE_VAR, CWORD_VAR, WORD_VAR, WORDS_VAR, protocol

CQMIN = Path(sys.executable).with_name("cqmin")

# cqmin's own commands, as help lists them; the fact base's topics are commands too.
OWN_COMMANDS = own_commands()


def complete(env: dict) -> subprocess.CompletedProcess:
    environ = {**os.environ, **env}
    return subprocess.run([str(CQMIN)], capture_output=True, text=True, env=environ, timeout=30)


def bash(words: str, cword: int, **env: str) -> list[str]:
    result = complete({COMPLETE_VAR: "complete_bash", WORDS_VAR: words, CWORD_VAR: str(cword), **env})
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout.split()


def test_commands(base):
    assert bash("cqmin pens", 1) == ["pension"]
    assert set(bash("cqmin s", 1)) == {"show", "search", "sources"}
    assert bash("cqmin h", 1) == ["health", "housing"]
    assert set(bash("cqmin ", 1)) == {*OWN_COMMANDS, *(topic.id for topic in base.topics)}


def test_fact_ids_for_show(base):
    ids = bash("cqmin show health.", 2)
    assert ids == [fact.id for fact in base.facts_of("health")]
    assert bash("cqmin show pension.dib", 2) == ["pension.dibao"]
    assert bash("cqmin show pension.insured housing.res", 3) == ["housing.residents"]


def test_choices():
    assert bash("cqmin pension --format c", 3) == ["csv"]
    assert bash("cqmin pension --lang ", 3) == ["auto", *languages.codes()]
    assert bash("cqmin pension --kind ", 3) == ["achieved", "target", "all"]
    # a root option after a command that lacks it (validate has no --lang of its own) is the root's: its values
    assert bash("cqmin validate --lang ", 3) == bash("cqmin --lang ", 2) == ["auto", *languages.codes()]
    assert bash("cqmin export --lang E", 3) == ["en"]


def test_topics_for_compare_and_search():
    assert bash("cqmin compare h", 2) == ["health", "housing"]
    assert bash("cqmin search x --topic pen", 4) == ["pension"]


def test_zsh_and_fish_show_labels_as_descriptions(base):
    label = base.fact("pension.dibao").label
    zsh = complete(_protocol("zsh", "cqmin show pension.d"))
    assert zsh.stdout == f"pension.dibao\t{label['en']}\n"
    fish = complete(_protocol("fish", "cqmin show pension.d"))
    assert fish.stdout == f"pension.dibao\t{label['en']}\n"
    zh = complete({**_protocol("fish", "cqmin show pension.d"), "CQMIN_LANG": "zh"})
    assert zh.stdout == f"pension.dibao\t{label['zh']}\n"


def test_powershell(base):
    result = complete(_protocol("powershell", "cqmin show pension.d"))
    assert result.stdout.startswith(f"pension.dibao:::{base.fact('pension.dibao').label['en']}")


def test_a_powershell_description_cannot_split_its_line(sample, tmp_path):
    sample.fact("pension.dibao")["label"] = factbases.texts("低保:::标准", "Dibao:::standard")
    result = complete({**_protocol("powershell", "cqmin show pension.d"), "CQMIN_FACTS": sample.write(tmp_path)})
    (line,) = result.stdout.splitlines()
    assert line.count(":::") == 1 and line.startswith("pension.dibao:::Dibao")


def test_a_replaced_fact_base_is_completed(sample, tmp_path):
    sample.fact("pension.dibao")["id"] = "pension.dibao-people"
    path = sample.write(tmp_path)
    assert bash(f"cqmin --facts {path} show pension.dib", 4) == ["pension.dibao-people"]
    assert bash(f"cqmin show --facts {path} pension.dib", 4) == ["pension.dibao-people"]  # after the command
    assert bash("cqmin show pension.dib", 2, CQMIN_FACTS=path) == ["pension.dibao-people"]


def test_a_broken_fact_base_completes_nothing_and_prints_nothing_else(tmp_path):
    path = write_facts(tmp_path, "this is not toml")
    result = complete({**_protocol("bash", "cqmin show p"), "CQMIN_FACTS": path})
    assert result.returncode == 0
    assert result.stdout.strip() == "" and result.stderr == ""


def test_labels_with_markup_or_controls_are_plain_text(sample, tmp_path):
    sample.fact("pension.dibao")["label"]["en"] = "[bold]dibao[/bold] \x1b[31mred"
    path = sample.write(tmp_path)
    fish = complete({**_protocol("fish", "cqmin show pension.d"), "CQMIN_FACTS": path})
    assert fish.stdout == "pension.dibao\t[bold]dibao[/bold] \\x1b[31mred\n"


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("cqmin pens", ["pension"]),
        ("cqmin show health.lit", ["health.literacy"]),
        ("cqmin pension --format c", ["csv"]),
    ],
)
def test_a_real_bash(line, expected):
    """Source the script `cqmin --show-completion` prints for bash, then press TAB (call the function)."""
    words = line.split(" ")
    script = f"""
        source <(cqmin --show-completion)
        COMP_WORDS=({line})
        COMP_CWORD={len(words) - 1}
        _cqmin_completion cqmin "{words[-1]}" "{words[-2]}"
        printf '%s\\n' "${{COMPREPLY[@]}}"
    """
    environ = {**os.environ, "PATH": f"{CQMIN.parent}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(["bash", "--norc", "-c", script], capture_output=True, text=True, env=environ, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == expected


def test_show_completion_bash_prints_the_bash_script():
    result = subprocess.run([str(CQMIN), "--show-completion", "bash"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "complete -o default -F _cqmin_completion cqmin" in result.stdout


# ---------------------------------------------------------------- the fast path answers as Typer does

GRID = [
    "cqmin ", "cqmin p", "cqmin pens", "cqmin PENS", "cqmin -", "cqmin --l", "cqmin --lang ", "cqmin --lang Z",
    "cqmin --lang zh show housing.", "cqmin --lang en pension --l", "cqmin show ", "cqmin show pension.d",
    "cqmin show PENSION.D", "cqmin show pension.insured housing.", "cqmin show -", "cqmin show --format ",
    "cqmin show -f j", "cqmin housing --", "cqmin housing --format c", "cqmin housing --format=c",
    "cqmin housing --kind ", "cqmin housing --kind T", "cqmin housing --json --", "cqmin housing --json --j",
    "cqmin compare ", "cqmin compare h", "cqmin compare health h", "cqmin compare --kind a",
    "cqmin search x --topic pen", "cqmin search x -t ",
    "cqmin search x -t health -t ", "cqmin search ", "cqmin export -o ", "cqmin export --format=",
    "cqmin export --format=n", "cqmin export -", "cqmin validate ", "cqmin validate --source ", "cqmin sources --",
    "cqmin sources --fields ", "cqmin help ", "cqmin topics -", "cqmin pension --ids -", "cqmin -f json ",
    "cqmin --json pen", "cqmin x", "cqmin pension x", "cqmin pension --event ", "cqmin search x --event s",
    "cqmin export --event=",
    # a root option after the command is the root's: the base, the language and their values
    "cqmin validate --lang zh ", "cqmin draft --lang zh --d", "cqmin draft --l",
    # ... and a TAB for its value is the root's too, whatever the command
    "cqmin validate --lang ", "cqmin export --lang e", "cqmin pension --facts ", "cqmin show pension.dibao --lang ",
    "cqmin check --json --lang z", "cqmin sources --lang zh --facts ",
]  # fmt: skip


def _protocol(shell: str, line: str) -> dict:
    """The variables cqmin's script for `shell` sets for a TAB at the end of `line`."""
    if shell == "bash":
        words = line.split(" ")
        return {COMPLETE_VAR: "complete_bash", WORDS_VAR: line, CWORD_VAR: str(len(words) - 1)}
    env = {COMPLETE_VAR: f"complete_{shell}", ARGS_VAR: line}
    if shell == "powershell":
        env[WORD_VAR] = line.split(" ")[-1]
    return env


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory, sample_path):
    """A cache holding the sample base's completion table, as any run of cqmin leaves it.

    Module-scoped, so set up before the tests' own environment: the base and the cache are named here.
    """
    from conftest import run

    folder = tmp_path_factory.mktemp("completion-cache")
    result = run("pension", "--json", env={"CQMIN_FACTS": sample_path, "XDG_CACHE_HOME": str(folder)})
    assert result.exit_code == 0, result.output
    assert list((folder / "cqmin").iterdir())
    return folder


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish", "powershell"])
def test_the_fast_path_answers_as_typer_does(warm_cache, monkeypatch, shell):
    from conftest import runner

    from cqmin.cli.app import app
    from cqmin.shells import fast

    monkeypatch.setenv("XDG_CACHE_HOME", str(warm_cache))
    answered = 0
    for line in GRID:
        environ = {**os.environ, "CQMIN_LANG": "en", **_protocol(shell, line)}
        quick = fast.answer(environ)
        typer_said = runner.invoke(app, [], env=environ, prog_name="cqmin")
        assert typer_said.exit_code == 0, (line, typer_said.output)
        if quick is not None:
            answered += 1
            assert quick + "\n" == typer_said.stdout, (shell, line)
    assert answered == len(GRID)  # every line of the grid is answered without Typer
    for line in ("cqmin -- ", "cqmin nosuch x", "cqmin --nosuch ", "cqmin pension --nosuch -", "cqmin SHOW pension.",
                 "cqmin pension -f=json --l"):  # fmt: skip
        assert fast.answer({**os.environ, **_protocol(shell, line)}) is None, line  # left to Typer


@pytest.mark.parametrize("shell", ["zsh", "fish"])
@pytest.mark.parametrize(
    ("line", "env", "chinese"),
    [("cqmin show pension.d", {"CQMIN_LANG": "zh-CN"}, True), ("cqmin show pension.d", {"CQMIN_LANG": "chinese"}, True),
     ("cqmin show --lang cn pension.d", {}, True), ("cqmin --lang 中文 show pension.d", {}, True),
     ("cqmin show pension.d", {"CQMIN_LANG": unspoken_language(), "LANG": "zh_CN.UTF-8"}, True),
     (f"cqmin show --lang {unspoken_language()} pension.d", {"CQMIN_LANG": "english"}, False)],
)  # fmt: skip
def test_descriptions_are_in_the_language_the_full_path_chooses(warm_cache, monkeypatch, shell, line, env, chinese):
    """A language's other names (zh-CN, cn, 中文, english) choose it for a TAB from the cache as for Typer's."""
    from conftest import runner

    from cqmin.cli.app import app
    from cqmin.shells import fast

    monkeypatch.setenv("XDG_CACHE_HOME", str(warm_cache))
    environ = {**os.environ, "CQMIN_LANG": "", **env, **_protocol(shell, line)}
    quick = fast.answer(environ)
    assert quick is not None and quick + "\n" == runner.invoke(app, [], env=environ, prog_name="cqmin").stdout
    assert ("城市低保标准" in quick) == chinese, (line, env)


@pytest.mark.parametrize("line", ["cqmin nosuch x", "cqmin --nosuch ", "cqmin show --facts x "])
def test_lines_the_fast_path_leaves_to_typer_still_complete_quietly(warm_cache, line):
    result = complete({**_protocol("bash", line), "XDG_CACHE_HOME": str(warm_cache)})
    assert result.returncode in (0, 2) and "Traceback" not in result.stderr


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_the_fast_path_imports_no_framework(warm_cache, base, shell):
    """Nor shlex, re, enum or collections (1 MiB and about 5 ms of a TAB: protocol.split reads the line itself)."""
    environ = {**os.environ, "XDG_CACHE_HOME": str(warm_cache), **_protocol(shell, "cqmin show 'pension.")}
    code = "import sys\nfrom cqmin.__main__ import main\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
    watched = {"typer", "rich", "tomli", "click", "shlex", "re", "enum", "collections", "functools"}
    code += f"print(sorted({{m.split('.')[0] for m in sys.modules}} & {watched!r}), file=sys.stderr)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environ, timeout=60)
    assert result.stderr.strip() == "[]"
    assert result.stdout.startswith(base.facts_of("pension")[0].id)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=" \t\n'\"\\a#$é", max_size=14) | st.text(max_size=10))
def test_a_line_is_split_as_shlex_splits_it(line):
    """protocol.split is shlex's posix split (whitespace only, no comments), an open quote's word kept whole."""
    lexer = shlex.shlex(line, posix=True)
    lexer.whitespace_split, lexer.commenters = True, ""
    words = []
    try:
        words.extend(lexer)
    except ValueError:  # (no closing quotation, no escaped character: the word as far as it goes)
        words.append(lexer.token)
    assert protocol.split(line) == words


# What the scripts of an older cqmin (Typer's protocol) set; Typer's zsh script ran `eval $(…)` on the answer.
OLDER_SCRIPTS = {
    "bash": {"COMP_WORDS": "cqmin show pension.d", "COMP_CWORD": "2"},
    "zsh": {"_TYPER_COMPLETE_ARGS": "cqmin show pension.d", "_CQMIN_COMPLETE_FORMAT": "lines"},
    "fish": {"_TYPER_COMPLETE_ARGS": "cqmin show pension.d", "_TYPER_COMPLETE_FISH_ACTION": "get-args"},
    "powershell": {"_TYPER_COMPLETE_ARGS": "cqmin show pension.d", "_TYPER_COMPLETE_WORD_TO_COMPLETE": "pension.d"},
}


@pytest.mark.parametrize("shell", sorted(OLDER_SCRIPTS))
@pytest.mark.parametrize("no_cache", ["", "1"])
def test_an_older_script_gets_nothing_and_a_message(warm_cache, shell, no_cache):
    environ = {COMPLETE_VAR: f"complete_{shell}", **OLDER_SCRIPTS[shell]}
    environ.update({"XDG_CACHE_HOME": str(warm_cache), "CQMIN_NO_CACHE": no_cache})
    result = complete(environ)
    assert result.returncode == 0 and result.stdout.strip() == ""
    assert f"cqmin: this {shell} completion script is out of date; run: cqmin --install-completion {shell}" in (
        result.stderr
    )


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish", "powershell"])
def test_the_source_instruction_prints_cqmin_s_script(shell):
    from cqmin.shells.scripts import script

    result = complete({COMPLETE_VAR: f"source_{shell}"})
    assert result.returncode == 0 and result.stdout == script(shell)
    assert "eval" not in result.stdout


@pytest.mark.parametrize("cword", ["x", "-1", "99", ""])
@pytest.mark.parametrize("no_cache", ["", "1"])
def test_a_malformed_request_completes_nothing_quietly(warm_cache, base, cword, no_cache):
    environ = {COMPLETE_VAR: "complete_bash", WORDS_VAR: "cqmin pe", CWORD_VAR: cword,
               "XDG_CACHE_HOME": str(warm_cache), "CQMIN_NO_CACHE": no_cache}  # fmt: skip
    result = complete(environ)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert set(result.stdout.split()) <= {*OWN_COMMANDS, *(topic.id for topic in base.topics)}


def test_without_a_cache_typer_answers_the_same(tmp_path):
    environ = _protocol("bash", "cqmin show pension.d")
    cold = complete({**environ, "XDG_CACHE_HOME": str(tmp_path / "cold"), "CQMIN_NO_CACHE": "1"})
    assert cold.returncode == 0 and cold.stdout == "pension.dibao\n"


def test_a_tab_on_ids_reads_the_ids_of_the_topics_under_what_was_typed(warm_cache, monkeypatch):
    """A base of thousands of facts has thousands of ids; a TAB reads those of the topic being typed."""
    from cqmin import cache
    from cqmin.shells import fast

    monkeypatch.setenv("XDG_CACHE_HOME", str(warm_cache))
    read, real = [], cache.Parts.raw
    monkeypatch.setattr(cache.Parts, "raw", lambda parts, name: read.append(name) or real(parts, name))
    environ = {**os.environ, **_protocol("bash", "cqmin show PENSION.I")}
    assert "pension.insured" in fast.answer(environ)
    assert [name for name in read if name.startswith("ids:")] == ["ids:pension"]
    read.clear()
    everything = fast.answer({**os.environ, **_protocol("bash", "cqmin show ")})
    assert "pension.insured" in everything and "health.rank" in everything
    assert len([name for name in read if name.startswith("ids:")]) > 1


def test_a_damaged_part_of_ids_is_left_to_typer_and_written_anew(tmp_path, monkeypatch):
    """A part whose checksum fails is no answer (an empty list of ids would be a wrong one): Click completes, and
    the table is written again for the next TAB."""
    from conftest import runner

    from cqmin import cache, facts, table_store
    from cqmin.cli.app import app
    from cqmin.shells import fast

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    environ = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), **_protocol("bash", "cqmin show pension.i")}
    assert "pension.insured" in runner.invoke(app, [], env=environ, prog_name="cqmin").stdout  # the table cached
    name = facts.Source(None).cache_name
    _, parts = cache.read(table_store.KIND, name)
    path = Path(cache.file_of(table_store.KIND, name))
    data = bytearray(path.read_bytes())
    data[parts._start + parts._contents["ids:pension"][0]] ^= 0xFF
    path.write_bytes(bytes(data))
    assert fast.answer(environ) is None
    assert "pension.insured" in runner.invoke(app, [], env=environ, prog_name="cqmin").stdout
    assert "pension.insured" in fast.answer(environ)
