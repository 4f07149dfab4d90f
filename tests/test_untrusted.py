"""What fuzzing found: fact bases, files, streams and signals a hostile user can hand cqmin.

Each case failed before its fix: accepted and then broken, an "unexpected" error,
a traceback, a hang, raw control text, or a file replaced that was not cqmin's.
"""

import json
import os
import pty
import re
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import factbases
import pytest
from conftest import run, write_facts

from cqmin import toml_text
from cqmin.shells import ARGS_VAR, COMPLETE_VAR

CQMIN = Path(sys.executable).with_name("cqmin")
FIGURE = "pension.insured"  # the sample's figure in 万 with a derived baseline ("2550万 − 468万")


def with_text_changed(sample, tmp_path, old: str, new: str) -> str:
    """The sample base written with `old`, which its TOML text holds once, replaced by `new` (what data cannot say)."""
    text = sample.toml()
    assert text.count(old) == 1, old
    return write_facts(tmp_path, text.replace(old, new))


def refused(path: str, *needles: str) -> str:
    """`validate` reports problems (never an "unexpected" error), and a lookup refuses the base."""
    result = run("validate", path)
    assert result.exit_code == 1, result.output
    assert "Error: unexpected" not in result.output and "Traceback" not in result.output
    for needle in needles:
        assert needle in result.stdout, result.stdout
    lookup = run("--facts", path, "pension", "--json")
    assert lookup.exit_code == 1 and lookup.stdout == "" and "problem" in lookup.stderr
    return result.stdout


# ---------------------------------------------------------------- accepted by validate, then broken


def test_a_baseline_one_day_before_the_figure(sample, tmp_path):
    import datetime

    fact_id = "health.response-time"  # a stated baseline without a date, the figure dated to the day
    fact = sample.fact(fact_id)
    assert fact["baseline"]["as_of"] == ""
    day_before = datetime.date.fromisoformat(fact["as_of"]) - datetime.timedelta(days=1)
    fact["baseline"]["as_of"] = day_before.isoformat()
    path = sample.write(tmp_path)
    assert run("validate", path).exit_code == 0
    topic = fact["topic"]
    for args in ([topic, "--json"], ["compare", "--json"], ["show", fact_id, "--json"]):
        result = run("--facts", path, *args)
        assert result.exit_code == 0, result.output
        record = next(item for item in json.loads(result.stdout) if item["id"] == fact_id)
        assert record["change"]["annual_percent"] is None  # no yearly rate of a change over one day
    assert run("--facts", path, topic).exit_code == 0


@pytest.mark.parametrize("value", ["1e-310", "1e300", "123456789012345678901234567890", "9" * 400])
def test_numbers_no_figure_has(sample, tmp_path, value):
    old = f"value = {sample.fact(FIGURE)['value']}"
    refused(with_text_changed(sample, tmp_path, old, f"value = {value}"), "value:", "not a figure cqmin can hold")


def test_an_integer_longer_than_python_converts(sample, tmp_path):
    old = f"value = {sample.fact(FIGURE)['value']}"
    result = run("validate", with_text_changed(sample, tmp_path, old, "value = " + "9" * 5000))
    assert result.exit_code == 1 and "unexpected" not in result.output
    assert "digits" in result.stdout


@pytest.mark.parametrize(
    ("where", "date", "message"),
    [
        ("baseline", "0000-12", "no year 0"),
        ("baseline", "9999-12", "is not before the figure's date"),
        ("fact", "٢٠٢٣-٠٥", "not an ISO 8601 date"),
        ("fact", "２０２３-０５", "not an ISO 8601 date"),
    ],
)
def test_dates_at_the_ends_of_the_calendar_and_other_digits(sample, tmp_path, where, date, message):
    fact = sample.fact(FIGURE)
    (fact["baseline"] if where == "baseline" else fact)["as_of"] = date
    refused(sample.write(tmp_path), message)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("stated", "2550万万万万万万万万万万万万万人", "stated"),
        ("method", "2550万万万万万万万万万万万万万 − 468万", "baseline.method"),
        ("method", "2550万 − " + "468万 + " * 500 + "0", "too long"),
        ("method", "(" * 400 + "2550万" + ")" * 400, "baseline.method"),
        ("method", "2550万 − " + "(" * 60 + "468万" + ")" * 60, "deeper"),
        ("method", "2550万 − 99999999999999999999999999999万", "baseline.method"),
    ],
)
def test_absurd_figures_and_derivations(sample, tmp_path, field, value, message):
    fact = sample.fact(FIGURE)
    assert (fact["stated"], fact["baseline"]["method"]) == ("2550万人", "2550万 − 468万")  # what the cases vary
    (fact["baseline"] if field == "method" else fact)[field] = value
    refused(sample.write(tmp_path), message)


@pytest.mark.parametrize(
    ("method", "message"),
    [
        ("2550万 × 10000万亿 × 10000万亿", "10^15 or more"),
        ("2550万 × 9999999999万亿 ÷ 3", "10^15 or more"),
    ],
)
def test_a_derivation_too_large_to_round(sample, tmp_path, method, message):
    sample.fact(FIGURE)["baseline"]["method"] = method
    refused(sample.write(tmp_path), message)


@pytest.mark.parametrize("table", ["events", "speakers", "topics"])
@pytest.mark.parametrize("value", [{"a": 1}, [1, 2], [[1], {}]], ids=["{ a = 1 }", "[1, 2]", "[[1], {}]"])
def test_an_id_that_is_a_table_or_a_list(sample, tmp_path, table, value):
    sample.data[table][0]["id"] = value  # the pension topic, its speaker, the event
    refused(sample.write(tmp_path), "id: expected text")


def test_a_malformed_base_checked_against_the_article(tmp_path, article_path):
    path = write_facts(tmp_path, "schema = 1\nfacts = 5\n")
    result = run("validate", path, "--source", article_path)
    assert result.exit_code == 1 and "unexpected" not in result.output
    assert result.stdout.count("expected [[facts]] tables") == 1  # reported once, not once per check


def test_a_quote_holding_a_table_header_does_not_shift_the_lines(sample, tmp_path):
    quote = f"quote = {toml_text.string(sample.fact(FIGURE)['quote'])}"
    after = sample.facts[sample.ids().index(FIGURE) + 1]  # the next fact, its value wrong
    wrong = after["value"] // 10
    text = sample.toml()
    assert text.count(quote) == 1 and text.count(f"\nvalue = {after['value']}\n") == 1
    text = text.replace(quote, "quote_note = '''\n[[facts]]\n'''\n" + quote)
    text = text.replace(f"\nvalue = {after['value']}\n", f"\nvalue = {wrong}\n")  # a problem after it
    path = write_facts(tmp_path, text)
    out = run("validate", path).stdout
    line = next(number for number, content in enumerate(text.split("\n"), 1) if content == f"value = {wrong}")
    assert f"{path}:{line}: {after['id']}: value:" in out, out


# ---------------------------------------------------------------- output streams


def _cqmin(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(CQMIN), *args], capture_output=True, text=True, timeout=120, **kwargs)


@pytest.mark.parametrize("args", [["pension"], ["--help"], ["--version"], ["export"]])
def test_a_closed_stdout(args):
    command = " ".join([str(CQMIN), *args]) + " >&-"
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr == "Error: cannot write to standard output: it is closed\n"


@pytest.mark.parametrize("args", [["pension"], ["--help"], ["export"], ["pension", "--json"]])
def test_a_full_disk(args):
    with open("/dev/full", "w") as full:
        result = subprocess.run([str(CQMIN), *args], stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr == "Error: cannot write to standard output: No space left on device\n"


def test_an_export_to_stdout_that_cannot_be_written_needs_no_file():
    result = subprocess.run(
        ["bash", "-c", f"{CQMIN} export -o /dev/stdout -f json >&-"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1 and "unexpected" not in result.stderr


# ---------------------------------------------------------------- control text


HIDDEN = "\u202e\u2028\u2029\u00ad\u180e\ufe0f\u3164\U000e0041\ufff9\x85\x9b"


@pytest.fixture
def hidden_base(sample, tmp_path) -> str:
    """The sample base, the English label of its pension headline holding what a terminal would obey or hide."""
    sample.fact(FIGURE)["label"]["en"] = f"Pensions{HIDDEN}\x1b]0;title\x07\x1b[2J end"
    return sample.write(tmp_path)


@pytest.mark.parametrize("fmt", ["json", "ndjson"])
def test_json_escapes_what_a_terminal_would_obey(hidden_base, fmt):
    out = run("--facts", hidden_base, "pension", "-f", fmt, "--lang", "en").stdout
    assert not any(char in out for char in HIDDEN + "\x1b\x07")
    assert "\\u202e" in out and "\\u2028" in out and "\\udb40\\udc41" in out
    records = [json.loads(line) for line in out.splitlines()] if fmt == "ndjson" else json.loads(out)
    label = next(record for record in records if record["id"] == FIGURE)["label"]["en"]
    assert label.startswith(f"Pensions{HIDDEN}\x1b]0;title")  # escaped, the data is unchanged


@pytest.mark.parametrize("fmt", ["table", "markdown"])
@pytest.mark.parametrize("args", [["pension"], ["show", FIGURE], ["compare"], ["topics"]])
def test_tables_and_markdown_show_hidden_characters_as_escapes(hidden_base, fmt, args):
    result = run("--facts", hidden_base, "--lang", "en", *args, "-f", fmt, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert not any(char in result.stdout for char in HIDDEN + "\x1b\x07")
    flowing = "".join(result.stdout.split())
    shown = "Pensions\\u202e\\u2028\\u2029\\xad\\u180e\\ufe0f\\u3164\\U000e0041\\ufff9\\x85\\x9b"
    if fmt == "markdown":  # where a backslash is itself escaped, to be shown as written
        shown = shown.replace("\\", "\\\\")
    assert shown in flowing


@pytest.mark.parametrize("args", [["pension"], ["compare"]])
@pytest.mark.parametrize("width", ["200", "40"])
def test_a_unit_with_hidden_characters_in_a_comparison(sample, tmp_path, args, width):
    assert sample.fact(FIGURE)["unit"] == "people" and "baseline" in sample.fact(FIGURE)  # in the comparisons
    sample.data["units"]["people"]["en"] = f"people{HIDDEN}\x1b[2J"
    path = sample.write(tmp_path)
    result = run("--facts", path, "--lang", "en", *args, env={"COLUMNS": width})
    assert result.exit_code == 0, result.output
    assert not any(char in result.stdout for char in HIDDEN + "\x1b")
    assert "people\\u202e" in "".join(result.stdout.split())


def test_a_topic_title_in_help_is_text_not_markup(sample, tmp_path):
    topic = sample.topic("housing")
    for code in topic["title"]:  # every language but Chinese (where cqmin has more than two)
        topic["title"][code] = (
            "[red]Basic[/red] \\[1] :smile: [link=https://x]y \x1b[2J end\\" if code != "zh" else "改造"
        )
    path = sample.write(tmp_path)
    shown = "[red]Basic[/red] \\[1] :smile: [link=https://x]y \\x1b[2J end\\"
    typed = f"cqmin --facts {path} {topic['id'][:4]}"  # a start only this topic's name has
    for args in (["--help"], [topic["id"], "--help"]):
        result = run("--facts", path, *args, env={"COLUMNS": "200"})
        assert result.exit_code == 0 and "\x1b" not in result.stdout, result.output
        assert re.search(re.escape(shown) + " *[│\n]", result.stdout), result.stdout
        plain = _cqmin("--facts", path, *args, env={**os.environ, "COLUMNS": "200", "TYPER_USE_RICH": "0"})
        assert plain.returncode == 0 and "\x1b" not in plain.stdout, plain.stderr  # Click's help, without Rich
        assert " ".join(shown.split()) + " " in " ".join(plain.stdout.split()) + " ", plain.stdout  # (wrapped at 80)
    for cached in ("0", "1"):  # the fast path, then Typer's
        completion = subprocess.run(
            [str(CQMIN)], capture_output=True, text=True, check=True,
            env={**os.environ, COMPLETE_VAR: "complete_fish", ARGS_VAR: typed,
                 "CQMIN_NO_CACHE": cached},
        )  # fmt: skip
        assert completion.stdout.splitlines() == [f"{topic['id']}\t{topic['title']['zh']} · {shown}"]


MARKDOWN_LABEL = (
    "# [click](https://x.example) ![i](y.png) <b>bold</b> **s** _e_ `c` &lt; ~~d~~ | \\ \\[1] $x^2$"
    " www.evil.example https://evil.example/login phish@evil.example"
)
MARKDOWN_QUOTE = "2022. - "  # before the quote: an ordered list, then a bullet


@pytest.mark.parametrize(
    "args",
    [["pension"], ["show", FIGURE], ["cite", FIGURE], ["export"]],
)
def test_markdown_shows_a_hostile_label_as_written(sample, tmp_path, args):
    """Rendered by markdown-it as GitHub renders Markdown (tables, bare addresses as links): text, never a link,
    a tag or a heading."""
    from html.parser import HTMLParser

    from markdown_it import MarkdownIt

    fact = sample.fact(FIGURE)
    fact["label"]["en"] = MARKDOWN_LABEL
    fact["quote"] = quote = MARKDOWN_QUOTE + fact["quote"]
    result = run("--facts", sample.write(tmp_path), "--lang", "en", *args, "-f", "markdown")
    assert result.exit_code == 0, result.output
    html = MarkdownIt("gfm-like").enable("linkify").render(result.stdout)  # GitHub's: tables, autolinks

    class Reader(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.tags: set[str] = set()
            self.text = ""

        def handle_starttag(self, tag, attrs):
            self.tags.add(tag)

        def handle_data(self, data):
            self.text += data

    reader = Reader()
    reader.feed(html)
    assert not reader.tags & {"a", "img", "b", "em", "code", "s", "del", "h1", "ol"} - (
        {"code"} if args[0] in ("show", "cite") else set()  # the id, in a code span of cqmin's own
    )
    assert MARKDOWN_LABEL in reader.text
    if args[0] in ("show", "cite"):
        assert quote in reader.text


def _on_a_terminal(*args: str) -> str:
    """cqmin's stdout as a terminal shows it: run with a pseudo-terminal for stdout."""
    main, secondary = pty.openpty()
    process = subprocess.Popen([str(CQMIN), *args], stdout=secondary, stderr=subprocess.PIPE)
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # EIO: the process closed its end
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    assert process.wait(timeout=120) == 0, process.stderr.read()
    return b"".join(chunks).decode("utf-8")


@pytest.mark.parametrize("args", [["pension", "-f", "csv"], ["export", "-f", "csv"]])
def test_csv_on_a_terminal_shows_escapes(hidden_base, args):
    out = _on_a_terminal("--facts", hidden_base, *args)
    assert "\x1b]0;title" not in out and "\x1b[2J" not in out and "\u202e" not in out
    assert "\\x1b]0;title\\x07\\x1b[2J" in out


def test_csv_to_a_file_keeps_the_data_exact(hidden_base):
    out = run("--facts", hidden_base, "export", "-f", "csv").stdout
    assert f"Pensions{HIDDEN}\x1b]0;title\x07\x1b[2J end" in out


# ---------------------------------------------------------------- files cqmin writes


@pytest.mark.parametrize("kind", ["fifo", "symlink", "device"])
def test_force_replaces_only_a_regular_file(tmp_path, kind):
    if kind == "fifo":
        target = tmp_path / "pipe"
        os.mkfifo(target)
    elif kind == "symlink":
        target = tmp_path / "link"
        target.symlink_to("/proc/self/fd/1")
    else:
        target = Path("/dev/null")
    before = os.lstat(target)
    result = run("export", "-o", str(target), "--force", "-f", "json")
    assert result.exit_code == 1 and result.stdout == ""
    assert "not a regular file" in result.stderr
    after = os.lstat(target)
    assert stat.S_IFMT(after.st_mode) == stat.S_IFMT(before.st_mode) and after.st_ino == before.st_ino


def _blocked_export_script(ready: int, block: int) -> str:
    """cqmin, with the SQLite export made to stop half-way, on a pipe nobody writes to."""
    return textwrap.dedent(
        f"""
        import os
        import cqmin.formats.sqlite as sqlite
        real = sqlite._write
        def blocked(result, output, path):
            real(result, output, path)
            open(path + "-journal", "w").close()  # as SQLite leaves one mid-transaction
            os.write({ready}, b"x")
            os.read({block}, 1)
        sqlite.RENDERS[sqlite.AllFacts] = blocked
        from cqmin.__main__ import main
        main()
        """
    )


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("appears", ["file", "symlink"])
def test_a_target_that_appears_while_the_export_is_built(tmp_path, appears, force):
    from cqmin import atomic
    from cqmin.errors import CqminError

    target, victim = tmp_path / "out.json", tmp_path / "victim"
    victim.write_text("precious", encoding="utf-8")

    def build(temporary: str) -> None:
        Path(temporary).write_text("export", encoding="utf-8")
        if appears == "file":
            target.write_text("precious", encoding="utf-8")
        else:
            target.symlink_to(victim)

    if force and appears == "file":  # a regular file: --force replaces it, as asked
        atomic.write(str(target), build, force=True)
        assert target.read_text(encoding="utf-8") == "export"
    else:
        with pytest.raises(CqminError, match="already exists" if not force else "symbolic link"):
            atomic.write(str(target), build, force=force)
        assert target.read_text(encoding="utf-8") == "precious" and target.is_symlink() == (appears == "symlink")
    assert victim.read_text(encoding="utf-8") == "precious"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.json", "victim"]


def test_an_export_on_a_file_system_without_hard_links(tmp_path, monkeypatch):
    from cqmin import atomic
    from cqmin.errors import CqminError

    def no_links(*args):
        raise PermissionError(1, "Operation not permitted")  # as FAT or some network file systems answer

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "out.json"
    atomic.write_text(str(target), "export")
    assert target.read_text(encoding="utf-8") == "export"
    with pytest.raises(CqminError, match="already exists"):
        atomic.write_text(str(target), "again")
    assert [path.name for path in tmp_path.iterdir()] == ["out.json"]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_during_a_sqlite_export_leaves_nothing_behind(tmp_path, signum):
    ready_read, ready_write = os.pipe()
    block_read, block_write = os.pipe()
    target = tmp_path / "facts.db"
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            _blocked_export_script(ready_write, block_read),
            "export",
            "-f",
            "sqlite",
            "-o",
            str(target),
        ],
        pass_fds=(ready_write, block_read),
        stderr=subprocess.PIPE,
    )
    os.close(ready_write)
    os.close(block_read)
    assert os.read(ready_read, 1) == b"x"  # blocked in the middle of the export
    assert any(name.startswith(".cqmin-") for name in os.listdir(tmp_path))
    process.send_signal(signum)
    stderr = process.communicate(timeout=120)[1].decode()
    os.close(ready_read)
    os.close(block_write)
    assert process.returncode == (-signal.SIGTERM if signum == signal.SIGTERM else 130)
    assert "Traceback" not in stderr
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("where", ["get_command", "shutdown"])
def test_ctrl_c_outside_the_command(where):
    """A Ctrl-C while Typer builds the command line, or while Python shuts down, exits 130 quietly."""
    if where == "get_command":
        setup = """
import typer.main
def interrupted(*args, **kwargs):
    raise KeyboardInterrupt
typer.main.get_command = interrupted
"""
    else:  # the signal arrives after the command, as the program exits
        setup = """
import atexit, os, signal
atexit.register(lambda: os.kill(os.getpid(), signal.SIGINT))
"""
    code = setup + "\nimport sys\nsys.argv = ['cqmin', '--version']\nfrom cqmin.__main__ import main\nmain()\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr, result.stderr
    assert result.returncode == (130 if where == "get_command" else 0)


# ---------------------------------------------------------------- files cqmin reads


@pytest.mark.parametrize("kind", ["fifo", "zero"])
@pytest.mark.parametrize("option", ["--facts", "--source"])
def test_only_regular_files_are_read(tmp_path, kind, option):
    if kind == "fifo":
        path = str(tmp_path / "pipe")
        os.mkfifo(path)
    else:
        path = "/dev/zero"
    args = ["--facts", path, "pension"] if option == "--facts" else ["validate", "--source", path]
    result = _cqmin(*args)  # the timeout is only a safety net: a FIFO with no writer used to hang here
    assert result.returncode == 1
    assert "not a regular file" in result.stderr and "Traceback" not in result.stderr


def test_huge_columns_are_clamped():
    for columns in ("10000000", "1000000000", "٣٣"):
        result = _cqmin("--help", env={**os.environ, "COLUMNS": columns})
        assert result.returncode == 0, result.stderr
        assert max(len(line) for line in result.stdout.splitlines()) <= 1000


def test_a_terminal_under_twenty_columns_still_shows_values():
    result = run("show", FIGURE, "--lang", "en", env={"COLUMNS": "8"})  # 2550万人
    assert result.exit_code == 0
    assert "25.5 million people" in " ".join(result.stdout.split())


def test_a_huge_unknown_id_is_answered_without_comparing_it(monkeypatch):
    from cqmin import suggest

    monkeypatch.setattr(suggest, "by_spelling", lambda *args: pytest.fail("compared a 100 KB id"))
    result = run("show", "x" * 100_000)
    assert result.exit_code == 1 and "no fact" in result.stderr


# ---------------------------------------------------------------- the cache


@pytest.fixture
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "cqmin"


def _entry(folder: Path) -> Path:
    """The fact base's entry in the cache (a run leaves the command table's beside it)."""
    (entry,) = [path for path in folder.iterdir() if path.name.startswith("facts-")]
    return entry


def test_a_cache_entry_edited_in_place_is_not_served(private_cache, base):
    from cqmin import facts

    facts.load()
    entry = _entry(private_cache)
    data = entry.read_bytes()
    label = base.fact(FIGURE).label["en"]
    assert label != label.upper() and len(label.upper().encode()) == len(label.encode())  # the same size
    assert data.count(label.encode()) >= 1  # (more, where a language added to cqmin shows the English)
    entry.write_bytes(data.replace(label.encode(), label.upper().encode()))
    assert facts.load().fact(FIGURE).label["en"] == label


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_a_cache_entry_that_is_not_a_file(private_cache, base, kind):
    from cqmin import facts

    facts.load()
    entry = _entry(private_cache)
    entry.unlink()
    if kind == "fifo":
        os.mkfifo(entry)
    else:
        entry.symlink_to("/dev/zero")
    result = _cqmin("pension", "--json", env={**os.environ, "XDG_CACHE_HOME": str(private_cache.parent)})
    assert result.returncode == 0 and len(json.loads(result.stdout)) == len(base.facts_of("pension"))


def test_the_cache_never_writes_through_a_planted_link(private_cache, tmp_path):
    from cqmin import cache, facts

    victim = tmp_path / "victim"
    victim.write_text("precious", encoding="utf-8")
    private_cache.mkdir(parents=True)
    name = cache.file_of(facts.KIND, facts.Source(None).cache_name)
    for pid in range(os.getpid() - 5, os.getpid() + 5):  # the temporary names it used to use
        os.symlink(victim, f"{name}.{pid}.tmp")
    facts.load()
    assert victim.read_text(encoding="utf-8") == "precious"


def test_a_bundled_base_edited_without_changing_size_or_time(sample, tmp_path, private_cache, monkeypatch):
    """The package's own facts.toml (here the sample base, in a stand-in package) is checked by content too."""
    import importlib.resources

    from cqmin import facts

    monkeypatch.delenv(facts.ENV_VAR)  # the bundled base, not the sample the tests name
    package = tmp_path / "package"
    package.mkdir()
    bundled = package / "facts.toml"
    bundled.write_text(sample.toml(), encoding="utf-8")
    monkeypatch.setattr(importlib.resources, "files", lambda name: package)
    label = sample.fact(FIGURE)["label"]["en"]
    assert facts.load().fact(FIGURE).label["en"] == label
    status = os.stat(bundled)
    sample.fact(FIGURE)["label"]["en"] = edited = label[:-1] + "z"
    assert label[-1] != "z" and sample.toml().count(edited) == 1
    bundled.write_text(sample.toml(), encoding="utf-8")
    os.utime(bundled, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert os.stat(bundled).st_size == status.st_size
    assert facts.load().fact(FIGURE).label["en"] == edited


def _same_crc32(original: bytes, edited: bytes, at: int) -> bytes:
    """`edited` with its 4 bytes at `at` chosen so that its CRC-32 is `original`'s (CRC-32 is affine: solvable)."""
    import zlib

    target = zlib.crc32(original) ^ zlib.crc32(edited)
    columns = []  # what flipping each of the 32 bits does to the CRC-32
    for bit in range(32):
        flipped = bytearray(edited)
        flipped[at + bit // 8] ^= 1 << (bit % 8)
        columns.append(zlib.crc32(bytes(flipped)) ^ zlib.crc32(edited))
    rows = [(column, 1 << bit) for bit, column in enumerate(columns)]  # Gaussian elimination over GF(2)
    basis: dict[int, tuple[int, int]] = {}
    for value, mask in rows:
        for high in sorted(basis, reverse=True):
            if value >> high & 1:
                value, mask = value ^ basis[high][0], mask ^ basis[high][1]
        if value:
            basis[value.bit_length() - 1] = (value, mask)
    flips = 0
    for high in sorted(basis, reverse=True):
        if target >> high & 1:
            target, flips = target ^ basis[high][0], flips ^ basis[high][1]
    assert target == 0
    forged = bytearray(edited)
    for bit in range(32):
        if flips >> bit & 1:
            forged[at + bit // 8] ^= 1 << (bit % 8)
    return bytes(forged)


def test_an_edit_that_keeps_size_and_crc32_is_still_seen(sample, tmp_path, private_cache):
    import zlib

    original = sample.toml().encode("utf-8") + b"# ....\n"
    path = tmp_path / "facts.toml"
    path.write_bytes(original)
    environ = {**os.environ, "XDG_CACHE_HOME": str(private_cache.parent)}
    label = sample.fact(FIGURE)["label"]["en"].encode("utf-8")
    assert label.decode() in _cqmin("--facts", str(path), "pension", "--json", env=environ).stdout
    assert original.count(label) >= 1 and not label.endswith(b"z")
    edited = original.replace(label, label[:-1] + b"z")
    forged = _same_crc32(original, edited, len(edited) - 5)
    assert zlib.crc32(forged) == zlib.crc32(original) and len(forged) == len(original)
    path.write_bytes(forged)
    uncached = _cqmin("--facts", str(path), "pension", "--json", env={**os.environ, "CQMIN_NO_CACHE": "1"})
    cached = _cqmin(
        "--facts", str(path), "pension", "--json", env={**os.environ, "XDG_CACHE_HOME": str(private_cache.parent)}
    )
    assert uncached.returncode == 1 and "UTF-8" in uncached.stderr  # the forged bytes
    assert (cached.returncode, cached.stdout, cached.stderr) == (uncached.returncode, uncached.stdout, uncached.stderr)


def _planted(private_cache, label: str, value=None) -> str:
    """A sound entry for the base in use (CQMIN_FACTS), its first fact changed (what another user could have
    written); its id."""
    import marshal

    from cqmin import cache, cache_store, facts, packed

    assert _cqmin("pension", "--json", env={**os.environ, "XDG_CACHE_HOME": str(private_cache.parent)}).returncode == 0
    source = facts.Source(None)
    key, parts = cache.read(facts.KIND, source.cache_name)  # the entry the command line wrote
    entry = {name: cache.part(parts, name) for name in parts.names()}
    topic = packed.FACTS + entry["core"]["fact_topics"][0]
    fact_id, (place, data) = next(iter(entry[topic].items()))  # (the base's first fact)
    first = list(marshal.loads(data))
    first[2] = {**first[2], "en": label}
    if value is not None:
        first[3] = value
    entry[topic][fact_id] = (place, marshal.dumps(tuple(first)))
    cache_store.write(facts.KIND, source.cache_name, key, entry)
    return fact_id


def _label(private_cache, fact_id: str) -> str:
    """A fact's English label, as cqmin shows it with this cache."""
    result = _cqmin("show", fact_id, "--json", env={**os.environ, "XDG_CACHE_HOME": str(private_cache.parent)})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)[0]["label"]["en"]


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX owners and modes")
def test_a_cache_entry_another_user_could_have_written_is_ignored(private_cache):
    fact_id = _planted(private_cache, "Planted")
    assert _label(private_cache, fact_id) == "Planted"  # the plant works while only its owner can write it
    _planted(private_cache, "Planted")
    _entry(private_cache).chmod(0o664)
    assert _label(private_cache, fact_id) != "Planted"


@pytest.mark.parametrize("value", [float("nan"), float("inf"), "25500000", True])
def test_a_cache_entry_with_a_figure_that_is_not_one_is_rebuilt(private_cache, value):
    fact_id = _planted(private_cache, "Planted", value)
    assert _label(private_cache, fact_id) != "Planted"


@pytest.mark.parametrize("signal_", [KeyboardInterrupt, SystemExit])
def test_an_interrupted_cache_write_leaves_no_temporary_file(private_cache, monkeypatch, signal_):
    from cqmin import cache_store

    def interrupted(*args):
        raise signal_

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(signal_):
        cache_store.write("facts", "x", {}, {"base": {}})
    assert os.listdir(private_cache) == []


def test_a_cache_key_pointing_at_a_fifo_is_not_read(private_cache, base, tmp_path):
    from cqmin import cache, cache_store, facts

    facts.load()
    source = facts.Source(None)
    key, parts = cache.read(facts.KIND, source.cache_name)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    cache_store.rekeyed(facts.KIND, source.cache_name, {**key, "path": str(fifo)}, parts)
    result = _cqmin("pension", "--json", env={**os.environ, "XDG_CACHE_HOME": str(private_cache.parent)})
    assert result.returncode == 0 and len(json.loads(result.stdout)) == len(base.facts_of("pension"))


def test_the_unsafe_class_covers_every_invisible_character_this_python_knows():
    import unicodedata

    from cqmin.render import safe

    invisible = [
        chr(code) for code in range(0x110000) if unicodedata.category(chr(code)) in ("Cc", "Cf", "Zl", "Zp", "Cs")
    ]
    invisible += [chr(code) for code in (*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0), 0x115F, 0x3164, 0xFFA0)]
    assert [f"U+{ord(char):04X}" for char in invisible if not safe.unsafe(char)] == []
    assert not any(safe.unsafe(char) for char in "aZ9 ~养老，（）“”—·é中😀")


def test_no_text_holding_an_unsafe_character_is_passed_as_plain():
    """safe._plain spares most text the pattern; it may say "look" wrongly, never "plain" wrongly."""
    from cqmin.render import safe

    pattern = safe._UNSAFE
    missed = [f"U+{code:04X}" for code in range(0x110000) if pattern.fullmatch(chr(code)) and safe._plain(chr(code))]
    assert missed == []
    assert safe._plain("养老保险 2550万人，“近”—é😀") and not safe._plain("a\u202eb") and not safe._plain("x\U000e0041")
    assert safe.clean("a\u202eb") == "a\\u202eb" and safe.json_escaped('[\n  "\u2028"\n]') == '[\n  "\\u2028"\n]'


# ---------------------------------------------------------------- round 2: figures validate let through wrongly


def with_fact(sample, tmp_path, units: dict | None = None, **fields) -> str:
    """The sample base and one more fact of the pension topic, "pension.zz", with these fields changed (None: left
    out) and these units added; written to tmp_path."""
    fact = {
        "id": "pension.zz", "topic": "pension", "label": {"zh": "测试", "en": "Test"}, "value": 2000,
        "unit": "people", "stated": "2000人", "qualifier": "exact", "kind": "achieved",
        "as_of": "2022-09", "speaker": sample.fact(FIGURE)["speaker"], "quote": "已有2000人参保",
    }  # fmt: skip
    fact.update(fields)
    sample.facts.append({key: value for key, value in fact.items() if value is not None})
    sample.data["units"].update(units or {})
    return sample.write(tmp_path)


def accepted(path: str) -> None:
    result = run("validate", path)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"value": 500000, "stated": "50万人", "quote": "参保人数达到2550万人"}, "as a whole number"),
        ({"value": 2550, "stated": "2550", "quote": "参保人数达到2550万人"}, "as a whole number"),
        ({"value": 25500000, "stated": "2550万人", "quote": "参保人数超2550万人"}, "the quote says '超'"),
        ({"value": 25500000, "stated": "2550万人", "quote": "参保人数2550万人以上"}, "the quote says '以上'"),
        ({"value": 2005, "stated": "两千五人", "quote": "已有两千五人参保"}, "reads 2500"),
        ({"value": 3, "stated": "一二三人", "quote": "已有一二三人参保"}, "is not a number"),
        ({"stated": "全国第二", "value": 2, "quote": "居全国第二"}, "a place in a ranking"),
        ({"unit": "rank", "stated": "500", "value": 500, "quote": "共建成500个"}, "not a place in a ranking"),
        (
            {
                "value": 30000,
                "high": 50000,
                "qualifier": "range",
                "stated": "3—5万人",
                "quote": "已有3—5万人",
                "baseline": {"value": 10000, "as_of": "2017", "derived": False},
            },
            "a range has no one figure",
        ),
        ({"label": {"zh": "测试", "en": "a" * 1001}}, "at most 1,000"),
    ],
)
def test_what_the_article_does_not_say_is_refused(sample, tmp_path, fields, message):
    refused(with_fact(sample, tmp_path, **fields), message)


@pytest.mark.parametrize(
    ("units", "fields"),
    [
        (
            {"projects": factbases.texts("个", "projects")},
            {"value": 5, "stated": "5个", "unit": "projects", "kind": "target", "quote": "已建成15个，计划再建5个"},
        ),
        (
            {"households": factbases.texts("户", "households")},
            {"value": 50000, "stated": "5万户", "unit": "households", "quote": "已累计帮扶计划生育特殊家庭5万户"},
        ),
        ({}, {"value": 2500, "stated": "两千五人", "quote": "已有两千五人参保"}),
        ({}, {"value": 1005, "stated": "一千零五人", "quote": "已有一千零五人参保"}),
    ],
)
def test_what_the_article_says_is_accepted(sample, tmp_path, units, fields):
    accepted(with_fact(sample, tmp_path, units, **fields))


def test_a_bounded_figure_compares_with_its_bound(sample, tmp_path):
    path = with_fact(
        sample, tmp_path, value=25500000, stated="超2550万人", qualifier="more_than",
        quote="已超2550万人参保，2017年末为2082万人",
        baseline={"value": 20820000, "as_of": "2017-12", "derived": False},
    )  # fmt: skip
    accepted(path)
    flowing = " ".join(run("--facts", path, "--lang", "en", "compare", env={"COLUMNS": "200"}).stdout.split())
    assert "Test [pension]: >+4.68 million people, >+22.48%, >+4.36% a year" in flowing
    assert "now Sep 2022 more than 25.5 million people" in flowing
    zh = " ".join(run("--facts", path, "--lang", "zh", "compare", env={"COLUMNS": "200"}).stdout.split())
    assert "现在 2022年9月 超2550万人" in zh and ">+468万人" in zh


def test_a_rank_and_a_change_from_below_zero_have_no_percent(sample, tmp_path):
    (tmp_path / "rank").mkdir()
    rank = with_fact(
        sample.copy(), tmp_path / "rank", value=3, stated="全国第3位", unit="rank",
        quote="由2017年的全国第10位升至全国第3位", baseline={"value": 10, "as_of": "2017", "derived": False},
    )  # fmt: skip
    (tmp_path / "negative").mkdir()
    negative = with_fact(sample.copy(), tmp_path / "negative", value=5, stated="5人", quote="由2017年的-10人到已有5人",
                         baseline={"value": -10, "as_of": "2017", "derived": False})  # fmt: skip
    for path, absolute in ((rank, -7), (negative, 15)):
        accepted(path)
        record = json.loads(run("--facts", path, "show", "pension.zz", "--json").stdout)[0]
        assert record["change"] == {"absolute": absolute, "percent": None, "annual_percent": None}


@pytest.mark.parametrize(
    ("stated", "value", "high", "qualifier", "shown"),
    [("第3—5位", 3, 5, "range", "No. 3–5"), ("约第3位", 3, None, "approx", "about No. 3"),
     ("第3位以内", 3, None, "at_most", "≤ No. 3")],
)  # fmt: skip
def test_a_rank_in_english_keeps_its_qualifier(sample, tmp_path, stated, value, high, qualifier, shown):
    path = with_fact(sample, tmp_path, value=value, high=high, stated=stated, unit="rank", qualifier=qualifier,
                     quote=f"居全国{stated}")  # fmt: skip
    accepted(path)
    assert shown in run("--facts", path, "--lang", "en", "show", "pension.zz").stdout


def test_a_target_as_a_headline_is_marked(sample, tmp_path):
    sample.topic("pension")["headline"] = "pension.zz"
    path = with_fact(sample, tmp_path, kind="target", quote="力争2000人参保", as_of="2023/2027")
    accepted(path)
    for fmt in ("table", "markdown"):
        assert "2,000 people (target)" in run("--facts", path, "--lang", "en", "topics", "-f", fmt).stdout


def test_whole_numbers_are_written_whole_and_small_ones_plainly(sample, tmp_path):
    path = with_fact(sample, tmp_path, value=2.0e3, quote="由2017年的0.000001人到已有2000人参保",
                     baseline={"value": 0.000001, "as_of": "2017", "derived": False})  # fmt: skip
    assert "\nvalue = 2000.0\n" in Path(path).read_text(encoding="utf-8")  # a float in the file
    accepted(path)
    assert run("--facts", path, "show", "pension.zz", "--fields", "value", "-f", "tsv").stdout == "2000\n"
    assert run("--facts", path, "show", "pension.zz", "--fields", "baseline.value", "-f", "tsv").stdout == "0.000001\n"
    assert '"value": 2000,' in run("--facts", path, "show", "pension.zz", "--json").stdout
    percent = run("--facts", path, "show", "pension.zz", "--fields", "change.percent", "-f", "tsv").stdout
    assert percent == "199999999900\n"


def test_a_byte_order_mark_is_accepted(sample, tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + sample.toml().encode("utf-8"))
    accepted(str(path))


def test_a_citation_without_author_has_no_empty_author(sample, tmp_path):
    from pybtex.database import parse_string

    for event in sample.data["events"]:
        del event["organizer"]
    path = sample.write(tmp_path)
    accepted(path)
    infographic = next(fact for fact in facts_of(path) if fact["source"]["speaker"] is None)["id"]
    out = run("--facts", path, "cite", infographic, "-s", "bibtex").stdout
    assert "author" not in out
    assert list(parse_string(out, "bibtex").entries) == [f"cqmin:{infographic}"]


def facts_of(path: str) -> list[dict]:
    return json.loads(run("--facts", path, "export", "-f", "json").stdout)


@pytest.mark.parametrize(
    "args",
    [["export", "-o", "\x1b[31mR\u202eX.xyz"], ["pension", "--fields", "\x1b[31mR\u202eX"],
     ["compare", "\x1b[31mR\u202eX"], ["--\x1b[31mR\u202eX"]],
)  # fmt: skip
def test_a_usage_error_quotes_the_command_line_literally(args):
    result = run(*args)
    assert result.exit_code == 2 and "\\x1b[31mR\\u202eX" in result.stderr
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr


def test_an_empty_output_path_is_a_usage_error():
    result = run("export", "-o", "")
    assert result.exit_code == 2 and "an empty path" in result.stderr


def test_a_lazy_pattern_compiles_once_and_only_when_used():
    import copy

    from cqmin.patterns import LazyPattern

    pattern = LazyPattern("[a-z]+")
    assert pattern._compiled is None and pattern.findall("ab 12 cd") == ["ab", "cd"]
    compiled = pattern._compiled
    assert pattern.sub("x", "ab1") == "x1" and pattern._compiled is compiled
    assert copy.copy(LazyPattern("a")).findall("aa") == ["a", "a"]  # (a copy has no _compiled yet: no recursion)
