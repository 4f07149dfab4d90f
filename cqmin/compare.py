"""Five-year comparisons: how far a figure moved from its baseline. Pure functions."""

import math

from cqmin import dates
from cqmin.model import Baseline, Change


def _tidy(value: float) -> float | int:
    """Drop float noise (391.09000000000003) and give whole numbers as int."""
    value = round(float(value), 6)
    return int(value) if value.is_integer() else value


def _finite(value: float) -> float | None:
    """A rate rounded for people, or None where it is not a number JSON can carry."""
    return round(value, 2) if math.isfinite(value) else None


def annual_rate(before: float, now: float, years: float) -> float | None:
    """The compound yearly rate in percent that takes `before` to `now` in `years`.

    None for spans under a year: a yearly rate of a change over days is no figure
    anyone states, and it overflows for any large change.
    """
    if years < 1 or before <= 0 or now <= 0:
        return None
    try:
        return _finite(math.expm1(math.log(now / before) / years) * 100)
    except (OverflowError, ValueError, ZeroDivisionError):
        return None


def change(value: float, as_of: str | None, baseline: Baseline | None, relative: bool) -> Change | None:
    """The change from `baseline` to `value`: absolute, percent, and percent a year.

    annual_percent is the compound rate over the real span between the two dates
    (end of period to end of period); None when either date is missing. Only a
    quantity (`relative`) changes in percent of itself, and only from a level above
    zero: a share changes by percentage points and a rank by places, and a change
    from a negative level has no meaningful percent.
    """
    if baseline is None:
        return None
    before = baseline.value
    absolute = _tidy(value - before)
    if not relative or before <= 0:
        return Change(absolute, None, None)
    try:
        percent = _finite((value - before) / before * 100)
    except OverflowError:
        percent = None
    annual = None
    if as_of and baseline.as_of:
        annual = annual_rate(before, value, dates.years_between(baseline.as_of, as_of))
    return Change(absolute, percent, annual)
