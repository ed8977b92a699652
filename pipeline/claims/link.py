"""Stage link: a claim completed from the claims before it in its sentence.

Run once every claim has its own stages' answers, in text order (chain ``link``,
rules/link.toml): a gapped conjunct, a demonstrative ("That pace"), a pronoun base
("a third of them"), the earlier figure of a change, a figure compared with
another, a change right after a value.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from pipeline.claims.anchor import _gapped_subject, _object_relative
from pipeline.claims.context import Value
from pipeline.claims.engine import each, rule
from pipeline.claims.measure import _is_population_share, _population_base
from pipeline.claims.syntax import DEMONSTRATIVES, _governing_preposition, _governing_verb
from pipeline.claims.timing import _from_figure
from pipeline.lexicons.anaphora import (
    ANAPHOR_NOUNS,
)
from pipeline.nlp import RawChange, RawClaim, RawMoney, RawNumeric, RawPercentage, RawQuantity, span_text, text_of


def _demonstrative_referent(claim: RawClaim, claims: list[RawClaim], s_idx: int) -> RawClaim | None:
    """The claim a demonstrative subject refers back to ("That", "That pace", "this
    volume", not "this city": a place or company noun is resolved as an entity): the latest
    claim of this or the previous sentence."""
    words = (claim.subject or "").lower().split()
    if not words or words[0] not in DEMONSTRATIVES or len(words) > 3 or \
            len(words) > 1 and words[-1] in ANAPHOR_NOUNS:
        return None
    return next((c for c in reversed(claims) if s_idx - 1 <= c.sentence <= s_idx), None)


def _locate(doc: Doc, sent: Span, text: str | None, value: RawNumeric) -> tuple[int, int] | None:
    """The character span of ``text`` in the value's sentence: of its occurrences, the one
    nearest the value (not overlapping it); None when it is not a slice of the sentence."""
    if not text:
        return None
    whole = text_of(doc)
    found: list[tuple[int, int]] = []
    at = whole.find(text, sent.start_char, sent.end_char)
    while at >= 0:
        if not (at < value.end and value.start < at + len(text)):
            found.append((at, at + len(text)))
        at = whole.find(text, at + 1, sent.end_char)
    if not found:
        return None
    return min(found, key=lambda sp: (min(abs(sp[1] - value.start), abs(sp[0] - value.end)), sp[0]))


def _compared_figure(span: Span) -> bool:
    """A figure something is compared with: "..., compared with $5.1 billion"."""
    prep = _governing_preposition(span)
    if prep is not None and prep.lower_ == "of" and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "compared with an average of 420 gigalitres"
    return prep is not None and (prep.lower_ in ("with", "to") and prep.head.lower_ == "compared" or
                                 prep.lower_ in ("versus", "vs", "vs.", "against"))  # "..., versus $669 million"


def _raises_that(span: Span) -> bool:
    """The value is the target of a verb whose object is a pronoun: "raise that to 70",
    "cut it to 5 percent"."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ != "to":
        return False
    verb = root.head.head
    return verb.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lower_ in ("that", "it", "this") for c in verb.children)


@dataclass(frozen=True)
class LinkRef:
    """A claim and the claims before it in the document (all stages done)."""

    value: Value
    claim: RawClaim
    earlier: list[RawClaim]

    @property
    def prev(self) -> RawClaim | None:
        return self.earlier[-1] if self.earlier else None

    @property
    def prev_same(self) -> RawClaim | None:
        """The claim before, when it is in the same sentence."""
        prev = self.prev
        return prev if prev is not None and prev.sentence == self.value.s_idx else None


def link(value: Value, claim: RawClaim, earlier: list[RawClaim]) -> None:
    """Apply chain ``link`` to ``claim``."""
    each("link", value.at, LinkRef(value, claim, earlier))


@rule("link.gapped-conjunct")
def _gapped_conjunct(r: LinkRef) -> bool:
    # "Central China expanded 7.5 percent, west China 7 percent, and the northeast of
    # China 5.9": a gapped conjunct keeps its own subject and shares the first
    # conjunct's predicate and measure (CONVENTIONS 7.3 item 9)
    span, doc, claim, value = r.value.span, r.value.doc, r.claim, r.value.value
    prev_same = r.prev_same
    gapped = _gapped_subject(span, _object_relative(span) or _governing_verb(span))
    if gapped is None or prev_same is None:
        return False
    start, last = gapped
    claim.subject = span_text(doc[start:last])
    claim.subject_entity = next((e for e in r.value.document.entities
                                 if doc[start].idx <= e.start < doc[last - 1].idx + len(doc[last - 1])), None)
    claim.predicate = prev_same.predicate
    shared = prev_same.measure
    claim.measure = claim.subject if shared is not None and \
        shared == prev_same.subject else shared
    if value.change is None and prev_same.values[0].change is not None:
        value.change = prev_same.values[0].change  # (frozen: shared)
    return True


@rule("link.demonstrative")
def _demonstrative(r: LinkRef) -> bool:
    # "That pace was 0.2 percentage points slower", "that volume was 5.5 percent
    # higher": the figure referred back to is the previous claim's, and so is its
    # holder (or none: CONVENTIONS 7.5, anaphora)
    referent = _demonstrative_referent(r.claim, r.earlier, r.value.s_idx)
    if referent is None:
        return False
    r.claim.subject_entity = referent.subject_entity
    return True


@rule("link.pronoun-base")
def _pronoun_base(r: LinkRef) -> bool:
    # "more than 2.5 million vehicles, nearly a third of them": the pronoun is
    # the measure of the figure before it in the sentence, else unknown
    claim = r.claim
    if (claim.measure or "").lower() not in ("them", "it", "these", "those", "this", "that"):
        return False
    prev_same = r.prev_same
    claim.measure = prev_same.measure if prev_same is not None else None
    return True


@rule("link.same-figure")
def _same_figure(r: LinkRef) -> bool:
    # "runs 45 freight trains a week ... and plans to raise that to 70": "that"
    # is the earlier figure, whose measure, counted noun and rate this one shares;
    # so is the starting figure of a change ("handled 612,000 passengers ..., up
    # from about 537,000 a year earlier")
    claim, value, span, prev = r.claim, r.value.value, r.value.span, r.prev_same
    # a measure that is only the clause's shared subject is no measure of the figure's own
    # ("Corlan Mines produced 2.2 million tonnes of copper ore, up from 1.8 million
    # tonnes": the default measure of the second is "Corlan Mines")
    own = claim.measure is not None and not (claim.measure == claim.subject == prev.subject
                                             if prev is not None else False)
    if prev is None or not (_raises_that(span) or _from_figure(span)) or \
            own or prev.values[0].kind != value.kind:
        return False
    claim.measure = prev.measure
    # (counted noun, rate and unit: those of the two kinds that have them; a
    # percentage's unit is never unset)
    earlier_value = prev.values[0]
    if isinstance(value, RawQuantity) and isinstance(earlier_value, RawQuantity):
        if value.counted is None and earlier_value.counted is not None:
            value.counted = earlier_value.counted
        if value.per is None and earlier_value.per is not None:
            value.per = earlier_value.per
        if value.unit is None and earlier_value.unit is not None and value.dimension == "count":
            value.unit = earlier_value.unit
    elif isinstance(value, RawMoney) and isinstance(earlier_value, RawMoney):
        if value.per is None and earlier_value.per is not None:
            value.per = earlier_value.per
    return True


@rule("link.compared-figure")
def _compared(r: LinkRef) -> bool:
    claim, value, span = r.claim, r.value.value, r.value.span
    kin = next((c for c in reversed(r.earlier) if c.sentence == r.value.s_idx and
                c.values[0].kind == value.kind), None) if _compared_figure(span) else None
    if kin is None:
        return False
    changed = False
    if _is_population_share(span, value, as_subject=False) and isinstance(value, RawPercentage) and value.of:
        # "compared with roughly 11 percent of indoor workers": a share of another
        # group is about that group, which it measures (CONVENTIONS 7.3 item 7, 7.6)
        claim.subject, claim.subject_entity = value.of, None
        claim.measure = _population_base(span) or value.of
        claim.predicate = kin.predicate
        changed = True
    elif kin.measure:
        # "..., compared with $5.1 billion in fiscal 2025": the figure compared with is
        # of the same measure as the sentence's last figure of its kind
        claim.measure = kin.measure
        changed = True
    if kin.measure and isinstance(value, RawPercentage) and \
            value.change is None and kin.values[0].change is not None and \
            kin.values[0].change.direction in ("increase", "decrease"):
        # "rose 3.8 percent ..., compared with 2.1 percent a year earlier": a change too
        value.change = RawChange(direction=kin.values[0].change.direction, basis=None)
        changed = True
    return changed


@rule("link.change-after-value")
def _change_after_value(r: LinkRef) -> bool:
    # "net income of US$1.84 billion, down 3.2 percent": the change is of the same measure
    claim, value, prev, doc = r.claim, r.value.value, r.prev_same, r.value.doc
    if claim.measure in (None, claim.subject) and \
            value.change is not None and \
            prev is not None and prev.measure and \
            claim.subject in (None, prev.subject) and \
            0 <= value.start - prev.values[-1].end <= 60 and \
            text_of(doc)[prev.values[-1].start:prev.values[-1].end] not in (claim.subject or ""):
        claim.measure = prev.measure
        return True
    return False
