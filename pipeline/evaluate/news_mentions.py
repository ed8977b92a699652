"""news-dev mentions: our record's mentions placed on the article file, matched with the gold, counted.

The rules of news-dev's CONVENTIONS.md §9, as its reference scorer applies them:

* Classes: a quantity without unit is a "number", one whose unit pint cannot
  read "qty-unknown", else "qty". A gold kind accepts (:data:`ACCEPT`):
  percentage <- percentage; money <- money; quantity <- number/qty/qty-unknown;
  fraction <- percentage/number; date, ordinal, entity <- the same kind.
* Detection: an accepted class whose span overlaps the gold's by one character
  or more; one-to-one, greedy over the pairs sorted by (value right, not
  checkable, wrong), exact span first, longer overlap, gold order, prediction
  order. A range prediction may match both ends of a gold range written as two
  ``range_role`` mentions. An unmatched prediction overlapping a matched gold is
  a fragment (neither true nor false positive).
* Values: numbers within a relative 1e-6 (fractions also an absolute 5e-5);
  percentages in percent (basis points / 100), fractions from a percentage / 100;
  money amount and ISO currency; quantities converted with pint into the gold's
  unit (month 30 d, quarter 90 d, year 365 d), a plain-count gold wanting no
  unit or one pint cannot read; dates by :func:`~pipeline.evaluate.news_dates.date_matches`;
  ordinals equal; entities by label.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pipeline.evaluate.news_dates import date_matches, to_date
from pipeline.evaluate.news_gold import NUMERIC_GOLD, GoldMention
from pipeline.evaluate.units import convert, unit_registry
from pipeline.record import ArticleRecord, DateMention, Entity, Money, NumericMention, Ordinal, Percentage, Quantity

SPAN_LABEL = "entity (span+label)"
NUMERIC_PRED = ("quantity", "percentage", "money")
ACCEPT = {"percentage": {"percentage"}, "money": {"money"}, "quantity": {"number", "qty", "qty-unknown"},
          "fraction": {"percentage", "number"}, "date": {"date"}, "ordinal": {"ordinal"}, "entity": {"entity"}}
REL_TOL = 1e-6
# The record's mention lists, in the order the reference scorer reads them (ties keep this order).
MENTION_LISTS: tuple[tuple[str, str], ...] = (
    ("quantities", "quantity"), ("percentages", "percentage"), ("money", "money"), ("dates", "date"),
    ("ordinals", "ordinal"), ("entities", "entity"))
# The gold's calendar for durations (month 30 d, quarter 90 d, year 365 d), in seconds; pint's year is 365.25 d.
CALENDAR_SECONDS = {"second": 1.0, "minute": 60.0, "hour": 3600.0, "day": 86400.0, "week": 604800.0,
                    "fortnight": 1209600.0, "month": 2592000.0, "quarter_year": 7776000.0, "year": 31536000.0,
                    "decade": 315360000.0, "century": 3153600000.0, "millisecond": 0.001}
# Dimensions our unit registry adds to pint's (pipeline.normalize.units: TEU): the gold's
# "pint" is pint as shipped, which cannot read those units.
OWN_DIMENSIONS = frozenset({"[container]"})


@dataclass
class PredMention:
    """One of our mentions, placed on the article file."""

    kind: str
    start: int
    end: int
    text: str
    id: str
    cls: str = ""
    value: float | None = None
    lower: float | None = None
    upper: float | None = None
    qualifier: str | None = None
    direction: str | None = None
    unit: str | None = None
    currency: str | None = None
    date_value: str | None = None
    mod: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    label: str | None = None
    canonical: str | None = None

    @property
    def is_range(self) -> bool:
        return self.lower is not None and self.upper is not None and self.lower != self.upper


@dataclass
class Pair:
    gold: GoldMention
    pred: PredMention
    ok: bool | None
    detail: str
    bound_ok: bool | None
    exact: bool


@dataclass
class MentionMatch:
    """One article's matching: pairs, missed golds, false positives and fragments."""

    pairs: list[Pair] = field(default_factory=list)
    missed: list[GoldMention] = field(default_factory=list)
    fps: list[PredMention] = field(default_factory=list)
    fragments: list[PredMention] = field(default_factory=list)


# ---------------------------------------------------------------- placing
def place_mentions(record: ArticleRecord, text: str) -> list[PredMention]:
    """The record's mentions on the article file ``text``, sorted by span.

    The record's text may be the file's text or a part of it: offsets are shifted
    by where it sits; a mention whose shifted span does not hold its text is
    found again by its text near there (case-insensitively as a last resort);
    one not found at all is dropped.
    """
    rtext = record.text or text
    shift = 0 if rtext == text else (text.find(rtext) if text.find(rtext) >= 0 else None)
    placed = []
    for attr, kind in MENTION_LISTS:
        for m in getattr(record, attr):
            if shift is not None and (text[m.start + shift:m.end + shift] == m.text or not m.text):
                placed.append(_pred(kind, m, m.start + shift, m.end + shift, text))
                continue
            found = locate(text, m.text, max(0, m.start + (shift or 0) - 5))
            if found is not None:
                placed.append(_pred(kind, m, found, found + len(m.text), text))
    placed.sort(key=lambda p: (p.start, p.end))
    return placed


def locate(text: str, surface: str, hint: int = 0) -> int | None:
    """Where ``surface`` is in ``text``: from ``hint`` on, else anywhere; exact case first."""
    if not surface:
        return None
    for haystack, needle in ((text, surface), (text.lower(), surface.lower())):
        i = haystack.find(needle, hint)
        i = i if i >= 0 else haystack.find(needle)
        if i >= 0:
            return i
    return None


def _pred(kind: str, m: Any, start: int, end: int, text: str) -> PredMention:
    p = PredMention(kind=kind, start=start, end=end, text=text[start:end], id=m.id)
    if isinstance(m, NumericMention):
        p.value, p.lower, p.upper, p.qualifier = m.value, m.lower, m.upper, m.qualifier
        p.direction = m.change.direction if m.change else None
        if isinstance(m, Percentage):
            p.unit = m.unit or "percent"
        elif isinstance(m, Quantity):
            p.unit = m.unit
        elif isinstance(m, Money):
            p.currency = m.currency
    elif isinstance(m, DateMention):
        p.date_value, p.mod = m.value, m.mod
        p.start_date, p.end_date = to_date(m.start_date), to_date(m.end_date)
    elif isinstance(m, Ordinal):
        p.value = float(m.value)
    elif isinstance(m, Entity):
        p.label, p.canonical = m.label, m.canonical
    p.cls = classify(p)
    return p


def classify(p: PredMention) -> str:
    if p.kind != "quantity":
        return p.kind
    if not p.unit:
        return "number"
    return "qty" if parse_unit(p.unit) is not None else "qty-unknown"


def bucket(p: PredMention) -> str:
    """The row an unmatched prediction counts in: its own kind (a number is a quantity)."""
    if p.cls in ("number", "qty", "qty-unknown"):
        return "quantity"
    if p.cls == "percentage":
        return "fraction" if p.unit == "fraction" else "percentage"
    return p.cls


# ---------------------------------------------------------------- values
@lru_cache(maxsize=256)
def parse_unit(name: str) -> Any:
    """A pint unit name (as our records and the gold write them) -> pint Unit, or None."""
    import pint

    try:
        unit = unit_registry().parse_units(name)
    except (pint.errors.PintError, ValueError, TypeError, AttributeError, AssertionError, SyntaxError):
        return None
    if OWN_DIMENSIONS & set(unit.dimensionality):
        return None
    return unit


def convert_to(x: float, unit: str, gold_unit: str) -> float | None:
    """``x`` in ``unit`` expressed in ``gold_unit``; durations by the gold's calendar; None when incompatible.

    >>> convert_to(2, "year", "day"), convert_to(1500, "meter", "kilometer"), convert_to(1, "hour", "meter")
    (730.0, 1.5, None)
    """
    a, b = parse_unit(unit), parse_unit(gold_unit)
    if a is None or b is None:
        return None
    sa, sb = CALENDAR_SECONDS.get(str(a)), CALENDAR_SECONDS.get(str(b))
    if sa is not None and sb is not None:
        return x * sa / sb
    return convert(x, str(a), str(b))


def close(a: float | None, b: float | None, abs_tol: float = 0.0) -> bool:
    """Equal within a relative :data:`REL_TOL` (or ``abs_tol``); None is never close."""
    if a is None or b is None or math.isnan(a) or math.isnan(b):
        return False
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=max(abs_tol, 1e-12))


def _number_ok(g: GoldMention, p: PredMention, conv: Callable[[float], float | None],
               role: str | None) -> tuple[bool, str]:
    """The prediction's number (or the range end ``role`` names), converted, against the gold's."""
    v = p.value
    if v is None and p.lower is not None and p.lower == p.upper:
        v = p.lower
    x = p.lower if role == "start" and p.is_range else p.upper if role == "end" and p.is_range else v
    got = None if x is None else conv(x)
    return close(got, g.point, g.tol_abs), f"got {got!r} want {g.point!r}"


def _range_role(g: GoldMention, p: PredMention) -> str | None:
    """The end of our range a gold covers: its own ``range_role``, else read from the spans."""
    if g.range_role is not None or not p.is_range:
        return g.range_role
    if g.start > p.start and g.end >= p.end:
        return "end"
    if g.end < p.end and g.start <= p.start:
        return "start"
    return None


def check_value(g: GoldMention, p: PredMention) -> tuple[bool | None, str]:
    """(right?, detail); None when the gold has no value to check."""
    if not g.checkable:
        return None, "detection only"
    if g.kind == "entity":
        return p.label == g.label, f"label {p.label} want {g.label}"
    if g.kind == "ordinal":
        ok = p.value is not None and math.isfinite(p.value) and p.value == int(p.value) == g.ordinal
        return ok, f"got {p.value} want {g.ordinal}"
    if g.kind == "date" and g.date is not None:
        return date_matches(g.date, start=p.start_date, end=p.end_date, value=p.date_value, mod=p.mod)
    if g.point is None:
        return None, "no value"
    role = _range_role(g, p)
    if g.kind == "percentage":
        return _number_ok(g, p, (lambda x: x / 100.0) if p.unit == "basis_point" else float, role)
    if g.kind == "fraction":
        return _number_ok(g, p, (lambda x: x / 100.0) if p.cls == "percentage" else float, role)
    if g.kind == "money":
        ok, detail = _number_ok(g, p, float, role)
        if g.currency is not None and (p.currency or "").upper() != g.currency:
            return False, detail + f"; currency {p.currency} want {g.currency}"
        return ok, detail
    if g.kind == "quantity":
        return _quantity_ok(g, p, role)
    return None, f"no check for {g.kind}"


def _quantity_ok(g: GoldMention, p: PredMention, role: str | None) -> tuple[bool, str]:
    if not g.unit:  # a plain count
        if p.cls in ("number", "qty-unknown"):
            return _number_ok(g, p, float, role)
        return False, f"unit {p.unit} want a plain count"
    unit, gold_unit = p.unit, g.unit
    if unit is None or convert_to(1.0, unit, gold_unit) is None:
        return False, f"unit {p.unit!r} incompatible with {g.unit}"
    ok, detail = _number_ok(g, p, lambda x: convert_to(x, unit, gold_unit), role)
    return ok, detail + f" ({p.unit}->{g.unit})"


def pred_qualifier(p: PredMention) -> str:
    if p.qualifier:
        return p.qualifier
    if p.is_range:
        return "range"
    if p.lower is not None and p.upper is None:
        return "lower_bound"
    return "upper_bound" if p.upper is not None and p.lower is None else "exact"


def check_bound(g: GoldMention, p: PredMention) -> bool | None:
    """Where the gold states a qualifier, whether ours agrees (a range end must be "exact")."""
    if not g.qualifier or g.kind not in NUMERIC_GOLD:
        return None
    if g.range_role and p.is_range:
        return g.qualifier in ("exact", "range")
    return pred_qualifier(p) == g.qualifier


# ---------------------------------------------------------------- matching
def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


_RANK = {True: 0, None: 1, False: 2}


def match_mentions(golds: list[GoldMention], preds: list[PredMention]) -> MentionMatch:
    """One-to-one greedy matching of one article's gold and predicted mentions."""
    candidates = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            ov = overlap(g.start, g.end, p.start, p.end)
            if ov > 0 and p.cls in ACCEPT.get(g.kind, ()):
                ok, detail = check_value(g, p)
                exact = (g.start, g.end) == (p.start, p.end)
                candidates.append(((_RANK[ok], 0 if exact else 1, -ov, gi, pi), ok, detail, exact))
    candidates.sort(key=lambda c: c[0])
    res, gold_done = MentionMatch(), set()
    pred_done: dict[int, list[GoldMention]] = {}
    for (_, _, _, gi, pi), ok, detail, exact in candidates:
        g, p, prev = golds[gi], preds[pi], pred_done.get(pi, [])
        if gi in gold_done or (prev and not _second_range_end(p, g, prev)):
            continue
        gold_done.add(gi)
        pred_done.setdefault(pi, []).append(g)
        res.pairs.append(Pair(g, p, ok, detail, check_bound(g, p), exact))
    res.missed = [g for gi, g in enumerate(golds) if gi not in gold_done]
    matched = [(golds[gi].start, golds[gi].end) for gi in gold_done]
    for pi, p in enumerate(preds):
        if pi not in pred_done:
            is_fragment = any(overlap(s, e, p.start, p.end) for s, e in matched)
            (res.fragments if is_fragment else res.fps).append(p)
    return res


def _second_range_end(p: PredMention, g: GoldMention, prev: list[GoldMention]) -> bool:
    """A range prediction already matched to one end of a gold range may match the other end."""
    return (p.is_range and bool(g.range_role) and len(prev) == 1 and bool(prev[0].range_role)
            and prev[0].range_role != g.range_role)


# ---------------------------------------------------------------- counting
def add_counts(counts: dict[str, Counter[str]], res: MentionMatch) -> None:
    """Add one article's matching to the per-row counters (rows: gold kinds and :data:`SPAN_LABEL`)."""
    span_label = counts[SPAN_LABEL]
    for pr in res.pairs:
        counts[pr.gold.kind].update(tp=1, exact=int(pr.exact), value_checked=int(pr.ok is not None),
                                    value_correct=int(bool(pr.ok)), bound_checked=int(pr.bound_ok is not None),
                                    bound_correct=int(bool(pr.bound_ok)))
        if pr.gold.kind == "entity":  # a wrong label is one false positive and one false negative
            right = bool(pr.ok)
            span_label.update(tp=int(right), exact=int(right and pr.exact), fp=int(not right), fn=int(not right))
    for g in res.missed:
        counts[g.kind]["fn"] += 1
        span_label["fn"] += g.kind == "entity"
    for p in res.fragments:
        counts[bucket(p)]["fragments"] += 1
    for p in res.fps:
        counts[bucket(p)]["fp"] += 1
        span_label["fp"] += bucket(p) == "entity"


def _ratio(n: int, d: int) -> float | None:
    return n / d if d else None


def _pct(x: float | None) -> float | None:
    return None if x is None else round(100.0 * x, 1)


def row_figures(s: Counter[str], with_value: int) -> dict[str, Any]:
    """One row's figures, in percent rounded to 0.1, computed exactly as the reference scorer does."""
    tp, fp, fn, ex = s["tp"], s["fp"], s["fn"], s["exact"]
    vc, vk, bc, bk = s["value_correct"], s["value_checked"], s["bound_correct"], s["bound_checked"]
    p, r, ep, er = _ratio(tp, tp + fp), _ratio(tp, tp + fn), _ratio(ex, tp + fp), _ratio(ex, tp + fn)
    f = 2 * p * r / (p + r) if p and r else (0.0 if r == 0 or p == 0 else None)
    ef = 2 * ep * er / (ep + er) if ep and er else (0.0 if ep is not None and er is not None else None)
    return {"tp": tp, "fp": fp, "fn": fn, "fragments": s["fragments"], "precision": _pct(p), "recall": _pct(r),
            "f1": _pct(f), "exact_span_f1": _pct(ef), "value_checked": vk, "value_correct": vc,
            "value_accuracy": _pct(_ratio(vc, vk)), "value_e2e": _pct(_ratio(vc, with_value)), "bound_checked": bk,
            "bound_correct": bc, "bound_accuracy": _pct(_ratio(bc, bk))}
