"""The `as_of` dates of facts: ISO 8601 years, months, days and intervals.

A fact's date may be a year ("2021"), a month ("2022-09"), a day ("2022-09-30")
or an interval of those ("2017/2022", a total over the five years since 2017).
"""

import datetime as _dt
import re

# ASCII digits only: \d would also take "٢٠٢٢" or "２０２２", which no ISO reader accepts.
_POINT = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def _point(text: str) -> tuple[int, int | None, int | None]:
    """Split one date into (year, month, day); raise ValueError if it is not a real date."""
    match = _POINT.fullmatch(text)
    if not match:
        raise ValueError(f"'{text}' is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(part) if part else None for part in match.groups())
    if year < _dt.MINYEAR:
        raise ValueError(f"'{text}' has no year 0")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"'{text}' has no month {month}")
    if day is not None:
        try:
            _dt.date(year, month, day)
        except ValueError:
            raise ValueError(f"'{text}' is not a day of the calendar") from None
    return year, month, day


def check(text: str) -> None:
    """Raise ValueError, saying why, unless `text` is a valid as_of date or interval."""
    parts = text.split("/")
    if len(parts) > 2:
        raise ValueError(f"'{text}' has more than one '/'")
    for part in parts:
        _point(part)
    if len(parts) == 2 and start(parts[0]) > end(parts[1]):
        raise ValueError(f"'{text}' ends before it starts")


def day(text: str) -> _dt.date:
    """A day, YYYY-MM-DD, as a date; ValueError, saying why, for anything else (2022-10, 2022-02-30)."""
    check(text)
    if len(text) != 10 or "/" in text:
        raise ValueError(f"'{text[:40]}' is not a day (YYYY-MM-DD)")
    return start(text)


def start(text: str) -> _dt.date:
    """The first day a date or interval covers."""
    year, month, day = _point(text.split("/")[0])
    return _dt.date(year, month or 1, day or 1)


def end(text: str) -> _dt.date:
    """The last day a date or interval covers.

    Stock figures are reported as of the end of their period (年末, 月末), so a
    comparison between "2017-12" and "2022-09" spans 2017-12-31 to 2022-09-30.
    """
    year, month, day = _point(text.split("/")[-1])
    if day is not None:
        return _dt.date(year, month, day)
    if month is None or month == 12:
        return _dt.date(year, 12, 31)
    next_month = _dt.date(year, month + 1, 1)
    return next_month - _dt.timedelta(days=1)


def years_between(earlier: str, later: str) -> float:
    """Years from the end of `earlier` to the end of `later` (365.2425 days a year)."""
    return (end(later) - end(earlier)).days / 365.2425


def show(text: str | None, language) -> str:
    """A date for people, in a language: "Sep 2022", "2017–2022"; "2022年9月", "2017—2022年"; "—" if none."""
    if not text:
        return "—"
    points = [_point(part) for part in text.split("/")]
    return language.date(*points[0]) if len(points) == 1 else language.period(*points)
