"""How `cqmin check` judges claims made from facts.toml's own sentences: as they are, and altered.

    python benchmarks/check_quality.py

For each fact, its quote as a claim (the figure should be supported), and the
quote altered in number, bound, year or kind (the figure should be contradicted,
or at least not found; never supported). tests/test_factbase.py holds check to
the targets: of altered claims at least 90% contradicted, none supported.
"""

import re
from decimal import Decimal
from pathlib import Path

from cqmin import bounds

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"supported": 0.90, "contradicted": 0.90}


def _altered_number(stated: str) -> str | None:
    match = re.search(r"[0-9]+(?:\.[0-9]+)?", stated)
    if not match:
        return None
    number = Decimal(match.group())
    changed = number + Decimal(10) ** number.as_tuple().exponent  # one more in its last digit: 26.41 -> 26.42
    if bounds.a_few_more(stated):  # one more of the place 余 counts in: "700余" is 700 to 800, so 800余
        changed = number + bounds.few_more(stated, number)
    return stated[: match.start()] + str(changed) + stated[match.end() :]


def _altered_bound(stated: str) -> str | None:
    for word, other in (("突破", "不到"), ("超过", "不到"), ("超", "不到"), ("约", "超过"), ("近", "超过")):
        if stated.startswith(word):
            return other + stated[len(word) :]
    for word, other in (("以上", "以下"), ("以内", "以上"), ("左右", "以上")):
        if stated.endswith(word):
            return stated[: -len(word)] + other
    if "余" in stated or "多" in stated:
        return "不到" + stated.replace("余", "").replace("多", "")
    return "超过" + stated if stated[0].isdigit() else None


_YEARS = [("今年", "去年"), ("去年", "今年"), ("现在", "去年"), ("截至目前", "截至去年"), ("前三季度", "去年前三季度")]


def claims(fact: dict) -> dict[str, str]:
    """The fact's quote as a claim, and altered in each way that applies: {how: claim}."""
    quote, stated = fact["quote"], fact["stated"]
    position = quote.find(stated)
    before, after = quote[:position], quote[position + len(stated) :]
    made = {"as said": quote}
    number = _altered_number(stated)
    if number:
        made["number"] = before + number + after
    bound = _altered_bound(stated)
    if bound:
        made["bound"] = before + bound + after
    year = re.search(r"((?:19|20)[0-9]{2})年", before)
    if year:
        made["year"] = before[: year.start()] + str(int(year[1]) - 1) + "年" + before[year.end() :] + stated + after
    else:
        for word, other in _YEARS:
            if word in before:
                made["year"] = before.replace(word, other, 1) + stated + after
                break
    if fact["kind"] == "target":
        words = re.search(r"未来五年|力争|计划|下一步|接下来|确保|再建设|将", before)
        if words:
            made["kind"] = before[: words.start()] + "已" + before[words.end() :] + stated + after
    elif "已" not in after.split("，")[0]:  # (a sentence that goes on "…已完成" still says it is done)
        made["kind"] = before + "计划" + stated + after
    return made


def judge_all(base, reference: dict) -> dict[str, dict[str, int]]:
    """{how: {verdict: count}} over every fact of the reference."""
    from cqmin import claims as checking

    counts: dict[str, dict[str, int]] = {}
    for fact in reference["facts"]:
        for how, claim in claims(fact).items():
            meant = (fact["stated"], _altered_number(fact["stated"]), _altered_bound(fact["stated"]))
            for judged in checking.judge(claim, base):
                if judged.figure.stated in meant:
                    counts.setdefault(how, {}).setdefault(judged.verdict, 0)
                    counts[how][judged.verdict] += 1
                    break
    return counts


def main() -> None:
    import tomli

    from cqmin import facts

    base = facts.load(str(ROOT / "facts.toml"))
    counts = judge_all(base, tomli.loads((ROOT / "facts.toml").read_text(encoding="utf-8")))
    for how, verdicts in counts.items():
        total = sum(verdicts.values())
        shares = "  ".join(f"{name} {count / total:6.1%}" for name, count in sorted(verdicts.items()))
        print(f"{how:8} {total:4}  {shares}")


if __name__ == "__main__":
    main()
