"""Several press conferences in one fact base: appended without a line changed, each with its own text and
address, each visible and selectable, and a report whose size grows with its problems, not with the events."""

import datetime
import json
from pathlib import Path

import factbases
import pytest
from conftest import ok, run

from cqmin import toml_text

LATER = "later-2024-04-18"


def later_event(**fields) -> dict:
    return {
        **factbases.SAMPLE_EVENT(),
        "id": LATER,
        "date": "2024-04-18",
        "title": factbases.texts("后续发布会", "A later one"),
        **fields,
    }


def later_fact(**fields) -> dict:
    return {
        "id": "pension.later",
        "topic": "pension",
        "event": LATER,
        "label": factbases.texts("后来新增就业的人", "People in new jobs, later"),
        "value": 760000,
        "unit": "people",
        "stated": "76万人",
        "qualifier": "exact",
        "kind": "achieved",
        "as_of": "2023",
        "speaker": "li-ming",  # who spoke at the first press conference too
        "quote": "2023年全市城镇新增就业76万人",
        **fields,
    }


def with_later(sample: factbases.Base, **event) -> factbases.Base:
    sample.data["events"].append(later_event(**event))
    sample.facts.append(later_fact())
    return sample


# ---------------------------------------------------------------- appending


def test_an_appended_press_conference_changes_no_line_above_it(sample, tmp_path):
    first = sample.toml()
    appended = {"events": [later_event()], "facts": [later_fact()]}
    text = first + toml_text.dumps(appended)  # the file as it was, and the new press conference after it
    path = tmp_path / "facts.toml"
    path.write_text(text, encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 0, result.output
    assert "2 events" in result.stdout
    sources = json.loads(ok("--facts", str(path), "sources", "--json"))
    assert [event["id"] for event in sources] == [sample.data["events"][0]["id"], LATER]
    assert [speaker["id"] for speaker in sources[1]["speakers"]] == ["li-ming"]  # a speaker at two of them
    assert "li-ming" in [speaker["id"] for speaker in sources[0]["speakers"]]
    (fact,) = json.loads(ok("--facts", str(path), "show", "pension.insured", "--json"))
    assert fact["source"]["event"] == sample.data["events"][0]["id"]  # a fact that names no event: the first's


def test_a_problem_about_events_stays_short_however_many_there_are(sample, tmp_path):
    """2,000 press conferences and 5,000 facts naming one that is not there: each line says so briefly."""
    first = sample.data["events"][0]
    sample.data["events"] += [{**first, "id": f"event-{number}"} for number in range(2000)]
    fact = sample.facts[0]
    sample.facts.extend(
        [
            {
                **fact,
                "id": f"pension.copy-{number}",
                "event": f"event-{number % 2000}x",
                "quote": f"{fact['quote']}{number}",
            }
            for number in range(5000)
        ]
    )
    path = sample.write(tmp_path)
    assert Path(path).stat().st_size < 16 * 2**20
    result = run("validate", path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 5001 and "unknown event 'event-0x'" in lines[0]
    assert max(len(line) - len(path) for line in lines) < 300


def test_a_speaker_tied_to_one_event_speaks_at_it_only(sample, tmp_path):
    base = with_later(sample)
    base.speaker("li-ming")["event"] = base.data["events"][0]["id"]
    result = run("validate", base.write(tmp_path))
    assert result.exit_code == 1
    assert f"pension.later: speaker: 'li-ming' spoke at '{base.data['events'][0]['id']}'" in result.stdout


def test_a_topic_of_many_press_conferences_counts_them_in_its_heading(sample, tmp_path):
    for year in (2024, 2025, 2026):
        event = f"later-{year}"
        sample.data["events"].append(later_event(id=event, date=f"{year}-04-18"))
        sample.facts.append(later_fact(id=f"pension.later-{year}", event=event))
    path = sample.write(tmp_path)
    heading = " ".join(ok("--facts", path, "pension", "--lang", "en").split("\n\n")[0].split())
    assert "4 press conferences (15 Jun 2023 – 18 Apr 2026) ·" in heading
    zh = ok("--facts", path, "pension", "--lang", "zh")
    assert "4场新闻发布会（2023年6月15日–2026年4月18日）" in "".join(zh.split())
    sections = [line for line in zh.splitlines() if line.endswith("年4月18日 后续发布会")]
    assert [line[:4] for line in sections] == ["2024", "2025", "2026"]  # and each its own section
    assert zh.count("后来新增就业的人   76万人") == 3


# ---------------------------------------------------------------- each press conference's own text


def test_each_event_is_checked_against_its_own_article(sample, tmp_path):
    base = with_later(sample, source="later.txt")
    first = base.data["events"][0]
    first["source"] = "first.txt"
    later_quote = later_fact()["quote"]
    (tmp_path / "first.txt").write_text(factbases.sample().article(), encoding="utf-8")
    (tmp_path / "later.txt").write_text(f"{later_quote}。", encoding="utf-8")
    path = base.write(tmp_path)
    result = run("validate", path)
    assert result.exit_code == 0, result.output
    (tmp_path / "later.txt").write_text("另一篇报道。", encoding="utf-8")
    result = run("validate", path)
    assert result.exit_code == 1
    assert f"pension.later: quote: not found in the article of '{LATER}' (later.txt)" in result.stdout
    assert result.stdout.count("not found") == 1  # the first event's facts are in their own article


def test_a_source_that_cannot_be_read_is_a_problem(sample, tmp_path):
    base = with_later(sample, source="missing.txt")
    result = run("validate", base.write(tmp_path))
    assert result.exit_code == 1
    assert f"{LATER}: source: missing.txt: no such file" in result.stdout
    (tmp_path / "binary.txt").write_bytes(b"\xff\xfe\x00")
    base.event(LATER)["source"] = "binary.txt"
    assert "source: binary.txt: not UTF-8 text" in run("validate", base.write(tmp_path)).stdout


def test_source_on_the_command_line(sample, tmp_path):
    base = with_later(sample)
    path = base.write(tmp_path)
    article = tmp_path / "article.txt"
    article.write_text(factbases.sample().article(), encoding="utf-8")  # the first press conference's
    later = tmp_path / "later.txt"
    later.write_text(later_fact()["quote"], encoding="utf-8")
    both = run("validate", path, "--source", str(article), "--source", f"{LATER}={later}")
    assert both.exit_code == 0, both.output
    plain = run("validate", path, "--source", str(article))  # every fact against the one file
    assert plain.exit_code == 1 and f"pension.later: quote: not found in the article of '{LATER}'" in plain.stdout
    twice = run("validate", path, "--source", str(article), "--source", str(later))
    assert twice.exit_code == 2 and "given twice" in twice.stderr and twice.stdout == ""
    missing = run("validate", path, "--source", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 1 and "nope.txt: no such file" in missing.stderr


def test_a_base_names_no_file_outside_its_folder(sample, tmp_path):
    """A base is untrusted: its `source` must not make validate read, and tell of, any file it likes."""
    secret = tmp_path / "secret.txt"
    secret.write_text(later_fact()["quote"], encoding="utf-8")
    folder = tmp_path / "base"
    folder.mkdir()
    (folder / "link.txt").symlink_to(secret)
    for source in ("../secret.txt", str(secret), "link.txt"):
        base = with_later(factbases.sample(), source=source)
        result = run("validate", base.write(folder))
        assert result.exit_code == 1, source
        assert f"{LATER}: source: " in result.stdout and ": not in the fact base's folder" in result.stdout
        assert "not found in the article" not in result.stdout  # the file was never read


def test_a_base_is_not_its_own_article(sample, tmp_path):
    base = with_later(sample, source="facts.toml")
    result = run("validate", base.write(tmp_path, "facts.toml"))
    assert result.exit_code == 1
    assert f"{LATER}: source: facts.toml: is the fact base itself" in result.stdout


def test_source_options_name_events_in_any_case_and_a_file_each(sample, tmp_path):
    base = with_later(sample)
    path = base.write(tmp_path)
    later = tmp_path / "later.txt"
    later.write_text(later_fact()["quote"], encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text(factbases.sample().article(), encoding="utf-8")
    upper = run("validate", path, "--source", str(article), "--source", f"{LATER.upper()}={later}")
    assert upper.exit_code == 0, upper.output
    empty = run("validate", path, "--source", f"{LATER}=")
    assert empty.exit_code == 2 and "no file named" in empty.stderr and "Traceback" not in empty.output


# ---------------------------------------------------------------- where the report is published


def test_a_citation_gives_the_report_s_address_publisher_and_date(sample, tmp_path, monkeypatch):
    from pybtex.database import parse_string

    event = sample.data["events"][0]
    event.update(url="https://example.org/report?id=1", publisher=factbases.texts("示例日报", "Sample Daily"),
                 published="2023-06-16")  # fmt: skip
    path = sample.write(tmp_path)
    assert run("validate", path).exit_code == 0
    today = datetime.date.today().isoformat()
    zh = ok("--facts", path, "cite", "pension.insured", "--lang", "zh")
    assert f"[N/OL]. 示例日报, 2023-06-16[{today}]. https://example.org/report?id=1." in zh
    en = " ".join(ok("--facts", path, "cite", "pension.insured", "--lang", "en").split())
    assert "Sample Daily, 16 June 2023, https://example.org/report?id=1 (accessed" in en
    (item,) = json.loads(ok("--facts", path, "cite", "pension.insured", "-s", "csl-json"))
    assert item["URL"] == "https://example.org/report?id=1"
    assert item["accessed"] == {"date-parts": [[int(part) for part in today.split("-")]]}
    entry = parse_string(ok("--facts", path, "cite", "pension.insured", "-s", "bibtex"), "bibtex").entries
    assert entry["cqmin:pension.insured"].fields["url"] == "https://example.org/report?id=1"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("url", "javascript:alert(1)", "is not a web address"),
        ("url", "https://a b", "is not a web address"),
        ("url", "https://例子.cn/报道", "is not a web address"),  # printed as it is: percent-encoded
        ("url", "https://e.org/\u009b31m", "is not a web address"),
        ("published", "2023-06-14", "is before the press conference it reports"),
        ("published", "June 2023", "not an ISO 8601 date"),
    ],
)
def test_a_report_s_address_and_date_are_checked(sample, tmp_path, field, value, message):
    sample.data["events"][0][field] = value
    result = run("validate", sample.write(tmp_path))
    assert result.exit_code == 1 and f": {field}: " in result.stdout and message in result.stdout


def test_a_report_without_a_title_is_still_cited_by_what_the_base_gives(sample, tmp_path):
    event = sample.data["events"][0]
    del event["article"]
    event["url"] = "https://example.org/r"
    path = sample.write(tmp_path)
    zh = ok("--facts", path, "cite", "pension.insured", "--lang", "zh").splitlines()[0]
    today = datetime.date.today().isoformat()
    assert zh.endswith(f"2023-06-15. 报道[N/OL]. [{today}]. https://example.org/r.")  # no report date invented
    en = " ".join(ok("--facts", path, "cite", "pension.insured", "--lang", "en").split())
    assert "Reported: https://example.org/r (accessed" in en
    event["publisher"] = factbases.texts("示例日报", "Sample Daily")
    path = sample.write(tmp_path)
    (item,) = json.loads(ok("--facts", path, "cite", "pension.insured", "-s", "csl-json"))
    assert item["publisher"] == "Sample Daily" and item["URL"] == "https://example.org/r"
    en = " ".join(ok("--facts", path, "cite", "pension.insured", "--lang", "en").split())
    assert "Reported by Sample Daily, https://example.org/r" in en


def test_a_bibtex_url_is_verbatim_and_cannot_close_its_field(sample, tmp_path):
    from pybtex.database import parse_string

    sample.data["events"][0]["url"] = r"HTTPS://e.org/a_b%20c?x={y}\z},note={x}"
    path = sample.write(tmp_path)
    assert run("validate", path).exit_code == 0
    (entry,) = parse_string(ok("--facts", path, "cite", "pension.insured", "-s", "bibtex"), "bibtex").entries.values()
    assert entry.fields["url"] == "HTTPS://e.org/a_b%20c?x=%7By%7D%5Cz%7D,note=%7Bx%7D"
    assert "cqmin pension.insured" in entry.fields["note"]  # the note is the entry's own


# ---------------------------------------------------------------- which press conference


@pytest.fixture
def two(sample, tmp_path) -> str:
    return with_later(sample).write(tmp_path)


@pytest.mark.parametrize("args", [["pension"], ["search", "people"], ["compare"], ["export"]])
def test_every_listing_takes_event(two, args):
    """--event keeps the figures of one press conference: those of the whole listing that are its."""
    everything = json.loads(ok("--facts", two, *args, "--json"))
    for event in (factbases.SAMPLE_EVENT()["id"], LATER):
        kept = [fact for fact in everything if fact["source"]["event"] == event]
        result = run("--facts", two, *args, "--json", "--event", event.upper())  # an id in any case
        assert json.loads(result.stdout) == kept
        assert result.exit_code == (0 if kept else 1)
    assert {fact["source"]["event"] for fact in everything} == (
        {factbases.SAMPLE_EVENT()["id"]} if args == ["compare"] else {factbases.SAMPLE_EVENT()["id"], LATER}
    )
    both = run("--facts", two, *args, "--json", "--event", LATER, "--event", factbases.SAMPLE_EVENT()["id"])
    assert json.loads(both.stdout) == everything  # repeated: the figures of each, in the listing's own order


def test_an_unknown_event_is_a_usage_error_with_the_closest(two):
    result = run("--facts", two, "pension", "--event", LATER[:-1])
    assert result.exit_code == 2 and result.stdout == ""
    assert f"no press conference '{LATER[:-1]}'; did you mean '{LATER}'?" in result.stderr


def test_a_filter_that_empties_a_listing_says_how_many_matched(two):
    result = run("--facts", two, "compare", "--event", LATER)
    assert result.exit_code == 1 and result.stdout == ""
    assert "comparisons; none of them from the press conference 'later-2024-04-18'" in result.stderr
    result = run("--facts", two, "compare", "--event", LATER, "--event", LATER.upper())
    assert "none of them from the press conference 'later-2024-04-18'" in result.stderr  # once
    result = run("--facts", two, "search", "later", "--kind", "target", "--json")
    assert result.exit_code == 1 and result.stdout == "[]\n"
    assert result.stderr == "Error: 1 fact matches 'later'; none is a target\n"
    result = run("--facts", two, "search", "people", "--kind", "target", "--event", LATER)
    assert result.stderr == "Error: 2 facts match 'people'; none is a target\n"
    result = run("--facts", two, "search", "people", "--kind", "achieved", "--event", "sample-2023-06-15", "--json")
    assert result.exit_code == 0


def test_tables_and_markdown_say_which_press_conference(two, base):
    first = factbases.SAMPLE_EVENT()
    table = ok("--facts", two, "pension", "--lang", "en", env={"COLUMNS": "120"})
    assert table.index("15 Jun 2023 Sample City") < table.index("People insured") < table.index("18 Apr 2024 A later")
    assert table.index("18 Apr 2024 A later one") < table.index("People in new jobs, later")
    assert table.count("Li Ming") == 1  # a speaker at both, named once
    markdown = ok("--facts", two, "pension", "-f", "markdown", "--lang", "en")
    assert "| Event |" in markdown and "18 Apr 2024 A later one |" in markdown
    assert f"{first['date']}" not in ok("pension", "-f", "markdown")  # one press conference: no column of it
    found = ok("--facts", two, "search", "people", "--lang", "en", env={"COLUMNS": "120"})
    assert "18 Apr 2024 A later one" in found and "15 Jun 2023 Sample City" in found
