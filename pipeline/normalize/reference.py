"""The reference year of an article without a publication date, inferred from its text. Pure.

Only the years that scope the reported facts count (see
:mod:`pipeline.lexicons.reference_years`): explicit dates, weighted by how
closely they date something (a day 3, a month or quarter 2, a bare year 1) and
by a past-tense clause (x1.5). Never a clock time ("at 1830 GMT", dropped by the
date grammar), a historical phrase ("founded in 1953", "the highest since 2008")
or a forecast or target ("by 2030", "expected in 2026", a future-tense clause).

The year chosen is the latest whose weight is at least half of the heaviest
year's (a story reports in its latest period and compares with earlier ones).
The value is the newest full date of that year when one is written, else the year.
``confidence`` grows with the chosen year's weight: 0.45 for one bare year,
0.95 for a full date in a past-tense clause; below MIN_CONFIDENCE nothing is
inferred (the record says ``source: "default"``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from pipeline.lexicons.reference_years import (
    FORECAST_AFTER,
    FORECAST_BEFORE,
    GRANULARITY_WEIGHT,
    HISTORICAL_BEFORE,
    PAST_FACTOR,
)
from pipeline.normalize.dates import DateFound

MIN_CONFIDENCE = 0.4
_CONTEXT = 48  # characters read before and after a date


@dataclass(frozen=True)
class Inferred:
    """An inferred reference date (ISO, year or day) and how strongly the text supports it."""

    value: str
    confidence: float


def scoping_weight(found: DateFound, text: str, tense: str | None = None) -> float:
    """How strongly ``found`` dates the article's reported facts; 0 for a historical or
    forecast date, or one without a written year.

    >>> from pipeline.normalize.dates import find_dates
    >>> text = "The firm, founded in 1953, said sales rose in March 2019."
    >>> [(d.text, scoping_weight(d, text, "past")) for d in find_dates(text)]
    [('1953', 0.0), ('March 2019', 3.0)]
    """
    if not found.explicit_year or tense == "future":
        return 0.0
    before = text[max(0, found.start - _CONTEXT):found.start]
    after = text[found.end:found.end + _CONTEXT]
    if HISTORICAL_BEFORE.search(before) or FORECAST_BEFORE.search(before) or FORECAST_AFTER.match(after):
        return 0.0
    weight = GRANULARITY_WEIGHT.get(found.granularity or "", 1.0)
    return weight * (PAST_FACTOR if tense == "past" else 1.0)


def infer_reference(found: Iterable[DateFound], text: str, *,
                    tense: Callable[[int, int], str | None] | None = None) -> Inferred | None:
    """The reference date the dates in ``text`` imply (see the module doc), or None when the
    evidence is too weak. ``tense(start, end)`` gives a date's clause tense, when known.

    >>> from pipeline.normalize.dates import find_dates
    >>> text = "Output rose 5% in 2019 from 2018, and will double by 2030."
    >>> infer_reference(find_dates(text), text)
    Inferred(value='2019', confidence=0.45)
    >>> text = "Built in 1890, the bridge closes at 1830 GMT."
    >>> infer_reference(find_dates(text), text) is None
    True
    """
    evidence = Evidence()
    evidence.add(found, text, tense=tense)
    return evidence.decide()


@dataclass
class Evidence:
    """The weight of each year, and its full dates, summed over one text or over the
    consecutive chunks of a long one (so a 20 MB article need not hold all its dates)."""

    weights: dict[int, float] = field(default_factory=dict)
    days: dict[int, list[str]] = field(default_factory=dict)

    def add(self, found: Iterable[DateFound], text: str, *,
            tense: Callable[[int, int], str | None] | None = None) -> None:
        """Count the dates ``found`` in ``text``."""
        for d in found:
            weight = scoping_weight(d, text, tense(d.start, d.end) if tense else None)
            if weight <= 0 or d.explicit_year is None:
                continue
            self.weights[d.explicit_year] = self.weights.get(d.explicit_year, 0.0) + weight
            if d.explicit_day:
                self.days.setdefault(d.explicit_year, []).append(d.explicit_day)

    def decide(self) -> Inferred | None:
        """The inferred reference date, or None when the evidence is too weak."""
        return _decide(self.weights, self.days)


def _decide(weights: dict[int, float], days: dict[int, list[str]]) -> Inferred | None:
    if not weights:
        return None
    heaviest = max(weights.values())
    year = max(y for y, w in weights.items() if w >= heaviest / 2)
    confidence = round(min(0.95, 0.3 + 0.15 * weights[year]), 2)
    if confidence < MIN_CONFIDENCE:
        return None
    value = max(days[year]) if year in days else f"{year:04d}"
    return Inferred(value, confidence)
