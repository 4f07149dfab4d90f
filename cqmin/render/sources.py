"""The table of `cqmin sources`: each event, then its speakers with their topics and number of facts."""

from rich.console import Console

from cqmin import dates
from cqmin.output import Output
from cqmin.render.draw import draw, fits, keep_whole, key_values, stacked, table, text
from cqmin.results import EventRow, Sources


def _event(out: Console, row: EventRow, output: Output) -> None:
    language, term = output.language, output.terminal
    event = row.event
    about = [
        (language.word("event"), text(language.text(event.title), "bold")),
        (language.word("date"), text(dates.show(event.date, language))),
        (language.word("place"), text(language.text(event.place))),
    ]
    for key, value in (("organizer", event.organizer), ("article", event.article)):
        if value:
            about.append((language.word(key), text(language.text(value))))
    out.print(key_values(about, term.width))
    if not row.speakers:
        return
    out.print()
    names = [language.text(s.speaker.name) for s in row.speakers]
    if not fits(term, [[language.word("name"), *names], [language.word("facts"), "000"]], worded=2):
        stacked(
            out,
            [(text(language.text(s.speaker.name), "bold"),
              [text(language.text(s.speaker.department)), text(language.text(s.speaker.role), "dim"),
               text(f"{', '.join(s.topics)} · " + language.word("n_facts").format(n=s.facts))])
             for s in row.speakers],
        )  # fmt: skip
        return
    drawn = table(term, *(language.word(key) for key in ("name", "department", "topics", "facts")))
    keep_whole(drawn, 0)
    keep_whole(drawn, 3, right=True)
    for s in row.speakers:
        who = text(language.text(s.speaker.department))
        who.append("\n")
        who.append(text(language.text(s.speaker.role), "dim"))
        drawn.add_row(text(language.text(s.speaker.name), "bold"), who, text(", ".join(s.topics)), str(s.facts))
    out.print(drawn)


def sources(result: Sources, output: Output) -> str:
    def paint(out: Console) -> None:
        for number, row in enumerate(result.events):
            if number:
                out.print()
            _event(out, row, output)

    return draw(output.terminal, paint)
