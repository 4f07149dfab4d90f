"""Tables for single facts and people: `show`, `search` results, `sources`."""

from rich.text import Text

from cqmin import dates, numbers
from cqmin.lang import parens, punct, word
from cqmin.numbers import QUALIFIER_WORDS
from cqmin.render import phrases
from cqmin.render.draw import drawing, fits, keep_whole, key_values, stacked, table, text
from cqmin.render.safe import clean
from cqmin.terminal import Terminal


def _quote(fact: dict, color: bool) -> Text:
    """The quote with its figure highlighted; on a pipe, where there is no style, in 【】."""
    quote, stated = clean(fact["source"]["quote"]), clean(fact["stated"])
    start = quote.find(stated)
    if start < 0:
        return Text(quote)
    end = start + len(stated)
    if not color:
        return Text(f"{quote[:start]}【{stated}】{quote[end:]}")
    highlighted = Text(quote)
    highlighted.stylize("bold reverse", start, end)
    return highlighted


def _record_rows(fact: dict, speakers: dict, lang: str, color: bool) -> list[tuple[str, Text]]:
    other = "en" if lang == "zh" else "zh"
    colon = punct("colon", lang)
    qualifier = QUALIFIER_WORDS[fact["qualifier"]][lang]
    figure = text(numbers.figure(fact, lang), "bold")
    figure.append(text(parens(f"{qualifier}{colon}{fact['stated']}" if lang == "en" else qualifier, lang)))
    rows = [
        (word("label", lang), text(f"{fact['label'][lang]}\n{fact['label'][other]}", lines=True)),
        (word("figure", lang), figure),
        (word("as_of", lang), text(phrases.when(fact["as_of"], lang))),
        (word("kind", lang), text(word("kind_" + fact["kind"], lang))),
    ]
    if fact["baseline"]:
        before = phrases.baseline(fact, lang)
        if fact["baseline"]["derived"]:
            before += f"\n{word('derived', lang)}{colon}{fact['baseline']['method']}"
        rows += [
            (word("baseline", lang), text(before, lines=True)),
            (word("change", lang), text(phrases.change_summary(fact, lang))),
        ]
    rows.append((word("quote", lang), _quote(fact, color)))
    speaker = speakers.get((fact["source"]["speaker"] or {}).get("id"))
    if speaker:
        who = punct("comma", lang).join((speaker["name"][lang], speaker["department"][lang], speaker["role"][lang]))
    else:
        who = word("infographic", lang)
    rows.append((word("speaker", lang), text(who)))
    return rows


def show(facts: list[dict], speakers: dict, lang: str, term: Terminal) -> None:
    """`cqmin show`: the full record of each fact."""
    with drawing(term) as out:
        for number, fact in enumerate(facts):
            if number:
                out.print()
            out.print(text(fact["id"], "bold cyan"))
            out.print(key_values(_record_rows(fact, speakers, lang, term.color)))


def fact_list(facts: list[dict], lang: str, term: Terminal) -> None:
    """Facts found by search: label with its id under it, figure, date."""
    figures = [numbers.figure(fact, lang) for fact in facts]
    whens = [dates.show(fact["as_of"], lang) for fact in facts]
    with drawing(term) as out:
        if not fits(term, [[word("figure", lang), *figures], [word("as_of", lang), *whens]]):
            records = []
            for fact, figure, when in zip(facts, figures, whens, strict=True):
                detail = text(figure, "bold") + text(f" · {when}", "dim")
                records.append((text(fact["label"][lang]), [text(fact["id"], "cyan"), detail]))
            stacked(out, records)
            return
        drawn = table(term, word("label", lang), word("figure", lang), word("as_of", lang))
        keep_whole(drawn, 1, right=True)
        keep_whole(drawn, 2)
        for fact, figure, when in zip(facts, figures, whens, strict=True):
            cell = text(fact["label"][lang])
            cell.append("\n")
            cell.append(text(fact["id"], "cyan"))
            drawn.add_row(cell, text(figure), text(when))
        out.print(drawn)


def sources(event: dict, rows: list[dict], lang: str, term: Terminal) -> None:
    """`cqmin sources`: the event, then its speakers with their topics and number of facts."""
    with drawing(term) as out:
        about = [
            (word("event", lang), text(event["title"][lang], "bold")),
            (word("date", lang), text(dates.show(event["date"], lang))),
            (word("place", lang), text(event["place"][lang])),
        ]
        for key in ("organizer", "article"):
            if event.get(key):
                about.append((word(key, lang), text(event[key][lang])))
        out.print(key_values(about))
        out.print()
        names = [row["name"][lang] for row in rows]
        if not fits(term, [[word("name", lang), *names], [word("facts", lang), "000"]], worded=2):
            stacked(
                out,
                [(text(row["name"][lang], "bold"),
                  [text(row["department"][lang]), text(row["role"][lang], "dim"),
                   text(f"{', '.join(row['topics'])} · {row['facts']} {word('facts', lang)}")])
                 for row in rows],
            )  # fmt: skip
            return
        headers = (word(key, lang) for key in ("name", "department", "topics", "facts"))
        drawn = table(term, *headers)
        keep_whole(drawn, 0)
        keep_whole(drawn, 3, right=True)
        for row in rows:
            who = text(row["department"][lang])
            who.append("\n")
            who.append(text(row["role"][lang], "dim"))
            drawn.add_row(text(row["name"][lang], "bold"), who, text(", ".join(row["topics"])), str(row["facts"]))
        out.print(drawn)
