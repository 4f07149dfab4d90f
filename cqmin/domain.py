"""The words of the domain, each defined once: qualifiers, kinds and kinds of unit.

The validator accepts exactly these, the JSON contract writes their values,
the CLI offers them as choices, and the languages word them.
"""

from cqmin.vocabulary import Vocabulary


class Qualifier(Vocabulary):
    """How a figure relates to the truth, as the article's wording says (README, "Reading the figures")."""

    EXACT = "exact"  # no qualifier
    APPROX = "approx"  # 约, 左右, 近
    MORE_THAN = "more_than"  # 余, 多, 超, 超过, 突破
    AT_LEAST = "at_least"  # 以上
    AT_MOST = "at_most"  # 以内, 以下
    LESS_THAN = "less_than"  # 不到, 不足
    RANGE = "range"  # 3—5: value and high


# The article's words that bound a figure: before it (超2550万), inside it after 万 or 亿 (1.6万余名), and
# after it (80%左右). Longer words first: 超过 before 超. Read by numerals (the stated figure), wording
# (bounds beside it in a quote) and render.wrap (a figure is never split from its bound).
BOUNDS_BEFORE = {"超过": Qualifier.MORE_THAN, "突破": Qualifier.MORE_THAN, "不到": Qualifier.LESS_THAN,
                 "不足": Qualifier.LESS_THAN, "超": Qualifier.MORE_THAN, "约": Qualifier.APPROX,
                 "近": Qualifier.APPROX, "高于": Qualifier.MORE_THAN, "多于": Qualifier.MORE_THAN,
                 "逾": Qualifier.MORE_THAN, "不止": Qualifier.MORE_THAN, "低于": Qualifier.LESS_THAN,
                 "少于": Qualifier.LESS_THAN, "不满": Qualifier.LESS_THAN, "未满": Qualifier.LESS_THAN,
                 "不及": Qualifier.LESS_THAN}  # fmt: skip
BOUNDS_INSIDE = {"余": Qualifier.MORE_THAN, "多": Qualifier.MORE_THAN}
BOUNDS_AFTER = {
    "有余": Qualifier.MORE_THAN,
    "左右": Qualifier.APPROX,
    "以上": Qualifier.AT_LEAST,
    "以内": Qualifier.AT_MOST,
    "以下": Qualifier.AT_MOST,
}


class Kind(Vocabulary):
    """Whether a figure has been reached or is a plan."""

    ACHIEVED = "achieved"
    TARGET = "target"


class Measure(Vocabulary):
    """What a unit counts, where it changes how a figure reads or compares."""

    COUNT = "count"  # people, yuan, km: changes in percent of the earlier level
    SHARE = "share"  # a percentage: changes in percentage points, never in percent of itself
    RANK = "rank"  # a place in a ranking: 全国第二, "No. 2"


def measure_of(unit: dict) -> Measure:
    """A unit's measure as declared, else as older files imply it: "%" is a share, "place" (in English) a rank."""
    if "measure" in unit:
        return Measure(unit["measure"])
    if "%" in unit.values():
        return Measure.SHARE
    return Measure.RANK if unit.get("en") == "place" else Measure.COUNT


def values(words: type[Vocabulary]) -> list[str]:
    """The spellings a fact base and the command line use."""
    return [member.value for member in words]
