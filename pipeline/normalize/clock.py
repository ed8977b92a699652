"""Clock times: which four-digit numbers are times of day, and time-zone offsets. Pure functions.

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
from functools import lru_cache

from pipeline.lexicons.clock import CLOCK_HOURS, CLOCK_PREPOSITIONS, LOCAL_TIME, NOT_ZONES


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
