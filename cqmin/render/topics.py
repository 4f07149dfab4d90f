"""Tables for topics: one topic's figures and comparisons, all comparisons, the overview."""

from rich.console import Console
from rich.text import Text

from cqmin import dates, numbers
from cqmin.lang import parens, punct, word
from cqmin.render import phrases
from cqmin.render.draw import bar, cell_len, drawing, fits, keep_whole, pad, section, stacked, table, text
from cqmin.render.phrases import change_summary
from cqmin.terminal import Terminal

MAX_BAR = 30


def _speaker(speaker: dict, lang: str) -> str:
    if lang == "zh":
        return speaker["name"]["zh"] + parens(speaker["department"]["zh"] + speaker["role"]["zh"], "zh")
    return f"{speaker['name']['en']} ({speaker['department']['en']}, {speaker['role']['en']})"


def _heading(out: Console, view: dict, lang: str) -> None:
    topic, event = view["topic"], view["event"]
    title = text(topic["title"][lang], "bold")
    if lang == "zh":
        title.append(text(f"  {topic['title']['en']}", "dim"))
    people = [_speaker(speaker, lang) for speaker in view["speakers"]]
    if view["infographic"]:
        people.append(word("infographic", lang))
    colon = punct("colon", lang)
    when = punct("list", lang).join(dates.show(date, lang) if date else word("undated", lang) for date in view["dates"])
    conference = f"{dates.show(event['date'], lang)} {word('conference', lang)}"
    lines = [
        title,
        text(topic["summary"][lang]),
        text(word("speakers", lang) + colon + punct("semicolon", lang).join(people)),
        text(f"{conference} · {word('figures_as_of', lang)}{colon}{when}", "dim"),
    ]
    out.print(Text("\n").join(lines))  # one print: each costs a pass through Rich's pipeline


def _facts(out: Console, facts: list[dict], lang: str, term: Terminal, date_header: str) -> None:
    figures = [numbers.figure(fact, lang) for fact in facts]
    whens = [dates.show(fact["as_of"], lang) for fact in facts]
    if not fits(term, [[word("figure", lang), *figures], [date_header, *whens]]):
        stacked(
            out,
            [(text(fact["label"][lang]), [text(figure, "bold") + text(f" · {when}", "dim")])
             for fact, figure, when in zip(facts, figures, whens, strict=True)],
        )  # fmt: skip
        return
    drawn = table(term, word("label", lang), word("figure", lang), date_header)
    keep_whole(drawn, 1, right=True)
    keep_whole(drawn, 2)
    for fact, figure, when in zip(facts, figures, whens, strict=True):
        drawn.add_row(text(fact["label"][lang]), text(figure), text(when))
    out.print(drawn)


def comparisons(out: Console, facts: list[dict], lang: str, term: Terminal, with_topic: bool = False) -> None:
    """Each comparison: its label and change, then before and now, each with a bar.

    Bars of one comparison share a scale (the larger of the two is full width);
    a derived baseline is starred, and the footnote shows its arithmetic. The
    rows are laid out by hand, in cells, rather than as Rich tables: the same
    result in a fraction of the time, and every TAB and lookup starts afresh.
    """
    rows = []
    for fact in facts:
        baseline = fact["baseline"]
        before = phrases.before(fact, lang) + (" *" if baseline["derived"] else "")
        now = numbers.quantity(fact["value"], fact["unit"], lang)
        rows.append(
            (
                fact,
                (word("before", lang), dates.show(baseline["as_of"], lang), before, baseline["value"]),
                (word("now", lang), dates.show(fact["as_of"], lang), now, fact["value"]),
            )
        )
    word_width = max(cell_len(word("before", lang)), cell_len(word("now", lang)))
    date_width = max((cell_len(row[1]) for _, *pair in rows for row in pair), default=0)
    figure_width = max((cell_len(row[2]) for _, *pair in rows for row in pair), default=0)
    # indent 2, three gaps of 2: the bar takes what is left, up to MAX_BAR
    bar_width = max(0, min(MAX_BAR, term.width - 8 - word_width - date_width - figure_width))
    lines = []
    for fact, before, now in rows:
        line = text(fact["label"][lang], "bold")
        if with_topic:
            line.append(text(f" [{fact['topic']}]", "dim"))
        line.append(text(punct("colon", lang)))
        summary = text(change_summary(fact, lang))
        if line.cell_len + summary.cell_len > term.width:  # keep the figures of the summary on one line
            lines.append(line)
            line = text("  ")
        lines.append(line + summary)
        top = max(before[3], now[3])
        for (label, when, figure, value), strong in ((before, False), (now, True)):
            row = Text("  ")
            row.append(pad(label, word_width) + "  ", "dim")
            row.append(pad(when, date_width) + "  ", "dim")
            row.append(pad(figure, figure_width, right=True), "bold" if strong else "")
            row.append("  " + bar(value, top, bar_width, term.unicode), "cyan" if strong else "bright_black")
            lines.append(row)
    derived = [fact for fact in facts if fact["baseline"]["derived"]]
    if derived:
        note = f"* {word('derived', lang)}{parens(word('derived_note', lang), lang)}{punct('colon', lang)}"
        lines += [Text(""), text(note, "dim")]
        method_width = max(cell_len(fact["baseline"]["method"]) for fact in derived)
        for fact in derived:
            lines.append(text(f"  {pad(fact['baseline']['method'], method_width)}  {fact['label'][lang]}", "dim"))
    out.print(Text("\n").join(lines))


def topic(view: dict, lang: str, term: Terminal) -> None:
    """`cqmin pension`: heading, achieved figures, comparisons with earlier years, targets."""
    with drawing(term) as out:
        _heading(out, view, lang)
        if view["achieved"]:
            section(out, word("achieved", lang))
            _facts(out, view["achieved"], lang, term, word("as_of", lang))
        if view["comparisons"]:
            section(out, word("comparison", lang))
            comparisons(out, view["comparisons"], lang, term)
        if view["targets"]:
            section(out, word("targets", lang))
            _facts(out, view["targets"], lang, term, word("period", lang))
        if not view["facts"]:
            out.print(text(word("none", lang)))


def compare(facts: list[dict], lang: str, term: Terminal) -> None:
    """`cqmin compare`: every comparison, largest percent change first."""
    with drawing(term) as out:
        out.print(text(f"{word('comparison', lang)} · {word('sort_note', lang)}", "bold"))
        out.print()
        if facts:
            comparisons(out, facts, lang, term, with_topic=True)
        else:
            out.print(text(word("none", lang)))


def overview(rows: list[dict], event: dict, lang: str, term: Terminal) -> None:
    """`cqmin` and `cqmin topics`: the topics, each with one headline figure under its title."""
    with drawing(term) as out:
        out.print(text(event["title"][lang], "bold"))
        out.print(text(f"{dates.show(event['date'], lang)} · {event['place'][lang]}", "dim"))
        out.print()
        counts = [[row["id"] for row in rows], [str(row["facts"]) for row in rows]]
        if not fits(term, [[word("command", lang), *counts[0]], [word("facts", lang), *counts[1]], ["00000000"]]):
            stacked(out, [_overview_stacked(row, lang) for row in rows])
            return
        drawn = table(term, word("command", lang), word("facts", lang), word("compared", lang), word("topic", lang))
        keep_whole(drawn, 0)
        keep_whole(drawn, 1, 2, right=True)
        for row in rows:
            cell = text(row["title"][lang], "bold")
            headline = row["headline"]
            if headline:
                cell.append("\n")
                cell.append(text(numbers.figure(headline, lang), "cyan"))
                cell.append(text(" · " + headline["label"][lang], "dim"))
            drawn.add_row(text(row["id"], "cyan"), str(row["facts"]), str(row["comparisons"]), cell)
        out.print(drawn)


def _overview_stacked(row: dict, lang: str) -> tuple:
    counts = f"{row['facts']} {word('facts', lang)}, {row['comparisons']} {word('compared', lang)}"
    details = [text(row["title"][lang], "bold"), text(counts, "dim")]
    if row["headline"]:
        details.append(
            text(numbers.figure(row["headline"], lang), "cyan") + text(" · " + row["headline"]["label"][lang])
        )
    return text(row["id"], "cyan"), details
