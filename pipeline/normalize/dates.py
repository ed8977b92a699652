"""Time expressions -> ISO 8601 values and inclusive day intervals. Pure functions.

:func:`find_dates` scans a text with one compiled grammar (longest match
first) and resolves each expression against a reference date.

Conventions (documented choices):

- ``value``: "2025", "2013-09", "2025-12-22", "2025-Q3", "2025-H1"; a period is
  an ISO interval of its ends at their own granularity ("2025-01/2025-11");
  a decade is "2010/2019"; a season is its meteorological (northern) months
  ("2024-06/2024-08").
- ``start_date``/``end_date`` are inclusive days.
- Modifiers narrow the interval to a third of it: ``start`` ("early 2024",
  "the beginning of 2025") the first third, ``mid`` the middle third, ``end``
  ("late 2024", "the end of 2025") the last third (for a year: Jan-Apr, May-Aug,
  Sep-Dec; for a month: days 1-10, 11-20, 21-end). ``value`` stays the
  unmodified period.
- Relative expressions ("this year", "last month", "yesterday", "on Tuesday")
  are resolved against the reference date and flagged ``relative``; a weekday
  is the latest such day on or before the reference date. Without a reference
  date precise enough, they keep a null interval. Vague ones ("recent years")
  always keep a null value.
- Fiscal periods ("fiscal 2024", "FY2024") keep ``value`` as written and set
  ``fiscal``; their calendar interval depends on the company, so it is null.
- "since 2013" runs to the reference date (open end).

``dateparser`` (one DateDataParser per process, fixed settings) reads the
day-level strings; the grammar here covers what it does not: periods,
quarters, halves, decades, seasons, modifiers, fiscal periods and ranges.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_YEAR = r"(?:1[89]\d\d|20\d\d|21\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_NUMWORD = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1}
_NUM = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
_REL = r"(?:this|last|next|previous|past|coming|current)"
_YEARREF = rf"(?:{_YEAR}|the year|this year|last year|next year|the previous year|the same year)"

# One alternation, each branch a named group; order = priority (longest first).
_GRAMMAR = [
    ("iso_day", r"\b(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})\b"),
    ("month_range", rf"\b(?:from\s+)?(?P<mr1>{_MONTH})\s*(?:to|through|until|-|–|—)\s*(?P<mr2>{_MONTH})"
                    rf"(?:,?\s+(?P<mry>{_YEAR}))?"),
    ("mdy", rf"\b(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}),?\s+(?P<y1>{_YEAR})\b"),
    ("dmy", rf"\b(?P<d2>{_DAY})\s+(?P<m2>{_MONTH}),?\s+(?P<y2>{_YEAR})\b"),
    ("year_range", rf"\b(?:(?P<yrl>between|from)\s+)?(?P<yr1>{_YEAR})\s*(?:-|–|—|to|and|through)\s*"
                   rf"(?P<yr2>{_YEAR}|\d\d)\b(?!\s*(?:%|percent|per cent))"),
    ("quarter_y", rf"\b(?:(?P<qm>the\s+(?:end|start|beginning|middle)\s+of\s+)?the\s+)?(?P<qf>fiscal\s+)?"
                  rf"(?P<qo>first|second|third|fourth|1st|2nd|3rd|4th)(?:[-\s]quarter)\s*"
                  rf"(?:of\s+(?:the\s+)?(?:fiscal\s+)?(?:year\s+)?(?P<qy>{_YEARREF})|(?P<qy2>{_YEAR}))?"),
    ("quarters_n", rf"\b(?:in\s+)?the\s+(?:first|past|last)\s+(?P<qn>two|three)\s+quarters"
                   rf"(?:\s+of\s+(?P<qny>{_YEARREF}))?"),
    ("q_code", rf"\b(?P<qf2>fiscal\s+)?Q(?P<qc>[1-4])(?:\s*(?:of\s+)?(?:FY\s?)?(?P<qcy>{_YEAR}|'\d\d|\d\d\b))?\b"),
    ("q_short", r"\b(?P<qs>[1-4])Q(?P<qsy>\d\d)\b"),
    ("half", rf"\b(?:the\s+)?(?P<ho>first|second)\s+half(?:\s+of\s+(?:fiscal\s+)?(?:year\s+)?(?P<hy>{_YEARREF}))?"),
    ("h_code", rf"\bH(?P<hc>[12])\s*(?P<hcy>{_YEAR}|'?\d\d\b)?"),
    ("fiscal", rf"\b(?:(?P<fw>fiscal(?:\s+year)?)\s+(?P<fy>{_YEAR}|'?\d\d\b)|(?P<fy2>FY\s?'?(?:{_YEAR}|\d\d))\b)"),
    ("modified", rf"\b(?:(?:the\s+)?(?P<mw>end|start|beginning|middle|close|turn)\s+of\s+(?:the\s+)?"
                 rf"|(?P<mp>early|mid|late)[-\s])(?P<mt>(?:{_MONTH}\s+)?{_YEAR}|{_MONTH}|this year|last year|next year"
                 rf"|the year|this month|last month|next month)\b"),
    ("season", rf"\b(?:(?P<sm>early|late|mid)[-\s])?(?P<sn>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<sy>{_YEAR})\b"),
    ("decade", r"\b(?:the\s+)?(?:(?P<dm>early|mid|late)[-\s])?(?P<dc>1[89]\d0|20\d0)s\b"),
    ("past_n", rf"\b(?:over\s+|in\s+|during\s+)?the\s+(?:past|last|previous)\s+(?P<pn>{_NUM}|few|several)\s+"
               rf"(?P<pu>years|months|decades|weeks|days|quarters)\b"),
    ("past_decade", r"\b(?:over\s+|in\s+)?the\s+(?:past|last|previous)\s+(?P<pd>decade|year|month|century)\b"),
    ("ytd", r"\b(?:year[-\s]to[-\s]date|so far this year|YTD)\b"),
    ("first_months", rf"\b(?:in\s+)?the\s+first\s+(?P<fmn>{_NUM})\s+months(?:\s+of\s+(?P<fmy>{_YEARREF}))?"),
    ("since", rf"\bsince\s+(?P<sinm>{_MONTH}\s+)?(?P<siny>{_YEAR})\b"),
    ("month_year", rf"\b(?P<my_m>{_MONTH}),?\s+(?P<my_y>{_YEAR})\b"),
    ("month_day", rf"\b(?P<md_m>{_MONTH})\s+(?P<md_d>{_DAY})\b(?!\s*(?:,\s*)?\d)"),
    ("ago", rf"\b(?P<an>{_NUM}|a|an)\s+(?P<au>years?|months?|weeks?|days?|decades?)\s+(?:ago|earlier|before)\b"),
    ("relative", rf"\b(?P<rw>{_REL})\s+(?P<ru>year|month|quarter|week)\b(?!\s*(?:-|on|'s))"),
    ("earlier_this", r"\b(?P<ew>earlier|later)\s+(?P<eu>this|last|next)\s+(?P<eu2>year|month|week)\b"),
    ("day_words", r"\b(?P<dw>yesterday|today|tomorrow)\b"),
    ("weekday", r"\b(?:on\s+|last\s+|this\s+|next\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    ("recent", r"\b(?P<rc>recent\s+(?:years|months|weeks|decades)|in\s+recent\s+times)\b"),
    ("month_only", rf"\b(?P<mo>(?:January|February|March|April|June|July|August|September|October|November|December))\b"),
    ("year", rf"(?<![\d,.$€£¥#/-])\b(?P<yy>{_YEAR})\b(?![\d,]|\.\d|\s*(?:%|percent|per cent|-|–)\s*\d)"),
]
_PATTERN = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in _GRAMMAR), re.IGNORECASE)
# Case-sensitive checks: a capitalized month name; "May" only with a day or year.
_CASED_MONTH = re.compile(_MONTH)


@dataclass
class DateFound:
    """A time expression with its normalized value."""

    start: int
    end: int
    text: str
    value: str | None
    start_date: str | None = None
    end_date: str | None = None
    granularity: str | None = None
    mod: str | None = None
    relative: bool = False
    fiscal: bool = False
    explicit_year: int | None = None
    explicit_day: str | None = None
    extra: dict[str, object] = field(default_factory=dict)

    def fields(self) -> dict[str, object]:
        return {"value": self.value, "start_date": self.start_date, "end_date": self.end_date,
                "granularity": self.granularity, "mod": self.mod, "relative": self.relative,
                "fiscal": self.fiscal}


@dataclass(frozen=True)
class Reference:
    """The reference date, possibly partial (year only, year-month)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> Reference:
        if not value:
            return cls()
        parts = [int(p) for p in value.split("-")[:3]]
        return cls(*parts)  # type: ignore[arg-type]

    @property
    def date(self) -> dt.date | None:
        if self.year and self.month and self.day:
            return dt.date(self.year, self.month, self.day)
        return None


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _month_span(y: int, m1: int, m2: int | None = None) -> tuple[str, str]:
    m2 = m2 or m1
    return f"{y:04d}-{m1:02d}-01", f"{y:04d}-{m2:02d}-{_last_day(y, m2):02d}"


def _month_num(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _year(text: str | None, ref: Reference) -> tuple[int | None, bool]:
    """A year phrase -> (year, relative?)."""
    if not text:
        return ref.year, True
    t = text.lower().strip()
    if re.fullmatch(r"\d{4}", t):
        return int(t), False
    if re.fullmatch(r"'?\d\d", t):
        return 2000 + int(t.strip("'")), False
    if ref.year is None:
        return None, True
    if t in ("this year", "the year", "the same year"):
        return ref.year, True
    if t in ("last year", "the previous year"):
        return ref.year - 1, True
    if t == "next year":
        return ref.year + 1, True
    return None, True


def _narrow(start: str, end: str, mod: str | None) -> tuple[str, str]:
    """Narrow an inclusive interval to its first/middle/last third (see module doc)."""
    if mod is None:
        return start, end
    a, b = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    if a.month == 1 and b.month == 12 and a.year == b.year:
        bounds = {"start": (1, 4), "mid": (5, 8), "end": (9, 12)}[mod]
        return _month_span(a.year, *bounds)
    if a.year == b.year and a.month == b.month:
        last = b.day
        lo, hi = {"start": (1, 10), "mid": (11, 20), "end": (21, last)}[mod]
        return f"{a.year:04d}-{a.month:02d}-{lo:02d}", f"{a.year:04d}-{a.month:02d}-{hi:02d}"
    days = (b - a).days + 1
    third = days // 3
    if mod == "start":
        return start, (a + dt.timedelta(days=third - 1)).isoformat()
    if mod == "mid":
        return (a + dt.timedelta(days=third)).isoformat(), (a + dt.timedelta(days=2 * third - 1)).isoformat()
    return (b - dt.timedelta(days=third - 1)).isoformat(), end


def _num(text: str) -> int | None:
    t = text.lower()
    if t.isdigit():
        return int(t)
    return _NUMWORD.get(t)


@lru_cache(maxsize=1)
def _dateparser():
    """The process-wide DateDataParser (fixed settings; never the machine clock's timezone)."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": True, "TIMEZONE": "UTC",
        "TO_TIMEZONE": "UTC", "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["custom-formats", "absolute-time"], "REQUIRE_PARTS": ["day", "month", "year"],
        "RELATIVE_BASE": dt.datetime(2000, 1, 1)})


def _parse_day(text: str) -> str | None:
    data = _dateparser().get_date_data(text)
    return data.date_obj.date().isoformat() if data and data.date_obj else None


def _resolve(kind: str, g: dict[str, str | None], ref: Reference, text: str) -> DateFound | None:
    """Normalize one match of the grammar."""
    f = DateFound(0, 0, text, None)
    if kind in ("iso_day", "mdy", "dmy"):
        day = _parse_day(re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text))
        if day is None:
            return None
        f.value = f.start_date = f.end_date = day
        f.granularity = "day"
        f.explicit_year, f.explicit_day = int(day[:4]), day
        return f
    if kind == "month_year":
        y, m = int(g["my_y"] or 0), _month_num(g["my_m"] or "")
        f.value = f"{y:04d}-{m:02d}"
        f.start_date, f.end_date = _month_span(y, m)
        f.granularity, f.explicit_year = "month", y
        return f
    if kind == "month_range":
        m1, m2 = _month_num(g["mr1"] or ""), _month_num(g["mr2"] or "")
        y, rel = _year(g["mry"], ref)
        f.relative = rel
        f.granularity = "month"
        if y is None:
            f.value = f"XXXX-{m1:02d}/XXXX-{m2:02d}"
            return f
        y1 = y - 1 if m1 > m2 else y
        f.value = f"{y1:04d}-{m1:02d}/{y:04d}-{m2:02d}"
        f.start_date = _month_span(y1, m1)[0]
        f.end_date = _month_span(y, m2)[1]
        if not rel:
            f.explicit_year = y
        return f
    if kind == "year_range":
        y1 = int(g["yr1"] or 0)
        y2s = g["yr2"] or ""
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if y2 <= y1 or y2 - y1 > 200:
            return None
        f.value = f"{y1}/{y2}"
        f.start_date, f.end_date = f"{y1:04d}-01-01", f"{y2:04d}-12-31"
        f.granularity, f.explicit_year = "year", y2
        return f
    if kind in ("quarter_y", "q_code", "q_short"):
        if kind == "quarter_y":
            q = _ORD[(g["qo"] or "").lower()]
            yt = g["qy"] or g["qy2"]
            fiscal = bool(g["qf"]) or "fiscal" in text.lower()
            mod_word = g["qm"]
        elif kind == "q_code":
            q, yt, fiscal, mod_word = int(g["qc"] or 0), g["qcy"], bool(g["qf2"]) or "FY" in text, None
        else:
            q, yt, fiscal, mod_word = int(g["qs"] or 0), g["qsy"], False, None
        y, rel = _year(yt, ref)
        f.granularity, f.relative, f.fiscal = "quarter", rel, fiscal
        if mod_word:
            f.mod = {"end": "end", "close": "end", "start": "start", "beginning": "start", "middle": "mid"}[
                mod_word.split()[1].lower()]
        if fiscal:
            f.value = text.strip()
            return f
        if y is None:
            f.value = f"XXXX-Q{q}"
            return f
        f.value = f"{y:04d}-Q{q}"
        f.start_date, f.end_date = _month_span(y, 3 * q - 2, 3 * q)
        if f.mod:
            f.start_date, f.end_date = _narrow(f.start_date, f.end_date, f.mod)
        if not rel:
            f.explicit_year = y
        return f
    if kind == "quarters_n":
        n = _num(g["qn"] or "") or 0
        y, rel = _year(g["qny"], ref)
        f.granularity, f.relative = "quarter", rel
        if y is None:
            return f
        f.value = f"{y:04d}-Q1/{y:04d}-Q{n}"
        f.start_date, f.end_date = _month_span(y, 1, 3 * n)
        return f
    if kind == "first_months":
        n = _num(g["fmn"] or "") or 0
        if not 1 <= n <= 12:
            return None
        y, rel = _year(g["fmy"], ref)
        f.granularity, f.relative = "month", rel
        if y is None:
            return f
        f.value = f"{y:04d}-01/{y:04d}-{n:02d}"
        f.start_date, f.end_date = _month_span(y, 1, n)
        return f
    if kind in ("half", "h_code"):
        h = 1 if (g.get("ho") or "").lower() == "first" or g.get("hc") == "1" else 2
        y, rel = _year(g.get("hy") or g.get("hcy"), ref)
        f.granularity, f.relative = "half", rel
        if y is None:
            f.value = f"XXXX-H{h}"
            return f
        f.value = f"{y:04d}-H{h}"
        f.start_date, f.end_date = _month_span(y, 1, 6) if h == 1 else _month_span(y, 7, 12)
        if not rel:
            f.explicit_year = y
        return f
    if kind == "fiscal":
        f.value = " ".join(text.split())
        f.fiscal = True
        f.granularity = "year"
        return f
    if kind == "modified":
        mw = (g["mw"] or g["mp"] or "").lower()
        mod = {"end": "end", "close": "end", "late": "end", "start": "start", "beginning": "start",
               "early": "start", "turn": "start", "middle": "mid", "mid": "mid"}[mw]
        target = g["mt"] or ""
        inner = find_dates(target, reference=ref)
        if not inner or inner[0].start_date is None and inner[0].value is None:
            return None
        base = inner[0]
        f.value, f.granularity, f.relative = base.value, base.granularity, base.relative
        f.explicit_year = base.explicit_year
        f.mod = mod
        if base.start_date and base.end_date:
            f.start_date, f.end_date = _narrow(base.start_date, base.end_date, mod)
        return f
    if kind == "season":
        y = int(g["sy"] or 0)
        m1, m2 = _SEASONS[(g["sn"] or "").lower()]
        y2 = y + 1 if m1 > m2 else y
        f.value = f"{y:04d}-{m1:02d}/{y2:04d}-{m2:02d}"
        f.start_date, f.end_date = _month_span(y, m1)[0], _month_span(y2, m2)[1]
        f.granularity, f.explicit_year = "season", y
        return f
    if kind == "decade":
        d = int(g["dc"] or 0)
        f.value = f"{d}/{d + 9}"
        f.start_date, f.end_date = f"{d:04d}-01-01", f"{d + 9:04d}-12-31"
        f.granularity = "decade"
        if g["dm"]:
            f.mod = {"early": "start", "mid": "mid", "late": "end"}[(g["dm"] or "").lower()]
            lo, hi = {"start": (0, 3), "mid": (4, 6), "end": (7, 9)}[f.mod]
            f.start_date, f.end_date = f"{d + lo:04d}-01-01", f"{d + hi:04d}-12-31"
        return f
    if kind in ("past_n", "past_decade", "ytd", "since", "ago", "relative", "earlier_this", "day_words",
                "weekday", "recent"):
        f.relative = kind not in ("since",)
        return _relative(kind, g, ref, f, text)
    if kind == "month_day":
        y = ref.year
        m, d = _month_num(g["md_m"] or ""), int(re.sub(r"\D", "", g["md_d"] or "0"))
        f.relative, f.granularity = True, "day"
        if y is None or d > _last_day(y, m):
            f.value = f"XXXX-{m:02d}-{d:02d}"
            return f
        f.value = f.start_date = f.end_date = f"{y:04d}-{m:02d}-{d:02d}"
        return f
    if kind == "month_only":
        m = _month_num(g["mo"] or "")
        f.relative, f.granularity = True, "month"
        if ref.year is None:
            f.value = f"XXXX-{m:02d}"
            return f
        y = ref.year - 1 if ref.month and m > ref.month else ref.year
        f.value = f"{y:04d}-{m:02d}"
        f.start_date, f.end_date = _month_span(y, m)
        return f
    if kind == "year":
        y = int(g["yy"] or 0)
        f.value, f.granularity, f.explicit_year = f"{y:04d}", "year", y
        f.start_date, f.end_date = f"{y:04d}-01-01", f"{y:04d}-12-31"
        return f
    return None


def _relative(kind: str, g: dict[str, str | None], ref: Reference, f: DateFound, text: str) -> DateFound:
    rdate = ref.date
    if kind == "recent":
        return f
    if kind == "since":
        y = int(g["siny"] or 0)
        m = _month_num(g["sinm"].strip()) if g["sinm"] else 1
        f.granularity = "month" if g["sinm"] else "year"
        f.start_date = f"{y:04d}-{m:02d}-01"
        f.explicit_year = y
        end = rdate.isoformat() if rdate else (f"{ref.year:04d}-12-31" if ref.year else None)
        f.end_date = end
        start_val = f"{y:04d}-{m:02d}" if g["sinm"] else f"{y:04d}"
        f.value = f"{start_val}/{end}" if end else f"{start_val}/.."
        f.relative = end is not None
        return f
    if kind == "ytd":
        f.granularity = "day"
        if ref.year is None:
            return f
        f.start_date = f"{ref.year:04d}-01-01"
        f.end_date = rdate.isoformat() if rdate else None
        f.value = f"{ref.year:04d}-01-01/{f.end_date}" if f.end_date else f"{ref.year:04d}"
        return f
    if kind in ("past_n", "past_decade"):
        if kind == "past_decade":
            unit = (g["pd"] or "").lower()
            n = 1
            if unit == "decade":
                unit, n = "years", 10
            elif unit == "century":
                unit, n = "years", 100
            else:
                unit += "s"
        else:
            unit = (g["pu"] or "").lower()
            n = _num(g["pn"] or "") or 0
            if unit == "decades":
                unit, n = "years", n * 10
        if not n or ref.year is None:
            return f
        f.granularity = "year" if unit == "years" else "month" if unit == "months" else "day"
        if unit == "years":
            # the last n whole years up to the reference year (inclusive)
            f.start_date = f"{ref.year - n + 1:04d}-01-01"
            f.end_date = rdate.isoformat() if rdate else f"{ref.year:04d}-12-31"
            f.value = f"{ref.year - n + 1:04d}/{ref.year:04d}"
        elif unit == "months" and rdate:
            total = rdate.year * 12 + rdate.month - 1 - n
            start = dt.date(total // 12, total % 12 + 1, 1)
            f.start_date, f.end_date = start.isoformat(), rdate.isoformat()
            f.value = f"{start:%Y-%m}/{rdate:%Y-%m}"
        elif rdate:
            days = {"weeks": 7, "days": 1, "quarters": 91}.get(unit, 1) * n
            f.start_date, f.end_date = (rdate - dt.timedelta(days=days)).isoformat(), rdate.isoformat()
            f.value = f"{f.start_date}/{f.end_date}"
        return f
    if kind == "ago":
        n = _num(g["an"] or "") or 0
        unit = (g["au"] or "").lower().rstrip("s")
        if unit == "decade":
            unit, n = "year", n * 10
        if unit == "year" and ref.year:
            y = ref.year - n
            f.value, f.granularity = f"{y:04d}", "year"
            f.start_date, f.end_date = f"{y:04d}-01-01", f"{y:04d}-12-31"
        elif unit == "month" and ref.year and ref.month:
            total = ref.year * 12 + ref.month - 1 - n
            y, m = total // 12, total % 12 + 1
            f.value, f.granularity = f"{y:04d}-{m:02d}", "month"
            f.start_date, f.end_date = _month_span(y, m)
        elif rdate:
            day = rdate - dt.timedelta(days=n * (7 if unit == "week" else 1))
            f.value = f.start_date = f.end_date = day.isoformat()
            f.granularity = "day"
        return f
    if kind in ("relative", "earlier_this"):
        word = (g.get("rw") or g.get("eu") or "").lower()
        unit = (g.get("ru") or g.get("eu2") or "").lower()
        shift = {"this": 0, "current": 0, "coming": 1, "next": 1, "last": -1, "previous": -1, "past": -1}[word]
        f.granularity = unit
        if unit == "year" and ref.year:
            y = ref.year + shift
            f.value = f"{y:04d}"
            f.start_date, f.end_date = f"{y:04d}-01-01", f"{y:04d}-12-31"
        elif unit == "month" and ref.year and ref.month:
            total = ref.year * 12 + ref.month - 1 + shift
            y, m = total // 12, total % 12 + 1
            f.value = f"{y:04d}-{m:02d}"
            f.start_date, f.end_date = _month_span(y, m)
        elif unit == "quarter" and ref.year and ref.month:
            q0 = ref.year * 4 + (ref.month - 1) // 3 + shift
            y, q = q0 // 4, q0 % 4 + 1
            f.value = f"{y:04d}-Q{q}"
            f.start_date, f.end_date = _month_span(y, 3 * q - 2, 3 * q)
        elif unit == "week" and rdate:
            monday = rdate - dt.timedelta(days=rdate.weekday()) + dt.timedelta(weeks=shift)
            iso = monday.isocalendar()
            f.value = f"{iso[0]:04d}-W{iso[1]:02d}"
            f.start_date, f.end_date = monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
        if kind == "earlier_this" and f.start_date and rdate and word == "this":
            f.end_date = min(f.end_date or rdate.isoformat(), rdate.isoformat())
        return f
    if kind == "day_words":
        f.granularity = "day"
        if rdate:
            shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[(g["dw"] or "").lower()]
            f.value = f.start_date = f.end_date = (rdate + dt.timedelta(days=shift)).isoformat()
        return f
    if kind == "weekday":
        f.granularity = "day"
        wd = _WEEKDAYS[(g["wd"] or "").lower()]
        if rdate:
            lead = text.lower().split()[0]
            back = (rdate.weekday() - wd) % 7
            day = rdate - dt.timedelta(days=back)
            if lead == "next":
                day = rdate + dt.timedelta(days=(wd - rdate.weekday()) % 7 or 7)
            elif lead == "last" and back == 0:
                day = rdate - dt.timedelta(days=7)
            f.value = f.start_date = f.end_date = day.isoformat()
        return f
    return f


def find_dates(text: str, *, reference: Reference | None = None) -> list[DateFound]:
    """Every time expression in ``text``, resolved against ``reference``.

    >>> [(d.text, d.value) for d in find_dates("From January to November, output rose.",
    ...                                         reference=Reference(2025))]
    [('From January to November', '2025-01/2025-11')]
    >>> [(d.text, d.value, d.mod, d.end_date) for d in find_dates("by the end of 2025")]
    [('the end of 2025', '2025', 'end', '2025-12-31')]
    """
    ref = reference or Reference()
    out: list[DateFound] = []
    for m in _PATTERN.finditer(text):
        kind = m.lastgroup
        if kind is None:
            continue
        # the named group of the branch is the outermost one that matched
        for name, _rx in _GRAMMAR:
            if m.group(name) is not None:
                kind = name
                break
        mtext = m.group()
        if kind in ("month_only", "month_day", "month_range", "month_year", "mdy") and \
                not _CASED_MONTH.search(mtext):
            continue  # "may", "march" as verbs: months are written capitalized
        if kind == "month_only" and re.search(r"\bMay\b", mtext):
            continue
        found = _resolve(kind, m.groupdict(), ref, mtext)
        if found is None:
            continue
        lead = re.match(r"(?:from|in|on|over|during|between)\s+", mtext, re.IGNORECASE)
        start = m.start() + (lead.end() if lead and kind not in ("month_range", "year_range") else 0)
        if kind == "year_range" and not m.group("yrl"):
            start = m.start()
        if kind == "month_range" and mtext.lower().startswith("from"):
            start = m.start()
        found.start, found.end = start, m.end()
        found.text = text[start:m.end()]
        out.append(found)
    return out
