"""Markdown: GitHub tables (and, for `show`, a block quote with its attribution), in the reader's language."""

import re  # its patterns are compiled on first use (re caches them): a lookup in another format pays nothing

import cqmin.formats.selection as selection
from cqmin.results import Checks, Citations, FactDetails, Facts, Result, Sources, TopicList

NAME = "markdown"
HELP = "Markdown, for documents"
TRAITS = {"extensions": (".md", ".markdown"), "takes_fields": True}


# Characters that make Markdown of text: emphasis, code, links and images, HTML, entities, strikethrough,
# GitHub's math ($…$), and the pipe that ends a table cell; and, for GitHub's links made of bare
# addresses, the "@" of an e-mail address, the ":" of "https://" and the "." of "www.". Each shows
# as written, escaped with a backslash.
_MARKUP = r"[\\`*_\[\]<>&~|$@]|:(?=//)|(?<=[wW]{3})\."
# What makes a block of a line's start (CommonMark): "# " a heading, "- ", "+ " or "1. " a list item,
# "===" or "---" alone an underline or a rule. "-5%" and "1.73个" are text, and stay as written.
_BLOCK_START = r"(?:#{1,6}|[-+]|\d{1,9}[.)])(?:\s|$)|[=-]+\s*$"


def _literal(text: str) -> str:
    """Untrusted text as Markdown that shows it as written, on one line, wherever it is placed."""
    from cqmin.render.safe import clean

    # (clean() made line breaks spaces; leading ones would make code of a quoted line)
    escaped = re.sub(_MARKUP, lambda match: "\\" + match[0], clean(text).strip(" "))
    if not re.match(_BLOCK_START, escaped):
        return escaped
    number = re.match(r"\d+", escaped)
    if number:  # "2022. " would start a numbered list: escape its full stop
        return f"{number[0]}\\{escaped[number.end() :]}"
    return "\\" + escaped


def _cell(value) -> str:
    return _literal(selection.cell(value))


def _table(header: list[str], rows: list[list], align: list[str] | None = None) -> str:
    """A GitHub table; `align` gives "l" or "r" for each column."""
    align = align or ["l"] * len(header)
    lines = [
        "| " + " | ".join(_cell(title) for title in header) + " |",
        "|" + "|".join(" ---: " if side == "r" else " --- " for side in align) + "|",
    ]
    lines += ["| " + " | ".join(_cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _chosen(result: Result, output) -> str:
    columns, rows = selection.table(result, output)
    return _table([column.name for column in columns], rows)


def _facts(result: Facts, output) -> str:
    from cqmin import dates
    from cqmin.render import phrases

    language = output.language
    header = [language.word(key) for key in ("id", "label", "figure", "kind", "as_of", "change")]
    rows = [
        [fact.id, language.text(fact.label), language.figure(fact), phrases.kind(fact, language),
         dates.show(fact.as_of, language), phrases.change_line(fact, language)]
        for fact in result.facts
    ]  # fmt: skip
    align = ["l", "l", "r", "l", "l", "l"]
    if len(phrases.events_of(result.facts)) > 1:  # figures of several press conferences: each says its own
        header.append(language.word("event"))
        for row, fact in zip(rows, result.facts, strict=True):
            row.append(phrases.conference(result.base.event(fact.event), language))
        align.append("l")
    return _table(header, rows, align)


def _details(result: FactDetails, output) -> str:
    """Each fact as a section: its figure, date, kind and change, then its quote with who said it, and where."""
    from cqmin import dates
    from cqmin.render import phrases

    language = output.language
    blocks = []
    for fact in result.facts:
        items = [(language.word("figure"), language.figure(fact))]
        if language.figure(fact) != fact.stated:
            items.append((language.word("stated"), fact.stated))
        items += [
            (language.word("as_of"), phrases.when(fact.as_of, language)),
            (language.word("kind"), phrases.kind(fact, language)),
        ]
        if fact.change is not None:
            items.append((language.word("change"), phrases.change_line(fact, language)))
        speaker = result.base.speaker(fact.speaker)
        event = result.base.event(fact.event)
        who = language.speaker_line(speaker) if speaker else language.word("infographic")
        where = f"{language.text(event.title)}{language.comma}{dates.show(event.date, language)}"
        lines = [f"### {_literal(language.text(fact.label))} (`{fact.id}`)", ""]
        lines += [f"- **{name}**: {_literal(value)}" for name, value in items]
        lines += ["", f"> {_literal(fact.quote)}", ">", f"> — {_literal(who)}{language.semicolon}{_literal(where)}"]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def _topics(result: TopicList, output) -> str:
    from cqmin.render import phrases

    language = output.language
    header = [language.word(key) for key in ("command", "topic", "facts", "comparisons", "headline")]
    rows = []
    for row in result.topics:
        headline = row.headline
        summary = f"{language.text(headline.label)}: {phrases.headline(headline, language)}" if headline else ""
        compared = sum(1 for fact in row.facts if fact.change is not None)
        rows.append([row.topic.id, language.text(row.topic.title), len(row.facts), compared, summary])
    return _table(header, rows, ["l", "l", "r", "r", "l"])


def _sources(result: Sources, output) -> str:
    from cqmin import dates

    language = output.language
    blocks = []
    for row in result.events:
        event = row.event
        about = [dates.show(event.date, language), language.text(event.place)]
        about += [language.text(value) for value in (event.organizer, event.article) if value]
        head = f"**{_literal(language.text(event.title))}** — {_literal(language.comma.join(about))}\n"
        header = [language.word(key) for key in ("name", "role", "department", "topics", "facts")]
        rows = [
            [language.text(s.speaker.name), language.text(s.speaker.role), language.text(s.speaker.department),
             ", ".join(s.topics), s.facts]
            for s in row.speakers
        ]  # fmt: skip
        blocks.append(head + "\n" + _table(header, rows, ["l", "l", "l", "l", "r"]))
    return "\n".join(blocks)


def _citations(result: Citations, output) -> str:
    """Each figure as a block quote with its attribution, then the reference, for a document."""
    language = output.language
    blocks = []
    for fact in result.facts:
        event = result.base.event(fact.event)
        who = language.attribution(fact, result.base.speaker(fact.speaker), event)
        lines = [
            f"> {_literal(fact.quote)}",
            ">",
            f"> {language.attributed} {_literal(who)}",
            "",
            f"{_literal(language.text(fact.label))}{language.colon}**{_literal(language.figure(fact))}** (`{fact.id}`)."
            f" {_literal(language.reference(event, output.today))}",
        ]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def _checks(result: Checks, output) -> str:
    """Each figure of a claim, its verdict, and the fact it was held to with its quote and why, in the language."""
    language = output.language
    header = [language.word(key) for key in ("claimed", "verdict", "id", "figure", "quote", "reason")]
    rows = [
        [judged.figure.stated, language.word(judged.verdict), judged.fact.id if judged.fact else "",
         language.figure_as_stated(judged.fact) if judged.fact else "", judged.fact.quote if judged.fact else "",
         judged.reason.said(language)]
        for judged in result.judged
    ]  # fmt: skip
    return _table(header, rows)


def _or_chosen(render):
    """A renderer that gives way to the plain table of --fields, when fields are chosen."""

    def markdown(result, output) -> str:
        return _chosen(result, output) if output.fields is not None else render(result, output)

    return markdown


RENDERS = {
    Result: _chosen,  # problems, and whatever has no page of its own: its rows as a table
    Facts: _or_chosen(_facts),
    FactDetails: _or_chosen(_details),
    TopicList: _or_chosen(_topics),
    Sources: _or_chosen(_sources),
    Citations: _or_chosen(_citations),
    Checks: _or_chosen(_checks),
}
