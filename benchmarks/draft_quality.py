"""How close `cqmin draft` comes to a careful reader: the draft of the bundled article against facts.toml.

    python benchmarks/draft_quality.py [ARTICLE]

For each fact of facts.toml, the drafted fact of the same value and qualifier
whose quote holds the fact's stated figure; of those, how many have the same
kind, stated figure, date and baseline; and how many drafted figures are facts
(or baselines) of facts.toml at all. tests/test_factbase.py holds the draft to
the targets (README, "From an article to a fact base").
"""

import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT.parent / "shared" / "source" / "chongqing-minsheng-2022-10-19.txt"
TARGETS = {"found": 0.95, "kind": 0.95, "stated": 0.90, "as_of": 0.85, "baseline": 0.75, "precision": 0.85}


def _number(value) -> Decimal:
    return Decimal(repr(value))


def measure(drafted: dict, reference: dict) -> dict[str, float]:
    """The shares of TARGETS, for a draft (parsed TOML) against a reviewed base (parsed TOML)."""

    def match(fact: dict) -> dict | None:
        return _match(fact, drafted)

    pairs = [(fact, match(fact)) for fact in reference["facts"]]
    found = [(fact, draft) for fact, draft in pairs if draft is not None]
    compared = [(fact, draft) for fact, draft in found if "baseline" in fact]
    known = {_number(fact["value"]) for fact in reference["facts"]}
    known |= {_number(fact["baseline"]["value"]) for fact in reference["facts"] if "baseline" in fact}
    share = lambda good, every: len(good) / len(every) if every else 1.0  # noqa: E731
    return {
        "found": share(found, pairs),
        "kind": share([1 for fact, draft in found if draft["kind"] == fact["kind"]], found),
        "stated": share([1 for fact, draft in found if draft["stated"] == fact["stated"]], found),
        "as_of": share([1 for fact, draft in found if draft["as_of"] == fact["as_of"]], found),
        "baseline": share(
            [1 for fact, draft in compared
             if "baseline" in draft and _number(draft["baseline"]["value"]) == _number(fact["baseline"]["value"])],
            [fact for fact in reference["facts"] if "baseline" in fact],
        ),
        "precision": share([1 for draft in drafted["facts"] if _number(draft["value"]) in known], drafted["facts"]),
    }  # fmt: skip


def _match(fact: dict, drafted: dict) -> dict | None:
    """The drafted fact of a reviewed one: of the same value and qualifier, its quote holding the stated figure;
    where several do, the one whose quote shares the most of the reviewed quote."""
    from cqmin import wording

    stated, quote = wording.squeeze(fact["stated"]), wording.squeeze(fact["quote"])
    candidates = [
        candidate for candidate in drafted["facts"]
        if _number(candidate["value"]) == _number(fact["value"]) and candidate["qualifier"] == fact["qualifier"]
        and stated in wording.squeeze(candidate["quote"])
    ]  # fmt: skip
    pairs = lambda text: {text[i : i + 2] for i in range(len(text) - 1)}  # noqa: E731
    return max(candidates, key=lambda candidate: len(pairs(wording.squeeze(candidate["quote"])) & pairs(quote)),
               default=None)  # fmt: skip


def misses(drafted: dict, reference: dict) -> list[str]:
    """What the draft got otherwise than facts.toml, a line each: to read when a share falls."""
    lines = []
    for fact in reference["facts"]:
        draft = _match(fact, drafted)
        if draft is None:
            lines.append(f"missing  {fact['id']} {fact['stated']}")
            continue
        for field in ("qualifier", "kind", "stated", "as_of"):
            if draft[field] != fact[field]:
                lines.append(f"{field:8} {fact['id']} {fact[field]!r} drafted {draft[field]!r}")
        if "baseline" in fact and draft.get("baseline", {}).get("value") != fact["baseline"]["value"]:
            lines.append(f"baseline {fact['id']} {fact['baseline']} drafted {draft.get('baseline')}")
    return lines


def main() -> None:
    import tomli

    from cqmin import articles, drafting

    article = Path(sys.argv[1]) if len(sys.argv) > 1 else ARTICLE
    drafted = drafting.draft(articles.read(str(article)), "2022-10-19", "livelihood-2022-10-19", None)
    reference = tomli.loads((ROOT / "facts.toml").read_text(encoding="utf-8"))
    for line in misses(drafted, reference):
        print(line)
    print(f"{len(drafted['facts'])} drafted, {len(reference['facts'])} in facts.toml")
    for name, value in measure(drafted, reference).items():
        print(f"{name:10} {value:6.1%}  (target {TARGETS[name]:.0%})")


if __name__ == "__main__":
    main()
