"""The report of `cqmin validate`: every problem on its own line, then a count; or one summary line."""

from cqmin.render.safe import clean


def text(problems: list[str], label: str, data: dict) -> str:
    if not problems:
        counts = f"{len(data['facts'])} facts, {len(data['topics'])} topics, {len(data['speakers'])} speakers"
        return f"{clean(label)}: {counts}: no problems\n"
    count = f"{len(problems)} problem" + ("s" if len(problems) != 1 else "")
    return "".join(clean(problem) + "\n" for problem in problems) + f"{count} in {clean(label)}\n"


def as_json(problems: list[str]) -> str:
    from cqmin.render.data import to_json

    return to_json(problems)
