"""Hedged "a <period>" is a duration ("less than a year after"); unhedged it stays a rate or an
idiom (sentence -> [(span, value, unit)] of the scanner's duration candidates). And a count's
noun carried to "N more" in its sentence (sentence -> counted of each quantity)."""

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
    # a preposition of extent before "a <period>"
    ("The plant was shut for a month after the fire.", [("a month", 1.0, "month")]),
    ("Prices were frozen for a decade.", [("a decade", 1.0, "decade")]),
    ("The strike lasted for an hour.", [("an hour", 1.0, "hour")]),
    ("He was named for a year-long inquiry.", []),  # the period is part of an adjective
    ("Tickets cost $20 for a day pass.", []),  # "day pass": no period unit ends there
    # "half a <period>": always a duration
    ("Voters queued for half an hour.", [("half an hour", 0.5, "hour")]),
    ("The firm has grown for half a decade.", [("half a decade", 0.5, "decade")]),
    ("Output fell by half a point.", []),  # not a period
    # "and a half" after the unit belongs to its count
    ("The talks dragged on a year and a half.", [("a year and a half", 1.5, "year")]),
    ("It took three hours and a half to finish.", [("three hours and a half", 3.5, "hours")]),
    ("He earns $5 a year and a half of it goes to tax.", []),  # a rate; the half is another's
    # an increment word between the count and the period
    ("The company needs two more years to finish the plant.", [("two more years", 2.0, "years")]),
    ("Talks need three additional weeks.", [("three additional weeks", 3.0, "weeks")]),
    ("The shop will open an extra hour on Sundays.", [("an extra hour", 1.0, "hour")]),
    ("He asked for a further year to repay.", [("a further year", 1.0, "year")]),
    ("It hired 300 more workers.", []),  # a count, not a unit
    # "a couple of" before a period
    ("The plant will shut for a couple of weeks.", [("a couple of weeks", 2.0, "weeks")]),
    ("The price fell a couple of points.", []),  # not a unit
]

MIXED = [  # the half after a unit of any dimension
    ("The route is a mile and a half long.", ("a mile and a half", 1.5, "mile")),
    ("She was jailed for two and a half years.", ("two and a half years", 2.5, "years")),
    ("He ran five more miles.", ("five more miles", 5.0, "miles")),
]

COMPOUND = [  # periods written largest first are one duration, in the smallest unit
    ("He was sentenced to 10 years and 6 months in prison.", [("10 years and 6 months", 126.0, "months")]),
    ("The race took 2 hours 30 minutes.", [("2 hours 30 minutes", 150.0, "minutes")]),
    ("The flight took an hour and 45 minutes.", [("an hour and 45 minutes", 105.0, "minutes")]),
    ("He earns $5 a year and 3 days off.", [("3 days", 3.0, "days")]),  # "$5 a year" stays a rate
    ("It lasted 2 days and 3 months.", [("2 days", 2.0, "days"), ("3 months", 3.0, "months")]),  # not largest first
    ("It lasted 2 days, 3 hours later it resumed.", [("2 days", 2.0, "days"), ("3 hours", 3.0, "hours")]),
    ("It fell 5% over 3 years and 10% over 5 years.", [("3 years", 3.0, "years"), ("5 years", 5.0, "years")]),
]


@pytest.mark.parametrize("sentence, expected", COMPOUND, ids=[s[:30] for s, _ in COMPOUND])
def test_compound_duration(sentence, expected):
    assert [(c.text, c.value, c.unit) for c in scan(sentence) if c.kind == "unit"] == expected


@pytest.mark.parametrize("sentence, expected", MIXED, ids=[s[:30] for s, _ in MIXED])
def test_and_a_half_after_unit(sentence, expected):
    assert [(c.text, c.value, c.unit) for c in scan(sentence) if c.kind == "unit"] == [expected]




@pytest.mark.parametrize("sentence, expected", ROWS, ids=[s[:30] for s, _ in ROWS])
def test_hedged_period_is_a_duration(sentence, expected):
    got = [(c.text, c.value, c.unit) for c in scan(sentence)
           if c.kind == "unit" and (info := parse_unit(c.unit or "")) is not None and info.dimension == "[time]"]
    assert got == expected


CARRIED = [  # a bare count + "more"/"others" counts what the sentence's count before it counts
    ("Some 68,400 people were evacuated and 95,800 more were moved to shelters.", ["people", "people"]),
    ("It hired 300 engineers and 120 more in March.", ["engineers", "engineers"]),
    ("It sold 300 cars. Another 120 more went.", ["cars", None]),  # another sentence: not carried
    ("It sold 300 cars and 40 trucks.", ["cars", "trucks"]),
]


@pytest.mark.parametrize("text, counted", CARRIED, ids=[t[:30] for t, _ in CARRIED])
def test_counted_noun_carried_to_more(extractor, text, counted):
    assert [q.counted for q in extractor.extract(text).quantities] == counted
