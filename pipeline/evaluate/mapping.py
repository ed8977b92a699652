"""Each suite's expected values -> targets in our record's terms. Pure functions, no I/O.

Recognizers-Text (``rt_*``) results carry a ``TypeName`` (model files) or a
``Type`` and ``Value`` (parser files); Duckling (``duckling_*``) lines carry a
``dimension`` and an ``expected`` JSON value. The conventions converted here are
listed in :mod:`pipeline.evaluate`'s docstring.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from pipeline.evaluate.targets import (
    TIME_OF_DAY,
    AnyOf,
    ClockOrDays,
    ClockReading,
    ClockTarget,
    DateBoundary,
    DateReading,
    DateSpan,
    DateTarget,
    Expected,
    Kind,
    NumericTarget,
    OrdinalTarget,
    Target,
)
from pipeline.evaluate.units import (
    MINOR_UNITS,
    currency_codes,
    duckling_units,
    duration_seconds,
    rt_units,
)

ONE_DAY = dt.timedelta(days=1)
# Group of the times counted from the moment of speaking (reported separately, not scored).
FROM_NOW = "from-now"

# Recognizers-Text result types -> (kind, scored, report group).
RT_TYPES: dict[str, tuple[Kind, bool, str]] = {
    "number": ("number", True, "number"),
    "ordinal": ("ordinal", True, "ordinal"),
    "ordinal.relative": ("ordinal", True, "ordinal"),
    "percentage": ("percentage", True, "percentage"),
    "numberrange": ("range", True, "numberrange"),
    "currency": ("money", True, "currency"),
    "dimension": ("quantity", True, "dimension"),
    "temperature": ("temperature", True, "temperature"),
    "age": ("duration", True, "age"),
    "date": ("date", True, "date"),
    "daterange": ("date", True, "daterange"),
    "duration": ("duration", True, "duration"),
    # Times of day: scored in a row of their own beside the file's (Expected.row),
    # except those counted from the moment of speaking (see counted_from_now).
    "time": ("clock", True, TIME_OF_DAY),
    "timerange": ("clock", True, TIME_OF_DAY),
    "datetime": ("clock", True, TIME_OF_DAY),
    "datetimerange": ("clock", True, TIME_OF_DAY),
    # Recurrences and zones: reported separately (detection only), never scored.
    "set": ("date", False, "set"),
    "timezone": ("date", False, "timezone"),
}

# Date values Recognizers-Text gives expressions it will not pin down ("fifth Sunday"
# of a month that has four: the .NET minimum date).
RT_UNRESOLVED = ("not resolved", "0001-01-01")

# Interval notation of NumberRangeModel: "[20,30)", "(,500]", "(4565,)".
_RT_RANGE = re.compile(r"^\s*([\[(])\s*([^,\s]*)\s*,\s*([^,\s]*)\s*([\])])\s*$")
# A timex period of whole days or weeks, "(2016-11-04,2016-11-22,P18D)": the suite
# uses it both for literal ends ("from 4 to 22") and exclusive ones ("next 2 days").
_TIMEX_DAY_PERIOD = re.compile(r"^\(.*,P\d+(?:\.\d+)?[DW]\)$")
_TIMEX_PERIOD = re.compile(r"^\(([^,]+),([^,]+),[^)]*\)$")
_TIMEX_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")

DUCKLING_GRAINS = ("second", "minute", "hour", "day", "week", "month", "quarter", "year")
_DAY_GRAIN = DUCKLING_GRAINS.index("day")
_CLOCK_GRAINS = {"second": dt.timedelta(seconds=1), "minute": dt.timedelta(minutes=1), "hour": dt.timedelta(hours=1)}

# Times counted from the moment of speaking: "now", "in 2 minutes", "7 days ago", "next 3 hours",
# "ASAP", "by EOD", "30 min later". Both suites resolve them from their reference *instant*; an
# article's reference is its publication day, so no clock time (nor, at an hour's grain, a day)
# follows from them. They are reported separately ("from-now") and scored nowhere.
_QTY = (r"(?:\d+\s+and\s+an?\s+half|\d[\d./]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
        r"fifteen|twenty|thirty|sixty|(?:a\s+)?few|(?:a\s+)?couple(?:\s+of)?|a\s+pair\s+of|half(?:\s+an?)?|"
        r"a\s+quarter(?:\s+of\s+an?)?|three-quarters(?:\s+of\s+an?)?)")
_UNIT = r"(?:sec(?:ond)?s?|min(?:ute)?s?|h|hrs?|hours?|days?|fortnight|weeks?|months?|years?)\b"
_FROM_NOW = re.compile(
    r"\b(?:now|ago|hence|within|asap|atm)\b|\bas\s+soon\s+as\s+possible\b"
    r"|\bat\s+(?:the\s+)?(?:moment|minute|present(?:\s+time)?)\b|\bat\s+this\s+time\b"
    rf"|\b(?:in|next|last|coming|after)\s+(?:the\s+)?(?:next\s+)?(?:about\s+|another\s+)?{_QTY}\s*"
    rf"(?:more\s+)?(?:of\s+an?\s+)?{_UNIT}"
    rf"|\b{_QTY}\s+(?:last|next|past|coming)\s+{_UNIT}|\b{_QTY}\s*{_UNIT}\s+later\b"
    r"|\b(?:next|last|past|coming)\s+(?:second|minute|hour)\b"
    r"|\bin\s+\d+\s*(?:['\"\u2019\u201d]|$)"
    r"|\bby\s+(?:the\s+)?(?:eo[dmy]|end\s+of)\b",
    re.IGNORECASE)
# A part of the day or week named by a word: the suites give it conventional hours (Duckling:
# morning 00-12, evening 18-24, weekend Friday 18:00 to Monday; Recognizers-Text: morning 08-12,
# evening 16-20) that the text does not state. Compared by its days (ClockTarget).
_PART_OF_DAY = re.compile(r"\b(?:morning|afternoon|evening|night|tonight|tonite|lunch|school|week[- ]?end|wkend)",
                          re.IGNORECASE)
# Recognizers-Text timex of a part of the day: "TMO", "2016-11-07TEV", "XXXX-WXX-2TAF".
_TIMEX_PART = re.compile(r"T[A-Z]{2,3}$")


# -- shared helpers -------------------------------------------------------------

def parse_day(text: str) -> dt.date | None:
    """The date of an ISO date or date-time string ("2013-02-12T04:30:00.000-02:00").

    >>> parse_day("2013-02-12T04:30:00.000-02:00"), parse_day("-2014-01-01T00:00:00.000-02:00")
    (datetime.date(2013, 2, 12), None)
    """
    try:
        return dt.date.fromisoformat(text[:10])
    except (ValueError, TypeError):
        return None


def add_months(day: dt.date, months: int) -> dt.date:
    """The first of the month ``months`` after ``day``'s month.

    >>> add_months(dt.date(2016, 11, 7), 3)
    datetime.date(2017, 2, 1)
    """
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def grain_last_day(start: dt.date, grain: str) -> dt.date:
    """The inclusive last day of the ``grain`` unit that begins on ``start``.

    >>> grain_last_day(dt.date(2018, 10, 1), "quarter")
    datetime.date(2018, 12, 31)
    """
    months = {"month": 1, "quarter": 3, "year": 12}
    if grain == "day":
        return start
    if grain == "week":
        return start + 6 * ONE_DAY
    if grain in months:
        return add_months(start, months[grain]) - ONE_DAY
    raise ValueError(f"not a date grain: {grain!r}")


def iso_bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """Inclusive first and last day of one of our ISO date values.

    Reads "2016-11-07", "2016-11", "2016", "2016-Q3", "2016-H1", "2016-W45" and
    "a/b" intervals of those; None for anything else (seasons, open ends).

    >>> iso_bounds("2016-Q3")
    (datetime.date(2016, 7, 1), datetime.date(2016, 9, 30))
    >>> iso_bounds("2016-01/2016-11")
    (datetime.date(2016, 1, 1), datetime.date(2016, 11, 30))
    """
    if "/" in value:
        first, _, last = value.partition("/")
        a, b = iso_bounds(first), iso_bounds(last)
        return (a[0], b[1]) if a and b else None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = dt.date.fromisoformat(value)
            return day, day
        if re.fullmatch(r"\d{4}-\d{2}", value):
            start = dt.date(int(value[:4]), int(value[5:]), 1)
            return start, grain_last_day(start, "month")
        if re.fullmatch(r"\d{4}", value):
            start = dt.date(int(value), 1, 1)
            return start, dt.date(start.year, 12, 31)
        match = re.fullmatch(r"(\d{4})-([QH])(\d)", value)
        if match:
            months = 3 if match.group(2) == "Q" else 6
            start = dt.date(int(match.group(1)), (int(match.group(3)) - 1) * months + 1, 1)
            return start, add_months(start, months) - ONE_DAY
        match = _TIMEX_WEEK.fullmatch(value)
        if match:
            start = dt.date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
            return start, start + 6 * ONE_DAY
    except ValueError:
        return None
    return None


def _number(text: Any) -> float | None:
    if text is None or text == "null":
        return None
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def _money_target(lower: float | None, upper: float | None, unit: str, iso: str | None = None) -> Target:
    """Money in ``unit`` (an ISO code, a name, a sign, or a minor unit such as "cent")."""
    factor = MINOR_UNITS.get(unit.strip().lower())
    if factor is not None:
        # "20 cents": 20 of the minor unit, or 0.20 of the major one; any currency.
        scaled = NumericTarget(None if lower is None else lower / factor,
                               None if upper is None else upper / factor)
        return AnyOf((NumericTarget(lower, upper), scaled))
    currencies = frozenset({iso}) if iso else currency_codes(unit)
    return NumericTarget(lower, upper, currencies=currencies)


# -- Recognizers-Text -------------------------------------------------------------

def rt_skip_reason(case: Mapping[str, Any]) -> str | None:
    """Why a Recognizers-Text case is skipped: when NotSupported(ByDesign) names dotnet.

    >>> rt_skip_reason({"NotSupported": "javascript, DotNet"})
    'NotSupported: dotnet'
    >>> rt_skip_reason({"NotSupportedByDesign": "python,javascript"}) is None
    True
    """
    for flag in ("NotSupported", "NotSupportedByDesign"):
        platforms = {p.strip().lower() for p in str(case.get(flag) or "").split(",")}
        if "dotnet" in platforms:
            return f"{flag}: dotnet"
    return None


def parse_rt_range(value: str) -> NumericTarget:
    """A NumberRangeModel interval as our inclusive bounds, keeping the suite's brackets.

    >>> r = parse_rt_range("[20,30)")
    >>> r.lower, r.upper, r.lower_inclusive, r.upper_inclusive
    (20.0, 30.0, True, False)
    """
    match = _RT_RANGE.match(value)
    if not match:
        raise ValueError(f"not an interval: {value!r}")
    left, low, high, right = match.groups()
    return NumericTarget(
        lower=_number(low) if low else None,
        upper=_number(high) if high else None,
        lower_inclusive=left == "[",
        upper_inclusive=right == "]",
    )


def rt_model_result(result: Mapping[str, Any]) -> Expected:
    """One result of a ``*Model.json`` file (``End`` is inclusive there)."""
    type_name = str(result.get("TypeName") or result.get("Typename") or "")
    short = type_name.removeprefix("datetimeV2.")
    kind, scored, group = RT_TYPES[short]
    resolution = result.get("Resolution") or {}
    text = str(result["Text"])
    values = resolution.get("values") or []
    target: Target | None = None
    if group == TIME_OF_DAY and counted_from_now(text, timexes=[str(v.get("timex", "")) for v in values]):
        kind, scored, group = "date", False, FROM_NOW
    elif group == TIME_OF_DAY:
        target = rt_clock_values(values, dated=short.startswith("date"))
        kind = clock_kind(target, part_of_day=any(_TIMEX_PART.search(str(v.get("timex", ""))) for v in values))
    elif scored:
        target = rt_model_target(short, resolution, two_ends=written_with_two_ends(text))
    return Expected(kind=kind, start=int(result["Start"]), end=int(result["End"]) + 1,
                    text=text, target=target, scored=scored, group=group, raw=_compact(resolution),
                    row=TIME_OF_DAY if group == TIME_OF_DAY else "")


def rt_model_target(type_name: str, resolution: Mapping[str, Any], *, two_ends: bool = False) -> Target | None:
    """The target of a model-file result; None when it holds no comparable value."""
    if type_name in ("date", "daterange"):
        return rt_date_values(resolution.get("values") or [], two_ends=two_ends)
    if type_name == "duration":
        values = resolution.get("values") or [{}]
        seconds = _number(values[0].get("value"))
        return None if seconds is None else NumericTarget.exact(seconds, units=("second",))
    if type_name == "ordinal":
        return OrdinalTarget(int(float(resolution["offset"])))
    if type_name == "ordinal.relative":
        return None  # "the last", "next one": our Ordinal holds a plain position
    if type_name == "numberrange":
        return parse_rt_range(str(resolution["value"]))
    if type_name == "percentage":
        value = _number(str(resolution.get("value", "")).rstrip("%"))
        return None if value is None else NumericTarget.exact(value)
    value = _number(resolution.get("value"))
    if value is None:
        return None
    if type_name == "number":
        return NumericTarget.exact(value)
    unit = str(resolution.get("unit", ""))
    if type_name == "currency":
        return _money_target(value, value, unit, resolution.get("isoCurrency"))
    if type_name == "age":
        if unit.lower() == "age":
            return NumericTarget.exact(value)
        seconds = duration_seconds(value, unit)
        return None if seconds is None else NumericTarget.exact(seconds, units=("second",))
    return NumericTarget.exact(value, units=rt_units(unit, temperature=type_name == "temperature"))


def counted_from_now(text: str, *, timexes: Sequence[str] = ()) -> bool:
    """Whether a time is counted from the moment of speaking (see ``_FROM_NOW``).

    >>> counted_from_now("in 2 minutes"), counted_from_now("7 days ago"), counted_from_now("by EOD")
    (True, True, True)
    >>> counted_from_now("15 minutes from 1pm"), counted_from_now("later than 9:30 but before 11:00")
    (False, False)
    """
    return any("PRESENT_REF" in t for t in timexes) or _FROM_NOW.search(text) is not None


def clock_kind(target: ClockTarget | None, *, part_of_day: bool = False) -> Kind:
    """"daypart" for a part of the day (any date mention may match it), else "clock" (a
    mention holding a clock time)."""
    if part_of_day or (target is not None and all(isinstance(r, DateSpan) for r in target.readings)):
        return "daypart"
    return "clock"


def _rt_clock(text: Any) -> dt.datetime | None:
    """A Recognizers-Text resolution time: "2016-11-08 08:00:00" or, with no day, "19:56:30"."""
    if not isinstance(text, str):
        return None
    try:
        if len(text) <= 8:
            return dt.datetime.combine(dt.date.min, dt.time.fromisoformat(text))
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def rt_clock_values(values: Sequence[Mapping[str, Any]], *, dated: bool = True) -> ClockTarget | None:
    """The readings of a datetimeV2 time, timerange, datetime or datetimerange (am/pm, past/future).

    ``dated``: the type carries a day (datetime, datetimerange); "time" and
    "timerange" values are clock times only. Range ends are as written ("5 to
    6pm" -> 17:00..18:00); a part of the day (timex "TEV", "2016-11-07TEV") is
    its day, or nothing to compare when it has none ("in the morning").

    >>> rt_clock_values([{"timex": "T19", "value": "19:00:00"}], dated=False).describe()
    '19:00'
    >>> rt_clock_values([{"timex": "2016-11-07TEV", "start": "2016-11-07 16:00:00",
    ...                   "end": "2016-11-07 20:00:00"}]).describe()
    '2016-11-07 (part of day)'
    """
    readings: list[ClockOrDays] = []
    for entry in values:
        if entry.get("value") in RT_UNRESOLVED:
            continue
        start = _rt_clock(entry.get("value") or entry.get("start"))
        end = _rt_clock(entry.get("value") or entry.get("end"))
        if _TIMEX_PART.search(str(entry.get("timex", ""))):
            if dated and start and end:
                readings.append(DateSpan(start.date(), (end.date(),)))
            continue
        if start is None and end is None:
            continue
        readings.append(ClockReading(start, end, span="value" not in entry and start is not None and end is not None,
                                     dated=dated))
    return ClockTarget(tuple(dict.fromkeys(readings))) if readings else None


def rt_date_values(values: Sequence[Mapping[str, Any]], *, two_ends: bool = False) -> DateTarget | None:
    """The readings of a datetimeV2 date/daterange ``values`` list (past and future).

    ``two_ends``: the text writes the range with two ends ("2014-2018"); see
    :func:`rt_daterange_reading`.
    """
    readings: list[DateReading] = []
    anchors: list[tuple[dt.date, dt.date]] = []
    mod = None
    for entry in values:
        mod = mod or entry.get("Mod")
        reading = _rt_reading(str(entry.get("timex", "")), entry.get("value"),
                              entry.get("start"), entry.get("end"), two_ends=two_ends)
        if reading is None:
            continue
        readings.append(reading)
        anchor = _anchor(str(entry.get("timex", "")), reading)
        if anchor:
            anchors.append(anchor)
    if not readings:
        return None
    keep_anchors = mod in ("start", "mid", "end")
    return DateTarget(tuple(dict.fromkeys(readings)), mod=mod,
                      anchors=tuple(dict.fromkeys(anchors)) if keep_anchors else ())


def rt_parser_result(result: Mapping[str, Any]) -> Expected:
    """One result of a ``*Parser.json`` (or span-only ``*Extractor.json``) file."""
    kind, scored, group = RT_TYPES[str(result["Type"])]
    start = int(result["Start"])
    value = result.get("Value")
    target: Target | None = None
    if isinstance(value, Mapping):
        target = rt_parser_target(str(result["Type"]), value,
                                  two_ends=written_with_two_ends(str(result["Text"])))
    return Expected(kind=kind, start=start, end=start + int(result["Length"]), text=str(result["Text"]),
                    target=target, scored=scored, group=group, raw=_compact(value) if value else "")


def rt_parser_target(type_name: str, value: Mapping[str, Any], *, two_ends: bool = False) -> Target | None:
    """The target of a parser-file ``Value`` (Future and Past resolutions both accepted)."""
    timex = str(value.get("Timex", ""))
    resolutions = [value.get("FutureResolution") or {}, value.get("PastResolution") or {}]
    if type_name == "duration":
        seconds = _number(resolutions[0].get("duration"))
        return None if seconds is None else NumericTarget.exact(seconds, units=("second",))
    entries = [{"timex": timex, "value": r.get("date"), "start": r.get("startDate"), "end": r.get("endDate"),
                "Mod": value.get("Mod")} for r in resolutions if r]
    return rt_date_values(entries, two_ends=two_ends)


_TWO_ENDS = re.compile(r"\d\s*[-–]\s*\d|\b(?:to|through|thru|until|till|and)\b", re.IGNORECASE)


def written_with_two_ends(text: str) -> bool:
    """Whether a range's text names both its ends ("2014-2018", "from Feb 1st to March 2019").

    >>> written_with_two_ends("between 2015 and Feb 2018"), written_with_two_ends("the past 2 decades")
    (True, False)
    """
    return bool(_TWO_ENDS.search(text))


def _rt_reading(timex: str, value: Any, start: Any, end: Any, *, two_ends: bool = False) -> DateReading | None:
    if value in RT_UNRESOLVED:
        return None
    if isinstance(value, str):
        day = parse_day(value)
        return DateSpan(day, (day,)) if day else None
    first = parse_day(start) if isinstance(start, str) else None
    last = parse_day(end) if isinstance(end, str) else None
    if first and last:
        return rt_daterange_reading(timex, first, last, two_ends=two_ends)
    if first:
        return DateBoundary(first, "from")
    if last:
        return DateBoundary(last, "to")
    return None


def rt_daterange_reading(timex: str, start: dt.date, end: dt.date, *, two_ends: bool = False) -> DateSpan:
    """A Recognizers-Text daterange as inclusive days.

    The suite's end is exclusive for months, years, weeks, quarters ("June 2016"
    -> 2016-06-01..2016-07-01), but a whole-day period keeps a literal end
    ("from 4 to 22" -> ..22) while "next 2 days" ends exclusively with the same
    timex shape; for those both last days are accepted.

    A range written with two ends ("2014-2018", "between 2015 and Feb 2018",
    ``two_ends``) ends, for the suite, where its second end *begins*
    (2018-01-01, exclusive); a news reader reads "2014-2018" as including 2018.
    When that end falls on the first of a month, the last day of the month it
    begins (and, on January 1, of the year) is accepted too. Ranges with one
    written end ("the past 2 decades", "next 3 months") are not widened.

    >>> rt_daterange_reading("(2014-01-01,2018-01-01,P4Y)", dt.date(2014, 1, 1), dt.date(2018, 1, 1),
    ...                      two_ends=True).describe()
    '2014-01-01..2017-12-31|2018-01-31|2018-12-31'

    >>> rt_daterange_reading("2016-06", dt.date(2016, 6, 1), dt.date(2016, 7, 1)).describe()
    '2016-06-01..2016-06-30'
    >>> explicit = "(2016-11-04,2016-11-22,P18D)"
    >>> rt_daterange_reading(explicit, dt.date(2016, 11, 4), dt.date(2016, 11, 22)).describe()
    '2016-11-04..2016-11-21|2016-11-22'
    """
    if end <= start:
        return DateSpan(start, (start,))
    ends = [end - ONE_DAY, end] if _TIMEX_DAY_PERIOD.match(timex) else [end - ONE_DAY]
    if two_ends and end.day == 1:
        ends.append(grain_last_day(end, "month"))
        if end.month == 1:
            ends.append(grain_last_day(end, "year"))
    return DateSpan(start, tuple(dict.fromkeys(ends)))


def timex_bounds(timex: str, year: int) -> tuple[dt.date, dt.date] | None:
    """Inclusive days of a TIMEX3 period; ``year`` fills an "XXXX" year.

    >>> timex_bounds("XXXX-11", 2017)
    (datetime.date(2017, 11, 1), datetime.date(2017, 11, 30))
    """
    timex = timex.replace("XXXX", f"{year:04d}")
    match = _TIMEX_PERIOD.match(timex)
    if match:
        first, last = parse_day(match.group(1)), parse_day(match.group(2))
        return (first, last - ONE_DAY) if first and last and last > first else None
    return iso_bounds(timex)


def _anchor(timex: str, reading: DateReading) -> tuple[dt.date, dt.date] | None:
    day = reading.start if isinstance(reading, DateSpan) else reading.day
    return timex_bounds(timex, day.year)


# -- Duckling ---------------------------------------------------------------------

DUCKLING_KINDS: dict[str, Kind] = {
    "Numeral": "number",
    "Ordinal": "ordinal",
    "AmountOfMoney": "money",
    "Quantity": "quantity",
    "Distance": "quantity",
    "Volume": "quantity",
    "Temperature": "temperature",
    "Duration": "duration",
    "Time": "date",
}


def duckling_result(line: Mapping[str, Any]) -> Expected | None:
    """The expected result of one Duckling line (the whole text); None for a negative line."""
    expected = line.get("expected")
    if expected is None:
        return None
    dimension = str(line["dimension"])
    kind = DUCKLING_KINDS[dimension]
    text = str(line["text"])
    scored, group = True, dimension
    target: Target | None
    row = ""
    if dimension == "Time":
        target, scored = duckling_time(expected)
        group = "date"
        if not scored and counted_from_now(text):
            group = FROM_NOW
        elif not scored:
            scored, group, row = True, TIME_OF_DAY, TIME_OF_DAY
            target = duckling_clock(expected, text=text, reference=line.get("reference_time"))
            kind = clock_kind(target)
    elif dimension == "Numeral":
        target = NumericTarget.exact(float(expected["value"]))
    elif dimension == "Ordinal":
        target = OrdinalTarget(int(expected["value"]))
    elif dimension == "Duration":
        target = NumericTarget.exact(float(expected["normalized"]["value"]), units=("second",))
    else:
        target = duckling_amount(dimension, expected)
        if dimension == "Quantity" and isinstance(target, NumericTarget) and not target.units:
            kind = "count"  # "around 4" (unit "unnamed"): a bare count, not a measure
    return Expected(kind=kind, start=0, end=len(text), text=text, target=target, scored=scored,
                    group=group, raw=_compact(expected), row=row)


def duckling_amount(dimension: str, expected: Mapping[str, Any]) -> Target:
    """A Duckling money, measure or temperature value or interval.

    >>> duckling_amount("Distance", {"type": "interval", "from": {"value": 3, "unit": "mile"}}).describe()
    '[3,] mile'
    """
    lower: float | None
    upper: float | None
    if expected["type"] == "value":
        lower = upper = float(expected["value"])
        unit = str(expected.get("unit", ""))
    else:
        sides = [expected.get("from"), expected.get("to")]
        lower, upper = (None if s is None else float(s["value"]) for s in sides)
        unit = str(next(s for s in sides if s is not None).get("unit", ""))
    if dimension == "AmountOfMoney":
        return _money_target(lower, upper, unit)
    return NumericTarget(lower, upper, units=duckling_units(unit))


def duckling_time(expected: Mapping[str, Any]) -> tuple[DateTarget | None, bool]:
    """A Duckling Time value as inclusive days, and whether it is scored (grain day or coarser).

    Interval ends are exclusive and rounded up to the grain, so the last day is
    the ``to`` day minus one ("July 13-15" -> to 07-16 -> last day 07-15). An
    open interval keeps its one side as a boundary. A year before 1 AD is not a
    date we can hold: no target.

    >>> duckling_time({"type": "interval", "from": {"value": "2013-07-13T00:00:00.000-02:00", "grain": "day"},
    ...                "to": {"value": "2013-07-16T00:00:00.000-02:00", "grain": "day"}})[0].describe()
    '2013-07-13..2013-07-15'
    """
    parts = [expected] if expected["type"] == "value" else [p for p in (expected.get("from"),
                                                                        expected.get("to")) if p]
    finest = min(DUCKLING_GRAINS.index(str(p["grain"])) for p in parts)
    if finest < _DAY_GRAIN:
        return None, False
    days = [parse_day(str(p["value"])) for p in parts]
    if any(d is None for d in days):
        return None, True
    reading: DateReading
    if expected["type"] == "value":
        start = days[0]
        assert start is not None
        reading = DateSpan(start, (grain_last_day(start, str(expected["grain"])),))
    elif "from" in expected and "to" in expected:
        start, stop = days
        assert start is not None and stop is not None
        reading = DateSpan(start, (max(start, stop - ONE_DAY),))
    else:
        day = days[0]
        assert day is not None
        reading = DateBoundary(day, "from" if "from" in expected else "to")
    return DateTarget((reading,)), True


def _duckling_instant(part: Mapping[str, Any]) -> tuple[dt.datetime, dt.timedelta | None] | None:
    """A Duckling time as naive local time and its UTC offset ("...T15:00:00.000-02:00")."""
    try:
        stamp = dt.datetime.fromisoformat(str(part["value"]).replace(".000", ""))
    except ValueError:
        return None
    return stamp.replace(tzinfo=None), stamp.utcoffset()


def duckling_clock(expected: Mapping[str, Any], *, text: str, reference: Any = None) -> ClockTarget | None:
    """A Duckling Time of grain hour, minute or second as a time of day.

    An instant is its value; an interval ends one grain before its exclusive
    ``to`` ("9:30 - 11:00" -> to 11:01 -> 11:00; "3-4pm" -> to 17:00 -> 16:00);
    an interval from the reference instant ("by 2:00pm") is open, up to its
    ``to``; an open interval keeps its one side. A part of the day or week at
    an hour's grain ("this evening" -> 18:00 to 00:00) is its days (the last one
    is the day of ``to`` minus the grain).

    >>> duckling_clock({"type": "interval", "from": {"value": "2013-02-12T15:00:00.000-02:00", "grain": "hour"},
    ...                 "to": {"value": "2013-02-12T17:00:00.000-02:00", "grain": "hour"}}, text="3-4pm").describe()
    '2013-02-12T15:00..2013-02-12T16:00'
    >>> duckling_clock({"type": "interval", "from": {"value": "2013-02-12T18:00:00.000-02:00", "grain": "hour"},
    ...                 "to": {"value": "2013-02-13T00:00:00.000-02:00", "grain": "hour"}},
    ...                text="this evening").describe()
    '2013-02-12 (part of day)'
    """
    if expected["type"] == "value":
        instant = _duckling_instant(expected)
        return None if instant is None else ClockTarget((ClockReading(instant[0], instant[0], offset=instant[1]),))
    first = _duckling_instant(expected["from"]) if expected.get("from") else None
    last = _duckling_instant(expected["to"]) if expected.get("to") else None
    if first and reference and first[0] == (_duckling_instant({"value": reference}) or (None,))[0]:
        first = None  # "by 2:00pm": from now until 2 p.m.
    offset = (first or last or (None, None))[1]
    if first and last:
        end = last[0] - _CLOCK_GRAINS.get(str(expected["to"]["grain"]), ONE_DAY)
        if expected["from"]["grain"] == expected["to"]["grain"] == "hour" and _PART_OF_DAY.search(text):
            return ClockTarget((DateSpan(first[0].date(), (max(first[0], end).date(),)),))
        return ClockTarget((ClockReading(first[0], end, span=True, offset=offset),))
    if first or last:
        return ClockTarget((ClockReading(first[0] if first else None, last[0] if last else None, offset=offset),))
    return None


def _compact(value: Any) -> str:
    """A short one-line rendering of a suite value for failure listings."""
    import json

    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text if len(text) <= 160 else text[:157] + "..."
