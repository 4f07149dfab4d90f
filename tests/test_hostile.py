"""Hostile input and hostile environments: a clear message, nothing lost, untrusted text shown literally.

Each case asserts the exit code, a message on stderr, a clean stdout and no traceback.
"""

import errno
import itertools
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import factbases
import pytest
from conftest import ok, run, write_facts

from cqmin import facts as facts_module

CQMIN = Path(sys.executable).with_name("cqmin")
SAMPLE = factbases.sample()  # for parameters: which topics and ids the sample base has
TOPICS = [topic["id"] for topic in SAMPLE.data["topics"]]


def fails(*args: str, code: int = 1, env: dict | None = None) -> str:
    """Run cqmin, expect failure with `code` and nothing on stdout; return stderr."""
    result = run(*args, env=env)
    assert result.exit_code == code, result.output
    assert result.stdout == ""
    assert result.stderr.startswith(("Error: ", "Usage: "))
    assert "Traceback" not in result.stderr
    return result.stderr


# ---------------------------------------------------------------- a fact base is untrusted input


def test_a_missing_fact_base(tmp_path):
    err = fails("--facts", str(tmp_path / "missing.toml"), "pension")
    assert "missing.toml: no such file" in err and "Hint: check the path" in err


@pytest.mark.parametrize("args", [["pension"], ["--help"], ["export", "-f", "json"]])
def test_an_empty_fact_base_path_is_a_usage_error(args):
    assert "an empty path" in fails("--facts", "", *args, code=2)  # not the bundled base, silently


def test_a_folder_as_fact_base(tmp_path):
    assert "is a folder, not a fact base" in fails("--facts", str(tmp_path), "pension")


def test_an_empty_fact_base(tmp_path):
    assert "the file is empty" in fails("--facts", write_facts(tmp_path, ""), "pension")


def test_bytes_that_are_not_utf8(tmp_path, sample):
    path = tmp_path / "facts.toml"
    path.write_bytes(sample.toml().encode("utf-8") + b"\n# \xff\xfe\n")
    assert "not UTF-8 text" in fails("--facts", str(path), "pension")


def test_invalid_toml(tmp_path):
    err = fails("--facts", write_facts(tmp_path, "schema = 1\n[[facts]\n"), "pension")
    assert ":2:" in err and "TOML syntax" in err


def test_deeply_nested_input(tmp_path):
    text = "schema = 1\nx = " + "[" * 5000 + "]" * 5000 + "\n"
    assert "nested too deeply" in fails("--facts", write_facts(tmp_path, text), "pension")


def test_input_over_the_size_limit(tmp_path):
    path = tmp_path / "huge.toml"
    with open(path, "wb") as handle:
        handle.truncate(facts_module.MAX_BYTES + 1)  # sparse: costs no disk
    assert "over the 16 MiB limit" in fails("--facts", str(path), "pension")


def test_the_wrong_shape(tmp_path):
    err = fails("--facts", write_facts(tmp_path, "schema = 1\nfacts = 5\nspeakers = 'x'\n"), "pension")
    assert "problems" in err and "expected [[facts]] tables" in err


def test_wrong_types_duplicates_and_unknown_references(tmp_path, sample):
    sample.fact("pension.insured")["value"] = "lots"
    sample.fact("pension.relief")["id"] = "pension.insured"
    sample.fact("health.rank")["speaker"] = "nobody"
    err = fails("--facts", sample.write(tmp_path), "pension")
    assert "expected a number" in err and "duplicate id" in err and "unknown speaker 'nobody'" in err


def test_the_fact_base_variable_is_treated_the_same(tmp_path):
    assert "no such file" in fails("pension", env={"CQMIN_FACTS": str(tmp_path / "nope.toml")})


# ---------------------------------------------------------------- its text is shown literally

HOSTILE_LABEL = "[bold red]boom[/] \x1b[31mred\x1b[0m \x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\ \u202eevil"


@pytest.fixture
def hostile_base(tmp_path, sample) -> str:
    """The sample base with the hostile text as the English label of pension.insured and its speaker's name."""
    sample.fact("pension.insured")["label"]["en"] = HOSTILE_LABEL
    sample.speaker(sample.fact("pension.insured")["speaker"])["name"]["en"] = HOSTILE_LABEL
    return sample.write(tmp_path)


@pytest.mark.parametrize(
    "args",
    [
        ["pension"],
        ["pension", "--format", "markdown"],
        ["show", "pension.insured"],
        ["search", "boom"],
        ["sources"],
        ["compare"],
        ["topics"],
    ],
)
def test_markup_and_escapes_are_printed_not_obeyed(hostile_base, args):
    result = run("--facts", hostile_base, "--lang", "en", *args, env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "\x1b" not in out and "\u202e" not in out
    markdown = "markdown" in args  # where a backslash and a bracket are escaped with a backslash, to show as written
    escaped = "\\\\" if markdown else "\\"
    label = "\\[bold red\\]boom\\[/\\]" if markdown else "[bold red]boom[/]"
    assert label in out  # every one of these commands shows the label or the name
    for shown in ("x1b[31mred", "x1b]8;;https://evil.example", "u202eevil"):
        in_markdown = shown.replace("[", "\\[").replace("]", "\\]").replace("://", "\\://")
        assert escaped + (in_markdown if markdown else shown) in out, shown


def test_markup_in_a_table_on_a_colour_terminal_is_still_literal(hostile_base):
    from io import StringIO

    from cqmin import views
    from cqmin.render import topics
    from cqmin.terminal import Terminal

    class ColourTerminal(StringIO):
        def isatty(self):
            return True

        def fileno(self):
            raise OSError

    from cqmin import languages
    from cqmin.output import Output

    base = facts_module.load(hostile_base)
    output = Output(Terminal(ColourTerminal(), {"COLUMNS": "200", "TERM": "xterm"}), languages.get("en"))
    out = topics.topic(views.topic(base, "pension"), output)
    assert "[bold red]boom[/]" in out
    assert "\x1b[31mred" not in out and "\x1b]8;;https" not in out and "\u202e" not in out
    assert "\x1b[" in out  # the terminal does get cqmin's own colours


def test_json_escapes_control_characters(hostile_base):
    result = run("--facts", hostile_base, "pension", "--json")
    assert "\x1b" not in result.stdout
    (record,) = [record for record in json.loads(result.stdout) if record["id"] == "pension.insured"]
    assert record["label"]["en"] == HOSTILE_LABEL


def test_an_id_typed_with_escapes_is_shown_literally():
    err = fails("show", "\x1b]0;owned\x07pension")
    assert "\x1b" not in err and "\x07" not in err and "\\x1b]0;owned\\x07pension" in err


def test_validate_prints_hostile_values_literally(tmp_path, sample):
    sample.fact("pension.insured")["kind"] = "\x1b[2J"
    result = run("validate", sample.write(tmp_path))
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout and "\\x1b[2J" in result.stdout


# ---------------------------------------------------------------- environments


@pytest.mark.parametrize("width", ["20", "24", "32", "48", "80"])
@pytest.mark.parametrize(
    "args",
    [
        *([topic] for topic in TOPICS),
        [],
        ["compare"],
        ["show", "pension.relief", "pension.coverage-target"],  # the widest figure; an id wider than 20 columns
        ["sources"],
        ["search", "低保"],
    ],
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_any_width_down_to_20_columns(args, width, lang):
    from rich.cells import cell_len

    result = run("--lang", lang, *args, env={"COLUMNS": width})
    assert result.exit_code == 0, result.output
    for line in result.stdout.splitlines():
        # only an id longer than the terminal is wide goes past it: whole, for the terminal to wrap
        assert cell_len(line) <= int(width) or re.fullmatch(r" *[a-z]+\.[a-z0-9-]+", line), line


@pytest.mark.parametrize("width", ["20", "30", "40", "44", "50", "58", "64", "80"])
@pytest.mark.parametrize("topic", TOPICS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_narrow_terminals_never_cut_a_figure_or_a_date(base, topic, width, lang):
    """A figure may wrap at a space between its parts when the terminal is narrower than it ("more than / 100
    billion yuan"), never inside an amount or a date, and never lose a character."""
    from cqmin import dates, languages
    from cqmin.render.wrap import pieces

    language = languages.get(lang)
    result = run(topic, "--lang", lang, env={"COLUMNS": width})
    assert result.exit_code == 0
    flowing = " ".join(result.stdout.split())  # undo wrapping: text only ever breaks at spaces
    for fact in base.facts_of(topic):
        for piece in pieces(language.figure(fact)):  # each part whole, on one line: "100 billion", "2550万人"
            assert piece in result.stdout, (fact.id, width, piece)
        assert dates.show(fact.as_of, language) in result.stdout
        if lang == "en" and int(width) >= 40:  # labels break between words, not inside them
            tokens = set(flowing.split())
            assert all(word in tokens for word in fact.label["en"].split()), (fact.id, width)


@pytest.mark.parametrize("width", ["20", "40", "60"])
def test_narrow_overview_and_search_keep_ids_and_counts(base, width):
    out = run("--lang", "en", env={"COLUMNS": width}).stdout
    flowing = " ".join(out.split())
    for topic in base.topics:
        assert topic.id in out.split()
        count = len(base.facts_of(topic.id))
        # stacked ("12 facts"), or a table row ("services 12 0 Basic …")
        assert f"{count} facts" in flowing or f"{topic.id} {count} " in flowing, (topic.id, width)
    from cqmin import languages

    fact = base.fact("pension.coverage-target")  # an id wider than 20 columns
    out = run("search", "参保率", env={"COLUMNS": width}).stdout
    assert fact.id in out.split()  # the id on one line, whole
    assert " ".join(languages.get("en").figure(fact).split()) in " ".join(out.split())


def _subprocess(*args: str, **env: str) -> subprocess.CompletedProcess:
    environ = {**os.environ, **env}
    return subprocess.run([str(CQMIN), *args], capture_output=True, text=True, env=environ, timeout=60)


@pytest.mark.parametrize("locale", ["C", "POSIX"])
def test_a_c_locale(base, locale):
    result = _subprocess("pension", LANG=locale, LC_ALL=locale)
    assert result.returncode == 0 and result.stdout.startswith(base.topic("pension").title["en"])


def test_an_output_that_cannot_hold_chinese(base):
    json_run = _subprocess("pension", "--json", PYTHONIOENCODING="ascii")
    assert json_run.returncode == 0 and json_run.stderr == ""
    assert json_run.stdout.isascii() and "\\u517b\\u8001" in json_run.stdout
    assert json.loads(json_run.stdout)[0]["label"]["zh"] == base.facts_of("pension")[0].label["zh"]
    table = _subprocess("pension", PYTHONIOENCODING="ascii", LANG="zh_CN.UTF-8")
    assert table.returncode == 0
    assert table.stdout.startswith(base.topic("pension").title["en"])  # English rather than question marks
    assert "cannot show Chinese" in table.stderr
    forced = _subprocess("show", "pension.insured", "--lang", "zh", PYTHONIOENCODING="ascii")
    assert forced.returncode == 0 and "?" not in forced.stdout  # never question marks for figures
    assert "Value      25.5 million people" in forced.stdout  # in a language the output can show
    assert "As stated  2550\\u4e07\\u4eba" in forced.stdout  # and the article's own words exact, escaped
    assert "so this is in English (not --lang zh)" in forced.stderr
    error = _subprocess("show", "养老", PYTHONIOENCODING="ascii")
    assert error.returncode == 1 and "Traceback" not in error.stderr
    report = _subprocess("validate", PYTHONIOENCODING="ascii")
    assert report.returncode == 0 and report.stderr == ""


@pytest.mark.parametrize(
    "args", [["pension", "--format", "csv"], ["sources", "-f", "markdown"], ["export", "-f", "csv"]]
)
def test_csv_and_markdown_refuse_an_output_that_would_lose_chinese(args):
    result = _subprocess(*args, PYTHONIOENCODING="ascii")
    assert result.returncode == 1 and result.stdout == ""
    assert "cannot hold Chinese" in result.stderr and "PYTHONIOENCODING=utf-8" in result.stderr


@pytest.mark.parametrize("args", [["export", "-f", "csv"], ["export", "-f", "tsv"]])
def test_an_output_that_holds_chinese_but_not_every_character_is_told_so(args, sample, tmp_path):
    """GBK (the Chinese Windows code page) holds Chinese, but not "²": CSV and TSV, which have no escapes, refuse the
    whole answer, with nothing written and the character named, rather than half a file and an unexpected error."""
    assert any(fact["unit"] == "m2" for fact in sample.facts)  # its English name is "m²"
    path = sample.write(tmp_path)
    result = _subprocess("--facts", path, *args, PYTHONIOENCODING="gbk")
    assert result.returncode == 1 and result.stdout == "", result.stderr
    named = re.search(r"encoding \(gbk\) cannot hold '.+' \(U\+([0-9A-F]{4})\)", result.stderr)
    assert named and chr(int(named[1], 16)) in "²−" and "unexpected" not in result.stderr
    assert "PYTHONIOENCODING=utf-8" in result.stderr


@pytest.mark.parametrize(
    "args", [["export", "--json"], ["export", "-f", "ndjson"], ["cite", "pension.insured", "housing.renewal-target",
                                                                "-f", "csl-json"]]
)  # fmt: skip
def test_json_escapes_what_an_output_that_holds_chinese_lacks(args, sample, tmp_path):
    """JSON can write any character: on GBK, "²" and "−" are written as \\u escapes and the Chinese as it is, so
    the text is readable and read as GBK is the same data as in UTF-8."""
    path = sample.write(tmp_path)
    gbk = subprocess.run([str(CQMIN), "--facts", path, *args], capture_output=True, env={**os.environ,
                         "PYTHONIOENCODING": "gbk"}, timeout=60)  # fmt: skip
    utf8 = subprocess.run([str(CQMIN), "--facts", path, *args], capture_output=True, env={**os.environ,
                          "PYTHONIOENCODING": "utf-8"}, timeout=60)  # fmt: skip
    assert gbk.returncode == 0 and gbk.stderr == b"", gbk.stderr
    text = gbk.stdout.decode("gbk")
    assert "养老" in text and ("\\u00b2" in text or "\\u2212" in text) and "²" not in text and "−" not in text
    lines = (lambda out: out.splitlines()) if "ndjson" in args else (lambda out: [out])
    assert [json.loads(line) for line in lines(text)] == [json.loads(line) for line in lines(utf8.stdout.decode())]


def test_big5_holds_no_simplified_chinese_and_is_told_so(sample, tmp_path):
    """Big5 holds 中文 but not 养: a table is in English, with a note; JSON escapes all it cannot hold."""
    path = sample.write(tmp_path)
    env = {**os.environ, "PYTHONIOENCODING": "big5"}
    table = subprocess.run([str(CQMIN), "--facts", path, "--lang", "zh", "pension"], capture_output=True, env=env,
                           timeout=60)  # fmt: skip
    assert table.returncode == 0 and b"cannot show Chinese" in table.stderr and table.stdout.isascii()
    data = subprocess.run([str(CQMIN), "--facts", path, "pension", "--json"], capture_output=True, env=env, timeout=60)
    assert (
        data.returncode == 0
        and data.stdout.isascii()
        and "养老" in json.dumps(json.loads(data.stdout), ensure_ascii=False)
    )


def test_a_table_shows_what_an_output_that_holds_chinese_lacks_as_an_escape(sample, tmp_path):
    path = sample.write(tmp_path)
    result = subprocess.run([str(CQMIN), "--facts", path, "--lang", "zh", "show", "pension.insured"],
                            capture_output=True, env={**os.environ, "PYTHONIOENCODING": "gbk"}, timeout=60)  # fmt: skip
    text = result.stdout.decode("gbk")
    assert result.returncode == 0 and result.stderr == b"" and "养老" in text and "\\u2212" in text


def test_validate_problems_with_chinese_on_an_ascii_output(tmp_path, sample):
    sample.fact("pension.insured")["value"] = 2550000  # stated 2550万人
    path = sample.write(tmp_path)
    result = _subprocess("validate", path, PYTHONIOENCODING="ascii")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "\\u4e07" in result.stdout  # 万, escaped


@pytest.mark.slow  # 5,500 facts through a pipe, six times
@pytest.mark.parametrize("unbuffered", ["1", ""])
@pytest.mark.parametrize("args", [["export", "--format", "ndjson"], ["export", "--format", "csv"], ["compare"]])
def test_a_reader_that_closes_the_pipe_early(tmp_path, sample, args, unbuffered):
    big = _scaled(sample, 5500).write(tmp_path)  # every output far bigger than a pipe's buffer
    environ = {**os.environ, "PYTHONUNBUFFERED": unbuffered}
    process = subprocess.Popen(
        [str(CQMIN), "--facts", big, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environ
    )
    process.stdout.readline()
    process.stdout.close()  # like `| head -1`
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) == 0  # the reader had what it wanted: quiet, and no failure (as ripgrep)
    assert stderr == ""


def _scaled(sample: factbases.Base, count: int) -> factbases.Base:
    """The sample base with its facts repeated (ids suffixed -1, -2, …) until it has at least `count` facts, each
    copy the figures of a press conference of its own (one figure said twice at one is one fact)."""
    import copy

    originals = list(sample.facts)
    first = sample.data["events"][0]
    number = 0
    while len(sample.facts) < count:
        number += 1
        sample.data["events"].append({**copy.deepcopy(first), "id": f"{first['id']}-{number}"})
        for fact in originals:
            sample.facts.append(
                {**copy.deepcopy(fact), "id": f"{fact['id']}-{number}", "event": f"{first['id']}-{number}"}
            )
    return sample


def test_ctrl_c_exits_130_without_a_traceback(tmp_path, sample):
    """A real SIGINT while cqmin is blocked writing to a pipe nobody reads.

    The export is larger than a pipe's buffer, so once its first line has arrived
    cqmin is inside its own code and cannot finish: the signal lands there however
    fast or slow the machine is.
    """
    big = _scaled(sample, 550).write(tmp_path)
    process = subprocess.Popen(
        [str(CQMIN), "--facts", big, "export", "--format", "ndjson"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout.readline().startswith(b"{")
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert b"Traceback" not in err and b"KeyboardInterrupt" not in err


def test_ctrl_c_while_importing_the_cli():
    """Most of a run is importing Typer: a Ctrl-C then exits 130 too (simulated at that import)."""
    code = """
import builtins
real_import = builtins.__import__
def interrupted(name, *args, **kwargs):
    if name == "typer":
        raise KeyboardInterrupt
    return real_import(name, *args, **kwargs)
builtins.__import__ = interrupted
import sys
sys.argv = ["cqmin", "--version"]  # a line only Typer's path answers (a look-up may be answered without it)
from cqmin.__main__ import main
main()
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 130
    assert "Traceback" not in result.stderr


def test_ctrl_c_during_a_look_up_answered_without_typer():
    """The fast look-up (cqmin.quick) is inside the same guard: 130, no traceback, nothing half-written."""
    code = """
import sys
import cqmin.quick as quick
def interrupted(env, args):
    raise KeyboardInterrupt
quick.answer = interrupted
sys.argv = ["cqmin", "pension", "--json"]
from cqmin.__main__ import main
main()
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 130 and result.stdout == ""
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------- files


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.EROFS, "Read-only file system"),
        (errno.ENOSPC, "No space left on device"),
        (errno.EACCES, "Permission denied"),
    ],
)
def test_an_export_that_cannot_be_written(tmp_path, monkeypatch, code, reason):
    target = tmp_path / "facts.json"
    target.write_text("old", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", refuse)
    err = fails("export", "-o", str(target), "--force")
    assert reason in err and "unchanged" in err
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(os.listdir(tmp_path)) == ["facts.json"]


def test_an_export_onto_a_folder(tmp_path):
    assert "is a folder" in fails("export", "-o", str(tmp_path), "--force", "-f", "json")


# ---------------------------------------------------------------- one error path


def test_an_unexpected_error_is_short_and_points_to_the_traceback(monkeypatch):
    from cqmin import views

    def broken(*args, **kwargs):
        raise RuntimeError("something impossible")

    monkeypatch.setattr(views, "topic", broken)
    err = fails("pension")
    assert "unexpected RuntimeError: something impossible" in err
    assert "CQMIN_DEBUG=1" in err


def test_cqmin_debug_shows_the_traceback(monkeypatch):
    from typer.testing import CliRunner

    from cqmin import views
    from cqmin.cli.app import app

    monkeypatch.setattr(views, "topic", lambda *args, **kwargs: 1 / 0)
    result = CliRunner().invoke(app, ["pension"], env={"CQMIN_DEBUG": "1"})
    assert isinstance(result.exception, ZeroDivisionError)


@pytest.mark.parametrize("width", ["20", "24", "30", "40", "50"])
@pytest.mark.parametrize("args", [["show", "pension.insured", "pension.dibao"], ["compare"]])
def test_no_chinese_figure_is_split_across_lines(args, width):
    """In Chinese, where a line may break between any two characters, none breaks inside a number:
    a digit or point at the end of a line and the rest of the number (digits, %, 万, 亿) on the next."""
    lines = [line.strip() for line in ok(*args, "--lang", "zh", env={"COLUMNS": width}).splitlines()]
    for line, following in itertools.pairwise(lines):
        if line and following:
            assert not (line[-1] in "0123456789." and following[0] in "0123456789.%万亿"), (width, line, following)


_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"


def _split_inside(line: str, following: str, lang: str) -> bool:
    """Whether a line ends inside a figure, a date or a period that the next line finishes."""
    if lang == "zh" and line[-1] in "0123456789." and following[0] in "0123456789.%万亿年月日—–":
        return True  # 2550 / 万人, 2022年10 / 月19日, 2021 / —2025年
    if re.search(r"\d[—–]$", line) and following[0].isdigit():
        return True  # 2021— / 2025年
    if (line[-1] == "年" and re.match(r"\d{1,2}月", following)) or (
        line[-1] == "月" and re.match(r"\d{1,2}日", following)
    ):
        return True  # 2022年 / 10月19日
    return bool(re.search(rf"\b({_MONTHS})$", line) and following[:4].isdigit())  # 30 Sep / 2022


@pytest.mark.parametrize("width", ["20", "26", "34", "40", "44", "50", "58", "64"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_figure_date_or_period_is_split_across_lines(width, lang):
    """Headings, records, comparisons and citations included: the lines Rich would have wrapped by its own rules."""
    # a month, a period, a day, and a derived baseline's year and month
    records = [
        ["show", "pension.insured", "housing.renewal-target", "health.response-time"],
        ["cite", "pension.insured"],
    ]
    for args in (*([topic] for topic in TOPICS), ["compare"], ["sources"], [], *records):
        lines = [line.strip() for line in ok("--lang", lang, *args, env={"COLUMNS": width}).splitlines()]
        for line, following in itertools.pairwise(lines):
            assert not (line and following and _split_inside(line, following, lang)), (args, line, following)


def test_wrapping_keeps_figures_dates_and_closing_marks_together():
    from cqmin.render.wrap import divide

    def lines(text: str, width: int) -> list[str]:
        cuts = [0, *divide(text, width), len(text)]
        return [text[start:end].strip() for start, end in itertools.pairwise(cuts)]

    assert lines("+468万人，+22.48%，年均+4.36%", 10) == ["+468万人，", "+22.48%，", "年均+4.36%"]
    assert lines("2082万人（2017年12月）", 16) == ["2082万人", "（2017年12月）"]
    assert lines("20.82 million people (Dec 2017)", 14) == ["20.82 million", "people", "(Dec 2017)"]
    assert lines("pension.coverage-target", 8)[0] == "pension."  # wider than the line: folded, as a last resort
    assert lines("数据时点：2017—2022年、2022年10月19日、2021—2025年", 16) == [
        "数据时点：", "2017—2022年、", "2022年10月19日、", "2021—2025年"
    ]  # fmt: skip
    assert lines("发布3—5万人，超2550万人以上", 14) == ["发布3—5万人，", "超2550万人以上"]
