"""Company fiscal calendars: what the article states about the end of its fiscal periods, and
the calendar intervals of its fiscal periods on that calendar. Pure functions.

An article states its company's calendar by naming the end of a fiscal period: "the quarter
ended Feb. 1, 2025", "the fiscal year ending in September", "fiscal year ends Jan. 31",
"the 13 weeks ended Nov. 2, 2024", "fiscal 2024, which ended Feb. 1, 2025". From that:

- A stated end on the last day of a month (or a month alone) is a **month calendar**: every
  year ends on that day of that month ("fiscal year ends Jan. 31": 2024-02-01..2025-01-31).
- A stated end that is a known day but not a month's last day, or any end when the statement
  counts weeks ("the 13 weeks ended") or the article a 52/53-week year ("53 weeks", "the 53rd
  week"), is a **52/53-week calendar**:
  every year ends on that weekday nearest the last day of the month nearest the stated end
  (the retail "4-5-4" rule: Feb. 2, 2025, a Sunday -> the Sunday nearest January 31, so
  fiscal years end 2024-01-28, 2025-02-02, 2026-02-01), or on that month's last such weekday
  when the stated end is not the nearest (Jan. 26, 2025, a Sunday -> the last Sunday of
  January). Its quarters are 13 weeks, the fourth takes the rest (14 weeks in a 53-week
  year); halves are 26 weeks and the rest.
  (A stated end that fits both rules, as most do, is read as "nearest", the common one; a
  company on the "last Saturday" rule then differs by a week in some other years.)
- A quarter's end gives the year's end through its ordinal: "the fourth quarter ended
  Feb. 2" (or the quarter the article named last before it, as in a lede's "fiscal
  fourth-quarter results ... for the quarter ended Feb. 2") ends the year there; the second
  quarter ends two quarters before it. A quarter end with no ordinal in the article is the
  calendar year's (March, June, September, December) or, ending in a January-like month, the
  retail year's (ends in January).
- "the three months to October" makes no calendar (rolling statistics use it), but a round-up
  whose statements give different calendars keeps each in its own paragraph.
- **Naming**: a fiscal year is named by the calendar year it ends in ("fiscal 2026" ending
  September 2026), except a year ending in January or early February, named by the year it
  starts in (retailers: "fiscal 2024" ran to Feb. 2, 2025), unless the article names it
  ("fiscal 2025, which ended Jan. 26, 2025").
- A calendar ending on December 31 is the calendar year: nothing changes.

Which periods take the stated calendar (news-dev CONVENTIONS §4.4, §8.4): "fiscal" in the
span ("fiscal 2024", "FY25", "the fiscal fourth quarter") and, when the stated calendar is not
the calendar year, every quarter or half of the article ("the fourth quarter", "first-quarter
revenue", "the fourth quarter of 2023"); a bare year ("the 2025 guidance") keeps its literal
year. A bare fiscal quarter is the one nearest the reference date (in a verbless phrase, the
one under way or next), as bare calendar quarters are.

Without a stated calendar, a "fiscal" period is on the fiscal year of the article's country
(:mod:`pipeline.lexicons.fiscal_years`, named by the year it ends in: the US "fiscal 2024" is
2023-10/2024-09), else on the calendar year ("fiscal 2024" -> "2024").
"""

from __future__ import annotations

import bisect
import calendar as _calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

ONE_DAY = dt.timedelta(days=1)
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _last_day(year: int, month: int) -> int:
    return _calendar.monthrange(year, month)[1]


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    y, m = index // 12, index % 12 + 1
    return dt.date(y, m, min(day.day, _last_day(y, m)))


@dataclass(frozen=True)
class FiscalCalendar:
    """A fiscal calendar: years end in ``end_month`` on ``end_day`` (None: the month's last
    day) or, with ``weekday`` (0 = Monday), on that weekday nearest the month's last day;
    ``named_by_start``: "fiscal N" starts in calendar year N rather than ending in it."""

    end_month: int
    end_day: int | None = None
    weekday: int | None = None
    named_by_start: bool = False
    last_weekday: bool = False  # the year ends on the month's last such weekday, not the nearest

    @property
    def is_calendar_year(self) -> bool:
        return self.end_month == 12 and self.end_day is None and self.weekday is None

    @property
    def by_month(self) -> bool:
        """Periods in whole months (values at month precision)."""
        return self.weekday is None and self.end_day is None

    def _year_end(self, year: int) -> dt.date:
        """The end of the fiscal year whose end falls near ``end_month`` of ``year``."""
        last = dt.date(year, self.end_month, _last_day(year, self.end_month))
        if self.weekday is not None:
            delta = (self.weekday - last.weekday()) % 7
            return last + dt.timedelta(days=delta - 7 if delta > 3 or self.last_weekday and delta else delta)
        if self.end_day is not None:
            return dt.date(year, self.end_month, min(self.end_day, _last_day(year, self.end_month)))
        return last

    def year(self, n: int) -> tuple[dt.date, dt.date]:
        """Fiscal year ``n``'s first and last days."""
        y = n + 1 if self.named_by_start else n
        return self._year_end(y - 1) + ONE_DAY, self._year_end(y)

    def part(self, n: int, index: int, parts: int) -> tuple[dt.date, dt.date]:
        """Quarter (``parts`` 4) or half (2) number ``index`` of fiscal year ``n``."""
        start, end = self.year(n)
        if self.weekday is not None:
            weeks = 52 // parts
            first = start + dt.timedelta(weeks=weeks * (index - 1))
            last = end if index == parts else first + dt.timedelta(weeks=weeks) - ONE_DAY
            return first, last
        months = 12 // parts
        first = _add_months(start, months * (index - 1))
        last = end if index == parts else _add_months(start, months * index) - ONE_DAY
        return first, last

    def year_of(self, day: dt.date) -> int:
        """The fiscal year that ``day`` falls in."""
        for n in (day.year - 1, day.year, day.year + 1):
            start, end = self.year(n)
            if start <= day <= end:
                return n
        return day.year

    def nearest(self, index: int, parts: int, ref: dt.date, ahead: bool) -> tuple[int, dt.date, dt.date]:
        """The fiscal quarter/half ``index`` nearest ``ref`` (``ahead``: the one under way or next)."""
        n0 = self.year_of(ref)
        spans = [(n, *self.part(n, index, parts)) for n in (n0 - 1, n0, n0 + 1)]
        if ahead:
            return next(s for s in spans if s[2] >= ref)
        return min(spans, key=lambda s: (abs(((s[1] + (s[2] - s[1]) / 2) - ref).days), s[1] > ref))

    def extra_week(self, ref: dt.date) -> tuple[dt.date, dt.date] | None:
        """The 53rd week of the 53-week fiscal year nearest ``ref``, the year before it first."""
        if self.weekday is None:
            return None
        n0 = self.year_of(ref)
        for n in (n0 - 1, n0, n0 - 2, n0 + 1):  # (most often the year just reported)
            start, end = self.year(n)
            if (end - start).days + 1 == 371:
                return end - dt.timedelta(days=6), end
        return None

    def value(self, first: dt.date, last: dt.date) -> tuple[str, str]:
        """An interval's ISO value and granularity on this calendar."""
        if self.is_calendar_year:
            if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
                return f"{first.year:04d}", "year"
            if first.year == last.year and first.day == 1 and (first.month - 1) % 3 == 0 and \
                    last.month == first.month + 2:
                return f"{first.year:04d}-Q{(first.month - 1) // 3 + 1}", "quarter"
        if self.by_month:
            return f"{first.year:04d}-{first.month:02d}/{last.year:04d}-{last.month:02d}", "month"
        return f"{first.isoformat()}/{last.isoformat()}", "day"


# -- what the article states ---------------------------------------------------------------

_WEEKS = r"(?:\d{1,2}|thirteen|fourteen|twenty[-\s]six|twenty[-\s]seven|thirty[-\s]nine|fifty[-\s]two|fifty[-\s]three)"
_END_VERB = r"(?:that\s+|which\s+)?(?:ended|ending|ends|end|closed|closes|closing|concluded|runs\s+(?:to|through))"
# Text right before a date (or a month) that makes it the end of a fiscal period.
_STATED = re.compile(
    r"(?:"
    r"(?P<fyn>fiscal\s+(?:year\s+)?(?P<fy>\d{4}))\s*,?\s*\(?\s*(?:which\s+|that\s+)?(?:ended|ending|ends)"
    r"|(?P<year>(?:fiscal|financial)\s+year|(?:fiscal|financial)\s+(?:first|second|third|fourth|full)[-\s]"
    r"(?:quarter|year))"
    r"\s*,?\s*" + _END_VERB +
    r"|(?P<qo>first|second|third|fourth|1st|2nd|3rd|4th)?[-\s]?(?P<quarter>quarter)\s*,?\s*" + _END_VERB +
    r"|(?P<weeks>" + _WEEKS + r")[-\s]weeks?\s+" + _END_VERB.replace("|runs", "|to|runs") +
    r"|(?P<months>three|six|nine|twelve|3|6|9|12)\s+months\s+(?:(?P<mto>to|through)|" + _END_VERB + ")" +
    r")\s+(?:on\s+|in\s+)?$", re.IGNORECASE)
# a year counted in weeks: the article's calendar is a 52/53-week one
_YEAR_IN_WEEKS = re.compile(r"\b(?:5[23]|fifty[-\s](?:two|three))[-\s]weeks?\b|\b53rd\s+week\b", re.IGNORECASE)
_QUARTER_ORD = re.compile(r"\b(?P<o>first|second|third|fourth)[-\s]quarter\b|\bQ(?P<n>[1-4])\b", re.IGNORECASE)
_QUARTER_ORD_LONGEST = 20  # characters: longer than any match of _QUARTER_ORD (a test checks)


@dataclass(frozen=True)
class _TextReading:
    """What :func:`calendar_from` reads of the whole text, read once for all of an article's
    statements (so that a long text with many statements is not read once for each)."""

    weekly: bool  # the text counts a 52/53-week year
    ordinals: list[re.Match[str]]  # the quarters it names ("fourth-quarter", "Q4")
    ordinal_ends: list[int]

    @classmethod
    def of(cls, text: str) -> _TextReading:
        ordinals = list(_QUARTER_ORD.finditer(text))
        return cls(bool(_YEAR_IN_WEEKS.search(text)), ordinals, [m.end() for m in ordinals])

    def last_quarter_before(self, text: str, pos: int) -> re.Match[str] | None:
        """The last quarter named in ``text[:pos]``: the last of ``_QUARTER_ORD.finditer(text, 0,
        pos)``. Those are the whole text's matches that end before ``pos`` and perhaps one that
        ends at ``pos`` (where the cut makes a word boundary), found again in the few
        characters before it."""
        k = bisect.bisect_left(self.ordinal_ends, pos)  # the matches ending before pos
        last = self.ordinals[k - 1] if k else None
        lo = max(last.end() if last is not None else 0, pos - _QUARTER_ORD_LONGEST)
        tail = list(_QUARTER_ORD.finditer(text, lo, pos))
        return tail[-1] if tail else last


@dataclass(frozen=True)
class Stated:
    """A period end the text states: its day (or month, ``day`` None), what period it ends."""

    month: int
    day: int | None
    year: int | None
    what: str            # "year", "quarter", "weeks", "months"
    quarter: int | None  # the quarter's ordinal when written
    fiscal_year: int | None  # "fiscal 2025, which ended ...": the year's name
    start: int           # where the statement begins
    weeks: bool = False  # "the 13 weeks ended ...": a period counted in weeks
    weak: bool = False   # "the three months to October": a statistics period as often as a
    # company's quarter, so it makes no calendar, but tells apart the calendars of a round-up


def stated_ends(text: str, ends: list[tuple[int, int, int | None, int | None, int | None]]) -> list[Stated]:
    """The fiscal period ends ``text`` states. ``ends`` are the dates found, as (start
    character, month, day or None, year or None, end character): those right after "the
    quarter ended", "fiscal year ending in", "52 weeks ended" and the like."""
    out = []
    for start, month, day, year, _end in ends:
        m = _STATED.search(text[max(0, start - 70):start])
        if m is None:
            continue
        if m.group("fyn"):
            what = "year"
        elif m.group("year"):
            what = "quarter" if "quarter" in m.group("year").lower() else "year"
        else:
            what = "quarter" if m.group("quarter") else "weeks" if m.group("weeks") else "months"
        ordinal = m.group("qo") or re.split(r"[-\s]", m.group("year") or "x")[1 if m.group("year") else 0]
        quarter = _ORD.get(ordinal.lower()) if what == "quarter" else None
        if what == "weeks":
            weeks = m.group("weeks").lower()
            what = "year" if weeks in ("52", "53", "fifty-two", "fifty two", "fifty-three", "fifty three") else \
                "quarter" if weeks in ("13", "14", "thirteen", "fourteen") else "other"
        if what == "months":
            what = {"three": "quarter", "3": "quarter", "twelve": "year", "12": "year"}.get(m.group("months").lower(),
                                                                                           "other")
        if what == "other":
            continue
        fy = int(m.group("fy")) if m.group("fy") else None
        out.append(Stated(month, day, year, what, quarter, fy, max(0, start - 70) + m.start(),
                          weeks=bool(m.group("weeks")), weak=bool(m.group("mto"))))
    return out


@dataclass(frozen=True)
class ArticleCalendars:
    """The fiscal calendar an article states: one for the whole article (``whole``) or, when
    its statements disagree (a round-up of several companies' results), one per paragraph
    that states one (``paragraphs``: first and last character, calendar)."""

    whole: FiscalCalendar | None
    paragraphs: tuple[tuple[int, int, FiscalCalendar], ...] = ()

    def at(self, pos: int) -> FiscalCalendar | None:
        """The calendar of the period at character ``pos``."""
        if self.whole is not None:
            return self.whole
        return next((cal for start, end, cal in self.paragraphs if start <= pos < end), None)


def _same(a: FiscalCalendar, b: FiscalCalendar) -> bool:
    return (a.end_month, a.end_day, a.weekday, a.last_weekday) == (b.end_month, b.end_day, b.weekday, b.last_weekday)


def calendars_from(text: str, stated: list[Stated]) -> ArticleCalendars:
    """The article's fiscal calendar, from the first fiscal-year end it states, else its first
    quarter end (see the module doc). When two statements give different calendars, each
    paragraph with a statement keeps its own and the others none (Nothing is stated: no calendar.)"""
    strong = [s for s in stated if not s.weak]
    if not strong:
        return ArticleCalendars(None)
    reading = _TextReading.of(text)
    years = [s for s in strong if s.what == "year"]
    whole = calendar_from(text, years[0] if years else strong[0], stated, reading=reading)
    by_statement = [calendar_from(text, s, stated, reading=reading) for s in stated]
    others = [c for c in by_statement if c is not None]
    if whole is not None and all(_same(whole, c) for c in others):
        return ArticleCalendars(whole)
    paragraphs = []
    for s, cal in zip(stated, by_statement, strict=True):
        if s.weak or cal is None:
            continue
        start = text.rfind("\n", 0, s.start) + 1
        end = text.find("\n", s.start)
        paragraphs.append((start, end if end >= 0 else len(text), cal))
    return ArticleCalendars(None, tuple(paragraphs))


def calendar_from(text: str, pick: Stated, stated: list[Stated], *, reading: _TextReading | None = None
                  ) -> FiscalCalendar | None:
    """The fiscal calendar the statement ``pick`` implies (see the module doc); None when it
    does not tell (a quarter end in February, May, August or November with no ordinal).
    ``reading``: what the text says once for all statements (default: read here)."""
    reading = reading if reading is not None else _TextReading.of(text)
    weekly_text = pick.weeks or reading.weekly
    end: dt.date | None = None
    if pick.day is not None and pick.year is not None:
        end = dt.date(pick.year, pick.month, pick.day)
    month_end = pick.day is None or pick.day == _last_day(pick.year or 2001, pick.month)
    weekly = end is not None and (not month_end or weekly_text)
    quarter = pick.quarter
    if pick.what == "quarter" and quarter is None:
        # the quarter the article named last before saying when it ended ("fiscal
        # fourth-quarter earnings ... the results for the quarter ended Feb. 2")
        last_named = reading.last_quarter_before(text, pick.start)
        if last_named is not None:
            quarter = _ORD.get((last_named.group("o") or "").lower()) or int(last_named.group("n") or 4)
    if pick.what == "quarter":
        if quarter is None:
            anchor_month = pick.month if not weekly or pick.day is None or pick.day > 15 else pick.month - 1 or 12
            if anchor_month % 3 == 0:
                quarter = anchor_month // 3  # a calendar quarter: the year ends in December
            elif anchor_month % 3 == 1:
                quarter = (anchor_month - 2) % 12 // 3 + 1  # the retail year: ends in January
            else:
                return None
        ahead = 4 - quarter
        if end is not None:
            end = end + dt.timedelta(weeks=13 * ahead) if weekly else _add_months(end, 3 * ahead)
            if not weekly and month_end:
                end = end.replace(day=_last_day(end.year, end.month))
        month = (pick.month - 1 + 3 * ahead) % 12 + 1
    else:
        month = pick.month
    if weekly and end is not None:
        # the month whose last day is nearest the year's end ("Feb. 2" -> January)
        before = end.replace(day=1) - ONE_DAY
        this_last = end.replace(day=_last_day(end.year, end.month))
        anchor = before if (end - before) < (this_last - end) else this_last
        cal = FiscalCalendar(anchor.month, weekday=end.weekday())
        if cal._year_end(anchor.year) != end:
            # not the weekday nearest the month's end: the month's last one ("Jan. 26, 2025",
            # a Sunday, five days before the 31st)
            cal = FiscalCalendar(anchor.month, weekday=end.weekday(), last_weekday=True)
    elif pick.day is not None and not month_end:
        cal = FiscalCalendar(month, end_day=pick.day)
    else:
        cal = FiscalCalendar(month)
    if cal.is_calendar_year:
        return cal
    named_by_start = cal.end_month == 1 or cal.end_month == 2 and (cal.end_day or 29) <= 7
    named = next((s for s in stated if s.fiscal_year is not None and s.what == "year" and s.year is not None), None)
    if named is not None and named.fiscal_year is not None and named.year is not None:
        # the year the named fiscal year's end is anchored in ("Feb. 2, 2025" -> January 2025)
        named_end = dt.date(named.year, named.month, named.day or _last_day(named.year, named.month))
        named_anchor = named_end.year - 1 if named_end.month == 1 and cal.end_month == 12 else \
            named_end.year + 1 if named_end.month == 12 and cal.end_month == 1 else named_end.year
        named_by_start = named.fiscal_year == named_anchor - 1
    return FiscalCalendar(cal.end_month, cal.end_day, cal.weekday, named_by_start, cal.last_weekday)


# -- the periods ---------------------------------------------------------------------------

_YEAR_IN = re.compile(r"(?:\bFY\s?'?|\b)(?P<y>(?:19|20)\d\d)\b|\bFY\s?'?(?P<yy>\d\d)\b|'(?P<ap>\d\d)\b", re.IGNORECASE)
_SPLIT = re.compile(r"\d{4}\s*[-\u2013/]\s*(\d\d)\b")
_PART = re.compile(r"\b(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+(?P<u>quarter|half)|"
                   r"\b(?P<c>[QH])(?P<n>[1-4])\b", re.IGNORECASE)


_GLUED_FY = re.compile(r"\b([QH][1-4])(FY)", re.IGNORECASE)
_RELATIVE_YEAR = re.compile(r"\b(current|this|last|next|previous|prior|coming)\s+(?:financial|fiscal)\s+year\b",
                            re.IGNORECASE)
_SHIFT = {"current": 0, "this": 0, "last": -1, "previous": -1, "prior": -1, "next": 1, "coming": 1}


def _year_written(text: str) -> int | None:
    m = _YEAR_IN.search(text)
    if m is None:
        return None
    if m.group("y"):
        return int(m.group("y"))
    yy = int(m.group("yy") or m.group("ap"))
    return 2000 + yy if yy < 50 else 1900 + yy


@dataclass(frozen=True)
class Placed:
    """A fiscal period on a calendar: fiscal year ``year``, part ``index`` of ``parts``
    (a quarter 1-4 of 4, a half 1-2 of 2; the whole year is 1 of 1)."""

    calendar: FiscalCalendar
    year: int
    index: int
    parts: int

    @property
    def span(self) -> tuple[dt.date, dt.date]:
        if self.parts == 1:
            return self.calendar.year(self.year)
        return self.calendar.part(self.year, self.index, self.parts)

    @property
    def value(self) -> tuple[str, str]:
        """ISO value and granularity."""
        return self.calendar.value(*self.span)

    def years_back(self, years: int) -> Placed:
        """The same period ``years`` fiscal years earlier."""
        return Placed(self.calendar, self.year - years, self.index, self.parts)


def fiscal_interval(text: str, cal: FiscalCalendar, ref: dt.date | None, ahead: bool) -> Placed | None:
    """The fiscal period ``text`` names on ``cal`` ("fiscal 2024", "the fourth quarter of
    2023", "fiscal Q1", "first-quarter"); a period without a year is the one nearest ``ref``
    (``ahead``: the one under way or next); None when it cannot be placed."""
    text = _GLUED_FY.sub(r"\1 \2", text)  # "Q3FY25", as Indian companies write it: "Q3 FY25"
    rel = _RELATIVE_YEAR.search(text)
    if rel is not None:
        # "the current financial year": the one ``ref`` falls in, "last fiscal year" the one before
        return Placed(cal, cal.year_of(ref) + _SHIFT[rel.group(1).lower()], 1, 1) if ref is not None else None
    part = _PART.search(text)
    n = _year_written(text)
    split = _SPLIT.search(text)
    if split is not None and n is not None:
        # "FY 2022-23": the fiscal year that runs from the first year into the second
        if (n + 1) % 100 != int(split.group(1)):
            return None
        if cal.is_calendar_year:
            return None
        n = n if cal.named_by_start else n + 1
    if part is None:
        return Placed(cal, n, 1, 1) if n is not None else None
    if part.group("c"):
        parts = 4 if part.group("c").upper() == "Q" else 2
        index = int(part.group("n"))
    else:
        parts = 4 if part.group("u").lower() == "quarter" else 2
        index = _ORD[part.group("o").lower()]
    if index > parts:
        return None
    if n is None:
        if ref is None:
            return None
        n = cal.nearest(index, parts, ref, ahead)[0]
    return Placed(cal, n, index, parts)


def country_calendar(start_month: int | None) -> FiscalCalendar:
    """The fiscal calendar used when the article states none: its country's government fiscal
    year (starting in ``start_month``), else the calendar year."""
    if not start_month or start_month == 1:
        return FiscalCalendar(12)
    return FiscalCalendar(start_month - 1 or 12)


Tense = Callable[[int, int], "str | None"]
