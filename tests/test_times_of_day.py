"""Times of day as ISO datetimes with their zone: sentence (reference 2019-03-06, a
Wednesday) -> (span, value, tz) of each date mention holding a time; negatives find none.
Sentences are invented; the tables are grouped by the rule they exercise
(:data:`pipeline.lexicons.clock.CLOCK_FORMS` and :mod:`pipeline.normalize.clock`)."""

from __future__ import annotations

import pytest

from pipeline.lexicons.clock import CLOCK_FORMS
from pipeline.normalize.clock import find_times
from pipeline.normalize.dates import Reference, find_dates

REF = Reference(2019, 3, 6)
TIMES = [
    ("Trading resumes at 3 p.m. ET on Tuesday.", [("3 p.m. ET on Tuesday", "2019-03-05T15:00", "America/New_York")]),
    ("The vote was at 18:30 GMT.", [("18:30 GMT", "2019-03-06T18:30", "+00:00")]),
    ("The curfew starts at midnight on Tuesday.", [("midnight on Tuesday", "2019-03-05T00:00", None)]),
    ("He called at 8am this morning.", [("8am this morning", "2019-03-06T08:00", None)]),
    ("The meeting is at 9 a.m. Monday.", [("9 a.m. Monday", "2019-03-04T09:00", None)]),
    ("Talks ran from 10am to 2pm on Friday.",
     [("10am to 2pm on Friday", "2019-03-01T10:00/2019-03-01T14:00", None)]),
    ("Trading closed at 1830 GMT on Friday.", [("1830 GMT on Friday", "2019-03-01T18:30", "+00:00")]),
    ("On March 4, 2019, at 10:30 a.m. the plane landed.", [("March 4, 2019, at 10:30 a.m.", "2019-03-04T10:30", None)]),
    ("Polls close at 0700 local time.", [("0700 local time", "2019-03-06T07:00", None)]),
    ("The market opens at 9:30 a.m. EDT.", [("9:30 a.m. EDT", "2019-03-06T09:30", "-04:00")]),
    ("The deadline is 5 p.m. GMT+8.", [("5 p.m. GMT+8", "2019-03-06T17:00", "+08:00")]),
    ("Lunch is served at noon.", [("noon", "2019-03-06T12:00", None)]),
    ("The show starts at 9.30pm.", [("9.30pm", "2019-03-06T21:30", None)]),
    ("He speaks tonight at 7.30pm.", [("tonight at 7.30pm", "2019-03-06T19:30", None)]),
    ("The side won 2-1 at 3pm.", [("3pm", "2019-03-06T15:00", None)]),
]
# A part of the day gives the hour its half; the "at" before it or the preposition before the hour
# makes a bare hour a time.
PARTS_OF_DAY = [
    ("Polls close at 8 in the evening.", [("8 in the evening", "2019-03-06T20:00", None)]),
    ("The fire broke out at 3 in the morning.", [("3 in the morning", "2019-03-06T03:00", None)]),
    ("Tonight at 11 the results will be announced.", [("Tonight at 11", "2019-03-06T23:00", None)]),
    ("The minister speaks this evening at 7.", [("this evening at 7", "2019-03-06T19:00", None)]),
    ("The count ends at 12 tonight.", [("12 tonight", "2019-03-07T00:00", None)]),  # midnight closing tonight
    ("The train leaves at 730 in the evening.", [("730 in the evening", "2019-03-06T19:30", None)]),
]
# Spoken forms: minutes before or after the hour, o'clock, hours in words, the French 24-hour style.
SPOKEN = [
    ("Rescuers arrived at a quarter past 4pm.", [("a quarter past 4pm", "2019-03-06T16:15", None)]),
    ("The statement came at twenty to five.", [("twenty to five", "2019-03-06T16:40", None)]),
    ("The market reopens at 10 minutes to noon.", [("10 minutes to noon", "2019-03-06T11:50", None)]),
    ("The bell rang at 3 o'clock.", [("3 o'clock", "2019-03-06T15:00", None)]),  # office hours: 1-6 p.m.
    ("Doors open at seven thirty p.m.", [("seven thirty p.m.", "2019-03-06T19:30", None)]),
    ("The ceremony starts at 15h30.", [("15h30", "2019-03-06T15:30", None)]),
    ("The 10:30 train was cancelled.", [("10:30", "2019-03-06T10:30", None)]),
    ("We will meet at 3 15.", [("3 15", "2019-03-06T15:15", None)]),
    ("The store closes at 9:30pm ist.", [("9:30pm ist", "2019-03-06T21:30", "+05:30")]),
]
# Ranges: one half of the clock for both ends; periods over two days; a start and its length.
RANGES = [
    ("Voting runs from 3-8pm on Thursday.", [("3-8pm on Thursday", "2019-02-28T15:00/2019-02-28T20:00", None)]),
    ("Talks ran between 9:30 and 11:00 on Monday.",
     [("9:30 and 11:00 on Monday", "2019-03-04T09:30/2019-03-04T11:00", None)]),
    ("The outage lasted from 11:30-1:30.", [("11:30-1:30", "2019-03-06T11:30/2019-03-06T13:30", None)]),
    ("The shop is open 9am until 6 each day.", [("9am until 6", "2019-03-06T09:00/2019-03-06T18:00", None)]),
    ("The office is open later than 8am but before 6pm.",
     [("8am but before 6pm", "2019-03-06T08:00/2019-03-06T18:00", None)]),
    ("The curfew lasts from 10 p.m. Friday to 6 a.m. Monday.",
     [("10 p.m. Friday to 6 a.m. Monday", "2019-03-01T22:00/2019-03-04T06:00", None)]),
    ("The road is closed from 9am for three hours.",
     [("9am for three hours", "2019-03-06T09:00/2019-03-06T12:00", None)]),
    ("The deadline passed at 11:59 p.m. on Sunday, March 3.",
     [("11:59 p.m. on Sunday, March 3", "2019-03-03T23:59", None)]),
]


@pytest.mark.parametrize("sentence, expected", TIMES + PARTS_OF_DAY + SPOKEN + RANGES,
                         ids=[s for s, _ in TIMES + PARTS_OF_DAY + SPOKEN + RANGES])
def test_times_of_day(sentence, expected):
    got = [(d.text, d.value, d.tz) for d in find_dates(sentence, reference=REF) if "T" in (d.value or "")]
    assert got == expected


NONE = [
    "Revenue rose to 1.27 billion pounds.",
    "Shares rose 9.30 percent.",
    "The ratio was 3:1 in favour.",
    "Unemployment stood at 3 in January.",  # a bare number after "at" is no time
    "Unemployment was steady at 3.5 percent.",
    "In 1830 the town had 900 people.",
    "The 24/7 service costs 12.50 a month.",
    "The index rose to 4 in the morning session.",
    "One victim died in the morning and one in the evening.",
    "He scored 8 tonight as the team won.",  # no preposition before the bare number
    "Four people were hurt this afternoon.",
    "The team won 21:19 in extra time.",
    "She finished the marathon in 2:05:30.",
    "Sets ended 25:23, 23:25 and 25:19.",
    "He ran a 2h05 marathon.",
    "The 3p coin was withdrawn.",
    "The strike lasts 24h.",
    "Output grew 3-4 percent.",
    "COVID-19 cases rose by 7 in the week.",
]


@pytest.mark.parametrize("sentence", NONE)
def test_no_time_of_day(sentence):
    assert [d.text for d in find_dates(sentence, reference=REF) if "T" in (d.value or "")] == []


@pytest.mark.parametrize("form", CLOCK_FORMS, ids=[f.id for f in CLOCK_FORMS])
def test_every_clock_form_example_is_a_time(form):
    assert find_times(form.example), f"{form.id}: {form.example!r}"


DAY_PARTS = [
    ("Shares fell this morning.", ("this morning", "2019-03-06")),
    ("Police said last night that two men were held.", ("last night", "2019-03-05")),
    ("The vote was on Monday night.", ("Monday night", "2019-03-04")),
    ("The talks resume tomorrow afternoon.", ("tomorrow afternoon", "2019-03-07")),
]


@pytest.mark.parametrize("sentence, expected", DAY_PARTS, ids=[s for s, _ in DAY_PARTS])
def test_a_part_of_the_day_is_its_day(sentence, expected):
    assert [(d.text, d.value) for d in find_dates(sentence, reference=REF)] == [expected]


def test_tonight_is_the_reference_day():
    assert [(d.text, d.value) for d in find_dates("The budget is out tonight.", reference=REF)] == \
        [("tonight", "2019-03-06")]


def test_a_weekday_with_a_time_takes_the_tense_of_the_whole_expression():
    """"Thursday 8:00 GMT" with no verb reads ahead; in a past clause, back."""
    text = "Briefing: Thursday 8:00 GMT"
    ahead = find_dates(text, reference=REF, direction=lambda s, e: "none")
    back = find_dates(text, reference=REF, direction=lambda s, e: "past")
    assert [d.value for d in ahead] == ["2019-03-07T08:00"]
    assert [d.value for d in back] == ["2019-02-28T08:00"]


def test_a_weekday_and_its_date_are_one_mention_only_when_they_agree():
    assert [(d.text, d.value) for d in find_dates("on Sunday, March 3 it rained", reference=REF)] == \
        [("Sunday, March 3", "2019-03-03")]
    assert [d.text for d in find_dates("on Friday March 7 it rained", reference=REF)] == ["Friday", "March 7"]


def test_without_a_reference_day_a_bare_time_is_no_mention():
    assert [d.text for d in find_dates("The vote was at 18:30 GMT.")] == []
    assert [d.value for d in find_dates("The vote was on March 4, 2019 at 18:30 GMT.")] == ["2019-03-04T18:30"]
