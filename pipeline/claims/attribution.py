"""Stage attribution: whether a value is quoted, and who says it (``quoted``, ``speaker``);
reporting verbs, and the public bodies that report others' figures (never a holder)."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from spacy.tokens import Span, Token

from pipeline.claims.context import Document
from pipeline.claims.syntax import _SUBJ, _phrase
from pipeline.lexicons.anaphora import (
    SOURCE_BODY_HEADS,
    SOURCE_BODY_PATTERNS,
    SPEECH_VERBS,
)
from pipeline.nlp import RawEntity, text_of

_QUOTES_OPEN = "\u201c"


_QUOTES_CLOSE = "\u201d"


def _speaker(sent: Span, document: Document, sents: list[Span] | None = None, s_idx: int = 0) -> str | None:
    """Who says the quotation: the subject of a speech verb that names someone
    (a proper noun or an entity; "she said" -> the latest PERSON before it), in
    this sentence, else the next two and then the previous two sentences of the
    same paragraph (a quotation often runs over several sentences)."""
    doc = document.doc
    named, persons = document.entities_labelled("PERSON", "ORG"), document.entities_labelled("PERSON")

    def names(tok: Token) -> bool:
        return tok.pos_ == "PROPN" or any(named.at(t.idx) is not None for t in tok.subtree)

    def in_sentence(sp: Span) -> str | None:
        for tok in sp:
            if tok.lemma_ in SPEECH_VERBS and tok.pos_ == "VERB":
                subj = next((c for c in tok.children if c.dep_ in _SUBJ), None)
                if subj is None:
                    continue
                if subj.pos_ != "PRON" and names(subj):
                    return _phrase(subj)
                if subj.lower_ in ("he", "she"):
                    latest = next(persons.ended_by(subj.idx), None)
                    if latest is not None:
                        return text_of(doc)[latest.start:latest.end]
        in_sp = persons.starting_in(sp.start_char, sp.end_char)
        return text_of(doc)[in_sp[0].start:in_sp[0].end] if in_sp else None

    found = in_sentence(sent)
    if found or sents is None:
        return found
    para_start = text_of(doc).rfind("\n", 0, sent.start_char) + 1
    para_end = text_of(doc).find("\n", sent.end_char - 1)
    para_end = len(text_of(doc)) if para_end < 0 else para_end
    for k in (s_idx + 1, s_idx + 2, s_idx - 1, s_idx - 2):
        if 0 <= k < len(sents) and para_start <= sents[k].start_char < para_end:
            found = in_sentence(sents[k])
            if found:
                return found
    return None


# Heads of subjects that report figures without speaking them (news-dev CONVENTIONS 8.5: data,
# figures, reports, surveys, plans, listings and research are never speakers)
_NOT_SPEAKERS = frozenset("""
data figure figures report reports survey surveys study studies research poll polls statistics index plan
plans listing listings release filing document analysis estimate estimates forecast forecasts model
""".split())
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.IGNORECASE)


def reported(verb: Token | None, sent: Span, document: Document) -> tuple[bool, str | None]:
    """Whether a value stated by ``verb`` is reported speech (news-dev CONVENTIONS 7.9): its clause
    is reported under a verb of saying whose subject is someone ("Northwind said that revenue
    rose 8%", "Profit rose 5%, the company said"), or its sentence says "according to" a named
    person or organisation; and the speaker's name when the sentence gives one."""
    speech = None
    if verb is not None:
        speech = verb if verb.lemma_ in SPEECH_VERBS and verb.pos_ == "VERB" else _reporting_verb(verb)
    if speech is not None:
        subj = next((c for c in speech.children if c.dep_ in _SUBJ), None)
        if subj is not None and subj.lemma_.lower() not in _NOT_SPEAKERS and subj.tag_ not in ("WP", "WDT") and \
                not any(t.like_num or t.lower_ in ("percent", "%", "cent") for t in subj.subtree):
            # (not a figure that says: "14 per cent said they had suffered" is a survey's answer)
            doc = sent.doc
            inside = document.entities_labelled("PERSON", "ORG").starting_in(
                subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge))
            if subj.pos_ != "PRON" and inside:
                # the name, without the title or description around it ("Chief Executive Marion
                # Selby", "British grocer Ashby & Crane"): the one holding the head, else a person's
                head = next((e for e in inside if e.start <= subj.idx < e.end), None) or \
                    next((e for e in inside if e.label == "PERSON"), inside[0])
                return True, head.canonical
            if subj.pos_ == "PROPN":
                return True, _phrase(subj)
            if subj.lower_ in ("he", "she"):
                latest = next(document.entities_labelled("PERSON").ended_by(subj.idx), None)
                return True, text_of(doc)[latest.start:latest.end] if latest is not None else None
            return True, None  # "the company said": no name written here
    text = text_of(sent.doc)
    for e in document.entities_labelled("PERSON", "ORG").starting_in(sent.start_char, sent.end_char):
        if _ACCORDING_TO.search(text[max(sent.start_char, e.start - 20):e.start]) and \
                (text[e.end:e.end + 20].split() or [""])[0].lower().strip(".,;") not in _NOT_SPEAKERS:
            # ("according to the NBS data": the data, not the NBS, says it)
            return True, text[e.start:e.end]
    return False, None


def _reporting_verb(verb: Token) -> Token | None:
    """The speech verb a clause is reported under: "said ... that it had completed"
    (the parser attaches the clause as ccomp, or to "statement" as acl)."""
    tok = verb
    for _ in range(4):
        if tok.dep_ not in ("ccomp", "acl", "pobj", "prep", "advcl") or tok.head == tok:
            return None
        tok = tok.head
        if tok.lemma_ in SPEECH_VERBS and tok.pos_ == "VERB":
            return tok
    return None


_SOURCE_BODY = [re.compile(p, re.IGNORECASE) for p in SOURCE_BODY_PATTERNS]


def _is_source_body(ent: RawEntity) -> bool:
    """A public body that publishes figures (a statistics office, customs, a central bank)."""
    name = ent.canonical
    words = re.findall(r"[a-z]+", name.lower())
    return any(w in SOURCE_BODY_HEADS for w in words) or any(p.search(name) for p in _SOURCE_BODY)


def _in_quotes(text: str, pos: int) -> bool:
    """True when ``pos`` is inside a quotation (not a scare quote) in its paragraph.

    A quotation is text between quotation marks of at least five words; shorter
    quoted phrases ("one-hour circle") are names or scare quotes.
    """
    para_start = text.rfind("\n", 0, pos) + 1
    para_end = text.find("\n", pos)
    para_end = len(text) if para_end < 0 else para_end
    rel = pos - para_start
    for opens, closes, quotations in _quotes_of(text[para_start:para_end]):
        k = bisect.bisect_left(opens, rel) - 1  # the last quote opening before rel
        if k >= 0 and rel < closes[k]:
            return quotations[k]
    return False


@lru_cache(maxsize=16)
def _quotes_of(para: str) -> tuple[tuple[list[int], list[int], list[bool]], ...]:
    """A paragraph's quotes, for each kind of quotation marks (curly, then straight): where
    each opens and closes (the paragraph's end when it does not), and whether it is a
    quotation (five words or more). Read once per paragraph: a long text on one line is one
    paragraph, which every value in it asks about."""
    out = []
    for open_q, close_q in ((_QUOTES_OPEN, _QUOTES_CLOSE), ('"', '"')):
        opens: list[int] = []
        closes: list[int] = []
        quotations: list[bool] = []
        i = 0
        while True:
            a = para.find(open_q, i)
            if a < 0:
                break
            b = para.find(close_q, a + 1)
            if b < 0:
                b = len(para)  # a quote running to the end of the paragraph
            opens.append(a)
            closes.append(b)
            quotations.append(len(para[a + 1:b].split()) >= 5)
            i = b + 1
        out.append((opens, closes, quotations))
    return tuple(out)
