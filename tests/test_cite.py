"""`cqmin cite`: a figure with its quote, speaker, press conference and article, in the styles people paste."""

import json

import pytest
from conftest import ok, run

IDS = ["pension.insured", "housing.facilities"]  # said by a speaker; only in the infographic


def test_text_in_chinese_follows_gb_t_7714(base):
    out = ok("cite", *IDS, "--lang", "zh")
    first, second = out.split("\n\n")
    event = base.events[0]
    title, organizer, place, article = (
        text["zh"] for text in (event.title, event.organizer, event.place, event.article)
    )
    # the report's own date is not the press conference's: the base gives none, so none is printed
    assert first.startswith(f"[1] {organizer}. {title}[Z]. {place}, 2023-06-15. 报道：{article}[N].\n")
    assert "养老保险参保人数：2550万人，2023年5月" in first
    assert f"“{base.fact(IDS[0]).quote}”" in first  # verbatim
    speaker = base.speaker(base.fact(IDS[0]).speaker)
    who = f"—— {speaker.name['zh']}（{speaker.department['zh']}{speaker.role['zh']}），"
    assert who + f"{title}，{place}，2023年6月15日" in first
    assert first.rstrip().endswith("cqmin pension.insured")
    assert second.startswith("[2] ") and f"—— {organizer}，" in second  # the infographic: the organiser's


def test_text_in_english(base):
    out = ok("cite", IDS[0], "--lang", "en")
    event = base.events[0]
    assert event.organizer["en"] in out and "15 June 2023" in out
    assert "People insured for pensions: 25.5 million people (2550万人), May 2023" in out
    speaker = base.speaker(base.fact(IDS[0]).speaker)
    assert f"— {speaker.name['en']} ({speaker.department['en']}, {speaker.role['en']})" in out
    assert f"Reported in “{event.article['en']}" in out


def test_markdown_is_a_block_quote_with_its_attribution(base):
    out = ok("cite", IDS[0], "--style", "markdown", "--lang", "zh")
    lines = out.splitlines()
    fact = base.fact(IDS[0])
    speaker = base.speaker(fact.speaker)
    assert lines[0] == f"> {fact.quote}" and lines[1] == ">" and lines[2].startswith(f"> —— {speaker.name['zh']}")
    assert "**2550万人** (`pension.insured`)" in out


def test_bibtex_parses_with_pybtex(base):
    from pybtex.database import parse_string

    bibliography = parse_string(ok("cite", *IDS, "-s", "bibtex", "--lang", "en"), "bibtex")
    assert list(bibliography.entries) == [f"cqmin:{fact_id}" for fact_id in IDS]
    entry = bibliography.entries["cqmin:pension.insured"]
    assert entry.type == "misc"
    assert entry.fields["year"] == "2023" and entry.fields["date"] == "2023-06-15"
    assert entry.fields["title"] == "People insured for pensions: 25.5 million people (2550万人)"
    name = base.speaker(base.fact(IDS[0]).speaker).name["en"]
    assert name in str(entry.persons.get("author", [""])[0]) or name in entry.fields.get("author", "")


def test_bibtex_as_pybtex_renders_it_says_each_thing_once(base):
    """A citation manager's plain style: the speaker, the press conference and its date each once."""
    from pybtex.database import parse_string
    from pybtex.plugin import find_plugin

    bibliography = parse_string(ok("cite", IDS[0], "-s", "bibtex", "--lang", "en"), "bibtex")
    style = find_plugin("pybtex.style.formatting", "plain")()
    (entry,) = style.format_entries(bibliography.entries.values())
    text = entry.text.render(find_plugin("pybtex.backends", "plaintext")())
    event = base.events[0]
    name = base.speaker(base.fact(IDS[0]).speaker).name["en"]
    assert text.count(name) == 1 and text.count(event.title["en"]) == 1 and text.count("2023") == 1, text
    assert text.startswith(f"{name}. People insured for pensions: 25.5 million people (2550万人). ")


def test_an_id_given_twice_is_cited_once():
    from pybtex.database import parse_string

    twice = [IDS[0], IDS[1], IDS[0].upper()]
    bibliography = parse_string(ok("cite", *twice, "-s", "bibtex"), "bibtex")
    assert list(bibliography.entries) == [f"cqmin:{fact_id}" for fact_id in IDS]
    assert [record["id"] for record in json.loads(ok("show", *twice, "--json"))] == IDS


def test_bibtex_of_a_hostile_label_stays_one_balanced_entry(sample, tmp_path):
    from pybtex.database import parse_string

    label = "x} @misc{evil, title={pwned} %\\\\ \\\\end{document} $^_&# ~"
    sample.fact(IDS[0])["label"]["en"] = label
    out = ok("--facts", sample.write(tmp_path), "cite", IDS[0], "-s", "bibtex", "--lang", "en")
    bibliography = parse_string(out, "bibtex")
    assert list(bibliography.entries) == ["cqmin:pension.insured"]
    assert "evil" not in bibliography.entries


def test_csl_json_renders_with_citeproc(base):
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads(ok("cite", *IDS, "--style", "csl-json", "--lang", "en"))
    assert [item["id"] for item in items] == [f"cqmin:{fact_id}" for fact_id in IDS]
    first = items[0]
    event = base.events[0]
    name = base.speaker(base.fact(IDS[0]).speaker).name["en"]
    assert first["type"] == "speech" and first["author"] == [{"literal": name}]
    assert first["issued"] == {"date-parts": [[2023, 6, 15]]} and first["event-place"] == event.place["en"]
    assert first["event"] == event.title["en"]
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == 2
    assert any(f"{name} (2023)" in entry and "People insured for pensions" in entry for entry in rendered)


def test_csl_json_keys_are_csl_variables():
    """Zotero and Pandoc drop what CSL does not define: every key is a CSL 1.0.1 variable."""
    allowed = {"id", "type", "title", "author", "genre", "event", "event-place", "event-date", "issued",
               "publisher", "publisher-place", "container-title", "URL", "accessed", "note", "language"}  # fmt: skip
    for item in json.loads(ok("cite", *IDS, "-s", "csl-json")):
        assert set(item) <= allowed


@pytest.mark.parametrize("fmt", ["json", "ndjson", "csv", "tsv"])
def test_citations_as_data(base, fmt):
    out = ok("cite", IDS[0], "-f", fmt)
    event = base.events[0]
    assert "pension.insured" in out and event.id in out
    if fmt == "json":
        (record,) = json.loads(out)
        speaker = base.speaker(base.fact(IDS[0]).speaker)
        assert record["figure"] == "2550万人" and record["speaker"]["role"]["zh"] == speaker.role["zh"]
        assert record["event"]["organizer"]["zh"] == event.organizer["zh"]


def test_cite_fields_and_unknown_ids(base):
    fact = base.fact(IDS[0])
    expected = f"{fact.stated}\t{base.speaker(fact.speaker).name['zh']}\t{base.events[0].date}\n"
    assert ok("cite", IDS[0], "--fields", "figure,speaker.name.zh,event.date") == expected
    result = run("cite", "pension.nope")
    assert result.exit_code == 1 and "no fact 'pension.nope'" in result.stderr
