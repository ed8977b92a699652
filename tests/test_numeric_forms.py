"""Numeric forms added for issue 4, as tables of input -> expected fragment, by phenomenon.

Grammar-level cases call :func:`pipeline.normalize.scan.scan`; record-level
cases (filters that need the parse or the article's setting) call
:func:`pipeline.extract`.
"""

from __future__ import annotations

import pytest

from pipeline import extract
from pipeline.normalize.scan import scan
from pipeline.normalize.units import parse_unit


def one(text):
    found = [c for c in scan(text) if c.kind != "ordinal"]
    assert len(found) == 1, [(c.text, c.kind) for c in found]
    return found[0]


def ids(table):
    return [row[0] for row in table]


# -- numerals -----------------------------------------------------------------------
DIGIT_FORMS = [
    ("1 234 567 people", 1234567), ("40 000 troops", 40000), ("12,34,567.89 rupees", 1234567.89),
    ("1.3e6", 1.3e6), ("-127.32e13", -1.2732e15), ("1.3x10^6", 1.3e6), ("2.5^-1", 0.4),
    ("- 1,200,000", -1.2e6), ("negative five hundred and four", -504),
]
FRACTIONS = [
    ("3/4 cup", 0.75), ("1/5", 0.2), ("20/100", 0.2), ("2 1/4 miles", 2.25), ("-4/5", -0.8),
    ("the result is \u2154", 2 / 3), ("2\u00bd litres", 2.5), ("\u00bd teaspoon", 0.5),
    ("a hundred trillionths", 1e-10), ("one out of three", 1 / 3), ("1 over 3", 1 / 3),
]
# Fractions whose denominator is a compound or uncommon ordinal. The denominator takes the
# longest compound ordinal at the end (a tens word right before "fifth" makes "thirty-fifth");
# "and" after a scale continues the numerator unless the rest is a proper fraction.
ORDINAL_FRACTIONS = [
    ("a twenty-first", 1 / 21), ("one twenty-fifth", 1 / 25), ("three twenty-firsts", 3 / 21),
    ("three twenty firsts", 3 / 21), ("twenty twenty fifths", 20 / 25), ("three twentieths", 3 / 20),
    ("one hundred thirty-fifths", 100 / 35), ("one hundred thirty fifths", 100 / 35),
    ("one hundred and thirty fifths", 130 / 5), ("one hundred and thirty-two fifths", 132 / 5),
    ("one one hundred fifth", 1 / 105), ("one one hundred and fifth", 1 / 105),
    ("one hundred one thousand fifths", 100 / 1005), ("ninety - five hundred fifths", 9500 / 5),
    ("one - fourth", 1 / 4), ("five - eighths", 5 / 8), ("minus one hundred thirty fifths", -100 / 35),
    ("two hundred thirty two and a thirtieth", 232 + 1 / 30),
]
# "percent of N" with no number before the percent word: N is the rate (written so by speakers
# of languages that put the percent word first; Recognizers-Text reads it so). Not when a noun
# follows N (a count), a number precedes "percent", or the sentence asks "what percent of".
PERCENT_OF = [("percent of 10", 10), ("per cent of twenty-two", 22), ("percents of twenty", 20),
              ("Sales increased by a percentage of 10 in 2024.", 10)]
PERCENT_OF_NOT = ["the percent of 40 respondents", "What percent of 10 is 3?"]
SPACED_FORMS = [("fifty - two", 52), ("2  1/4", 2.25), ("3 dz", 36), ("five doz eggs", 60)]
# Dot groups of three, then one or two decimals after a comma: only a decimal comma reads so.
DECIMAL_COMMAS = [("the 1.111,11 figure", 1111.11), ("1.234.567,8 tonnes", 1234567.8)]
# "half" is a share before "of" or a determiner, and after a hedge.
HALVES = [("Half the staff left.", 0.5), ("more than half people came here.", 0.5),
          ("nearly half its value", 0.5), ("nearly half a litre", 0.5)]
SPELLED = [
    ("two hundred point zero three", 200.03), ("nine point nought four", 9.04),
    ("two point two million", 2.2e6), ("nought", 0), ("one hundred and three quarters", 100.75),
    ("twenty and three fifths", 20.6), ("3 hundred and 21", 321), ("4 thousand 3 hundred and 21", 4321),
    ("6 crore and two hundred", 60000200), ("point 77", 0.77), ("01.10", 1.1),
]
SCALES = [
    ("three billions", 3e9), ("200 dozens", 2400), ("12 lakhs", 1.2e6), ("three hundred crores", 3e9),
    ("three hundred Cr", 3e9), ("Rs 2 lakh crore", 2e12), ("three lakh crore", 3e12), ("2mil", 2e6),
    ("half a dozen", 6), ("half million", 5e5), ("a quarter million", 2.5e5),
    ("three quarters billion", 7.5e8), ("two thirds of a million", 2e6 / 3),
    ("3 million and a half", 3.5e6), ("five and a half million", 5.5e6),
    ("one billion and a half million", 1.0005e9), ("five billion and three quarters", 5.75e9),
    ("a pair of shoes", 2),
]


VALUE_TABLES = DIGIT_FORMS + FRACTIONS + ORDINAL_FRACTIONS + SPACED_FORMS + DECIMAL_COMMAS + HALVES + SPELLED + SCALES


@pytest.mark.parametrize("text, value", VALUE_TABLES, ids=ids(VALUE_TABLES))
def test_values(text, value):
    assert one(text).value == pytest.approx(value)


# -- money ----------------------------------------------------------------------------
MONEY = [
    ("USD3.14", 3.14, "USD"), ("115USD", 115, "USD"), ("3.14US$", 3.14, "US$"), ("RM42", 42, "RM"),
    ("RM 42", 42, "RM"), ("42MYR", 42, "MYR"), ("20Rs", 20, "Rs"), ("100\u5143", 100, "\u5143"),
    ("30 MUSD", 3e7, "USD"), ("MAUD 60", 6e7, "AUD"), ("75 USD million", 7.5e7, "USD"),
    ("aud$ 15", 15, "AUD$"), ("Mex$ 10 million", 1e7, "MEX$"), ("c $ 300 million", 3e8, "C$"),
    ("half million usd", 5e5, "USD"), ("a dollar", 1, "dollar"), ("ringgit 42", 42, "ringgit"),
    ("Rupees 500 crore", 5e9, "Rupees"), ("42 malaysia ringgit", 42, "malaysia ringgit"),
    ("42 L.E", 42, "L.E"),
]


@pytest.mark.parametrize("text, value, currency", MONEY, ids=ids(MONEY))
def test_money_surfaces(text, value, currency):
    c = one(text)
    assert (c.kind, c.value, c.currency) == ("money", pytest.approx(value), currency)


TWO_UNIT_AMOUNTS = [
    ("20 dollars 43 cents", 20.43), ("$20 and 43c", 20.43), ("3 GBP 1 pence", 3.01),
    ("thirteen dollars and forty-five cents", 13.45), ("It costs 15 dollars and 50.", 15.5),
]


@pytest.mark.parametrize("text, value", TWO_UNIT_AMOUNTS, ids=ids(TWO_UNIT_AMOUNTS))
def test_amounts_in_two_units(text, value):
    assert one(text).value == pytest.approx(value)


def test_cents_suffix():
    c = one("a 43c stamp")
    assert (c.kind, c.value, c.currency, c.currency_factor) == ("money", 43, "cents", 0.01)


NOT_MONEY = ["ALL 5 solutions are wrong", "200 units were sold", "a value of 5", "the dollar 5 percent"]


@pytest.mark.parametrize("text", NOT_MONEY)
def test_not_money(text):
    assert all(c.kind != "money" for c in scan(text))


# -- quantities -------------------------------------------------------------------------
MEASURES = [
    ("3 tablespoons butter", 3, "tablespoon"), ("3 Cups of sugar", 3, "cup"), ("250mls", 250, "milliliter"),
    ("0.5 gals", 0.5, "gallon"), ("120 \u03bcg", 120, "microgram"), ("37.8 microgrammes", 37.8, "microgram"),
    ("10 dm", 10, "decimeter"), ("24703m2", 24703, "meter ** 2"), ("190 km2", 190, "kilometer ** 2"),
    ("10km/hr", 10, "kilometer / hour"), ("50 centimeters/millisecond", 50, "centimeter / millisecond"),
    ("10kmph", 10, "kilometer / hour"), ("The weight is 20 (kg)", 20, "kilogram"),
    ("a kilogram", 1, "kilogram"), ("half a litre", 0.5, "liter"), ("half-litre", 0.5, "liter"),
    ("thousand liters", 1000, "liter"), ('a 65" screen', 65, "inch"), ("above 5 in.", 5, "inch"),
]


@pytest.mark.parametrize("text, value, unit", MEASURES, ids=ids(MEASURES))
def test_measures(text, value, unit):
    c = one(text)
    assert c.kind == "unit" and c.value == pytest.approx(value) and parse_unit(c.unit).name == unit


COMPOUND_MEASURES = [
    ("he is 5 feet 2 inches", 62, "inch"), ("7 feet, 10 inches", 94, "inch"),
    ("2 km and 1 meter", 2001, "meter"), ("10 kms 8 metres 6 cm", 1000806, "centimeter"),
    ("12 ft 2 in more or less", 146, "inch"), ("1 kilometer and 1 mile", 2.609344, "kilometer"),
]


@pytest.mark.parametrize("text, value, unit", COMPOUND_MEASURES, ids=ids(COMPOUND_MEASURES))
def test_compound_measures(text, value, unit):
    c = one(text)
    assert c.value == pytest.approx(value) and parse_unit(c.unit).name == unit


NOT_COMPOUND = ["between 2 km and 5 km", "50 meters per millisecond, 50 centimeters/millisecond"]


@pytest.mark.parametrize("text", NOT_COMPOUND)
def test_not_compound_measures(text):
    found = scan(text)
    assert len(found) in (1, 2) and not any(c.text == text for c in found if c.qualifier != "range")


# -- hedges and ranges ------------------------------------------------------------------
RANGE_FORMS = [
    ("between 2.0 g and about 7.0 g", 2, 7), ("2 - ~7 grams", 2, 7), ("about 3km-5km", 3, 5),
]


@pytest.mark.parametrize("text, lo, hi", RANGE_FORMS, ids=ids(RANGE_FORMS))
def test_range_forms(text, lo, hi):
    c = one(text)
    assert (c.qualifier, c.lower, c.upper) == ("range", lo, hi)


def test_tilde_is_approximate():
    assert one("~ four").qualifier == "approximate"


TWO_VALUES_NOT_A_RANGE = [
    "revenue rose 4.8% to $13.18 billion", "spending was down 0.6% to 309,381 yen",
]


@pytest.mark.parametrize("text", TWO_VALUES_NOT_A_RANGE)
def test_different_kinds_are_not_a_range(text):
    assert [c.qualifier for c in scan(text)] == ["exact", "exact"]


# -- not numbers --------------------------------------------------------------------------
NOT_AMOUNTS = [
    "https://www.test.com/search?q=30%25%2020%", "24703L202", "24703 L-202", "scp-173m", "scp2-173m",
    "in 2014 B.C.", "open 24/7", "on 9/11",
]


@pytest.mark.parametrize("text", NOT_AMOUNTS)
def test_not_amounts(text):
    assert [c for c in scan(text) if c.kind in ("unit", "percent", "money", "fraction")] == []


# -- rates ---------------------------------------------------------------------------------
def test_rate_noun_before_ago_is_a_date():
    c = one("Profit was £388 million a year ago.")
    assert (c.text, c.per) == ("£388 million", None)


def test_rate_noun_not_of_time_keeps_the_rate():
    assert one("Brent hovered around $78 a barrel earlier this month").per == "barrel"


# -- record level: filters that need the parse or the setting ------------------------------
RECORD_QUANTITIES = [
    ("The baby is over two pounds.", "pound", None),
    ("Add 2000 milligrams of salt.", "milligram", None),
]


@pytest.mark.parametrize("text, unit, currency", RECORD_QUANTITIES, ids=ids(RECORD_QUANTITIES))
def test_pounds_and_years_with_units_are_quantities(text, unit, currency):
    record = extract(text)
    assert [q.unit for q in record.quantities] == [unit] and record.money == [] and record.dates == []


POUND_MONEY = ["The deal was worth 25 million pounds.", "Britain paid 25 pounds for it.",
               "It cost 25 pounds sterling."]


@pytest.mark.parametrize("text", POUND_MONEY)
def test_pounds_as_money(text):
    assert [m.currency for m in extract(text).money] == ["GBP"]


PRONOUN_ONE = ["Which one do you prefer?", "The one you mentioned is invalid", "That one is good"]


@pytest.mark.parametrize("text", PRONOUN_ONE)
def test_pronoun_one_is_not_a_count(text):
    assert extract(text).quantities == []


# A number before a partitive "of" counts the of-phrase's noun; small spelled counts before
# "of" are counts ("three of them"), except "one of" and after a determiner ("the two of them").
PARTITIVES = [("Ten of the 15 board members voted against.", [("Ten", "board members"), ("15", "board members")]),
              ("Two of the plants closed.", [("Two", "plants")]),
              ("It would move three of them.", [("three", None)]),
              ("The two of them met.", []), ("She is one of the best.", [])]


@pytest.mark.parametrize(("text", "found"), PARTITIVES, ids=ids(PARTITIVES))
def test_partitive_counts(text, found):
    assert [(q.text, q.counted) for q in extract(text).quantities] == found


def test_one_as_a_count_stays():
    assert [q.value for q in extract("He bought one car.").quantities] == [1.0]


# Hundreds said as a digit then tens and units; only the full spaced form, never before a hyphen.
SAID_HUNDREDS = [("one twenty two", [122]), ("ONE TwentY tWO", [122]), ("Flight nine forty one landed.", [941]),
                 ("one twenty two-year-old", [1, 22]), ("one twenty", [1, 20]), ("one twenty-two", [1, 22]),
                 ("ranked one, twenty two", [1, 22])]


@pytest.mark.parametrize(("text", "values"), SAID_HUNDREDS, ids=ids(SAID_HUNDREDS))
def test_said_hundreds(text, values):
    assert [c.value for c in scan(text)] == values


# -- known failures ---------------------------------------------------------------------------
KNOWN = [
    pytest.param("2.33 k", 2330, marks=pytest.mark.xfail(reason="spaced 'k' is too ambiguous to read as thousand")),
    pytest.param("3/15", 0.2, marks=pytest.mark.xfail(reason="denominator 15 reads as a date (March 15)")),
]


@pytest.mark.parametrize("text, value", KNOWN)
def test_known_failures(text, value):
    assert one(text).value == pytest.approx(value)


DEGREES = [
    ("the temperature outside is 98 degrees", "degree_Celsius"),
    ("Temperatures fell to -5°C, and Manali recorded minus 3 degrees.", "degree_Celsius"),
    ("Set the thermostat to 70 degrees Fahrenheit.", "degree_Fahrenheit"),
    ("rotate 90 degrees", "degree"),
    ("She holds two degrees in physics.", None),
]


@pytest.mark.parametrize("text, unit", DEGREES, ids=ids(DEGREES))
def test_bare_degrees_by_context(text, unit):
    assert [q.unit for q in extract(text).quantities][-1] == unit


SHARES_AND_TIMES = [
    ("about 1 in 4 adults", "fraction", 0.25), ("Apple sold 3 in 10 phones", "fraction", 0.3),
]


@pytest.mark.parametrize("text, kind, value", SHARES_AND_TIMES, ids=ids(SHARES_AND_TIMES))
def test_digit_shares(text, kind, value):
    c = one(text)
    assert (c.kind, c.value) == (kind, pytest.approx(value))


NOT_SHARES = ["How about more than 2 in 5", "won 2 in a row", "rose 5 in 2020"]


@pytest.mark.parametrize("text", NOT_SHARES)
def test_not_digit_shares(text):
    assert all(c.kind != "fraction" for c in scan(text))


@pytest.mark.parametrize("text", ["at 9.30 am", "at 7 p.m. on Monday", "a 10 pm curfew", "the A380"])
def test_times_and_models_are_not_amounts(text):
    assert scan(text) == []


# Ordinals, not fractions: a singular compound ordinal before a noun or in a hyphenated
# adjective, and a tens word before "first".."ninth".
SPELLED_ORDINALS = [
    ("a twenty-first-century city", "twenty-first", 21), ("in a twenty-first century style", "twenty-first", 21),
    ("the twenty first century", "twenty first", 21), ("the twenty-fifth anniversary", "twenty-fifth", 25),
    ("He won a fifth term.", "fifth", 5), ("It was a third straight month of gains.", "third", 3),
    ("a fifth-place finish", "fifth", 5),
]
@pytest.mark.parametrize("text", ["He won by a tenth of a second.", "in a split second", "30 metres per second"])
def test_second_as_a_unit_of_time_is_no_ordinal(text):
    assert extract(text).ordinals == []


def test_second_as_a_place_stays_an_ordinal():
    assert [o.value for o in extract("He won a second term.").ordinals] == [2]


# "a third" before "of", a comparative, a unit, a scale, a verb or the end stays a share.
A_THIRD_SHARES = [("about a third of voters", 100 / 3), ("a third more", 100 / 3), ("prices were a fifth higher", 20),
                  ("It grew by a fifth.", 20), ("a third was lost", 100 / 3),
                  ("rainfall dropped by roughly a third since the 1970s", 100 / 3),
                  ("sales rose a fifth last year", 20), ("nearly a quarter this year", 25)]


@pytest.mark.parametrize("text, percent", A_THIRD_SHARES, ids=ids(A_THIRD_SHARES))
def test_a_third_as_a_share(text, percent):
    record = extract(text)
    assert [(p.unit, p.value) for p in record.percentages] == [("fraction", pytest.approx(percent))]
    assert record.ordinals == []


@pytest.mark.parametrize("text, span, value", SPELLED_ORDINALS, ids=ids(SPELLED_ORDINALS))
def test_spelled_compound_ordinals(text, span, value):
    record = extract(text)
    assert [(o.text, o.value) for o in record.ordinals] == [(span, value)]
    assert record.quantities == [] and record.percentages == []


@pytest.mark.parametrize("text", ["about half past six", "the second half", "It took about half an hour.",
                                  "nearly half-time"])
def test_half_as_a_time_or_part_is_not_a_share(text):
    assert [c for c in scan(text) if c.kind == "fraction"] == []


@pytest.mark.parametrize("text, value", [("thirty seconds", 30), ("one hundred twenty seconds", 120)])
def test_seconds_are_durations_not_denominators(text, value):
    c = one(text)
    assert (c.kind, c.unit, c.value) == ("unit", "seconds", value)


# A rate after the counted noun or the "of" phrase (the scanner reads one right after the amount).
RATES_AFTER_PHRASE = [
    ("The operator runs 45 freight trains a week to Prague.", "45", "week"),
    ("Westgate ships about 62 million metric tons of iron ore a year.", "about 62 million metric tons", "year"),
    ("The plants emit roughly 1.1 million tonnes of carbon dioxide annually.", "roughly 1.1 million tonnes", "year"),
    ("A plant producing 12,000 cubic metres of water a day will supply the site.", "12,000 cubic metres", "day"),
    ("They recommend rest breaks of 15 minutes every hour.", "15 minutes", "hour"),
    ("It handled 2.1 million TEU a year earlier.", "2.1 million TEU", None),
    ("About 1,200 people will be employed during construction a year from now.", "About 1,200", None),
]


@pytest.mark.parametrize("text, mention, per", RATES_AFTER_PHRASE, ids=[r[1] for r in RATES_AFTER_PHRASE])
def test_rate_after_the_counted_phrase(text, mention, per):
    found = {q.text: q.per for q in extract(text).quantities}
    assert found[mention] == per


@pytest.mark.parametrize("text, mention, unit, per", [
    ("The plant will produce up to 50 gigalitres of water a year.", "up to 50 gigalitres", "gigaliter", "year"),
    ("Inflows averaged 420 gigalitres a year in the 1970s.", "420 gigalitres a year", "gigaliter", "year"),
    ("Each kilolitre needs 4 kilowatt-hours.", "4 kilowatt-hours", "kilowatt_hour", None),
    ("Trains run at 160 km an hour.", "160 km an hour", "kilometer / hour", None),
], ids=["gigalitres-of-water-a-year", "gigalitres-a-year", "kilowatt-hours", "km-an-hour-is-a-speed"])
def test_volume_prefixes_and_yearly_rates(text, mention, unit, per):
    found = {q.text: (q.unit, q.per) for q in extract(text).quantities}
    assert found[mention] == (unit, per)


@pytest.mark.parametrize("text, mention, qualifier", [
    ("Economists expected the jobless rate to tick up to 7.2 percent.", "7.2 percent", "exact"),
    ("Inflation edged up to 3 percent in May.", "3 percent", "exact"),
    ("Growth was revised up to 2.1 percent.", "2.1 percent", "exact"),
    ("Fines of up to $5,000 apply.", "up to $5,000", "upper_bound"),
    ("Prices could rise up to 10 percent.", "up to 10 percent", "upper_bound"),
], ids=["tick-up-to", "edged-up-to", "revised-up-to", "of-up-to", "rise-up-to-is-a-bound"])
def test_up_to_after_a_phrasal_verb_is_no_bound(text, mention, qualifier):
    found = {m.text: m.qualifier for m in [*extract(text).percentages, *extract(text).money]}
    assert found[mention] == qualifier


@pytest.mark.parametrize("text, direction, basis", [
    ("The unemployment rate held at 7.1 percent.", "unchanged", None),
    ("Core inflation was unchanged at 2.1 percent year on year.", "unchanged", "year_on_year"),
    ("The ECB has held its deposit rate at 2 percent since June.", "unchanged", None),
    ("Inflation remained at 3 percent.", "unchanged", None),
    ("Shares closed at 54 percent of their peak.", None, None),
], ids=["held-at", "unchanged-at", "held-its-rate-at", "remained-at", "closed-at-is-a-level"])
def test_levels_stated_as_no_change(text, direction, basis):
    p = extract(text).percentages[0]
    assert (p.change.direction if p.change else None, p.change.basis if p.change else None) == (direction, basis)


@pytest.mark.parametrize(("text", "value"), PERCENT_OF, ids=ids(PERCENT_OF))
def test_percent_of_a_number_is_that_percent(text, value):
    [c] = [c for c in scan(text) if c.kind == "percent"]
    assert (c.percent_unit, c.value) == ("percent", value)
    assert c.text.lower().startswith("per")


@pytest.mark.parametrize("text", PERCENT_OF_NOT)
def test_percent_of_a_count_is_no_percent(text):
    assert [c.kind for c in scan(text) if c.kind == "percent"] == []


def test_percent_of_after_a_percentage_is_its_base():
    found = scan("rose 5 percent of 10 million")
    assert [(c.kind, c.value) for c in found] == [("percent", 5), ("number", 1e7)]



# The counted noun of a number written in several tokens, and never "times": a multiplier is a
# ratio whose base is what it counts (docs/mentions.md, Units).
COUNTED = [("It owns about three dozen ski lodges.", "ski lodges"),
           ("It sold two hundred and five packages.", "packages"),
           ("An estimated 3-5 million workers suffer.", "workers"),
           ("Bookings reached one and a half times the ₹823 crore recorded a year earlier.", "the ₹823 crore")]


@pytest.mark.parametrize(("text", "counted"), COUNTED, ids=ids(COUNTED))
def test_counted_noun_of_a_multiword_number(text, counted):
    assert extract(text).quantities[0].counted == counted


def test_share_of_one_in_n_people():
    assert [(p.value, p.of) for p in extract("One in four adults reported feeling lonely.").percentages] == \
        [(25.0, "adults")]


def test_crowns_are_money():
    money = extract("Operating profit climbed to 612 million Swedish crowns from 498 million crowns.").money
    assert [(m.value, m.currency) for m in money] == [(6.12e8, "SEK"), (4.98e8, "SEK")]



# "by N to M <unit>": a range of the change when the first end is bare and the ends are of a size
BY_RANGES = [("Temperatures will fall by 6 to 8 degrees.", (6, 8)), ("Demand will grow by 7 to 8 percent.", (7, 8))]


@pytest.mark.parametrize(("text", "bounds"), BY_RANGES, ids=ids(BY_RANGES))
def test_range_after_by(text, bounds):
    c = one(text)
    assert (c.qualifier, c.lower, c.upper) == ("range", *bounds)


def test_change_then_level_after_by():
    assert [c.value for c in scan("Payrolls rose by 5,700 to 123,400.")] == [5700, 123400]


def test_temperature_change_is_a_delta():
    q = extract("Temperatures will fall by 8 degrees Celsius.").quantities[0]
    assert (q.unit, q.si_value) == ("delta_degree_Celsius", 8.0)
    assert extract("Temperatures reached 44.8 degrees Celsius.").quantities[0].si_value == pytest.approx(317.95)


def test_a_date_is_never_counted():
    q = extract("It plans to open more than 20 next year.").quantities[0]
    assert (q.text, q.counted) == ("more than 20", None)



MULTIPLES = [("The stock has doubled since January 2025.", ("doubled", 100.0, "exact", "increase")),
             ("Profit more than tripled to $5 million.", ("more than tripled", 200.0, "lower_bound", "increase")),
             ("Sales nearly halved in 2024.", ("nearly halved", 50.0, "upper_bound", "decrease"))]


@pytest.mark.parametrize(("text", "expected"), MULTIPLES, ids=ids(MULTIPLES))
def test_change_as_a_multiple(text, expected):
    p = extract(text).percentages[0]
    assert (p.text, p.value, p.qualifier, p.change.direction) == expected


@pytest.mark.parametrize("text", ["The company doubled down on its strategy.", "It offers double rooms."])
def test_no_multiple(text):
    assert extract(text).percentages == []


def test_opening_basis_phrase():
    p = extract("On a year-on-year basis, consumer prices rose 2.7 percent in October.").percentages[0]
    assert (p.change.direction, p.change.basis) == ("increase", "year_on_year")
