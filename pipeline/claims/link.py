"""Stage link: a claim completed from the claims before it in its sentence.

Run once every claim has its own stages' answers, in text order (chain ``link``,
rules/link.toml): a gapped conjunct, a demonstrative ("That pace"), a pronoun base
("a third of them"), the earlier figure of a change, a figure compared with
another, a change right after a value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.claims.anchor import _gapped_subject, _object_relative
from pipeline.claims.context import Anchor, Value
from pipeline.claims.engine import each, rule
from pipeline.claims.measure import _is_population_share, _population_base
from pipeline.claims.syntax import DEMONSTRATIVES, _governing_preposition, _governing_verb, _lemma, _predicate
from pipeline.claims.timing import _from_figure
from pipeline.lexicons.anaphora import (
    ANAPHOR_NOUNS,
)
from pipeline.lexicons.changes import EVENT_CARRYING_VERBS, EVENT_NOUN_VERBS, EXPECTATION_VERBS
from pipeline.lexicons.roles import PREPOSITIONAL_VERBS
from pipeline.nlp import (
    NUMERIC_KINDS,
    RawChange,
    RawClaim,
    RawMoney,
    RawNumeric,
    RawPercentage,
    RawQuantity,
    span_text,
    text_of,
)
from pipeline.spans import mentions_by_position


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


def _own_verb(span: Span) -> Token | None:
    """A participle or relative clause on the value's own noun that states it: "the $5.85
    expected", "the $15.31 that analysts had anticipated"."""
    root = span.root
    while root.dep_ in ("nummod", "quantmod", "compound", "conj") and root.head != root:
        root = root.head
    own = next((c for c in root.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and c.i >= span.end),
               None)
    if own is None and span.end < len(span.doc):
        # "... vs. $515 million expected": a participle closing the line right after the value
        # is its own, wherever the parser hung it (here as the root of a verbless line)
        nxt = span.doc[span.end]
        rest = span.doc[nxt.i + 1:nxt.sent.end]
        if nxt.tag_ == "VBN" and all(t.is_punct or t.is_space for t in rest):
            own = nxt
    return own


def _own_noun(span: Span) -> bool:
    """The figure modifies a noun of its own right after it: "the £44 million loss"."""
    root = span.root
    return root.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod") and root.head.pos_ == "NOUN" and \
        root.head.i == span.end and not root.head.ent_type_


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
    """A claim and the claims before it in its sentence and the previous one (all stages
    done; no rule looks further back)."""

    value: Value
    claim: RawClaim
    earlier: list[RawClaim]
    anchor: Anchor | None = None

    @property
    def prev(self) -> RawClaim | None:
        return self.earlier[-1] if self.earlier else None

    @property
    def prev_same(self) -> RawClaim | None:
        """The claim before, when it is in the same sentence."""
        prev = self.prev
        return prev if prev is not None and prev.sentence == self.value.s_idx else None


def link(value: Value, claim: RawClaim, earlier: list[RawClaim], anchor: Anchor | None = None) -> None:
    """Apply chain ``link`` to ``claim`` (``anchor``: the value's verb and subject)."""
    each("link", value.at, LinkRef(value, claim, earlier, anchor))


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
    claim.subject_entity = next(iter(r.value.document.entity_index.starting_in(
        doc[start].idx, doc[last - 1].idx + len(doc[last - 1]))), None)
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
    elif kin.measure and not _own_noun(span):
        # "..., compared with $5.1 billion in fiscal 2025": the figure compared with is
        # of the same measure as the sentence's last figure of its kind (not one that names
        # its own: "compared with the £44 million loss a year earlier")
        claim.measure = kin.measure
        changed = True
    if kin.measure and isinstance(value, RawPercentage) and \
            value.change is None and kin.values[0].change is not None and \
            kin.values[0].change.direction in ("increase", "decrease"):
        # "rose 3.8 percent ..., compared with 2.1 percent a year earlier": a change too
        value.change = RawChange(direction=kin.values[0].change.direction, basis=None)
        changed = True
    return changed


@rule("link.expected-figure")
def _expected(r: LinkRef) -> bool:
    # "..., missing the $2.72 that Wall Street expected", "below the $1.35 analysts had
    # forecast": a figure whose own clause expects it, with no measure of its own, is of what
    # the figure it is set against measures (the last one of its kind, in this sentence or the
    # one before); the clause's own subject is the claim's (CONVENTIONS 7.5 item 1). Only the
    # figure's own clause: "analysts had been looking for $2.39 billion" may name its measure
    # elsewhere ("... in their median forecast"), and taking the earlier figure's lost as many
    # claims as it won on the sets we measure.
    claim, value, span, doc = r.claim, r.value.value, r.value.span, r.value.doc
    own = _own_verb(span)
    # (a measure that is only the subject's name gives way: "Acme" measures nothing)
    if own is None or _predicate(own) not in EXPECTATION_VERBS or \
            claim.measure is not None and not (claim.measure == claim.subject and claim.subject_entity):
        return False
    kin = next((c for c in reversed(r.earlier) if r.value.s_idx - 1 <= c.sentence <= r.value.s_idx and
                c.values[0].kind == value.kind), None)
    if kin is None or not kin.measure:
        return False
    claim.measure = kin.measure
    claim.predicate = _predicate(own)  # the figure's own clause states it ("expect")
    subj = next((c for c in own.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
        first, last = subj.left_edge, subj
        claim.subject = span_text(doc[first.i:last.i + 1])
        claim.subject_entity = next(iter(r.value.document.entity_index.starting_in(
            first.idx, last.idx + len(last))), None)
    return True


# "followed by Japan with 11%", "ahead of Denmark with 39 points": a name right before "with"
# and the figure (the parser hangs "with" on the verb)
_NAME_WITH = re.compile(r"\s+with\s+(?:about|around|nearly|almost|just|some|roughly|over|under)?\s*")


@rule("link.name-with-figure")
def _name_with(r: LinkRef) -> bool:
    # a ranking or a result set out name by name: the name right before "with <figure>" holds it
    value, text = r.value.value, text_of(r.value.doc)
    named = next((e for e in r.value.document.entity_index.starting_in(max(0, value.start - 80), value.start)
                  if e.label in ("GPE", "ORG", "LOC", "PERSON") and e.end < value.start
                  and _NAME_WITH.fullmatch(text, e.end, value.start)), None)
    if named is None or named is r.claim.subject_entity:
        return False
    r.claim.subject_entity, r.claim.subject = named, text[named.start:named.end]
    return True


def _set_off_comparison(span: Span) -> bool:
    """A figure in a comparison adjunct set off by a comma: "..., well above the consensus
    estimate of $255 million", "..., a little below the 6.8 percent of ...", "..., up from
    an earlier forecast of $1.015 billion"."""
    prep = _governing_preposition(span)
    if prep is not None and prep.lower_ == "of" and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "above the consensus estimate of $255 million"
    if prep is None:
        return False
    if prep.lower_ in ("above", "below"):
        phrase = prep
    elif prep.lower_ == "from" and prep.head.lower_ in ("up", "down"):
        phrase = prep.head
    else:
        return False
    opens = phrase.left_edge.i - 1
    return opens >= 0 and span.doc[opens].text == ","


@rule("link.comparison-predicate")
def _comparison_predicate(r: LinkRef) -> bool:
    # "..., compared with 273.84 billion won a year earlier", "versus $669 million", "...,
    # well above the consensus estimate of $255 million": a verbless comparison adjunct
    # states its value with no verb (CONVENTIONS 7.4: null), unless the value's own noun
    # has one ("compared with the $5.85 expected": expect)
    span = r.value.span
    if not (_compared_figure(span) or _set_off_comparison(span)):
        return False
    own = _own_verb(span)
    r.claim.predicate = _predicate(own) if own is not None else None
    return True


def _value_runs(value: Value, joiners: tuple[str, ...]) -> tuple[list[tuple[int, int]], list[list[tuple[int, int]]]]:
    """The value's sentence's values as token ranges, in order, and its lists: runs of
    values with nothing but ``joiners`` ("," / "and") between one and the next."""
    doc, sent = value.doc, value.sent
    ranges = []
    # (only a mention starting in the sentence, or in the space after a token, which
    # char_span's "expand" gives the next token, can start at one of its tokens)
    for m in mentions_by_position(doc, *NUMERIC_KINDS).starting_in(sent.start_char - 1, sent.end_char + 2):
        m_span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if m_span is not None and sent.start <= m_span.start < sent.end:
            ranges.append((m_span.start, m_span.end))
    ranges.sort()
    runs: list[list[tuple[int, int]]] = []
    for r in ranges:
        if runs and all(t.lower_ in joiners for t in doc[runs[-1][-1][1]:r[0]]) and r[0] > runs[-1][-1][1]:
            runs[-1].append(r)
        else:
            runs.append([r])
    return ranges, runs


def _respective_list(value: Value) -> tuple[int, int] | None:
    """For a value in a list of values that "respectively" pairs with another list ("rose 5%
    and 3%, respectively"): its index in the list and the list's length, else None."""
    sent, span = value.sent, value.span
    if not any(t.lower_ == "respectively" and t.i >= span.end for t in sent):
        return None
    ranges, runs = _value_runs(value, (",", "and"))
    respectively = next(t.i for t in sent if t.lower_ == "respectively" and t.i >= span.end)
    for run in runs:
        if len(run) > 1 and (span.start, span.end) in run and \
                not any(run[-1][1] <= a < respectively for a, _ in ranges):  # the last list before it
            return run.index((span.start, span.end)), len(run)
    return None


def _conjuncts(tok: Token) -> list[Token]:
    """A token and its conjuncts, in order ("Revenue and operating profit")."""
    out = [tok]
    while (nxt := next((c for c in out[-1].children if c.dep_ == "conj"), None)) is not None:
        out.append(nxt)
    return out


def _conjunct_text(tok: Token) -> str:
    """A conjunct's own words, without the conjuncts after it."""
    doc = tok.doc
    last = max([tok.i, *(t.right_edge.i for t in tok.children if t.dep_ not in ("conj", "cc", "punct"))])
    return span_text(doc[tok.left_edge.i:last + 1]) if tok.dep_ == "conj" else \
        span_text(doc[tok.left_edge.i if tok.left_edge.dep_ != "cc" else tok.i:last + 1])


@rule("link.prepositional-verb")
def _prepositional_verb(r: LinkRef) -> bool:
    # "CGST accounted for ₹29,546 crore", "Net income came to $748 million": a prepositional
    # verb whose preposition takes the value keeps it in the predicate (CONVENTIONS 7.4)
    verb = r.anchor.verb if r.anchor is not None else None
    noun = r.value.span.root
    while noun.dep_ in ("nummod", "quantmod", "compound", "nmod", "conj") and noun.head != noun:
        noun = noun.head  # ("gone past the ₹1.5 lakh crore mark": the noun the value names)
    prep = noun.head if noun.dep_ == "pobj" else None
    if prep is not None and prep.lower_ == "of" and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "called for a loss of $105 million"
    if verb is None or prep is None or prep.head != verb or r.claim.predicate != _predicate(verb) or \
            (_lemma(verb), prep.lower_) not in PREPOSITIONAL_VERBS:
        return False
    r.claim.predicate = f"{r.claim.predicate} {prep.lower_}"
    return True


def _event_noun(span: Span) -> Token | None:
    """The change or event noun a value measures: "a 2.55 per cent hike", "a gain of 2.5%"."""
    noun = span.root
    while noun.dep_ in ("nummod", "quantmod", "compound", "nmod") and noun.head != noun and \
            noun.head.lower_ not in EVENT_NOUN_VERBS:
        noun = noun.head
    if noun.dep_ in ("nummod", "quantmod", "compound", "nmod", "amod") and noun.head.lower_ in EVENT_NOUN_VERBS:
        return noun.head if noun.head.i >= span.end else None
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in EVENT_NOUN_VERBS:
        return noun.head.head
    return None


@rule("link.event-noun")
def _event_noun_predicate(r: LinkRef) -> bool:
    # "..., a year-on-year gain of 4.9 percent", "with a 30 per cent gain", "carries a 2.55
    # per cent hike": an event noun the value measures gives the predicate, as its verb,
    # when it is in apposition, in a prepositional phrase or the object of a light or
    # source verb (CONVENTIONS 7.4)
    noun = _event_noun(r.value.span)
    if noun is None or noun.tag_ not in ("NN", "NNS"):
        return False
    if noun.dep_ in ("appos", "pobj") or \
            noun.dep_ in ("dobj", "attr") and noun.head.lemma_ in EVENT_CARRYING_VERBS:
        r.claim.predicate = EVENT_NOUN_VERBS[noun.lower_]
        return True
    return False


@rule("link.respectively")
def _respectively(r: LinkRef) -> bool:
    # "Revenue and operating profit rose 5% and 3%, respectively", "Sales in Ontario and
    # Quebec rose 3% and 5% respectively", "93.2% of invoices and 91.4% of returns ...,
    # against 83.1% and 84.7% respectively": the nth value takes the nth conjunct of the
    # coordinated field (CONVENTIONS 7.3 item 8, 8.7); the subject stays whole
    found = _respective_list(r.value)
    subj = r.anchor.subj if r.anchor is not None else None
    if found is None or subj is None:
        return False
    n, size = found
    claim, entities = r.claim, r.value.document.entity_index
    if _compared_figure(r.value.span):
        # values compared with an earlier list of the sentence ("..., against 83.1% and
        # 84.7% respectively"): the nth of the claims before the list
        before = [c for c in r.earlier if c.sentence == r.value.s_idx and c.values[0].kind == r.value.value.kind]
        before = before[:len(before) - n]  # (the list's own earlier members are not the base)
        if len(before) < size:
            return False
        base = before[len(before) - size + n]
        claim.measure, claim.subject_entity = base.measure, base.subject_entity
        return True
    heads = _conjuncts(subj)
    if len(heads) == size and subj.i < r.value.span.start:
        # a coordinated subject: its nth conjunct is the measure, and names the entity
        head = heads[n]
        if claim.measure is not None and claim.measure == claim.subject:
            claim.measure = _conjunct_text(head)
        named = [entities.at(h.idx) for h in heads]
        if any(named):  # (conjuncts that name nobody leave the subject's holder)
            claim.subject_entity = named[n]
        return True
    for prep in (c for c in subj.children if c.dep_ == "prep"):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        places = _conjuncts(obj) if obj is not None else []
        owners = [entities.at(t.idx) for t in places]
        if len(places) == size and all(owners):
            # "Exports to Chile and Peru grew 4% and 6%": the nth named owner
            claim.subject_entity = owners[n]
            return True
    return False


@rule("link.value-list")
def _value_list(r: LinkRef) -> bool:
    # "cut fares by 5% and 8%", "Revenue rose 5%, 9% and 12%": a later value of a list
    # (nothing but "," / "and" / "or" after the value before it, of the same kind and
    # stated by the same verb of the same subject) is a change of the same measure as the
    # first (CONVENTIONS 7.2: separate claims; 7.6: what each value is the size of)
    claim, value, span, prev, doc = r.claim, r.value.value, r.value.span, r.prev_same, r.value.doc
    if prev is None or prev.values[0].kind != value.kind or \
            (claim.predicate, claim.subject) != (prev.predicate, prev.subject):
        return False
    earlier = prev.values[-1]
    if isinstance(value, RawQuantity) and isinstance(earlier, RawQuantity) and \
            any(a is not None and b is not None and a != b
                for a, b in ((value.unit, earlier.unit), (value.counted, earlier.counted))):
        return False  # "1,200 workers and 40 stores": different things counted
    _, runs = _value_runs(r.value, (",", "and", "or"))
    run = next((run for run in runs if (span.start, span.end) in run), [])
    at = run.index((span.start, span.end)) if run else 0
    if at == 0:
        if not _located_pair(text_of(doc), earlier, value):
            return False
    else:
        a, b = run[at - 1]
        if not (earlier.start < doc[b - 1].idx + len(doc[b - 1]) and doc[a].idx < earlier.end):
            return False  # the value before it in the list is not the claim before
        if not (span.root.dep_ in ("conj", "appos") and a <= span.root.head.i < b):
            return False  # "cut fares by 5%, and 8% of its routes were closed": a clause of its own
    changed = False
    if claim.measure is None and prev.measure and _respective_list(r.value) is None:
        claim.measure = prev.measure
        changed = True
    first = prev.values[0].change
    if value.change is None and first is not None and first.direction in ("increase", "decrease"):
        value.change = RawChange(direction=first.direction, basis=None)
        changed = True
    return changed


# "rose 3% in Ontario and 5% in Quebec": each value of a list followed by its own place or group
_LOCATED_BETWEEN = re.compile(r"^\s+(?P<prep>in|at|for|across|among)\s+(?:the\s+)?"
                              r"[A-Z][\w.'&-]*(?:\s+[A-Z][\w.'&-]*){0,3},?\s+and\s+$")


def _located_pair(text: str, earlier: RawNumeric, value: RawNumeric) -> bool:
    """``earlier`` and ``value`` are "X <prep> <Name> and Y <prep> <Name>": one list of figures, each
    set in its own place or group."""
    between = _LOCATED_BETWEEN.match(text[earlier.end:value.start])
    return between is not None and re.match(rf"\s+{between.group('prep')}\s", text[value.end:value.end + 8]) is not None


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
