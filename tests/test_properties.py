"""Property-based tests: no command line crashes, no edit of facts.toml crashes the validator,
and every number cqmin writes reads back as the value it wrote. Derandomized, bounded budgets."""

import re

from conftest import bundled_text, runner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cqmin import contract, facts, numbers, numerals
from cqmin.cli import TOPICS, app

BUDGET = settings(
    derandomize=True, max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)

# ---------------------------------------------------------------- random command lines

TOPIC_IDS = [topic_id for topic_id, _, _ in TOPICS]
COMMANDS = ["", "topics", *TOPIC_IDS, "compare", "show", "search", "sources", "export", "validate", "nosuch"]
WORDS = st.one_of(
    st.sampled_from(["pension.pension-insured", "pension.", "养老", "dibao", "insurance.insured", "-", "--", ""]),
    st.text(max_size=12),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=8),
)
VALUES = {
    "--format": st.sampled_from(["table", "json", "ndjson", "csv", "markdown", "sqlite", "text", "xml", ""]),
    "--lang": st.sampled_from(["auto", "zh", "en", "fr", ""]),
    "--kind": st.sampled_from(["achieved", "target", "all", "none"]),
    "--topic": st.sampled_from([*TOPIC_IDS, "nosuch", ""]),
    "--facts": st.sampled_from(["/nonexistent/facts.toml", "/", "."]),
    "--source": st.sampled_from(["/nonexistent/article.txt"]),
}
FLAGS = ["--json", "--force", "--help", "--version", "-V", "--kind", "--format", "--nosuch"]


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


@BUDGET
@given(command_lines())
def test_random_command_lines_exit_0_1_or_2_without_a_traceback(argv):
    result = runner.invoke(app, argv, prog_name="cqmin", env={"COLUMNS": "60"})
    assert result.exit_code in (0, 1, 2), (argv, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (argv, result.exception)
    assert "Traceback" not in result.output


# ---------------------------------------------------------------- random edits of facts.toml

LITERALS = st.sampled_from(
    [
        '""', '"  "', '"odd \\u001b[2J text"', '"[bold]x[/bold]"', "123456789012345678901234567890", "-0", "1e400",
        "nan", "inf", "true", "[1, 2]", "{ a = 1 }", "[]", '"2022-02-30"', '"2017/2012"', "'literal'", "1979-05-27",
        '"超千亿元"', '"3—5个"', "0.1", '"2550万 − 468万"', "-25500000",
    ]
)  # fmt: skip
TEXT = bundled_text()
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


@BUDGET
@given(edited_bases())
def test_random_edits_are_problems_never_crashes(text):
    content = text.encode("utf-8", "surrogatepass")
    try:
        data, problems = facts.check(content, "edited.toml")
    except facts.InvalidFactBase as error:  # unreadable: syntax, encoding, nesting
        assert error.problems
        return
    assert all(isinstance(problem, str) and problem.startswith("edited.toml") for problem in problems)
    if not problems:  # sound after all: it must compile into contract records
        compiled = contract.compile_base(data)
        assert all(set(fact) >= {"id", "value", "change"} for fact in compiled["facts"])


# ---------------------------------------------------------------- numbers read back

AMOUNTS = st.one_of(
    st.integers(0, 10**13),
    st.integers(0, 10**9).map(lambda cents: cents / 100),
    st.sampled_from([25_500_000, 100_000_000_000, 91_860_000, 775_700, 16_000, 33_803, 1.73, 325.91]),
)


def read_en(text: str) -> float:
    """The inverse of numbers.number_en: '25.5 million' -> 25500000."""
    scale = {"million": 1e6, "billion": 1e9}
    number, _, word = text.partition(" ")
    return float(number.replace(",", "")) * scale.get(word, 1)


@BUDGET
@given(AMOUNTS)
def test_chinese_numbers_read_back(value):
    reading = numerals.read_stated(numbers.number_zh(value))
    assert abs(float(reading.value) - value) <= 1e-9 * max(1, value)


@BUDGET
@given(AMOUNTS)
def test_english_numbers_read_back(value):
    assert abs(read_en(numbers.number_en(value)) - value) <= 1e-9 * max(1, value)


QUALIFIER_WORDS = {"about ": "approx", "more than ": "more_than", "≥ ": "at_least", "≤ ": "at_most"}


@BUDGET
@given(AMOUNTS, st.sampled_from(["exact", "approx", "more_than", "at_least", "at_most", "range"]))
def test_english_figures_read_back_with_their_qualifier(value, qualifier):
    unit = {"zh": "人", "en": "people"}
    high = value + 5 if qualifier == "range" else None
    text = numbers.figure_en(value, high, qualifier, unit)
    assert text.endswith(" people")
    body = text.removesuffix(" people")
    read = "exact"
    for words, name in QUALIFIER_WORDS.items():
        if body.startswith(words):
            body, read = body.removeprefix(words), name
    if qualifier == "range":
        low, high_text = body.split("–")
        assert abs(read_en(low) - value) <= 1e-9 * max(1, value)
        assert abs(read_en(high_text) - high) <= 1e-9 * max(1, high)
    else:
        assert read == qualifier
        assert abs(read_en(body) - value) <= 1e-9 * max(1, value)


@BUDGET
@given(AMOUNTS, st.sampled_from(["exact", "approx", "more_than", "at_least", "at_most"]))
def test_chinese_figures_read_back_with_their_qualifier(value, qualifier):
    text = numbers.figure_zh(value, None, qualifier, {"zh": "人", "en": "people"})
    reading = numerals.read_stated(text)
    assert reading.qualifier == qualifier
    assert abs(float(reading.value) - value) <= 1e-9 * max(1, value)
