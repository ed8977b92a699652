"""Temperatures: bare "degrees" by context, a scale letter glued to digits ("30C (86F)"), "below
zero", and a temperature that is a difference ("rose 18 degrees"). See
pipeline/lexicons/temperature.py for the decision; all sentences are invented."""

from __future__ import annotations

import pytest


def temperatures(extractor, text):
    return [(q.text, q.value, q.unit) for q in extractor.extract(text).quantities if q.unit and "degree" in q.unit]


CONTEXT = [  # a bare "degrees" or "°": temperature in a temperature sentence or article, angle beside an angle word
    ("Forecasters expect 31 degrees on Friday.", [("31 degrees", 31.0, "degree_Celsius")]),
    ("The heatwave eased. Tomorrow it will be 24 degrees.", [("24 degrees", 24.0, "degree_Celsius")]),
    ("Set the thermostat to 68° overnight.", [("68°", 68.0, "degree_Celsius")]),
    ("The ship listed at an angle of 12 degrees.", [("12 degrees", 12.0, "degree")]),
    ("The dish rotates 180 degrees every hour.", [("180 degrees", 180.0, "degree")]),
    ("The university awarded 300 degrees.", []),  # a count of qualifications
    ("The hotel photo showed 20 degrees of lean.", []),  # "hotel", "photo": no word of heat
    ("The return policy covers 30 degrees.", []),  # "return" holds no angle word
]

LETTERS = [  # "30C", "86F": a scale letter glued to the digits, in a temperature sentence only
    ("Temperatures touched 33C (91F) in the capital.", [("33C", 33.0, "degree_Celsius"),
                                                         ("91F", 91.0, "degree_Fahrenheit")]),
    ("Savers claim relief under 80C every March.", []),  # a tax section
    pytest.param("The 30F bus was late in the heat.", [],  # a route name in a hot sentence
                 marks=pytest.mark.xfail(strict=True, reason="known limit: the sentence's words decide")),
]

ZERO = [  # "below zero" makes the temperature negative and is itself a temperature word
    ("Overnight it fell to 8 degrees below zero.", [("8 degrees below zero", -8.0, "degree_Celsius")]),
    ("At dawn it was 4 below zero.", [("4 below zero", -4.0, "degree_Celsius")]),
    ("By noon it was 3 degrees above zero in the valley.", [("3 degrees above zero", 3.0, "degree_Celsius")]),
]

DIFFERENCES = [  # after a change verb, "by" or a change noun + "of": pint's delta unit
    ("Temperatures jumped 12 degrees overnight.", [("12 degrees", 12.0, "delta_degree_Celsius")]),
    ("The region has warmed 1.4 degrees since 1950.", [("1.4 degrees", 1.4, "delta_degree_Celsius")]),
    ("Forecasters see a rise of 5 degrees by Sunday.", [("5 degrees", 5.0, "delta_degree_Celsius")]),
    ("Temperatures rose to 29 degrees.", [("29 degrees", 29.0, "degree_Celsius")]),  # a level
    ("Temperatures climbed above 38 degrees.", [("above 38 degrees", 38.0, "degree_Celsius")]),  # a threshold
    ("Temperatures hit 35 degrees.", [("35 degrees", 35.0, "degree_Celsius")]),
    ("It was a warm 25 degrees on the coast.", [("25 degrees", 25.0, "degree_Celsius")]),  # an adjective
    ("Temperatures will rise up to 33 degrees.", [("up to 33 degrees", 33.0, "degree_Celsius")]),  # a level reached
]


ROWS = CONTEXT + LETTERS + ZERO + DIFFERENCES


@pytest.mark.parametrize("text, expected", ROWS,
                         ids=[(row.values[0] if hasattr(row, "values") else row[0])[:40] for row in ROWS])
def test_temperatures(extractor, text, expected):
    assert temperatures(extractor, text) == expected
