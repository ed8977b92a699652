"""newsclaims_claims: tie each numeric mention into a claim — who, what, how much, when.

Rules (each tested with small sentences in tests/test_claims.py):

- One claim per numeric mention (quantity, percentage, money). A money amount
  followed by a bracketed conversion ("10 billion yuan (about $1.4 billion)")
  is one claim with both values. "145 labs and 10 institutions" is two claims.
- ``predicate``: the lemma of the verb that governs the value (walking up the
  dependency tree); null when the sentence has none.
- ``subject``: that verb's grammatical subject (following xcomp/advcl/conj up
  to a verb that has one). Anaphors ("this hub", "the company", "it", "here")
  resolve to ``subject_entity``: the previous sentence's subject entity when
  its label fits, else the most recent preceding entity with a fitting label.
- ``measure``: what is measured, first that applies: the "in"/"of" phrase after
  a money or count ("10 trillion yuan in combined revenue"); the base of a
  share ("a third of Beijing's GDP"); the noun the value describes ("R&D
  spending near six percent"); the subject of a change verb ("output ...
  surged 16.5 percent"); the counted noun.
- ``time``: the date mention nearest the value in the same sentence
  (``time_source: "sentence"``); else the latest date of the previous sentence
  of the same paragraph (``"carried"``); else null.
- ``quoted``: the value stands inside quotation marks; ``speaker``: the
  subject of a speech verb ("said") in the sentence, or the nearest PERSON.
"""

from __future__ import annotations

import bisect

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.lexicons.anaphora import (
    ANAPHOR_DETERMINERS,
    ANAPHOR_NOUNS,
    ANY,
    PRONOUNS,
    SPEECH_VERBS,
)
from pipeline.nlp import RawClaim, RawMention, nc, text_of

_NUMERIC = ("quantities", "percentages", "money")
_SUBJ = ("nsubj", "nsubjpass", "csubj", "expl")
_QUOTES_OPEN = "\u201c"
_QUOTES_CLOSE = "\u201d"


class ClaimBuilder:
    """Build claims from the numeric mentions (see the module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        store = nc(doc)
        values: list[RawMention] = sorted((m for k in _NUMERIC for m in store[k]), key=lambda m: m.start)
        if not values:
            return doc
        sents = list(doc.sents)
        sent_starts = [s.start_char for s in sents]
        entities = sorted(store["entities"], key=lambda m: m.start)
        dates = sorted(store["dates"], key=lambda m: m.start)
        used: set[int] = set()
        for i, value in enumerate(values):
            if id(value) in used:
                continue
            span = doc.char_span(value.start, value.end, alignment_mode="expand")
            if span is None:
                continue
            s_idx = max(0, bisect.bisect_right(sent_starts, value.start) - 1)
            sent = sents[s_idx]
            group = [value]
            if value.kind == "money" and i + 1 < len(values):
                nxt = values[i + 1]
                between = text_of(doc)[value.end:nxt.start]
                if nxt.kind == "money" and between.strip() in ("(", "(about", "(around", "(roughly",
                                                                 "(or", "(or about", "(approximately",
                                                                 "(some", "(nearly", "(almost"):
                    group.append(nxt)
                    used.add(id(nxt))
            claim = self._claim(doc, span, sent, s_idx, sents, value, entities, dates)
            claim.values = group
            store["claims"].append(claim)
        return doc

    # ------------------------------------------------------------------
    def _claim(self, doc: Doc, span: Span, sent: Span, s_idx: int, sents: list[Span], value: RawMention,
               entities: list[RawMention], dates: list[RawMention]) -> RawClaim:
        verb = _governing_verb(span)
        subj = _subject(verb) if verb is not None else None
        fields: dict = {"predicate": verb.lemma_ if verb is not None else None,
                        "subject": _phrase(subj, verb) if subj is not None else None}
        subject_entity = None
        if subj is not None:
            subject_entity = self._entity_for(doc, subj, entities, sents, s_idx)
            if subject_entity is None and verb is not None and subj.i <= span.root.i <= subj.right_edge.i:
                # "200 models have been nurtured here": the value is the subject; the
                # claim is about the place the verb names
                loc = next((c for c in verb.children if c.lower_ in ("here", "there")), None)
                if loc is not None:
                    subject_entity = self._entity_for(doc, loc, entities, sents, s_idx)
        fields["measure"] = self._measure(doc, span, value, verb, subj)
        time, source = self._time(doc, span, sent, s_idx, sents, dates)
        fields["time_source"] = source
        quoted = _in_quotes(text_of(doc), value.start)
        fields["quoted"] = quoted
        fields["speaker"] = self._speaker(sent, entities, doc) if quoted else None
        return RawClaim(sentence=s_idx, values=[value], fields=fields, time=time,
                        subject_entity=subject_entity)

    @staticmethod
    def _entity_for(doc: Doc, subj: Token, entities: list[RawMention], sents: list[Span],
                    s_idx: int) -> RawMention | None:
        tree = list(subj.subtree)
        lo, hi = tree[0].idx, tree[-1].idx + len(tree[-1])
        # an entity in the subject phrase: prefer the one holding the head noun
        inside = [e for e in entities if lo <= e.start and e.end <= hi]
        for e in inside:
            if e.start <= subj.idx < e.end:
                return e
        if inside:
            return inside[0]
        labels = _anaphor_labels(subj)
        if labels is None:
            return None
        # the previous sentence's subject entity, when it fits: the entity holding
        # the subject's head, then one in apposition to it, then any in the subject phrase
        if s_idx > 0:
            ranked: list[RawMention] = []
            for tok in sents[s_idx - 1]:
                if tok.dep_ not in _SUBJ:
                    continue
                tiers = [[tok], [c for c in tok.children if c.dep_ == "appos"], list(tok.subtree)]
                for tier in tiers:
                    for t in tier:
                        ent = next((e for e in entities if e.start <= t.idx < e.end), None)
                        if ent is not None and ent not in ranked and ent.fields.get("label") in labels:
                            ranked.append(ent)
            if ranked:
                return ranked[0]
        before = [e for e in entities if e.end <= subj.idx and e.fields.get("label") in labels]
        return before[-1] if before else None

    @staticmethod
    def _measure(doc: Doc, span: Span, value: RawMention, verb: Token | None, subj: Token | None) -> str | None:
        after = text_of(doc)[value.end:value.end + 4].lower()
        last = span[-1]
        if value.kind in ("money", "quantities") and after.startswith((" in ", " of ")):
            nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
            if nxt is not None and nxt.lower_ in ("in", "of"):
                objs = [c for c in nxt.children if c.dep_ == "pobj"]
                if objs and objs[0].ent_type_ not in ("GPE", "LOC", "DATE", "FAC") and \
                        not _is_date_like(objs[0]):
                    return doc[nxt.i + 1:objs[0].i + 1].text
        # the value describes a noun: "R&D spending near six percent"
        root = span.root
        head = root.head
        if value.kind == "percentages" and head.pos_ in ("VERB", "AUX") and value.fields.get("of"):
            return value.fields["of"]
        if head.pos_ in ("NOUN", "PROPN") and head.i < span.start and root.dep_ in (
                "npadvmod", "appos", "amod", "nmod", "advmod", "pobj", "dobj", "attr", "nummod", "prep"):
            left = min(t.i for t in head.subtree if t.i <= head.i and t.dep_ != "prep")
            return doc[left:head.i + 1].text
        if head.head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("advmod", "prep", "amod") and \
                head.head.i < span.start:
            noun = head.head
            left = min(t.i for t in noun.subtree if t.i <= noun.i)
            return doc[left:noun.i + 1].text
        if value.kind == "percentages" and value.fields.get("of"):
            return value.fields["of"]
        if verb is not None and subj is not None and value.fields.get("change") is not None:
            return _phrase(subj, verb)
        if value.kind == "quantities" and value.fields.get("counted"):
            return value.fields["counted"]
        return None

    @staticmethod
    def _time(doc: Doc, span: Span, sent: Span, s_idx: int, sents: list[Span],
              dates: list[RawMention]) -> tuple[RawMention | None, str | None]:
        in_sent = [d for d in dates if sent.start_char <= d.start < sent.end_char]
        if in_sent:
            mid = (span.start_char + span.end_char) / 2
            return min(in_sent, key=lambda d: (abs((d.start + d.end) / 2 - mid), d.start)), "sentence"
        if s_idx > 0:
            prev = sents[s_idx - 1]
            same_paragraph = "\n" not in text_of(doc)[prev.start_char:sent.start_char]
            prev_dates = [d for d in dates if prev.start_char <= d.start < prev.end_char]
            if same_paragraph and prev_dates:
                return prev_dates[-1], "carried"
        return None, None

    @staticmethod
    def _speaker(sent: Span, entities: list[RawMention], doc: Doc) -> str | None:
        for tok in sent:
            if tok.lemma_ in SPEECH_VERBS and tok.pos_ == "VERB":
                subj = next((c for c in tok.children if c.dep_ in _SUBJ), None)
                if subj is not None and subj.pos_ != "PRON":
                    return _phrase(subj)
        persons = [e for e in entities if e.fields.get("label") == "PERSON" and
                   sent.start_char <= e.start < sent.end_char]
        return text_of(doc)[persons[0].start:persons[0].end] if persons else None


def _governing_verb(span: Span) -> Token | None:
    """The verb governing a value; a hedge verb inside the span counts ("surpass 10 trillion")."""
    tok = span.root
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") and (tok not in span or tok.i == span.start):
            return tok
        if tok.head is tok:
            return tok if tok.pos_ in ("VERB", "AUX") else None
        tok = tok.head
    return None


def _subject(verb: Token) -> Token | None:
    tok = verb
    for _ in range(5):
        subj = next((c for c in tok.children if c.dep_ in _SUBJ), None)
        if subj is not None:
            return subj
        if tok.dep_ in ("xcomp", "advcl", "conj", "ccomp", "relcl", "acl") and tok.head is not tok:
            if tok.dep_ in ("relcl", "acl"):
                return tok.head
            tok = tok.head
            continue
        break
    return None


def _phrase(tok: Token, verb: Token | None = None) -> str:
    """The noun phrase of a subject token (its subtree, trimmed of clauses and the verb)."""
    tree = [t for t in tok.subtree]
    end = tree[-1].i + 1
    if verb is not None and tok.i < verb.i < end:
        end = verb.i
        while end > tok.i + 1 and tok.doc[end - 1].pos_ in ("AUX", "PART", "ADV", "PUNCT"):
            end -= 1
    for t in tree:
        if t.i > tok.i and t.dep_ in ("relcl", "acl", "punct") and t.head is tok:
            end = t.left_edge.i
            break
    return tok.doc[tree[0].i:end].text


def _anaphor_labels(subj: Token) -> tuple[str, ...] | None:
    low = subj.lower_
    if low in PRONOUNS:
        return PRONOUNS[low]
    if low in ANAPHOR_NOUNS and any(c.lower_ in ANAPHOR_DETERMINERS for c in subj.children):
        return ANAPHOR_NOUNS[low]
    if subj.pos_ == "PRON":
        return ANY
    return None


def _is_date_like(tok: Token) -> bool:
    return tok.like_num or tok.lower_ in ("year", "month", "quarter", "week", "day")


def _in_quotes(text: str, pos: int) -> bool:
    """True when ``pos`` is inside a quotation (not a scare quote) in its paragraph.

    A quotation is text between quotation marks of at least five words; shorter
    quoted phrases ("one-hour circle") are names or scare quotes.
    """
    para_start = text.rfind("\n", 0, pos) + 1
    para_end = text.find("\n", pos)
    para_end = len(text) if para_end < 0 else para_end
    para = text[para_start:para_end]
    rel = pos - para_start
    for open_q, close_q in ((_QUOTES_OPEN, _QUOTES_CLOSE), ('"', '"')):
        i = 0
        while True:
            a = para.find(open_q, i)
            if a < 0:
                break
            b = para.find(close_q, a + 1)
            if b < 0:
                b = len(para)  # a quote running to the end of the paragraph
            if a < rel < b:
                return len(para[a + 1:b].split()) >= 5
            i = b + 1
    return False


@Language.factory("newsclaims_claims")
def make_claims(nlp: Language, name: str) -> ClaimBuilder:
    """Factory: the claim builder (no options)."""
    return ClaimBuilder()
