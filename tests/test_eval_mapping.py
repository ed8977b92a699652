"""Suite values -> our record's terms (pipeline.evaluate.mapping / units): tables of input -> expected."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.evaluate.mapping import (
    counted_from_now,
    duckling_amount,
    duckling_clock,
    duckling_result,
    duckling_time,
    iso_bounds,
    parse_rt_range,
    rt_clock_values,
    rt_daterange_reading,
    rt_model_result,
    rt_parser_result,
    rt_skip_reason,
    timex_bounds,
)
from pipeline.evaluate.targets import (
    TIME_OF_DAY,
    AnyOf,
    ClockReading,
    ClockTarget,
    DateBoundary,
    DateSpan,
    DateTarget,
    NumericTarget,
    OrdinalTarget,
)
from pipeline.evaluate.units import close, currency_codes, duckling_units, duration_seconds, rt_units

D = dt.date



# -- Duckling: exclusive, grain-rounded interval ends -> inclusive days ----------------

DUCKLING_TIMES = [
    # (id, expected JSON, inclusive (start, last) or boundary, scored)
    ("day interval 'July 13-15' ends on the 16th",
     {"type": "interval", "from": {"value": "2013-07-13T00:00:00.000-02:00", "grain": "day"},
      "to": {"value": "2013-07-16T00:00:00.000-02:00", "grain": "day"}},
     DateSpan(D(2013, 7, 13), (D(2013, 7, 15),)), True),
    ("week interval 'last 2 weeks'",
     {"type": "interval", "from": {"value": "2013-01-28T00:00:00.000-02:00", "grain": "week"},
      "to": {"value": "2013-02-11T00:00:00.000-02:00", "grain": "week"}},
     DateSpan(D(2013, 1, 28), (D(2013, 2, 10),)), True),
    ("month interval 'end of 2012'",
     {"type": "interval", "from": {"value": "2012-09-01T00:00:00.000-02:00", "grain": "month"},
      "to": {"value": "2013-01-01T00:00:00.000-02:00", "grain": "month"}},
     DateSpan(D(2012, 9, 1), (D(2012, 12, 31),)), True),
    ("week value is the whole week",
     {"type": "value", "value": "2013-02-11T00:00:00.000-02:00", "grain": "week"},
     DateSpan(D(2013, 2, 11), (D(2013, 2, 17),)), True),
    ("quarter value '4th quarter 2018'",
     {"type": "value", "value": "2018-10-01T00:00:00.000-02:00", "grain": "quarter"},
     DateSpan(D(2018, 10, 1), (D(2018, 12, 31),)), True),
    ("leap February as a month",
     {"type": "value", "value": "2016-02-01T00:00:00.000-02:00", "grain": "month"},
     DateSpan(D(2016, 2, 1), (D(2016, 2, 29),)), True),
    ("open 'since 2014' keeps its boundary",
     {"type": "interval", "from": {"value": "2014-01-01T00:00:00.000-02:00", "grain": "year"}},
     DateBoundary(D(2014, 1, 1), "from"), True),
    ("open 'through 2014'",
     {"type": "interval", "to": {"value": "2014-01-01T00:00:00.000-02:00", "grain": "year"}},
     DateBoundary(D(2014, 1, 1), "to"), True),
    ("hour grain is a time of day: not scored",
     {"type": "value", "value": "2013-02-12T15:00:00.000-02:00", "grain": "hour"}, None, False),
    ("a day interval ending at an hour is a time of day",
     {"type": "interval", "from": {"value": "2013-02-12T00:00:00.000-02:00", "grain": "day"},
      "to": {"value": "2013-02-12T11:00:00.000-02:00", "grain": "hour"}}, None, False),
]


@pytest.mark.parametrize(("expected", "reading", "scored"), [c[1:] for c in DUCKLING_TIMES],
                         ids=[c[0] for c in DUCKLING_TIMES])
def test_duckling_time(expected, reading, scored):
    target, is_scored = duckling_time(expected)
    assert is_scored is scored
    if reading is None:
        assert target is None
    else:
        assert target == DateTarget((reading,))


def test_duckling_year_bc_has_no_target_but_is_scored():
    line = {"dimension": "Time", "text": "in 2014 BC",
            "expected": {"type": "value", "value": "-2014-01-01T00:00:00.000-02:00", "grain": "year"}}
    result = duckling_result(line)
    assert result is not None and result.scored and result.target is None
    assert (result.start, result.end) == (0, len("in 2014 BC"))


def test_duckling_negative_line_has_no_result():
    assert duckling_result({"dimension": "Time", "text": "1 adult", "expected": None}) is None


DUCKLING_AMOUNTS = [
    ("value in kilometres", "Distance", {"type": "value", "value": 3, "unit": "kilometre"},
     NumericTarget(3.0, 3.0, units=("kilometer",))),
    ("ambiguous m: metre or mile", "Distance", {"type": "value", "value": 3, "unit": "m"},
     NumericTarget(3.0, 3.0, units=("meter", "mile"))),
    ("'under 5 gallons' is an upper bound", "Volume",
     {"type": "interval", "to": {"value": 5, "unit": "gallon"}},
     NumericTarget(None, 5.0, units=("gallon",))),
    ("money interval in ISO code", "AmountOfMoney",
     {"type": "interval", "from": {"value": 7, "unit": "INR"}, "to": {"value": 900000, "unit": "INR"}},
     NumericTarget(7.0, 900000.0, currencies=frozenset({"INR"}))),
    ("bare $: USD or null", "AmountOfMoney", {"type": "value", "value": 1.42, "unit": "$"},
     NumericTarget(1.42, 1.42, currencies=frozenset({"USD", None}))),
    ("'unknown' (bucks): any currency", "AmountOfMoney", {"type": "value", "value": 5, "unit": "unknown"},
     NumericTarget(5.0, 5.0)),
    ("cents: as written or in dollars", "AmountOfMoney", {"type": "value", "value": 20, "unit": "cent"},
     AnyOf((NumericTarget(20.0, 20.0), NumericTarget(0.2, 0.2)))),
    ("unnamed quantity: bare numbers", "Quantity", {"type": "value", "value": 4, "unit": "unnamed"},
     NumericTarget(4.0, 4.0)),
]


@pytest.mark.parametrize(("dimension", "expected", "target"), [c[1:] for c in DUCKLING_AMOUNTS],
                         ids=[c[0] for c in DUCKLING_AMOUNTS])
def test_duckling_amount(dimension, expected, target):
    assert duckling_amount(dimension, expected) == target


def test_duckling_duration_uses_normalized_seconds():
    line = {"dimension": "Duration", "text": "3 months",
            "expected": {"type": "value", "value": 3, "unit": "month",
                         "normalized": {"unit": "second", "value": 7776000}}}
    result = duckling_result(line)
    assert result is not None and result.kind == "duration"
    assert result.target == NumericTarget(7776000.0, 7776000.0, units=("second",))


# -- Recognizers-Text: interval notation, exclusive range ends, flags --------------------

RT_RANGES = [
    ("half-open 'between 20 and 30'", "[20,30)", NumericTarget(20.0, 30.0, True, False)),
    ("open left, closed right", "(20,35]", NumericTarget(20.0, 35.0, False, True)),
    ("'greater than 4,565' is a lower bound only", "(4565,)", NumericTarget(4565.0, None, False, False)),
    ("'five hundred or less' is an upper bound only", "(,500]", NumericTarget(None, 500.0, False, True)),
    ("'equal to 5000' is exact", "[5000,5000]", NumericTarget(5000.0, 5000.0, True, True)),
    ("negative bound", "(,-30)", NumericTarget(None, -30.0, False, False)),
    ("fraction bound", "[0.4,)", NumericTarget(0.4, None, True, False)),
]


@pytest.mark.parametrize(("text", "target"), [c[1:] for c in RT_RANGES], ids=[c[0] for c in RT_RANGES])
def test_parse_rt_range(text, target):
    assert parse_rt_range(text) == target


@pytest.mark.parametrize("text", ["20-30", "[20;30)", "", "[20,30"],
                         ids=["dash", "semicolon", "empty", "unclosed"])
def test_parse_rt_range_refuses_other_notations(text):
    with pytest.raises(ValueError):
        parse_rt_range(text)


def test_exact_range_is_exact_but_half_open_is_not():
    assert parse_rt_range("[5000,5000]").is_exact
    assert not parse_rt_range("[20,30)").is_exact


RT_DATERANGES = [
    ("month end is exclusive", "2016-06", D(2016, 6, 1), D(2016, 7, 1), (D(2016, 6, 30),)),
    ("year end is exclusive", "2017", D(2017, 1, 1), D(2018, 1, 1), (D(2017, 12, 31),)),
    ("week end is exclusive", "2016-W45", D(2016, 11, 7), D(2016, 11, 14), (D(2016, 11, 13),)),
    ("weekend ends on Sunday", "2016-W45-WE", D(2016, 11, 12), D(2016, 11, 14), (D(2016, 11, 13),)),
    ("quarter period", "(2016-07-01,2016-10-01,P3M)", D(2016, 7, 1), D(2016, 10, 1), (D(2016, 9, 30),)),
    ("explicit days: literal or exclusive end", "(2016-11-04,2016-11-22,P18D)", D(2016, 11, 4),
     D(2016, 11, 22), (D(2016, 11, 21), D(2016, 11, 22))),
    ("'next 2 days' has the same shape", "(2016-11-08,2016-11-10,P2D)", D(2016, 11, 8), D(2016, 11, 10),
     (D(2016, 11, 9), D(2016, 11, 10))),
    ("a zero-length period is one day", "(2016-11-13,2016-11-13,P0D)", D(2016, 11, 13), D(2016, 11, 13),
     (D(2016, 11, 13),)),
]


@pytest.mark.parametrize(("timex", "start", "end", "ends"), [c[1:] for c in RT_DATERANGES],
                         ids=[c[0] for c in RT_DATERANGES])
def test_rt_daterange_reading(timex, start, end, ends):
    assert rt_daterange_reading(timex, start, end) == DateSpan(start, ends)


def test_rt_model_date_accepts_past_and_future():
    result = rt_model_result({
        "Text": "friday", "Start": 9, "End": 14, "TypeName": "datetimeV2.date",
        "Resolution": {"values": [{"timex": "XXXX-WXX-5", "type": "date", "value": "2016-11-04"},
                                  {"timex": "XXXX-WXX-5", "type": "date", "value": "2016-11-11"}]}})
    assert (result.start, result.end) == (9, 15), "End is inclusive in model files"
    assert result.target == DateTarget((DateSpan(D(2016, 11, 4), (D(2016, 11, 4),)),
                                        DateSpan(D(2016, 11, 11), (D(2016, 11, 11),))))


def test_rt_model_open_mod_gives_a_boundary():
    result = rt_model_result({
        "Text": "after 2016", "Start": 0, "End": 9, "TypeName": "datetimeV2.daterange",
        "Resolution": {"values": [{"timex": "2016", "Mod": "after", "type": "daterange",
                                   "start": "2017-01-01"}]}})
    assert result.target == DateTarget((DateBoundary(D(2017, 1, 1), "from"),), mod="after")


def test_rt_model_end_mod_keeps_the_anchor_year():
    result = rt_model_result({
        "Text": "end of this year", "Start": 0, "End": 15, "TypeName": "datetimeV2.daterange",
        "Resolution": {"values": [{"timex": "2016", "Mod": "end", "type": "daterange",
                                   "start": "2016-07-01", "end": "2017-01-01"}]}})
    assert isinstance(result.target, DateTarget)
    assert result.target.anchors == ((D(2016, 1, 1), D(2016, 12, 31)),)


@pytest.mark.parametrize(("type_name", "group"), [("datetimeV2.set", "set"), ("datetimeV2.timezone", "timezone")])
def test_rt_sets_and_zones_are_not_scored(type_name, group):
    result = rt_model_result({"Text": "x", "Start": 0, "End": 0, "TypeName": type_name,
                              "Resolution": {"values": []}})
    assert (result.scored, result.group, result.target, result.row) == (False, group, None, "")


@pytest.mark.parametrize("type_name", ["datetimeV2.time", "datetimeV2.timerange", "datetimeV2.datetime",
                                       "datetimeV2.datetimerange"])
def test_rt_times_of_day_are_scored_in_their_own_row(type_name):
    result = rt_model_result({"Text": "at 5pm", "Start": 0, "End": 5, "TypeName": type_name,
                              "Resolution": {"values": [{"timex": "T17", "value": "17:00:00"}]}})
    assert (result.scored, result.group, result.row, result.kind) == (True, TIME_OF_DAY, TIME_OF_DAY, "clock")


# -- times of day ------------------------------------------------------------------------

FROM_NOW = [
    ("now", True), ("right now", True), ("in 2 minutes", True), ("in a couple of hours", True),
    ("in 3/4 h", True), ("7 days ago", True), ("a fortnight hence", True), ("next 3 hours", True),
    ("13 last minutes", True), ("30 min later", True), ("within 2h", True), ("by the end of next month", True),
    ("ASAP", True), ("in 15", True),
    # clock times, parts of the day, periods counted from a written time: not from now
    ("at 3pm", False), ("15 minutes from 1pm", False), ("4pm for 30 mins", False), ("this evening", False),
    ("later than 9:30 but before 11:00", False), ("15 minutes past 15h", False), ("last weekend of July", False),
    ("next wednesday later than 10 in the morning", False), ("in the morning", False),
]


@pytest.mark.parametrize(("text", "from_now"), FROM_NOW, ids=[c[0] for c in FROM_NOW])
def test_counted_from_now(text, from_now):
    assert counted_from_now(text) is from_now


def test_rt_present_ref_is_from_now():
    assert counted_from_now("at this point", timexes=["PRESENT_REF"])


def _dk(value: str, grain: str) -> dict:
    return {"value": f"{value}:00.000-02:00", "grain": grain}


T = dt.datetime
MINUS_2 = dt.timedelta(hours=-2)
DUCKLING_CLOCKS = [
    ("instant keeps the suite's offset", "at 3pm", {"type": "value", **_dk("2013-02-12T15:00", "hour")},
     ClockTarget((ClockReading(T(2013, 2, 12, 15), T(2013, 2, 12, 15), offset=MINUS_2),))),
    ("minute interval ends one minute before 'to'", "9:30 - 11:00",
     {"type": "interval", "from": _dk("2013-02-12T09:30", "minute"), "to": _dk("2013-02-12T11:01", "minute")},
     ClockTarget((ClockReading(T(2013, 2, 12, 9, 30), T(2013, 2, 12, 11), span=True, offset=MINUS_2),))),
    ("hour interval ends one hour before 'to'", "3-4pm",
     {"type": "interval", "from": _dk("2013-02-12T15:00", "hour"), "to": _dk("2013-02-12T17:00", "hour")},
     ClockTarget((ClockReading(T(2013, 2, 12, 15), T(2013, 2, 12, 16), span=True, offset=MINUS_2),))),
    ("from the reference instant: open up to 'to'", "by 2:00pm",
     {"type": "interval", "from": _dk("2013-02-12T04:30", "second"), "to": _dk("2013-02-12T14:00", "second")},
     ClockTarget((ClockReading(None, T(2013, 2, 12, 14), offset=MINUS_2),))),
    ("open 'after 2 pm'", "after 2 pm", {"type": "interval", "from": _dk("2013-02-12T14:00", "hour")},
     ClockTarget((ClockReading(T(2013, 2, 12, 14), None, offset=MINUS_2),))),
    ("part of the day is its day", "tomorrow evening",
     {"type": "interval", "from": _dk("2013-02-13T18:00", "hour"), "to": _dk("2013-02-14T00:00", "hour")},
     ClockTarget((DateSpan(D(2013, 2, 13), (D(2013, 2, 13),)),))),
    ("weekend: its days, from Friday evening", "this week-end",
     {"type": "interval", "from": _dk("2013-02-15T18:00", "hour"), "to": _dk("2013-02-18T00:00", "hour")},
     ClockTarget((DateSpan(D(2013, 2, 15), (D(2013, 2, 17),)),))),
]


@pytest.mark.parametrize(("text", "expected", "target"), [c[1:] for c in DUCKLING_CLOCKS],
                         ids=[c[0] for c in DUCKLING_CLOCKS])
def test_duckling_clock(text, expected, target):
    assert duckling_clock(expected, text=text, reference="2013-02-12T04:30:00.000-02:00") == target


def test_duckling_time_of_day_rows():
    line = {"dimension": "Time", "text": "tomorrow at 5pm", "reference_time": "2013-02-12T04:30:00.000-02:00",
            "expected": {"type": "value", **_dk("2013-02-13T17:00", "hour")}}
    result = duckling_result(line)
    assert result is not None and (result.row, result.kind, result.scored) == (TIME_OF_DAY, "clock", True)
    evening = duckling_result({**line, "text": "this evening", "expected": {
        "type": "interval", "from": _dk("2013-02-12T18:00", "hour"), "to": _dk("2013-02-13T00:00", "hour")}})
    assert evening is not None and evening.kind == "daypart"
    soon = duckling_result({**line, "text": "in 2 minutes", "expected": {"type": "value",
                                                                        **_dk("2013-02-12T04:32", "second")}})
    assert soon is not None and (soon.scored, soon.group, soon.row) == (False, "from-now", "")


RT_CLOCKS = [
    ("a time has no day", "time", [{"timex": "T19:56:30", "type": "time", "value": "19:56:30"}],
     ClockTarget((ClockReading(T(1, 1, 1, 19, 56, 30), T(1, 1, 1, 19, 56, 30), dated=False),))),
    ("a.m. and p.m. readings", "time",
     [{"timex": "T10", "value": "10:00:00"}, {"timex": "T22", "value": "22:00:00"}],
     ClockTarget((ClockReading(T(1, 1, 1, 10), T(1, 1, 1, 10), dated=False),
                  ClockReading(T(1, 1, 1, 22), T(1, 1, 1, 22), dated=False)))),
    ("range ends as written", "timerange", [{"timex": "(T17,T18,PT1H)", "start": "17:00:00", "end": "18:00:00"}],
     ClockTarget((ClockReading(T(1, 1, 1, 17), T(1, 1, 1, 18), span=True, dated=False),))),
    ("open 'after 6pm'", "timerange", [{"timex": "T18", "Mod": "after", "start": "18:00:00"}],
     ClockTarget((ClockReading(T(1, 1, 1, 18), None, dated=False),))),
    ("a datetime has its day", "datetime", [{"timex": "2016-11-08T08:00", "value": "2016-11-08 08:00:00"}],
     ClockTarget((ClockReading(T(2016, 11, 8, 8), T(2016, 11, 8, 8)),))),
    ("a dated part of the day is its day", "datetimerange",
     [{"timex": "2016-11-07TEV", "start": "2016-11-07 16:00:00", "end": "2016-11-07 20:00:00"}],
     ClockTarget((DateSpan(D(2016, 11, 7), (D(2016, 11, 7),)),))),
    ("an undated part of the day has nothing to compare", "timerange",
     [{"timex": "TMO", "start": "08:00:00", "end": "12:00:00"}], None),
]


@pytest.mark.parametrize(("type_name", "values", "target"), [c[1:] for c in RT_CLOCKS], ids=[c[0] for c in RT_CLOCKS])
def test_rt_clock_values(type_name, values, target):
    assert rt_clock_values(values, dated=type_name.startswith("date")) == target


def test_rt_misspelled_typename_is_read():
    result = rt_model_result({"Text": "2019", "Start": 0, "End": 3, "Typename": "datetimeV2.daterange",
                              "Resolution": {"values": [{"timex": "2019", "type": "daterange",
                                                         "start": "2019-01-01", "end": "2020-01-01"}]}})
    assert result.kind == "date" and result.target is not None


RT_MODEL_VALUES = [
    ("number in exponent form", "number", {"value": "-1.2732E+15", "subtype": "decimal"},
     NumericTarget(-1.2732e15, -1.2732e15)),
    ("percentage", "percentage", {"value": "22%"}, NumericTarget(22.0, 22.0)),
    ("bare percent sign has no value", "percentage", {"value": "null"}, None),
    ("ordinal", "ordinal", {"offset": "25", "relativeTo": "start", "value": "25"}, OrdinalTarget(25)),
    ("relative ordinal has no value", "ordinal.relative", {"offset": "-1", "relativeTo": "end",
                                                           "value": "end-1"}, None),
    ("currency with ISO code", "currency", {"value": "10050000000", "unit": "Hong Kong dollar",
                                            "isoCurrency": "HKD"},
     NumericTarget(10050000000.0, 10050000000.0, currencies=frozenset({"HKD"}))),
    ("currency word without amount", "currency", {"value": None, "unit": "Dollar"}, None),
    ("dimension in cubic feet", "dimension", {"value": "900000000000", "subtype": "Volume",
                                              "unit": "Cubic foot"},
     NumericTarget(9e11, 9e11, units=("foot ** 3",))),
    ("temperature in F", "temperature", {"value": "-5", "unit": "F"},
     NumericTarget(-5.0, -5.0, units=("degree_Fahrenheit",))),
    ("age in years -> seconds, 365-day year", "age", {"value": "95", "unit": "Year"},
     NumericTarget(95 * 365 * 86400.0, 95 * 365 * 86400.0, units=("second",))),
]


@pytest.mark.parametrize(("type_name", "resolution", "target"), [c[1:] for c in RT_MODEL_VALUES],
                         ids=[c[0] for c in RT_MODEL_VALUES])
def test_rt_model_values(type_name, resolution, target):
    result = rt_model_result({"Text": "x", "Start": 0, "End": 0, "TypeName": type_name,
                              "Resolution": resolution})
    assert result.target == target


def test_rt_parser_duration_and_extractor_span():
    parsed = rt_parser_result({"Text": "3 h", "Type": "duration", "Start": 15, "Length": 3,
                               "Value": {"Timex": "PT3H", "FutureResolution": {"duration": "10800"},
                                         "PastResolution": {"duration": "10800"}}})
    assert (parsed.start, parsed.end, parsed.kind) == (15, 18, "duration")
    assert parsed.target == NumericTarget(10800.0, 10800.0, units=("second",))
    extracted = rt_parser_result({"Text": "15", "Type": "date", "Start": 16, "Length": 2})
    assert (extracted.start, extracted.end, extracted.target) == (16, 18, None)


RT_FLAGS = [
    ("no flags", {}, None),
    ("NotSupported without dotnet", {"NotSupported": "javascript, python"}, None),
    ("NotSupported naming dotnet", {"NotSupported": "dotnet, javascript"}, "NotSupported: dotnet"),
    ("case and spacing vary", {"NotSupported": "javascript,  DotNet "}, "NotSupported: dotnet"),
    ("by design, dotnet", {"NotSupportedByDesign": "dotnet"}, "NotSupportedByDesign: dotnet"),
    ("'dotnetcore' is not dotnet", {"NotSupported": "dotnetcore"}, None),
]


@pytest.mark.parametrize(("case", "reason"), [c[1:] for c in RT_FLAGS], ids=[c[0] for c in RT_FLAGS])
def test_rt_skip_reason(case, reason):
    assert rt_skip_reason(case) == reason


# -- shared: tolerance, units, currencies, ISO values ------------------------------------

TOLERANCE = [
    (".NET 15-digit rounding of 103 2/3", 103.666666666667, 103 + 2 / 3, True),
    ("tiny numbers are compared relatively", 1e-12, 1.0000001e-12, True),
    ("1e-5 relative difference is too much", 100.0, 100.001, False),
    ("zero equals zero", 0.0, 0.0, True),
    ("zero is not a tiny number", 0.0, 1e-12, False),
    ("exponent form", -1.2732e15, -1273200000000000.0, True),
    ("None equals only None", None, None, True),
    ("None is not zero", None, 0.0, False),
]


@pytest.mark.parametrize(("a", "b", "same"), [c[1:] for c in TOLERANCE], ids=[c[0] for c in TOLERANCE])
def test_numeric_tolerance(a, b, same):
    assert close(a, b) is same


UNITS = [
    ("Square kilometer", False, ("kilometer ** 2",)),
    ("Kilometer per hour", False, ("kilometer / hour",)),
    ("Metric ton", False, ("metric_ton",)),
    ("Ton", False, ("metric_ton", "short_ton", "long_ton")),
    ("Degree", False, ("degree",)),
    ("Degree", True, ()),
    ("C", True, ("degree_Celsius",)),
    ("Gallon", False, ("gallon",)),
]


@pytest.mark.parametrize(("name", "temperature", "units"), UNITS,
                         ids=[f"{n}{' (temperature)' if t else ''}" for n, t, _ in UNITS])
def test_rt_units(name, temperature, units):
    assert rt_units(name, temperature=temperature) == units


@pytest.mark.parametrize(("name", "units"), [
    ("kilometre", ("kilometer",)), ("millilitre", ("milliliter",)), ("hectolitre", ("hectoliter",)),
    ("celsius", ("degree_Celsius",)), ("degree", ()), ("pound", ("pound",))])
def test_duckling_units(name, units):
    assert duckling_units(name) == units


@pytest.mark.parametrize(("value", "unit", "seconds"), [
    (3, "month", 3 * 30 * 86400), (1, "year", 365 * 86400), (2, "years", 2 * 365 * 86400),
    (1, "quarter", 90 * 86400), (90, "minute", 5400), (1.5, "hour", 5400)],
    ids=["month is 30 days", "year is 365 days", "plural unit", "quarter is time, not mass", "minutes",
         "hours"])
def test_duration_seconds(value, unit, seconds):
    assert duration_seconds(value, unit) == pytest.approx(seconds)


CURRENCIES = [
    ("Dollar", {"USD", None}), ("$", {"USD", None}), ("USD", {"USD"}), ("Finnish markka", {"FIM", None}),
]


@pytest.mark.parametrize(("name", "codes"), CURRENCIES, ids=[c[0] for c in CURRENCIES])
def test_currency_codes(name, codes):
    assert currency_codes(name) == frozenset(codes)


def test_currency_families_come_from_babel():
    dinar = currency_codes("dinar")
    assert dinar is not None and {"KWD", "JOD", None} <= dinar and "USD" not in dinar
    assert currency_codes("unknown") is None
    assert currency_codes("Bitcoin") is None


ISO = [
    ("day", "2016-11-07", (D(2016, 11, 7), D(2016, 11, 7))),
    ("month", "2016-02", (D(2016, 2, 1), D(2016, 2, 29))),
    ("year", "2016", (D(2016, 1, 1), D(2016, 12, 31))),
    ("quarter", "2016-Q3", (D(2016, 7, 1), D(2016, 9, 30))),
    ("half", "2016-H2", (D(2016, 7, 1), D(2016, 12, 31))),
    ("ISO week", "2016-W45", (D(2016, 11, 7), D(2016, 11, 13))),
    ("interval", "2016-01/2016-11", (D(2016, 1, 1), D(2016, 11, 30))),
    ("season", "2016-SU", None),
    ("not a date", "13-2016", None),
]


@pytest.mark.parametrize(("value", "bounds"), [c[1:] for c in ISO], ids=[c[0] for c in ISO])
def test_iso_bounds(value, bounds):
    assert iso_bounds(value) == bounds


@pytest.mark.parametrize(("timex", "year", "bounds"), [
    ("XXXX-11", 2017, (D(2017, 11, 1), D(2017, 11, 30))),
    ("2018-W48", 0, (D(2018, 11, 26), D(2018, 12, 2))),
    ("(XXXX-07-01,XXXX-10-01,P3M)", 2017, (D(2017, 7, 1), D(2017, 9, 30))),
    ("SU", 2017, None)], ids=["month of unknown year", "week", "period", "season"])
def test_timex_bounds(timex, year, bounds):
    assert timex_bounds(timex, year) == bounds


@pytest.mark.parametrize("module", ["mapping", "units", "suites", "report"])
def test_doctests(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(f"pipeline.evaluate.{module}"))
    assert result.attempted > 0 and result.failed == 0
