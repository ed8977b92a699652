"""English number words, scale words, fractions, ordinals and hedges.

Source: English grammar (cardinal/ordinal/fraction words) and news-wire usage
for abbreviations ("bn", "mln", "k") and South-Asian scales ("lakh", "crore").
No well-kept library ships these as data for parsing (CLDR's spell-out rules go
number -> words only), so they are typed here.
"""

from __future__ import annotations

import re

UNITS_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
    # British "nought"/"naught" and sports-page "nil" are zero.
    "nought": 0, "naught": 0, "nil": 0,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# Multipliers. "hundred" and "dozen" multiply the number before them; the large
# scales close a group ("two hundred thousand three hundred").
SCALE_WORDS: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "quadrillion": 1e15, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "crore": 1e7, "crores": 1e7,
    "dozen": 12, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
    "trillions": 1e12, "dozens": 12,
    # the plural spelling in the English-language press of India and Pakistan
    "lacs": 1e5,
    # Abbreviations of dozen in trade and recipe text ("3 doz eggs", "5 dz"; both in
    # Merriam-Webster). Rarer forms a suite uses ("dzs", "lkh", "krore", "koti") are not listed.
    "doz": 12, "dz": 12,
}
# Abbreviated scales written right after digits ("3.5bn", "50k") or after a
# space ("$3 bn"). "m" is a scale only after a currency ("$5m"); otherwise metres.
SCALE_ABBREVIATIONS: dict[str, float] = {
    "k": 1e3, "K": 1e3, "thousand": 1e3, "mn": 1e6, "mln": 1e6, "mio": 1e6, "bn": 1e9,
    "bln": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12, "tr": 1e12, "M": 1e6, "B": 1e9, "T": 1e12,
    "MM": 1e6, "mil": 1e6, "tln": 1e12, "cr": 1e7, "Cr": 1e7,
}
# Abbreviations also read after a space ("$3 bn", "Rs 500 cr", "US$ 1MM").
SPACED_SCALE_ABBREVIATIONS = frozenset({"bn", "mn", "mln", "bln", "tn", "trn", "tln", "mio", "mil", "cr", "Cr", "MM"})
MONEY_ONLY_SCALES: dict[str, float] = {"m": 1e6}
# A lowercase "m" glued to digits is "million" before a currency or a plural count noun
# ("40m euros", "4.5m workers", "2m tonnes", news-wire style), and metres otherwise ("a
# 40m race", "2m tall"). Plurals that name a race or its parts keep metres ("the 400m
# hurdles", "his 100m times"); words ending in -s that are no plural noun never count.
METRE_PLURALS = frozenset("""
hurdles heats finals semifinals semis times runners sprinters swimmers swims races relays events medals titles
""".split())
NOT_PLURAL_NOUNS = frozenset("""
is was has as its his hers this thus yes perhaps always towards whereas besides sometimes afterwards
ours yours theirs plus minus less unless upwards downwards
""".split())
# Plural count nouns without the -s ("4.5m people").
IRREGULAR_PLURALS = frozenset("people children men women police staff cattle livestock personnel folk".split())

# Vague plural scales: "hundreds of", "tens of thousands of" -> a range.
VAGUE_SCALES: dict[str, tuple[float, float]] = {
    "dozens": (24, 144), "hundreds": (200, 999), "thousands": (2e3, 9999),
    "millions": (2e6, 999999999), "billions": (2e9, 999999999999), "tens": (20, 99),
}

FRACTION_WORDS: dict[str, float] = {
    "half": 1 / 2, "halves": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4,
    "quarters": 1 / 4, "fourth": 1 / 4, "fourths": 1 / 4, "fifth": 1 / 5, "fifths": 1 / 5,
    "sixth": 1 / 6, "sixths": 1 / 6, "seventh": 1 / 7, "sevenths": 1 / 7, "eighth": 1 / 8,
    "eighths": 1 / 8, "ninth": 1 / 9, "ninths": 1 / 9, "tenth": 1 / 10, "tenths": 1 / 10,
    "hundredth": 1e-2, "hundredths": 1e-2, "thousandth": 1e-3, "thousandths": 1e-3,
    "millionth": 1e-6, "millionths": 1e-6, "billionth": 1e-9, "billionths": 1e-9,
    "trillionth": 1e-12, "trillionths": 1e-12,
}
# Denominators a digit fraction "a/b" may have ("3/4 cup", "1/5"); others are
# dates or codes ("9/11", "24/7", "5/17").
FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100, 1000})
# Members of a closed, countable set: "7 out of 9 provinces", "won 8 out of 10 matches" are two
# counts (so many of the set's members), not a share of a population ("one in five adults",
# "nine out of 10 doctors" stay fractions); news-dev CONVENTIONS 3.5
SET_MEMBER_NOUNS = frozenset("""
provinces states regions countries nations districts counties municipalities cities territories
sectors industries categories segments divisions subsectors markets
games matches races fixtures rounds seats constituencies wards members teams clubs
""".split())

# Words that make a number a pair ("a pair of", "a couple of").
PAIR_WORDS = frozenset({"pair", "couple"})

ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000, "millionth": 1_000_000,
}
ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")

# Hedges: the words before a value that bound it. Longest match wins.
# Source: news-wire usage; the list of lower/upper/approximate hedges.
HEDGES: dict[str, str] = {
    "more than": "lower_bound", "over": "lower_bound", "above": "lower_bound",
    "at least": "lower_bound", "upwards of": "lower_bound", "upward of": "lower_bound",
    "exceeding": "lower_bound", "in excess of": "lower_bound", "greater than": "lower_bound",
    "higher than": "lower_bound", "older than": "lower_bound", "surpass": "lower_bound", "surpassing": "lower_bound",
    "surpassed": "lower_bound", "surpasses": "lower_bound", "exceed": "lower_bound",
    "exceeded": "lower_bound", "exceeds": "lower_bound", "north of": "lower_bound",
    "no less than": "lower_bound", "not less than": "lower_bound", "a minimum of": "lower_bound",
    "at minimum": "lower_bound", "or more": "lower_bound",
    "pass": "lower_bound", "passed": "lower_bound", "passes": "lower_bound", "passing": "lower_bound",
    "topped": "lower_bound", "tops": "lower_bound", "topping": "lower_bound",
    "cross": "lower_bound", "crossed": "lower_bound", "crosses": "lower_bound", "crossing": "lower_bound",
    "less than": "upper_bound", "under": "upper_bound", "below": "upper_bound",
    "up to": "upper_bound", "almost": "upper_bound", "nearly": "upper_bound",
    "just under": "upper_bound", "just below": "upper_bound", "no more than": "upper_bound",
    "not more than": "upper_bound", "fewer than": "upper_bound", "lower than": "upper_bound",
    "younger than": "upper_bound",
    "at most": "upper_bound", "a maximum of": "upper_bound", "as many as": "upper_bound",
    "as much as": "upper_bound", "shy of": "upper_bound", "just shy of": "upper_bound",
    "short of": "upper_bound", "or less": "upper_bound", "or fewer": "upper_bound",
    "about": "approximate", "around": "approximate", "roughly": "approximate",
    "approximately": "approximate", "some": "approximate", "near": "approximate",
    "close to": "approximate", "an estimated": "approximate", "estimated": "approximate",
    "approx": "approximate", "circa": "approximate", "almost exactly": "approximate",
    "nearly exactly": "approximate", "give or take": "approximate", "or so": "approximate",
    "just over": "lower_bound", "just above": "lower_bound", "well over": "lower_bound",
    "well above": "lower_bound", "well below": "upper_bound", "well under": "upper_bound",
    "nearly to": "upper_bound", "close on": "approximate", "in the region of": "approximate",
    "on the order of": "approximate", "something like": "approximate", "an approximate": "approximate",
}
# Hedges that follow the value ("200 or more").
POST_HEDGES = {k: v for k, v in HEDGES.items() if k.startswith("or ") or k == "give or take"}
PRE_HEDGES = {k: v for k, v in HEDGES.items() if k not in POST_HEDGES}


# Where a bare "$" is the US dollar even in an article whose own currency is another dollar
# (a Singapore, Hong Kong, Canadian or Australian story): the world prices of commodities are
# quoted in US dollars per these units ("Brent rose to $85.63 a barrel" in a SINGAPORE story) ...
USD_PRICED_UNITS = frozenset("""
barrel barrels bbl ounce ounces oz troy bushel bushels tonne tonnes ton tons mmbtu
""".split())
# ... the dollar price of another currency is a US-dollar price ("the euro held at $1.0865") ...
QUOTED_CURRENCIES = frozenset("""
euro sterling pound yen yuan renminbi franc rupee won peso real rand rouble ruble lira ringgit baht
""".split())
FX_QUOTE = re.compile(r"\b(?P<cur>[a-z]+)\s+(?:was\s+|is\s+|has\s+|had\s+)?(?:held|stood|traded|trading|rose|fell|"
                      r"slipped|climbed|firmed|eased|weakened|strengthened|gained|dropped|edged\s+(?:up|down)|"
                      r"steadied|hovered|sat|bought|fetched)?\s*(?:at|to|near|around|above|below|on)\s+$",
                      re.IGNORECASE)
# ... and a "$" amount in brackets after an amount in another currency is its US-dollar
# conversion ("635.1 yuan ($87.26)"; news-dev CONVENTIONS 8.1)
CONVERSION_OPEN = re.compile(r"\(\s*(?:about|around|roughly|some|nearly|almost|approximately|approx\.|or|US)?\s*$",
                             re.IGNORECASE)
# A bare number quoted per dollar is an exchange rate in the currency its clause names ("the yen
# weakened to 151.2 per dollar", "the yuan at 7.1995 per U.S. dollar"): money in that currency
PER_DOLLAR = re.compile(r"^\s+(?:per|to\s+the|against\s+the|a)\s+(?:U\.?S\.?\s+|US\s+)?dollar\b", re.IGNORECASE)
QUOTED_CURRENCY_NAMED = re.compile(r"\b(?P<cur>yen|yuan|renminbi|rupee|won|peso|rand|rouble|ruble|lira|ringgit|baht|"
                                   r"rupiah|dong|naira|shekel|forint|zloty|koruna|krona|krone)\b", re.IGNORECASE)
