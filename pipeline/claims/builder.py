"""newsclaims_claims: tie each numeric mention into a claim — who, what, how much, when.

The spaCy component of the claim stages. One claim per numeric mention (quantity,
percentage, money), built in five stages whose hand-offs are small typed objects
(:mod:`pipeline.claims.context`) and whose rules are records in
``pipeline/claims/rules/*.toml`` applied by :mod:`pipeline.claims.engine`:

1. claim (:mod:`~pipeline.claims.skip`): which values are claims; a conversion joins its value;
2. anchor (:mod:`~pipeline.claims.anchor`): the verb stating the value and its subject,
   then the predicate (lemma with its particle: "go up") and the subject phrase;
3. entity (:mod:`~pipeline.claims.entity`): ``subject_entity``, in one pass in text order
   (the only state it keeps is the discourse focus, :class:`~pipeline.claims.context.Focus`);
4. measure (:mod:`~pipeline.claims.measure`), time (:mod:`~pipeline.claims.timing`) and
   attribution (:mod:`~pipeline.claims.attribution`: ``quoted``, ``speaker``), per claim;
5. link (:mod:`~pipeline.claims.link`): what a claim takes from the claim before it in its
   sentence; then the measure is cleaned and the subject and measure located in the text.

Each rule's reason and examples are in its record (docs/claim-rules.md lists them);
docs/claims.md says how to add one.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.claims.anchor import anchor_of
from pipeline.claims.attribution import _in_quotes, _speaker, reported
from pipeline.claims.context import Document, Focus, Frame, Value
from pipeline.claims.entity import ClauseRef, SubjectRef, clause_entity, entity_for
from pipeline.claims.link import _locate, link
from pipeline.claims.measure import _clean_measure, _growth_rate_change, adjust, measure_of
from pipeline.claims.skip import is_claim, joins_previous
from pipeline.claims.syntax import _NUMERIC, _anaphor_labels, _phrase_cached, _predicate
from pipeline.claims.timing import time_of
from pipeline.nlp import RawClaim, RawEntity, RawNumeric, nc, text_of


class ClaimBuilder:
    """Build claims from the numeric mentions, in stages (see the module docstring).

    1. *claim*: which values are claims (chain claim.skip), grouped with a conversion (claim.group);
    2. *anchor*: each value's verb and subject (chain anchor), then its predicate and subject phrase;
    3. *entity*: one pass in text order resolves each subject to an entity (chains
       entity.subject, entity.clause), keeping the discourse focus;
    4. *measure* (chains measure, measure.adjust), *time* (time.*) and *attribution*
       (quoted, speaker) for each claim on its own;
    5. *link*: each claim completed from the ones before it in its sentence (chain link),
       then its measure cleaned and its subject and measure located in the text.
    """

    def __call__(self, doc: Doc) -> Doc:
        store = nc(doc)
        mentions: list[RawNumeric] = sorted((m for k in _NUMERIC for m in store[k]), key=lambda m: m.start)
        if not mentions:
            return doc
        document = Document.of(doc, store["entities"], store["dates"])

        # 1. claim: the values that are claims, each with the conversion that joins it
        units: list[tuple[Value, list[RawNumeric]]] = []
        used: set[int] = set()
        for i, mention in enumerate(mentions):
            if id(mention) in used:
                continue
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            value = Value(document, mention, span, document.sentence_of(mention.start))
            if not is_claim(value):
                continue
            group = [mention]
            if i + 1 < len(mentions) and joins_previous(doc, mention, mentions[i + 1]):
                group.append(mentions[i + 1])
                used.add(id(mentions[i + 1]))
            units.append((value, group))

        # 2. anchor and frame
        anchors = [anchor_of(value) for value, _ in units]
        frames = [Frame(predicate=_predicate(a.verb) if a.verb is not None else None,
                        subject=_phrase_cached(a.subj, a.verb) if a.subj is not None else None) for a in anchors]
        quoted = [_in_quotes(text_of(doc), value.value.start) for value, _ in units]

        # 3. entity: one pass in text order; the focus is the only state it carries
        focus = Focus()
        resolved: dict[int, RawEntity | None] = {}  # per subject token: values often share one
        holders: list[RawEntity | None] = []
        for (value, _), anchor, q in zip(units, anchors, quoted, strict=True):
            subj, holder = anchor.subj, None
            if subj is not None:
                if subj.i not in resolved:
                    resolved[subj.i] = entity_for(SubjectRef(document, subj, value.s_idx, value.at, focus))
                holder = resolved[subj.i] or clause_entity(ClauseRef(value, anchor, focus, q))
                if holder is not None and _anaphor_labels(subj) is not None:
                    # the entity in focus for later anaphors of its label (one an anaphor resolved to)
                    focus.by_label[holder.label] = (value.s_idx, holder)
            holders.append(holder)

        # 4. measure, time, attribution: each claim on its own
        claims: list[RawClaim] = []
        # The later stages read the claims before a value's in its sentence and the one
        # before it, never further back (so that the cost is not the number of claims
        # before it): ``claims[recent[k]:k]`` (claims are in text order, so sentences rise).
        recent: list[int] = []
        for (value, group), anchor, frame, q, holder in zip(units, anchors, frames, quoted, holders, strict=True):
            start = recent[-1] if recent else 0
            while start < len(claims) and claims[start].sentence < value.s_idx - 1:
                start += 1
            recent.append(start)
            frame.measure = measure_of(value, anchor)
            adjust(value, anchor, frame)
            time, source = time_of(value, anchor.verb, claims[start:])
            described, span = anchor.described, value.span
            if described is not None and time is not None:
                appos = described if described.i > span.start else span.root.head
                if not (appos.left_edge.idx <= time.start < appos.right_edge.idx + len(appos.right_edge)):
                    time, source = None, None  # the clause's date is its event's, not the description's
            # quoted: a direct quotation, or reported speech (CONVENTIONS 7.9)
            said, named = (True, None) if q else reported(anchor.verb, value.sent, document)
            claims.append(RawClaim(
                sentence=value.s_idx, values=group, time=time, subject_entity=holder,
                predicate=frame.predicate, subject=frame.subject, measure=frame.measure, time_source=source,
                quoted=said, speaker=_speaker(value.sent, document, document.sents, value.s_idx)
                if q else named))

        # 5. link, in text order
        for k, ((value, _), claim, anchor) in enumerate(zip(units, claims, anchors, strict=True)):
            link(value, claim, claims[recent[k]:k], anchor)
            sent = value.sent
            claim.measure = _clean_measure(doc, sent, claim.measure)
            _growth_rate_change(doc, sent, value.value, claim.measure, claim.subject)
            # where the subject and the measure sit, so they can be shown and checked
            claim.subject_span = _locate(doc, sent, claim.subject, value.value)
            claim.measure_span = _locate(doc, sent, claim.measure, value.value)
        store["claims"].extend(claims)
        return doc


@Language.factory("newsclaims_claims")
def make_claims(nlp: Language, name: str) -> ClaimBuilder:
    """Factory: the claim builder (no options)."""
    return ClaimBuilder()
