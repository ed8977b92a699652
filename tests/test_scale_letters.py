"""Scale letters glued to digits ("40m euros", "3.5bn", "15Mb"): a regression table of
news sentences (invented, in the forms the newswire writes), negatives included.

Each row: sentence -> (kind, value, currency or unit surface) of the one numeric
candidate the scanner finds in it.
"""

from __future__ import annotations

import pytest

from pipeline.normalize.scan import scan
from pipeline.normalize.units import parse_unit

# (sentence, kind, value, currency/unit surface)
MILLION_M = [
    ("The club agreed a 40m euros deal for the striker.", "money", 40e6, "euros"),
    ("The bank set aside 120m yuan for bad loans.", "money", 120e6, "yuan"),
    ("Investors lost 2.5m dollars in the scheme.", "money", 2.5e6, "dollars"),
    ("The council will borrow 15m pounds to fix roads.", "money", 15e6, "pounds"),
    ("The fine was 3m USD.", "money", 3e6, "USD"),
    ("The group paid 300m rupees for the land.", "money", 300e6, "rupees"),
    ("Some 4.5m workers are on furlough.", "number", 4.5e6, None),
    ("The service now has 12m customers in Europe.", "number", 12e6, None),
    ("Around 5m people live in the region.", "number", 5e6, None),
    ("The network has 1.2m subscribers.", "number", 1.2e6, None),
    ("Farmers harvested 2m tonnes of wheat.", "unit", 2e6, "tonnes"),
    ("The field holds 800m barrels of oil.", "unit", 800e6, "barrels"),
    ("The app was downloaded by 30m users.", "number", 30e6, None),
    ("The virus reached 1m children, officials said.", "number", 1e6, None),
]
BN = [
    ("The merger is worth 3bn euros.", "money", 3e9, "euros"),
    ("The platform has 2.9bn users.", "number", 2.9e9, None),
    ("The state-run firm raised $1.2bn from bonds.", "money", 1.2e9, "$"),
    ("China has 1.4bn people.", "number", 1.4e9, None),
]
METRES = [  # negatives: "m" is metres
    ("He won a 40m race on Saturday.", "unit", 40, "m"),
    ("She is the favourite in the 100m sprint.", "unit", 100, "m"),
    ("The player is 2m tall.", "unit", 2, "m"),
    ("He took gold in the 400m hurdles.", "unit", 400, "m"),
    ("His 100m times have improved.", "unit", 100, "m"),
    ("The wave was 10m high.", "unit", 10, "m"),
    ("The tower rises 300m above the city.", "unit", 300, "m"),
    ("The yacht is 40m long.", "unit", 40, "m"),
    ("The 25m pool is closed.", "unit", 25, "m"),
    ("The crane lifted it 15m, then stopped.", "unit", 15, "m"),
    ("The 50m was his best event.", "unit", 50, "m"),
]
DATA = [
    ("The update is a 15Mb download.", "unit", 15, "Mb"),
    ("A 100Mbps line costs more.", "unit", 100, "Mbps"),
    ("The phone has 8 GB of memory.", "unit", 8, "GB"),
    ("A 64-bit chip.", "unit", 64, "bit"),
]


def _row(sentence, kind, value, surface):
    found = [c for c in scan(sentence) if c.kind != "ordinal"]
    assert len(found) == 1, [(c.text, c.kind) for c in found]
    cand = found[0]
    assert (cand.kind, cand.currency if kind == "money" else cand.unit) == (kind, surface)
    assert cand.value == pytest.approx(value)


@pytest.mark.parametrize("sentence, kind, value, surface", MILLION_M + BN + METRES + DATA,
                         ids=[r[0] for r in MILLION_M + BN + METRES + DATA])
def test_scale_letters(sentence, kind, value, surface):
    _row(sentence, kind, value, surface)


NOT_A_QUANTITY = [
    "It was a bit more than expected.",
    "Prices rose a little bit.",
    "Not a bit of it.",
]


@pytest.mark.parametrize("sentence", NOT_A_QUANTITY)
def test_a_bit_is_no_data_unit(sentence):
    assert [c.text for c in scan(sentence)] == []


DATA_UNITS = [("Mb", "megabit"), ("Gb", "gigabit"), ("kb", "kilobit"), ("MB", "megabyte"),
              ("KB", "kilobyte"), ("Mbps", "megabit / second"), ("GB", "gigabyte")]


@pytest.mark.parametrize("surface, name", DATA_UNITS)
def test_data_units_are_bits_and_bytes(surface, name):
    unit = parse_unit(surface)
    assert unit is not None and unit.name == name
