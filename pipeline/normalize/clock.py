"""Clock times: times of day in text ("3 p.m. ET", "18:30 GMT", "midnight"), which four-digit
numbers are times of day, and time zones. Pure functions.

A newswire writes 24-hour times without a colon ("at 1830 GMT", "by 1900 GMT"),
which read like the years 1830 and 1900. A four-digit number HHMM (hours 00-23,
minutes 00-59) is a clock time when a time zone follows it ("1830 GMT", "0600
local time"), or when it follows a preposition of time and "hours" follows it
("at 2100 hours"). Zone abbreviations and their offsets come from dateparser's
table, less the ones news uses for other things (see
:mod:`pipeline.lexicons.clock`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.lexicons.clock import (
    CLOCK_HOURS,
    CLOCK_PREPOSITIONS,
    CLOCK_WORDS,
    GENERIC_ZONES,
    LOCAL_TIME,
    NOT_ZONES,
)


@lru_cache(maxsize=1)
def zone_offsets() -> dict[str, int]:
    """Time-zone abbreviation -> UTC offset in seconds ("GMT" -> 0, "ET" -> -18000)."""
    from dateparser.timezones import timezone_info_list

    out: dict[str, int] = {}
    for info in timezone_info_list:
        for name, offset in info["timezones"]:
            if name.isalpha() and name.isupper() and name not in NOT_ZONES:
                out.setdefault(name, offset)
    return out


@lru_cache(maxsize=1)
def _zone_after() -> re.Pattern[str]:
    zones = "|".join(sorted(zone_offsets(), key=len, reverse=True))
    local = "|".join(re.escape(w) for w in LOCAL_TIME)
    return re.compile(rf"\s*(?:(?:{zones})(?:\s*[+-]\s*\d{{1,2}}(?::?\d\d)?)?\b|\((?:{zones})\)|(?:{local})\b)")


_HOURS_AFTER = re.compile(r"\s*(?:" + "|".join(re.escape(w) for w in CLOCK_HOURS) + r")(?!\w)")
_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def is_clock_digits(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, four digits, is a 24-hour clock time by its context.

    >>> is_clock_digits("closed at 1830 GMT", 10, 14), is_clock_digits("built in 1830.", 9, 13)
    (True, False)
    >>> is_clock_digits("at 2100 hours", 3, 7), is_clock_digits("1900 hours of overtime", 0, 4)
    (True, False)
    """
    digits = text[start:end]
    if len(digits) != 4 or not digits.isdigit() or int(digits[:2]) > 23 or int(digits[2:]) > 59:
        return False
    if _zone_after().match(text, end):
        return True
    before = _WORD_BEFORE.search(text[max(0, start - 12):start])
    return bool(before and before.group(1).lower() in CLOCK_PREPOSITIONS and _HOURS_AFTER.match(text, end))


@dataclass(frozen=True)
class ClockTime:
    """A time of day found in text: its span, hour and minute (24-hour clock), and its zone as
    an IANA name or a UTC offset ("+08:00"), or None when the text states none."""

    start: int
    end: int
    hour: int
    minute: int
    tz: str | None = None

    @property
    def iso(self) -> str:
        return f"{self.hour:02d}:{self.minute:02d}"


_AMPM = r"(?P<ap>[ap])(?:\.\s?m\b\.?|\s?m\b)"  # "p.m." keeps its point, "pm." leaves the full stop
_TIMES = re.compile(
    r"(?<![\w:.,$\u00a3\u20ac/-])(?:"
    rf"(?P<h1>[01]?\d|2[0-3])[:.](?P<m1>[0-5]\d)(?![\d.,:])(?:\s*{_AMPM})?"  # 18:30, 3:30 p.m., 9.30am
    r"|(?P<h2>1[0-2]|0?[1-9])\s*(?P<ap2>[ap])(?:\.\s?m\b\.?|\s?m\b)"  # 3 p.m., 8am
    r"|(?P<h3>[01]\d|2[0-3])(?P<m3>[0-5]\d)(?=\s)"  # 1830 (only before a zone or "hours", below)
    r"|(?P<word>noon|midday|midnight)\b"
    r")", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(r"\b(?:at|by|from|until|till|before|after|around|about|to|between|since)\s+$",
                                 re.IGNORECASE)


@lru_cache(maxsize=1)
def _zone_tail() -> re.Pattern[str]:
    zones = "|".join(sorted(zone_offsets(), key=len, reverse=True))
    return re.compile(rf"\s*(?:\(\s*)?(?P<zone>{zones})(?:\s*(?P<sign>[+-])\s*(?P<oh>\d{{1,2}})(?::?(?P<om>\d\d))?)?"
                      r"(?:\s*\))?\b|\s*(?P<local>local\s+time)\b")


def _offset(seconds: int) -> str:
    sign = "-" if seconds < 0 else "+"
    seconds = abs(seconds)
    return f"{sign}{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"


def _zone(match: re.Match[str]) -> str | None:
    zone = match.group("zone")
    if zone is None:
        return None  # "local time": the zone of the place, not stated
    if match.group("sign"):  # "GMT+8", "UTC-05:30"
        seconds = int(match.group("oh")) * 3600 + int(match.group("om") or 0) * 60
        return _offset(zone_offsets()[zone] + (seconds if match.group("sign") == "+" else -seconds))
    return GENERIC_ZONES.get(zone) or _offset(zone_offsets()[zone])


def find_times(text: str) -> list[ClockTime]:
    """Times of day in ``text``, with the zone written after them.

    "9.30" is a time only with "a.m."/"p.m.", a zone or "hours" after it ("rose to 1.27
    billion" is a number); "18:30" also after a preposition of time ("at 18:30"); four
    digits only as :func:`is_clock_digits`.

    >>> [(t.iso, t.tz) for t in find_times("at 3 p.m. ET on Tuesday, 18:30 GMT, midnight, 0600 GMT+8")]
    [('15:00', 'America/New_York'), ('18:30', '+00:00'), ('00:00', None), ('06:00', '+08:00')]
    >>> find_times("Shares rose 9.30 percent to 1.27 billion; the ratio was 3:1; in 1830 the town grew.")
    []
    """
    out: list[ClockTime] = []
    for m in _TIMES.finditer(text):
        end = m.end()
        zone = _zone_tail().match(text, end)
        tz = _zone(zone) if zone else None
        if m.group("word"):
            hour, minute = CLOCK_WORDS[m.group("word").lower()]
        elif m.group("h3"):
            if not is_clock_digits(text, m.start(), m.end()):
                continue
            hour, minute = int(m.group("h3")), int(m.group("m3"))
        else:
            hour = int(m.group("h1") or m.group("h2"))
            minute = int(m.group("m1") or 0)
            ap = (m.group("ap") or m.group("ap2") or "").lower()
            if ap == "p" and hour < 12:
                hour += 12
            elif ap == "a" and hour == 12:
                hour = 0
            colon = ":" in m.group()
            if m.group("h1") and not ap and not zone and not _HOURS_AFTER.match(text, end) and \
                    not (colon and _PREPOSITION_BEFORE.search(text[max(0, m.start() - 9):m.start()])):
                continue  # "9.30", "rose to 1.27 billion", "18:30" alone: a number or a score, not a time
            if ap and m.group("h1") and hour > 23:
                continue
        if zone:
            end = zone.end()
        out.append(ClockTime(m.start(), end, hour, minute, tz))
    return out
