"""The numeric grammar (pipeline.normalize.scan), as tables grouped by phenomenon."""

from __future__ import annotations

import pytest

from pipeline.normalize.scan import scan


def one(text):
    found = scan(text)
    assert len(found) == 1, [(c.text, c.kind) for c in found]
    return found[0]


NUMERALS = [
    ("1,234.5 tons", 1234.5), ("1\u00a0234 workers", 1234), ("12\u2009600 rooms", 12600),
    ("3.5 million people", 3.5e6), ("10 trillion", 1e13), ("3.5bn", 3.5e9), ("27.1 mln shares", 27.1e6),
    ("a 50k bonus", 5e4), ("18.6 lakh customers", 1.86e6), ("two hundred and five", 205),
    ("forty-two", 42), ("three dozen eggs", 36), ("one and a half times", 1.5), ("\uff11\uff12\uff13 units", 123),
    ("\u22125 points", -5), ("minus 3 votes", -3), ("a million barrels", 1e6),
]


@pytest.mark.parametrize("text, value", NUMERALS, ids=[t for t, _ in NUMERALS])
def test_numerals(text, value):
    assert one(text).value == pytest.approx(value)


HEDGES = [
    ("more than 200", "lower_bound"), ("over 90", "lower_bound"), ("at least 5", "lower_bound"),
    ("upwards of 600", "lower_bound"), ("surpass 10", "lower_bound"), ("less than 4 percent", "upper_bound"),
    ("almost 30 percent", "upper_bound"), ("nearly 7", "upper_bound"), ("no more than 1.5 litres", "upper_bound"),
    ("just under 40", "upper_bound"), ("roughly a third of it", "approximate"), ("about 5", "approximate"),
    ("an estimated 14,800", "approximate"), ("close to 90", "approximate"), ("near six percent", "approximate"),
    ("200 or more", "lower_bound"),
]


@pytest.mark.parametrize("text, qualifier", HEDGES, ids=[t for t, _ in HEDGES])
def test_hedges(text, qualifier):
    c = one(text)
    assert c.qualifier == qualifier
    if qualifier == "lower_bound":
        assert c.lower == c.value and c.upper is None
    if qualifier == "upper_bound":
        assert c.upper == c.value and c.lower is None


RANGES = [
    ("between 3 and 5 percent", 3, 5, "percent"), ("3-5 million people", 3e6, 5e6, "number"),
    ("from 10 to 20 yuan", 10, 20, "money"), ("3 to 5 percent", 3, 5, "percent"),
    ("$3 to $5", 3, 5, "money"), ("between 31 percent and 32 percent", 31, 32, "percent"),
]


@pytest.mark.parametrize("text, lo, hi, kind", RANGES, ids=[r[0] for r in RANGES])
def test_ranges(text, lo, hi, kind):
    c = one(text)
    assert (c.qualifier, c.value, c.kind) == ("range", None, kind)
    assert (c.lower, c.upper) == (pytest.approx(lo), pytest.approx(hi))


NOT_RANGES = [
    ("rose from 4.1 percent to 4.3 percent", 2), ("grew by 5,700 to 123,400", 2),
    ("committed RMB 46 billion to 83 projects", 2),
]


@pytest.mark.parametrize("text, count", NOT_RANGES, ids=[t for t, _ in NOT_RANGES])
def test_not_ranges(text, count):
    found = scan(text)
    assert len(found) == count and all(c.qualifier != "range" for c in found)


ADJECTIVAL = [
    ("700-billion-yuan ecosystems", "money", 7e11, "yuan", None),
    ("a 45-acre farm", "unit", 45, None, "acre"),
    ("an intelligent one-hour circle", "unit", 1, None, "hour"),
    ("a 25-basis-point cut", "percent", 25, None, None),
    ("a 10-year contract", "unit", 10, None, "year"),
]


@pytest.mark.parametrize("text, kind, value, currency, unit", ADJECTIVAL, ids=[a[0] for a in ADJECTIVAL])
def test_adjectival_forms(text, kind, value, currency, unit):
    c = one(text)
    assert (c.kind, c.value, c.currency, c.unit, c.adjectival) == (kind, value, currency, unit, True)


def test_count_then_adjectival_money_is_two_mentions():
    count, money = scan("Three trillion-yuan clusters")
    assert (count.kind, count.value) == ("number", 3)
    assert (money.kind, money.value, money.currency) == ("money", 1e12, "yuan")


RATES = [("$70-a-share offer", "share"), ("$4 a barrel", "barrel"), ("HK$0.58 per share", "share"),
         ("about $27 an hour", "hour"), ("4.1p a share", "share")]


@pytest.mark.parametrize("text, per", RATES, ids=[t for t, _ in RATES])
def test_rates(text, per):
    assert one(text).per == per


NOT_NUMBERS = ["Route 2013", "Section 427", "an F-150 pickup", "COVID-19 cases", "5G networks", "the G20",
               "call 270-555-0143", "open 24/7", "at 3:30 p.m.", "the 1990s"]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_not_numbers(text):
    assert [c for c in scan(text) if c.kind != "ordinal"] == []


PERCENT_UNITS = [("up 0.2 percentage points", "percentage_point"), ("cut 25 basis points", "basis_point"),
                 ("rose 7%", "percent"), ("6 per cent", "percent"), ("two-thirds of them", "fraction"),
                 ("one in five workers", "fraction")]


@pytest.mark.parametrize("text, unit", PERCENT_UNITS, ids=[t for t, _ in PERCENT_UNITS])
def test_percent_units(text, unit):
    assert one(text).percent_unit == unit


CHANGES = [
    ("Sales were up 5 percent.", "increase", None),
    ("Profit was down 3.2 percent from a year earlier.", "decrease", "year_on_year"),
    ("Exports rose 7% year on year.", "increase", "year_on_year"),
    ("Revenue reached 2 billion, an increase of 11 percent.", "increase", None),
    ("Prices were 5.1 percent higher than a year earlier.", "increase", "year_on_year"),
    ("Customers spend 8 percent more with us.", "increase", None),
    ("Retail sales edged up 0.2 percent on the month.", "increase", "month_on_month"),
    ("Orders fell by 3 percent.", "decrease", None),
    ("Subscriptions make up 58 percent of revenue.", None, None),
    ("Unemployment rose to 4.3 percent.", None, None),
]


@pytest.mark.parametrize("text, direction, basis", CHANGES, ids=[c[0] for c in CHANGES])
def test_change_direction_and_basis(extractor, text, direction, basis):
    pct = extractor.extract(text, published="2025-06-30").percentages[0]
    if direction is None:
        assert pct.change is None
    else:
        assert pct.change is not None and (pct.change.direction, pct.change.basis) == (direction, basis)


HEDGE_CONTEXT = [
    ("Markets price in less than a 30 percent chance of a cut.", "upper_bound"),
    ("The study followed workers over three summers.", "exact"),
    ("Sector revenue topped 1.2 trillion yuan.", "lower_bound"),
    ("The top 10 firms hired more staff.", "exact"),
]


@pytest.mark.parametrize("text, qualifier", HEDGE_CONTEXT, ids=[h[0] for h in HEDGE_CONTEXT])
def test_hedges_in_context(extractor, text, qualifier):
    record = extractor.extract(text, published="2025-06-30")
    values = record.percentages + record.money + record.quantities
    assert values and values[0].qualifier == qualifier


NAME_NUMBERS = [("The crew of Kestrel 122 was told to hold.", []), ("Sales of the Pixel 9 rose.", []),
                ("the crew of Kestrel one twenty two", []), ("In Kano 300 people died.", [300]),
                ("Smith scored 22 points.", [22])]


@pytest.mark.parametrize(("text", "values"), NAME_NUMBERS, ids=[t for t, _ in NAME_NUMBERS])
def test_number_after_a_name_counting_nothing_is_the_name(extractor, text, values):
    record = extractor.extract(text, published="2025-06-30")
    assert [q.value for q in record.quantities] == values


def test_number_ending_a_name_is_not_a_count(extractor):
    record = extractor.extract("Shares on the Caldwell Asia-Europe 100 index rose.", published="2025-06-30")
    assert not [q for q in record.quantities if q.value == 100]


# "X over Y" is a fraction only between plain numbers ("3 over 4"); a scaled amount or a
# year after "over" is an amount spread over a period (bug: "€5 million over 2021-2025"
# was read as 5,000,000 / 2021 and dropped)
OVER = [
    ("The plan costs €5 million over 2021-2025.", 5e6),
    ("The plan costs €5 million over 2021.", 5e6),
    ("Farm aid of 40 billion rupees over 2024 and 2025.", 4e10),
    ("The ratio was 3 over 4.", 0.75),
]


@pytest.mark.parametrize("text, value", OVER, ids=[t for t, _ in OVER])
def test_over_is_a_fraction_only_between_plain_numbers(text, value):
    assert scan(text)[0].value == pytest.approx(value)


@pytest.mark.parametrize("text, values", [
    # so many members of a closed set: two counts
    ("Unemployment fell in 6 out of 8 regions", [6.0, 8.0]),
    ("The club won 11 out of 14 matches", [11.0, 14.0]),
    # a share of a population stays one fraction
    ("Nine out of 10 dentists agree", [0.9]),
    ("one out of four adults smokes", [0.25]),
], ids=["regions-two-counts", "matches-two-counts", "dentists-a-fraction", "adults-a-fraction"])
def test_out_of_a_closed_set_is_two_counts(text, values):
    assert [c.value for c in scan(text) if c.kind != "ordinal"] == pytest.approx(values)
