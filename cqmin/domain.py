"""The words of the domain, each defined once: qualifiers, kinds and kinds of unit.

The validator accepts exactly these, the JSON contract writes their values,
the CLI offers them as choices, and the languages word them.
"""

from enum import Enum


class Qualifier(str, Enum):
    """How a figure relates to the truth, as the article's wording says (README, "Reading the figures")."""

    EXACT = "exact"  # no qualifier
    APPROX = "approx"  # 约, 左右, 近
    MORE_THAN = "more_than"  # 余, 多, 超, 超过, 突破
    AT_LEAST = "at_least"  # 以上
    AT_MOST = "at_most"  # 以内, 以下
    RANGE = "range"  # 3—5: value and high


class Kind(str, Enum):
    """Whether a figure has been reached or is a plan."""

    ACHIEVED = "achieved"
    TARGET = "target"


class Measure(str, Enum):
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


def values(enum: type[Enum]) -> list[str]:
    """The spellings a fact base and the command line use."""
    return [member.value for member in enum]
