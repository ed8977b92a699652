"""Clock times: times of day in text ("3 p.m. ET", "18:30 GMT", "half past three", "8 in the
evening", "10am to 2pm"), which four-digit numbers are times of day, and time zones. Pure functions.

Each written form is a rule in :data:`pipeline.lexicons.clock.CLOCK_FORMS` with what it needs
around it to be a time. News precision first: "3 p.m." and "noon" are times on their own;
"18:30" and "15h30" (also scores, ratios and race times) only next to a day, after a
preposition of time, before a zone, with a part of the day or in a range with another time;
a bare hour ("at 8") only with a preposition and a part of the day or a zone ("at 8 in the
evening", "at 8 GMT"), after a part of the day ("tonight at 8"), after "half past", or in a
range with a time ("3-4pm") -- never "at 3" alone ("unemployment at 3"). A newswire writes
24-hour times without a colon ("at 1830 GMT"), which read like years: a four-digit HHMM is a
clock time only before a zone, or after a preposition of time and before "hours". Zone
abbreviations and their offsets come from dateparser's table, less the ones news uses for
other things (see :mod:`pipeline.lexicons.clock`).

The hour: a.m./p.m. when written; else the part of the day ("in the evening", "tonight at
8": p.m.); else a range's other end ("3-4pm", "8am until 6"); a 24-hour form, a zone or a
leading zero keep it as written; a 12-hour time with none of these is read in office hours
(1 to 6 p.m., 7 to 12 a.m.: "3 o'clock" is 15:00).
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from pipeline.lexicons.clock import (
    AFTERNOON_HOURS,
    CLOCK_FORMS,
    CLOCK_HOURS,
    CLOCK_PREPOSITIONS,
    CLOCK_WORDS,
    GENERIC_ZONES,
    HOUR_PREPOSITIONS,
    HOUR_WORDS,
    LOCAL_TIME,
    LOWERCASE_ZONES,
    MINUTE_WORDS,
    NOT_CLOCK_AFTER,
    NOT_CLOCK_BEFORE,
    NOT_ZONES,
    OFFSET_WORDS,
    PART_OF_DAY_NOUNS,
    PARTS_OF_DAY,
    ZONE_OFFSETS,
    ClockForm,
)
from pipeline.normalize.first_chars import guarded


@lru_cache(maxsize=1)
def zone_offsets() -> dict[str, int]:
    """Time-zone abbreviation -> UTC offset in seconds ("GMT" -> 0, "ET" -> -18000)."""
    from dateparser.timezones import timezone_info_list

    out: dict[str, int] = {}
    for info in timezone_info_list:
        for name, offset in info["timezones"]:
            if name.isalpha() and name.isupper() and name not in NOT_ZONES:
                out.setdefault(name, offset)
    return {**out, **ZONE_OFFSETS}


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
    next_day: bool = False
    """Midnight at the end of the night it is said with ("tonight at 12", "tonight at midnight")."""

    @property
    def iso(self) -> str:
        return f"{self.hour:02d}:{self.minute:02d}"


# -- context patterns -------------------------------------------------------------------------

_LEFT = r"(?<![\w:.,$\u00a3\u20ac/@#])"
# A time may start after a dash when what stands before it is a number or a time ("3-4pm", "1pm-2pm"),
# not a word ("COVID-19").
_DASH_AFTER_WORD = re.compile(r"[^\W\d_]-$")
_DASH_AFTER_TIME = re.compile(r"\d\s*[ap]\.?m\.?-$|\d\s*h-$", re.IGNORECASE)
# After a bare number: not a percentage, a decimal, a score or a share ("at 3%", "at 3.5", "3-1").
_NOT_AMOUNT = r"(?!\s*(?:%|percent|per\s*cent|pct\b|points?\b|pts\b|basis\b|bps\b|times\b|[xX]\b)|[.,:/]\d|\w)"
# Each form behind a lookahead for the characters it can begin with: a scan fails fast where it cannot start.


def _compile_form(form: ClockForm) -> re.Pattern[str]:
    body = f"(?:{form.pattern})"
    first = guarded(body)[:-len(body)] if guarded(body).endswith(body) else ""
    tail = _NOT_AMOUNT if form.needs == "hour" else r"(?![\w]|[.,:]\d)"
    return re.compile(first + _LEFT + body + tail, re.IGNORECASE)


_FORMS = tuple((form, _compile_form(form)) for form in CLOCK_FORMS)
_PREPOSITION_BEFORE = re.compile(r"(?:\b(?:at|by|from|until|till|before|after|around|about|to|between|since)|@)\s*$",
                                 re.IGNORECASE)
_HOUR_PREPOSITION_BEFORE = re.compile(
    r"(?:\b(?:" + "|".join(w for w in HOUR_PREPOSITIONS if w.isalpha()) + r")|@)\s*$", re.IGNORECASE)
_NOT_CLOCK_BEFORE = re.compile(rf"\b(?:{'|'.join(NOT_CLOCK_BEFORE)})\s+$", re.IGNORECASE)
_NOT_CLOCK_AFTER = re.compile(rf"\s*(?:[,;]\s*\d+:\d|:\d|\.\d|(?:{'|'.join(NOT_CLOCK_AFTER)})\b)", re.IGNORECASE)
_SCORE_LIST_BEFORE = re.compile(r"\d+:\d+\s*[,;]\s*$")
_PHRASE_END = re.compile(r"\s*(?:$|[.,;!?)]|(?:on|tomorrow|today|tonight|this)\b)", re.IGNORECASE)
_HOUR_AT = re.compile(r"(?:\b(?:at|by|until|till|from|around)|@)\s*$", re.IGNORECASE)
_PART_WORDS = "|".join(sorted(PARTS_OF_DAY, key=len, reverse=True))
_NOT_PART = "|".join(PART_OF_DAY_NOUNS)
# "8 in the evening", "5 tomorrow afternoon", "eight tonight", "3 in the AM", "11 at night": the part of
# the day after the time; "in the ..." and "at night" belong to the time's span, a day word ("tomorrow")
# is the day's and is left to it.
_PART_AFTER = re.compile(
    rf"\s*(?:(?P<own>in\s+(?:the\s+)?(?P<p1>{_PART_WORDS})|at\s+(?P<p2>night))"
    rf"|(?:(?:this|tomorrow|today|yesterday|tonight|last|[A-Za-z]+day)\s+)?(?P<p3>morning|afternoon|evening|night)"
    rf"|(?P<p4>tonight|tonite))\b(?!\s+(?:{_NOT_PART})\b)", re.IGNORECASE)
# "tonight at 8", "this morning @ 10", "Saturday morning at 9", "in the evening at eight".
_PART_BEFORE = re.compile(r"\b(?P<p>morning|afternoon|evening|night|tonight|tonite)\s*,?\s*"
                          r"(?:at|@|around|about|from|between)\s*$", re.IGNORECASE)
_MINUTES = "|".join(sorted((w.replace(" ", r"[\s-]+") for w in MINUTE_WORDS), key=len, reverse=True))
# "a quarter past 3pm", "20 minutes to 2pm", "half past three", "ten past 9": minutes before the hour.
_OFFSET_BEFORE = re.compile(
    rf"(?:\b(?P<q>(?:a\s+)?(?:quarter|half))|(?<![\w.,:])(?P<n>[1-5]?\d)|\b(?P<nw>{_MINUTES}))"
    r"(?P<unit>\s+min(?:ute)?s?)?\s+(?P<dir>past|after|to|till|before|from)\s+$", re.IGNORECASE)
_RANGE_GAP = re.compile(r"\s*(?:-|\u2013|\u2014|to|until|untill|till|through|thru)\s*|\s+and\s+", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_HOUR_BEFORE_MINUTES = re.compile(rf"(?:\b(?:{'|'.join(HOUR_WORDS)})|\d)[\s-]+$", re.IGNORECASE)
_BUT_BEFORE = re.compile(r",?\s+(?:but|and)\s+(?:before|earlier\s+than)\s+", re.IGNORECASE)
_LATER_THAN = re.compile(r"\b(?:later\s+than|after)\s+$", re.IGNORECASE)
# What may stand between a clock time and the day it is on: "3 p.m. ET on Tuesday", "9 a.m. Monday",
# "Tuesday at 3 p.m.", "midnight on Tuesday", "March 4, at 18:30 GMT", "Thursday from 9:30".
TIME_THEN_DAY = re.compile(r"\s*,?\s*(?:on\s+|this\s+)?", re.IGNORECASE)
DAY_THEN_TIME = re.compile(r"\s*,?\s*(?:(?:early\s+|late\s+)?(?:morning|afternoon|evening|night)\s*,?\s*)?"
                           r"(?:at\s+|from\s+|by\s+|around\s+|about\s+|before\s+|after\s+|between\s+|@\s*)?",
                           re.IGNORECASE)
# Before "2h05" or "15h30": a duration, not a time ("finished in 2h05", "a record of 13h15").
_DURATION_BEFORE = re.compile(r"\b(?:in|of|for|within|under|over|than|after|record|time|an?)\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _zone_tail() -> re.Pattern[str]:
    zones = "|".join(sorted(zone_offsets(), key=len, reverse=True))
    lower = "|".join(sorted(LOWERCASE_ZONES, key=len, reverse=True))
    return re.compile(rf"\s*(?:\(\s*)?(?:(?P<zone>{zones})|(?P<lzone>{lower}))"
                      r"(?:(?P<sign>[+-])(?P<oh>1[0-4]|0?\d)(?::?(?P<om>[0-5]\d))?)?"
                      r"(?:\s*\))?\b|\s*(?P<local>local\s+time)\b")


def _offset(seconds: int) -> str:
    sign = "-" if seconds < 0 else "+"
    seconds = abs(seconds)
    return f"{sign}{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"


def _zone(match: re.Match[str]) -> str | None:
    zone = match.group("zone") or (match.group("lzone") or "").upper() or None
    if zone is None:
        return None  # "local time": the zone of the place, not stated
    if match.group("sign"):  # "GMT+8", "UTC-05:30"
        seconds = int(match.group("oh")) * 3600 + int(match.group("om") or 0) * 60
        return _offset(zone_offsets()[zone] + (seconds if match.group("sign") == "+" else -seconds))
    return GENERIC_ZONES.get(zone) or _offset(zone_offsets()[zone])


# -- candidates ---------------------------------------------------------------------------------

@dataclass
class _Candidate:
    """A form matched in text, with what its context says."""

    start: int
    end: int
    hour: int
    minute: int
    needs: str
    form: str
    ap: str | None = None  # "a"/"p": written, or from a part of the day or the range's other end
    twelve: bool = False  # an hour on a 12-hour face with no a.m./p.m. (yet)
    tz: str | None = None
    zone: bool = False
    prep: bool = False  # a preposition of time or a day right before it ("at", "Thursday")
    part: str | None = None  # the half a part of the day after it gives ("in the evening": "n")
    accepted: bool = False
    next_day: bool = False


def _hour_minute(m: re.Match[str]) -> tuple[int, int]:
    groups = m.groupdict()
    if groups.get("word"):
        return CLOCK_WORDS[re.sub(r"\s+", " ", groups["word"].lower())]
    hour = HOUR_WORDS[groups["hw"].lower()] if groups.get("hw") else int(groups["h"])
    if groups.get("mw"):
        return hour, MINUTE_WORDS[re.sub(r"[\s-]+", " ", groups["mw"].lower())]
    return hour, int(groups.get("m") or 0)


def _candidates(text: str) -> list[_Candidate]:
    """Every form's matches, the earliest and then the longest kept where they overlap."""
    found: list[tuple[int, int, int, re.Match[str], str, str]] = []
    for order, (form, rx) in enumerate(_FORMS):
        for m in rx.finditer(text):
            found.append((m.start(), -(m.end() - m.start()), order, m, form.needs, form.id))
    out: list[_Candidate] = []
    end = -1
    for start, _, _, m, needs, form_id in sorted(found, key=lambda f: f[:3]):
        if start < end:
            continue
        head = text[max(0, start - 8):start]
        if _DASH_AFTER_WORD.search(head) and not _DASH_AFTER_TIME.search(head):
            continue
        hour, minute = _hour_minute(m)
        ap = (m.groupdict().get("ap") or "").lower() or None
        if ap and hour > 12:
            continue  # "13:30 pm"
        twelve = ap is None and 1 <= hour <= 12 and form_id not in ("hhhmm", "hhh", "hhmm", "h.mm", "noon") \
            and not (m.groupdict().get("h") or "").startswith("0")
        out.append(_Candidate(m.start(), m.end(), hour, minute, needs, form_id, ap, twelve))
        end = m.end()
    return out


# What neither DAY_THEN_TIME nor TIME_THEN_DAY can match (they read white space, commas, "@" and
# words): a day with one of these between it and a time is not next to it.
_GAP_STOP = re.compile(r"[0-9.;:!?()\[\]\"\u201c\u201d]")


class _Days:
    """The days written in a text, by position, for the test "a day right before or after this
    time" (:func:`_read_context`): only the days with no :data:`_GAP_STOP` character between
    them and the time are matched, not every day of a long text for every time."""

    def __init__(self, text: str, days: Sequence[tuple[int, int]]) -> None:
        self.ends = sorted(e for _s, e in days)
        self.starts = sorted(s for s, _e in days)
        self.stops = [m.start() for m in _GAP_STOP.finditer(text)] if days else []

    def before(self, pos: int) -> list[int]:
        """The ends of the days ending at or before ``pos`` with no stop between."""
        k = bisect.bisect_left(self.stops, pos)
        last_stop = self.stops[k - 1] if k else -1
        return self.ends[bisect.bisect_right(self.ends, last_stop):bisect.bisect_right(self.ends, pos)]

    def after(self, pos: int) -> list[int]:
        """The starts of the days starting at or after ``pos`` with no stop between."""
        k = bisect.bisect_left(self.stops, pos)
        next_stop = self.stops[k] if k < len(self.stops) else sys.maxsize
        return self.starts[bisect.bisect_left(self.starts, pos):bisect.bisect_right(self.starts, next_stop)]


_NO_DAYS = _Days("", ())


def _read_context(text: str, cand: _Candidate, days: _Days = _NO_DAYS) -> bool:
    """Note the zone, the part of the day and what stands before ``cand``; whether that makes it
    a time on its own (its form's ``needs``)."""
    zone = _zone_tail().match(text, cand.end)
    before = text[max(0, cand.start - 40):cand.start]
    if zone:
        cand.zone, cand.tz, cand.end = True, _zone(zone), zone.end()
    after = _PART_AFTER.match(text, cand.end)
    if after:
        cand.part = PARTS_OF_DAY[next(after.group(g) for g in ("p1", "p2", "p3", "p4") if after.group(g)).lower()]
        if after.group("own"):
            cand.end = after.end()
    part_before = _PART_BEFORE.search(before)
    if part_before:
        cand.part = PARTS_OF_DAY[part_before.group("p").lower()]
    hourly = cand.needs == "hour" or cand.form == "hhmm"
    next_to_day = any(DAY_THEN_TIME.fullmatch(text[e:cand.start]) for e in days.before(cand.start)) or \
        any(TIME_THEN_DAY.fullmatch(text[cand.end:s]) for s in days.after(cand.end))
    # a bare number needs a preposition ("4 this afternoon" may be a count of the day's events)
    cand.prep = bool(_HOUR_PREPOSITION_BEFORE.search(before)) if hourly else \
        next_to_day or bool(_PREPOSITION_BEFORE.search(before))
    if part_before:
        return True  # "tonight at 8": the part of the day and "at" before it
    accept = _ACCEPT.get(cand.form) or _ACCEPT[cand.needs]
    return accept(_Context(text, cand, before, next_to_day))


@dataclass(frozen=True)
class _Context:
    text: str
    cand: _Candidate
    before: str  # the 40 characters before the candidate
    next_to_day: bool


def _hhmm(c: _Context) -> bool:
    """"at 1830 GMT", "at 2100 hours"; "at 1030 in the morning" (then on a 12-hour face)."""
    cand = c.cand
    if cand.prep and cand.part and cand.hour <= 12 and c.text[cand.start] != "0":
        cand.twelve = True
        return True
    return cand.zone or is_clock_digits(c.text, cand.start, cand.end)


# What makes a candidate a time, by its form id or else its form's ``needs`` (see ClockForm).
_ACCEPT: dict[str, Callable[[_Context], bool]] = {
    "nothing": lambda c: True,
    # "15h30": a time unless a duration's preposition stands before it ("finished in 2h05")
    "hhhmm": lambda c: not _DURATION_BEFORE.search(c.before) or bool(c.cand.zone or c.cand.part or c.next_to_day),
    # "at 18:30", "Thursday 18:30", "18:30 GMT", "6:30 in the evening", or alone if no score or race time
    "anchor": lambda c: bool(c.cand.zone or c.cand.prep or c.cand.part) or c.cand.form == "hh:mm" and _bare_clock(
        c.text, c.cand, c.before),
    # "at 3 15." but not "at 3 15-year-olds" or "rose to 3 15 times"
    "h mm": lambda c: bool(_HOUR_AT.search(c.before) and (c.cand.part or c.cand.zone or _PHRASE_END.match(
        c.text, c.cand.end))),
    # "at 15h", "Thursday 8h GMT"; not "a 24h strike", "for 15h"
    "hhh": lambda c: bool(c.cand.zone or c.next_to_day or _HOUR_AT.search(c.before)),
    # "at 8 in the evening", "around 5 GMT"
    "hour": lambda c: bool(c.cand.prep and (c.cand.part or c.cand.zone)),
    "hhmm": _hhmm,
    # "9.30 GMT", "at 9.30 hours"
    "zone": lambda c: bool(c.cand.zone or _HOURS_AFTER.match(c.text, c.cand.end)),
}


def _bare_clock(text: str, cand: _Candidate, before: str) -> bool:
    """"The 10:30 flight", "doors open 19:45": a colon time with nothing beside it is a time, unless
    it is a race time ("finished in 2:05"), a score or a list of them ("won 21:19", "25:23, 23:25"),
    or a ratio ("a 1:30 scale")."""
    return not (_NOT_CLOCK_BEFORE.search(before) or _NOT_CLOCK_AFTER.match(text, cand.end)
                or _SCORE_LIST_BEFORE.search(before))


def _apply_offset(text: str, cand: _Candidate) -> bool:
    """"a quarter past 3pm" -> 15:15, the span from "a quarter"; whether an offset was read."""
    m = _OFFSET_BEFORE.search(text[max(0, cand.start - 40):cand.start])
    if not m:
        return False
    direction = m.group("dir").lower()
    if direction == "from" and not m.group("unit"):
        return False  # "15 minutes from 1pm" is 13:15; "from 10 to noon" is a range
    lead = text[max(0, cand.start - 60):cand.start - len(m.group())]
    if direction in ("to", "till", "before") and _HOUR_BEFORE_MINUTES.search(lead):
        return False  # "from three thirty to four thirty": the minutes of an hour, then a range
    if m.group("q"):
        minutes = OFFSET_WORDS[re.sub(r"\s+", " ", m.group("q").lower())]
        if minutes == 30 and direction != "past":
            return False  # "half to" is no English time
    elif m.group("n"):
        minutes = int(m.group("n"))
        # "from 10 to noon" is a range, "15 to noon" a time: a bare number before "to" only above 12
        if direction in ("to", "till", "before") and not m.group("unit") and (minutes <= 12 or re.search(
                r"\b(?:from|between)\s+$", lead)):
            return False
    else:
        minutes = MINUTE_WORDS[re.sub(r"[\s-]+", " ", m.group("nw").lower())]
    if not 0 < minutes < 60:
        return False
    total = cand.hour * 60 + cand.minute + (minutes if direction in ("past", "after", "from") else -minutes)
    cand.hour, cand.minute = divmod(total % (24 * 60), 60)
    cand.start -= len(m.group())
    return True


def _settle_hour(cand: _Candidate) -> None:
    """The 24-hour clock from a.m./p.m. or a part of the day (``cand.ap``: "a", "p", "n" for the
    evening and night), or office hours (see the module doc)."""
    if cand.form == "noon":
        cand.next_day = cand.part == "n" and cand.hour == 0  # "tonight at midnight"
        return
    ap = cand.ap or cand.part
    if ap is None and cand.twelve and not cand.zone and cand.hour in AFTERNOON_HOURS:
        ap = "p"
    if ap in ("p", "n") and cand.hour < 12:
        cand.hour += 12
    elif ap in ("a", "n") and cand.hour == 12 and cand.form != "noon":
        cand.hour = 0  # "12 a.m.", "tonight at 12": midnight
        cand.next_day = ap == "n"  # at the end of tonight


def _pair(text: str, first: _Candidate, second: _Candidate) -> bool:
    """Whether two candidates are one range ("3-4pm", "from 9:30 to 11:00", "between 2 and 3pm")."""
    gap = text[first.end:second.start]
    if _BUT_BEFORE.fullmatch(gap):  # "later than 9:30 but before 11:00"
        return bool(_LATER_THAN.search(text[max(0, first.start - 12):first.start]))
    if not _RANGE_GAP.fullmatch(gap):
        return False
    if gap.strip().lower() == "and":
        return bool(_BETWEEN_BEFORE.search(text[max(0, first.start - 9):first.start]))
    return True


def _settle_pair(first: _Candidate, second: _Candidate) -> None:
    """One range, one half of the clock: "3-4pm" (15:00-16:00), "11-1pm" (11:00-13:00);
    an end with no half written is the first such hour after the start: "8am until 6" (18:00),
    "9:30 - 11:00" (11:00), "11:30-1:30" (13:30)."""
    half = second.ap or second.part
    if first.ap is None and first.part is None and first.twelve and half is not None:
        later = (first.hour % 12, first.minute) > (second.hour % 12, second.minute)
        first.ap = "a" if half != "a" and later else half  # "11-1pm", "from 2:30 to 2:15 pm"
    _settle_hour(first)
    if second.ap is None and second.part is None and second.twelve:
        second.part = first.part if first.part == "n" else None
        second.ap = "a" if (second.hour % 12, second.minute) > (first.hour, first.minute) else "p"
    _settle_hour(second)
    if (second.hour, second.minute) == (0, 0) and second.ap == "a" and 0 < first.hour < 12:
        second.hour = 12  # "10am-12am": the end of a morning is noon


def find_time_groups(text: str, *, days: Sequence[tuple[int, int]] = ()) -> list[list[ClockTime]]:
    """Times of day in ``text``, one group per time or per range of two ("10am to 2pm").

    ``days``: spans of the days written in the text ("Thursday", "March 4"), which make an
    "18:30" beside them a time. See the module doc for what each form needs.

    >>> [[t.iso for t in g] for g in find_time_groups("from 3-4pm and at 8 in the evening, not at 3")]
    [['15:00', '16:00'], ['20:00']]
    """
    cands = _candidates(text)
    day_index = _Days(text, days)
    for cand in cands:
        anchored = _read_context(text, cand, day_index)
        if _apply_offset(text, cand):
            anchored = anchored or cand.needs in ("anchor", "hour")
        cand.accepted = anchored
    groups: list[list[int]] = []
    for i, cand in enumerate(cands):
        if groups and len(groups[-1]) == 1 and _pair(text, cands[groups[-1][0]], cand):
            groups[-1].append(i)
        else:
            groups.append([i])
    out: list[list[ClockTime]] = []
    for group in groups:
        members = [cands[i] for i in group]
        if len(members) == 2 and _one_range(*members):
            first, second = members
            first.accepted = second.accepted = True
            if second.zone and not first.zone:
                first.tz, first.zone = second.tz, True  # "9:30 - 11:00 CST"
            _settle_pair(first, second)
            out.append([ClockTime(c.start, c.end, c.hour, c.minute, c.tz, c.next_day) for c in members])
            continue
        for cand in members:
            if cand.accepted:
                _settle_hour(cand)
                time = ClockTime(cand.start, cand.end, cand.hour, cand.minute, cand.tz, cand.next_day)
                out.append(_with_duration(text, time))
    return out


def _one_range(first: _Candidate, second: _Candidate) -> bool:
    """Whether two candidates written as a range are times: one is a time on its own ("3-4pm",
    "8am until 6"), both are written with a colon ("9:30 - 11:00"), both are times by their
    context, or the range has a preposition before it and a part of the day or a zone after it
    ("between 5 and 6 in the afternoon")."""
    strong = any(c.needs == "nothing" or c.zone or c.ap for c in (first, second))
    written = ("hh:mm", "hhhmm", "hhh")  # "9:30 - 11:00", "15h30-18h"
    both_colon = first.form in written and second.form in written and not first.form == second.form == "hhh"
    # "between 5 and 6 in the afternoon", "this evening from 7 to 9", "from 10:30 to 3", "from 7 to 7:30"
    framed = first.prep and bool(second.part or second.zone) or first.accepted and first.part is not None
    colon_end = first.prep and any(c.accepted and c.form == "hh:mm" for c in (first, second))
    return strong and (first.accepted or second.accepted) or both_colon or framed or colon_end or \
        first.accepted and second.accepted


_DURATION = (r"(?P<n>\d+(?:\.\d+)?|[a-z]+(?:[\s-][a-z]+)?)\s*(?P<u>hours?|hrs?|h|minutes?|mins?|')"
             r"(?:\s+(?:and\s+)?(?P<n2>\d+|[a-z]+(?:-[a-z]+)?)\s*(?P<u2>minutes?|mins?))?")
# "from 4pm for thirty minutes", "for 2 hours (starting) from 2pm": the period that starts at the time.
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_FOR_AFTER = re.compile(rf"\s+for\s+{_DURATION}(?!\w)", re.IGNORECASE)
_FOR_BEFORE = re.compile(rf"\bfor\s+{_DURATION}\s+(?:starting\s+)?from\s+$", re.IGNORECASE)


def _duration_minutes(m: re.Match[str]) -> int | None:
    """Minutes of a "for ..." duration: "2.5 hrs", "thirty minutes", "3 hours 30 minutes", "30'"."""
    from pipeline.normalize.numbers import parse_number

    total = 0.0
    for n, u in ((m.group("n"), m.group("u")), (m.group("n2"), m.group("u2"))):
        if n is None:
            continue
        value = parse_number(n)
        if value is None or value <= 0:
            return None
        total += value * (60 if u.lower().startswith("h") else 1)
    return round(total) if total == round(total) else None


def _with_duration(text: str, time: ClockTime) -> list[ClockTime]:
    """A time with "from" before it and "for <a duration>" after it ("from 4pm for thirty minutes"), or
    "for <a duration> from" before it: the period it starts, when that ends the same day; else the time.
    (Without "from", "at 2pm for 1 hr" keeps its duration apart.)"""
    before = text[max(0, time.start - 60):time.start]
    after = _FOR_AFTER.match(text, time.end) if _FROM_BEFORE.search(before) else None
    lead = None if after else _FOR_BEFORE.search(before)
    m = after or lead
    minutes = _duration_minutes(m) if m else None
    total = time.hour * 60 + time.minute + (minutes or 0)
    if m is None or not minutes or total >= 24 * 60:
        return [time]
    hour, minute = divmod(total, 60)
    if after:
        return [time, ClockTime(time.end, after.end(), hour, minute, time.tz)]
    return [ClockTime(time.start - len(m.group()), time.end, time.hour, time.minute, time.tz),
            ClockTime(time.end, time.end, hour, minute, time.tz)]


def find_times(text: str, *, days: Sequence[tuple[int, int]] = ()) -> list[ClockTime]:
    """Times of day in ``text``, with the zone written after them (see :func:`find_time_groups`).

    >>> [(t.iso, t.tz) for t in find_times("at 3 p.m. ET on Tuesday, 18:30 GMT, midnight, 0600 GMT+8")]
    [('15:00', 'America/New_York'), ('18:30', '+00:00'), ('00:00', None), ('06:00', '+08:00')]
    >>> find_times("Shares rose 9.30 percent to 1.27 billion; the ratio was 3:1; in 1830 the town grew.")
    []
    """
    return [t for group in find_time_groups(text, days=days) for t in group]


_CONNECTORS = re.compile(r"[\s,.@\-\u2013\u2014]*(?:(?:to|until|untill|till|through|thru|and|between|from|at|around|"
                         r"about)\b[\s,.@\-\u2013\u2014]*)*", re.IGNORECASE)


def is_time_only(text: str) -> bool:
    """Whether ``text`` is only times of day and what belongs to them (a zone, "in the evening", "a
    quarter past", range words), with no day written: "3 in the morning", "9:30 - 11:00", "noon".

    >>> is_time_only("8 in the evening"), is_time_only("9:30 - 11:00 CST"), is_time_only("Thursday 8:00")
    (True, True, False)
    """
    cands = _candidates(text)
    if not cands:
        return False
    pieces, at = [], 0
    for cand in cands:
        _read_context(text, cand)
        _apply_offset(text, cand)
        pieces.append(text[at:max(at, cand.start)])
        at = max(at, cand.end)
    pieces.append(text[at:])
    return all(_CONNECTORS.fullmatch(piece) for piece in pieces)
