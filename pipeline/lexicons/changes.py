"""Words that make a value a change, and phrases that name its basis.

Source: news-wire usage for economic and business reporting. Lemmas, matched
against spaCy's lemmatizer output.
"""

from __future__ import annotations

import re

INCREASE_LEMMAS = frozenset("""
rise grow increase climb jump surge gain soar expand rebound accelerate advance add boost
double triple raise lift rally spike widen edge tick swell up balloon
""".split())
DECREASE_LEMMAS = frozenset("""
fall drop decline decrease slip slide plunge tumble shrink contract lose sink slump dip ease
cut reduce lower narrow retreat plummet crash halve down shed contraction
""".split())
# Changes whose direction depends on what is measured ("performance improved", "the
# jobless rate improved"): they make the subject the measure but give no direction.
UNSIGNED_CHANGE_LEMMAS = frozenset("improve worsen deteriorate recover change shift swing slow".split())
INCREASE_NOUNS = frozenset("rise increase growth gain jump surge hike climb rally expansion uptick "
                           "boost advance rebound".split())
DECREASE_NOUNS = frozenset("drop decline decrease fall cut loss slump dip contraction reduction "
                           "plunge downturn slide".split())
# "4 billion pounds over budget", "2 percent under target": a difference from a reference
# level (not "slid 24 percent over the same stretch", a period).
OVER_UNDER_REFERENCES = frozenset("budget target forecast forecasts estimate estimates expectation expectations "
                                  "plan plans limit cap par threshold guidance consensus".split())
# Change nouns that name a level when the value is an amount of money: "an operating loss
# of $95 million", "a $2bn loss" is how much was lost (a negative profit), not a fall;
# "a 5 percent loss in value" is a fall.
AMOUNT_LEVEL_NOUNS = frozenset("loss".split())
# Nouns that give a figure's form, not what it measures: "a previous range of 15.8 billion to
# 16.4 billion crowns", "in a band of 2 to 3 percent" (the measure is the figure's, from elsewhere).
FORM_NOUNS = frozenset("range band bracket".split())
# A premium is a value above a reference level ("the offer carries a 48 percent premium"
# to the closing price), a discount one below it: a change in direction, while the noun
# itself stays the measure (unlike "a 3.2 per cent hike in water rates").
PREMIUM_NOUNS = {"premium": "increase", "discount": "decrease"}
# A rate of growth is an increase without a verb of rising ("fishing output growth came in
# at 3.4 percent", "a yearly growth target of about 5 percent", "rent growth has held at
# just over 3%"; news-dev CONVENTIONS 7.8): the words of a measure that
# make its percentage a growth rate.
GROWTH_RATE_WORDS = frozenset("growth".split())
# Nouns for the speed of a change: "prices rose at an annual rate of 3.1%", "the economy
# shrank at a 1.2 percent pace": a rate of the change verb's clause is a change in that
# verb's direction (news-dev CONVENTIONS 7.8).
CHANGE_RATE_NOUNS = frozenset("rate pace clip".split())

# Basis phrases, searched in the rest of the sentence after the value.
BASIS_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.IGNORECASE), basis) for p, basis in [
        (r"\byear[-\s]on[-\s]year\b|\byear[-\s]over[-\s]year\b|\by/?o/?y\b|\bfrom a year (?:earlier|ago|before)"
         r"|\b(?:compared )?(?:with|to|from|over|than) (?:a year (?:earlier|ago)|the same (?:period|quarter|month) "
         r"(?:of |in )?(?:last|the previous|a) year|(?:the )?(?:previous|prior) year|last year)"
         r"|\bon an annual basis\b|\bannual(?:ly)?\b", "year_on_year"),
        (r"\bmonth[-\s]on[-\s]month\b|\bmonth[-\s]over[-\s]month\b|\bm/?o/?m\b|\bfrom (?:a|the) (?:month "
         r"(?:earlier|before)|previous month|prior month)|\bon a monthly basis\b", "month_on_month"),
        (r"\bquarter[-\s]on[-\s]quarter\b|\bquarter[-\s]over[-\s]quarter\b|\bq/?o/?q\b|\bfrom (?:a|the) "
         r"(?:quarter (?:earlier|before)|previous quarter|prior quarter)|\bsequential(?:ly)?\b",
         "quarter_on_quarter"),
        (r"\bon the month\b|\bfrom the month before\b", "month_on_month"),
        (r"\bon the quarter\b", "quarter_on_quarter"),
        (r"\bon the year\b|\bon a yearly basis\b", "year_on_year"),
        (r"\bweek[-\s]on[-\s]week\b|\bfrom (?:a|the) (?:week earlier|previous week)", "week_on_week"),
    ]
]

# Verbs that state the level of their subject ("Revenue was / reached / totalled
# $5 billion"): the subject is then the measure.
LEVEL_VERBS = frozenset("""
be reach total stand hit come amount top exceed surpass pass near approach average
equal hover sit remain end close finish peak
""".split())
# Verbs that state their subject's level only with "at": "The jobless rate held at 5%",
# "Brent settled at $82.10", "inflation stayed at 2.4 percent" (not "Acme holds 5% of the
# shares", whose subject is a holder).
LEVEL_AT_VERBS = frozenset("hold stay settle stabilise stabilize rest trade".split())

# Verbs (with their particles) whose object is an expected figure: "the $2.72 that analysts
# expected", "analysts had been looking for $2.39 billion". With no measure of its own, such a
# figure is of what the figure it is set against measures.
EXPECTATION_VERBS = frozenset(["expect", "anticipate", "forecast", "estimate", "project", "predict",
                               "look for", "pencil in"])

# Nouns after "in" that set the scene, not the thing measured ("$63.53 in early
# trading", "in a statement").
SETTING_NOUNS = frozenset("""
trading session market deal transaction statement filing report interview note briefing
speech letter release conference call time period
""".split())

# Comparatives right after a value make it a change: "8 percent more than",
# "9 percent ahead of", "5.1 percent higher".
# A rate's pace: "0.2 percentage points slower than", "2 points faster".
COMPARATIVE_UP = frozenset("more higher above ahead greater larger bigger up costlier dearer faster quicker "
                           "stronger wider longer taller heavier better".split())
COMPARATIVE_DOWN = frozenset("less lower below behind fewer smaller cheaper down slower weaker narrower shorter "
                             "lighter worse".split())

# The verb of a change or event noun that a value measures: "a year-on-year gain of 6
# percent" -> gain, "a $2.4 billion reduction in the deficit" -> reduce, "at a total cost of
# 2.1 billion euros" -> cost (news-dev CONVENTIONS 7.4: the event noun gives the predicate
# as its verb's lemma). Most change nouns are their own verb; the rest are the English
# nominalisations (-tion, -ment, -th) of the verb. Not "loss" (an amount lost is a level:
# AMOUNT_LEVEL_NOUNS) nor nouns with no verb ("uptick", "downturn").
EVENT_NOUN_VERBS: dict[str, str] = {
    **{n: n for n in "rise increase gain jump surge hike climb rally boost advance rebound drop decline "
                     "decrease fall cut slump dip plunge slide cost".split()},
    "growth": "grow", "expansion": "expand", "contraction": "contract", "reduction": "reduce",
    "improvement": "improve", "investment": "invest",
}
# Verbs that only carry an event noun, whose own lemma is no predicate for it: light verbs
# (CONVENTIONS 7.3 item 3: have, post, see, make; "carries a 3.2 per cent hike") and
# source verbs (8.8: "the report had revealed a $2.4 billion reduction").
EVENT_CARRYING_VERBS = frozenset("have post see make carry record register log show reveal indicate".split())
