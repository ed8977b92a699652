"""Date normalization (pipeline.normalize.dates), grouped by phenomenon."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from pipeline.normalize import dates as dates_module
from pipeline.normalize.dates import Reference, find_dates

REF = Reference(2025, 12, 23)  # a Tuesday


def tense(word):
    return lambda start, end: word


def one(text, ref=REF, direction=None):
    found = find_dates(text, reference=ref, direction=direction)
    assert len(found) == 1, [(d.text, d.value) for d in found]
    return found[0]


def ids(rows):
    return [r[0] for r in rows]


# -- absolute dates at every granularity -------------------------------------------------

ABSOLUTE = [
    ("Dec. 22, 2025", "2025-12-22", "2025-12-22", "2025-12-22", "day"),
    ("22 December 2025", "2025-12-22", "2025-12-22", "2025-12-22", "day"),
    ("2025-12-22", "2025-12-22", "2025-12-22", "2025-12-22", "day"),
    ("Monday, January 12th, 2016", "2016-01-12", "2016-01-12", "2016-01-12", "day"),
    ("the 15th of February 2013", "2013-02-15", "2013-02-15", "2013-02-15", "day"),
    ("September 2013", "2013-09", "2013-09-01", "2013-09-30", "month"),
    ("Sept 2013", "2013-09", "2013-09-01", "2013-09-30", "month"),
    ("2016 June", "2016-06", "2016-06-01", "2016-06-30", "month"),
    ("Q3 2024", "2024-Q3", "2024-07-01", "2024-09-30", "quarter"),
    ("the third quarter of 2024", "2024-Q3", "2024-07-01", "2024-09-30", "quarter"),
    ("3Q24", "2024-Q3", "2024-07-01", "2024-09-30", "quarter"),
    ("2018Q4", "2018-Q4", "2018-10-01", "2018-12-31", "quarter"),
    ("H1 2025", "2025-H1", "2025-01-01", "2025-06-30", "half"),
    ("2016H2", "2016-H2", "2016-07-01", "2016-12-31", "half"),
    ("in 2013", "2013", "2013-01-01", "2013-12-31", "year"),
    ("the 2010s", "2010/2019", "2010-01-01", "2019-12-31", "decade"),
    ("the 1970's", "1970/1979", "1970-01-01", "1979-12-31", "decade"),
    ("the seventies", "1970/1979", "1970-01-01", "1979-12-31", "decade"),
    ("summer 2024", "2024-06/2024-08", "2024-06-01", "2024-08-31", "season"),
    ("the 21st century", "2000/2099", "2000-01-01", "2099-12-31", "year"),
]


@pytest.mark.parametrize("text, value, start, end, gran", ABSOLUTE, ids=ids(ABSOLUTE))
def test_absolute(text, value, start, end, gran):
    d = one(text)
    assert (d.value, d.start_date, d.end_date, d.granularity, d.relative) == (value, start, end, gran, False)


# -- numeric dates: US month/day unless the first number cannot be a month -----------

NUMERIC = [
    ("02/22/2016", "2016-02-22"), ("21/04/2016", "2016-04-21"), ("21/04/16", "2016-04-21"),
    ("9-18-15", "2015-09-18"), ("05/05/89", "1989-05-05"), ("13.5.2015", "2015-05-13"),
    ("2015/08/12", "2015-08-12"), ("2019-sep-1", "2019-09-01"), ("31-Oct-74", "1974-10-31"),
    ("3/2015", "2015-03"), ("2016-11", "2016-11"), ("2014/10", "2014-10"),
]


@pytest.mark.parametrize("text, value", NUMERIC, ids=ids(NUMERIC))
def test_numeric(text, value):
    assert one(text).value == value


@pytest.mark.parametrize("text, value", [("2010-11", "2010/2011"), ("2016/17", "2016/2017")])
def test_two_digit_second_year_is_a_range_when_it_can_be(text, value):
    assert one(text).value == value


# -- periods and ranges: one mention, inclusive ends -----------------------------------

PERIODS = [
    ("From January to November", "2025-01/2025-11", "2025-01-01", "2025-11-30"),
    ("between 2020 and 2023", "2020/2023", "2020-01-01", "2023-12-31"),
    ("2021\u20132025", "2021/2025", "2021-01-01", "2025-12-31"),
    ("January-October", "2025-01/2025-10", "2025-01-01", "2025-10-31"),
    ("in the first three quarters", "2025-Q1/2025-Q3", "2025-01-01", "2025-09-30"),
    ("year to date", "2025-01-01/2025-12-23", "2025-01-01", "2025-12-23"),
    # a look-back of N years: from N years before the reference year to it (news-dev 4.5)
    ("the past five years", "2020/2025", "2020-01-01", "2025-12-31"),
    ("over the past decade", "2015/2025", "2015-01-01", "2025-12-31"),
    ("the past couple of years", "2023/2025", "2023-01-01", "2025-12-31"),
    # "the past year": the twelve months back to the reference month, both named
    ("over the past year", "2024-12/2025-12", "2024-12-01", "2025-12-31"),
    # "the current fiscal year" with no fiscal calendar known: the calendar year
    ("in the current fiscal year", "2025", "2025-01-01", "2025-12-31"),
    ("last fiscal year", "2024", "2024-01-01", "2024-12-31"),
    # "since X" is the point X (news-dev CONVENTIONS: the span leaves out "since")
    ("since 2013", "2013", "2013-01-01", "2013-12-31"),
    ("since the 1970s", "1970/1979", "1970-01-01", "1979-12-31"),
    # no year: the latest such month up to the reference date
    ("since March", "2025-03", "2025-03-01", "2025-03-31"),
    ("since March 2024", "2024-03", "2024-03-01", "2024-03-31"),
    ("since last year", "2024", "2024-01-01", "2024-12-31"),
    ("since last month", "2025-11", "2025-11-01", "2025-11-30"),
    ("since May 22", "2025-05-22", "2025-05-22", "2025-05-22"),
    ("March 3-5, 2024", "2024-03-03/2024-03-05", "2024-03-03", "2024-03-05"),
    ("from 4 to 22 September 2024", "2024-09-04/2024-09-22", "2024-09-04", "2024-09-22"),
    ("Oct. 2 to October 22, 2024", "2024-10-02/2024-10-22", "2024-10-02", "2024-10-22"),
    ("between 2015 and Feb 2018", "2015/2018-02", "2015-01-01", "2018-02-28"),
    ("the past two weeks", "2025-12-09/2025-12-22", "2025-12-09", "2025-12-22"),
    ("the next three days", "2025-12-24/2025-12-26", "2025-12-24", "2025-12-26"),
    ("the next five years", "2026/2030", "2026-01-01", "2030-12-31"),
    ("within 10 months", "2025-12-23/2026-10-22", "2025-12-23", "2026-10-22"),
    ("for 3 days from tomorrow", "2025-12-24/2025-12-26", "2025-12-24", "2025-12-26"),
    ("the rest of the year", "2025-12-23/2025-12-31", "2025-12-23", "2025-12-31"),
]


@pytest.mark.parametrize("text, value, start, end", PERIODS, ids=ids(PERIODS))
def test_periods(text, value, start, end):
    d = one(text)
    assert (d.value, d.start_date, d.end_date) == (value, start, end)


# -- modifiers narrow to a third (a week: Mon-Wed, Wed-Fri, Fri-Sun) -------------------

MODIFIERS = [
    ("the end of 2025", "2025", "end", "2025-09-01", "2025-12-31"),
    ("early 2024", "2024", "start", "2024-01-01", "2024-04-30"),
    ("mid-2026", "2026", "mid", "2026-05-01", "2026-08-31"),
    ("late last year", "2024", "end", "2024-09-01", "2024-12-31"),
    ("the end of the month", "2025-12", "end", "2025-12-21", "2025-12-31"),
    ("early next week", "2026-W01", "start", "2025-12-29", "2025-12-31"),
]


@pytest.mark.parametrize("text, value, mod, start, end", MODIFIERS, ids=ids(MODIFIERS))
def test_modifiers(text, value, mod, start, end):
    d = one(text)
    assert (d.value, d.mod, d.start_date, d.end_date) == (value, mod, start, end)


@pytest.mark.parametrize("text, value", [("fiscal 2024", "2024"), ("FY2024", "2024"),
                                         ("the fiscal second quarter", "2026-Q2")])  # nearest to REF
def test_fiscal_without_a_stated_calendar_is_the_calendar_year(text, value):
    # (no country, no stated year end: news-dev CONVENTIONS 4.4 wants a calendar value; the
    # stated calendars are tested in test_fiscal_calendars.py)
    d = one(text)
    assert d.fiscal and d.value == value


# -- relative expressions against the reference date -----------------------------------

RELATIVE = [("this year", "2025"), ("last year", "2024"), ("next month", "2026-01"), ("a year earlier", "2024"),
            ("two years ago", "2023"), ("yesterday", "2025-12-22"), ("the day after tomorrow", "2025-12-25"),
            ("three weeks from tomorrow", "2026-01-14"), ("1 month and 21 days ago", "2025-11-02"),
            ("this Friday", "2025-12-26"), ("next Sunday", "2026-01-04"), ("last Friday", "2025-12-19"),
            ("Friday next week", "2026-01-02"), ("the 20th of next month", "2026-01-20"),
            ("the first Friday of next month", "2026-01-02"),
            ("the week after next", "2026-W02"), ("in September", "2025-09"), ("last thanksgiving", "2025-11-27"),
            ("Christmas", "2025-12-25"),
            # possessives: "last year's harvest" is as much a date as "last year"
            ("last year's harvest", "2024"), ("next month's vote", "2026-01"), ("this week's storm", "2025-W52")]


@pytest.mark.parametrize("text, value", RELATIVE, ids=ids(RELATIVE))
def test_relative(text, value):
    d = one(text)
    assert d.relative and d.value == value


# -- holidays of other calendars (values worked out from published calendars) ----------

HOLIDAYS = [
    # Western and Orthodox movable feasts: Easter 2024 was March 31, Orthodox Easter May 5
    ("Good Friday 2024", "2024-03-29", "2024-03-29"),
    ("Ash Wednesday 2024", "2024-02-14", "2024-02-14"),
    ("Pentecost 2024", "2024-05-19", "2024-05-19"),
    ("Lent 2024", "2024-02-14", "2024-03-30"),  # Ash Wednesday to Holy Saturday
    ("Orthodox Easter 2024", "2024-05-05", "2024-05-05"),
    ("Clean Monday 2024", "2024-03-18", "2024-03-18"),  # 48 days before it
    # Islamic (Umm al-Qura): Ramadan 1445 began March 11, 2024; Eid al-Fitr April 10
    ("Eid al-Fitr 2024", "2024-04-10", "2024-04-10"),
    ("Eid al-Adha 2024", "2024-06-16", "2024-06-16"),
    ("Ramadan 2024", "2024-03-11", "2024-04-09"),
    # Jewish: from the eve (the holiday begins at sundown) to the last day
    ("Yom Kippur 2024", "2024-10-11", "2024-10-12"),
    ("Rosh Hashanah 2024", "2024-10-02", "2024-10-04"),
    ("Passover 2024", "2024-04-22", "2024-04-30"),
    ("Hanukkah 2024", "2024-12-25", "2025-01-02"),
    # Chinese and Hindu lunisolar
    ("Chinese New Year 2024", "2024-02-10", "2024-02-10"),
    ("the Lunar New Year 2025", "2025-01-29", "2025-01-29"),
    ("Diwali 2023", "2023-11-12", "2023-11-12"),
    ("Holi 2024", "2024-03-25", "2024-03-25"),
    # country calendars (holidays package): none of these is a suite case
    ("Anzac Day 2024", "2024-04-25", "2024-04-25"),
    ("Victoria Day 2024", "2024-05-20", "2024-05-20"),  # the Monday before 25 May
    ("Canada Day 2025", "2025-07-01", "2025-07-01"),
    ("Waitangi Day 2024", "2024-02-06", "2024-02-06"),
    ("Republic Day 2024", "2024-01-26", "2024-01-26"),  # India's: Republic Day in most of the calendars
    ("Veterans Day 2023", "2023-11-11", "2023-11-11"),
    ("Juneteenth 2024", "2024-06-19", "2024-06-19"),
    ("Labor Day 2024", "2024-09-02", "2024-09-02"),  # the US one (hand rule wins over the calendars)
]


@pytest.mark.parametrize("text, start, end", HOLIDAYS, ids=ids(HOLIDAYS))
def test_holidays_of_other_calendars(text, start, end):
    d = one(text)
    assert (d.start_date, d.end_date) == (start, end)
    assert d.value == (start if start == end else f"{start}/{end}")


HOLIDAYS_RELATIVE = [  # against Tuesday 23 December 2025
    ("Chinese New Year", None, "2026-02-17", "2026-02-17"),  # the next one
    ("Hanukkah", None, "2026-12-04", "2026-12-12"),  # 2025's (Dec 14-22) is over
    ("Hanukkah", "past", "2025-12-14", "2025-12-22"),  # the latest begun on or before the day
    ("last Passover", None, "2025-04-12", "2025-04-20"),
]


@pytest.mark.parametrize("text, tense_word, start, end", HOLIDAYS_RELATIVE,
                         ids=[f"{r[0]}-{r[1]}" for r in HOLIDAYS_RELATIVE])
def test_holidays_resolve_like_other_relative_dates(text, tense_word, start, end):
    d = one(text, direction=tense(tense_word) if tense_word else None)
    assert d.relative and (d.start_date, d.end_date) == (start, end)


@pytest.mark.parametrize("text, found", [
    ("Banks lent $5 billion.", []),  # the verb
    ("During Lent, sales fell.", ["Lent"]),
    ("lent 2024", ["lent 2024"]),
    ("a bowl of pongal", []),  # the dish
    ("Rakhi Sawant said", []),  # a given name
    ("Rakhi 2024", ["Rakhi 2024"]),
    ("a family day out", []),  # a calendar's name ("Family Day") needs a capital or a year
    ("on Family Day", ["Family Day"]),
    ("Carnival shares rose 3 percent.", []),  # the cruise line
    ("Carnival 2024", ["Carnival 2024"]),
])
def test_holiday_names_that_are_common_words(text, found):
    assert [d.text for d in find_dates(text, reference=REF)] == found


def test_holiday_names_file_matches_the_installed_holidays_package():
    """holiday_names.json is generated; regenerate with `python -m pipeline.lexicons.holiday_names`."""
    from pipeline.lexicons import holiday_names

    assert holiday_names.load() == json.loads(json.dumps(holiday_names.build())), (
        "holiday_names.json is out of date: python -m pipeline.lexicons.holiday_names")


def test_holiday_outside_its_table_has_no_date():
    assert find_dates("Diwali 2090", reference=REF) == []  # the Hindu tables end in 2035


# -- the clause's tense decides bare weekdays, days and months --------------------------

TENSE = [
    ("on Monday", "past", "2025-12-22"), ("on Monday", "present", "2025-12-29"),
    ("on Monday", "future", "2025-12-29"), ("on Tuesday", "past", "2025-12-23"),
    ("on Tuesday", "future", "2025-12-23"), ("on Tuesday", "none", "2025-12-30"),
    ("in March", "past", "2025-03"), ("in March", "future", "2026-03"), ("in March", "present", "2026-03"),
    ("in September", "present", "2025-09"), ("in September", "none", "2026-09"),
    ("March 5", "past", "2025-03-05"), ("March 5", "future", "2026-03-05"),
    ("the fourth quarter", "none", "2025-Q4"),
]


@pytest.mark.parametrize("text, direction, value", TENSE, ids=[f"{t}-{d}" for t, d, _v in TENSE])
def test_direction_from_tense(text, direction, value):
    assert one(text, direction=tense(direction)).value == value


def test_in_n_units_is_a_duration_in_the_past_tense():
    assert one("in 3 weeks", direction=tense("future")).value == "2026-01-13"
    assert find_dates("rose 5% in three years", reference=REF, direction=tense("past")) == []


def test_nth_week_holds_the_nth_thursday():
    assert one("the last week of 2025").value == "2025-W52"
    assert one("the first week of 2015").start_date == "2014-12-29"


def test_vague_keeps_null():
    d = one("in recent years")
    assert d.relative and d.value is None and d.start_date is None


def test_anaphoric_next_day_keeps_null():
    d = one("the next day")
    assert d.relative and d.value is None


def test_relative_without_reference_stays_unresolved():
    d = one("yesterday", Reference())
    assert d.relative and d.value is None


def test_bare_quarter_is_the_nearest():
    assert one("the fourth quarter", Reference(2026, 1, 22)).value == "2025-Q4"


def test_weekday_prefix_picks_the_year():
    assert one("Fri, Jul 18", Reference(2013, 2, 12)).value == "2014-07-18"


# -- not dates --------------------------------------------------------------------------

NOT_DATES = ["year on year", "year-on-year", "the 14th Five-Year Plan", "a one-hour circle", "24/7",
             "a 30-year-old", "2,025 workers", "may rise", "a three-year contract", "1/2 cup", "3/4 of them",
             "in his sixties", "a summer camp", "2 may be", "scored 4-22", "Unit 12/14 was sold",
             "the ratio was 10/12", "focused on the second."]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert find_dates(text, reference=REF) == []


# -- determinism: nothing reads the machine's clock -------------------------------------

class _FarFuture(dt.datetime):
    @classmethod
    def now(cls, tz=None):
        return cls(2099, 7, 1, tzinfo=tz)

    @classmethod
    def today(cls):
        return cls(2099, 7, 1)

    @classmethod
    def utcnow(cls):
        return cls(2099, 7, 1)


class _FarFutureDate(dt.date):
    @classmethod
    def today(cls):
        return cls(2099, 7, 1)


CLOCK_TEXT = ("Yesterday the firm said third-quarter sales rose. Next month it will open a plant; "
              "on Monday it hired 20 people. In September, output fell. Christmas sales are due.")


def test_output_does_not_depend_on_the_clock(monkeypatch):
    before = [d.fields() for d in find_dates(CLOCK_TEXT, reference=REF)]
    undated = [d.fields() for d in find_dates(CLOCK_TEXT)]
    monkeypatch.setattr(dt, "datetime", _FarFuture)
    monkeypatch.setattr(dt, "date", _FarFutureDate)
    monkeypatch.setattr("time.time", lambda: 4086000000.0)  # 2099
    assert dt.datetime.now().year == 2099 and dt.date.today().year == 2099
    assert [d.fields() for d in find_dates(CLOCK_TEXT, reference=REF)] == before
    assert [d.fields() for d in find_dates(CLOCK_TEXT)] == undated
    assert all(f["value"] is None or "2099" not in str(f["value"]) for f in undated)


def test_one_dateparser_per_process():
    assert dates_module._dateparser() is dates_module._dateparser()


@pytest.mark.parametrize("text, value", [
    ("handled 2.1 million TEU in 2023, up from", "2023"),
    ("by 2028, and", "2028"),
], ids=["year-before-comma", "year-before-comma-2"])
def test_year_followed_by_a_comma(text, value):
    assert [d.value for d in find_dates(text, reference=REF)] == [value]


def _assert_prefilter_matches_plain_scan(texts: list[str]) -> None:
    """The trigger prefilter in find_dates must not change any match, nor must the
    first-character guards in front of the grammar's branches."""
    import re

    from pipeline.normalize import dates as D

    unguarded = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in D._GRAMMAR), re.IGNORECASE)
    for text in texts:
        plain = [(m.start(), m.end(), m.lastindex) for m in unguarded.finditer(text)]
        assert [(m.start(), m.end(), m.lastindex) for m in D._matches(text)] == plain, text[:80]


def test_prefiltered_scan_finds_what_the_plain_scan_finds():
    """On the corpus articles."""
    from pathlib import Path

    corpus = Path(__file__).resolve().parent.parent / "corpus"
    _assert_prefilter_matches_plain_scan([p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))])


def test_prefiltered_scan_matches_plain_scan_on_suite_inputs():
    """On every input of both peer suites, padded past the short-text path."""
    import os

    from pipeline.errors import NewsclaimsError
    from pipeline.evaluate import benchmarks_dir, load_suites

    try:
        files = load_suites(benchmarks_dir())
    except NewsclaimsError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"benchmark suites missing: {exc}")
        pytest.skip(f"benchmark suites missing: {exc}")
    filler = "The committee met and discussed the matter at some length with several members present. " * 5
    _assert_prefilter_matches_plain_scan([f"{filler}{case.text}" for f in files for case in f.cases])


@pytest.mark.parametrize("text, value, start, end", [
    ("Revenue rose 5 percent in the three months to September.", "2025-07/2025-09", "2025-07-01", "2025-09-30"),
    ("Sales rose in the 13 weeks to Oct. 4.", "2025-07-06/2025-10-04", "2025-07-06", "2025-10-04"),
    ("Profit for the six months to September rose.", "2025-04/2025-09", "2025-04-01", "2025-09-30"),
], ids=["three-months-to", "weeks-to-a-day", "six-months-to"])
def test_period_named_by_its_end(text, value, start, end):
    (d,) = find_dates(text, reference=Reference(2025, 11, 7))
    assert (d.value, d.start_date, d.end_date) == (value, start, end)
    assert d.text.startswith("the ")


@pytest.mark.parametrize("text, expected", [
    ("The city handled 2.1 million TEU in 2023, up from about 1.2 million a decade earlier.", "2013"),
    ("The port handled 7.7 million TEU in 2023, down 7 percent from a year earlier.", "2022"),
    ("Revenue fell 3 percent from a year earlier.", "2024"),
    ("Net income for the third quarter fell 3.2 percent from a year earlier.", "2024-Q3"),
    ("GDP grew 0.6 percent in the July-September period, slowing from 1.1 percent in the second quarter. "
     "Compared with the same quarter a year earlier, output was 3.4 percent higher.", "2023-07/2023-09"),
    # (published 2025-06-30: "grew ... in the July-September period" is the latest past one, 2024)
], ids=["decade-earlier-than-2023", "year-earlier-than-2023", "no-anchor-counts-from-the-article",
        "same-quarter-a-year-before", "previous-sentence-first-period"])
def test_earlier_counts_back_from_the_sentence_period(text, expected):
    from pipeline import extract
    record = extract(text, published="2025-06-30")
    assert [d.value for d in record.dates if "earlier" in d.text] == [expected]


@pytest.mark.parametrize("text, expected", [
    # "a year ago" counts back from a period the sentence names (news-dev CONVENTIONS 4) ...
    ("Corlan shipped 5.1 million phones in the first quarter, more than the 4.7 million it had shipped a year "
     "ago.", "2019-Q1"),
    ("Last December alone, 4.8 million tourists arrived, up from 4.4 million a year ago.", "2018-12"),
    # ... else from the article's date
    ("The shares are worth more than they were a year ago.", "2019"),
], ids=["quarter-a-year-ago", "month-a-year-ago", "no-period-counts-from-the-article"])
def test_a_year_ago_counts_back_from_the_sentence_period(text, expected):
    from pipeline import extract
    record = extract(text, published="2020-05-13")
    assert [d.value for d in record.dates if d.text.endswith("ago")] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Profit was $5m in the first nine months of 2026, compared with $4m in the same period of 2025.",
     ("the same period of 2025", "2025-01/2025-09")),
    ("Sales rose 4% in the third quarter, up from 2% in the same quarter last year.",
     ("the same quarter last year", "2025-Q3")),
], ids=["same-period-of-a-year", "same-quarter-last-year"])
def test_same_period_of_another_year(text, expected):
    from pipeline import extract
    record = extract(text, published="2026-11-16")
    assert (record.dates[-1].text, record.dates[-1].value) == expected


@pytest.mark.parametrize("text, expected", [
    ("It questioned tenants between March and May.", ("between March and May", "2026-03/2026-05")),
    ("Sales rose from March to May.", ("from March to May", "2026-03/2026-05")),
    ("He met March and May.", ("March", "2026-03")),  # "and" joins months only after "between"
], ids=["between-and", "full-stop-not-taken", "and-without-between"])
def test_month_ranges(text, expected):
    from pipeline import extract
    record = extract(text, published="2026-11-16")
    assert (record.dates[0].text, record.dates[0].value) == expected


@pytest.mark.parametrize("text, expected", [
    ("Hospitals treated 1,450 people last week, up from 620 the week before.", ("the week before", "2026-W46")),
    ("Exports rose 5% in October from the month before.", ("the month before", "2026-09")),
    ("Sales rose in the third quarter from the quarter before.", ("the quarter before", "2026-Q2")),
], ids=["week", "month", "quarter"])
def test_the_unit_before_the_sentence_period(text, expected):
    from pipeline import extract
    record = extract(text, published="2026-11-25")
    assert (record.dates[-1].text, record.dates[-1].value) == expected


@pytest.mark.parametrize("text, published, expected", [
    # "the previous quarter" is the one before the quarter the sentence reports ...
    ("Output grew 6.2 percent in the third quarter, below the 6.5 percent of the previous quarter.",
     "2025-10-20", ("previous quarter", "2025-Q2")),
    ("Exports rose in May, after falling in the previous month.", "2025-06-30", ("previous month", "2025-04")),
    # ... else the one before the article's date
    ("Sales fell in the previous quarter.", "2025-10-20", ("previous quarter", "2025-Q3")),
    # "the past year" counts back from a month the sentence reports
    ("Wages rose 9 cents in March to $31.10, a gain of 3.1% over the past year.", "2025-04-04",
     ("past year", "2024-03/2025-03")),
    ("Wages rose 3.1% over the past year.", "2025-04-04", ("past year", "2024-04/2025-04")),
], ids=["previous-quarter-of-the-sentence", "previous-month-of-the-sentence", "previous-quarter-no-anchor",
        "past-year-from-the-month-reported", "past-year-from-the-article"])
def test_look_backs_count_from_the_period_reported(text, published, expected):
    from pipeline import extract
    record = extract(text, published=published)
    assert expected in [(d.text.removeprefix("the "), d.value) for d in record.dates]


@pytest.mark.parametrize("text, published, expected", [
    # an Indian article (April-March): the financial year of the month the paragraph reports
    ("Tax receipts in India for February 2024 came to Rs 1.7 lakh crore. It is the fifth time in the "
     "current financial year that receipts passed that mark.", "2024-03-02",
     ("current financial year", "2023-04/2024-03")),
    ("India's tax receipts passed that mark five times in the current financial year.", "2024-05-02",
     ("current financial year", "2024-04/2025-03")),
    # "last year" in a sentence about a fiscal year is the fiscal year before it
    ("India's exports in 2023-24 rose 9% from the level of last year.", "2024-05-02",
     ("last year", "2022-04/2023-03")),
    # an article that reports fiscal years: "this year" is the fiscal year under way ...
    ("Australia's budget will post a surplus this year. A deficit of $12 billion is expected in 2025-26, "
     "and debt will peak in 2027-28.", "2025-05-13", ("this year", "2024-07/2025-06")),
    # ... but not one that reports calendar years
    ("Australia's jobless rate fell this year, as it did in 2023 and in 2024.", "2025-05-13", ("this year", "2025")),
], ids=["current-fy-of-the-month-reported", "current-fy-of-the-article", "last-year-before-a-fiscal-year",
        "this-year-in-a-fiscal-article", "this-year-in-a-calendar-article"])
def test_relative_years_follow_the_calendar_under_discussion(text, published, expected):
    from pipeline import extract
    record = extract(text, published=published)
    assert expected in [(d.text.removeprefix("the "), d.value) for d in record.dates]


@pytest.mark.parametrize("text, expected", [
    # each ordinal of an elliptical list of quarters is a period of its own
    ("Orders were 4, 5 and 7 million in the first, second and third quarters.",
     [("first", "2025-Q1"), ("second", "2025-Q2"), ("third quarter", "2025-Q3")]),
    ("Sales grew in the second and third quarters.", [("second", "2025-Q2"), ("third quarter", "2025-Q3")]),
    # headline style, and "this year" without "of"
    ("Exports up 4% in first nine months", [("first nine months", "2025-01/2025-09")]),
    ("In the first 8 months this year, imports fell.", [("the first 8 months this year", "2025-01/2025-08")]),
    # the first months of something that is no year are no date
    ("He spent the first six months of his term abroad.", []),
], ids=["elliptical-three-quarters", "elliptical-two-quarters", "first-months-headline",
        "first-months-this-year", "first-months-of-a-term"])
def test_elliptical_quarters_and_first_months(text, expected):
    found = find_dates(text, reference=Reference(2025, 11, 7), direction=lambda s, e: "past")
    assert [(d.text, d.value) for d in found] == expected


def test_quarters_of_the_fiscal_year_the_paragraph_reports():
    from pipeline import extract
    record = extract("New Delhi: For 2022-23 as a whole, tax receipts were Rs 18 lakh crore. They were Rs 1.5 lakh "
                     "crore and Rs 1.4 lakh crore in the first and second quarters respectively.",
                     published="2023-04-02")
    assert [(d.text, d.value) for d in record.dates] == [
        ("2022-23", "2022-04/2023-03"), ("first", "2022-04/2022-06"), ("second quarter", "2022-07/2022-09")]


@pytest.mark.parametrize("text, expected", [
    # a record or a first before "in N years" makes it a look-back to the reference date
    ("The club won the league for the first time in almost two decades.", [("two decades", "2005/2025")]),
    ("Inflation hit its highest level in 15 years.", [("15 years", "2010/2025")]),
    ("Output fell at the fastest pace in 18 months.", [("18 months", "2024-05/2025-11")]),
    ("It was the worst week in a decade for stocks.", [("a decade", "2015/2025")]),
    # without one, "in N years" is a duration in the past tense and a date ahead in the future
    ("Prices rose 5% in two years.", []),
    ("The plant will open in three years.", [("three years", "2028")]),
], ids=["first-time-in-two-decades", "highest-in-15-years", "fastest-in-18-months", "worst-in-a-decade",
        "plain-in-two-years-past", "in-three-years-future"])
def test_records_look_back(text, expected):
    tense = "future" if " will " in text else "past"
    found = find_dates(text, reference=Reference(2025, 11, 7), direction=lambda s, e: tense)
    assert [(d.text, d.value) for d in found] == expected
