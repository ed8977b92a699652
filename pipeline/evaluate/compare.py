"""Our record's mentions vs targets: which mentions a kind may match, and whether a value is right."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from pipeline.evaluate.mapping import ONE_DAY, iso_bounds, parse_day
from pipeline.evaluate.targets import (
    AnyOf,
    ClockReading,
    ClockTarget,
    DateBoundary,
    DateSpan,
    DateTarget,
    NumericTarget,
    OrdinalTarget,
    Target,
)
from pipeline.evaluate.units import close, convert, duration_seconds
from pipeline.normalize.clock import is_time_only
from pipeline.record import ArticleRecord, DateMention, Mention, NumericMention, Percentage, Quantity

NUMERIC_FIELDS = ("quantities", "percentages", "money")


def _is_temperature(m: Mention) -> bool:
    return isinstance(m, Quantity) and "[temperature]" in m.dimension


def _is_time(m: Mention) -> bool:
    return isinstance(m, Quantity) and m.dimension == "[time]"


def _is_measure(m: Mention) -> bool:
    # Durations and temperatures are not measures here: both suites score them in
    # their own files (Recognizers-Text DateTime durations and TemperatureModel,
    # Duckling Duration and Temperature).
    return isinstance(m, Quantity) and m.unit is not None and m.dimension not in ("[time]", "[temperature]")


def _is_count(m: Mention) -> bool:
    return isinstance(m, Quantity) and m.unit is None


_SOLID_UNIT = re.compile(r"\d[^\W\d_]")


def _is_number(m: Mention) -> bool:
    # A quantity written solid with its unit ("180ml", "29km") is a measure, not a
    # number: both suites' number extractors take only a word-bounded number and
    # score "180ml" in their unit files (Recognizers-Text lists it as a NumberModel
    # negative). Spaced units ("30 l") and unitless suffixes ("10k") stay numbers.
    return not (isinstance(m, Quantity) and m.unit is not None and _SOLID_UNIT.search(m.text) is not None)


def holds_clock(mention: Mention) -> bool:
    """Whether a mention is a date holding a time of day ("2019-03-05T15:00")."""
    return isinstance(mention, DateMention) and "T" in (mention.value or "")


# kind -> (record lists searched, which of their mentions count). "number" takes any
# number we find; the unit-bearing kinds take quantities of the right dimension.
def _is_clock_only(m: Mention) -> bool:
    """A date mention that is a time of day and nothing else ("8am", "10am to 2pm"): the day is
    the reference day, not written. A time-of-day row takes it ("clock"); to a file's date row
    it is neither a match nor a false positive."""
    return isinstance(m, DateMention) and "T" in (m.value or "") and is_time_only(m.text)


CANDIDATES: dict[str, tuple[tuple[str, ...], Callable[[Mention], bool]]] = {
    "number": (NUMERIC_FIELDS, _is_number),
    "range": (NUMERIC_FIELDS, _is_number),
    "percentage": (("percentages",), lambda m: True),
    "money": (("money",), lambda m: True),
    "quantity": (("quantities",), _is_measure),
    "count": (("quantities",), _is_count),
    "temperature": (("quantities",), _is_temperature),
    "duration": (("quantities",), _is_time),
    "ordinal": (("ordinals",), lambda m: True),
    "date": (("dates",), lambda m: not _is_clock_only(m)),
    # A time of day is matched by a date mention holding a clock time; a part of the day
    # ("this evening") by any date mention (our record holds its day).
    "clock": (("dates",), lambda m: holds_clock(m)),
    "daypart": (("dates",), lambda m: True),
}


@dataclass(frozen=True)
class Found:
    """One of our mentions and the record list it came from ("quantities", ...)."""

    field: str
    mention: Mention


def candidates(record: ArticleRecord, kinds: frozenset[str]) -> list[Found]:
    """The record's mentions that count as predictions for any of ``kinds``, in text order."""
    found: dict[str, Found] = {}
    for kind in sorted(kinds):
        fields, accept = CANDIDATES[kind]
        for name in fields:
            for mention in getattr(record, name):
                if accept(mention):
                    found[mention.id] = Found(name, mention)
    return sorted(found.values(), key=lambda f: (f.mention.start, f.mention.end, f.mention.id))


def accepts(kind: str, found: Found) -> bool:
    """Whether ``found`` may be matched to an expected result of ``kind``."""
    fields, accept = CANDIDATES[kind]
    return found.field in fields and accept(found.mention)


def overlap(start: int, end: int, mention: Mention) -> int:
    """Characters shared by the expected span [start, end) and the mention."""
    return max(0, min(end, mention.end) - max(start, mention.start))


# -- values ---------------------------------------------------------------------------

def value_matches(kind: str, target: Target, mention: Mention, *, span: tuple[int, int] | None = None) -> bool:
    """Whether ``mention`` holds the expected value (rules in :mod:`pipeline.evaluate`).

    ``span`` is the expected result's [start, end): where it covers only part of
    our mention (one end of a range, an amount without its rate), that part is compared.
    """
    if isinstance(target, AnyOf):
        return any(value_matches(kind, option, mention, span=span) for option in target.options)
    if isinstance(target, OrdinalTarget):
        return getattr(mention, "value", None) == target.value
    if isinstance(target, DateTarget):
        return isinstance(mention, DateMention) and date_matches(target, mention)
    if isinstance(target, ClockTarget):
        return isinstance(mention, DateMention) and clock_matches(target, mention)
    if isinstance(mention, NumericMention):
        return numeric_matches(kind, target, mention, span=span)
    return False


def record_bounds(mention: NumericMention) -> tuple[float | None, float | None]:
    """Our mention as inclusive (lower, upper); an exact value v is (v, v).

    A bound qualifier reads ``lower``/``upper`` and falls back to ``value``.
    """
    q = mention.qualifier
    if q == "range":
        return mention.lower, mention.upper
    if q == "lower_bound":
        return (mention.lower if mention.lower is not None else mention.value), None
    if q == "upper_bound":
        return None, (mention.upper if mention.upper is not None else mention.value)
    if mention.value is None:
        return mention.lower, mention.upper
    return mention.value, mention.value


def compared_bounds(target: NumericTarget, mention: NumericMention) -> tuple[float | None, float | None]:
    """What of our mention is compared with ``target``.

    An exact expected value is compared with our ``value`` whatever its
    qualifier: the suites mark "more than $247 million" as the amount $247
    million and leave the hedge out. Ranges and open bounds compare our bounds.
    """
    if target.is_exact and mention.value is not None:
        return mention.value, mention.value
    return record_bounds(mention)


def numbers_in(mention: NumericMention) -> list[float]:
    """Every number a mention carries: value and bounds; a fraction share also as written.

    Our fraction percentages hold percent ("two thirds" -> 66.67), the number
    written is 0.667.
    """
    found = [x for x in (mention.value, mention.lower, mention.upper) if x is not None]
    if isinstance(mention, Percentage) and mention.unit == "fraction":
        found += [x / 100 for x in found]
    return found


def part_compared(target: NumericTarget, mention: NumericMention, span: tuple[int, int] | None
                  ) -> tuple[tuple[float | None, float | None] | None, str | None]:
    """The part of a quantity an exact expected result spans: (bounds, unit); (None, None) = the whole.

    "eight to 10 feet" spanned as "10 feet" (the suite marks one end of the range):
    our upper bound; "75 -300mm" spanned as "300mm": the upper bound.
    "500,000 barrels a day" spanned as "500,000 barrels" (the suite has no rates):
    our amount in the unit before the rate (oil_barrel / day -> oil_barrel).
    """
    if span is None or not target.is_exact or not isinstance(mention, Quantity) or mention.unit is None:
        return None, None
    start, end = span
    bounds: tuple[float | None, float | None] | None = None
    unit: str | None = None
    if mention.qualifier == "range" and start > mention.start and end == mention.end:
        bounds = (mention.upper, mention.upper)
    elif mention.qualifier == "range" and start == mention.start and end < mention.end:
        bounds = (mention.lower, mention.lower)
    if " / " in mention.unit and end < mention.end and mention.value is not None:
        bounds, unit = bounds or (mention.value, mention.value), mention.unit.split(" / ")[0]
    return bounds, unit


def numeric_matches(kind: str, target: NumericTarget, mention: NumericMention, *,
                    span: tuple[int, int] | None = None) -> bool:
    """Bounds equal within tolerance after unit conversion, currency accepted."""
    if kind == "number":
        # Any number we find: the value or either bound may carry it.
        assert target.lower is not None
        return any(close(target.lower, x) for x in numbers_in(mention))
    if target.currencies is not None and getattr(mention, "currency", None) not in target.currencies:
        return False
    part, part_unit = part_compared(target, mention, span) if kind == "quantity" else (None, None)
    bounds = part or compared_bounds(target, mention)
    if kind == "percentage" and isinstance(mention, Percentage):
        bounds = _as_percent(bounds, mention.unit)
    for ours in _in_target_units(kind, target, mention, bounds, unit=part_unit):
        if close(ours[0], target.lower) and close(ours[1], target.upper):
            return True
    return False


def _as_percent(bounds: tuple[float | None, float | None], unit: str) -> tuple[float | None, float | None]:
    # Our percentages hold percent for "percent", "percentage_point" and "fraction"
    # ("a third" -> 33.3); basis points are counted as written.
    factor = {"basis_point": 0.01}.get(unit, 1.0)
    return tuple(None if b is None else b * factor for b in bounds)  # type: ignore[return-value]


def _in_target_units(kind: str, target: NumericTarget, mention: NumericMention,
                     bounds: tuple[float | None, float | None], *, unit: str | None = None
                     ) -> Iterator[tuple[float | None, float | None]]:
    """Our bounds expressed in each unit the target accepts (in ``unit`` if given, else the mention's)."""
    if not target.units:
        yield bounds
        return
    unit = unit or getattr(mention, "unit", None)
    if not isinstance(unit, str) or not isinstance(mention, Quantity):
        return
    for to_unit in target.units:
        converted = tuple(None if b is None else _to_unit(kind, b, unit, to_unit) for b in bounds)
        if all((b is None) == (c is None) for b, c in zip(bounds, converted, strict=True)):
            yield converted  # type: ignore[misc]


def _to_unit(kind: str, value: float, unit: str, to_unit: str) -> float | None:
    if kind == "duration" and to_unit == "second":
        return duration_seconds(value, unit)  # the suites' calendar: month 30 d, year 365 d
    return convert(value, unit, to_unit)


def mention_days(mention: DateMention) -> tuple[dt.date | None, dt.date | None]:
    """Our mention's inclusive first and last day: start_date/end_date, else read from the value."""
    start = parse_day(mention.start_date) if mention.start_date else None
    end = parse_day(mention.end_date) if mention.end_date else None
    if start is None and end is None and mention.value:
        bounds = iso_bounds(mention.value)
        if bounds:
            return bounds
    return start, end


def date_matches(target: DateTarget, mention: DateMention) -> bool:
    """Any reading equal to our days; a boundary touched by them; or same mod over an anchor."""
    start, end = mention_days(mention)
    for reading in target.readings:
        if isinstance(reading, DateSpan):
            if start == reading.start and end in reading.ends:
                return True
        elif isinstance(reading, DateBoundary):
            if reading.day == start or (end is not None and end + ONE_DAY == reading.day):
                return True
    if target.anchors and mention.mod == target.mod and mention.value:
        return iso_bounds(mention.value) in target.anchors
    return False


def mention_clock(mention: DateMention) -> list[dt.datetime] | None:
    """Our mention's time(s) of day as naive local datetimes (one, or an interval's two ends);
    None when it holds no clock time."""
    if not holds_clock(mention):
        return None
    try:
        return [dt.datetime.fromisoformat(part) for part in (mention.value or "").split("/")]
    except ValueError:
        return None


def _zone(tz: str) -> dt.tzinfo | None:
    """Our ``tz``: an IANA name ("America/New_York") or a UTC offset ("+08:00")."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if tz[:1] in "+-":
        sign = -1 if tz[0] == "-" else 1
        hours, _, minutes = tz[1:].partition(":")
        return dt.timezone(sign * dt.timedelta(hours=int(hours), minutes=int(minutes or 0)))
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _in_offset(stamp: dt.datetime, tz: str | None, offset: dt.timedelta | None) -> dt.datetime:
    """Our local time in the suite's offset when we read a zone and the suite converts zones;
    else the local clock as written (a text that states no zone: local time on both sides)."""
    zone = _zone(tz) if tz and offset is not None else None
    if zone is None or offset is None:
        return stamp
    return stamp.replace(tzinfo=zone).astimezone(dt.timezone(offset)).replace(tzinfo=None)


def clock_matches(target: ClockTarget, mention: DateMention) -> bool:
    """Any reading equal to our time(s) of day, to the minute (rules in :mod:`pipeline.evaluate`).

    A mention that writes no day (only a clock time: "at 3am") is compared by
    its clock time alone: the suites choose its day from their reference
    instant, ours is the reference day. A part-of-day reading (DateSpan) needs a
    mention with no clock time over the same days.
    """
    ours = mention_clock(mention)
    for reading in target.readings:
        if isinstance(reading, DateSpan):
            if ours is None and date_matches(DateTarget((reading,)), mention):
                return True
        elif ours is not None and _clock_reading_matches(reading, ours, mention):
            return True
    return False


def _clock_reading_matches(reading: ClockReading, ours: list[dt.datetime], mention: DateMention) -> bool:
    times = [_in_offset(t, mention.tz, reading.offset) for t in ours]
    by_clock = not reading.dated or _is_clock_only(mention)

    def same(a: dt.datetime, b: dt.datetime | None) -> bool:
        if b is None:
            return False
        a, b = a.replace(second=0, microsecond=0), b.replace(second=0, microsecond=0)
        return a.time() == b.time() if by_clock else a == b

    if reading.span:
        return len(times) == 2 and same(times[0], reading.start) and same(times[1], reading.end)
    if len(times) != 1:
        return False
    return same(times[0], reading.start if reading.start is not None else reading.end)


def describe(found: Found) -> str:
    """A short rendering of one of our mentions for failure listings."""
    mention = found.mention
    data: dict[str, Any] = mention.model_dump(exclude={"id", "text", "start", "end", "sentence"},
                                             exclude_none=True, exclude_defaults=True)
    fields = " ".join(f"{k}={v}" for k, v in data.items())
    return f"{found.field}[{mention.start}:{mention.end}] {mention.text!r} {fields}".rstrip()
