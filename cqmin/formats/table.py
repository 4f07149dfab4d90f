"""Tables to read in a terminal, drawn with Rich (imported only here, when one is drawn)."""

from cqmin.results import Checks, Comparisons, FactDetails, SearchHits, Sources, TopicFacts, TopicList

NAME = "table"
HELP = "a table to read (the default)"
TRAITS = {"for_people": True}


def _drawn_by(module: str, function: str):
    """The renderer `cqmin.render.<module>.<function>`, imported (with Rich) only when a table is drawn."""

    def render(result, output) -> str:
        import importlib

        return getattr(importlib.import_module(f"cqmin.render.{module}"), function)(result, output)

    return render


RENDERS = {
    TopicFacts: _drawn_by("topics", "topic"),
    Comparisons: _drawn_by("topics", "compare"),
    TopicList: _drawn_by("topics", "overview"),
    FactDetails: _drawn_by("facts", "show"),
    SearchHits: _drawn_by("facts", "found"),
    Sources: _drawn_by("sources", "sources"),
    Checks: _drawn_by("checks", "checks"),
}
