"""Tables to read in a terminal, drawn with Rich (imported only here, when one is drawn)."""

from cqmin.results import Comparisons, FactDetails, SearchHits, Sources, TopicFacts, TopicList

NAME = "table"
HELP = "a table to read (the default)"
TRAITS = {"for_people": True}


def _topic(result: TopicFacts, output) -> str:
    from cqmin.render import topics

    return topics.topic(result, output)


def _compare(result: Comparisons, output) -> str:
    from cqmin.render import topics

    return topics.compare(result, output)


def _overview(result: TopicList, output) -> str:
    from cqmin.render import topics

    return topics.overview(result, output)


def _show(result: FactDetails, output) -> str:
    from cqmin.render import facts

    return facts.show(result, output)


def _found(result: SearchHits, output) -> str:
    from cqmin.render import facts

    return facts.found(result, output)


def _sources(result: Sources, output) -> str:
    from cqmin.render import sources

    return sources.sources(result, output)


RENDERS = {
    TopicFacts: _topic,
    Comparisons: _compare,
    TopicList: _overview,
    FactDetails: _show,
    SearchHits: _found,
    Sources: _sources,
}
