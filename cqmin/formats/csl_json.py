"""CSL-JSON: citation items as Zotero, Pandoc and citeproc read them (`cqmin cite ID -f csl-json`).

Each figure is a "speech" item: its author the speaker (or, for the article's
infographic, the organiser), its event the press conference, with place and
date; the quote and the fact id go in the note. Names are literal: a Chinese
name has no "given" and "family" to split by spaces.
"""

from cqmin.results import Citations

NAME = "csl-json"
HELP = "CSL-JSON items, for Zotero and Pandoc"
TRAITS = {"extensions": (".csl.json",), "escapes": True}


def _item(fact, base, language, accessed: str | None) -> dict:
    event = base.event(fact.event)
    speaker = base.speaker(fact.speaker)
    author = language.text(speaker.name) if speaker else (language.text(event.organizer) if event.organizer else None)
    day = [int(part) for part in event.date.split("-")]
    item = {
        "id": f"cqmin:{fact.id}",
        "type": "speech",
        "title": f"{language.text(fact.label)}{language.colon}{language.figure_as_stated(fact)}",
        "author": [{"literal": author}] if author else [],
        "genre": language.word("conference"),
        "event": language.text(event.title),  # CSL 1.0.1's name, which citeproc-py and Pandoc read
        "event-place": language.text(event.place),
        "event-date": {"date-parts": [day]},
        "issued": {"date-parts": [day]},
        "publisher": language.text(event.publisher or event.organizer) if event.publisher or event.organizer else None,
        "publisher-place": language.text(event.place),
        "container-title": language.text(event.article) if event.article else None,
        "URL": event.url,
        "accessed": {"date-parts": [[int(part) for part in accessed.split("-")]]} if event.url and accessed else None,
        "note": f"“{fact.quote}” {language.reference(event, accessed)} cqmin {fact.id}",
        "language": language.code,
    }
    return {key: value for key, value in item.items() if value is not None}


def _citations(result: Citations, output) -> str:
    from cqmin.formats.json import dumps

    items = [_item(fact, result.base, output.language, output.today) for fact in result.facts]
    return dumps(items, output, indent=2) + "\n"


RENDERS = {Citations: _citations}
