"""Matching and metrics (pipeline.evaluate.compare / score / report) on hand-built records."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.evaluate.compare import Found, numeric_matches, value_matches
from pipeline.evaluate.mapping import duckling_result, rt_model_result
from pipeline.evaluate.report import below_floors, ceil_tenths, floor_tenths, floors, format_table
from pipeline.evaluate.score import FileScore, score_case
from pipeline.evaluate.targets import (
    TIME_OF_DAY,
    Case,
    ClockReading,
    ClockTarget,
    DateBoundary,
    DateSpan,
    DateTarget,
    NumericTarget,
)
from pipeline.record import (
    ArticleRecord,
    DateMention,
    Metadata,
    Money,
    Ordinal,
    Percentage,
    PipelineInfo,
    Quantity,
    ReferenceDate,
)

D = dt.date


def record(text: str, **mentions: list) -> ArticleRecord:
    return ArticleRecord(doc_id="t", text=text, text_sha256="0" * 64, metadata=Metadata(),
                         reference_date=ReferenceDate(), pipeline=PipelineInfo(version="0", model="m"),
                         **mentions)


def quantity(start: int, end: int, value: float | None, unit: str | None = None, dimension: str = "count",
             n: int = 1, **kw) -> Quantity:
    return Quantity(id=f"q{n}", text="x" * (end - start), start=start, end=end, sentence=0, value=value,
                    unit=unit, dimension=dimension, **kw)


def money(start: int, end: int, value: float | None, currency: str | None, n: int = 1, **kw) -> Money:
    return Money(id=f"m{n}", text="x" * (end - start), start=start, end=end, sentence=0, value=value,
                 currency=currency, **kw)


def date(start: int, end: int, value: str | None, n: int = 1, **kw) -> DateMention:
    return DateMention(id=f"d{n}", text="x" * (end - start), start=start, end=end, sentence=0, value=value,
                       **kw)


# -- value comparison ---------------------------------------------------------------------

VALUES = [
    ("miles vs kilometres via pint", "quantity", NumericTarget(10.0, 10.0, units=("mile",)),
     quantity(0, 5, 16.09344, "kilometer", "[length]"), True),
    ("wrong magnitude", "quantity", NumericTarget(10.0, 10.0, units=("mile",)),
     quantity(0, 5, 10.0, "kilometer", "[length]"), False),
    ("incompatible dimension", "quantity", NumericTarget(10.0, 10.0, units=("mile",)),
     quantity(0, 5, 10.0, "gram", "[mass]"), False),
    ("a count is not a measure", "quantity", NumericTarget(10.0, 10.0, units=("mile",)),
     quantity(0, 5, 10.0), False),
    ("ambiguous m accepts mile", "quantity", NumericTarget(3.0, 3.0, units=("meter", "mile")),
     quantity(0, 2, 3.0, "mile", "[length]"), True),
    ("Celsius vs Fahrenheit with offset", "temperature", NumericTarget(20.0, 20.0, units=("degree_Celsius",)),
     quantity(0, 5, 68.0, "degree_Fahrenheit", "[temperature]"), True),
    ("unnamed degrees compare bare numbers", "temperature", NumericTarget(5.0, 5.0),
     quantity(0, 5, 5.0, "degree_Celsius", "[temperature]"), True),
    ("3 months = 90 days of seconds", "duration", NumericTarget(7776000.0, 7776000.0, units=("second",)),
     quantity(0, 8, 3.0, "month", "[time]"), True),
    ("pint's 365.25-day year is not used", "duration",
     NumericTarget(31536000.0, 31536000.0, units=("second",)), quantity(0, 6, 1.0, "year", "[time]"), True),
    ("range bounds", "range", NumericTarget(20.0, 30.0, True, False),
     quantity(0, 9, None, qualifier="range", lower=20.0, upper=30.0), True),
    ("range needs both bounds", "range", NumericTarget(20.0, 30.0, True, False),
     quantity(0, 9, 20.0, qualifier="lower_bound"), False),
    ("lower bound from value", "range", NumericTarget(20.0, None, False, False),
     quantity(0, 9, 20.0, qualifier="lower_bound"), True),
    ("exact value meets [5000,5000]", "range", NumericTarget(5000.0, 5000.0), quantity(0, 4, 5000.0), True),
    ("an exact value is not a bound", "range", NumericTarget(None, 500.0, False, True),
     quantity(0, 4, 500.0), False),
    ("number: any bound may carry it", "number", NumericTarget(30.0, 30.0),
     quantity(0, 9, None, qualifier="range", lower=20.0, upper=30.0), True),
    ("$ accepts a null currency", "money", NumericTarget(5.0, 5.0, currencies=frozenset({"USD", None})),
     money(0, 2, 5.0, None), True),
    ("$ refuses CAD", "money", NumericTarget(5.0, 5.0, currencies=frozenset({"USD", None})),
     money(0, 2, 5.0, "CAD"), False),
    ("ISO code must equal", "money", NumericTarget(5.0, 5.0, currencies=frozenset({"HKD"})),
     money(0, 2, 5.0, "HKD"), True),
    ("our fraction shares hold percent", "percentage", NumericTarget(22.0, 22.0),
     Percentage(id="p1", text="x", start=0, end=1, sentence=0, value=22.0, unit="fraction"), True),
    ("so a fraction value is not rescaled", "percentage", NumericTarget(22.0, 22.0),
     Percentage(id="p1", text="x", start=0, end=1, sentence=0, value=0.22, unit="fraction"), False),
    ("basis points in percent", "percentage", NumericTarget(0.25, 0.25),
     Percentage(id="p1", text="x", start=0, end=1, sentence=0, value=25.0, unit="basis_point"), True),
    ("number: a fraction share is also the fraction", "number", NumericTarget(2 / 3, 2 / 3),
     Percentage(id="p1", text="x", start=0, end=1, sentence=0, value=66.6666666667, unit="fraction"), True),
    ("exact amount ignores our hedge", "money",
     NumericTarget(247e6, 247e6, currencies=frozenset({"USD", None})),
     money(0, 9, 247e6, "USD", qualifier="lower_bound", lower=247e6), True),
    ("exact measure is not a range", "quantity", NumericTarget(10.0, 10.0, units=("foot",)),
     quantity(0, 9, None, "foot", "[length]", qualifier="range", lower=8.0, upper=10.0), False),
    ("percent as written", "percentage", NumericTarget(22.0, 22.0),
     Percentage(id="p1", text="x", start=0, end=1, sentence=0, value=22.0), True),
]


@pytest.mark.parametrize(("kind", "target", "mention", "same"), [c[1:] for c in VALUES],
                         ids=[c[0] for c in VALUES])
def test_numeric_value(kind, target, mention, same):
    assert numeric_matches(kind, target, mention) is same


# The expected span covers part of our mention: "eight to 10 feet" (our q at 0..16) spanned
# as "10 feet" (9..16) is the upper end; "500,000 barrels a day" (0..21) spanned as
# "500,000 barrels" (0..15) is the amount without the rate.
RANGE = quantity(0, 16, None, "foot", "[length]", qualifier="range", lower=8.0, upper=10.0)
RATE = quantity(0, 21, 500000.0, "oil_barrel / day", "[length] ** 3 / [time]")
PARTS = [
    ("upper end spanned", NumericTarget(10.0, 10.0, units=("foot",)), RANGE, (9, 16), True),
    ("upper end spanned, lower value", NumericTarget(8.0, 8.0, units=("foot",)), RANGE, (9, 16), False),
    ("lower end spanned", NumericTarget(8.0, 8.0, units=("foot",)), RANGE, (0, 5), True),
    ("whole range spanned, one value", NumericTarget(10.0, 10.0, units=("foot",)), RANGE, (0, 16), False),
    ("amount without its rate", NumericTarget(5e5, 5e5, units=("oil_barrel",)), RATE, (0, 15), True),
    ("rate spanned whole stays a rate", NumericTarget(5e5, 5e5, units=("oil_barrel",)), RATE, (0, 21), False),
]


@pytest.mark.parametrize(("target", "mention", "span", "same"), [c[1:] for c in PARTS], ids=[c[0] for c in PARTS])
def test_quantity_part_spanned(target, mention, span, same):
    assert numeric_matches("quantity", target, mention, span=span) is same


DATES = [
    ("day", DateTarget((DateSpan(D(2016, 11, 15), (D(2016, 11, 15),)),)),
     date(0, 2, "2016-11-15"), True),
    ("past reading is also accepted", DateTarget((DateSpan(D(2016, 11, 15), (D(2016, 11, 15),)),
                                                  DateSpan(D(2016, 10, 15), (D(2016, 10, 15),)))),
     date(0, 2, "2016-10-15"), True),
    ("month read from the ISO value", DateTarget((DateSpan(D(2016, 6, 1), (D(2016, 6, 30),)),)),
     date(0, 9, "2016-06"), True),
    ("start_date/end_date win over the value", DateTarget((DateSpan(D(2016, 6, 1), (D(2016, 6, 30),)),)),
     date(0, 9, "2016-06", start_date="2016-06-01", end_date="2016-06-29"), False),
    ("quarter", DateTarget((DateSpan(D(2016, 7, 1), (D(2016, 9, 30),)),)), date(0, 7, "2016-Q3"), True),
    ("'after 2016' touches our 2016", DateTarget((DateBoundary(D(2017, 1, 1), "from"),), mod="after"),
     date(0, 10, "2016"), True),
    ("'since 2014' starts our 2014", DateTarget((DateBoundary(D(2014, 1, 1), "from"),)),
     date(0, 10, "2014"), True),
    ("a boundary elsewhere", DateTarget((DateBoundary(D(2014, 1, 1), "from"),)), date(0, 10, "2012"), False),
    ("same mod over the anchor", DateTarget((DateSpan(D(2016, 7, 1), (D(2016, 12, 31),)),), mod="end",
                                            anchors=((D(2016, 1, 1), D(2016, 12, 31)),)),
     date(0, 16, "2016", mod="end", start_date="2016-09-01", end_date="2016-12-31"), True),
    ("other mod over the anchor", DateTarget((DateSpan(D(2016, 7, 1), (D(2016, 12, 31),)),), mod="end",
                                             anchors=((D(2016, 1, 1), D(2016, 12, 31)),)),
     date(0, 16, "2016", mod="start"), False),
]


@pytest.mark.parametrize(("target", "mention", "same"), [c[1:] for c in DATES], ids=[c[0] for c in DATES])
def test_date_value(target, mention, same):
    assert value_matches("date", target, mention) is same


def test_ordinal_value():
    expected = rt_model_result({"Text": "second", "Start": 0, "End": 5, "TypeName": "ordinal",
                                "Resolution": {"offset": "2", "relativeTo": "start", "value": "2"}})
    assert expected.target is not None
    assert value_matches("ordinal", expected.target, Ordinal(id="o1", text="second", start=0, end=6,
                                                             sentence=0, value=2))


# -- case matching and metrics ------------------------------------------------------------

def _rt_number(text: str, start: int, value: str) -> dict:
    return {"Text": text, "Start": start, "End": start + len(text) - 1, "TypeName": "number",
            "Resolution": {"value": value}}


def test_score_case_counts_tp_fp_fn_and_values():
    text = "sold 5 cars and 7 boats for 9 dollars"
    case = Case("c", text, None, expected=(
        rt_model_result(_rt_number("5", 5, "5")),
        rt_model_result(_rt_number("7", 16, "7")),
        rt_model_result(_rt_number("3", 32, "3")),  # not in our record: missed
    ))
    rec = record(text, quantities=[quantity(5, 11, 5.0, n=1), quantity(16, 23, 8.0, n=2),
                                   quantity(0, 4, 1.0, n=3)])
    score = FileScore("f", "s")
    score_case(case, rec, frozenset({"number"}), score)
    assert (score.expected, score.tp, score.fp, score.fn) == (3, 2, 1, 1)
    assert (score.value_comparable, score.value_correct) == (3, 1)
    assert [m.label for m in score.misses] == ["wrong value", "missed", "spurious"]
    assert [m.label for m in score.worst_misses(2)] == ["missed", "wrong value"], "worst first"
    assert score.f1_ratio == (4, 6)


def test_best_candidate_prefers_right_value_over_larger_overlap():
    text = "between 20 and 30"
    case = Case("c", text, None, expected=(rt_model_result(_rt_number("30", 15, "30")),))
    rec = record(text, quantities=[quantity(0, 17, 20.0, n=1), quantity(15, 17, 30.0, n=2)])
    score = FileScore("f", "s")
    score_case(case, rec, frozenset({"number"}), score)
    assert (score.tp, score.value_correct) == (1, 1)
    assert score.fp == 0, "the other mention overlaps the expected span: the miss counts it, not FP"


def test_false_positives_are_mentions_outside_every_expected_span():
    text = "next 3 days and 4 hours later"
    result = rt_model_result({"Text": "next 3 days", "Start": 0, "End": 10,
                              "TypeName": "datetimeV2.daterange",
                              "Resolution": {"values": [{"timex": "(2016-11-08,2016-11-11,P3D)",
                                                         "type": "daterange", "start": "2016-11-08",
                                                         "end": "2016-11-11"}]}})
    rec = record(text, quantities=[quantity(5, 11, 3.0, "day", "[time]", n=1),
                                   quantity(16, 23, 4.0, "hour", "[time]", n=2)])
    score = FileScore("f", "s")
    score_case(Case("c", text, "2016-11-07", expected=(result,)), rec, frozenset({"date", "duration"}), score)
    assert (score.tp, score.fp) == (0, 1)
    missed, spurious = score.misses
    assert missed.label == "missed" and "quantities[5:11]" in missed.got[0]
    assert spurious.label == "spurious"
    assert spurious.got == ("quantities[16:23] 'xxxxxxx' value=4.0 unit=hour dimension=[time]",)


def test_negative_case_with_a_prediction():
    score = FileScore("f", "s")
    score_case(Case("c", "1 adult", "2013-02-12"), record("1 adult", dates=[date(0, 1, "2013")]),
               frozenset({"date"}), score)
    assert (score.negatives, score.negatives_wrong, score.fp, score.scored_cases) == (1, 1, 1, 1)
    score_case(Case("c2", "secretary", "2013-02-12"), record("secretary"), frozenset({"date"}), score)
    assert (score.negatives, score.negatives_wrong) == (2, 1)
    assert score.negatives_wrong_rate == 0.5


def test_other_kinds_are_not_predictions():
    text = "on 2/15"
    line = {"dimension": "Time", "text": text,
            "expected": {"type": "value", "value": "2013-02-15T00:00:00.000-02:00", "grain": "day"}}
    case = Case("c", text, "2013-02-12", expected=(duckling_result(line),))
    rec = record(text, quantities=[quantity(3, 4, 2.0)])
    score = FileScore("f", "s")
    score_case(case, rec, frozenset({"date"}), score)
    assert (score.tp, score.fp) == (0, 0)
    assert "quantities[3:4]" in score.misses[0].got[0], "a miss shows what we found instead"


def test_a_time_of_day_absorbs_mentions_in_its_files_own_row():
    text = "tomorrow at 5pm"
    result = rt_model_result({"Text": text, "Start": 0, "End": 14, "TypeName": "datetimeV2.datetime",
                              "Resolution": {"values": []}})
    score = FileScore("f", "s")
    rec = record(text, dates=[date(0, 8, "2016-11-08")])
    score_case(Case("c", text, "2016-11-07", expected=(result,)), rec, frozenset({"date"}), score)
    assert (score.expected, score.fp, score.separate_cases, score.scored_cases) == (0, 0, 1, 0)
    assert score.separate == {}, "scored in its own row, so not reported separately"


def _rt_datetime(text: str, value: str) -> dict:
    return {"Text": text, "Start": 0, "End": len(text) - 1, "TypeName": "datetimeV2.datetime",
            "Resolution": {"values": [{"timex": value.replace(" ", "T")[:16], "type": "datetime", "value": value}]}}


def test_time_of_day_row():
    """The row apart scores times of day: a mention must hold the clock time; a date-only
    case contributes only the clock mentions that overlap nothing (its false positives)."""
    text = "tomorrow at 5pm"
    timed = Case("c1", text, "2016-11-07", expected=(rt_model_result(_rt_datetime(text, "2016-11-08 17:00:00")),))
    day_only = Case("c2", "on Friday at noon", "2016-11-07", expected=(rt_model_result({
        "Text": "Friday", "Start": 3, "End": 8, "TypeName": "datetimeV2.date",
        "Resolution": {"values": [{"timex": "XXXX-WXX-5", "type": "date", "value": "2016-11-11"}]}}),))
    score = FileScore("f [time-of-day]", "s", row=TIME_OF_DAY)
    kinds = frozenset({"clock", "daypart"})
    score_case(timed, record(text, dates=[date(0, 15, "2016-11-08T17:00")]), kinds, score, row=TIME_OF_DAY)
    score_case(day_only, record("on Friday at noon", dates=[date(3, 9, "2016-11-11"), date(13, 17, "2016-11-07T12:00",
                                                                                          n=2)]),
               kinds, score, row=TIME_OF_DAY)
    assert (score.expected, score.tp, score.value_correct, score.fp, score.scored_cases) == (1, 1, 1, 1, 1)
    missed = FileScore("f [time-of-day]", "s", row=TIME_OF_DAY)
    score_case(timed, record(text, dates=[date(0, 8, "2016-11-08")]), kinds, missed, row=TIME_OF_DAY)
    assert (missed.tp, missed.fp) == (0, 0), "a day without its clock time does not detect a time of day"


def clock(start: dt.datetime | None, end: dt.datetime | None = None, **kw) -> ClockTarget:
    return ClockTarget((ClockReading(start, start if end is None and "span" not in kw else end, **kw),))


def timed(value: str, text: str = "Friday at 3pm", **kw) -> DateMention:
    return DateMention(id="d1", text=text, start=0, end=len(text), sentence=0, value=value, **kw)


T = dt.datetime
MINUS_2 = dt.timedelta(hours=-2)
CLOCKS = [
    ("same day and minute", clock(T(2013, 2, 15, 15)), timed("2013-02-15T15:00"), True),
    ("another day", clock(T(2013, 2, 15, 15)), timed("2013-02-08T15:00"), False),
    ("another minute", clock(T(2013, 2, 15, 15, 15)), timed("2013-02-15T15:00"), False),
    ("seconds are not compared", clock(T(2013, 2, 15, 15, 0, 30)), timed("2013-02-15T15:00"), True),
    ("a clock time with no day written: the clock alone", clock(T(2013, 2, 13, 3)),
     timed("2013-02-12T03:00", text="3am"), True),
    ("a suite time with no day: the clock alone", clock(T(1, 1, 1, 15), dated=False),
     timed("2016-11-11T15:00"), True),
    ("a zone we read, in the suite's offset", clock(T(2013, 2, 12, 13), offset=MINUS_2),
     timed("2013-02-12T16:00", text="Tuesday 4pm CET", tz="+01:00"), True),
    ("an IANA zone in winter (EST)", clock(T(2013, 2, 14, 11), offset=MINUS_2),
     timed("2013-02-14T08:00", text="Thursday 8 a.m. ET", tz="America/New_York"), True),
    ("no zone written: local clocks", clock(T(2013, 2, 12, 16), offset=MINUS_2),
     timed("2013-02-12T16:00", text="Tuesday 4pm"), True),
    ("interval: both ends", clock(T(2013, 2, 12, 15), T(2013, 2, 12, 16), span=True),
     timed("2013-02-12T15:00/2013-02-12T16:00", text="Tuesday 3-4pm"), True),
    ("interval: one end is not enough", clock(T(2013, 2, 12, 15), T(2013, 2, 12, 16), span=True),
     timed("2013-02-12T15:00", text="Tuesday 3pm"), False),
    ("open interval: its boundary", clock(None, T(2013, 2, 12, 14)), timed("2013-02-12T14:00", text="2pm"), True),
    ("part of the day: a day mention", ClockTarget((DateSpan(D(2013, 2, 12), (D(2013, 2, 12),)),)),
     timed("2013-02-12", text="tonight"), True),
    ("part of the day: not a made-up clock time", ClockTarget((DateSpan(D(2013, 2, 12), (D(2013, 2, 12),)),)),
     timed("2013-02-12T18:00", text="tonight at 6"), False),
]


@pytest.mark.parametrize(("target", "mention", "same"), [c[1:] for c in CLOCKS], ids=[c[0] for c in CLOCKS])
def test_clock_value(target, mention, same):
    assert value_matches("clock", target, mention) is same


def test_candidates_filter_by_dimension():
    found = Found("quantities", quantity(0, 3, 3.0, "hour", "[time]"))
    from pipeline.evaluate.compare import accepts

    assert accepts("duration", found) and not accepts("temperature", found) and accepts("number", found)
    assert not accepts("money", found)


@pytest.mark.parametrize(("text", "unit", "number"), [
    ("180ml", "milliliter", False), (".25ml", "milliliter", False), ("29km", "kilometer", False),
    ("30 l", "liter", True), ("10k", None, True), ("5 km", "kilometer", True)])
def test_a_number_written_solid_with_its_unit_is_not_a_number(text, unit, number):
    from pipeline.evaluate.compare import accepts

    q = Quantity(id="q1", text=text, start=0, end=len(text), sentence=0, value=1.0, unit=unit,
                 dimension="[length]" if unit else "count")
    assert accepts("number", Found("quantities", q)) is number
    assert accepts("quantity", Found("quantities", q)) is (unit is not None)


# -- floors and tables ------------------------------------------------------------------

@pytest.mark.parametrize(("num", "den", "down", "up"), [
    (2, 3, 66.6, 66.7), (1, 2, 50.0, 50.0), (0, 7, 0.0, 0.0), (7, 7, 100.0, 100.0), (1, 3, 33.3, 33.4),
    (999, 1000, 99.9, 99.9), (9999, 10000, 99.9, 100.0)],
    ids=["two thirds", "half", "zero", "all", "one third", "tenths exact", "just below 100"])
def test_rounding_of_floors(num, den, down, up):
    assert floor_tenths(num, den) == down
    assert ceil_tenths(num, den) == up


def _score(tp: int, fp: int, expected: int, correct: int, comparable: int, neg: int, wrong: int) -> FileScore:
    return FileScore("suite/file", "suite", expected=expected, tp=tp, fp=fp, value_correct=correct,
                     value_comparable=comparable, negatives=neg, negatives_wrong=wrong)


def test_floors_and_checks():
    score = _score(tp=2, fp=1, expected=3, correct=1, comparable=3, neg=3, wrong=1)
    floor = floors([score])["suite/file"]
    assert floor == {"detection_f1": 66.6, "value_accuracy": 33.3, "negatives_wrong_pct_max": 33.4}
    assert below_floors(score, floor) == []
    worse = _score(tp=1, fp=1, expected=3, correct=1, comparable=3, neg=3, wrong=2)
    problems = below_floors(worse, floor)
    assert len(problems) == 2 and problems[0].startswith("detection_f1")


def test_floors_without_values_or_negatives():
    floor = floors([_score(tp=0, fp=0, expected=4, correct=0, comparable=0, neg=0, wrong=0)])["suite/file"]
    assert floor == {"detection_f1": 0.0, "value_accuracy": None, "negatives_wrong_pct_max": None}


def test_table_has_a_row_per_file_and_a_total():
    a, b = _score(1, 0, 2, 1, 2, 0, 0), _score(2, 2, 2, 0, 0, 4, 1)
    b.file_id = "suite/other"
    total = FileScore("suite (total)", "suite")
    total.add(a)
    total.add(b)
    table = format_table("suite", [a, b], total)
    lines = table.splitlines()
    assert lines[0] == "### suite"
    assert [ln.split("|")[1].strip() for ln in lines[4:]] == ["file", "other", "**total**"]
    assert "1/4 (25.0%)" in lines[-1] and lines[-1].split("|")[8].strip() == "66.7"
