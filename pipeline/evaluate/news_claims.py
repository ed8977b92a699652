"""news-dev claims: our claims matched with the gold claims and judged field by field (CONVENTIONS.md §10).

* Found: a predicted claim with a value mention (quantity, percentage, money)
  overlapping a gold value span; one-to-one, greedy over the pairs sorted by
  (most gold values covered, fewest values left over on either side, most exact
  value spans, longest overlap, gold order, prediction order).
* Precision: found / scorable predicted claims (at least one value naming a
  numeric mention placed in the article).
* Fields, over found claims: subject_entity strict and lenient (a null gold also
  accepts its implied entity), measure (content-word Jaccard >= 0.5, with the
  count fallback), time (span overlap), predicate (lemma), change (direction).
  All fields right = subject_entity strict, measure, time and change.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pipeline.evaluate.news_gold import GoldClaim, Span
from pipeline.evaluate.news_mentions import NUMERIC_PRED, PredMention, overlap
from pipeline.record import ArticleRecord

JACCARD_MIN = 0.5
CLAIM_FIELDS = ("subject_entity", "subject_entity_lenient", "measure", "time", "predicate", "change")
ALL_FIELDS = ("subject_entity", "measure", "time", "change")
# Function words left out of a measure's content words (CONVENTIONS §10).
STOP_WORDS = frozenset("a an the this that these those its it their his her our your my of in on for to and or by "
                       "with at from as per into than s".split())
_POSSESSIVE_NAME = re.compile(r"'s$|(?<=s)'$")
_POSSESSIVE_WORD = re.compile(r"'s\b|(?<=s)'(?=\s|$)")
_LEADING_THE = re.compile(r"^the\s+")
_WORD = re.compile(r"[a-z0-9]+")
ALREADY_MATCHED, NO_GOLD_VALUE = "gold claim already matched", "no gold value"


@dataclass
class PredClaim:
    """One of our claims with its mention ids resolved on the placed mentions."""

    id: str
    values: list[PredMention]
    entity_id: str | None
    entity: PredMention | None
    time_id: str | None
    time: PredMention | None
    predicate: str | None
    measure: str | None
    unresolved: list[str] = field(default_factory=list)


@dataclass
class ClaimMatch:
    """One article's claims: pairs (gold index, predicted index), verdicts, unmatched scorable claims."""

    doc: str
    golds: list[GoldClaim]
    preds: list[PredClaim]
    pairs: list[tuple[int, int]]
    verdicts: dict[int, dict[str, dict[str, Any]]]
    scorable: list[int]
    unmatched: list[tuple[int, str]]

    def all_right(self) -> int:
        return sum(all(v[f]["ok"] for f in ALL_FIELDS) for v in self.verdicts.values())


def resolve_claims(record: ArticleRecord, placed: list[PredMention]) -> list[PredClaim]:
    """Our claims, each id looked up among the placed mentions (an id naming none is "unresolved")."""
    by_id = {p.id: p for p in placed}
    out = []
    for c in record.claims:
        pc = PredClaim(id=c.id, values=[], entity_id=c.subject_entity, entity=None, time_id=c.time, time=None,
                       predicate=c.predicate, measure=c.measure)
        for vid in c.values:
            m = by_id.get(vid)
            if m is not None and m.kind in NUMERIC_PRED:
                pc.values.append(m)
            else:
                pc.unresolved.append(vid)
        if c.subject_entity is not None:
            m = by_id.get(c.subject_entity)
            pc.entity = m if m is not None and m.kind == "entity" else None
            if pc.entity is None:
                pc.unresolved.append(c.subject_entity)
        if c.time is not None:
            m = by_id.get(c.time)
            pc.time = m if m is not None and m.kind == "date" else None
            if pc.time is None:
                pc.unresolved.append(c.time)
        out.append(pc)
    return out


# ---------------------------------------------------------------- text
def fold(s: object) -> str:
    """Lower case, curly quotes straightened, white space folded."""
    return " ".join(str(s).replace("\u2019", "'").replace("\u2018", "'").lower().split())


def norm_name(s: str | None) -> str:
    """An entity name for comparison: folded, no leading "the", no final possessive.

    >>> norm_name("The Bank of Korea's"), norm_name("Stats SA")
    ('bank of korea', 'stats sa')
    """
    return _POSSESSIVE_NAME.sub("", _LEADING_THE.sub("", fold(s))).strip() if s else ""


def content_words(s: str | None) -> set[str]:
    """A measure's content words.

    >>> sorted(content_words("the country's value-added output"))
    ['added', 'country', 'output', 'value']
    """
    t = _POSSESSIVE_WORD.sub(" ", fold(s)) if s else ""
    return {w for w in _WORD.findall(t) if w not in STOP_WORDS}


def jaccard(a: str | None, b: str | None) -> float:
    """Content-word Jaccard; two texts without content words agree only when equal.

    >>> round(jaccard("country's goods trade", "goods trade"), 2), jaccard("the", "a")
    (0.67, 0.0)
    """
    x, y = content_words(a), content_words(b)
    if not x and not y:
        return 1.0 if fold(a or "") == fold(b or "") else 0.0
    return len(x & y) / len(x | y)


def names_of(canonical: Iterable[str], aliases: dict[str, list[str]]) -> set[str]:
    return {norm_name(n) for c in canonical for n in [c, *aliases.get(c, [])]} - {""}


# ---------------------------------------------------------------- matching and judging
def match_claims(golds: list[GoldClaim], preds: list[PredClaim]) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs, one-to-one, sorted by gold index."""
    candidates = []
    for gi, g in enumerate(golds):
        spans = [(s.start, s.end) for s in g.values]
        for pi, p in enumerate(preds):
            covered = sum(1 for s, e in spans if any(overlap(s, e, v.start, v.end) for v in p.values))
            if covered:
                used = sum(1 for v in p.values if any(overlap(s, e, v.start, v.end) for s, e in spans))
                exact = sum(1 for v in p.values if (v.start, v.end) in spans)
                total = sum(overlap(s, e, v.start, v.end) for s, e in spans for v in p.values)
                left_over = len(spans) - covered + len(p.values) - used
                candidates.append((-covered, left_over, -exact, -total, gi, pi))
    pairs, gold_done, pred_done = [], set(), set()
    for *_, gi, pi in sorted(candidates):
        if gi not in gold_done and pi not in pred_done:
            gold_done.add(gi)
            pred_done.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def judge(g: GoldClaim, p: PredClaim) -> dict[str, dict[str, Any]]:
    """field -> {"ok", "gold", "pred", "how"} for one found claim."""
    out = _judge_entity(g, p)
    out["measure"] = _judge_measure(g, p)
    out["time"] = _judge_time(g, p)
    gp = (fold(g.predicate) if g.predicate else "") or None
    pp = (fold(p.predicate) if p.predicate else "") or None
    out["predicate"] = {"ok": gp == pp, "gold": g.predicate, "pred": p.predicate,
                        "how": "equal" if gp == pp else "differ"}
    pd = next((v.direction for v in p.values
               if v.direction and any(overlap(s.start, s.end, v.start, v.end) for s in g.values)), None)
    out["change"] = {"ok": g.direction == pd, "gold": g.direction, "pred": pd,
                     "how": "equal" if g.direction == pd else "differ"}
    return out


def _judge_entity(g: GoldClaim, p: PredClaim) -> dict[str, dict[str, Any]]:
    names: set[str] | None
    if p.entity_id is None:
        names, shown = None, None
    elif p.entity is None:
        names, shown = set(), f"unresolved id {p.entity_id!r}"
    else:
        e = p.entity
        names, shown = {norm_name(e.canonical), norm_name(e.text)} - {""}, e.canonical or e.text
        if e.canonical and norm_name(e.canonical) != norm_name(e.text):
            shown = f"{e.canonical} ({e.text!r})"
    if g.entities:
        ok = bool(names and names & names_of(g.entities, g.aliases))
        how = ("any member of a gold list" if len(g.entities) > 1 else "name or alias") if ok else \
            ("null predicted" if names is None else "other entity")
        verdict = {"ok": ok, "gold": g.entities[0] if len(g.entities) == 1 else g.entities, "pred": shown, "how": how}
        return {"subject_entity": verdict, "subject_entity_lenient": dict(verdict)}
    via_implied = bool(names and names & names_of(g.implied, g.aliases))
    return {
        "subject_entity": {"ok": names is None, "gold": None, "pred": shown,
                           "how": "both null" if names is None else "gold null"},
        "subject_entity_lenient": {"ok": names is None or via_implied, "gold": None, "pred": shown,
                                   "implied": g.implied or None,
                                   "how": "both null" if names is None else "implied_entity" if via_implied
                                   else "gold null"}}


def _judge_measure(g: GoldClaim, p: PredClaim) -> dict[str, Any]:
    pm = (p.measure or "").strip() or None
    gm = g.measure.text if g.measure else None
    if gm is not None:
        ok = pm is not None and jaccard(pm, gm) >= JACCARD_MIN
        return {"ok": ok, "gold": gm, "pred": pm, "how": "null predicted" if pm is None else f"J={jaccard(pm, gm):.2f}"}
    # A null gold measure on a count: the counted noun, or the subject span right after the value.
    nouns = [g.counted] if g.is_count and g.counted else []
    if g.is_count and g.subject and g.values and 0 <= g.subject.start - max(v.end for v in g.values) <= 4:
        nouns.append(g.subject.text)
    best = max(nouns, key=lambda n: jaccard(pm, n)) if nouns and pm is not None else None
    ok = pm is None or (best is not None and jaccard(pm, best) >= JACCARD_MIN)
    how = "both null" if pm is None else f"counted noun {best!r}" if ok else f"gold null (count of {nouns})"
    return {"ok": ok, "gold": None, "pred": pm, "how": how}


def _judge_time(g: GoldClaim, p: PredClaim) -> dict[str, Any]:
    gt: Span | None = g.time
    gold = gt.text if gt else None
    if p.time_id is None:
        return {"ok": gt is None, "gold": gold, "pred": None, "how": "both null" if gt is None else "null predicted"}
    if p.time is None:
        return {"ok": False, "gold": gold, "pred": f"unresolved id {p.time_id!r}", "how": "unresolved"}
    ok = gt is not None and overlap(gt.start, gt.end, p.time.start, p.time.end) > 0
    return {"ok": ok, "gold": gold, "pred": p.time.text,
            "how": "gold null" if gt is None else "overlap" if ok else "no overlap"}


def score_claims(doc: str, golds: list[GoldClaim], preds: list[PredClaim]) -> ClaimMatch:
    pairs = match_claims(golds, preds)
    matched = {pi for _, pi in pairs}
    scorable = [pi for pi, p in enumerate(preds) if p.values]
    unmatched = []
    for pi in (pi for pi in scorable if pi not in matched):
        on_gold = any(overlap(s.start, s.end, v.start, v.end)
                      for g in golds for s in g.values for v in preds[pi].values)
        unmatched.append((pi, ALREADY_MATCHED if on_gold else NO_GOLD_VALUE))
    return ClaimMatch(doc=doc, golds=golds, preds=preds, pairs=pairs,
                      verdicts={gi: judge(golds[gi], preds[pi]) for gi, pi in pairs},
                      scorable=scorable, unmatched=unmatched)


# ---------------------------------------------------------------- figures
def pct(n: int, d: int) -> float | None:
    """100 * n / d rounded to 0.1, as the reference scorer rounds claim figures."""
    return round(100.0 * n / d, 1) if d else None


def claims_figures(results: list[ClaimMatch]) -> dict[str, Any]:
    """Every claims figure, one verdict per gold claim and the unmatched predicted claims."""
    gold, found = sum(len(r.golds) for r in results), sum(len(r.pairs) for r in results)
    scorable = sum(len(r.scorable) for r in results)
    why = Counter(w for r in results for _, w in r.unmatched)
    right = sum(r.all_right() for r in results)
    ok = {f: sum(v[f]["ok"] for r in results for v in r.verdicts.values()) for f in CLAIM_FIELDS}
    return {
        "gold": gold, "found": found, "recall": pct(found, gold), "predicted": sum(len(r.preds) for r in results),
        "predicted_scorable": scorable, "predicted_matched": found, "precision": pct(found, scorable),
        "unmatched_predicted": {"gold_claim_already_matched": why[ALREADY_MATCHED],
                                "no_gold_value": why[NO_GOLD_VALUE]},
        "unresolved_ids": sum(len(p.unresolved) for r in results for p in r.preds),
        "fields": {f: {"correct": ok[f], "of": found, "accuracy": pct(ok[f], found)} for f in CLAIM_FIELDS},
        "all_fields_right": {"correct": right, "of": gold, "e2e": pct(right, gold), "over_found": pct(right, found)},
        "per_doc": {r.doc: {"gold": len(r.golds), "found": len(r.pairs), "predicted": len(r.preds),
                            "predicted_scorable": len(r.scorable), "all_fields_right": r.all_right()}
                    for r in results},
        "claims": [_claim_verdict(r, gi, g) for r in results for gi, g in enumerate(r.golds)],
        "unmatched": [{"doc": r.doc, "id": r.preds[pi].id, "values": [v.text for v in r.preds[pi].values], "why": w}
                      for r in results for pi, w in r.unmatched],
    }


def _claim_verdict(r: ClaimMatch, gi: int, g: GoldClaim) -> dict[str, Any]:
    pi = dict(r.pairs).get(gi)
    out: dict[str, Any] = {"doc": r.doc, "index": gi, "values": [v.text for v in g.values], "found": pi is not None}
    if pi is not None:
        out.update(pred_id=r.preds[pi].id, fields=r.verdicts[gi])
    return out
