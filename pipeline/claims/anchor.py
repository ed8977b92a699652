"""Stage anchor: where a value hangs in its sentence — the verb that states it and its subject.

The default is the verb governing the value (or the relative-clause verb whose
object is the value's noun) and that verb's grammatical subject; the rules of
chain ``anchor`` (rules/anchor.toml) then correct it in order: a fronted
partitive, a data source "putting" a figure, a value describing a noun.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from pipeline.claims.context import Anchor, Value
from pipeline.claims.engine import each, rule
from pipeline.claims.syntax import _governing_preposition, _governing_verb, _subject, _text
from pipeline.lexicons.changes import (
    DECREASE_NOUNS,
    INCREASE_NOUNS,
)
from pipeline.lexicons.roles import (
    FRAME_NOUNS,
    PUT_AT_VERBS,
    REVISING_VERBS,
    SOURCE_NOUNS,
)
from pipeline.nlp import text_of

_ADDITIVE_PREPS = frozenset("alongside besides including plus like".split())


def _source_subject_object(span: Span, verb: Token | None, subj: Token | None) -> Token | None:
    """With a source-subject verb, the object measured: "puts X at 131.9", "caps X at 5
    billion tons"; "Revisions cut X by 19,000" (a source noun as subject)."""
    if verb is None:
        return None
    prep = _governing_preposition(span)
    if prep is None or prep.head != verb:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and c.i < prep.i), None)
    if obj is None:
        return None
    if prep.lower_ == "at" and verb.lemma_ in PUT_AT_VERBS:
        return obj
    if prep.lower_ in ("by", "to") and verb.lemma_ in REVISING_VERBS and subj is not None and \
            subj.lemma_.lower() in SOURCE_NOUNS:
        return obj
    return None


# A verbless heading or bullet: "• Revenue: $3.61 billion", "Earnings per share: $6.14"
_HEADING = re.compile(r"[ \t]*(?:[\u2022\u25cf\u25aa*\u2013-]\s*)?(?P<head>[A-Z][^:\n]{1,60}?):\s")


def _heading(doc: Doc, sent: Span, span: Span) -> str | None:
    """The heading before a colon that opens the value's line, when it has no verb."""
    text = text_of(doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    m = _HEADING.match(text, line_start)
    if m is None or m.end() > span.start_char:
        return None
    head = doc.char_span(m.start("head"), m.end("head"), alignment_mode="expand")
    if head is None or any(_clausal(t) for t in head) or any(t.ent_type_ for t in head):
        return None  # (a name is an attribution or a dateline: "Stats SA: 7 out of 9 provinces ...")
    return m.group("head").strip()


def _clausal(tok: Token) -> bool:
    """A verb that makes a clause of a heading ("Tesco said: ..."), not a participle
    modifying its noun ("Operating income: ...", "Adjusted earnings: ...")."""
    return tok.pos_ in ("VERB", "AUX") and not (
        tok.tag_ in ("VBG", "VBN") and tok.dep_ in ("amod", "compound", "nmod") and tok.head.i > tok.i)


_GAP_BOUNDARIES = frozenset({",", ";", "and", "while", "whereas"})


_GAP_PREPS = frozenset("for with after at to by".split())


def _gapped_subject(span: Span, verb: Token | None) -> tuple[int, int] | None:
    """The token range of a gapped conjunct's subject: after a comma or "and", a noun phrase
    with no verb of its own right before the value (or its preposition): "..., west China 7
    percent", "and SGST for ₹37,314 crore", "and the US after it with 4.01 trillion yuan".
    Not a noun the value belongs to ("a year-on-year gain of 4.9 percent")."""
    doc = span.doc
    if verb is None or verb.i >= span.start:
        return None
    i = span.start - 1
    while i > span.sent.start and doc[i].text not in _GAP_BOUNDARIES and span.start - i <= 9:
        i -= 1
    if doc[i].text not in _GAP_BOUNDARIES or i <= verb.i:
        return None
    first = i + 1
    while first < span.start and doc[first].lower_ in _GAP_BOUNDARIES:
        first += 1
    between = doc[first:span.start]
    if not len(between) or any(t.pos_ in ("VERB", "AUX") or t.like_num for t in between) or \
            between[0].pos_ not in ("DET", "ADJ", "NOUN", "PROPN"):
        return None
    last = next((t.i for t in between if t.pos_ == "ADP" and t.lower_ in _GAP_PREPS), span.start)
    if doc[last - 1].pos_ not in ("NOUN", "PROPN") or doc[span.start - 1].lower_ == "of" or \
            doc[last - 1].lemma_.lower() in INCREASE_NOUNS | DECREASE_NOUNS | FRAME_NOUNS:
        return None
    return first, last


def _appositive_described(span: Span) -> Token | None:
    """The noun a value's noun phrase stands in apposition to: "its first US factory, a
    $2.1 billion plant" -> factory; "Huaxin, a $40 billion company" -> Huaxin."""
    root = span.root
    while root.dep_ in ("quantmod", "compound") and root.head != root and root.head in span:
        root = root.head
    noun = root.head
    if root.dep_ not in ("nummod", "compound", "amod", "quantmod", "pobj"):
        return None
    for _ in range(6):
        # up through the noun phrase ("a housing charity with an annual budget of about
        # £14 million"), never through a clause
        if noun.dep_ == "appos" or noun.dep_ not in ("pobj", "prep", "compound", "amod", "nmod"):
            break
        noun = noun.head
    if noun.dep_ != "appos" or noun.i < span.end and root.dep_ != "pobj" or \
            noun.lemma_.lower() in INCREASE_NOUNS | DECREASE_NOUNS:
        return None  # ("revenue of €2.45 billion, an increase of 11 percent": a change, said of the revenue)
    described, opening = noun.head, noun.left_edge.i - 1
    if described.pos_ not in ("NOUN", "PROPN") or described.i >= opening or \
            span.doc[opening].text not in (",", "(", "\u2013", "\u2014"):
        return None  # only an apposition set off by a comma, a bracket or a dash
    if any(c.dep_ in ("nummod", "quantmod") for c in described.children):
        return None  # "₹1,234.5 crore, one and a half times ...": a figure, not a thing described
    return described


def _prepositional_described(span: Span, verb: Token | None) -> Token | None:
    """The noun an adjectival value describes inside a prepositional phrase of the clause's
    subject or object ("The average rent for a two-bedroom flat rose 9.4 percent": the
    flat has two bedrooms; it is not what rose)."""
    root = span.root
    if verb is None or root.dep_ not in ("nummod", "amod", "compound", "quantmod"):
        return None
    text = text_of(span.doc)
    if "-" not in text[span.start_char:span.end_char + 1]:  # "two-bedroom": written as an adjective
        return None
    noun = root.head
    while noun.dep_ in ("compound", "amod") and noun.head.i > noun.i:
        noun = noun.head
    if noun.i < span.end or noun.pos_ != "NOUN" or noun.dep_ != "pobj":
        return None
    owner = noun.head.head  # pobj -> prep -> the noun the phrase hangs on
    if noun.head.dep_ != "prep" or owner.pos_ not in ("NOUN", "PROPN") or \
            owner.dep_ not in ("nsubj", "nsubjpass", "dobj") or owner.head != verb:
        return None
    return noun


def _partitive_base(span: Span) -> Token | None:
    """The noun of a partitive's whole when the value counts it: "Forty-two of the
    company's roughly 600 employees" -> employees (for the 600)."""
    root = span.root
    noun = root.head
    if root.dep_ != "nummod" or noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return None
    part = noun.head.head
    return noun if part.pos_ == "NUM" or part.like_num else None


def _fronted_partitive_whole(span: Span) -> Token | None:
    """The noun a value counts in a partitive "of" phrase set before the clause's verb:
    "Of the 3,200 patients surveyed, 410 said ..." -> patients (for the 3,200)."""
    root = span.root
    noun = root.head
    if root.dep_ != "nummod" or noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return None
    of = noun.head
    return noun if of.head.pos_ in ("VERB", "AUX") and of.i < of.head.i and of.i == of.sent.start else None


def _object_relative(span: Span) -> Token | None:
    """The verb of a relative clause whose object is the value's noun ("Of the 14 delays
    it logged in October, nine ...": Kestrel logged 14 delays; "the 300 homes it has
    built"): the clause states the figure. Not a clause whose subject is the noun
    itself ("the 48 companies that have reported").
    """
    root = span.root
    noun = root.head if root.dep_ == "nummod" else root if root.pos_ == "NOUN" else None  # "the 3.40 crowns"
    if noun is None or noun.pos_ != "NOUN":
        return None
    for rel in (c for c in noun.children if c.dep_ == "relcl" and c.pos_ in ("VERB", "AUX")):
        subj = next((c for c in rel.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.tag_ not in ("WP", "WDT") and subj.lower_ != "that" and \
                not any(c.dep_ == "dobj" for c in rel.children):
            return rel
    return None


def anchor_of(value: Value) -> Anchor:
    """The verb and subject of a value, after the rules of chain ``anchor``."""
    relative = _object_relative(value.span)
    verb = relative or _governing_verb(value.span)
    anchor = Anchor(verb=verb, subj=_subject(verb) if verb is not None else None, relative=relative)
    each("anchor", value.at, value, anchor)
    return anchor


@rule("anchor.fronted-partitive-whole")
def _fronted_whole(value: Value, anchor: Anchor) -> bool:
    # "Of the 3,200 patients surveyed in waiting rooms, 410 said ...": the 3,200 is
    # how many patients were surveyed, not what the 410 said
    if anchor.verb is None or anchor.relative is not None:
        return False
    whole = _fronted_partitive_whole(value.span)
    if whole is None:
        return False
    anchor.whole = anchor.subj = whole
    anchor.verb = next((c for c in whole.children if c.dep_ == "acl" and c.pos_ == "VERB"), None)
    return True


@rule("anchor.expletive-there")
def _expletive_there(value: Value, anchor: Anchor) -> bool:
    # "There were 1,200 job cuts at Brennic Motors": the expletive "there" is no place
    # anaphor and refers to nothing; the noun after the verb is what the clause is about
    subj, verb = anchor.subj, anchor.verb
    if subj is None or verb is None or subj.dep_ != "expl" or subj.lower_ != "there" or subj.head != verb:
        return False
    real = next((c for c in verb.children if c.dep_ in ("attr", "nsubj", "dobj") and c.i > verb.i
                 and c.pos_ in ("NOUN", "PROPN", "NUM")), None)
    if real is None:
        return False
    anchor.subj = real
    return True


@rule("anchor.source-object")
def _source_object(value: Value, anchor: Anchor) -> bool:
    # "X puts the average price in the Greater Toronto area at 131.9"
    measured = _source_subject_object(value.span, anchor.verb, anchor.subj)
    if measured is None:
        return False
    anchor.subj = measured
    return True


@rule("anchor.additive-noun")
def _additive_noun(value: Value, anchor: Anchor) -> bool:
    # "..., alongside 700-billion-yuan ecosystems in AI": the value describes the
    # added noun phrase, which is what the claim is about
    span = value.span
    noun = span.root.head
    if "-" in _text(span) and span.root.dep_ in ("compound", "amod", "nummod") and noun.i >= span.end and \
            noun.dep_ == "pobj" and noun.head.lower_ in _ADDITIVE_PREPS:
        anchor.subj = noun
        return True
    return False


@rule("anchor.partitive-base")
def _partitive(value: Value, anchor: Anchor) -> bool:
    # "Forty-two of the company's roughly 600 employees hold stock options": the
    # verb is the 42's; the 600 only says how many employees there are
    base = _partitive_base(value.span)
    if base is None:
        return False
    anchor.verb, anchor.subj = None, base
    return True


@rule("anchor.described-noun")
def _described(value: Value, anchor: Anchor) -> bool:
    # "... for its first US factory, a $2.1 billion plant on Route 2013": the value
    # describes the factory, not the event of the clause
    described = _appositive_described(value.span) or _prepositional_described(value.span, anchor.verb)
    if described is None:
        return False
    anchor.verb, anchor.subj, anchor.described = None, described, described
    return True
