"""Plain text for people where a table is not the form: the report of `validate`, one problem a line."""

from cqmin.render.safe import clean
from cqmin.results import Problems

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


RENDERS = {Problems: _problems}
