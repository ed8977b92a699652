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
