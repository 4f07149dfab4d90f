"""Property-based tests: no command line crashes, no edit of a fact base crashes the validator,
`validate` is the gate for every command, and every number cqmin writes reads back as the value
it wrote. Derandomized, bounded budgets. The bases edited are the tests' sample (tests/factbases.py)."""

import json
import re
from decimal import Decimal

import factbases
import pytest
from conftest import runner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cqmin import fact_file, facts, languages, numerals, periods
from cqmin.cli.app import app

BUDGET = settings(
    derandomize=True, max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)

# ---------------------------------------------------------------- random command lines

SAMPLE = factbases.sample()  # the base every test runs on (CQMIN_FACTS), and the one edited below
TOPIC_IDS = [topic["id"] for topic in SAMPLE.data["topics"]]
FACT_ID = SAMPLE.ids()[0]
COMMANDS = ["", "topics", *TOPIC_IDS, "compare", "show", "search", "sources", "export", "validate", "nosuch"]
WORDS = st.one_of(
    st.sampled_from([*SAMPLE.ids()[:2], "pension.", "养老", "dibao", "-", "--", ""]),
    st.text(max_size=12),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=8),
)
VALUES = {
    "--format": st.sampled_from(["table", "json", "ndjson", "csv", "tsv", "markdown", "sqlite", "text", "XML", ""]),
    "--lang": st.sampled_from(["auto", "zh", "en", "EN", "fr", ""]),
    "--kind": st.sampled_from(["achieved", "target", "all", "none"]),
    "--topic": st.sampled_from([*TOPIC_IDS, "nosuch", ""]),
    "--facts": st.sampled_from(["/nonexistent/facts.toml", "/", "."]),
    "--source": st.sampled_from(["/nonexistent/article.txt"]),
    "--fields": st.sampled_from(["value", "id,baseline.value", "nosuch", "", ","]),
}
FLAGS = ["--json", "--force", "--help", "--version", "-V", "--kind", "--format", "--nosuch", "--ids"]


@st.composite
def command_lines(draw) -> list[str]:
    argv: list[str] = []
    for _ in range(draw(st.integers(0, 2))):  # options before the command
        option = draw(st.sampled_from(["--lang", "--format", "--facts"]))
        argv += [option, draw(VALUES[option])]
    command = draw(st.sampled_from(COMMANDS))
    if command:
        argv.append(command)
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.integers(0, 2))
        if kind == 0:
            argv.append(draw(WORDS))
        elif kind == 1:
            argv.append(draw(st.sampled_from(FLAGS)))
        else:
            option = draw(st.sampled_from(sorted(VALUES)))
            argv += [option, draw(VALUES[option])]
    return argv


@pytest.mark.slow
@BUDGET
@given(command_lines())
def test_random_command_lines_exit_0_1_or_2_without_a_traceback(argv):
    result = runner.invoke(app, argv, prog_name="cqmin", env={"COLUMNS": "60"})
    assert result.exit_code in (0, 1, 2), (argv, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (argv, result.exception)
    assert "Traceback" not in result.output


# ---------------------------------------------------------------- random edits of a fact base

LITERALS = st.sampled_from(
    [
        '""', '"  "', '"odd \\u001b[2J text"', '"[bold]x[/bold]"', "123456789012345678901234567890", "-0", "1e400",
        "nan", "inf", "true", "[1, 2]", "{ a = 1 }", "[]", '"2022-02-30"', '"2017/2012"', "'literal'", "1979-05-27",
        '"超千亿元"', '"3—5个"', "0.1", '"2550万 − 468万"', "-25500000",
    ]
)  # fmt: skip
TEXT = SAMPLE.toml()
LINES = TEXT.split("\n")
KEY_LINES = [number for number, line in enumerate(LINES) if re.match(r"[a-z_]+ = ", line)]
FACT_BLOCKS = [match.start() for match in re.finditer(r"(?m)^\[\[facts\]\]", TEXT)]


@st.composite
def edited_bases(draw) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 3))):
        edit = draw(st.integers(0, 3))
        if edit == 0:  # delete a key
            del lines[draw(st.sampled_from(KEY_LINES)) % len(lines)]
        elif edit == 1:  # give a key an odd value
            number = draw(st.sampled_from(KEY_LINES)) % len(lines)
            key = lines[number].split(" = ")[0] if " = " in lines[number] else "x"
            lines[number] = f"{key} = {draw(LITERALS)}"
        elif edit == 2:  # insert a line of anything
            lines.insert(draw(st.integers(0, len(lines))), draw(st.text(max_size=30)))
        else:  # duplicate a whole fact table
            text = "\n".join(lines)
            start = draw(st.sampled_from(FACT_BLOCKS))
            end = text.find("[[facts]]", start + 1)
            block = text[start : end if end > 0 else len(text)]
            lines = (text + "\n" + block).split("\n")
    return "\n".join(lines)


@pytest.mark.slow
@BUDGET
@given(edited_bases())
def test_random_edits_are_problems_never_crashes(text):
    content = text.encode("utf-8", "surrogatepass")
    source = facts.Source("edited.toml")
    try:
        data, problems, _ = fact_file.check(content, source)
    except fact_file.InvalidFactBase as error:  # unreadable: syntax, encoding, nesting
        assert error.problems
        return
    assert all(problem.file == "edited.toml" and problem.message for problem in problems)
    if not problems:  # sound after all: it must build into records
        from cqmin.build import build

        assert all(fact.id and fact.unit for fact in build(data, "edited.toml").facts)


# ---------------------------------------------------------------- validate is the gate

ODD = st.sampled_from(
    [
        "nan", "inf", "-inf", "1e-310", "1e300", "0", "-0.0", "0.000001", "999999999999999", "1" + "0" * 400, "-1",
        '"0001-01"', '"9999-12"', '"9999-12-31"', '"0001-01-01"', '"2022-02-29"', '"٢٠٢٢-٠٩"', '"２０２２"',
        '"\\u202eevil"', '"\\u2028"', '"\\u001b[2J"', '"\\U000e0041"', '"a\\u0301"', '"[bold]x[/]"', '""',
        '"   "', "true", "[]", "{}", '{ zh = "x", en = "y" }', '{ zh = "x" }', '"超千亿元"', '"3—5个"', '"56:44"',
        '"2550万 − 468万"', '"717 ÷ (1 + 1.2)"', '"((((1))))"', '"achieved"', '"target"', '"range"', '"share"',
        f'"{TOPIC_IDS[0]}"', f'"{SAMPLE.data["speakers"][0]["id"]}"', f'"{SAMPLE.facts[0]["unit"]}"',
        f'"{SAMPLE.data["events"][0]["id"]}"', '"nosuch"',
    ]
)  # fmt: skip


# Edits a sound base stays sound under, at the edges: hostile text in every text field, figures
# at the limits of what cqmin holds, baselines a day or centuries before, dates at the calendar's ends.
HOSTILE_TEXT = st.sampled_from(
    ["\\u202eevil", "a\\u2028b", "\\u001b[2J\\u001b]0;t\\u0007", "\\U000e0041\\ufe0f\\u3164", "[bold]x[/]",
     "a\\u0301\\u0301", "' $(touch x) `x` %F{red}", "\\u00ad\\u180e\\ufff9", "x" * 300, "中文，（）“”"]
)  # fmt: skip
TEXT_LINES = [
    number
    for number, line in enumerate(LINES)
    if re.match(r"(label|title|summary|name|role|department|place|organizer|article) = \{", line)
]
STATED_BASELINES = [
    number for number, line in enumerate(LINES) if line.startswith("baseline = ") and "derived = false" in line
]
TARGET_DATES = [  # of plans whose quote names no date (one that does holds as_of to it)
    number
    for number, line in enumerate(LINES)
    if line.startswith("as_of = ")
    and 'kind = "target"' in LINES[number - 1]
    and not periods.said(next(line for line in LINES[number:] if line.startswith("quote = ")), "2023-06-15")
]


def sound_edit(draw, lines: list[str]) -> None:
    edit = draw(st.integers(0, 3))
    if edit == 0:  # hostile text, in whichever language
        number = draw(st.sampled_from(TEXT_LINES))
        key, rest = lines[number].split(" = ", 1)
        code = draw(st.sampled_from(["zh", "en"]))
        hostile = draw(HOSTILE_TEXT)
        lines[number] = f"{key} = " + re.sub(rf'{code} = "[^"]*"', lambda _: f'{code} = "{hostile}"', rest, count=1)
    elif edit == 1:  # a stated baseline at the limits (the quote stating it too), and a day, or centuries, before
        number = draw(st.sampled_from(STATED_BASELINES))
        value, written = draw(st.sampled_from([("0.000001", "0.000001"), ("999999999999999", "999999999999999"),
                                                ("0", "0"), ("-5", "-5"), ("1e14", "100000000000000"),
                                                ("0.5", "0.5")]))  # fmt: skip
        as_of = draw(st.sampled_from(['""', '"0001"', '"1900-01-01"', '"2022-09-29"', '"2022-10-18"']))
        lines[number] = f"baseline = {{ value = {value}, as_of = {as_of}, derived = false }}"
        quote = next(line for line in reversed(lines[:number]) if line.startswith("quote = "))
        where = lines[:number].index(quote) if quote in lines[:number] else None
        lines[where] = quote[:-1] + f'，此前为{written}"'
    elif edit == 2:  # a plan's period at the calendar's end
        number = draw(st.sampled_from(TARGET_DATES))
        period = draw(st.sampled_from(["9999", "9999-12", "9999-12-31", "2023/9999", ""]))
        lines[number] = f'as_of = "{period}"'
    else:  # a press conference at the far end of time (another: the figures' own dates are read against theirs)
        lines += ["", "[[events]]", 'id = "far-end"', 'title = { zh = "远", en = "Far" }', 'date = "9999-12-31"',
                  'place = { zh = "远", en = "Far" }']  # fmt: skip


@st.composite
def mutated_bases(draw) -> tuple[bool, str]:
    """(sound, text): the sample base with edits it stays sound under, or with odd ones that mostly break it."""
    lines = list(LINES)
    sound = draw(st.booleans())
    for _ in range(draw(st.integers(1, 3))):
        if sound:
            sound_edit(draw, lines)
            continue
        edit = draw(st.integers(0, 3))
        number = draw(st.sampled_from(KEY_LINES)) % len(lines)
        key = lines[number].split(" = ")[0] if " = " in lines[number] else "x"
        if edit == 0:
            lines[number] = f"{key} = {draw(ODD)}"
        elif edit == 1:
            del lines[number]
        elif edit == 2:
            extra = draw(st.sampled_from(["extra", "high", "event", "baseline", "measure"]))
            lines.insert(number, f"{extra} = {draw(ODD)}")
        else:  # a value inside an inline table
            lines[number] = re.sub(r"(\w+) = [^,}]+", lambda m: f"{m.group(1)} = {draw(ODD)}", lines[number], count=1)
    return sound, "\n".join(lines)


def _strict(text: str):
    def refuse(constant):
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


FORMATS = ["table", "json", "ndjson", "csv", "tsv", "markdown"]


def _every_command() -> list[list[str]]:
    commands = [[topic, "-f", fmt] for topic in TOPIC_IDS for fmt in FORMATS]
    commands += [[name, "-f", fmt] for name in ("compare", "sources", "topics") for fmt in FORMATS]
    commands += [["search", "养老", "-f", fmt] for fmt in FORMATS] + [["search", "pension", "-f", "json"]]
    commands += [["show", FACT_ID, "-f", fmt] for fmt in FORMATS]
    commands += [["export", "-f", fmt] for fmt in ("json", "ndjson", "csv", "tsv", "markdown")]
    return commands


@pytest.mark.slow
@settings(derandomize=True, max_examples=40, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])  # fmt: skip
@given(mutated_bases())
def test_validate_is_the_gate(tmp_path_factory, mutated):
    """Either validate reports problems and every command refuses the base, or every command shows it."""
    sound, text = mutated
    path = tmp_path_factory.mktemp("gate") / "facts.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    checked = runner.invoke(app, ["validate", str(path)], prog_name="cqmin")
    assert checked.exit_code in (0, 1) and "unexpected" not in checked.output, checked.output
    assert checked.exit_code == 0 or not sound, checked.output  # edits at the edges are still sound
    for args in _every_command():
        result = runner.invoke(app, ["--facts", str(path), "--lang", "en", *args], prog_name="cqmin")
        assert "unexpected" not in result.output and "Traceback" not in result.output, (args, result.output)
        if checked.exit_code == 1:
            assert result.exit_code == 1 and result.stdout == "", (args, result.output)
            continue
        # a sound base: shown, except where a filter or a search honestly finds nothing (exit 1, grep's rule)
        assert result.exit_code == 0 or (result.exit_code == 1 and "no " in result.stderr), (args, result.output)
        if "json" in args:
            _strict(result.stdout)
        elif "ndjson" in args:
            for line in result.stdout.splitlines():
                _strict(line)


# ---------------------------------------------------------------- numbers read back

AMOUNTS = st.one_of(
    st.integers(0, 10**15 - 1),  # every figure validate accepts
    st.integers(0, 10**9).map(lambda cents: cents / 100),
    st.sampled_from([25_500_000, 100_000_000_000, 91_860_000, 775_700, 16_000, 33_803, 1.73, 325.91,
                     123_456_789_012_345, 1_000_000_001, 250_000_000.0]),
)  # fmt: skip


def read_en(text: str) -> Decimal:
    """The inverse of numbers.number_en: '25.5 million' -> 25500000."""
    scale = {"million": 10**6, "billion": 10**9}
    number, _, word = text.partition(" ")
    return Decimal(number.replace(",", "")) * scale.get(word, 1)


ZH, EN = languages.get("zh"), languages.get("en")


@BUDGET
@given(AMOUNTS)
def test_chinese_numbers_read_back(value):
    assert numerals.read_stated(ZH.number(value)).value == Decimal(repr(value))  # exactly: a figure is never rounded


@BUDGET
@given(AMOUNTS)
def test_english_numbers_read_back(value):
    assert read_en(EN.number(value)) == Decimal(repr(value))


QUALIFIER_WORDS = {"about ": "approx", "more than ": "more_than", "≥ ": "at_least", "≤ ": "at_most"}


@BUDGET
@given(AMOUNTS, st.sampled_from(["exact", "approx", "more_than", "at_least", "at_most", "range"]))
def test_english_figures_read_back_with_their_qualifier(value, qualifier):
    from cqmin.domain import Kind, Measure, Qualifier
    from cqmin.model import Fact, Unit

    high = value + 5 if qualifier == "range" else None
    unit = Unit("people", {"zh": "人", "en": "people"}, Measure.COUNT)
    fact = Fact(
        "t.x", "t", {}, value, high, unit, "", Qualifier(qualifier), Kind.ACHIEVED, None, None, None, "e", None, ""
    )
    text = EN.figure(fact)
    assert text.endswith(" people")
    body = text.removesuffix(" people")
    read = "exact"
    for words, name in QUALIFIER_WORDS.items():
        if body.startswith(words):
            body, read = body.removeprefix(words), name
    if qualifier == "range":
        low, high_text = body.split("–")
        assert (read_en(low), read_en(high_text)) == (Decimal(repr(value)), Decimal(repr(high)))
    else:
        assert read == qualifier
        assert read_en(body) == Decimal(repr(value))


MARKUP_PIECES = ["[", "]", "/", "\\", ":", "a", "b", " ", "smile", "x-emoji", "-text", "1", "=", "@", "#", "i"]


@BUDGET
@given(st.lists(st.sampled_from(MARKUP_PIECES), max_size=14).map("".join))
def test_escaped_markup_reads_back_as_the_text(value):
    from rich.text import Text

    from cqmin.render.markup import markup_escaped

    for after in ("", "\n\n[bold]Its figures[/bold]", " · "):  # as in a topic's help and the list of commands
        shown = Text.from_markup(markup_escaped(value) + after, emoji=True).plain  # emoji codes, as Typer reads
        assert shown == value + after.replace("[bold]", "").replace("[/bold]", "")
