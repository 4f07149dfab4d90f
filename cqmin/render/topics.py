"""Tables for topics: one topic's figures and comparisons, all comparisons, the overview."""

from rich.console import Console
from rich.text import Text

from cqmin import dates
from cqmin.domain import Kind
from cqmin.languages.base import Language
from cqmin.model import Fact, FactBase
from cqmin.output import Output
from cqmin.render import phrases
from cqmin.render.draw import (
    GAP,
    MIN_WORDS,
    bar,
    cell_len,
    draw,
    fits,
    hanging,
    indented,
    joined,
    keep_whole,
    pad,
    print_lines,
    print_text,
    section,
    stacked,
    table,
    text,
    whole,
)
from cqmin.render.safe import clean
from cqmin.render.wrap import widest
from cqmin.results import Comparisons, TopicFacts, TopicList

MAX_BAR = 30


_NAMED_CONFERENCES = 3  # a heading names this many press conferences; beyond, it counts them


def _heading(out: Console, result: TopicFacts, language: Language) -> None:
    topic = result.topic
    title = text(language.text(topic.title), "bold")  # in the output's language alone
    lines = [title, text(language.text(topic.summary))]
    facts = result.facts
    people = [language.speaker(speaker) for speaker in _speakers(result.base, facts)]
    if any(fact.speaker is None for fact in facts):
        people.append(language.word("infographic"))
    if people:
        lines.append(text(language.word("speakers") + language.colon + language.semicolon.join(people)))
    if facts:
        events = [result.base.event(event) for event in phrases.events_of(facts)]
        if len(events) > _NAMED_CONFERENCES:  # (a base may append hundreds): how many, and from when to when
            first, last = min(events, key=lambda event: event.date), max(events, key=lambda event: event.date)
            span = f"{dates.show(first.date, language)} – {dates.show(last.date, language)}"
            conferences = language.word("conferences").format(n=len(events)) + language.parens(span)
        else:
            named = [f"{dates.show(event.date, language)} {language.word('conference')}" for event in events]
            conferences = language.join(named)
        when = language.join([phrases.when(date, language) for date in _dates(facts)])
        lines.append(text(f"{conferences} · {language.word('figures_as_of')}{language.colon}{when}", "dim"))
    print_text(out, joined(lines))


def _speakers(base: FactBase, facts: list[Fact]) -> list:
    """The speakers behind some facts, in order of first appearance."""
    ids = dict.fromkeys(fact.speaker for fact in facts if fact.speaker)
    return [base.speaker(speaker_id) for speaker_id in ids]


def _dates(facts: list[Fact]) -> list[str | None]:
    """The distinct as_of dates of some facts, oldest first, None (undated) last."""
    dated = sorted({fact.as_of for fact in facts if fact.as_of}, key=lambda date: (date.split("/")[-1], date))
    return dated + ([None] if any(not fact.as_of for fact in facts) else [])


def labelled(fact: Fact, language: Language, ids: bool) -> Text:
    """A fact's label, with its id on a line of its own under it if asked."""
    cell = text(language.text(fact.label))
    if ids:
        cell.append("\n")
        cell.append_text(whole(fact.id, "cyan"))
    return cell


def facts_table(out: Console, facts: list[Fact], output: Output, date_header: str) -> None:
    """Label, figure and date of each fact; stacked when the terminal is too narrow for the three."""
    language, term = output.language, output.terminal
    figures = [language.figure(fact) for fact in facts]
    whens = [dates.show(fact.as_of, language) for fact in facts]
    # A label is not squeezed to a few words a line for a long figure: it gets what it needs, or half the room,
    # before figures stay whole; a figure then wraps at its spaces ("more than / 100 billion yuan"), never inside
    # an amount. Ids, in the label column, stay whole.
    date_width = max(cell_len(when) for when in [date_header, *whens])
    room = term.width - 2 * GAP - date_width  # for the label and the figure
    figure_need = max(cell_len(figure) for figure in [language.word("figure"), *figures])
    figure_least = max(widest(figure) for figure in [language.word("figure"), *figures])
    label_need = max(cell_len(language.text(fact.label)) for fact in facts)
    label_least = max(cell_len(fact.id) for fact in facts) if output.ids else MIN_WORDS
    if room - figure_least < label_least:  # too narrow for a table: each fact as a heading and lines under it
        stacked(
            out,
            [(text(language.text(fact.label)),
              ([whole(fact.id, "cyan")] if output.ids else []) + [text(figure, "bold") + text(f" · {when}", "dim")])
             for fact, figure, when in zip(facts, figures, whens, strict=True)],
        )  # fmt: skip
        return
    drawn = table(term, language.word("label"), language.word("figure"), date_header)
    fair = min(label_need, max(label_least, room // 2), room - figure_least)
    label_width = max(fair, min(label_need, room - figure_need))
    drawn.columns[0].width = label_width
    drawn.columns[1].width = min(figure_need, room - label_width)
    drawn.columns[1].justify = "right"
    keep_whole(drawn, 2)
    for fact, figure, when in zip(facts, figures, whens, strict=True):
        drawn.add_row(labelled(fact, language, output.ids), text(figure), text(when))
    out.print(drawn)


def comparisons(out: Console, facts: list[Fact], output: Output, base: FactBase, with_topic: bool = False) -> None:
    """Each comparison: its label and change, then before and now, each with a bar.

    Bars of one comparison share a scale (the larger of the two is full width);
    a derived baseline is starred, and the footnote shows its arithmetic. The
    rows are laid out by hand, in cells, rather than as Rich tables: the same
    result in a fraction of the time, and every TAB and lookup starts afresh.
    """
    language, term = output.language, output.terminal
    several = len(phrases.events_of(facts)) > 1
    rows = []
    for fact in facts:  # laid out by hand, so cleaned here: the dates and figures hold the fact base's text
        baseline = fact.baseline
        before = phrases.before(fact, language) + (" *" if baseline.derived else "")
        rows.append(
            (
                fact,
                (language.word("before"), clean(dates.show(baseline.as_of, language)), clean(before), baseline.value),
                (language.word("now"), clean(dates.show(fact.as_of, language)), clean(phrases.now(fact, language)),
                 fact.value),
            )
        )  # fmt: skip
    word_width = max(cell_len(language.word("before")), cell_len(language.word("now")))
    date_width = max((cell_len(row[1]) for _, *pair in rows for row in pair), default=0)
    figure_width = max((cell_len(row[2]) for _, *pair in rows for row in pair), default=0)
    # indent 2, three gaps of 2: the bar takes what is left, up to MAX_BAR
    bar_width = max(0, min(MAX_BAR, term.width - 8 - word_width - date_width - figure_width))
    in_rows = term.width >= 6 + word_width + date_width + figure_width  # else each figure under its date
    lines: list = []
    for fact, before, now in rows:
        line = text(language.text(fact.label), "bold")
        if with_topic:
            line.append(text(f" [{fact.topic}]", "dim"))
        if several:  # of more than one press conference: each says its own
            line.append(text(f" · {phrases.conference(base.event(fact.event), language)}", "dim"))
        if fact.kind is Kind.TARGET:  # a plan never passes for a result
            line.append(text(f" ({language.word('kind_target')})", "dim"))
        line.append(text(language.colon))
        summary = text(phrases.change_summary(fact, language))
        if line.cell_len + summary.cell_len > term.width:  # the summary under the label, indented if it wraps
            lines += [line, hanging(summary, 2)]
        else:
            lines.append(line + summary)
        if output.ids:
            lines.append(indented(whole(fact.id, "cyan")))
        top = max(before[3], now[3])
        for (label, when, figure, value), strong in ((before, False), (now, True)):
            row = Text("  ")
            row.append(pad(label, word_width) + "  ", "dim")
            row.append(pad(when, date_width) if in_rows else when, "dim")
            if not in_rows:
                lines += [row, hanging(text(figure, "bold" if strong else ""), 4)]
                continue
            row.append("  " + pad(figure, figure_width, right=True), "bold" if strong else "")
            row.append("  " + bar(value, top, bar_width, term.unicode), "cyan" if strong else "bright_black")
            lines.append(row)
    derived = [fact for fact in facts if fact.baseline.derived]
    if derived:
        note = f"* {language.word('derived')}{language.parens(language.word('derived_note'))}{language.colon}"
        lines += [Text(""), text(note, "dim")]
        methods = {fact.id: phrases.method(fact, language) for fact in derived}
        method_width = max(cell_len(method) for method in methods.values())
        for fact in derived:  # a label that wraps keeps the indent
            lines.append(hanging(text(f"{pad(methods[fact.id], method_width)}  {language.text(fact.label)}", "dim"), 2))
    print_lines(out, lines)


def _sections(out: Console, facts: list[Fact], output: Output, base: FactBase) -> None:
    """Achieved figures, comparisons with earlier years, targets."""
    language = output.language
    achieved = [fact for fact in facts if fact.kind is Kind.ACHIEVED]
    compared = [fact for fact in facts if fact.change is not None]
    targets = [fact for fact in facts if fact.kind is Kind.TARGET]
    if achieved:
        section(out, language.word("achieved"))
        facts_table(out, achieved, output, language.word("as_of"))
    if compared:
        section(out, language.word("comparison"))
        comparisons(out, compared, output, base)
    if targets:
        section(out, language.word("targets"))
        facts_table(out, targets, output, language.word("period"))


def topic(result: TopicFacts, output: Output) -> str:
    """`cqmin pension`: heading, then achieved figures, comparisons and targets; of each press conference in
    turn, under its date and title, where the topic has figures of more than one."""
    language = output.language
    events = phrases.events_of(result.facts)

    def paint(out: Console) -> None:
        _heading(out, result, language)
        if len(events) < 2:
            _sections(out, result.facts, output, result.base)
            events.clear()
        of_event: dict[str, list[Fact]] = {event: [] for event in events}
        for fact in result.facts if events else ():  # grouped once: a base may have thousands of events
            of_event[fact.event].append(fact)
        for event in events:
            out.print()
            print_text(out, text(phrases.conference(result.base.event(event), language), "bold reverse"))
            _sections(out, of_event[event], output, result.base)
        if not result.facts:
            print_text(out, text(language.word("none")))

    return draw(output.terminal, paint)


def compare(result: Comparisons, output: Output) -> str:
    """`cqmin compare`: every comparison, largest change first."""
    language = output.language

    def paint(out: Console) -> None:
        print_text(out, text(f"{language.word('comparison')} · {language.word('sort_note')}", "bold"))
        out.print()
        comparisons(out, result.facts, output, result.base, with_topic=True)

    return draw(output.terminal, paint)


def overview(result: TopicList, output: Output) -> str:
    """`cqmin` and `cqmin topics`: the events, then the topics, each with one headline figure under its title."""
    language, term = output.language, output.terminal

    def paint(out: Console) -> None:
        for event in result.base.events:
            print_text(out, text(language.text(event.title), "bold"))
            print_text(out, text(f"{dates.show(event.date, language)} · {language.text(event.place)}", "dim"))
        out.print()
        rows = result.topics
        counts = [[row.topic.id for row in rows], [str(len(row.facts)) for row in rows]]
        if not fits(term, [[language.word("command"), *counts[0]], [language.word("facts"), *counts[1]], ["00000000"]]):
            stacked(out, [_overview_stacked(row, language) for row in rows])
            return
        words = ("command", "facts", "compared", "topic")
        drawn = table(term, *(language.word(key) for key in words))
        keep_whole(drawn, 0)
        keep_whole(drawn, 1, 2, right=True)
        for row in rows:
            cell = text(language.text(row.topic.title), "bold")
            if row.headline:
                cell.append("\n")
                cell.append(text(phrases.headline(row.headline, language), "cyan"))
                cell.append(text(" · " + language.text(row.headline.label), "dim"))
            compared = sum(1 for fact in row.facts if fact.change is not None)
            drawn.add_row(text(row.topic.id, "cyan"), str(len(row.facts)), str(compared), cell)
        out.print(drawn)

    return draw(term, paint)


def _overview_stacked(row, language: Language) -> tuple:
    compared = sum(1 for fact in row.facts if fact.change is not None)
    counts = (
        language.word("n_facts").format(n=len(row.facts))
        + language.comma
        + language.word("n_compared").format(n=compared)
    )
    details = [text(language.text(row.topic.title), "bold"), text(counts, "dim")]
    if row.headline:
        details.append(
            text(phrases.headline(row.headline, language), "cyan") + text(" · " + language.text(row.headline.label))
        )
    return text(row.topic.id, "cyan"), details
