"""Units the news uses for engines, batteries, torque and concentrations: sentence -> (span,
value, pint unit) of the one quantity found; negatives keep their older readings."""

from __future__ import annotations

import pytest

from pipeline.normalize.scan import scan
from pipeline.normalize.units import parse_unit

UNITS = [
    ("The car has a 185-hp engine.", "185-hp", 185, "horsepower"),
    ("The motor makes 300 lb-ft of torque.", "300 lb-ft", 300, "foot * force_pound"),
    ("It delivers 400 pound-feet of torque.", "400 pound-feet", 400, "foot * force_pound"),
    ("The engine peaks at 6,500 rpm.", "6,500 rpm", 6500, "revolutions_per_minute"),
    ("The phone has a 5,000 mAh battery.", "5,000 mAh", 5000, "milliampere_hour"),
    ("Tests found 40 ppb of lead in the water.", "40 ppb", 40, "ppb"),
    ("The motor is rated at 350 Nm.", "350 Nm", 350, "meter * newton"),
    ("The grid runs at 50 Hz.", "50 Hz", 50, "hertz"),
    ("Carbon dioxide reached 420 ppm.", "420 ppm", 420, "ppm"),
    # negatives: the older readings stay
    ("The chip uses a 5 nm process.", "5 nm", 5, "nanometer"),
    ("The parcel weighed 30 lb.", "30 lb", 30, "pound"),
]


@pytest.mark.parametrize("sentence, span, value, unit", UNITS, ids=[u[1] for u in UNITS])
def test_news_units(sentence, span, value, unit):
    found = [c for c in scan(sentence) if c.kind != "ordinal"]
    assert [(c.text, c.value) for c in found] == [(span, value)]
    info = parse_unit(found[0].unit or "")
    assert info is not None and info.name == unit


def test_torque_is_not_a_mass():
    torque, mass = parse_unit("lb-ft"), parse_unit("lb")
    assert torque is not None and mass is not None and torque.dimension != mass.dimension


@pytest.mark.parametrize("text, money", [
    # the wire services' yen, where "¥" cannot be typed; the Croatian kuna written "kn"
    ("Toyota set aside Y=100 million for the recall.", [("Y=100 million", 100_000_000, "JPY")]),
    ("The fine was 2,000 kn.", [("2,000 kn", 2000, "HRK")]),
    ("Winds reached 40 knots.", []),  # knots are no kuna
], ids=["yen-wire", "kuna", "knots"])
def test_wire_currency_forms(extractor, text, money):
    record = extractor.extract(text, published="2020-01-01")
    assert [(m.text, m.value, m.currency) for m in record.money] == money


@pytest.mark.parametrize("text, value, counted", [
    # a multiple is a ratio (pint's dimensionless unit), its base as what it counts
    ("The stock trades at 6.5 times earnings.", 6.5, "earnings"),
    ("The park is three times the size of Wales.", 3, "the size of Wales"),
    ("Prices are three times higher than in 2019.", 3, None),
], ids=["times-earnings", "times-the-size", "times-higher"])
def test_multiples_are_ratios(extractor, text, value, counted):
    record = extractor.extract(text, published="2025-01-01")
    (q,) = record.quantities
    assert (q.value, q.unit, q.counted) == (value, "dimensionless", counted)


@pytest.mark.parametrize("text", ["He visited three times last year.", "The board meets four times a year."],
                         ids=["occurrences", "frequency"])
def test_counts_of_times_are_no_ratios(extractor, text):
    assert [q.unit for q in extractor.extract(text, published="2025-01-01").quantities] == [None]
