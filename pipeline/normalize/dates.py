"""Time expressions -> ISO 8601 values and inclusive day intervals. Pure functions.

:func:`find_dates` scans a text with one compiled grammar (at each position the
first branch that matches wins; branches are ordered longest first), resolves
each expression against a reference date, then joins two dates written as one
range ("Oct. 2 to October 22", "between 2015 and Feb 2018").

Conventions (documented choices):

- ``value``: "2025", "2013-09", "2025-12-22", "2025-Q3", "2025-H1", "2025-W02";
  a period is an ISO interval of its ends at their own granularity
  ("2025-01/2025-11"); a decade is "2010/2019", a century "1400/1499"; a season
  is its meteorological (northern) months ("2024-06/2024-08").
- ``start_date``/``end_date`` are inclusive days.
- Modifiers narrow the interval to a third of it: ``start`` ("early 2024",
  "the beginning of 2025") the first third, ``mid`` the middle third, ``end``
  ("late 2024", "the end of 2025") the last third (for a year: Jan-Apr, May-Aug,
  Sep-Dec; for a month: days 1-10, 11-20, 21-end; for a week: Mon-Wed, Wed-Fri,
  Fri-Sun). ``value`` stays the unmodified period.
- Relative expressions ("this year", "last month", "yesterday", "on Tuesday")
  are resolved against the reference date and flagged ``relative``. Where the
  text leaves the direction open, the caller's ``direction`` (the tense of the
  clause: "past" or "future", see :func:`find_dates`) decides:

  * a weekday: past or unknown -> the latest on or before the reference day
    (news reports what happened); present or future -> the first on or after
    it ("on Monday" in "shares fell on Monday" is behind, in "talks resume on
    Monday" ahead; "on Tuesday" in an article of a Tuesday is that day); a
    verbless phrase ("none") -> the next one after it, as calendar tools read
    it. "this Friday" is the Friday of the reference week, "next Friday" that
    of the next week, "last Friday" the latest before the reference day.
    A holiday: past -> the latest on or before, otherwise the next on or after
    (a festival of several days under way on the reference day is this one).
  * a day or a month without a year ("March 5", "the 27th", "in September"):
    past -> the latest on or before the reference date, future or verbless ->
    the next on or after it, present or unknown -> the nearest (ties: the past
    one; "September's rate is 2%" in November). A bare quarter or half is the
    nearest (results for "the fourth quarter" are reported in January), the
    next one in a verbless phrase.
  * "in three weeks" is a date only in the future tense or a verbless phrase
    ("will open in three weeks"); otherwise it is a duration ("rose 5% in two
    years", "aims to earn $1m in 3 years").

  Without a reference date precise enough, they keep a null interval. Vague
  ones ("recent years") and anaphoric ones ("the next day": the day after an
  event the text names, not after the reference date) keep a null value.
- "the past N years" / "the past decade" run from N years before the reference
  year to it, both whole ("over the past five years" in a 2025 article:
  2020/2025; news-dev CONVENTIONS 4.5); "the past year" is the twelve months
  back to the reference month (or to a month the sentence reports, in the date
  component), both named. "the past N days/weeks" are the N
  days or weeks before the reference day; "the next N days/weeks/months" the
  ones after it; "the next N years" the N whole years after the reference year.
- "N years ago" is that year; "N months ago" that month; "N days/weeks ago" that
  day (a news "two years ago" is no more precise than the year).
- Fiscal periods ("fiscal 2024", "FY2024", "the fiscal fourth quarter") set
  ``fiscal`` and take the calendar interval of the article's fiscal calendar
  (:mod:`pipeline.normalize.fiscal`): the one it states ("the quarter ended
  Feb. 2, 2025", "the fiscal year ends on September 30": "fiscal 2026" is
  2025-10/2026-09), on which its bare quarters and halves are fiscal too; else
  the country's government fiscal year; else the calendar year ("fiscal 2024" ->
  "2024"). A 52/53-week period is valued in days ("2024-10-28/2025-02-02").
- "since 2013" is the point it counts from: the mention "2013" (the span leaves out "since";
  news-dev CONVENTIONS), "since the 1970s" the decade, "since May 22" that day.
- Numeric dates: "4/22", "02/22/2016" are month/day (US order) unless the first
  number cannot be a month ("21/04/2016"); a two-digit year is 20YY up to 49,
  else 19YY. A slash pair that reads as a small fraction ("1/2", "3/10") or
  "24/7" is not a date, and a yearless pair is a day only after a date word
  ("on 4/22", "by 10/1"; "Unit 12/14", "a ratio of 10/12" are not); "4-22"
  and "4.22" without a year are left to numbers.

``dateparser`` (one DateDataParser per process, fixed settings) reads the
classic written day forms ("Dec. 22, 2025", "22 December 2025"); the grammar
and the arithmetic here cover the rest.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.normalize import fiscal, holidays
from pipeline.normalize.clock import DAY_THEN_TIME, TIME_THEN_DAY, find_time_groups, is_clock_digits
from pipeline.normalize.first_chars import guarded, word_starts
from pipeline.spans import SpanIndex

Direction = Callable[[int, int], "str | None"]

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
# (a period after an abbreviation, "Sept. 30", or between a full name and its day,
# "september.15th"; never the full stop after "May." at a sentence end)
_MONTH = r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)" \
         r"(?:\.(?= ?\d))?|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_YEAR = r"(?:1[89]\d\d|20\d\d|21\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_UNITS_ORD = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEENS_ORD = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
              "seventeenth", "eighteenth", "nineteenth"]
_DAY_WORDS = {w: i + 1 for i, w in enumerate(_UNITS_ORD)}
_DAY_WORDS.update({w: i + 10 for i, w in enumerate(_TEENS_ORD)})
_DAY_WORDS.update({"twentieth": 20, "thirtieth": 30, "thirty first": 31})
_DAY_WORDS.update({f"twenty {w}": 21 + i for i, w in enumerate(_UNITS_ORD)})
_DAYWORD = r"(?:(?:twenty|thirty)[-\s]+)?(?:" + "|".join(
    sorted([*_UNITS_ORD, *_TEENS_ORD, "twentieth", "thirtieth"], key=len, reverse=True)) + r")"
_DAYX = rf"(?:{_DAY}|{_DAYWORD})"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|" \
           r"Sat|Sun)\.?"
_NUMWORD = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1, "few": 3, "several": 3,
            "a few": 3}
_NUM = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_WEEKDAYS.update({"tues": 1, "thur": 3, "thurs": 3})
_WEEKDAYS.update({d.lower(): i for i, d in enumerate(calendar.day_abbr)})
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                 "seventies": 70, "eighties": 80, "nineties": 90, "noughties": 0}
_REL = r"(?:this|last|next|previous|past|coming|current|upcoming|following)"
_SHIFT = {"this": 0, "current": 0, "coming": 1, "next": 1, "upcoming": 1, "following": 1, "last": -1,
          "previous": -1, "past": -1}
_UNIT = r"(?:years?|yrs?|months?|weeks?|days?|decades?|quarters?|qtrs?)"
_YEARREF = rf"(?:{_YEAR}|the year|this year|last year|next year|the previous year|the same year)"
# Holiday names and how to compute them: pipeline/lexicons/holidays.py (data) and
# pipeline/normalize/holidays.py (the calendars).
_HOLIDAY = holidays.name_pattern()

# One alternation, each branch a named group; at one position the first branch
# that matches wins, so longer and more specific forms come first.
_RANGE_SEP = r"\s*(?:-|–|—|to|until|till|through|thru|and)\s*"
_GRAMMAR = [
    # not after a slash, unless after a time: "2015-03-28 17:00/2015-03-29 21:00" is a range of two
    ("num_ymd", rf"(?<![\d.,-])(?<!(?<!:\d\d)/)(?P<ny>{_YEAR})\s?(?P<nys>[-/.])\s?"
                rf"(?:(?P<nym>1[0-2]|0?[1-9])|(?P<nymw>{_MONTH}))"
                rf"\s?(?P=nys)\s?(?P<nyd>[12]\d|3[01]|0?[1-9])(?![\d])"),
    ("num_mdy", r"(?<![\d.,/-])(?P<na>\d{1,2})(?:(?P<ns>[/-])|(?P<ndot>\.))(?P<nb>\d{1,2})(?:(?P=ns)|(?P=ndot)|,)"
                r"(?P<nc>\d{4}|(?(ndot)(?!)|\d{2}))(?![\d]|[.,/-]\d)"),
    ("num_md", r"(?<![\d.,/-])(?P<pa>\d{1,2})\s?/\s?(?P<pb>\d{1,2})(?![\d]|[.,/-]\d)"),
    ("num_dmony", rf"(?<![\d.,/-])(?P<xa>[12]\d|3[01]|0?[1-9])(?P<xs>[-/])(?P<xm>{_MONTH})(?P=xs)"
                  rf"(?P<xy>{_YEAR}|\d\d)\b"),
    ("holiday_y", rf"\b(?:(?P<hrel>this|next|last|the\s+next|the\s+last)\s+)?(?P<hol>{_HOLIDAY})"
                  rf"(?:\s+(?:of\s+|in\s+)?(?P<holy>{_YEAR}|(?:next|last|this)\s+year))?\b"),
    ("month_range", rf"\b(?:from\s+|(?P<mrb>between)\s+)?(?P<mr1>{_MONTH})\s*(?:to|through|until|-|–|—|"
                    rf"(?(mrb)and|(?!)))\s*(?P<mr2>{_MONTH})"
                    rf"(?:,?\s+(?P<mry>{_YEAR}))?"),
    ("day_range", rf"\b(?:(?P<drl>from|between)\s+)?(?:the\s+)?(?P<dr1>{_DAY})(?:\s+of)?{_RANGE_SEP}(?:the\s+)?"
                  rf"(?P<dr2>{_DAY})\s+(?:of\s+)?(?P<drm>{_MONTH})(?:,?\s+(?P<dry>{_YEAR}))?\b"),
    ("day_range_m", rf"\b(?P<drm2>{_MONTH})\s+(?:between\s+)?(?P<dr3>{_DAY}){_RANGE_SEP}(?P<dr4>{_DAY})"
                    rf"(?:,?\s+(?P<dry2>{_YEAR}))?\b(?!\s*(?:%|percent|per cent|[-–.:/]\s*\d))"),
    ("day_to_md", rf"\b(?P<dxl>from|between)\s+(?P<dx1>{_DAY})\s+(?:to|until|and)\s+(?P<dxm>{_MONTH})\s+"
                  rf"(?P<dx2>{_DAY})(?:,?\s+(?P<dxy>{_YEAR}))?\b"),
    ("week_of", rf"\b(?:the\s+)?(?P<wko>week|month)\s+(?:of|commencing|starting|beginning|w/c)\s+(?:on\s+)?"
                rf"(?P<wkd>(?:the\s+)?{_DAY}(?:\s+of\s+{_MONTH})?|{_MONTH}[\s.]*{_DAY}(?:,?\s+{_YEAR})?)\b"
                rf"|\bw/c\s+(?P<wkd2>{_MONTH}\s*{_DAY})\b"),
    ("nth_week", rf"\b(?:the\s+)?(?:(?P<nwk>second|third|fourth|fifth|2nd|3rd|4th|5th)\s+(?=last))?"
                 rf"(?P<nwo>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th)\s+week\s+(?:of|in)\s+"
                 rf"(?P<nwt>(?:{_MONTH}\s+)?{_YEAR}|{_MONTH}|(?:this|next|last|previous)\s+(?:month|year))\b"
                 rf"|\b(?:the\s+)?(?P<nwo2>first|second|third|fourth|fifth|last)\s+week\s+(?P<nwt2>(?:this|next|last)"
                 rf"\s+(?:month|year))\b"),
    ("edge_day", rf"\b(?:the\s+)?(?:(?P<edk>second|third|fourth|fifth|2nd|3rd|4th|5th)\s+(?=last))?(?P<edw>first|last)"
                 rf"\s+day\s+(?:of|in)\s+(?:the\s+)?(?P<edt>(?:{_MONTH}\s+)?{_YEAR}|"
                 rf"{_MONTH}|(?:this|next|last|previous|current)\s+(?:month|year)|month|year)\b"),
    ("nth_weekday", rf"\b(?:the\s+)?(?P<nwdo>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+"
                    rf"(?P<nwd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?:of|in)\s+"
                    rf"(?P<nwm>{_MONTH}(?:\s+{_YEAR})?|(?:this|next|last|previous|the\s+next|the\s+last|the)\s+month)\b"
                    rf"|\b(?P<nwdo2>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?P<nwd2>Monday|Tuesday|Wednesday|"
                    r"Thursday|Friday|Saturday|Sunday)\b(?!\s+(?:of|in)\b)"),
    ("weekday_week", rf"\b(?:(?P<ww1>this|next|last)\s+week(?:'s)?\s+(?:on\s+)?(?P<wwd1>{_WEEKDAY})(?=\W|$)|"
                     rf"(?:on\s+)?(?P<wwd2>{_WEEKDAY})\s+(?:of\s+|from\s+)?(?P<ww2>this|next|last)\s+week\b)"),
    ("after_next_x", rf"\b(?P<anx>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|{_MONTH})\s+after\s+next\b"),
    ("weekday_day", rf"\b(?P<wdd>{_WEEKDAY}),?\s+(?:the\s+(?=\w)|(?=\d+(?:st|nd|rd|th)\b))"
                    rf"(?P<wddd>{_DAY}|{_DAYWORD}|fifteen|twenty|thirty|ten|eleven|twelve|thirteen|fourteen|sixteen"
                    r"|seventeen|eighteen|nineteen)\b"),
    ("day_rel_month", rf"\b(?:(?P<drml>from|between)\s+)?(?:the\s+)?(?P<drm_a>{_DAY})(?:{_RANGE_SEP}(?:the\s+)?"
                      r"(?P<drm_b>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?))?\s+(?:day\s+)?(?:of\s+|in\s+)?(?:the\s+)?"
                      r"(?P<drm_w>this|next|last|previous|current)\s+month\b"),
    ("n_weekdays", rf"\b(?P<nwn>{_NUM})\s+(?P<nwx>Mondays?|Tuesdays?|Wednesdays?|Thursdays?|Fridays?|Saturdays?|"
                   r"Sundays?)\s+(?P<nwdir>from\s+now|later|hence|ago|back)\b"),
    ("month_day", rf"\b(?:(?P<mdw>{_WEEKDAY}),?\s+)?(?P<md_m>{_MONTH})(?:\s*[-/]\s*|\s+the\s+|\s*)"
                  rf"(?P<md_d>{_DAY}(?![\d:])|(?<=\s){_DAYWORD}(?![-\w]))"
                  rf"(?!\s*(?:%|percent|per cent|[-–.:]\s*\d|quarter|half|(?:b|m|tr)illion)|\w)"
                  rf"(?:(?:,\s*|\s+)(?P<md_y>{_YEAR})\b)?"),
    ("day_month", rf"(?<![\d.,$€£¥])(?<!\d:)\b(?:(?P<dmw>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<dm_d>{_DAY}|{_DAYWORD})\.?\s+"
                  rf"(?:(?:day\s+)?of\s+)?(?P<dm_m>{_MONTH})(?:,?\s+(?P<dm_y>{_YEAR}))?\b"),
    ("year_range", rf"(?<!\d-)(?<!\d/)\b(?:(?P<yrl>between|from)\s+)?(?P<yr1>{_YEAR})\s*(?:-|–|—|/|to|and|through)\s*"
                   rf"(?P<yr2>{_YEAR}|\d\d)\b(?!\s*(?:%|percent|per cent)|[-/]\d)"),
    ("year_month", rf"\b(?P<ym_y>{_YEAR})(?:\s*(?:[-/]\s*(?P<ym_n>1[0-2]|0?[1-9])(?![\d])|,?\s+(?P<ym_w>{_MONTH})))"
                   r"(?!\s*[-/]\s*\d)"),
    ("month_num_year", r"(?<![\d.,/-])(?P<mn_m>1[0-2]|0?[1-9])\s*[-/]\s*(?P<mn_y>(?:1[89]|20|21)\d\d)\b(?![-/]\d)"),
    ("quarter_y", rf"\b(?:(?P<qm>the\s+(?:end|start|beginning|middle)\s+of\s+)?the\s+)?(?P<qf>fiscal\s+)?"
                  rf"(?P<qo>first|second|third|fourth|1st|2nd|3rd|4th)(?:[-\s](?:quarter|qtr))\s*"
                  rf"(?:of\s+(?:the\s+)?(?:fiscal\s+)?(?:year\s+)?(?P<qy>{_YEARREF})|(?P<qy2>{_YEAR})|"
                  rf"(?:of\s+)?(?P<qfy>FY\s?'?(?:{_YEAR}|\d\d)\b))?"),
    ("quarters_n", rf"\b(?:in\s+)?the\s+(?:first|past|last)\s+(?P<qn>two|three)\s+quarters"
                   rf"(?:\s+of\s+(?P<qny>{_YEARREF}))?"),
    ("q_code", rf"\b(?P<qf2>fiscal\s+)?Q(?P<qc>[1-4])(?:\s*(?:of\s+)?(?:FY\s?)?(?P<qcy>{_YEAR}|'\d\d|\d\d\b))?\b"),
    ("q_short", r"\b(?:(?P<qs>[1-4])Q(?P<qsy>\d\d)|(?P<qsy2>\d\d|\d{4})Q(?P<qs2>[1-4]))\b"),
    ("half", rf"\b(?:the\s+)?(?P<ho>first|second)\s+half(?:\s+of\s+(?:fiscal\s+)?(?:year\s+)?(?P<hy>{_YEARREF}))?"),
    ("h_code", rf"\b(?:H(?P<hc>[12])\s*(?P<hcy>{_YEAR}|'?\d\d\b)?|(?P<hcy2>{_YEAR})H(?P<hc2>[12])\b)"),
    # "the current financial year", "last fiscal year": placed on the article's fiscal calendar
    ("fiscal_rel", r"\b(?:the\s+)?(?P<frw>current|this|last|next|previous|prior|coming)\s+(?:financial|fiscal)\s+"
                   r"year\b"),
    ("fiscal", rf"\b(?:(?P<fw>fiscal(?:\s+year)?)\s+(?P<fy>{_YEAR}(?:[-\u2013/]\d\d\b(?![-/]\d))?|'?\d\d\b)|"
               rf"(?P<fy2>FY\s?'?(?:{_YEAR}(?:[-\u2013/]\d\d\b(?![-/]\d))?|\d\d))\b)"),
    ("modified", rf"\b(?:(?:the\s+|at\s+the\s+)?(?P<mw>end|start|beginning|middle|close|turn)\s+of\s+(?:the\s+)?"
                 rf"|(?P<mp>early|mid|late)[-\s])(?:around\s+)?(?P<mt>(?:{_MONTH}\s+)?{_YEAR}|{_MONTH}|(?:this|last|next|"
                 rf"current|coming|past|previous|the\s+following|the\s+coming)\s+(?:year|month|week)|year|month|week)\b"),
    ("season", rf"\b(?:(?P<sm>early|late|mid)[-\s])?(?:(?P<srel>this|next|last|the\s+coming|the\s+past)\s+)?"
               rf"(?P<sn>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<sy>{_YEAR}))?\b"),
    ("decade", r"\b(?:the\s+)?(?:(?P<dm>early|mid|late)[-\s])?(?:(?P<dc>1[89]\d0|20\d0)'?s|"
               r"(?P<dc2>'\d0s|(?:(?<=the\s)|(?<=\bin\s))\d0'?s)"
               r"|(?P<dcw>(?:nineteen[-\s])?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|"
               r"nineties)|noughties))\b"),
    ("century", r"\b(?:the\s+)?(?P<cn>1\d|2[01])(?:st|nd|rd|th)[-\s]century\b"),
    ("past_n", rf"\b(?:(?P<pw>within)\s+)?(?:(?:over|in|during|for)\s+)?(?:the\s+)?(?P<pdir>past|last|previous|"
               rf"next|coming|upcoming|following)\s+(?P<pn>{_NUM}|few|several|couple\s+of)\s*(?P<pu>years?|yrs?|months?|"
               rf"decades?|weeks?|days?|quarters?)\b"),
    ("within_n", rf"\bwithin\s+(?P<wn>{_NUM}|a|an|a\s+few)\s+(?P<wu>years?|months?|weeks?|days?)\b"),
    ("past_decade", r"\b(?:over\s+|in\s+)?the\s+(?:past|last|previous)\s+(?P<pd>decade|year|month|century)\b"),
    ("ytd", r"\b(?:year[-\s]to[-\s]date|so far this year|YTD)\b"),
    # "the first nine months of 2024", "in the first 10 months this year", headline "in first 10 months"
    ("first_months", rf"(?:\b(?:in|over|during)\s+(?:the\s+)?|\bthe\s+)first\s+(?P<fmn>{_NUM})\s+months"
                     rf"(?:\s+(?:of\s+(?P<fmy>{_YEARREF})|(?P<fmy2>this\s+year|last\s+year)))?(?!\s+of\b)"),
    ("since", rf"\bsince\s+(?:(?P<sinm>{_MONTH})(?:\s+(?P<sinday>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b)?"
              rf"(?:,?\s+(?P<siny>{_YEAR}))?|(?P<siny2>{_YEAR})|"
              rf"the\s+(?P<sind>1[89]\d0|20\d0)'?s|last\s+(?P<sinl>year|month))\b"),
    ("month_year", rf"\b(?P<my_m>{_MONTH}),?\s+(?:of\s+)?(?P<my_y>{_YEAR}|'\d\d)\b"),
    ("month_rel", rf"\b(?:(?P<mrw>last|next|this)\s+(?P<mrm>{_MONTH})|(?P<mrm2>{_MONTH})\s+(?P<mrw2>last|next|this)"
                  r"\s+year)\b"),
    ("ago", rf"\b(?P<acomp>(?:(?:{_NUM}|a|an|a\s+few|few|several)\s+(?:years?|months?|weeks?|days?|decades?)"
            r"(?:,?\s+(?:and\s+)?)?)+?)\s*(?P<adir>(?<!,\s)(?:from|after|before)\s+(?:today|tomorrow|tmrw|yesterday|now)|ago"
            r"|earlier|before|back|from\s+now|hence|later|in\s+the\s+future)\b"),
    ("in_n", rf"\bin\s+(?P<inh>(?:nearly|almost|about|around|roughly|more\s+than|over|at\s+least|just\s+over|"
             rf"less\s+than|under)\s+)?(?P<inn>{_NUM}|a|an|a\s+few)\s+(?P<inu>years?|months?|weeks?|days?|decades?)"
             rf"(?:'?\s*time)?\b"),
    ("after_next", r"\bthe\s+(?P<anu>week|month|year|weekend)\s+after\s+(?:the\s+)?next\b"),
    ("rest_of", r"\b(?:the\s+)?rest\s+(?:of\s+)?(?:the\s+|this\s+|my\s+)?(?P<rou>week|month|year)\b"),
    ("relative", rf"\b(?P<rw>{_REL})\s+(?P<ru>year|yr|month|quarter|qtr|week|weekend|decade)\b(?!\s*(?:-|on\b))"),
    ("weekend", r"\b(?:the|this|that)\s+weekend\b|(?<=\bon\s)weekends?\b|\bover\s+the\s+weekend\b"),
    ("earlier_this", r"\b(?P<ew>earlier|later)\s+(?:(?P<eu>this|last|next)|in\s+the)\s+(?P<eu2>year|month|week)\b"),
    ("day_after", r"\b(?:the\s+)?day\s+(?P<dad>after|before)\s+(?P<daw>tomorrow|tmrw|yesterday)\b"),
    ("day_words", r"\b(?P<dw>yesterday|today|tonight|tonite|tomorrow|tmrw|tomorrows|this\s+(?:morning|afternoon|"
                  r"evening)|last\s+night)\b"),
    ("anaphoric", r"\bthe\s+(?:next|following|previous)\s+day\b|\bthe\s+(?:week|month|quarter|year)\s+"
                  r"(?:before|earlier)\b"),
    ("weekday", r"\b(?:on\s+|last\s+|this\s+|next\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                r"Sunday|Mon\.?|Tues?\.?|Thu(?:rs?)?\.?|Fri\.?)(?=\W|$)"),
    ("recent", r"\b(?P<rc>recent\s+(?:years|months|weeks|decades)|in\s+recent\s+times)\b"),
    ("day_of_month", r"\b(?:on\s+)?the\s+(?P<dom>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)"
                     r"(?=\s*(?:[.,;!?)]|$))"
                     r"(?![.,]\d)|\bon\s+(?P<dom2>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)(?=\s*(?:[,;!?)]|\.(?!\d)|$))"),
    ("month_only", r"\b(?P<mo>(?:January|February|March|April|May|June|July|August|September|October|November|"
                   r"December|Sept))\b"),
    ("year", rf"(?<![\d,.$€£¥#/-])\b(?P<yy>{_YEAR})\b(?!\d|,\d|\.\d|\s*(?:%|percent|per cent|-|–)\s*\d)"),
]
# Each branch behind a lookahead for the characters it can begin with (worked out from
# the branch itself: no match changes), so a branch fails at once where it cannot start;
# the whole alternation is guarded the same way: a comma or a "$" is turned away in one test.
_PATTERN = re.compile(guarded("|".join(f"(?P<{name}>{guarded(rx)})" for name, rx in _GRAMMAR)), re.IGNORECASE)
# Case-sensitive checks: a lowercase month name needs a day or year beside it;
# "May" alone only after a preposition ("in May", "last May").
_CASED_MONTH = re.compile(_MONTH)
_MAY_CONTEXT = re.compile(r"\b(?:in|since|until|till|by|during|from|through|of|last|next|this|early|late|"
                          r"mid|before|after)[\s-]+$", re.IGNORECASE)
_NOT_A_DAY = {"24/7", "24/365", "9/11"}  # slash pairs that name things, not dates ("9/11" the attacks)


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
    tz: str | None = None  # a clock time's zone: IANA name or UTC offset, when the text states one

    def fields(self) -> dict[str, object]:
        return {"value": self.value, "start_date": self.start_date, "end_date": self.end_date,
                "granularity": self.granularity, "mod": self.mod, "relative": self.relative,
                "fiscal": self.fiscal, "tz": self.tz}

    def set_day(self, day: dt.date) -> DateFound:
        self.value = self.start_date = self.end_date = day.isoformat()
        self.granularity = "day"
        return self

    def set_span(self, value: str, start: dt.date | str, end: dt.date | str, granularity: str) -> DateFound:
        self.value, self.granularity = value, granularity
        self.start_date = start if isinstance(start, str) else start.isoformat()
        self.end_date = end if isinstance(end, str) else end.isoformat()
        return self


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


ONE_DAY = dt.timedelta(days=1)


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _month_span(y: int, m1: int, m2: int | None = None) -> tuple[str, str]:
    m2 = m2 or m1
    return f"{y:04d}-{m1:02d}-01", f"{y:04d}-{m2:02d}-{_last_day(y, m2):02d}"


def _add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months (the day clipped to the month's length)."""
    index = day.year * 12 + day.month - 1 + months
    y, m = index // 12, index % 12 + 1
    return dt.date(y, m, min(day.day, _last_day(y, m)))


def _month_num(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _day_num(text: str) -> int:
    t = " ".join(text.lower().replace("-", " ").split())
    if t in _DAY_WORDS:
        return _DAY_WORDS[t]
    return int(re.sub(r"\D", "", t) or 0)


def _two_digit_year(text: str) -> int:
    """A two- or four-digit year: 00-49 -> 20YY, 50-99 -> 19YY."""
    y = int(text.strip("'"))
    if len(text.strip("'")) == 4:
        return y
    return 2000 + y if y < 50 else 1900 + y


def _ymd(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


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
    if a.month == 1 and b.month == 12 and a.year == b.year and a.day == 1 and b.day == 31:
        bounds = {"start": (1, 4), "mid": (5, 8), "end": (9, 12)}[mod]
        return _month_span(a.year, *bounds)
    if a.year == b.year and a.month == b.month and a.day == 1 and b.day == _last_day(b.year, b.month):
        lo, hi = {"start": (1, 10), "mid": (11, 20), "end": (21, b.day)}[mod]
        return f"{a.year:04d}-{a.month:02d}-{lo:02d}", f"{a.year:04d}-{a.month:02d}-{hi:02d}"
    if (b - a).days == 6 and a.weekday() == 0:
        lo, hi = {"start": (0, 2), "mid": (2, 4), "end": (4, 6)}[mod]
        return (a + dt.timedelta(days=lo)).isoformat(), (a + dt.timedelta(days=hi)).isoformat()
    days = (b - a).days + 1
    third = days // 3
    if mod == "start":
        return start, (a + dt.timedelta(days=third - 1)).isoformat()
    if mod == "mid":
        return (a + dt.timedelta(days=third)).isoformat(), (a + dt.timedelta(days=2 * third - 1)).isoformat()
    return (b - dt.timedelta(days=third - 1)).isoformat(), end


def _choose(candidates: list[dt.date], here: dt.date, direction: str | None) -> dt.date:
    """Past: the latest on or before ``here``; future: the first on or after it; else the nearest."""
    candidates = sorted(candidates)
    if direction == "past":
        before = [c for c in candidates if c <= here]
        if before:
            return before[-1]
    elif direction in ("future", "none"):
        after = [c for c in candidates if c >= here]
        if after:
            return after[0]
    return min(candidates, key=lambda c: (abs((c - here).days), c > here))


def _nearest_year(ref: Reference, month: int) -> int:
    """The year that puts ``month`` nearest the reference month (ties: the past one)."""
    assert ref.year is not None and ref.month is not None
    year, here = ref.year, ref.year * 12 + ref.month
    return min((year - 1, year, year + 1), key=lambda yy: (abs(yy * 12 + month - here), yy > year))


def _month_year(ref: Reference, month: int, direction: str | None) -> int | None:
    """The year of a bare month: by ``direction`` (see the module doc), else the nearest."""
    if ref.year is None:
        return None
    if ref.month is None:
        return ref.year
    if direction == "past":
        return ref.year if month <= ref.month else ref.year - 1
    if direction in ("future", "none"):
        return ref.year if month >= ref.month else ref.year + 1
    return _nearest_year(ref, month)


def _day_in_year(ref: Reference, month: int, day: int, direction: str | None) -> dt.date | None:
    """A day and month without a year, placed against the reference date."""
    if ref.year is None:
        return None
    here = ref.date
    if here is None:
        return _ymd(ref.year, month, day)
    cands = [d for d in (_ymd(ref.year + k, month, day) for k in (-1, 0, 1)) if d]
    if not cands:  # Feb 29: the nearest leap years
        cands = [d for d in (_ymd(ref.year + k, month, day) for k in range(-4, 5)) if d]
    return _choose(cands, here, direction) if cands else None


def _num(text: str) -> int | None:
    t = " ".join(text.lower().split())
    if t.isdigit():
        return int(t)
    if t == "couple of":  # "the past couple of years": two (news-dev CONVENTIONS 4.5)
        return 2
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


def _explicit_day(f: DateFound, y: int, m: int, d: int, text: str | None = None) -> DateFound | None:
    """An explicit day; written forms with digits go through dateparser, the rest through arithmetic."""
    parsed = _parse_day(re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)) if text else None
    day = dt.date.fromisoformat(parsed) if parsed else _ymd(y, m, d)
    if day is None or (parsed and (day.year, day.month, day.day) != (y, m, d)):
        day = _ymd(y, m, d)
        if day is None:
            return None
    f.set_day(day)
    f.explicit_year, f.explicit_day = day.year, day.isoformat()
    return f


def _year_less_day(f: DateFound, ref: Reference, m: int, d: int, direction: str | None) -> DateFound | None:
    if not 1 <= d <= 31 or d > _last_day(2000, m):
        return None
    f.relative = True
    day = _day_in_year(ref, m, d, direction)
    if day is None:
        f.value, f.granularity = f"XXXX-{m:02d}-{d:02d}", "day"
        return f
    return f.set_day(day)


def weekday_day(rdate: dt.date, wd: int, lead: str, direction: str | None) -> dt.date:
    """The day a weekday names (``wd``, Monday 0) from ``rdate``: "this"/"next"/"last" (``lead``)
    or the clause's tense (see the module doc).

    >>> [weekday_day(dt.date(2013, 2, 12), 3, "", d).isoformat() for d in ("past", "none")]
    ['2013-02-07', '2013-02-14']
    """
    monday = _week_of(rdate)[0]
    if lead == "this":
        return monday + dt.timedelta(days=wd)
    if lead == "next":
        return monday + dt.timedelta(days=7 + wd)
    if lead == "last" or direction in ("past", None):
        back = (rdate.weekday() - wd) % 7
        return rdate - dt.timedelta(days=back or (7 if lead == "last" else 0))
    if direction == "none":
        return rdate + dt.timedelta(days=(wd - rdate.weekday()) % 7 or 7)
    return rdate + dt.timedelta(days=(wd - rdate.weekday()) % 7)  # "will meet on Tuesday", written on a Tuesday


def _resolve(kind: str, g: dict[str, str | None], ref: Reference, text: str,
             direction: str | None = None) -> DateFound | None:
    """Normalize one match of the grammar (``direction``: the clause's tense, see the module doc)."""
    f = DateFound(0, 0, text, None)
    rdate = ref.date
    y: int | None
    if kind == "num_ymd":
        m = int(g["nym"]) if g["nym"] else _month_num(g["nymw"] or "")
        return _explicit_day(f, int(g["ny"] or 0), m, int(g["nyd"] or 0))
    if kind == "num_mdy":
        a, b, y = int(g["na"] or 0), int(g["nb"] or 0), _two_digit_year(g["nc"] or "")
        m, d = (b, a) if a > 12 else (a, b)
        return _explicit_day(f, y, m, d)
    if kind == "num_md":
        a, b = int(g["pa"] or 0), int(g["pb"] or 0)
        if re.sub(r"\s", "", text) in _NOT_A_DAY or (a < b <= 10):
            return None  # "24/7"; "1/2", "3/10" are fractions
        m, d = (b, a) if a > 12 else (a, b)
        return _year_less_day(f, ref, m, d, direction) if 1 <= m <= 12 else None
    if kind == "num_dmony":
        return _explicit_day(f, _two_digit_year(g["xy"] or ""), _month_num(g["xm"] or ""), int(g["xa"] or 0))
    if kind in ("month_day", "day_month"):
        mt, dtxt, yt = (g["md_m"], g["md_d"], g["md_y"]) if kind == "month_day" else (
            g["dm_m"], g["dm_d"], g["dm_y"])
        m, d = _month_num(mt or ""), _day_num(dtxt or "")
        weekday = g["mdw"] if kind == "month_day" else g["dmw"]
        if weekday and not yt and ref.date and ref.year:  # "Fri, Jul 18": the year in which Jul 18 is a Friday
            wd = _WEEKDAYS[weekday.lower().rstrip(".")]
            cands = [x for x in (_ymd(ref.year + k, m, d) for k in (-1, 0, 1)) if x and x.weekday() == wd]
            if cands:
                f.relative = True
                return f.set_day(_choose(cands, ref.date, direction))
        if yt:
            written = text if re.fullmatch(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+{_MONTH},?\s+{_YEAR}",
                                           text.strip(), re.IGNORECASE) else None
            return _explicit_day(f, int(yt), m, d, written)
        return _year_less_day(f, ref, m, d, direction)
    if kind in ("day_range", "day_range_m", "day_to_md"):
        d1, d2, mt, yt = {
            "day_range": ("dr1", "dr2", "drm", "dry"), "day_range_m": ("dr3", "dr4", "drm2", "dry2"),
            "day_to_md": ("dx1", "dx2", "dxm", "dxy")}[kind]
        m, a, b = _month_num(g[mt] or ""), _day_num(g[d1] or ""), _day_num(g[d2] or "")
        if not 1 <= a < b <= _last_day(2000, m):
            return None
        if g[yt]:
            y = int(g[yt] or 0)
            f.explicit_year = y
        else:
            f.relative = True
            end = _day_in_year(ref, m, b, direction)
            y = end.year if end else None
        if y is None or _ymd(y, m, b) is None:
            f.value, f.granularity = f"XXXX-{m:02d}-{a:02d}/XXXX-{m:02d}-{b:02d}", "day"
            return f
        return f.set_span(f"{y:04d}-{m:02d}-{a:02d}/{y:04d}-{m:02d}-{b:02d}", dt.date(y, m, a), dt.date(y, m, b),
                          "day")
    if kind == "month_year":
        y, m = _two_digit_year(g["my_y"] or ""), _month_num(g["my_m"] or "")
        f.explicit_year = y
        return f.set_span(f"{y:04d}-{m:02d}", *_month_span(y, m), "month")
    if kind == "year_month":
        y = int(g["ym_y"] or 0)
        m = int(g["ym_n"]) if g["ym_n"] else _month_num(g["ym_w"] or "")
        f.explicit_year = y
        return f.set_span(f"{y:04d}-{m:02d}", *_month_span(y, m), "month")
    if kind == "month_num_year":
        y, m = int(g["mn_y"] or 0), int(g["mn_m"] or 0)
        f.explicit_year = y
        return f.set_span(f"{y:04d}-{m:02d}", *_month_span(y, m), "month")
    if kind == "month_rel":
        word = (g["mrw"] or g["mrw2"] or "").lower()
        m = _month_num(g["mrm"] or g["mrm2"] or "")
        f.relative = True
        if ref.year is None:
            f.value, f.granularity = f"XXXX-{m:02d}", "month"
            return f
        if g["mrw2"]:  # "June next year"
            y = ref.year + _SHIFT[word]
        elif ref.month is None:
            y = ref.year + _SHIFT[word]
        else:
            y = {"last": ref.year if m < ref.month else ref.year - 1,
                 "next": ref.year if m > ref.month else ref.year + 1, "this": ref.year}[word]
        return f.set_span(f"{y:04d}-{m:02d}", *_month_span(y, m), "month")
    if kind == "month_range":
        m1, m2 = _month_num(g["mr1"] or ""), _month_num(g["mr2"] or "")
        y, rel = _year(g["mry"], ref)
        if not g["mry"]:
            y = _month_year(ref, m2, direction)  # "from October to December" (past tense): the latest
        f.relative = rel
        f.granularity = "month"
        if y is None:
            f.value = f"XXXX-{m1:02d}/XXXX-{m2:02d}"
            return f
        y1 = y - 1 if m1 > m2 else y
        f.set_span(f"{y1:04d}-{m1:02d}/{y:04d}-{m2:02d}", _month_span(y1, m1)[0], _month_span(y, m2)[1], "month")
        if not rel:
            f.explicit_year = y
        return f
    if kind == "year_range":
        y1 = int(g["yr1"] or 0)
        y2s = g["yr2"] or ""
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if y2 <= y1 and len(y2s) == 2 and 1 <= int(y2s) <= 12 and not g["yrl"] and not re.search(
                r"\b(?:to|and|through)\b", text, re.IGNORECASE):
            m = int(y2s)  # "2016-11", "2014/10": a month
            f.explicit_year = y1
            return f.set_span(f"{y1:04d}-{m:02d}", *_month_span(y1, m), "month")
        if y2 <= y1 or y2 - y1 > (10 if len(y2s) == 2 else 200):
            return None  # "2015-32" is no range
        f.explicit_year = y2
        return f.set_span(f"{y1}/{y2}", f"{y1:04d}-01-01", f"{y2:04d}-12-31", "year")
    if kind in ("quarter_y", "q_code", "q_short"):
        return _quarter(kind, g, ref, f, text, direction)
    if kind == "quarters_n":
        n = _num(g["qn"] or "") or 0
        y, rel = _year(g["qny"], ref)
        f.granularity, f.relative = "quarter", rel
        if y is None:
            return f
        return f.set_span(f"{y:04d}-Q1/{y:04d}-Q{n}", *_month_span(y, 1, 3 * n), "quarter")
    if kind == "first_months":
        n = _num(g["fmn"] or "") or 0
        if not 1 <= n <= 12:
            return None
        y, rel = _year(g["fmy"] or g["fmy2"], ref)
        f.granularity, f.relative = "month", rel
        if y is None:
            return f
        return f.set_span(f"{y:04d}-01/{y:04d}-{n:02d}", *_month_span(y, 1, n), "month")
    if kind in ("half", "h_code"):
        h = 1 if (g.get("ho") or "").lower() == "first" or "1" in (g.get("hc") or "", g.get("hc2") or "") else 2
        yt = g.get("hy") or g.get("hcy") or g.get("hcy2")
        y, rel = _year(yt, ref)
        if yt is None and y is not None and ref.month:
            y = (y if 6 * h >= ref.month else y + 1) if direction == "none" else \
                _nearest_year(ref, 4 if h == 1 else 10)
        f.granularity, f.relative = "half", rel
        if y is None:
            f.value = f"XXXX-H{h}"
            return f
        f.set_span(f"{y:04d}-H{h}", *(_month_span(y, 1, 6) if h == 1 else _month_span(y, 7, 12)), "half")
        if not rel:
            f.explicit_year = y
        return f
    if kind == "fiscal_rel":
        f.value = " ".join(text.split())
        f.fiscal, f.relative = True, True
        f.granularity = "year"
        return f
    if kind == "fiscal":
        f.value = " ".join(text.split())
        f.fiscal = True
        f.granularity = "year"
        return f
    if kind == "modified":
        return _modified(g, ref, f, direction)
    if kind == "season":
        return _season(g, ref, f, direction)
    if kind == "decade":
        return _decade(g, ref, f, text)
    if kind == "century":
        c = int(g["cn"] or 0)
        return f.set_span(f"{(c - 1) * 100:04d}/{(c - 1) * 100 + 99:04d}", f"{(c - 1) * 100:04d}-01-01",
                          f"{(c - 1) * 100 + 99:04d}-12-31", "year")
    if kind == "holiday_y":
        return _holiday_found(g, ref, f, direction)
    if kind in ("week_of", "nth_week", "nth_weekday", "weekday_week", "weekday_day", "day_rel_month", "n_weekdays",
                "after_next_x", "edge_day"):
        f.relative = True
        return _week_forms(kind, g, ref, f, text, direction)
    if kind in ("past_n", "within_n", "past_decade", "ytd", "since", "ago", "in_n", "relative", "earlier_this",
                "day_words", "day_after", "weekday", "recent", "after_next", "rest_of", "weekend", "anaphoric",
                "day_of_month"):
        f.relative = kind != "since"
        if kind == "in_n" and direction not in ("future", "none"):
            return None  # "rose 5% in two years", "aims to earn $1m in 3 years": a duration
        return _relative(kind, g, ref, f, text, rdate, direction)
    if kind == "month_only":
        m = _month_num(g["mo"] or "")
        f.relative, f.granularity = True, "month"
        y = _month_year(ref, m, direction)
        if y is None:
            f.value = f"XXXX-{m:02d}"
            return f
        return f.set_span(f"{y:04d}-{m:02d}", *_month_span(y, m), "month")
    if kind == "year":
        y = int(g["yy"] or 0)
        f.explicit_year = y
        return f.set_span(f"{y:04d}", f"{y:04d}-01-01", f"{y:04d}-12-31", "year")
    return None


def _quarter(kind: str, g: dict[str, str | None], ref: Reference, f: DateFound, text: str,
             direction: str | None) -> DateFound:
    if kind == "quarter_y":
        q = _ORD[(g["qo"] or "").lower()]
        yt = g["qy"] or g["qy2"]
        fiscal = bool(g["qf"]) or "fiscal" in text.lower() or bool(g["qfy"])  # "the third quarter of FY25"
        mod_word = g["qm"]
    elif kind == "q_code":
        q, yt, fiscal, mod_word = int(g["qc"] or 0), g["qcy"], bool(g["qf2"]) or "FY" in text, None
    else:
        q = int(g["qs"] or g["qs2"] or 0)
        yt, fiscal, mod_word = g["qsy"] or g["qsy2"], False, None
    y, rel = _year(yt, ref)
    if yt is None and y is not None and ref.month:
        # a bare quarter is the nearest such quarter to the reference date; in a verbless phrase, the next
        y = (y if 3 * q >= ref.month else y + 1) if direction == "none" else _nearest_year(ref, 3 * q - 1)
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
    f.set_span(f"{y:04d}-Q{q}", *_month_span(y, 3 * q - 2, 3 * q), "quarter")
    if f.mod and f.start_date and f.end_date:
        f.start_date, f.end_date = _narrow(f.start_date, f.end_date, f.mod)
    if not rel:
        f.explicit_year = y
    return f


_MOD_WORDS = {"end": "end", "close": "end", "late": "end", "start": "start", "beginning": "start",
              "early": "start", "turn": "start", "middle": "mid", "mid": "mid"}


def _modified(g: dict[str, str | None], ref: Reference, f: DateFound, direction: str | None) -> DateFound | None:
    mod = _MOD_WORDS[(g["mw"] or g["mp"] or "").lower()]
    target = " ".join((g["mt"] or "").split())
    low = target.lower()
    if low in ("year", "month", "week"):
        target = f"this {low}"
    elif low.startswith(("the following ", "the coming ", "coming ")):
        target = "next " + low.split()[-1]
    inner = find_dates(target[:1].upper() + target[1:], reference=ref, direction=(lambda s, e: direction))
    if not inner or inner[0].start_date is None and inner[0].value is None:
        return None
    base = inner[0]
    f.value, f.granularity, f.relative = base.value, base.granularity, base.relative
    f.explicit_year = base.explicit_year
    f.mod = mod
    if base.start_date and base.end_date:
        f.start_date, f.end_date = _narrow(base.start_date, base.end_date, mod)
    return f


def _season(g: dict[str, str | None], ref: Reference, f: DateFound, direction: str | None) -> DateFound | None:
    m1, m2 = _SEASONS[(g["sn"] or "").lower()]
    f.granularity = "season"
    if g["sy"]:
        y = int(g["sy"])
        f.explicit_year = y
    else:
        f.relative = True
        if ref.year is None:
            f.value = f"XXXX-{m1:02d}/XXXX-{m2:02d}"
            return f
        word = " ".join((g["srel"] or "").lower().split())
        mid = 1 if m1 == 12 else m1 + 1  # the season's middle month: January for a winter
        found_year = _month_year(ref, mid, {"next": "future", "the coming": "future", "last": "past",
                                            "the past": "past", "this": None}.get(word, direction))
        if found_year is None:
            return None
        y = found_year
        if word == "next" and ref.month and y * 12 + mid <= ref.year * 12 + ref.month:
            y += 1
        if word == "last" and ref.month and y * 12 + mid >= ref.year * 12 + ref.month:
            y -= 1
        if m1 == 12:
            y -= 1  # the winter of a January belongs to the December before
    y2 = y + 1 if m1 > m2 else y
    f.set_span(f"{y:04d}-{m1:02d}/{y2:04d}-{m2:02d}", _month_span(y, m1)[0], _month_span(y2, m2)[1], "season")
    if g["sm"]:
        f.mod = _MOD_WORDS[(g["sm"] or "").lower()]
        f.start_date, f.end_date = _narrow(f.start_date or "", f.end_date or "", f.mod)
    return f


def _decade(g: dict[str, str | None], ref: Reference, f: DateFound, text: str) -> DateFound | None:
    if g["dc"]:
        d = int(g["dc"])
    elif g["dcw"]:
        if not text.lower().startswith("the"):
            return None  # "in his sixties": an age
        word = (g["dcw"] or "").lower().split()[-1].split("-")[-1]
        d = 1900 + _DECADE_WORDS[word] if word != "noughties" else 2000
    else:
        two = int(re.sub(r"\D", "", g["dc2"] or "0"))
        d = 2000 + two if ref.year and 2000 + two <= ref.year else 1900 + two
    f.set_span(f"{d}/{d + 9}", f"{d:04d}-01-01", f"{d + 9:04d}-12-31", "decade")
    if g["dm"]:
        f.mod = {"early": "start", "mid": "mid", "late": "end"}[(g["dm"] or "").lower()]
        lo, hi = {"start": (0, 3), "mid": (4, 6), "end": (7, 9)}[f.mod]
        f.start_date, f.end_date = f"{d + lo:04d}-01-01", f"{d + hi:04d}-12-31"
    return f


def _set_holiday(f: DateFound, span: tuple[dt.date, dt.date]) -> DateFound:
    """One day, or a festival of several days as an interval of days."""
    start, end = span
    if start == end:
        return f.set_day(start)
    return f.set_span(f"{start.isoformat()}/{end.isoformat()}", start, end, "day")


def _holiday_found(g: dict[str, str | None], ref: Reference, f: DateFound,
                   direction: str | None) -> DateFound | None:
    name = g["hol"] or ""
    if holidays.needs_year_or_capital(name) and not g["holy"] and name.islower():
        return None  # "banks lent $5bn": a common word, not Lent
    if holidays.needs_year(name) and not g["holy"]:
        return None  # "Rakhi Sawant": a given name
    if g["holy"] and not g["holy"][0].isdigit():
        y, _rel = _year(g["holy"], ref)
        spans = holidays.occurrences(name, y) if y else []
        return _set_holiday(f, spans[0]) if spans else f
    if g["holy"]:
        spans = holidays.occurrences(name, int(g["holy"]))
        if not spans:
            return None
        f.explicit_year, f.explicit_day = spans[0][0].year, spans[0][0].isoformat()
        return _set_holiday(f, spans[0])
    f.relative, f.granularity = True, "day"
    here = ref.date
    if here is None or ref.year is None:
        return f
    spans = [s for k in (-1, 0, 1, 2) for s in holidays.occurrences(name, ref.year + k)]
    word = " ".join((g["hrel"] or "").lower().split()).replace("the ", "")
    # A festival of several days under way on the reference day is "this" one.
    if word == "this":
        span = next((s for s in spans if s[1] >= here), None)
    elif word == "next":
        span = next((s for s in spans if s[0] > here), None)
    elif word == "last":
        span = next((s for s in reversed(spans) if s[1] < here), None)
    elif direction == "past":
        span = next((s for s in reversed(spans) if s[0] <= here), None)
    else:
        span = next((s for s in spans if s[1] >= here), None)
    return _set_holiday(f, span) if span else f


def _unit_of(text: str) -> str:
    """"years", "yr", "qtrs" -> "year", "quarter"."""
    t = text.lower().rstrip("s")
    return {"yr": "year", "qtr": "quarter"}.get(t, t)


def _shift_unit(day: dt.date, unit: str, n: int) -> dt.date:
    if unit == "year":
        return _add_months(day, 12 * n)
    if unit == "decade":
        return _add_months(day, 120 * n)
    if unit == "quarter":
        return _add_months(day, 3 * n)
    if unit == "month":
        return _add_months(day, n)
    return day + dt.timedelta(days=n * (7 if unit == "week" else 1))


def _week_of(day: dt.date, shift: int = 0) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=shift)
    return monday, monday + dt.timedelta(days=6)


def _set_week(f: DateFound, monday: dt.date) -> DateFound:
    iso = monday.isocalendar()
    return f.set_span(f"{iso[0]:04d}-W{iso[1]:02d}", monday, monday + dt.timedelta(days=6), "week")


def _set_unit(f: DateFound, ref: Reference, unit: str, shift: int) -> DateFound:
    """The calendar unit (year, quarter, month, week, decade) ``shift`` units from the reference one."""
    rdate = ref.date
    if unit == "year" and ref.year:
        y = ref.year + shift
        return f.set_span(f"{y:04d}", f"{y:04d}-01-01", f"{y:04d}-12-31", "year")
    if unit == "decade" and ref.year:
        d = ref.year // 10 * 10 + 10 * shift
        return f.set_span(f"{d}/{d + 9}", f"{d:04d}-01-01", f"{d + 9:04d}-12-31", "decade")
    if unit == "month" and ref.year and ref.month:
        total = ref.year * 12 + ref.month - 1 + shift
        y, m = total // 12, total % 12 + 1
        return f.set_span(f"{y:04d}-{m:02d}", *_month_span(y, m), "month")
    if unit == "quarter" and ref.year and ref.month:
        q0 = ref.year * 4 + (ref.month - 1) // 3 + shift
        y, q = q0 // 4, q0 % 4 + 1
        return f.set_span(f"{y:04d}-Q{q}", *_month_span(y, 3 * q - 2, 3 * q), "quarter")
    if unit == "week" and rdate:
        return _set_week(f, _week_of(rdate, shift)[0])
    if unit == "weekend" and rdate:
        saturday = _week_of(rdate, shift)[0] + dt.timedelta(days=5)
        return f.set_span(f"{saturday.isoformat()}/{(saturday + ONE_DAY).isoformat()}", saturday,
                          saturday + ONE_DAY, "day")
    f.granularity = {"weekend": "day"}.get(unit, unit)
    return f


def _relative(kind: str, g: dict[str, str | None], ref: Reference, f: DateFound, text: str,
              rdate: dt.date | None, direction: str | None) -> DateFound | None:
    if kind in ("recent", "anaphoric"):
        return f
    if kind == "since":
        # "since the 1970s" runs from the decade's first year (the widest reading)
        y = int(g["siny"] or g["siny2"] or g["sind"] or 0)
        m = _month_num(g["sinm"].strip()) if g["sinm"] else 1
        if not y:
            if not ref.year or g["sinm"] and not ref.month:
                return None  # "since March" with no reference date: no year to place it in
            if g["sinl"] == "month":
                y, m = (ref.year, ref.month - 1) if ref.month and ref.month > 1 else (ref.year - 1, 12)
            elif g["sinl"] == "year":
                y = ref.year - 1
            else:  # "since March": the latest March up to the reference date
                y = ref.year if ref.month and m <= ref.month else ref.year - 1
            f.explicit_year = None
        f.granularity = "month" if g["sinm"] or g["sinl"] == "month" else "decade" if g["sind"] else "year"
        sday = int(g["sinday"] or 1)
        if g["sinday"]:
            if not g["siny"] and ref.month and (m, sday) > (ref.month, ref.day or 31):
                y -= 1  # "since May 22" read in May before the 22nd: last year's
            try:
                dt.date(y, m, sday)
            except ValueError:
                return None
            f.granularity = "day"
        explicit = bool(g["siny"] or g["siny2"] or g["sind"])
        f.explicit_year = y if explicit else None
        # "since X" is the point X: what has happened since then is reckoned from it (news-dev
        # CONVENTIONS 4.2 and 8.9: the span leaves out "since", "since last year" -> 2020);
        # an open interval's start, as Duckling gives "since 2014"
        if f.granularity == "day":
            day = dt.date(y, m, sday)
            f.set_span(day.isoformat(), day, day, "day")
        elif f.granularity == "month":
            f.set_span(f"{y:04d}-{m:02d}", *_month_span(y, m), "month")
        elif f.granularity == "decade":
            f.set_span(f"{y:04d}/{y + 9:04d}", f"{y:04d}-01-01", f"{y + 9:04d}-12-31", "decade")
        else:
            f.set_span(f"{y:04d}", f"{y:04d}-01-01", f"{y:04d}-12-31", "year")
        f.relative = not explicit
        return f
    if kind == "ytd":
        f.granularity = "day"
        if ref.year is None:
            return f
        f.start_date = f"{ref.year:04d}-01-01"
        f.end_date = rdate.isoformat() if rdate else None
        f.value = f"{ref.year:04d}-01-01/{f.end_date}" if f.end_date else f"{ref.year:04d}"
        return f
    if kind in ("past_n", "past_decade", "within_n"):
        return _span_n(kind, g, ref, f, rdate)
    if kind == "ago":
        return _ago(g, ref, f, rdate)
    if kind == "in_n":
        n = _num(g.get("inn") or "") or 0
        unit = _unit_of(g.get("inu") or "")
        if unit == "decade":
            unit, n = "year", n * 10
        if unit == "year" and ref.year:
            y = ref.year + n
            return f.set_span(f"{y:04d}", f"{y:04d}-01-01", f"{y:04d}-12-31", "year")
        if unit == "month" and ref.year and ref.month:
            total = ref.year * 12 + ref.month - 1 + n
            y, m = total // 12, total % 12 + 1
            return f.set_span(f"{y:04d}-{m:02d}", *_month_span(y, m), "month")
        if unit in ("week", "day") and rdate:
            return f.set_day(_shift_unit(rdate, unit, n))
        f.granularity = unit
        return f
    if kind in ("relative", "earlier_this", "after_next"):
        if kind == "after_next":
            word, unit = "next", (g["anu"] or "").lower()
            shift = 2
        else:
            word = (g.get("rw") or g.get("eu") or "this").lower()
            unit = _unit_of(g.get("ru") or g.get("eu2") or "")
            shift = _SHIFT[word]
        _set_unit(f, ref, unit, shift)
        if kind == "earlier_this" and f.start_date and f.end_date and rdate and word == "this":
            if (g["ew"] or "").lower() == "earlier":
                f.end_date = max(f.start_date, (rdate - ONE_DAY).isoformat())
            else:
                f.start_date = min(f.end_date, rdate.isoformat())
        return f
    if kind == "rest_of":
        unit = (g["rou"] or "").lower()
        _set_unit(f, ref, unit, 0)
        if rdate and f.end_date:
            f.start_date = rdate.isoformat()
            f.value = f"{f.start_date}/{f.end_date}"
        return f
    if kind == "weekend":
        f.granularity = "day"
        if rdate:
            shift = 0
            if direction == "past" and rdate.weekday() < 5:
                shift = -1
            _set_unit(f, ref, "weekend", shift)
        return f
    if kind in ("day_words", "day_after"):
        f.granularity = "day"
        if rdate:
            word = (g.get("dw") or g.get("daw") or "").lower().split()[0]
            # tonight, this morning: the reference day's; last night: the day before's
            shift = {"yesterday": -1, "last": -1, "today": 0, "tonight": 0, "tonite": 0, "this": 0}.get(word, 1)
            if kind == "day_after":
                shift += 1 if (g["dad"] or "").lower() == "after" else -1
            f.set_day(rdate + dt.timedelta(days=shift))
        return f
    if kind == "weekday":
        f.granularity = "day"
        wd = _WEEKDAYS[(g["wd"] or "").lower().rstrip(".")]
        if rdate:
            f.set_day(weekday_day(rdate, wd, text.lower().split()[0], direction))
        return f
    if kind == "day_of_month":
        d = _day_num(g["dom"] or g["dom2"] or "")
        f.granularity = "day"
        if not 1 <= d <= 31:
            f.relative = False
            return f
        if rdate:
            months = [_add_months(rdate.replace(day=1), k) for k in (-1, 0, 1)]
            cands = [day for day in (_ymd(mm.year, mm.month, d) for mm in months) if day]
            f.set_day(_choose(cands, rdate, direction))
        return f
    return f


_AMOUNT = re.compile(rf"(?P<n>{_NUM}|a|an|a\s+few|few|several)\s+(?P<u>years?|months?|weeks?|days?|decades?)",
                     re.IGNORECASE)


def _ago(g: dict[str, str | None], ref: Reference, f: DateFound, rdate: dt.date | None) -> DateFound:
    """"two years ago", "1 month and 21 days ago", "three weeks from tomorrow" (see the module doc)."""
    parts = [(_num(m.group("n")) or 0, _unit_of(m.group("u"))) for m in _AMOUNT.finditer(g["acomp"] or "")]
    direction = " ".join((g["adir"] or "").lower().split())
    sign = -1 if direction in ("ago", "earlier", "before", "back") or direction.startswith("before") else 1
    anchor = {"tomorrow": 1, "tmrw": 1, "yesterday": -1}.get(direction.split()[-1], 0)
    anchored = direction.split()[-1] in ("today", "tomorrow", "tmrw", "yesterday")
    units = {u for _n, u in parts}
    if len(parts) == 1 and not anchored:
        n, unit = parts[0]
        if unit == "decade":
            unit, n = "year", n * 10
        if unit == "year" and ref.year:
            y = ref.year + sign * n
            return f.set_span(f"{y:04d}", f"{y:04d}-01-01", f"{y:04d}-12-31", "year")
        if unit == "month" and ref.year and ref.month:
            total = ref.year * 12 + ref.month - 1 + sign * n
            y, m = total // 12, total % 12 + 1
            return f.set_span(f"{y:04d}-{m:02d}", *_month_span(y, m), "month")
    if rdate is None:
        f.granularity = "day" if units & {"day", "week"} else "month"
        return f
    day = rdate + dt.timedelta(days=anchor)
    for n, unit in parts:
        day = _shift_unit(day, unit, sign * n)
    return f.set_day(day)


def _nth_thursday_week(first: dt.date, last: dt.date, nth: int) -> dt.date | None:
    """The Monday of the week holding the nth (negative: nth from the end) Thursday between two days."""
    thursdays = [first + dt.timedelta(days=k) for k in range((last - first).days + 1)
                 if (first + dt.timedelta(days=k)).weekday() == 3]
    if not thursdays or abs(nth) > len(thursdays):
        return None
    return thursdays[nth - 1 if nth > 0 else nth] - dt.timedelta(days=3)


_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1, "1st": 1, "2nd": 2, "3rd": 3,
        "4th": 4, "5th": 5}
_CARDINAL_DAYS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                  "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30}


def _period_of(phrase: str, ref: Reference, direction: str | None) -> DateFound | None:
    """A month or year phrase ("July", "next month", "2015") as a resolved DateFound."""
    low = " ".join(phrase.lower().split()).replace("the ", "").replace("previous", "last")
    if low in ("month", "year"):
        low = "this " + low
    if re.fullmatch(_MONTH, phrase.strip(), re.IGNORECASE):
        m = _month_num(phrase.strip())
        y = _month_year(ref, m, direction)
        if y is None:
            return None
        return DateFound(0, 0, phrase, f"{y:04d}-{m:02d}", *_month_span(y, m), granularity="month", relative=True)
    inner = find_dates(low if low.split()[-1] in ("month", "year") else phrase, reference=ref,
                       direction=(lambda s, e: direction))
    return inner[0] if inner and inner[0].start_date and inner[0].end_date else None


def _week_forms(kind: str, g: dict[str, str | None], ref: Reference, f: DateFound, text: str,
                direction: str | None) -> DateFound | None:
    """Weeks and weekdays placed in a named period: "the first Friday of July", "next week Sunday"."""
    rdate = ref.date
    if kind == "week_of":
        inner = find_dates(g["wkd"] or g["wkd2"] or "", reference=ref, direction=(lambda s, e: direction))
        if not inner:
            return None
        f.relative = inner[0].relative
        if not inner[0].start_date:
            return f
        day = dt.date.fromisoformat(inner[0].start_date)
        if (g["wko"] or "").lower() == "month":
            return f.set_span(f"{day:%Y-%m}", *_month_span(day.year, day.month), "month")
        return _set_week(f, _week_of(day)[0])
    if kind == "nth_week":
        nth = _NTH[(g["nwo"] or g["nwo2"] or "").lower()]
        if g["nwk"]:
            nth = -_NTH[g["nwk"].lower()]  # "the third last week"
        period = _period_of(g["nwt"] or g["nwt2"] or "", ref, direction)
        if period is None:
            return None
        f.relative = period.relative
        first, last = dt.date.fromisoformat(period.start_date or ""), dt.date.fromisoformat(period.end_date or "")
        monday = _nth_thursday_week(first, last, nth)
        return _set_week(f, monday) if monday else None
    if kind == "edge_day":
        period = _period_of(g["edt"] or "", ref, direction)
        if period is None:
            return None
        f.relative = period.relative
        back = _NTH[g["edk"].lower()] - 1 if g["edk"] else 0
        return f.set_day(dt.date.fromisoformat((period.start_date if (g["edw"] or "").lower() == "first"
                                                else period.end_date) or "") - dt.timedelta(days=back))
    if kind == "nth_weekday":
        nth = _NTH[(g["nwdo"] or g["nwdo2"] or "").lower()]
        wd = _WEEKDAYS[(g["nwd"] or g["nwd2"] or "").lower()]
        if g["nwm"]:
            period = _period_of(g["nwm"], ref, direction)
            if period is None:
                return None
            f.relative = period.relative
            first, last = dt.date.fromisoformat(period.start_date or ""), dt.date.fromisoformat(period.end_date or "")
        elif rdate:
            first, last = rdate.replace(day=1), rdate.replace(day=_last_day(rdate.year, rdate.month))
        else:
            f.granularity = "day"
            return f
        days = [first + dt.timedelta(days=k) for k in range((last - first).days + 1)
                if (first + dt.timedelta(days=k)).weekday() == wd]
        if not days or nth > len(days):
            return None
        return f.set_day(days[nth - 1 if nth > 0 else -1])
    f.granularity = "day"
    if rdate is None:
        return f
    if kind == "weekday_week":
        word = (g["ww1"] or g["ww2"] or "").lower()
        wd = _WEEKDAYS[(g["wwd1"] or g["wwd2"] or "").lower().rstrip(".")]
        return f.set_day(_week_of(rdate, _SHIFT[word])[0] + dt.timedelta(days=wd))
    if kind == "weekday_day":
        wd = _WEEKDAYS[(g["wdd"] or "").lower().rstrip(".")]
        word = (g["wddd"] or "").lower()
        d = _CARDINAL_DAYS.get(word) or _day_num(word)
        months = [_add_months(rdate.replace(day=1), k) for k in range(-12, 13)]
        cands = [x for x in (_ymd(m.year, m.month, d) for m in months) if x and x.weekday() == wd]
        return f.set_day(_choose(cands, rdate, direction)) if cands else None
    if kind == "day_rel_month":
        word = (g["drm_w"] or "").lower().replace("previous", "last").replace("current", "this")
        a = _day_num(g["drm_a"] or "")
        b = _day_num(g["drm_b"]) if g["drm_b"] else None
        if b is None and not re.search(r"\d(?:st|nd|rd|th)|\bthe\b|\bof\b", text, re.IGNORECASE):
            return None  # "rose 5 next month"
        month = _add_months(rdate.replace(day=1), _SHIFT[word])
        last_day = _last_day(month.year, month.month)
        if b is None:
            return f.set_day(month.replace(day=a)) if a <= last_day else f
        if not a < b <= last_day:
            return None
        first, end = month.replace(day=a), month.replace(day=b)
        return f.set_span(f"{first.isoformat()}/{end.isoformat()}", first, end, "day")
    if kind == "after_next_x":
        word = (g["anx"] or "").lower().rstrip(".")
        if word in _WEEKDAYS:
            wd = _WEEKDAYS[word]
            return f.set_day(rdate + dt.timedelta(days=(wd - rdate.weekday()) % 7 or 7) + dt.timedelta(weeks=1))
        m = _month_num(word)
        y = rdate.year + (1 if m > rdate.month else 2)
        return f.set_span(f"{y:04d}-{m:02d}", *_month_span(y, m), "month")
    if kind == "n_weekdays":
        n = _num(g["nwn"] or "") or 0
        wd = _WEEKDAYS[(g["nwx"] or "").lower().rstrip("s")]
        back = (g["nwdir"] or "").lower() in ("ago", "back")
        if back:
            day = rdate - dt.timedelta(days=(rdate.weekday() - wd) % 7 or 7) - dt.timedelta(weeks=n - 1)
        else:
            day = rdate + dt.timedelta(days=(wd - rdate.weekday()) % 7 or 7) + dt.timedelta(weeks=n - 1)
        return f.set_day(day)
    return None


def _span_n(kind: str, g: dict[str, str | None], ref: Reference, f: DateFound,
            rdate: dt.date | None) -> DateFound:
    """"the past five years", "the next 3 days", "within 10 months" (see the module doc)."""
    if kind == "past_decade":
        unit, n, ahead, within = (g["pd"] or "").lower(), 1, False, False
        if unit == "decade":
            unit, n = "year", 10
        elif unit == "century":
            unit, n = "year", 100
    elif kind == "within_n":
        unit, n, ahead, within = _unit_of(g["wu"] or ""), _num(g["wn"] or "") or 0, True, True
    else:
        unit, n = _unit_of(g["pu"] or ""), _num(g["pn"] or "") or 0
        ahead = (g["pdir"] or "").lower() in ("next", "coming", "upcoming", "following")
        within = bool(g["pw"])
    if unit == "decade":
        unit, n = "year", n * 10
    f.granularity = "year" if unit == "year" else "month" if unit == "month" else "day"
    if not n or ref.year is None:
        return f
    if within and rdate:
        end = _shift_unit(rdate, unit, n) - ONE_DAY
        return f.set_span(f"{rdate.isoformat()}/{end.isoformat()}", rdate, end, "day")
    if unit == "year" and n == 1 and not ahead and rdate is not None:
        # "over the past year": the twelve months back to the reference month, both ends
        # named ("a gain of 2.5% over the past year" in a May 2016 report: 2015-05/2016-05;
        # the component re-anchors it on a month the sentence reports)
        start = _add_months(rdate.replace(day=1), -12)
        end = rdate.replace(day=_last_day(rdate.year, rdate.month))
        return f.set_span(f"{start:%Y-%m}/{rdate:%Y-%m}", start, end, "month")
    if unit == "year":
        # a look-back of N years runs from the reference year N years back to it, both ends
        # included: "the past two years" in a 2021 article is 2019/2021 (news-dev CONVENTIONS
        # 4.5: anchored on the reference year, ends approximate). A look-ahead is the N whole
        # years after the reference year ("the next three years" in 2013: 2014/2016, as
        # Duckling reads it; news-dev's 4.5 counts from the reference year instead, 2021/2023
        # for "the next two years" in 2021: one convention had to win, and the peer suite's
        # floor may not go down)
        a, b = (ref.year + 1, ref.year + n) if ahead else (ref.year - n, ref.year)
        return f.set_span(f"{a:04d}/{b:04d}", f"{a:04d}-01-01", f"{b:04d}-12-31", "year")
    if rdate is None:
        return f
    if unit == "month" and not ahead:
        start = _add_months(rdate.replace(day=1), -n)
        return f.set_span(f"{start:%Y-%m}/{rdate:%Y-%m}", start, rdate, "month")
    if ahead:
        start, end = rdate + ONE_DAY, _shift_unit(rdate, unit, n)
    else:
        start, end = _shift_unit(rdate, unit, -n), rdate - ONE_DAY
    return f.set_span(f"{start.isoformat()}/{end.isoformat()}", start, end,
                      "month" if unit in ("month", "quarter") else "day")


_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|until|till|through|thru|and)\s*$", re.IGNORECASE)
_RANGE_LEAD = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_LEADS = re.compile(r"(?:from|in|on|over|during|between|at)\s+", re.IGNORECASE)
_SLASH_DAY_CONTEXT = re.compile(r"\b(?:on|by|until|till|from|to|since|before|after|through|thru|for|of|back|"
                                r"due|dated|starting|beginning|between|and)\s+(?:the\s+)?$", re.IGNORECASE)
_SEASON_CONTEXT = re.compile(r"\b(?:in|during|over|by|until|till|through|the|this|leave)\s+$", re.IGNORECASE)


def _skip(kind: str, mtext: str, text: str, start: int) -> bool:
    """Matches that are words, not dates ("may" the verb, "summer" the adjective)."""
    months = re.findall(_MONTH, mtext, re.IGNORECASE)
    if kind == "month_only" or (kind == "month_range" and any(m.islower() for m in months)):
        if not _CASED_MONTH.search(mtext):
            return True  # "march", "may" as verbs: a month alone is written capitalized
    if any(m.lower() == "may" and m.islower() for m in months) and not re.search(_YEAR, mtext):
        return True  # "2 may": the verb
    if kind == "month_only" and re.search(r"\bMay\b", mtext) and not _MAY_CONTEXT.search(
            text[max(0, start - 12):start]):
        return True  # "May" the verb at a sentence start; "in May", "last May" are the month
    if kind == "num_md" and start > 0 and not _SLASH_DAY_CONTEXT.search(text[max(0, start - 14):start]):
        return True  # "Unit 12/14", "the ratio was 10/12": a slash pair is a day only after a date word
    if kind == "season" and not re.search(rf"{_YEAR}|this|next|last|coming|past", mtext, re.IGNORECASE) \
            and not _SEASON_CONTEXT.search(text[max(0, start - 12):start]):
        return True  # "summer camp"
    return False


# Every time expression holds one of these: a digit, a month, weekday, season or
# holiday name, or a word of time. The grammar is a long alternation that
# Python's regex engine tries at every position; trying it only at the token
# starts shortly before a trigger gives the same matches (tested against the
# plain scan over the corpus and both peer suites) in a fraction of the time.
_HOLIDAY_WORDS = holidays.leading_words()
_TRIGGER_WORDS = sorted({*MONTHS, *_WEEKDAYS, *_SEASONS, *_HOLIDAY_WORDS, *_DECADE_WORDS,
                         "year", "years", "yr", "yrs", "month", "months", "week", "weeks", "day", "days",
                         "quarter", "quarters", "half", "decade", "decades", "century", "centuries",
                         "weekend", "weekends", "fortnight", "today", "tomorrow", "yesterday", "tonight",
                         "now", "ago", "fy", "fiscal", "ytd", "date", "noon", "midnight", "morning",
                         "evening", "afternoon", "night", "eve", "twenties", "thirties", "forties",
                         "fifties", "sixties", "seventies", "eighties", "nineties", "hundreds", "times",
                         "hour", "hours", "minute", "minutes", "season", "millennium", "semester",
                         "term", "period", "recent", "recently", "annual", "annually", "tmrw", "tmr", "tom",
                         "qtr", "qtrs",
                         "wk", "wks", "mo", "mos", "mth", "mths", "hr", "hrs", "min", "mins", "sec", "secs",
                         "yday", "tonite", "nite"}, key=len, reverse=True)
_TRIGGER = re.compile(r"[0-9\uff10-\uff19]|" + word_starts(_TRIGGER_WORDS), re.IGNORECASE)
_TOKEN_START = re.compile(r"(?<!\w)\w|[^\w\s]")
# Words a time expression may begin with (besides trigger words, numbers and
# symbols). Plain words outside this list never start a match, so they are
# not tried; the equality with the plain scan is tested.
_START_WORDS = frozenset("""
a an the this that these those last next past previous coming current following upcoming early late mid middle
end start beginning close turn since from between in on at by during for over within until till through
throughout before after around about circa so earlier later recent recently few several couple some every each
rest remainder same whole entire full both either of to up as ago now then eve new black good ash palm mardi
shrove pancake ascension whit white trinity boss bosses world civil martin presidents president mothers mother
fathers father memorial labor labour independence valentine valentines saint st branch maundy mlk tmrw tomorrows
calendar q h w one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred first second third fourth
fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth
eighteenth nineteenth twentieth thirtieth half quarter fiscal and or no not only just nearly almost more less
""".split()) | frozenset(w.lower() for w in _TRIGGER_WORDS) | holidays.first_words()
_WORD = re.compile(r"\w+")
# Characters no time expression begins with (they are token starts the scan would try).
_NEVER_STARTS = frozenset(",.;:!?%$€£¥₹)]}\"”*&+=|")
_LOOKBACK = 50  # characters before a trigger where a match may begin ("between the start of ...")


def _matches(text: str) -> Iterator[re.Match[str]]:
    """``_PATTERN.finditer(text)``, tried only at plausible token starts near a trigger."""
    if len(text) < 400:
        yield from _PATTERN.finditer(text)
        return
    tokens = [m.start() for m in _TOKEN_START.finditer(text)]
    near: set[int] = set()
    for t in _TRIGGER.finditer(text):
        near.update(tokens[bisect.bisect_left(tokens, t.start() - _LOOKBACK):bisect.bisect_right(tokens, t.start())])
    done = 0
    for pos in sorted(near):
        if pos < done:
            continue
        char = text[pos]
        if char in _NEVER_STARTS or char.isdigit() and pos > 1 and text[pos - 1] in ".," and text[pos - 2].isdigit():
            continue  # punctuation, or the digits after a number's separator ("4.6", "1,450")
        if char.isalpha():
            word = _WORD.match(text, pos)
            if word is not None and word.group().isalpha() and word.group().lower() not in _START_WORDS:
                continue  # a plain word never begins a time expression
        found = _PATTERN.match(text, pos)
        if found is not None and found.end() > found.start():
            yield found
            done = found.end()


_FOR_BEFORE = re.compile(r"\bfor\s+$", re.IGNORECASE)


def _for_before(text: str, end: int) -> bool:
    """``text[:end]`` ends with "for" and white space: the search of :data:`_FOR_BEFORE` in it,
    started where that "for" would begin (not a scan of the text before).

    >>> _for_before("wait for  3 days", 10), _for_before("wait for3", 8), _for_before("fore ", 5)
    (True, False, False)
    """
    space = end
    while space > 0 and text[space - 1].isspace():
        space -= 1
    return _FOR_BEFORE.search(text, max(0, space - 3), end) is not None


def find_dates(text: str, *, reference: Reference | None = None,
               direction: Direction | None = None, fiscal_start: int | None = None) -> list[DateFound]:
    """Every time expression in ``text``, resolved against ``reference``.

    ``direction(start, end)`` says whether the clause around a match is in the
    past ("past") or not ("future"), or None when unknown; it decides bare
    weekdays, days and months (see the module doc). Without it, all are unknown.
    ``fiscal_start`` is the month the article's country starts its fiscal year
    (:mod:`pipeline.lexicons.fiscal_years`): a split year "2022-23" is then that
    fiscal year ("2022-04/2023-03" for India), else the two calendar years.

    >>> [(d.text, d.value) for d in find_dates("From January to November, output rose.",
    ...                                         reference=Reference(2025))]
    [('From January to November', '2025-01/2025-11')]
    >>> [(d.text, d.value, d.mod, d.end_date) for d in find_dates("by the end of 2025")]
    [('the end of 2025', '2025', 'end', '2025-12-31')]
    >>> [d.value for d in find_dates("talks resume on Monday", reference=Reference(2025, 12, 23),
    ...                              direction=lambda s, e: "future")]
    ['2025-12-29']
    """
    ref = reference or Reference()
    statement = _FISCAL_END.search(text)
    out: list[DateFound] = []
    for m in _matches(text):
        kind = next((name for name, _rx in _GRAMMAR if m.group(name) is not None), None)
        if kind is None:
            continue
        mtext = m.group()
        if _skip(kind, mtext, text, m.start()):
            continue
        if kind == "year" and is_clock_digits(text, m.start("yy"), m.end("yy")):
            continue  # "at 1830 GMT", "by 1900 GMT": a clock time, not a year
        if statement and statement.start() <= m.start() < statement.end() + 8 and kind == "month_day":
            md = _month_num(m.group("md_m") or ""), _day_num(m.group("md_d") or "")
            yearly = DateFound(m.start(), m.end(), mtext, f"XXXX-{md[0]:02d}-{md[1]:02d}", granularity="day")
            out.append(yearly)  # "the fiscal year ends on September 30": a yearly day, on no calendar
            continue
        part = _PART_OF_DAY_AFTER.match(text, m.end()) if kind in ("day_words", "weekday") else None
        if part and not re.search(r"tonight|tonite|morning|afternoon|evening|night$", mtext, re.IGNORECASE):
            mtext = text[m.start():part.end()]  # "tomorrow evening", "Monday night": the day's
        tense = direction(m.start(), m.start() + len(mtext)) if direction else None
        if kind == "in_n" and _RECORD_BEFORE.search(text[max(0, m.start() - 80):m.start()]):
            # "the first time in nearly two decades", "its highest level in 15 years": a look-back
            # to the reference date (news-dev CONVENTIONS 4.5), whatever the tense
            found = _look_back(m.groupdict(), ref, DateFound(m.start(), m.end(), mtext, None))
        else:
            found = _resolve(kind, m.groupdict(), ref, mtext, tense)
        if found is not None and kind == "weekday" and mtext.lower().split()[0] not in ("this", "next", "last"):
            found.extra["weekday"] = True  # its day follows the tense: a time joined to it may move it
        if kind == "ago" and found is not None and re.match(r"from\s", m.group("adir") or "", re.IGNORECASE) \
                and _for_before(text, m.start()):
            found = _starting_period(m.groupdict(), ref, found)  # "for 3 days from tomorrow": a period
        if found is None:
            continue
        start = m.start()
        lead = _LEADS.match(mtext)
        if lead and not re.match(r"(?:from|between)\s", mtext, re.IGNORECASE):
            start += lead.end()
        if kind == "since":
            start = m.start() + len(re.match(r"since\s+", mtext, re.IGNORECASE).group())  # type: ignore[union-attr]
        if kind == "in_n" and m.group("inh"):
            start = m.start("inn")  # a hedge is no part of the period ("in nearly two decades")
        end = m.start() + len(mtext)
        while end > start and text[end - 1] in " \t\n.":
            if text[end - 1] == "." and re.search(rf"{_MONTH}$|{_WEEKDAY}$", text[start:end], re.IGNORECASE):
                break  # "Oct." keeps its point
            end -= 1
        found.start, found.end = start, end
        found.text = text[start:end]
        out.append(found)
    out = _elliptical_parts(text, out, ref, direction)
    joined = _join_ranges(text, _with_durations(text, _weekday_with_date(text, out), ref), ref)
    if fiscal_start and fiscal_start != 1:
        joined = [_split_year(d, fiscal_start) for d in joined]
    _on_fiscal_calendar(text, joined, ref, direction, fiscal_start)
    return _with_times(text, joined, ref, direction)


# A record or a first before "in N years" makes it a look-back to the reference date: "the first
# time in two decades", "the highest level in 15 years", "the biggest drop in a decade"
_RECORD_BEFORE = re.compile(r"\b(?:first|highest|lowest|biggest|largest|smallest|strongest|weakest|fastest|slowest|"
                            r"sharpest|steepest|best|worst|longest|deepest|most|least|record)\b[^.;!?]*$",
                            re.IGNORECASE)


def _look_back(g: dict[str, str | None], ref: Reference, f: DateFound) -> DateFound | None:
    """``N`` units back to the reference date, both ends named: years (and decades) at year
    precision, months at month precision, weeks and days at day precision."""
    n = _num(g.get("inn") or "") or (1 if (g.get("inn") or "").lower() in ("a", "an") else 0)
    unit = _unit_of(g.get("inu") or "")
    if unit == "decade":
        unit, n = "year", n * 10
    f.relative = True
    if not n or ref.year is None:
        return None
    if unit == "year":
        return f.set_span(f"{ref.year - n:04d}/{ref.year:04d}", f"{ref.year - n:04d}-01-01", f"{ref.year:04d}-12-31",
                          "year")
    rdate = ref.date
    if rdate is None:
        return None
    if unit == "month":
        start = _add_months(rdate.replace(day=1), -n)
        end = rdate.replace(day=_last_day(rdate.year, rdate.month))
        return f.set_span(f"{start:%Y-%m}/{rdate:%Y-%m}", start, end, "month")
    start = _shift_unit(rdate, unit, -n)
    return f.set_span(f"{start.isoformat()}/{rdate.isoformat()}", start, rdate, "day")


# "the first, second and third quarters": each ordinal names a part of the year (news-dev
# CONVENTIONS 4.2, 8.4: elliptical coordinated periods are one mention each)
_ELLIPTICAL = re.compile(r"\b(?P<list>(?:first|second|third|fourth)(?:\s*,\s*(?:first|second|third|fourth))*)\s*,?\s+"
                         r"(?:and|or)\s+(?:the\s+)?(?:first|second|third|fourth)\s+(?P<u>quarters|halves)\b",
                         re.IGNORECASE)
_ORDINAL_WORD = re.compile(r"first|second|third|fourth", re.IGNORECASE)


def _fixed_tense(tense: str | None, start: int, end: int) -> str | None:
    return tense


def _elliptical_parts(text: str, found: list[DateFound], ref: Reference,
                      direction: Direction | None) -> list[DateFound]:
    """Add the leading ordinals of an elliptical list of quarters or halves as periods of their
    own, resolved as "the first quarter" would be (the list's last member is found already)."""
    added: list[DateFound] = []
    for m in _ELLIPTICAL.finditer(text):
        unit = "quarter" if m.group("u").lower() == "quarters" else "half"
        if unit == "half" and re.search(r"third|fourth", m.group(), re.IGNORECASE):
            continue
        tense = direction(m.start(), m.end()) if direction else None
        for o in _ORDINAL_WORD.finditer(m.group("list")):
            start, end = m.start("list") + o.start(), m.start("list") + o.end()
            last = [d for d in found if d.start < m.end() and m.end() - len(m.group("u")) < d.end]
            if any(d.start < end and start < d.end for d in found) or not last:
                continue  # (the list's last member must have been read as a period)
            # the members share the last one's year ("the first, second and third quarters")
            year = f" of {last[0].start_date[:4]}" if last[0].start_date and not last[0].fiscal else ""
            same: Direction = functools.partial(_fixed_tense, tense)
            sub = find_dates(f"the {o.group().lower()} {unit}{year}", reference=ref, direction=same)
            if len(sub) != 1 or not sub[0].value:
                continue
            part = sub[0]
            part.start, part.end, part.text = start, end, text[start:end]
            part.explicit_year, part.relative = last[0].explicit_year, last[0].relative
            added.append(part)
    return sorted(found + added, key=lambda d: (d.start, d.end)) if added else found


_PERIOD_END_WORD = re.compile(r"\b(?:ended|ending|to|through|until)\s+", re.IGNORECASE)
_FISCAL_PART = re.compile(r"\b(?:first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+(?:quarter|half)\b|\b[QH][1-4]\b",
                          re.IGNORECASE)


def _on_fiscal_calendar(text: str, found: list[DateFound], ref: Reference, direction: Direction | None,
                        fiscal_start: int | None) -> None:
    """Put the fiscal periods of ``found`` on the article's fiscal calendar
    (:mod:`pipeline.normalize.fiscal`): the one the text states ("the quarter ended Feb. 2"),
    else the country's (``fiscal_start``), else the calendar year. A "fiscal" period always
    moves; a bare quarter or half only onto a stated calendar that is not the calendar year."""
    ends: list[tuple[int, int, int | None, int | None, int | None]] = []
    for d in found:
        if d.granularity == "day" and d.value and d.value.startswith("XXXX-") and len(d.value) == 10:
            ends.append((d.start, int(d.value[5:7]), int(d.value[8:10]), None, d.end))  # a yearly day
        elif d.end_date and d.start_date == d.end_date:
            day = dt.date.fromisoformat(d.end_date)
            ends.append((d.start, day.month, day.day, day.year, d.end))
        elif d.end_date and d.granularity == "month" and d.start_date and d.start_date[:7] == d.end_date[:7]:
            ends.append((d.start, int(d.end_date[5:7]), None, None, d.end))
        elif d.end_date and "/" in (d.value or ""):
            inner = _PERIOD_END_WORD.search(d.text)  # "the 13 weeks ended Nov. 2": a period read with its end
            if inner is not None:
                day = dt.date.fromisoformat(d.end_date)
                ends.append((d.start + inner.end(), day.month, day.day, day.year, d.end))
    ends_stated = fiscal.stated_ends(text, ends)
    calendars = fiscal.calendars_from(text, ends_stated)
    country = fiscal.country_calendar(fiscal_start)

    def stated_at(pos: int) -> fiscal.FiscalCalendar | None:
        cal = calendars.at(pos)
        return None if cal is None or cal.is_calendar_year else cal  # a calendar-year company: calendar quarters

    # the article's quarters are fiscal when it says when one ended, counts weeks or calls
    # one fiscal; after a fiscal year's end alone ("the government's fiscal year ends Sept. 30"),
    # only a quarter in a sentence about fiscal periods is ("Fourth-quarter revenue ..., and
    # fiscal 2026 ..."): "GDP grew 3% in the second quarter" stays the calendar's
    fiscal_quarters = any(e.what == "quarter" and not e.weak for e in ends_stated) or \
        any(d.fiscal and d.granularity in ("quarter", "half") for d in found)
    for d in found:
        stated = stated_at(d.start)
        if d.fiscal and d.start_date is None:
            cal = stated or country
        elif stated is not None and not d.fiscal and d.granularity in ("quarter", "half") and \
                _FISCAL_PART.search(d.text) and not re.search(r"\bcalendar\b", d.text, re.IGNORECASE) and \
                (fiscal_quarters or stated.weekday is not None or
                 _FISCAL_WORD.search(_sentence_around(text, d.start, d.end))):
            cal = stated
        else:
            continue
        ahead = (direction(d.start, d.end) if direction else None) == "none"
        placed = fiscal.fiscal_interval(d.text, cal, ref.date, ahead)
        split = _SPLIT_IN.search(d.text)
        if placed is None and split is not None and d.granularity == "year" and cal.is_calendar_year:
            y1 = int(split.group("y"))
            if (y1 + 1) % 100 == int(split.group("yy")):  # "FY 2022-23" on no fiscal calendar: both years
                d.set_span(f"{y1:04d}/{y1 + 1:04d}", f"{y1:04d}-01-01", f"{y1 + 1:04d}-12-31", "year")
        if placed is None:
            continue
        first, last = placed.span
        d.set_span(placed.value[0], first, last, placed.value[1])
        d.fiscal = True
        d.extra["fiscal"] = placed
        if d.mod:
            d.start_date, d.end_date = _narrow(first.isoformat(), last.isoformat(), d.mod)
    if ref.date is not None:
        for m in _EXTRA_WEEK.finditer(text):
            stated = stated_at(m.start())
            week = stated.extra_week(ref.date) if stated is not None else None
            if week is None or any(d.start < m.end() and m.start() < d.end for d in found):
                continue
            extra = DateFound(m.start(), m.end(), m.group(), None, fiscal=True, relative=True)
            extra.set_span(f"{week[0].isoformat()}/{week[1].isoformat()}", week[0], week[1], "day")
            bisect.insort(found, extra, key=lambda d: d.start)


_SPLIT_IN = re.compile(r"(?P<y>\d{4})\s*[-\u2013/]\s*(?P<yy>\d\d)\b")
_FISCAL_WORD = re.compile(r"\b(?:fiscal|financial)\b|\bFY\s?'?\d", re.IGNORECASE)


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (roughly: between full stops, line breaks) holding ``start:end``."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right = min((i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0), default=len(text))
    return text[left + 1:right]


# "the 53rd week": the extra week a 52/53-week fiscal year adds at its end
_EXTRA_WEEK = re.compile(r"\b(?:53rd|fifty[-\s]third)\s+week\b", re.IGNORECASE)


_SPLIT_YEAR = re.compile(r"^(?P<y>\d{4})\s*[-\u2013/]\s*(?P<yy>\d\d)$")


def _split_year(found: DateFound, start_month: int) -> DateFound:
    """"2022-23" as the fiscal year starting in ``start_month`` of 2022 (a split year names a
    fiscal year); any other date unchanged."""
    m = _SPLIT_YEAR.match(found.text.strip())
    if m is None or (int(m.group("y")) + 1) % 100 != int(m.group("yy")):
        return found
    y1 = int(m.group("y"))
    end_year, end_month = (y1 + 1, start_month - 1)
    found.set_span(f"{y1:04d}-{start_month:02d}/{end_year:04d}-{end_month:02d}", f"{y1:04d}-{start_month:02d}-01",
                   f"{end_year:04d}-{end_month:02d}-{_last_day(end_year, end_month):02d}", "month")
    found.fiscal = True
    cal = fiscal.country_calendar(start_month)
    found.extra["fiscal"] = fiscal.Placed(cal, cal.year_of(dt.date(y1, start_month, 1)), 1, 1)
    return found


_WEEKDAY_DATE_GAP = re.compile(r",?\s+(?:the\s+)?")


def _weekday_with_date(text: str, found: list[DateFound]) -> list[DateFound]:
    """"on Friday, Sept. 20": the weekday and the date it names, one mention, when they agree (the
    date falls on that weekday); a weekday the date does not fall on stays apart."""
    out: list[DateFound] = []
    for d in found:
        prev = out[-1] if out else None
        if prev is not None and prev.extra.get("weekday") and d.granularity == "day" and d.start_date \
                and d.start_date == d.end_date and prev.start_date \
                and _WEEKDAY_DATE_GAP.fullmatch(text[prev.end:d.start]) \
                and dt.date.fromisoformat(prev.start_date).weekday() == dt.date.fromisoformat(d.start_date).weekday():
            d.start, d.text = prev.start, text[prev.start:d.end]
            out[-1] = d
            continue
        out.append(d)
    return out


# A part of the day after a day word or weekday is the day's ("tomorrow evening", "Monday night").
_PART_OF_DAY_AFTER = re.compile(r"\s+(?:morning|afternoon|evening|night)\b", re.IGNORECASE)


def _with_times(text: str, found: list[DateFound], ref: Reference, direction: Direction | None = None
                ) -> list[DateFound]:
    """Times of day (:func:`pipeline.normalize.clock.find_time_groups`) join the day they are on into
    one mention valued ``YYYY-MM-DDThh:mm`` with its ``tz`` ("3 p.m. ET on Tuesday"); a time with no
    day written takes the reference day (flagged relative), and is no mention without one; a range
    of two times is an interval ("10am to 2pm on Friday")."""
    days = [d for d in found if d.granularity == "day" and d.start_date and d.start_date == d.end_date]
    groups = find_time_groups(text, days=[(d.start, d.end) for d in days])
    if not groups:
        return found
    taken = SpanIndex(sorted(found, key=lambda d: d.start))  # (by position: a long text has many)
    day_ids = {id(d) for d in days}  # (a date equal to a day is one of them: the same test)
    out = list(found)
    for group in groups:
        first, last = group[0], group[-1]
        if any(taken.overlapping(t.start, t.end) for t in group if t.start < t.end):
            continue  # inside a date already read ("the 2000s")
        day = next((d for d in out if id(d) in day_ids and (
            d.start >= last.end and TIME_THEN_DAY.fullmatch(text[last.end:d.start]) or
            d.end <= first.start and DAY_THEN_TIME.fullmatch(text[d.end:first.start]))), None)
        if day is not None:
            out.remove(day)
            date, start, end, relative = day.start_date, min(day.start, first.start), max(day.end, last.end), \
                day.relative
            tense = direction(start, end) if direction and day.extra.get("weekday") else None
            if tense in ("none", "future", "present") and ref.date and date:
                # "Thursday 8:00 GMT": the weekday takes the tense of the whole expression
                date = weekday_day(ref.date, dt.date.fromisoformat(date).weekday(), "", tense).isoformat()
        elif ref.date is None:
            continue  # a time with no day written nor a reference day: on no calendar
        else:
            date = ref.date.isoformat()
            start, end, relative = first.start, last.end, True
        assert date is not None
        days_of = [(dt.date.fromisoformat(date) + dt.timedelta(days=t.next_day)).isoformat() for t in group]
        stamps = [f"{d}T{t.iso}" for d, t in zip(days_of, group, strict=True)]
        merged = DateFound(start, end, text[start:end], "/".join(stamps), start_date=days_of[0],
                           end_date=days_of[-1], granularity="day", relative=relative,
                           explicit_year=day.explicit_year if day else None,
                           explicit_day=day.explicit_day if day else None, tz=last.tz or first.tz)
        merged.extra["dated_time"] = day is not None
        out.append(merged)
    return _join_dated_times(text, sorted(out, key=lambda d: (d.start, d.end)))


_DATED_TIME_GAP = re.compile(r"\s*(?:/|-|\u2013|to|until|till|through)\s*", re.IGNORECASE)


def _join_dated_times(text: str, found: list[DateFound]) -> list[DateFound]:
    """Two times each on a day written, as one range: "from 10 p.m. Friday to 6 a.m. Monday",
    "2015-03-28 17:00/2015-03-29 21:00" -> "2015-03-28T17:00/2015-03-29T21:00"."""
    out: list[DateFound] = []
    for d in found:
        prev = out[-1] if out else None
        if prev is not None and prev.extra.get("dated_time") and d.extra.get("dated_time") \
                and "/" not in (prev.value or "") + (d.value or "") and (prev.value or "") < (d.value or "") \
                and _DATED_TIME_GAP.fullmatch(text[prev.end:d.start]) and prev.tz == d.tz:
            joined = DateFound(prev.start, d.end, text[prev.start:d.end], f"{prev.value}/{d.value}",
                               start_date=prev.start_date, end_date=d.end_date, granularity="day",
                               relative=prev.relative and d.relative, tz=d.tz)
            out[-1] = joined
            continue
        out.append(d)
    return out


_DURATION_BEFORE = re.compile(rf"(?:\bfor\s+)?\b(?P<n>{_NUM}|a|an)\s+(?P<u>days?|weeks?|months?),?\s+(?:starting|"
                              r"beginning|from)\s+(?:from\s+|on\s+)?$", re.IGNORECASE)
_DURATION_AFTER = re.compile(rf"^\s+for\s+(?P<n>{_NUM}|a|an)\s+(?P<u>days?|weeks?|months?)\b", re.IGNORECASE)


_PERIOD_ENDING = re.compile(
    r"\b(?:(?:in|for|during|over)\s+)?(?P<p>the)\s+(?:(?:past|last|latest|first)\s+)?(?P<n>\d{1,2}|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|eleven|twelve|thirteen|fifty-two)\s+(?P<u>months|weeks|quarters|days)\s+"
    r"(?:to|ended|ending|through|until)\s+$", re.IGNORECASE)


def _with_durations(text: str, found: list[DateFound], ref: Reference) -> list[DateFound]:
    """A day with a length ("for 3 days from today", "from 18th Dec for 10 days") -> the period it starts;
    a period named by its end ("the three months to September", "the 13 weeks to Oct. 4") -> that
    period, as many units back as it says; "between now and November 15th" -> from the reference day."""
    out = []
    for d in found:
        before = text[max(0, d.start - 40):d.start]
        after = text[d.end:d.end + 30]
        if d.granularity == "day" and d.start_date and "/" not in (d.value or ""):
            m = _DURATION_BEFORE.search(before) or _DURATION_AFTER.match(after)
            if m:
                first = dt.date.fromisoformat(d.start_date)
                last = _shift_unit(first, _unit_of(m.group("u")), _num(m.group("n")) or 0) - ONE_DAY
                if m.re is _DURATION_BEFORE:
                    start, end = d.start - len(before) + m.start(), d.end
                else:
                    start, end = d.start, d.end + m.end()
                d = DateFound(start, end, text[start:end], f"{first.isoformat()}/{last.isoformat()}",
                              start_date=first.isoformat(), end_date=last.isoformat(), granularity="day",
                              relative=d.relative, explicit_year=d.explicit_year, explicit_day=d.explicit_day)
        lead = _PERIOD_ENDING.search(text[max(0, d.start - 60):d.start])
        if lead and d.end_date and "/" not in (d.value or "") and d.granularity in ("day", "month", "quarter"):
            # "the three months to September", "the 13 weeks to Oct. 4": the period that ends there
            n, unit = _num(lead.group("n")) or 0, _unit_of(lead.group("u"))
            last = dt.date.fromisoformat(d.end_date)
            first = _shift_unit(last + ONE_DAY, unit, -n)
            if n and first <= last:
                start = d.start - (len(text[max(0, d.start - 60):d.start]) - lead.start("p"))
                gran = "day" if unit in ("day", "week") else "month"
                value = f"{first.isoformat()}/{last.isoformat()}" if gran == "day" else \
                    f"{first.year:04d}-{first.month:02d}/{last.year:04d}-{last.month:02d}"
                d = DateFound(start, d.end, text[start:d.end], value, start_date=first.isoformat(),
                              end_date=last.isoformat(), granularity=gran, relative=d.relative,
                              explicit_year=d.explicit_year, explicit_day=d.explicit_day)
        rdate = ref.date
        now_before = re.search(r"\bbetween\s+now\s+and\s+$", before, re.IGNORECASE)
        now_after = re.match(r"^\s+and\s+now\b", after, re.IGNORECASE)
        between = re.search(r"\bbetween\s+$", text[max(0, d.start - 9):d.start], re.IGNORECASE)
        if rdate and d.start_date and d.end_date and (now_before or now_after and between):
            if now_before:
                start, end, first_s, last_s = d.start - len(now_before.group()), d.end, rdate.isoformat(), d.end_date
            elif now_after and between:
                start = d.start - len(between.group())
                end, first_s, last_s = d.end + len(now_after.group()), d.start_date, rdate.isoformat()
            if first_s <= last_s:
                d = DateFound(start, end, text[start:end], f"{first_s}/{last_s}", start_date=first_s, end_date=last_s,
                              granularity="day", relative=True)
        out.append(d)
    return out


_FISCAL_END = re.compile(rf"fiscal\s+year\s+(?:that\s+|which\s+)?(?:ends|ending|ended|closes|runs\s+(?:to|through))"
                         rf"\s+(?:on\s+|in\s+)?(?P<fem>{_MONTH})", re.IGNORECASE)


def _starting_period(g: dict[str, str | None], ref: Reference, found: DateFound) -> DateFound:
    """"(for) 3 days from tomorrow" -> the three days starting tomorrow."""
    parts = [(_num(m.group("n")) or 0, _unit_of(m.group("u"))) for m in _AMOUNT.finditer(g["acomp"] or "")]
    word = (g["adir"] or "").lower().split()[-1]
    if ref.date is None or len(parts) != 1 or word == "now":
        return found
    first = ref.date + dt.timedelta(days={"tomorrow": 1, "tmrw": 1, "yesterday": -1}.get(word, 0))
    last = _shift_unit(first, parts[0][1], parts[0][0]) - ONE_DAY
    return found.set_span(f"{first.isoformat()}/{last.isoformat()}", first, last, "day")


def _join_ranges(text: str, found: list[DateFound], ref: Reference) -> list[DateFound]:
    """Two dates written as one range ("Oct. 2 to October 22", "between 2015 and Feb 2018") -> one mention."""
    out: list[DateFound] = []
    for d in found:
        prev = out[-1] if out else None
        gap = text[prev.end:d.start] if prev else ""
        if prev is None or not prev.start_date or not d.start_date or not d.end_date or len(gap) > 12 \
                or not _RANGE_JOIN.fullmatch(gap) or prev.fiscal or d.fiscal or "/" in (prev.value or "") \
                or "/" in (d.value or ""):
            out.append(d)
            continue
        lead = _RANGE_LEAD.search(text[max(0, prev.start - 9):prev.start])
        if gap.strip().lower() == "and" and not lead:
            out.append(d)  # "in 2015 and 2018": two dates
            continue
        first = prev
        if prev.relative and not d.relative and d.explicit_year and prev.start_date[5:] <= d.start_date[5:]:
            # "from March 3 to May 5, 2024": the first end takes the second's year
            first = DateFound(prev.start, prev.end, prev.text, None, granularity=prev.granularity)
            first.start_date = f"{d.explicit_year:04d}{prev.start_date[4:]}"
            first.value = first.start_date if prev.granularity == "day" else first.start_date[:7] \
                if prev.granularity == "month" else prev.value
        if (first.start_date or "") > d.end_date:
            out.append(d)
            continue
        start = prev.start - (len(lead.group()) if lead else 0)
        merged = DateFound(start, d.end, text[start:d.end], f"{first.value}/{d.value}",
                           start_date=first.start_date, end_date=d.end_date,
                           granularity=prev.granularity if prev.granularity == d.granularity else "day",
                           relative=(prev.relative and first is prev) or d.relative,
                           explicit_year=d.explicit_year, explicit_day=d.explicit_day)
        out[-1] = merged
    return out
