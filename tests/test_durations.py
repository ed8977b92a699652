"""Hedged "a <period>" is a duration ("less than a year after"); unhedged it stays a rate or an
idiom. Table: sentence -> [(span, value, unit)] of the scanner's duration candidates."""

from __future__ import annotations

import pytest

from pipeline.normalize.scan import scan
from pipeline.normalize.units import parse_unit

ROWS = [
    ("The deal arrives less than a year after the merger.", [("less than a year", 1.0, "year")]),
    ("The project took nearly a decade.", [("nearly a decade", 1.0, "decade")]),
    ("Talks lasted more than a week.", [("more than a week", 1.0, "week")]),
    ("He earns $5 a year.", []),  # a rate
    ("It was a day to remember.", []),  # an idiom
    ("They met about a year later.", []),  # "about": a date's hedge, left to the date grammar
]


@pytest.mark.parametrize("sentence, expected", ROWS, ids=[s[:30] for s, _ in ROWS])
def test_hedged_period_is_a_duration(sentence, expected):
    got = [(c.text, c.value, c.unit) for c in scan(sentence)
           if c.kind == "unit" and (info := parse_unit(c.unit or "")) is not None and info.dimension == "[time]"]
    assert got == expected
