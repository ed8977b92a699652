"""Words that mark a clock time, and time-zone abbreviations news copy should not read as zones.

Source: the zone abbreviations come from dateparser's table (``dateparser.timezones``,
395 abbreviations with UTC offsets); the stop list below removes the ones that are
also English words or news acronyms, so that "2017 GST" (India's goods and services
tax) or "the 2019 ACT budget" (Australian Capital Territory) stay years.
"""

from __future__ import annotations

# Abbreviations in dateparser's table that news writes for other things after a number.
NOT_ZONES = frozenset("""
ACT AMT ANT ART BOT CAT CUT EAT EMT FET GET GST HAT ICT IOT KMT LMT MET MIT MOT MUST NET NT PET PMT PPT
RET SAT SET SMT TOT UT VET WIT WT zzz
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
CLOCK_WORDS = {"noon": (12, 0), "midday": (12, 0), "midnight": (0, 0)}
