"""Times of day as ISO datetimes with their zone: sentence (reference 2019-03-06, a
Wednesday) -> (span, value, tz) of each date mention holding a time; negatives find none."""

from __future__ import annotations

import pytest

from pipeline.normalize.dates import Reference, find_dates

REF = Reference(2019, 3, 6)
TIMES = [
    ("Trading resumes at 3 p.m. ET on Tuesday.", [("3 p.m. ET on Tuesday", "2019-03-05T15:00", "America/New_York")]),
    ("The vote was at 18:30 GMT.", [("18:30 GMT", "2019-03-06T18:30", "+00:00")]),
    ("The curfew starts at midnight on Tuesday.", [("midnight on Tuesday", "2019-03-05T00:00", None)]),
    ("He called at 8am this morning.", [("8am", "2019-03-06T08:00", None)]),
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
]


def test_tonight_is_the_reference_day():
    assert [(d.text, d.value) for d in find_dates("The budget is out tonight.", reference=REF)] == \
        [("tonight", "2019-03-06")]
NONE = [
    "Revenue rose to 1.27 billion pounds.",
    "Shares rose 9.30 percent.",
    "The ratio was 3:1 in favour.",
    "The team won 2-1 at 3 o'clock.",  # no a.m./p.m. or zone: not read
    "In 1830 the town had 900 people.",
    "The 24/7 service costs 12.50 a month.",
]


@pytest.mark.parametrize("sentence, expected", TIMES, ids=[s for s, _ in TIMES])
def test_times_of_day(sentence, expected):
    got = [(d.text, d.value, d.tz) for d in find_dates(sentence, reference=REF) if "T" in (d.value or "")]
    assert got == expected


@pytest.mark.parametrize("sentence", NONE)
def test_no_time_of_day(sentence):
    assert [d.text for d in find_dates(sentence, reference=REF) if "T" in (d.value or "")] == []


def test_without_a_reference_day_a_bare_time_is_no_mention():
    assert [d.text for d in find_dates("The vote was at 18:30 GMT.")] == []
    assert [d.value for d in find_dates("The vote was on March 4, 2019 at 18:30 GMT.")] == ["2019-03-04T18:30"]
