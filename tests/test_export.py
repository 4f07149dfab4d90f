"""`cqmin export`: the whole fact base in the JSON contract, as JSON, NDJSON or CSV."""

import csv
import io
import json

import pytest
from conftest import ok, records, run

from cqmin import formats, languages
from cqmin.results import AllFacts

CONTRACT_KEYS = [
    "id", "topic", "label", "value", "high", "unit", "stated", "qualifier",
    "kind", "as_of", "baseline", "change", "source",
]  # fmt: skip
# The README's columns, a text's in each language cqmin speaks (zh and en but for a language added to it).
_EACH = ",".join("{name}_" + code for code in languages.codes())
CSV_HEADER = (
    f"id,topic,{_EACH.format(name='label')},value,high,{_EACH.format(name='unit')},stated,qualifier,kind,as_of,"
    "baseline_value,baseline_as_of,baseline_derived,change_absolute,change_percent,annual_percent,speaker,quote,event"
)
INSURED = "pension.insured"  # the sample's figure in 万 with a derived baseline: 2550万人, from 2550万 − 468万


def check_contract(fact: dict) -> None:
    """One fact object as the README's contract describes it."""
    assert list(fact) == CONTRACT_KEYS
    assert set(fact["label"]) == set(fact["unit"]) == set(languages.codes()) >= {"zh", "en"}
    assert isinstance(fact["value"], (int, float)) and not isinstance(fact["value"], bool)
    assert fact["qualifier"] in ("exact", "approx", "more_than", "at_least", "at_most", "range")
    assert fact["kind"] in ("achieved", "target")
    assert (fact["high"] is not None) == (fact["qualifier"] == "range")
    assert fact["as_of"] is None or isinstance(fact["as_of"], str)
    if fact["baseline"] is None:
        assert fact["change"] is None
    else:
        assert list(fact["baseline"]) == ["value", "as_of", "derived", "method"]
        assert list(fact["change"]) == ["absolute", "percent", "annual_percent"]
        assert fact["baseline"]["derived"] == (fact["baseline"]["method"] is not None)
    if fact["unit"]["en"] == "%" and fact["change"] is not None:  # a share: points only
        assert fact["change"]["percent"] is None and fact["change"]["annual_percent"] is None
    assert list(fact["source"]) == ["event", "speaker", "quote"]
    assert isinstance(fact["source"]["event"], str)
    speaker = fact["source"]["speaker"]
    assert speaker is None or list(speaker) == ["id", "name", "department"]


def test_json_is_the_contract_in_utf8(base):
    out = ok("export")
    assert "\\u" not in out
    assert all(fact.label["zh"] in out and fact.quote in out for fact in base.facts)  # Chinese as itself
    found = json.loads(out)
    assert len(found) == len(base.facts)
    for fact in found:
        check_contract(fact)
    assert found == records(base, base.facts)


def test_ndjson_is_one_compact_object_a_line(base):
    lines = ok("export", "--format", "ndjson").splitlines()
    assert len(lines) == len(base.facts)
    assert [json.loads(line) for line in lines] == records(base, base.facts)
    for line in lines:
        assert line == json.dumps(json.loads(line), ensure_ascii=False, separators=(",", ":"))


def test_csv_has_the_contract_columns(base):
    out = ok("export", "-f", "csv")
    assert out.splitlines()[0] == CSV_HEADER
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(base.facts)
    assert [row["id"] for row in rows] == [fact.id for fact in base.facts]
    fact = base.fact(INSURED)
    pension = next(row for row in rows if row["id"] == INSURED)
    assert pension["value"] == "25500000"
    assert pension["baseline_value"] == "20820000"
    assert pension["baseline_derived"] == "true"
    assert pension["change_percent"] == "22.48"
    assert pension["speaker"] == fact.speaker and pension["speaker"]
    assert pension["event"] == fact.event and pension["event"]
    assert pension["high"] == ""


def test_csv_quotes_cells_with_commas_and_ends_lines_with_crlf(base):
    result = run("export", "-f", "csv")
    assert result.exit_code == 0
    raw = result.stdout_bytes.decode("utf-8")
    lines = raw.split("\r\n")
    assert lines[-1] == "" and len(lines) == len(base.facts) + 2 and "\n" not in raw.replace("\r\n", "")
    comma = next(fact for fact in base.facts if "," in fact.label["en"])
    line = next(line for line in lines if line.startswith(comma.id + ","))
    assert f',"{comma.label["en"]}",' in line  # quoted, because of its comma
    plain = next(fact for fact in base.facts if not set(',"\r\n') & set(fact.label["en"]))
    line = next(line for line in lines if line.startswith(plain.id + ","))
    assert f",{plain.label['en']}," in line  # not quoted: nothing in it needs quoting


def test_tsv_prints_values_for_shell_variables(base):
    assert ok("show", INSURED, "--fields", "value", "-f", "tsv") == "25500000\n"
    assert ok("show", INSURED, "--fields", "value") == "25500000\n"  # tsv, when no format
    bare = next(fact for fact in base.facts if fact.baseline is None)
    out = ok("show", INSURED, bare.id, "--fields", "id,baseline.value,source.event")
    assert out.splitlines() == [
        f"{INSURED}\t20820000\t{base.fact(INSURED).event}",
        f"{bare.id}\t\t{bare.event}",  # no baseline: an empty cell
    ]


def test_every_line_break_stays_inside_its_record(sample, tmp_path):
    """A reader that splits lines at any Unicode line break (str.splitlines, many editors and tools) still
    sees one TSV record a line, and CSV quotes the cell, which reads back exact."""
    from cqmin.formats.selection import LINE_BREAKS

    label = "a" + "b".join(LINE_BREAKS) + "z"
    sample.fact("pension.relief")["label"] = {"zh": label, "en": label}
    path = sample.write(tmp_path)
    tsv = ok("--facts", path, "export", "-f", "tsv", "--fields", "id,label.en")
    assert len(tsv.splitlines()) == len(sample.facts)
    assert "pension.relief\ta\\nb\\rb\\vb\\fb\\x1cb\\x1db\\x1eb\\u0085b\\u2028b\\u2029z\n" in tsv
    label = "a\u2028b\x85c\u2029d"  # no CR or LF, which csv quotes of its own
    sample.fact("pension.relief")["label"] = {"zh": label, "en": label}
    path = sample.write(tmp_path)
    out = ok("--facts", path, "export", "-f", "csv", "--fields", "id,label.en")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert ["pension.relief", label] in rows and len(rows) == len(sample.facts) + 1
    assert f'"pension.relief","{label}"' in out


@pytest.mark.parametrize("fmt", ["json", "ndjson", "csv", "tsv", "markdown"])
def test_fields_select_and_order_in_every_data_format(fmt, base):
    out = ok("show", INSURED, "--fields", "baseline.value,id", "-f", fmt)
    value = base.fact(INSURED).baseline.value
    assert isinstance(value, int)  # so that every format writes it as the digits below
    if fmt == "json":
        assert json.loads(out) == [{"baseline.value": value, "id": INSURED}]
    elif fmt == "ndjson":
        assert json.loads(out) == {"baseline.value": value, "id": INSURED}
    elif fmt == "csv":
        raw = run("show", INSURED, "--fields", "baseline.value,id", "-f", fmt).stdout_bytes
        assert raw == f"baseline.value,id\r\n{value},{INSURED}\r\n".encode()
    elif fmt == "tsv":
        assert out == f"{value}\t{INSURED}\n"
    else:
        assert out.splitlines()[0] == "| baseline.value | id |" and f"| {value} | {INSURED} |" in out


def test_a_field_that_is_an_object_is_json_in_a_cell(base):
    label = base.fact(INSURED).label
    assert ok("show", INSURED, "--fields", "label", "-f", "tsv") == (
        json.dumps(label, ensure_ascii=False, separators=(",", ":")) + "\n"
    )
    assert not label["zh"].isascii()  # so the cell shows Chinese written as itself, not as escapes


@pytest.mark.parametrize("fmt", ["json", "ndjson", "csv", "tsv", "markdown"])
def test_output_file(tmp_path, fmt):
    path = tmp_path / f"facts.{fmt}"
    result = run("export", "--format", fmt, "-o", str(path))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert path.read_bytes() == run("export", "--format", fmt).stdout_bytes


FIRST_ID = "<the first fact's id>"
EXTENSIONS = [
    ("facts.csv", "id,topic"), ("facts.tsv", FIRST_ID + "\t"), ("facts.json", "["),
    ("facts.jsonl", "{"), ("FACTS.NDJSON", "{"), ("facts.md", "| "),
]  # fmt: skip


@pytest.mark.parametrize(("name", "first"), EXTENSIONS)
def test_the_extension_of_the_file_picks_the_format(tmp_path, base, name, first):
    path = tmp_path / name
    assert run("export", "-o", str(path)).exit_code == 0
    assert path.read_text(encoding="utf-8").startswith(first.replace(FIRST_ID, base.facts[0].id))


def test_a_format_before_the_command_must_agree_with_the_file_too(tmp_path):
    for args in (["--json", "export"], ["-f", "json", "export"]):
        result = run(*args, "-o", str(tmp_path / "facts.csv"))
        assert result.exit_code == 2 and "is a csv file, but the format asked for is json" in result.stderr
    assert not (tmp_path / "facts.csv").exists()
    assert run("-f", "json", "export", "-o", str(tmp_path / "facts.json")).exit_code == 0


def test_an_extension_and_a_format_that_disagree_are_refused(tmp_path):
    result = run("export", "-o", str(tmp_path / "facts.csv"), "--format", "json")
    assert result.exit_code == 2 and "is a csv file, but the format asked for is json" in result.stderr
    assert not (tmp_path / "facts.csv").exists()


@pytest.mark.parametrize("name", ["facts.txt", "facts"])
def test_a_file_name_that_names_no_format_needs_one(tmp_path, name):
    path = tmp_path / name
    result = run("export", "-o", str(path))
    assert result.exit_code == 2 and "Give --format, or a file name ending .json" in result.stderr
    assert not path.exists()
    assert run("export", "-o", str(path), "-f", "ndjson").exit_code == 0
    assert json.loads(path.read_text(encoding="utf-8").splitlines()[0])


def test_output_file_is_not_overwritten_without_force(tmp_path):
    path = tmp_path / "facts.json"
    path.write_text("precious", encoding="utf-8")
    result = run("export", "-o", str(path))
    assert result.exit_code == 1
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert path.read_text(encoding="utf-8") == "precious"
    result = run("export", "-o", str(path), "--force")
    assert result.exit_code == 0
    assert json.loads(path.read_text(encoding="utf-8"))


def test_output_into_a_missing_folder(tmp_path):
    result = run("export", "-o", str(tmp_path / "no" / "facts.json"))
    assert result.exit_code == 1
    assert "no folder" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_format_is_a_usage_error():
    result = run("export", "--format", "xml")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "'xml' is not one of" in result.stderr


def test_a_format_given_before_the_command_applies():
    assert ok("--format", "csv", "export").splitlines()[0] == CSV_HEADER
    assert ok("--json", "export") == ok("export")
    result = run("--format", "table", "export")
    written = ", ".join(fmt.name for fmt in formats.for_result(AllFacts))  # json, ndjson, csv, tsv, markdown, sqlite
    assert result.exit_code == 2 and f"cqmin export writes {written}, not table" in result.stderr
    assert ok("--json", "export", "--kind", "target") == ok("export", "--json", "--kind", "target")
    assert run("--json", "validate").stdout.startswith("[")


def test_dash_is_stdout(tmp_path, monkeypatch, base):
    monkeypatch.chdir(tmp_path)
    assert ok("export", "-f", "ndjson", "-o", "-").count("\n") == len(base.facts)
    assert not (tmp_path / "-").exists()


def test_export_json_shorthand_and_kind():
    targets = json.loads(ok("export", "--json", "--kind", "target"))
    assert targets and {fact["kind"] for fact in targets} == {"target"}


def test_a_successful_write_on_a_terminal_says_what_it_wrote(tmp_path, base):
    import os
    import subprocess
    import sys
    from pathlib import Path

    cqmin = Path(sys.executable).with_name("cqmin")
    path = tmp_path / "facts.csv"
    # stderr on a pseudo-terminal: `script` is not everywhere, so give cqmin a pty of our own
    import pty

    main, secondary = pty.openpty()
    process = subprocess.run(
        [str(cqmin), "export", "-o", str(path)], stderr=secondary, stdout=subprocess.PIPE, timeout=120
    )
    os.close(secondary)
    said = os.read(main, 4096).decode()
    os.close(main)
    assert process.returncode == 0
    assert said.strip() == f"Wrote {len(base.facts)} facts to {path} (csv)"
    quiet = subprocess.run([str(cqmin), "export", "-o", str(tmp_path / "b.csv")], capture_output=True, timeout=120)
    assert quiet.returncode == 0 and quiet.stderr == b""  # not on a terminal: silence is success
