"""Clock times written as four digits ("at 1830 GMT") are not years: a regression table of
news sentences (invented), negatives included. Each row: sentence -> the years
find_dates reads in it, and the reference year inferred from it."""

from __future__ import annotations

import pytest

from pipeline.normalize.clock import is_clock_digits
from pipeline.normalize.dates import find_dates
from pipeline.normalize.reference import infer_reference

CLOCK = [  # no year at all
    "Trading closed at 1830 GMT on Friday.",
    "The vote is due by 1900 GMT.",
    "Polls open at 0700 local time.",
    "The ceasefire took effect at 2100 GMT on Sunday.",
    "Talks resumed at 1400 UTC.",
    "The deadline passes at 2359 GMT on Tuesday.",
    "Shares were down 2 percent by 1535 GMT.",
    "The storm made landfall at 1800 local time.",
    "The launch is set for 1930 EST.",
    "The curfew starts at 2000 hours.",
    "Markets in Tokyo closed at 1500 JST.",
    "The index was flat at 1045 GMT.",
    "Flights resume from 0600 BST tomorrow.",
    "The statement came at 2030 CET.",
]
YEARS = [  # the four digits are years
    ("The house was built in 1830.", ["1830"]),
    ("Prices have doubled since 1900.", ["1900"]),
    ("The law of 1900 still applies.", ["1900"]),
    ("In 1930 the bank failed.", ["1930"]),
    ("GST was launched in 2017, GST revenue rose since.", ["2017"]),
    ("The 2019 ACT budget raised taxes.", ["2019"]),
    ("Output in 2000 hit a record.", ["2000"]),
    ("The 1800 census counted few people.", ["1800"]),
    ("By 2030 emissions must halve.", ["2030"]),
    ("The firm was founded in 1845 in London.", ["1845"]),
]


def _years(sentence):
    return [d.value for d in find_dates(sentence) if d.granularity == "year"]


@pytest.mark.parametrize("sentence", CLOCK)
def test_clock_times_are_not_years(sentence):
    assert _years(sentence) == []
    assert infer_reference(find_dates(sentence), sentence) is None


@pytest.mark.parametrize("sentence, years", YEARS, ids=[s for s, _ in YEARS])
def test_years_stay_years(sentence, years):
    assert [v[:4] for v in _years(sentence)] == years


DIGITS = [
    ("at 1830 GMT", 3, True), ("by 1900 GMT", 3, True), ("at 2100 hours", 3, True), ("0600 local time", 0, True),
    ("at 2500 GMT", 3, False),  # no hour 25
    ("at 1875 GMT", 3, False),  # no minute 75
    ("1900 hours of overtime", 0, False),  # a duration: no preposition of time before it
    ("in 1830", 3, False), ("2017 GST revenue", 0, False),
]


@pytest.mark.parametrize("text, start, expected", DIGITS, ids=[t for t, _, _ in DIGITS])
def test_is_clock_digits(text, start, expected):
    assert is_clock_digits(text, start, start + 4) is expected
