"""`cqmin export`: the whole fact base in the JSON contract, as JSON, NDJSON or CSV."""

import csv
import io
import json

import pytest
from conftest import run

CONTRACT_KEYS = [
    "id", "topic", "label", "value", "high", "unit", "stated", "qualifier",
    "kind", "as_of", "baseline", "change", "source",
]  # fmt: skip
CSV_HEADER = (
    "id,topic,label_zh,label_en,value,high,unit_zh,unit_en,stated,qualifier,kind,as_of,baseline_value,"
    "baseline_as_of,baseline_derived,change_absolute,change_percent,annual_percent,speaker,quote"
)


def check_contract(fact: dict) -> None:
    """One fact object as the README's contract describes it."""
    assert list(fact) == CONTRACT_KEYS
    assert set(fact["label"]) == set(fact["unit"]) == {"zh", "en"}
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
    assert list(fact["source"]) == ["speaker", "quote"]
    speaker = fact["source"]["speaker"]
    assert speaker is None or list(speaker) == ["id", "name", "department"]


def test_json_is_the_contract_in_utf8(base):
    result = run("export")
    assert result.exit_code == 0, result.output
    assert "\\u" not in result.stdout and "养老保险" in result.stdout
    facts = json.loads(result.stdout)
    assert len(facts) == len(base.facts)
    for fact in facts:
        check_contract(fact)
    assert facts == base.facts


def test_ndjson_is_one_compact_object_a_line(base):
    result = run("export", "--format", "ndjson")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(base.facts)
    assert [json.loads(line) for line in lines] == base.facts
    for line in lines:
        assert line == json.dumps(json.loads(line), ensure_ascii=False, separators=(",", ":"))


def test_csv_has_the_contract_columns(base):
    result = run("export", "-f", "csv")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == CSV_HEADER
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == len(base.facts)
    pension = next(row for row in rows if row["id"] == "pension.pension-insured")
    assert pension["value"] == "25500000"
    assert pension["baseline_value"] == "20820000"
    assert pension["baseline_derived"] == "true"
    assert pension["change_percent"] == "22.48"
    assert pension["speaker"] == "li-yong"
    assert pension["high"] == ""
    quote_with_comma = next(row for row in rows if "，" in row["quote"] or "," in row["quote"])
    assert quote_with_comma["quote"]


def test_csv_uses_crlf_and_quotes_commas():
    result = run("export", "-f", "csv")
    raw = result.stdout_bytes.decode("utf-8")
    assert raw.count("\r\n") == raw.count("\n")


@pytest.mark.parametrize("fmt", ["json", "ndjson", "csv"])
def test_output_file(tmp_path, fmt):
    path = tmp_path / f"facts.{fmt}"
    result = run("export", "--format", fmt, "-o", str(path))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert path.read_bytes() == run("export", "--format", fmt).stdout_bytes


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
    assert run("--format", "csv", "export").stdout.splitlines()[0] == CSV_HEADER
    assert run("--json", "export").stdout == run("export").stdout
    result = run("--format", "markdown", "export")
    assert result.exit_code == 2 and "export writes json, ndjson, csv or sqlite, not markdown" in result.stderr
    assert run("--json", "validate").stdout.startswith("[")


def test_dash_is_stdout(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("export", "-f", "ndjson", "-o", "-")
    assert result.exit_code == 0 and result.stdout.count("\n") == 110
    assert not (tmp_path / "-").exists()
