"""Words that count a period without a number: "all day", "a full year", "another month",
"several weeks", "half hour".

Source: English grammar of quantified time nouns (the determiners and adjectives that count a
period: all, full, whole, entire, another, half, couple, a few, several, some). Each lead is a
record with an id, a one-line why and invented example sentences, positives and negatives,
that ``tests/test_durations.py`` runs through :func:`pipeline.normalize.scan.scan`.

A vague count ("several days", "a few minutes") states no number: its value is null and its
qualifier a ``lower_bound`` at the least count the word allows (a plural period is at least
two; "several" is more than two), as "hundreds of" is a range with a null value.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PeriodLead:
    """Words before a period noun that count it.

    ``count``: the periods counted (1 for "all day"), None for a vague count, whose
    ``least`` is the smallest count it allows. ``article``: "a"/"an" may open the phrase and
    belongs to its span ("a full year", "a few days"). ``plural``: the period noun must be
    plural (True) or singular (False). ``hyphen``: the lead may be joined to the period by a
    hyphen ("all-day"). ``extent``: the phrase needs a preposition of extent before it ("for
    some days"), because without one it is a frequency ("Some days the line is long").
    ``not_before``: words that, right after the period, make the phrase no count ("Another
    day, another dollar": a figure of speech). ``examples``: (invented sentence, the
    duration's text or None for a negative).
    """

    id: str
    words: tuple[str, ...]
    why: str
    examples: tuple[tuple[str, str | None], ...]
    count: float | None = 1.0
    least: float | None = None
    article: bool = False
    plural: bool = False
    hyphen: bool = False
    extent: bool = False
    not_before: tuple[tuple[str, ...], ...] = ()


PERIOD_LEADS: tuple[PeriodLead, ...] = (
    PeriodLead(
        "period.all", ("all",), hyphen=True,
        why="'all day', 'all week': throughout one period, a duration of one of it",
        examples=(("Markets stayed shut all day after the outage.", "all day"),
                  ("The furnace ran all-week.", "all-week"),
                  ("Protesters marched all year, and again in spring.", "all year"),
                  ("It hosted an all-day summit.", None),  # an adjective of a noun
                  ("All days of the week are booked.", None))),  # plural: every day
    PeriodLead(
        "period.full", ("full",), article=True, hyphen=True,
        why="'a full year', 'full day': one whole period; 'the full year' is an anaphoric period (a date)",
        examples=(("He spent a full year at sea.", "a full year"),
                  ("The crew worked a full-day.", "a full-day"),
                  ("Revenue for the full year rose 4%.", None),  # the fiscal year: a period
                  ("It raised its full-year forecast.", None),  # an adjective
                  ("Full-year 2031 sales rose.", None))),
    PeriodLead(
        "period.whole", ("whole",), article=True,
        why="'a whole month', 'whole day': one entire period",
        examples=(("The ferry was late a whole month.", "a whole month"),
                  ("They waited the whole week for news.", None))),  # anchored: that week
    PeriodLead(
        "period.entire", ("entire",), article=True,
        why="'an entire decade': one entire period",
        examples=(("The plan took an entire decade.", "an entire decade"),
                  ("Over the entire year output fell.", None))),
    PeriodLead(
        "period.another", ("another",), not_before=((",", "another"),),
        why="'another month': one more period, as 'an extra month'",
        examples=(("The deadline was pushed back another month.", "another month"),
                  ("Can the board wait another week?", "another week"),
                  ("It posted another year-on-year gain.", None),  # part of an adjective
                  ("Another year, another record for the club.", None),  # a figure of speech
                  ("Stocks slid for another day.", "another day"))),
    PeriodLead(
        "period.half", ("half",), count=0.5, hyphen=True,
        why="'half hour', 'half day' without an article: half of one period",
        examples=(("The vote took half hour.", "half hour"),
                  ("Staff work a half day on Fridays.", "a half day"),
                  ("In the first half year profit rose.", None),  # a half of the year: a date
                  ("It reported half-year profit.", None))),  # an adjective
    PeriodLead(
        "period.couple", ("couple", "of"), count=2.0, plural=True,
        why="'couple of weeks' without an article: two periods, as 'a couple of weeks'",
        examples=(("The shop will close for couple of weeks.", "couple of weeks"),
                  ("A couple of people left.", None))),
    PeriodLead(
        "period.a-few", ("a", "few"), count=None, least=2.0, plural=True,
        why="'a few minutes': a vague count, more than one period",
        examples=(("The outage lasted a few minutes.", "a few minutes"),
                  ("A few days were lost to rain.", "A few days"),
                  ("It reopened a few days ago.", None))),  # a date (the date grammar's)
    PeriodLead(
        "period.several", ("several",), count=None, least=3.0, plural=True,
        why="'several days': a vague count, more than two periods",
        examples=(("The port was closed for several days.", "several days"),
                  ("Several months of talks followed.", "Several months"),
                  ("Several times a week it floods.", None))),  # not a period
    PeriodLead(
        "period.few", ("few",), count=None, least=2.0, plural=True, extent=True,
        why="'for few hours' (no article): a vague count of periods after a preposition of extent",
        examples=(("The line was down for few hours.", "few hours"),
                  ("Few days pass without a delay.", None))),
    PeriodLead(
        "period.some", ("some",), count=None, least=2.0, plural=True, extent=True,
        why="'for some days': a vague count of periods; without 'for' it is a frequency",
        examples=(("The bridge was shut for some days.", "some days"),
                  ("Some days the queue is long.", None))),
)

# Words before a lead that anchor the period to one in the text ("the full year", "the past
# few days", "its first half year"): a date or an anaphoric period, not a duration.
ANCHORING_WORDS = frozenset("""
the this that these those its their his her our your my first second last next past coming previous
following same current remaining final
""".split())
# Prepositions of extent a lead with ``extent`` needs before it.
EXTENT_WORDS = frozenset("for over within after during".split())
