"""Plain text for people where a table is not the form: the report of `validate`, and citations.

A citation follows the reader's language's convention (GB/T 7714 in Chinese, a
Chicago-style note otherwise): the figure, the verbatim quote, who said it where
and when, the reference, and the fact's id.
"""

from cqmin.render.safe import clean
from cqmin.results import Citations, Problems

NAME = "text"
HELP = "lines of text (the default)"
TRAITS = {"for_people": True, "escapes": True}  # an ASCII-only output gets \u escapes


def _problems(result: Problems, output) -> str:
    if not result.problems:
        counts = ", ".join(result.counts or [])
        return f"{clean(result.label)}: {counts}: no problems\n"
    count = f"{len(result.problems)} problem" + ("s" if len(result.problems) != 1 else "")
    lines = [clean(problem.format()) for problem in result.problems]
    return "".join(line + "\n" for line in lines) + f"{count} in {clean(result.label)}\n"


def _citations(result: Citations, output) -> str:
    from cqmin import dates

    language = output.language
    blocks = []
    for number, fact in enumerate(result.facts, start=1):
        event = result.base.event(fact.event)
        speaker = result.base.speaker(fact.speaker)
        figure = f"{language.text(fact.label)}{language.colon}{language.figure_as_stated(fact)}"
        if fact.as_of:
            figure += f"{language.comma}{dates.show(fact.as_of, language)}"
        lines = [
            f"[{number}] {language.reference(event, output.today)}",
            f"    {figure}",
            f"    “{fact.quote}”",
            f"    {language.attributed} {language.attribution(fact, speaker, event)}",
            f"    cqmin {fact.id}",
        ]
        blocks.append("\n".join(clean(line) for line in lines) + "\n")
    return "\n".join(blocks)


RENDERS = {Problems: _problems, Citations: _citations}
