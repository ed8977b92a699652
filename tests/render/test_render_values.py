"""Tooltip text: a mention's normalized value as one short line (pipeline.render.values)."""

from __future__ import annotations

import doctest

import pytest

from pipeline.record import Change, DateMention, Entity, Mention, Money, Ordinal, Percentage, Quantity
from pipeline.render import values
from pipeline.render.values import describe

AT = {"text": "x", "start": 0, "end": 1, "sentence": 0}

DESCRIPTIONS = {
    "money, lower bound": (Money(id="m1", value=1e13, currency="CNY", qualifier="lower_bound", **AT),
                           "1e13 CNY, lower bound"),
    "money per unit": (Money(id="m2", value=0.42, currency="USD", per="share", **AT), "0.42 USD per share"),
    "money, unknown currency": (Money(id="m3", value=5, currency=None, **AT), "5 (currency unknown)"),
    "money range": (Money(id="m4", value=None, lower=3e9, upper=5e9, currency="EUR", qualifier="range", **AT),
                    "3e9–5e9 EUR, range"),
    "percentage with change": (Percentage(id="p1", value=16.5, change=Change(direction="increase",
                                                                            basis="year_on_year"), **AT),
                               "16.5%, increase, year on year"),
    "percentage of a base": (Percentage(id="p2", value=33.3, qualifier="approximate", of="Beijing's GDP",
                                        **AT), "33.3% of Beijing's GDP, approximately"),
    "written as a fraction": (Percentage(id="p4", value=100 / 3, unit="fraction", qualifier="approximate",
                                         **AT), "33.3333% (written as a fraction), approximately"),
    "percentage points": (Percentage(id="p3", value=0.5, unit="percentage_point", **AT), "0.5 pp"),
    "count with noun": (Quantity(id="q1", value=200, qualifier="lower_bound", counted="language models",
                                 **AT), "200 language models, lower bound"),
    "measure with unit": (Quantity(id="q2", value=1.5, unit="kilometer", dimension="[length]", **AT),
                          "1.5 kilometer"),
    "date range": (DateMention(id="d1", value="2025-01/2025-11", start_date="2025-01-01",
                               end_date="2025-11-30", **AT), "2025-01-01 → 2025-11-30"),
    "single day": (DateMention(id="d2", value="2025-12-22", start_date="2025-12-22",
                               end_date="2025-12-22", **AT), "2025-12-22"),
    "relative, unresolved": (DateMention(id="d3", value=None, relative=True, **AT), "unresolved, relative"),
    "fiscal quarter with mod": (DateMention(id="d4", value="2025-Q3", start_date="2025-07-01",
                                            end_date="2025-09-30", mod="end", fiscal=True, **AT),
                                "2025-07-01 → 2025-09-30, end, fiscal"),
    "ordinal": (Ordinal(id="o1", value=18, **AT), "18th"),
    "entity": (Entity(id="e1", label="GPE", canonical="Beijing", **AT), "GPE: Beijing"),
}


@pytest.mark.parametrize(("mention", "expected"), DESCRIPTIONS.values(), ids=DESCRIPTIONS.keys())
def test_describe(mention: Mention, expected: str) -> None:
    assert describe(mention) == expected


def test_doctests() -> None:
    assert doctest.testmod(values).failed == 0
