"""Tables for single facts: `show` (the full record) and `search` (the facts found)."""

from rich.console import Console
from rich.text import Text

from cqmin import dates
from cqmin.languages import REGISTRY
from cqmin.languages.base import Language
from cqmin.model import Fact, FactBase
from cqmin.output import Output
from cqmin.render import phrases
from cqmin.render.draw import (
    cell_len,
    draw,
    fits,
    keep_whole,
    key_values,
    print_whole,
    stacked,
    table,
    text,
    whole,
)
from cqmin.render.safe import clean
from cqmin.render.wrap import Wrapped
from cqmin.results import FactDetails, SearchHits


def _quote(fact: Fact, color: bool) -> Text:
    """The quote, verbatim; on a colour terminal its figure is highlighted, elsewhere nothing is added."""
    quote = Wrapped(clean(fact.quote))
    start = quote.plain.find(clean(fact.stated))
    if color and start >= 0:
        quote.stylize("bold reverse", start, start + len(clean(fact.stated)))
    return quote


def _record_rows(fact: Fact, base: FactBase, language: Language, color: bool) -> list[tuple[str, Text]]:
    labels = [language.text(fact.label)]
    labels += [fact.label[code] for code in REGISTRY if code in fact.label and fact.label[code] not in labels]
    figure = language.figure(fact)
    rows = [
        (language.word("label"), text("\n".join(labels), lines=True)),
        (language.word("figure"), text(figure, "bold")),
    ]
    if figure != fact.stated:
        rows.append((language.word("stated"), text(fact.stated)))
    rows += [
        (language.word("qualifier"), text(language.qualifiers[fact.qualifier])),
        (language.word("as_of"), text(phrases.when(fact.as_of, language))),
        (language.word("kind"), text(phrases.kind(fact, language))),
    ]
    if fact.baseline:
        before = phrases.baseline(fact, language)
        if fact.baseline.derived:
            before += f"\n{language.word('derived')}{language.colon}{phrases.method(fact, language)}"
        rows += [
            (language.word("baseline"), text(before, lines=True)),
            (language.word("change"), text(phrases.change_summary(fact, language))),
        ]
    rows.append((language.word("quote"), _quote(fact, color)))
    speaker = base.speaker(fact.speaker)
    rows.append(
        (language.word("speaker"), text(language.speaker_line(speaker) if speaker else language.word("infographic")))
    )
    event = base.event(fact.event)
    rows.append(
        (
            language.word("event"),
            text(f"{language.text(event.title)}{language.comma}{dates.show(event.date, language)}"),
        )
    )
    return rows


def show(result: FactDetails, output: Output) -> str:
    """`cqmin show`: the full record of each fact."""

    def paint(out: Console) -> None:
        for number, fact in enumerate(result.facts):
            if number:
                out.print()
            print_whole(out, whole(fact.id, "bold cyan"))
            rows = _record_rows(fact, result.base, output.language, output.terminal.color)
            out.print(key_values(rows, output.terminal.width))

    return draw(output.terminal, paint)


def found(result: SearchHits, output: Output) -> str:
    """Facts found by search: label with its id (and the Chinese it matched) under it, figure, date, kind."""
    language, term = output.language, output.terminal
    facts = result.facts
    figures = [language.figure(fact) for fact in facts]
    whens = [dates.show(fact.as_of, language) for fact in facts]
    kinds = [phrases.kind(fact, language) for fact in facts]

    several = len(phrases.events_of(facts)) > 1

    def conference(fact: Fact) -> Text | None:
        """Where figures of more than one press conference are found, each says its own."""
        return text(phrases.conference(result.base.event(fact.event), language), "dim") if several else None

    def matched(fact: Fact) -> Text | None:
        chinese, field = result.matched.get(fact.id, (None, None))
        if not chinese or chinese == language.text(fact.label):
            return None
        named = language.parens(language.word(field)) if field in ("topic", "speaker") else ""  # (not the fact's)
        return text(f"{language.word('matched')}{language.colon}{chinese}{named}", "dim")

    def paint(out: Console) -> None:
        columns = [
            [language.word("figure"), *figures],
            [language.word("as_of"), *whens],
            [language.word("kind"), *kinds],
        ]
        widest_id = max(cell_len(fact.id) for fact in facts)
        if not fits(term, [*columns, ["x" * widest_id]], worded=0):
            records = []
            for fact, figure, when, kind in zip(facts, figures, whens, kinds, strict=True):
                detail = text(figure, "bold") + text(f" · {when} · {kind}", "dim")
                extra = [line for line in (matched(fact), conference(fact)) if line is not None]
                records.append((text(language.text(fact.label)), [whole(fact.id, "cyan"), *extra, detail]))
            stacked(out, records)
            return
        drawn = table(
            term, language.word("label"), language.word("figure"), language.word("as_of"), language.word("kind")
        )
        drawn.columns[0].min_width = widest_id  # the id under each label stays on one line
        keep_whole(drawn, 1, right=True)
        keep_whole(drawn, 2, 3)
        for fact, figure, when, kind in zip(facts, figures, whens, kinds, strict=True):
            cell = text(language.text(fact.label))
            cell.append("\n")
            cell.append_text(whole(fact.id, "cyan"))
            for line in (matched(fact), conference(fact)):
                if line is not None:
                    cell.append("\n")
                    cell.append_text(line)
            drawn.add_row(cell, text(figure), text(when), text(kind, "dim"))
        out.print(drawn)

    return draw(term, paint)
