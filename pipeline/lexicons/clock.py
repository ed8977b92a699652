"""Words and patterns of clock times, and time-zone abbreviations news copy should not read as zones.

Source: the zone abbreviations come from dateparser's table (``dateparser.timezones``,
395 abbreviations with UTC offsets); the stop list below removes the ones that are
also English words or news acronyms, so that "2017 GST" (India's goods and services
tax) or "the 2019 ACT budget" (Australian Capital Territory) stay years. The forms
of a time of day are English usage as style guides (AP, Chicago) and newswires write
it, and its spoken forms ("half past three", "a quarter to noon", "eight in the
evening"); each rule says why it is safe in news prose and gives an example a test runs.
"""

from __future__ import annotations

from dataclasses import dataclass

# Abbreviations in dateparser's table that news writes for other things after a number.
NOT_ZONES = frozenset("""
ACT AMT ANT ART BOT CAT CUT EAT EMT FET GET GST HAT ICT IOT KMT LMT MET MIT MOT MUST NET NT PET PMT PPT
RET SAT SET SMT TOT UT VET WIT WT zzz
""".split())
# Zones whose news usage differs from dateparser's first reading: the Indian English press writes
# IST for India Standard Time (dateparser's table lists Israel's first).
ZONE_OFFSETS = {"IST": 5 * 3600 + 30 * 60}
# Zones also read in lower case right after a time ("9:30pm ist", "8:00 pst": transcripts, listings):
# the common civil-time abbreviations only; none is an English word.
LOWERCASE_ZONES = frozenset("""
gmt utc bst cet cest eet eest ist jst kst hkt sgt aest aedt est edt cst cdt mst mdt pst pdt
""".split())
# Words after a time of day that name the zone without an abbreviation ("18:30 local time").
LOCAL_TIME = ("local time", "local")
# Words that close a 24-hour clock time written without a colon ("at 1900 hours"), only after
# a preposition of time (else "1900 hours of overtime" is a duration).
CLOCK_HOURS = ("hours", "hrs", "hrs.", "h")
CLOCK_PREPOSITIONS = frozenset("at by until till before after from around to between".split())
# Zone abbreviations that name a region's civil time whatever the season: written as the IANA
# zone ("3 p.m. ET" is New York time in winter and in summer). Others keep dateparser's offset.
GENERIC_ZONES = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
                 "PT": "America/Los_Angeles", "UK": "Europe/London"}
# Words for times of day with a fixed clock time.
CLOCK_WORDS = {"noon": (12, 0), "midday": (12, 0), "mid-day": (12, 0), "mid day": (12, 0), "midnight": (0, 0),
               "mid-night": (0, 0), "mid night": (0, 0)}

# Hours and minutes said in words ("seven thirty p.m.", "nine fifty-nine a.m.").
HOUR_WORDS = {w: n for n, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), 1)}
_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
MINUTE_WORDS: dict[str, int] = {}
for _n, _w in enumerate(_UNITS, 1):
    for _oh in ("oh", "o", "zero"):
        MINUTE_WORDS[f"{_oh} {_w}"] = _n  # "twelve oh three"
for _n, _w in enumerate(_TEENS, 10):
    MINUTE_WORDS[_w] = _n
for _n, _w in zip((20, 30, 40, 50), ("twenty", "thirty", "forty", "fifty"), strict=True):
    MINUTE_WORDS[_w] = _n
    for _k, _u in enumerate(_UNITS, 1):
        MINUTE_WORDS[f"{_w} {_u}"] = _n + _k  # "twenty three", "twenty-three" (hyphens read as spaces)

# Parts of the day and the half of the clock they put an hour in ("at 8 in the evening", "tonight at 11"):
# "a" a.m. (12 in the morning is midnight), "p" p.m. (12 in the afternoon is noon), "n" the evening and
# night, p.m. but 12 is midnight ("tonight at 12").
PARTS_OF_DAY = {"morning": "a", "am": "a", "afternoon": "p", "pm": "p", "evening": "n", "night": "n",
                "tonight": "n", "tonite": "n"}
# Nouns that make a part of the day a kind of thing, not the time's half: "at 3 in the morning
# session" is an index level in a trading session.
PART_OF_DAY_NOUNS = ("session", "sessions", "trade", "trading", "deals", "shift", "shifts", "edition", "show",
                     "bulletin", "papers", "news", "rush", "peak", "market", "markets", "briefing", "meeting")
# Words before a colon time with nothing else beside it that make it a race time, a score, a ratio
# or a count, not a time of day ("finished in 2:05", "a record of 12:35", "won 21:19", "a 1:30 ratio").
NOT_CLOCK_BEFORE = ("in", "of", "for", "within", "under", "over", "than", "time", "record", "clocked", "ran",
                    "finished", "won", "beat", "lost", "led", "trailed", "scored", "score", "ratio", "a", "an",
                    "recorded", "posted", "timed", "clocking", "winning",
                    "verse", "chapter", "john", "luke", "mark", "matthew", "psalm", "psalms")
NOT_CLOCK_AFTER = ("ratio", "scale", "lead", "win", "victory", "defeat", "draw", "loss", "odds", "minutes?",
                   "mins?", "seconds?", "secs?", "hours?", "hrs?", "pace", "mile", "marathon", "km")
# Prepositions that let a bare hour be a time, with a part of the day or a zone after it ("at 8 in the
# evening", "around 5 GMT"); not "to" ("rose to 5 in the morning session" is a level).
HOUR_PREPOSITIONS = ("at", "@", "by", "from", "until", "till", "before", "after", "around", "about", "between",
                     "since", "circa")

# Minutes before or after the hour said in words ("a quarter past", "half past", "twenty to").
OFFSET_WORDS = {"quarter": 15, "a quarter": 15, "half": 30, "a half": 30}

# An hour written without a.m./p.m., a part of the day or a 24-hour form ("3 o'clock", "at 3:30"):
# office hours, as readers take it: 1 to 6 are afternoon, 7 to 12 morning or noon.
AFTERNOON_HOURS = range(1, 7)


@dataclass(frozen=True)
class ClockForm:
    """One written form of a time of day: a pattern with named groups ``h`` (hour), ``m``
    (minutes), ``s`` (seconds), ``ap`` ("a"/"p"), ``hw``/``mw`` (hour and minutes in words),
    ``word`` (noon, midnight); how much it needs around it to be a time (``needs``); why it is
    one in news; an example a test runs.

    ``needs``: "nothing" (a time on its own: "3 p.m."); "anchor" (a time next to a day, a
    preposition of time, a zone, a part of the day, or in a range with another time: "18:30",
    "15h30" are also scores, ratios and race times); "hour" (a bare hour: only with a preposition
    of time and a part of the day or a zone after it, in a range with a time, or after "half
    past": "at 8 in the evening", "3-4pm"; never "at 3" alone: "unemployment at 3"); "zone"
    (read only before a zone or "hours": "9.30 GMT", "1830 GMT").
    """

    id: str
    pattern: str
    needs: str
    why: str
    example: str


_AP = r"(?P<ap>[ap])(?:\.\s?m\b\.?|\s?m\b)"  # "p.m." keeps its point, "pm." leaves the full stop
_HW = "|".join(sorted(HOUR_WORDS, key=len, reverse=True))
_MW = "|".join(sorted((w.replace(" ", r"[\s-]+") for w in MINUTE_WORDS), key=len, reverse=True))

CLOCK_FORMS: tuple[ClockForm, ...] = (
    ClockForm("h:mm am", rf"(?P<h>1[0-2]|0?[1-9])[:.](?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?\s*{_AP}", "nothing",
              "a.m./p.m. make it a time", "9:01:10 a.m."),
    ClockForm("h:mm a", r"(?P<h>1[0-2]|0?[1-9]):(?P<m>[0-5]\d)(?P<ap>[ap])\b", "nothing",
              "listings and diaries write a lone a/p after the minutes", "3:15p"),
    ClockForm("hmm am", rf"(?P<h>1[0-2]|[1-9])(?P<m>[0-5]\d)\s*{_AP}", "nothing",
              "a.m./p.m. after three or four digits: the colon left out", "330 p.m."),
    ClockForm("h am", rf"(?P<h>1[0-2]|0?[1-9])(?:ish)?\s*{_AP}", "nothing",
              "a.m./p.m. make it a time ('-ish' rounds it: '3ish pm')", "8am"),
    ClockForm("h o'clock", rf"(?P<h>1[0-2]|0?[1-9])\s*o['\u2019]?\s?clock\b(?:\s*{_AP})?", "nothing",
              "o'clock names a time of day", "3 o'clock"),
    ClockForm("word o'clock", rf"(?P<hw>{_HW})\s+o['\u2019]?\s?clock\b(?:\s*{_AP})?", "nothing",
              "o'clock names a time of day", "eight o'clock"),
    ClockForm("words am", rf"(?P<hw>{_HW})(?:[\s-]+(?P<mw>{_MW}))?\s+{_AP}", "nothing",
              "an hour in words with a.m./p.m.", "seven thirty p.m."),
    ClockForm("noon", r"(?:(?:12|twelve)\s+)?(?P<word>noon|midday|mid-day|mid\s+day|midnight|mid[\s-]night)(?:ish)?\b",
              "nothing",
              "words for a fixed time of day", "midnight"),
    ClockForm("hh:mm", r"(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?", "anchor",
              "also a score, a ratio or a race time: needs a day, a preposition of time, a zone, a part of "
              "the day or another time beside it", "at 18:30"),
    ClockForm("hhhmm", r"(?P<h>[01]?\d|2[0-3])h(?P<m>[0-5]\d)\b", "anchor",
              "24-hour time in the French style; also a race time ('2h05'): needs an anchor", "at 15h30"),
    ClockForm("hhh", r"(?P<h>[01]?\d|2[0-3])h\b", "hour",
              "an hour in the French style; also a duration ('a 24h strike'): needs a preposition and a zone, "
              "or a range", "from 15h30 to 18h"),
    ClockForm("hmm", r"(?P<h>[1-9])(?P<m>[0-5]\d)", "hour",
              "three digits are a count as often ('at 730 in the evening' vs 'around 730 people'): as a bare hour",
              "at 730 in the evening"),
    ClockForm("h mm", r"(?P<h>1[0-2]|0?[1-9])\s(?P<m>[0-5]\d)", "hour",
              "an hour and its minutes with a space, as said ('at 3 15'); two numbers as often: only after 'at' "
              "and at the end of the phrase", "at 3 15."),
    ClockForm("h.mm", r"(?P<h>[01]?\d|2[0-3])\.(?P<m>[0-5]\d)", "zone",
              "a decimal number as often ('rose to 1.27'): only before a zone or 'hours'", "9.30 GMT"),
    ClockForm("hhmm", r"(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)", "zone",
              "the newswire's 24-hour time; also a year ('in 1830'): only before a zone or 'hours'", "1830 GMT"),
    ClockForm("h", r"(?P<h>1[0-2]|0?[1-9])", "hour",
              "a bare number: a time only with a preposition and a part of the day or a zone, or in a range "
              "with a time", "at 8 in the evening"),
    ClockForm("word", rf"(?P<hw>{_HW})", "hour", "an hour in words: as a bare number", "at eight in the evening"),
)
