"""Five-year comparisons: how far a figure moved from its baseline. Pure functions."""

from cqmin import dates


def _tidy(value: float) -> float | int:
    """Drop float noise (391.09000000000003) and give whole numbers as int."""
    value = round(float(value), 6)
    return int(value) if value.is_integer() else value


def change(value: float, as_of: str | None, baseline: dict | None) -> dict | None:
    """The change from `baseline` to `value`: absolute, percent, and percent a year.

    annual_percent is the compound rate over the real span between the two dates
    (end of period to end of period); it is None when either date is missing.
    """
    if baseline is None:
        return None
    before = baseline["value"]
    absolute = _tidy(value - before)
    percent = annual = None
    if before:
        percent = round((value - before) / before * 100, 2)
        if as_of and baseline["as_of"] and before > 0 and value > 0:
            years = dates.years_between(baseline["as_of"], as_of)
            if years > 0:
                annual = round(((value / before) ** (1 / years) - 1) * 100, 2)
    return {"absolute": absolute, "percent": percent, "annual_percent": annual}
