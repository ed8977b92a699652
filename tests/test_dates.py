"""Date normalization (pipeline.normalize.dates), grouped by phenomenon."""

from __future__ import annotations

import pytest

from pipeline.normalize.dates import Reference, find_dates

REF = Reference(2025, 12, 23)  # a Tuesday


def one(text, ref=REF):
    found = find_dates(text, reference=ref)
    assert len(found) == 1, [(d.text, d.value) for d in found]
    return found[0]


ABSOLUTE = [
    ("Dec. 22, 2025", "2025-12-22", "2025-12-22", "2025-12-22", "day"),
    ("22 December 2025", "2025-12-22", "2025-12-22", "2025-12-22", "day"),
    ("2025-12-22", "2025-12-22", "2025-12-22", "2025-12-22", "day"),
    ("September 2013", "2013-09", "2013-09-01", "2013-09-30", "month"),
    ("Sept 2013", "2013-09", "2013-09-01", "2013-09-30", "month"),
    ("Q3 2024", "2024-Q3", "2024-07-01", "2024-09-30", "quarter"),
    ("the third quarter of 2024", "2024-Q3", "2024-07-01", "2024-09-30", "quarter"),
    ("3Q24", "2024-Q3", "2024-07-01", "2024-09-30", "quarter"),
    ("H1 2025", "2025-H1", "2025-01-01", "2025-06-30", "half"),
    ("in 2013", "2013", "2013-01-01", "2013-12-31", "year"),
    ("the 2010s", "2010/2019", "2010-01-01", "2019-12-31", "decade"),
    ("summer 2024", "2024-06/2024-08", "2024-06-01", "2024-08-31", "season"),
]


@pytest.mark.parametrize("text, value, start, end, gran", ABSOLUTE, ids=[a[0] for a in ABSOLUTE])
def test_absolute(text, value, start, end, gran):
    d = one(text)
    assert (d.value, d.start_date, d.end_date, d.granularity, d.relative) == (value, start, end, gran, False)


PERIODS = [
    ("From January to November", "2025-01/2025-11", "2025-01-01", "2025-11-30"),
    ("between 2020 and 2023", "2020/2023", "2020-01-01", "2023-12-31"),
    ("2021\u20132025", "2021/2025", "2021-01-01", "2025-12-31"),
    ("January-October", "2025-01/2025-10", "2025-01-01", "2025-10-31"),
    ("in the first three quarters", "2025-Q1/2025-Q3", "2025-01-01", "2025-09-30"),
    ("year to date", "2025-01-01/2025-12-23", "2025-01-01", "2025-12-23"),
    ("the past five years", "2021/2025", "2021-01-01", "2025-12-23"),
    ("over the past decade", "2016/2025", "2016-01-01", "2025-12-23"),
    ("since 2013", "2013/2025-12-23", "2013-01-01", "2025-12-23"),
]


@pytest.mark.parametrize("text, value, start, end", PERIODS, ids=[p[0] for p in PERIODS])
def test_periods(text, value, start, end):
    d = one(text)
    assert (d.value, d.start_date, d.end_date) == (value, start, end)


MODIFIERS = [
    ("the end of 2025", "2025", "end", "2025-09-01", "2025-12-31"),
    ("early 2024", "2024", "start", "2024-01-01", "2024-04-30"),
    ("mid-2026", "2026", "mid", "2026-05-01", "2026-08-31"),
    ("late last year", "2024", "end", "2024-09-01", "2024-12-31"),
]


@pytest.mark.parametrize("text, value, mod, start, end", MODIFIERS, ids=[m[0] for m in MODIFIERS])
def test_modifiers(text, value, mod, start, end):
    d = one(text)
    assert (d.value, d.mod, d.start_date, d.end_date) == (value, mod, start, end)


@pytest.mark.parametrize("text", ["fiscal 2024", "FY2024", "the fiscal second quarter"])
def test_fiscal_keeps_value_as_written(text):
    d = one(text)
    assert d.fiscal and d.value == text and d.start_date is None


RELATIVE = [("this year", "2025"), ("last year", "2024"), ("next month", "2026-01"), ("a year earlier", "2024"),
            ("two years ago", "2023"), ("yesterday", "2025-12-22"), ("on Tuesday", "2025-12-23"),
            ("on Monday", "2025-12-22"), ("in September", "2025-09")]


@pytest.mark.parametrize("text, value", RELATIVE, ids=[r[0] for r in RELATIVE])
def test_relative(text, value):
    d = one(text)
    assert d.relative and d.value == value


def test_vague_keeps_null():
    d = one("in recent years")
    assert d.relative and d.value is None and d.start_date is None


def test_relative_without_reference_stays_unresolved():
    d = one("yesterday", Reference())
    assert d.relative and d.value is None


def test_bare_quarter_is_the_nearest():
    assert one("the fourth quarter", Reference(2026, 1, 22)).value == "2025-Q4"


NOT_DATES = ["year on year", "year-on-year", "the 14th Five-Year Plan", "a one-hour circle", "24/7",
             "a 30-year-old", "2,025 workers", "may rise", "a three-year contract"]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert find_dates(text, reference=REF) == []
