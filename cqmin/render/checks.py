"""The table of `cqmin check`: each figure of the claim, its verdict, and the fact it was held to, with why."""

from rich.console import Console

from cqmin.output import Output
from cqmin.render.draw import draw, hanging, print_lines, text, whole
from cqmin.results import Checks

_STYLES = {"supported": "bold green", "contradicted": "bold red", "not_found": "bold yellow"}


def checks(result: Checks, output: Output) -> str:
    """Each figure as claimed and its verdict; under it the fact (its id, its figure, its quote) and the reason."""
    language = output.language

    def paint(out: Console) -> None:
        lines = []
        for number, judged in enumerate(result.judged):
            if number:
                lines.append(text(""))
            line = text(judged.figure.stated, "bold")
            line.append(text(f"  {language.word(judged.verdict)}", _STYLES[judged.verdict]))
            lines.append(line)
            fact = judged.fact
            if fact is not None:
                lines.append(whole(f"  {fact.id}", "cyan"))
                lines.append(hanging(text(language.figure_as_stated(fact)), 2))
                lines.append(hanging(text(f"“{fact.quote}”", "dim"), 2))
            why = f"{language.word('reason')}{language.colon}{judged.reason.said(language)}"
            lines.append(hanging(text(why, "dim"), 2))
        print_lines(out, lines)

    return draw(output.terminal, paint)
