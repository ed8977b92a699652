"""Hedged "a <period>" is a duration ("less than a year after"); unhedged it stays a rate or an
idiom (sentence -> [(span, value, unit)] of the scanner's duration candidates). Periods counted
by a word ("all day", "several weeks": the records of pipeline/lexicons/durations.py and their
examples), compound durations, and a count's noun carried to "N more" in its sentence
(sentence -> counted of each quantity). All sentences are invented."""

from __future__ import annotations

import pytest

from pipeline.lexicons.durations import PERIOD_LEADS
from pipeline.normalize.scan import scan
from pipeline.normalize.units import parse_unit


def durations(sentence):
    """The scanner's duration candidates: (text, value, qualifier, lower, upper)."""
    return [(c.text, c.value, c.qualifier, c.lower, c.upper) for c in scan(sentence)
            if c.kind == "unit" and (info := parse_unit(c.unit or "")) is not None and info.dimension == "[time]"]


LEAD_EXAMPLES = [(lead, sentence, expected) for lead in PERIOD_LEADS for sentence, expected in lead.examples]


@pytest.mark.parametrize("lead, sentence, expected", LEAD_EXAMPLES,
                         ids=[f"{lead.id}:{s[:30]}" for lead, s, _ in LEAD_EXAMPLES])
def test_period_lead_examples(lead, sentence, expected):
    """Each lead's invented examples: the duration it reads (count, or a vague count's least as a lower
    bound with a null value), or nothing for a negative."""
    got = durations(sentence)
    if expected is None:
        assert got == []
    elif lead.count is None:
        assert got == [(expected, None, "lower_bound", lead.least, None)]
    else:
        assert got == [(expected, lead.count, "exact", lead.count, lead.count)]


def test_period_leads_have_why_and_both_kinds_of_example():
    for lead in PERIOD_LEADS:
        assert lead.why and any(e is not None for _, e in lead.examples), lead.id
        assert any(e is None for _, e in lead.examples), lead.id


def test_hedged_period_lead():
    assert durations("The line was down for nearly a full day.") == [
        ("nearly a full day", 1.0, "upper_bound", None, 1.0)]

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

MIXED = [  # the half after a unit of any dimension; increments; period units
    ("The route is a mile and a half long.", ("a mile and a half", 1.5, "mile")),
    ("She was jailed for two and a half years.", ("two and a half years", 2.5, "years")),
    ("He ran five more miles.", ("five more miles", 5.0, "miles")),
    ("The season has two fewer weeks.", ("two fewer weeks", 2.0, "weeks")),
    # "and half" / "and quarter" without an article (South Asian English), "three quarter" unhyphenated
    ("The bridge took one and half years.", ("one and half years", 1.5, "years")),
    ("The queue moved for an hour and half.", ("an hour and half", 1.5, "hour")),
    ("The drive takes two and quarter hours.", ("two and quarter hours", 2.25, "hours")),
    ("The talk ran one and three quarter hours.", ("one and three quarter hours", 1.75, "hours")),
    # period units: a fortnight, business (working) days
    ("The rains continued for a fortnight.", ("a fortnight", 1.0, "fortnight")),
    ("Refunds are paid within 10 business days.", ("10 business days", 10.0, "business days")),
]

COMPOUND = [  # periods written largest first are one duration, in the smallest unit
    ("He was sentenced to 10 years and 6 months in prison.", [("10 years and 6 months", 126.0, "months")]),
    ("The race took 2 hours 30 minutes.", [("2 hours 30 minutes", 150.0, "minutes")]),
    ("The flight took an hour and 45 minutes.", [("an hour and 45 minutes", 105.0, "minutes")]),
    ("He earns $5 a year and 3 days off.", [("3 days", 3.0, "days")]),  # "$5 a year" stays a rate
    ("It lasted 2 days and 3 months.", [("2 days", 2.0, "days"), ("3 months", 3.0, "months")]),  # not largest first
    ("It lasted 2 days, 3 hours later it resumed.", [("2 days", 2.0, "days"), ("3 hours", 3.0, "hours")]),
    ("It fell 5% over 3 years and 10% over 5 years.", [("3 years", 3.0, "years"), ("5 years", 5.0, "years")]),
    # spelled parts, and parts listed with commas
    ("The audit took one week three days.", [("one week three days", 10.0, "days")]),
    ("He served 4 years, 2 months in jail.", [("4 years, 2 months", 50.0, "months")]),
    ("The climb took 1 hour, 20 minutes and 5 seconds.", [("1 hour, 20 minutes and 5 seconds", 4805.0, "seconds")]),
    ("After 10 years, 6 months of drought ended.", [("10 years", 10.0, "years"), ("6 months", 6.0, "months")]),
    # a bare number after hours counts minutes where it ends the phrase
    ("The hearing lasted an hour twenty.", [("an hour twenty", 80.0, "minutes")]),
    ("The crossing took 3 hours and 15.", [("3 hours and 15", 195.0, "minutes")]),
    ("The shift ran 2 hours and 30 staff came.", [("2 hours", 2.0, "hours")]),  # a count of staff
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


RECORDS = [  # sentence -> the record's durations: (text, value, qualifier, lower, upper, unit)
    ("The port was closed for several days.", [("several days", None, "lower_bound", 3.0, None, "day")]),
    ("Markets stayed shut all day after the outage.", [("all day", 1.0, "exact", 1.0, 1.0, "day")]),
    ("Refunds are paid within 10 business days.", [("10 business days", 10.0, "exact", 10.0, 10.0, "business_day")]),
    ("Prices fell over the past few days.", []),  # a date (the date grammar's), not a duration
    ("Full-year revenue rose 4% for the full year.", []),
]


@pytest.mark.parametrize("text, expected", RECORDS, ids=[t[:30] for t, _ in RECORDS])
def test_durations_in_the_record(extractor, text, expected):
    got = [(q.text, q.value, q.qualifier, q.lower, q.upper, q.unit) for q in extractor.extract(text).quantities
           if q.dimension == "[time]"]
    assert got == expected
