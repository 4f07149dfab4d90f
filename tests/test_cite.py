"""`cqmin cite`: a figure with its quote, speaker, press conference and article, in the styles people paste."""

import json

import pytest
from conftest import bundled_text, ok, run, write_facts

IDS = ["pension.pension-insured", "pension.services-online"]  # said by a speaker; only in the infographic


def test_text_in_chinese_follows_gb_t_7714():
    out = ok("cite", *IDS, "--lang", "zh")
    first, second = out.split("\n\n")
    assert first.startswith(
        "[1] 中共重庆市委宣传部. “学习二十大 书写新篇章”系列主题新闻发布会（第二场）[Z]. 重庆, 2022-10-19. "
        "报道：这些民生改善 我们可见可感可期[N]. 2022-10-19."
    )
    assert "养老保险参保人数：2550万人，2022年9月" in first
    assert "“截至今年9月，全市养老、失业和工伤保险参保人数分别达到2550万人" in first  # verbatim
    who = "—— 黎勇（市人力社保局党组书记、局长），"
    assert who + "“学习二十大 书写新篇章”系列主题新闻发布会（第二场），重庆，2022年10月19日" in first
    assert first.rstrip().endswith("cqmin pension.pension-insured")
    assert second.startswith("[2] ") and "—— 中共重庆市委宣传部，" in second  # the infographic: the organiser's


def test_text_in_english():
    out = ok("cite", IDS[0], "--lang", "en")
    assert "Publicity Department of the CPC Chongqing Municipal Committee" in out and "19 October 2022" in out
    assert "People insured for pensions: 25.5 million people (2550万人), Sep 2022" in out
    assert "— Li Yong (Chongqing Municipal Human Resources and Social Security Bureau, Secretary" in out
    assert "Reported in “These improvements in people's livelihood" in out


def test_markdown_is_a_block_quote_with_its_attribution():
    out = ok("cite", IDS[0], "--style", "markdown", "--lang", "zh")
    lines = out.splitlines()
    assert lines[0].startswith("> 截至今年9月") and lines[1] == ">" and lines[2].startswith("> —— 黎勇")
    assert "**2550万人** (`pension.pension-insured`)" in out


def test_bibtex_parses_with_pybtex():
    from pybtex.database import parse_string

    bibliography = parse_string(ok("cite", *IDS, "-s", "bibtex", "--lang", "en"), "bibtex")
    assert list(bibliography.entries) == [f"cqmin:{fact_id}" for fact_id in IDS]
    entry = bibliography.entries["cqmin:pension.pension-insured"]
    assert entry.type == "misc"
    assert entry.fields["year"] == "2022" and entry.fields["date"] == "2022-10-19"
    assert entry.fields["title"] == "People insured for pensions: 25.5 million people (2550万人)"
    assert "Li Yong" in str(entry.persons.get("author", [""])[0]) or "Li Yong" in entry.fields.get("author", "")


def test_an_id_given_twice_is_cited_once():
    from pybtex.database import parse_string

    twice = [IDS[0], IDS[1], IDS[0].upper()]
    bibliography = parse_string(ok("cite", *twice, "-s", "bibtex"), "bibtex")
    assert list(bibliography.entries) == [f"cqmin:{fact_id}" for fact_id in IDS]
    assert [record["id"] for record in json.loads(ok("show", *twice, "--json"))] == IDS


def test_bibtex_of_a_hostile_label_stays_one_balanced_entry(tmp_path):
    from pybtex.database import parse_string

    label = "x} @misc{evil, title={pwned} %\\\\ \\\\end{document} $^_&# ~"
    text = bundled_text().replace('en = "People insured for pensions"', f"en = {json.dumps(label)}", 1)
    out = ok("--facts", write_facts(tmp_path, text), "cite", IDS[0], "-s", "bibtex", "--lang", "en")
    bibliography = parse_string(out, "bibtex")
    assert list(bibliography.entries) == ["cqmin:pension.pension-insured"]
    assert "evil" not in bibliography.entries


def test_csl_json_renders_with_citeproc():
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads(ok("cite", *IDS, "--style", "csl-json", "--lang", "en"))
    assert [item["id"] for item in items] == [f"cqmin:{fact_id}" for fact_id in IDS]
    first = items[0]
    assert first["type"] == "speech" and first["author"] == [{"literal": "Li Yong"}]
    assert first["issued"] == {"date-parts": [[2022, 10, 19]]} and first["event-place"] == "Chongqing"
    assert first["event"].startswith('"Study the 20th Party Congress')
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == 2
    assert any("Li Yong (2022)" in entry and "People insured for pensions" in entry for entry in rendered)


def test_csl_json_keys_are_csl_variables():
    """Zotero and Pandoc drop what CSL does not define: every key is a CSL 1.0.1 variable."""
    allowed = {"id", "type", "title", "author", "genre", "event", "event-place", "event-date", "issued",
               "publisher", "publisher-place", "note", "language"}  # fmt: skip
    for item in json.loads(ok("cite", *IDS, "-s", "csl-json")):
        assert set(item) <= allowed


@pytest.mark.parametrize("fmt", ["json", "ndjson", "csv", "tsv"])
def test_citations_as_data(fmt):
    out = ok("cite", IDS[0], "-f", fmt)
    assert "pension.pension-insured" in out and "livelihood-2022-10-19" in out
    if fmt == "json":
        (record,) = json.loads(out)
        assert record["figure"] == "2550万人" and record["speaker"]["role"]["zh"] == "党组书记、局长"
        assert record["event"]["organizer"]["zh"] == "中共重庆市委宣传部"


def test_cite_fields_and_unknown_ids():
    assert ok("cite", IDS[0], "--fields", "figure,speaker.name.zh,event.date") == "2550万人\t黎勇\t2022-10-19\n"
    result = run("cite", "pension.nope")
    assert result.exit_code == 1 and "no fact 'pension.nope'" in result.stderr
