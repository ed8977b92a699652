"""news-dev dates: ISO values as inclusive day intervals, compared at the gold's granularity.

The rules of news-dev's CONVENTIONS.md §4.1 and §9 ("Dates"), as its reference
scorer applies them: a value is ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` (a clock
time counts as its day), ``YYYY-Qn``, ``YYYY-Hn``, ``YYYY-Www`` or an interval
``A/B`` of those (ends inclusive, granularity the finer end's). A prediction is
widened to the gold's granularity and must then have the gold's two ends.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

# Finest first: an interval's granularity is the finer of its ends'.
GRANULARITIES = ("day", "week", "month", "quarter", "year")
EDGE_MODS = ("start", "mid", "end")

_ISO = re.compile(r"^(?P<y>-?\d{4})(?:-(?:(?P<q>Q[1-4])|(?P<h>H[12])|W(?P<w>\d{2})|(?P<m>\d{2})(?:-(?P<d>\d{2}))?))?"
                  r"(?:T(?P<time>[\d:.]+))?$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class DateInterval:
    """Inclusive first and last day, and the unit the value was written in."""

    start: dt.date
    end: dt.date
    granularity: str

    def __str__(self) -> str:
        return f"{self.start}..{self.end}@{self.granularity}"


def floor_date(day: dt.date, granularity: str) -> dt.date:
    """The first day of ``day``'s unit (weeks start on Monday).

    >>> floor_date(dt.date(2018, 8, 15), "quarter")
    datetime.date(2018, 7, 1)
    """
    if granularity == "day":
        return day
    if granularity == "week":
        return day - dt.timedelta(days=day.weekday())
    if granularity == "month":
        return day.replace(day=1)
    if granularity == "quarter":
        return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return dt.date(day.year, 1, 1)


def ceil_date(day: dt.date, granularity: str) -> dt.date:
    """The last day of ``day``'s unit.

    >>> ceil_date(dt.date(2024, 2, 3), "month"), ceil_date(dt.date(2018, 8, 15), "quarter")
    (datetime.date(2024, 2, 29), datetime.date(2018, 9, 30))
    """
    if granularity == "day":
        return day
    if granularity == "week":
        return day + dt.timedelta(days=6 - day.weekday())
    month = {"month": day.month, "quarter": 3 * ((day.month - 1) // 3) + 3}.get(granularity, 12)
    return dt.date(day.year, month, calendar.monthrange(day.year, month)[1])


def parse_iso_part(text: str) -> DateInterval | None:
    """One ISO value without "/" ("2025", "2025-Q3", "2025-H1", "2025-W05", "2025-12-23T10:00"), or None.

    >>> str(parse_iso_part("2018-H1")), str(parse_iso_part("2019-03-04T09:00"))
    ('2018-01-01..2018-06-30@month', '2019-03-04..2019-03-04@day')
    """
    m = _ISO.match(text.strip())
    if not m or int(m.group("y")) <= 0:
        return None
    year = int(m.group("y"))
    try:
        if m.group("q"):
            first = dt.date(year, 3 * int(m.group("q")[1]) - 2, 1)
            return DateInterval(first, ceil_date(first, "quarter"), "quarter")
        if m.group("h"):  # halves are month intervals (CONVENTIONS §4.1)
            if m.group("h") == "H1":
                return DateInterval(dt.date(year, 1, 1), dt.date(year, 6, 30), "month")
            return DateInterval(dt.date(year, 7, 1), dt.date(year, 12, 31), "month")
        if m.group("w"):
            monday = dt.date.fromisocalendar(year, int(m.group("w")), 1)
            return DateInterval(monday, monday + dt.timedelta(days=6), "week")
        if m.group("m") and m.group("d"):
            day = dt.date(year, int(m.group("m")), int(m.group("d")))
            return DateInterval(day, day, "day")
        if m.group("m"):
            first = dt.date(year, int(m.group("m")), 1)
            return DateInterval(first, ceil_date(first, "month"), "month")
    except ValueError:
        return None
    return DateInterval(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def parse_iso_value(value: str | None) -> DateInterval | None:
    """An ISO value, intervals "A/B" included; the granularity is the finer end's.

    >>> str(parse_iso_value("2022-04/2023-03")), parse_iso_value("2019/soon")
    ('2022-04-01..2023-03-31@month', None)
    """
    if not value:
        return None
    if "/" not in value:
        return parse_iso_part(value)
    a, _, b = value.partition("/")
    first, last = parse_iso_part(a), parse_iso_part(b)
    if first is None or last is None:
        return None
    finer = min(GRANULARITIES.index(first.granularity), GRANULARITIES.index(last.granularity))
    return DateInterval(first.start, last.end, GRANULARITIES[finer])


def to_date(text: str | None) -> dt.date | None:
    """A record's ``start_date``/``end_date``: its leading YYYY-MM-DD, else the first day of an ISO value."""
    if text is None:
        return None
    m = _DAY.match(text.strip())
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    interval = parse_iso_part(text)
    return interval.start if interval else None


def date_matches(gold: DateInterval, *, start: dt.date | None, end: dt.date | None, value: str | None,
                 mod: str | None) -> tuple[bool, str]:
    """Whether a predicted date (its first and last day, else its ISO value) is the gold date; and how.

    At the gold's granularity the prediction's start moves back to the start of
    its unit and its end forward to the end of its unit; both must equal the
    gold's. A prediction marked as a period's start, middle or end also counts
    when the gold lies inside it and shares the named edge.

    >>> year = parse_iso_value("2018")
    >>> date_matches(year, start=dt.date(2018, 5, 2), end=None, value="2018-05-02", mod=None)
    (True, 'at year')
    >>> date_matches(parse_iso_value("2017-03"), start=dt.date(2017, 1, 1), end=dt.date(2017, 3, 31),
    ...              value="2017-Q1", mod="end")
    (True, 'mod=end contains gold')
    """
    if start is None and end is None:
        reading = parse_iso_value(value)
        if reading is None:
            return False, "no date value"
        start, end = reading.start, reading.end
    elif start is None:
        start = end
    elif end is None:
        reading = parse_iso_value(value)
        end = reading.end if reading and reading.start == start else start
    assert start is not None and end is not None
    g = gold.granularity
    if floor_date(start, g) == gold.start and ceil_date(end, g) == gold.end:
        return True, f"at {g}"
    mod = (mod or "").lower()
    if mod in EDGE_MODS and start <= gold.start and gold.end <= end and (
            mod == "mid" or (mod == "end" and end == gold.end) or (mod == "start" and start == gold.start)):
        return True, f"mod={mod} contains gold"
    return False, f"got {start}..{end} at {g}"
