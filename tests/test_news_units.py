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
