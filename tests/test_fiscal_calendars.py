"""Company fiscal calendars (pipeline/normalize/fiscal.py): the article states when a fiscal
period ends, and its fiscal periods take intervals on that calendar. Invented sentences; the
expected days are worked out by hand in the comments (weekday of the stated end, the same
weekday nearest the anchor month's last day, 13-week quarters)."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.normalize.dates import Reference, find_dates
from pipeline.normalize.fiscal import FiscalCalendar

# Feb. 3, 2024 is a Saturday: years end on the Saturday nearest January 31 -> Jan. 28, 2023,
# Feb. 3, 2024 (so fiscal 2023 is 53 weeks), Feb. 1, 2025. Retail years are named by the year
# they start in. Q4 of fiscal 2023 starts 39 weeks after Jan. 29, 2023: Oct. 29, 2023.
LARKFIELD = ("Larkfield Stores posted fourth-quarter sales of $4.1 billion for the quarter ended Feb. 3, 2024. "
             "For fiscal 2023, which had a 53rd week, sales rose 3%. For fiscal 2024, it expects sales to grow 2%. "
             "First-quarter sales are expected to be flat.")
# Jan. 26, 2025 is a Sunday five days before the 31st (not the nearest Sunday, Feb. 2): years end
# on January's last Sunday (Jan. 28, 2024; Jan. 26, 2025), and the article names the year by
# the year it ends in.
CORVANE = ("Corvane said fiscal 2025, which ended Jan. 26, 2025, brought record revenue. "
           "Fourth-quarter revenue rose 12%.")
# the 13 weeks to Saturday Nov. 2, 2024 are the third quarter: the year ends 13 weeks later, Feb. 1, 2025
TREMONT = ("Tremont said third-quarter comparable sales rose 1% in the 13 weeks ended Nov. 2, 2024. "
           "It lowered its fiscal 2024 outlook.")
ORVALE = ("Orvale Systems, whose fiscal year ends in September, said revenue for fiscal 2025 rose 8%. "
          "Fourth-quarter revenue was $2 billion, and the first half of fiscal 2026 should be stronger.")
PELLHAM = "Pellham Corp's fiscal year ends Jan. 31. It reported fiscal 2024 sales of $3 billion."

STATED = [
    (LARKFIELD, "2024-03-06", "fourth-quarter", "2023-10-29/2024-02-03"),
    (LARKFIELD, "2024-03-06", "fiscal 2023", "2023-01-29/2024-02-03"),
    (LARKFIELD, "2024-03-06", "53rd week", "2024-01-28/2024-02-03"),
    (LARKFIELD, "2024-03-06", "fiscal 2024", "2024-02-04/2025-02-01"),
    (LARKFIELD, "2024-03-06", "First-quarter", "2024-02-04/2024-05-04"),
    (CORVANE, "2025-02-26", "fiscal 2025", "2024-01-29/2025-01-26"),
    (CORVANE, "2025-02-26", "Fourth-quarter", "2024-10-28/2025-01-26"),
    (TREMONT, "2024-11-20", "third-quarter", "2024-08-04/2024-11-02"),
    (TREMONT, "2024-11-20", "fiscal 2024", "2024-02-04/2025-02-01"),
    (ORVALE, "2025-11-04", "fiscal 2025", "2024-10/2025-09"),
    (ORVALE, "2025-11-04", "Fourth-quarter", "2025-07/2025-09"),
    (ORVALE, "2025-11-04", "first half of fiscal 2026", "2025-10/2026-03"),
    (PELLHAM, "2025-03-10", "fiscal 2024", "2024-02/2025-01"),
]


def _value(text: str, published: str, span: str, fiscal_start: int | None = None) -> str | None:
    found = find_dates(text, reference=Reference.parse(published), fiscal_start=fiscal_start)
    hits = [d for d in found if d.text.lower().removeprefix("the ") == span.lower()]
    assert len(hits) == 1, [(d.text, d.value) for d in found]
    return hits[0].value


@pytest.mark.parametrize("text, published, span, value", STATED, ids=[f"{t[:8]}-{s}" for t, _, s, _ in STATED])
def test_periods_on_the_stated_calendar(text, published, span, value):
    assert _value(text, published, span) == value


NOT_FISCAL = [
    # a calendar-year company: its quarter ended Sept. 30 is the third; its quarters stay calendar
    ("Brightwell said third-quarter revenue, for the quarter ended Sept. 30, rose 4%. "
     "Fourth-quarter revenue is expected to rise 2%.", "2024-10-25", "Fourth-quarter", "2024-Q4"),
    ("Revenue rose 5% in the fourth quarter.", "2025-01-20", "fourth quarter", "2024-Q4"),
    # rolling statistics periods are no fiscal calendar
    ("Unemployment rose to 4.3% in the three months to October, and GDP grew 0.1% in the third quarter.",
     "2024-12-10", "third quarter", "2024-Q3"),
    ("Inflation was 3.2% in the year to March; in the first quarter, GDP grew 0.6%.", "2024-04-20",
     "first quarter", "2024-Q1"),
    # a government's fiscal year end alone: a quarter in a sentence with no fiscal period stays calendar
    ("The federal government's fiscal year ends Sept. 30. GDP grew 3% in the second quarter.", "2024-08-01",
     "second quarter", "2024-Q2"),
    # a fiscal year that is the calendar year
    ("Its fiscal year ends Dec. 31. Fiscal 2024 revenue rose 4%.", "2025-02-10", "Fiscal 2024", "2024"),
    # a bare year naming a fiscal year keeps its literal year (news-dev CONVENTIONS 4.4)
    (LARKFIELD + " Analysts doubted the 2024 guidance.", "2024-03-06", "2024", "2024"),
]


@pytest.mark.parametrize("text, published, span, value", NOT_FISCAL, ids=[f"{t[:12]}-{s}" for t, _, s, _ in NOT_FISCAL])
def test_periods_off_any_fiscal_calendar(text, published, span, value):
    assert _value(text, published, span) == value


DEFAULT = [  # no calendar stated: the country's government fiscal year, else the calendar year
    ("Fiscal 2024 sales rose 3%.", None, "Fiscal 2024", "2024"),
    ("The deficit in fiscal 2024 was $1.8 trillion.", 10, "fiscal 2024", "2023-10/2024-09"),
    ("Tax receipts for FY25 rose 9%.", 4, "FY25", "2024-04/2025-03"),
    ("Profit in the fiscal second quarter rose 9%.", 4, "fiscal second quarter", "2025-07/2025-09"),
    # a split year after "FY" is one fiscal year, from the first year into the second
    ("Collections in FY 2022-23 rose 22%.", 4, "FY 2022-23", "2022-04/2023-03"),
    ("Collections in fiscal 2022-23 rose 22%.", 7, "fiscal 2022-23", "2022-07/2023-06"),
    ("Collections in FY 2022-23 rose 22%.", None, "FY 2022-23", "2022/2023"),  # no calendar: both years
]


@pytest.mark.parametrize("text, start, span, value", DEFAULT, ids=[f"{s}-{m}" for _, m, s, _ in DEFAULT])
def test_fiscal_periods_without_a_stated_calendar(text, start, span, value):
    assert _value(text, "2025-10-20", span, fiscal_start=start) == value


# A round-up: one company on calendar quarters, one whose fiscal year ends in March (its second
# quarter ended Sept. 30), one counting weeks. The calendars disagree, so each holds only in
# its own paragraph.
ROUNDUP = ("Brenmoor Foods said third-quarter profit rose 4% in the three months to September.\n"
           "Haldane Retail said sales for its fiscal second quarter, which ended Sept. 30, rose 2%, and it "
           "expects third-quarter sales to be flat.\n"
           "Grocer Pell & Vine said sales rose 3% in the 13 weeks to Oct. 4.")


@pytest.mark.parametrize("occurrence, value", [(0, "2025-Q3"), (1, "2025-10/2025-12")])
def test_a_roundup_keeps_each_calendar_in_its_paragraph(occurrence, value):
    found = [d for d in find_dates(ROUNDUP, reference=Reference(2025, 10, 20)) if d.text == "third-quarter"]
    assert found[occurrence].value == value
    fiscal_q2 = [d.value for d in find_dates(ROUNDUP, reference=Reference(2025, 10, 20)) if "second" in d.text]
    assert fiscal_q2 == ["2025-07/2025-09"]


def test_a_53_week_calendar_year_ends_on_the_same_weekday():
    cal = FiscalCalendar(1, weekday=dt.date(2025, 2, 2).weekday(), named_by_start=True)  # a Sunday
    ends = [cal.year(n)[1] for n in (2022, 2023, 2024, 2025)]
    assert ends == [dt.date(2023, 1, 29), dt.date(2024, 1, 28), dt.date(2025, 2, 2), dt.date(2026, 2, 1)]
    assert {e.weekday() for e in ends} == {6}
    first, last = cal.part(2024, 4, 4)  # the fourth quarter of the 53-week year takes 14 weeks
    assert (last - first).days + 1 == 98


def test_the_same_period_of_an_earlier_fiscal_year(extractor):
    # fiscal 2022 ran Jan. 30, 2022 - Jan. 28, 2023 (Saturdays nearest January 31): Q4 from Oct. 30, 2022
    record = extractor.extract("Larkfield Stores posted fourth-quarter sales of $4.1 billion for the quarter "
                               "ended Feb. 3, 2024, up from $3.9 billion in the same period in 2022.",
                               published="2024-03-06")
    values = {d.text: d.value for d in record.dates}
    assert values["fourth-quarter"] == "2023-10-29/2024-02-03"
    assert values["the same period in 2022"] == "2022-10-30/2023-01-28"
