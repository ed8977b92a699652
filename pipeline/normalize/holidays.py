"""Holiday names -> their days in a Gregorian year. Pure functions.

The names and rules are data (:mod:`pipeline.lexicons.holidays`, and every name
of the ``holidays`` package's country calendars in ``holiday_names.json``); the
calendars come from libraries: dateutil (Western and Orthodox Easter), convertdate
(the Hebrew calendar, exact arithmetic) and the ``holidays`` package (its country
calendars, and its tables of Islamic (Umm al-Qura), Hindu and Chinese lunisolar
festival dates).

>>> occurrences("Thanksgiving", 2013)
[(datetime.date(2013, 11, 28), datetime.date(2013, 11, 28))]
>>> occurrences("rosh hashanah", 2018)  # from its eve to its second day
[(datetime.date(2018, 9, 9), datetime.date(2018, 9, 11))]
>>> occurrences("Ramadan", 2018)
[(datetime.date(2018, 5, 16), datetime.date(2018, 6, 14))]
>>> occurrences("Anzac Day", 2024)  # a country calendar's name (Australia's)
[(datetime.date(2024, 4, 25), datetime.date(2024, 4, 25))]
>>> occurrences("no such day", 2018)
[]
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from convertdate import hebrew as hebrew_calendar
from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

from pipeline.lexicons import holiday_names
from pipeline.lexicons.holidays import HOLIDAYS, NEEDS_YEAR, NEEDS_YEAR_OR_CAPITAL, Rule

Span = tuple[dt.date, dt.date]
_DAY = dt.timedelta(days=1)


def key(name: str) -> str:
    """The lookup form of a holiday name: lower-case letters and digits only."""
    return re.sub(r"[\W_]+", "", name.lower())


# The hand-written rules, then every other name of the country calendars (a name the rules
# hold keeps its rule: they give festivals their spans and Jewish holidays their eves).
_RULES = {key(name): rule for name, rule in HOLIDAYS.items()}
_COUNTRY_NAMES = {name: country for name, country in holiday_names.load()["names"].items() if key(name) not in _RULES}
NAMES = sorted(HOLIDAYS) + sorted(_COUNTRY_NAMES)
_RULES.update({key(name): Rule("country", (country, name)) for name, country in _COUNTRY_NAMES.items()})
# A calendar's name ("Family Day", "Carnival", "Sports Day") is a holiday only when written
# as a name (with a capital) or with a year, as news writes holidays.
_NEEDS_YEAR_OR_CAPITAL = {key(name) for name in NEEDS_YEAR_OR_CAPITAL} | {key(name) for name in _COUNTRY_NAMES}
_NEEDS_YEAR = {key(name) for name in NEEDS_YEAR}


def name_pattern() -> str:
    """A regex alternation of every holiday name, longest first (see the lexicon's doc).

    The names are grouped by their first letter ("c(?:hinese new year|hristmas|...)"):
    two names with different first letters never match at one place, so the longest
    name that matches still wins, and the regex engine skips a group on its first letter
    instead of trying every name.
    """
    def one(name: str) -> str:
        rx = re.escape(name).replace("'", "['’]?").replace(r"\ ", r"\s+")
        return rx.replace(r"\-", r"[-\s]?")
    groups: dict[str, list[str]] = {}
    for name in sorted(NAMES, key=len, reverse=True):
        groups.setdefault(name[0], []).append(one(name[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rest)})" for first, rest in sorted(groups.items()))


def leading_words() -> set[str]:
    """One trigger word per name: the longest of its words' leading letters ("tisha b'av" ->
    "tisha"). Leading letters begin a word in every spelling the name pattern allows; the
    letters after an apostrophe or a hyphen may not ("b'av" / "bav")."""
    out = set()
    for name in NAMES:
        parts = [re.match(r"[a-z]*", word) for word in name.split()]
        out.add(max((p.group() for p in parts if p is not None), key=len))
    return out


def first_words() -> set[str]:
    """The first word (letters, digits) of every name: where a holiday match may begin. A
    first word with an apostrophe or hyphen gives its leading letters and its letters run
    together, the words the name pattern's spellings begin with ("king's" -> "king", "kings")."""
    out = set()
    for name in NAMES:
        first = name.split()[0]
        out |= {re.match(r"\w*", first).group(), re.sub(r"\W", "", first)}  # type: ignore[union-attr]
    return out


def needs_year_or_capital(name: str) -> bool:
    """True for names that are also common words ("lent"): see the lexicon."""
    return key(name) in _NEEDS_YEAR_OR_CAPITAL


def needs_year(name: str) -> bool:
    """True for names that are also given names ("Rakhi"): see the lexicon."""
    return key(name) in _NEEDS_YEAR


def is_holiday(name: str) -> bool:
    return key(name) in _RULES


def occurrences(name: str, year: int) -> list[Span]:
    """The holiday's inclusive day spans that begin in ``year`` (sorted; usually one, an
    Islamic holiday now and then two; none for an unknown name or a year its table lacks)."""
    rule = _RULES.get(key(name))
    if rule is None:
        return []
    try:
        return sorted(_spans(rule, year))
    except (ValueError, OverflowError):
        return []


def _spans(rule: Rule, year: int) -> list[Span]:
    kind, args, days = rule
    length = dt.timedelta(days=days - 1)
    if kind in ("fixed", "observed", "not_sunday"):
        m, d = int(args[0]), int(args[1])
        day = dt.date(year, m, d)
        if kind == "observed" and day.weekday() >= 5:
            day += dt.timedelta(days=-1 if day.weekday() == 5 else 1)
        elif kind == "not_sunday" and day.weekday() == 6:
            day -= _DAY
        return [(day, day)]
    if kind == "weekday":
        month, weekday, n, after = (int(a) for a in args)
        first = dt.date(year, month, 1)
        day = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
        days_in = [day + dt.timedelta(weeks=k) for k in range(5) if (day + dt.timedelta(weeks=k)).month == month]
        day = (days_in[n - 1] if n > 0 else days_in[n]) + dt.timedelta(days=after)
        return [(day, day)]
    if kind in ("easter", "orthodox"):
        day = easter(year, EASTER_ORTHODOX if kind == "orthodox" else EASTER_WESTERN) + dt.timedelta(days=int(args[0]))
        return [(day, day + length)]
    if kind == "hebrew":
        first = _hebrew_day(year, int(args[0]), int(args[1]), str(args[2]))
        return [(first - _DAY, first + length)]
    if kind == "islamic":
        return _table_spans(_islamic(), year, str(args[0]), int(args[1]), str(args[2]), length)
    if kind == "hindu":
        return _table_spans(_hindu(), year, str(args[0]), int(args[1]), str(args[2]), length)
    if kind == "chinese":
        return _table_spans(_chinese(), year, str(args[0]), int(args[1]), "", length)
    if kind == "country":
        return _country_spans(str(args[0]), str(args[1]), year)
    raise ValueError(f"unknown holiday calendar {kind!r}")


def _country_spans(country: str, name: str, year: int) -> list[Span]:
    """The days ``country``'s calendar gives ``name`` in ``year``, consecutive days as one span."""
    spans: list[Span] = []
    for day in _country_days(country, year).get(key(name), []):
        if spans and spans[-1][1] + _DAY == day:
            spans[-1] = (spans[-1][0], day)
        else:
            spans.append((day, day))
    return spans


@lru_cache(maxsize=256)
def _country_days(country: str, year: int) -> dict[str, list[dt.date]]:
    out: dict[str, list[dt.date]] = {}
    for day, name in holiday_names.names_by_day(country, year):
        out.setdefault(key(name), []).append(day)
    return out


def _hebrew_day(year: int, month: int, day: int, move: str) -> dt.date:
    """The Gregorian day of a Hebrew month and day in the Hebrew year that falls in ``year``."""
    hyear = year + (3761 if month in (7, 8, 9) else 3760)  # Tishrei-Kislev begin the Hebrew year
    if month == 12 and hebrew_calendar.leap(hyear):
        month = 13  # Purim is in Adar II in a leap year
    out = dt.date(*hebrew_calendar.to_gregorian(hyear, month, day))
    weekday = out.weekday()
    if move == "fast" and weekday == 5:
        out += _DAY  # a fast does not fall on the Sabbath: Tisha B'Av moves to Sunday
    elif move == "shoah" and weekday in (4, 6):
        out += _DAY if weekday == 6 else -_DAY  # Yom HaShoah: Friday -> Thursday, Sunday -> Monday
    elif move == "atzmaut" and weekday in (0, 4, 5):
        out += {0: _DAY, 4: -_DAY, 5: -2 * _DAY}[weekday]  # Yom Ha'atzmaut keeps off the Sabbath's edges
    return out


def _table_days(calendar: Any, name: str, year: int) -> list[dt.date]:
    """The days a ``holidays`` calendar table lists for ``name`` in ``year``."""
    entry = getattr(calendar, f"{name}_DATES", {}).get(year, ())
    pairs = entry if entry and isinstance(entry[0], tuple) else (entry,) if entry else ()
    return [dt.date(year, m, d) for m, d in pairs]


def _table_spans(calendar: Any, year: int, name: str, offset: int, end: str, length: dt.timedelta) -> list[Span]:
    out = []
    for day in _table_days(calendar, name, year):
        start = day + dt.timedelta(days=offset)
        if end:
            after = [d for y in (year, year + 1) for d in _table_days(calendar, end, y) if d > start]
            if not after:
                continue
            out.append((start, min(after) - _DAY))
        else:
            out.append((start, start + length))
    return out


@lru_cache(maxsize=1)
def _islamic() -> Any:
    from holidays.calendars import _IslamicLunar  # the tables behind holidays' Islamic holidays

    return _IslamicLunar()


@lru_cache(maxsize=1)
def _hindu() -> Any:
    from holidays.calendars import _HinduLunisolar

    return _HinduLunisolar()


@lru_cache(maxsize=1)
def _chinese() -> Any:
    from holidays.calendars import _ChineseLunisolar

    return _ChineseLunisolar()
