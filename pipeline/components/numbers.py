"""newsclaims_numbers: quantities, percentages, money and ordinals.

Candidates come from :func:`pipeline.normalize.scan.scan` (one lexer pass over
the text); this component drops the ones that are parts of dates or names,
resolves currencies against the article's setting, converts units with pint,
and reads from the parse what a number needs around it: the counted noun
("200 homegrown large language models"), the base of a share ("of Beijing's
GDP") and whether the value is a change ("surged 16.5 percent year on year").

Documented choices:
- ``counted`` is the counted noun phrase as written after the number, with
  its modifiers ("homegrown large language models").
- A fraction of something ("a third of", "two-thirds of", "one in five") is a
  Percentage with ``unit: "fraction"`` and the value in percent (33.33...).
- Approximate values ("about 5") keep ``lower``/``upper`` null: the text does not
  say how far off they may be. Exact values have lower == upper == value.
- Bare four-digit numbers 1800-2199 without a hedge or unit are years, never
  quantities ("in 2013"); "2,025 workers" (with a separator) is a count.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.lexicons.changes import (
    BASIS_PATTERNS,
    DECREASE_LEMMAS,
    DECREASE_NOUNS,
    INCREASE_LEMMAS,
    INCREASE_NOUNS,
)
from pipeline.nlp import RawMention, nc, text_of
from pipeline.normalize.money import currencies_of_places, currency_code
from pipeline.normalize.scan import Candidate, ordinal_words, scan, vague_scales
from pipeline.normalize.units import parse_unit, si_value

_NAME_LABELS_FOR_NUMBERS = frozenset({"ORG", "LAW", "PRODUCT", "FAC", "EVENT", "WORK_OF_ART", "PERSON"})
_SETTING_LABELS = frozenset({"GPE", "NORP", "LOC"})


def clean(value: float | None) -> float | None:
    """Round away binary noise from scaling (18.6 * 1e5 -> 1860000.0); None for non-finite."""
    if value is None or not math.isfinite(value):
        return None
    return float(f"{value:.12g}")


class NumberFinder:
    """Find and normalize numeric mentions (see the module docstring)."""

    _spans: list[tuple[int, int]] = []

    def __call__(self, doc: Doc) -> Doc:
        store = nc(doc)
        blocked = [(m.start, m.end) for m in store["dates"]]
        names = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _NAME_LABELS_FOR_NUMBERS]
        setting = currencies_of_places(
            e.text for e in doc.ents if e.label_ in _SETTING_LABELS) + self._named_currencies(text_of(doc))
        taken: list[tuple[int, int]] = []
        candidates = scan(text_of(doc))
        self._spans = [(c.start, c.end) for c in candidates]
        for cand in candidates:
            if _overlaps((cand.core_start, cand.core_end), blocked):
                continue
            if cand.kind == "ordinal":
                continue  # ordinals are collected below, with the spelled ones
            if cand.kind in ("number", "unit") and _inside((cand.core_start, cand.core_end), names):
                continue
            if self._is_year(cand) or self._is_pronoun(doc, cand):
                continue
            mention = self._mention(doc, cand, setting)
            if mention is not None:
                store[mention.kind].append(mention)
                taken.append((mention.start, mention.end))
        for start, end, lo, hi in vague_scales(text_of(doc)):
            if _overlaps((start, end), taken) or _overlaps((start, end), blocked):
                continue
            fields = {"value": None, "qualifier": "range", "lower": lo, "upper": hi, "unit": None,
                      "dimension": "count", "counted": self._counted_after_of(doc, end)}
            store["quantities"].append(RawMention("quantities", start, end, fields))
        for start, end, value in ordinal_words(text_of(doc)):
            if _overlaps((start, end), blocked) or _overlaps((start, end), taken):
                continue
            store["ordinals"].append(RawMention("ordinals", start, end, {"value": value}))
        return doc

    # -- filters ----------------------------------------------------------
    @staticmethod
    def _named_currencies(text: str) -> list[str]:
        """Currencies the article names outright ("yuan", "RMB"): they settle "¥"."""
        out = []
        low = text.lower()
        for word, code in (("yuan", "CNY"), ("renminbi", "CNY"), ("rmb", "CNY"), ("yen", "JPY")):
            if word in low and code not in out:
                out.append(code)
        return out

    @staticmethod
    def _is_year(cand: Candidate) -> bool:
        digits = cand.digits_only
        return (cand.kind == "number" and digits is not None and len(digits) == 4 and digits.isdigit()
                and 1800 <= int(digits) <= 2199 and cand.hedge is None and cand.qualifier == "exact")

    @staticmethod
    def _is_pronoun(doc: Doc, cand: Candidate) -> bool:
        """Spelled "one"/"two" used as a pronoun: "one of the largest", "the two"."""
        if cand.kind != "number" or not cand.spelled or cand.value is None or cand.value >= 10:
            return False
        after = text_of(doc)[cand.end:cand.end + 4].lower()
        return after.startswith(" of ") or cand.text.lower() == "one" and not after.strip()

    # -- building ---------------------------------------------------------
    def _mention(self, doc: Doc, cand: Candidate, setting: list[str]) -> RawMention | None:
        base = {"qualifier": cand.qualifier}
        value, lower, upper = cand.value, cand.lower, cand.upper
        if cand.kind in ("percent", "fraction"):
            scale = 100.0 if cand.kind == "fraction" else 1.0
            fields = {**base, "value": clean(_mul(value, scale)), "lower": clean(_mul(lower, scale)),
                      "upper": clean(_mul(upper, scale)), "unit": cand.percent_unit or "percent",
                      "of": self._of_phrase(doc, cand.end), "change": self._change(doc, cand)}
            return RawMention("percentages", cand.start, cand.end, fields)
        if cand.kind == "money":
            factor = cand.currency_factor
            code = currency_code(cand.currency or "", setting=setting)
            if factor != 1.0:
                from pipeline.normalize.money import minor_unit

                minor = minor_unit(cand.currency or "", setting=setting)
                code = minor[0] if minor else code
            fields = {**base, "value": clean(_mul(value, factor)), "lower": clean(_mul(lower, factor)),
                      "upper": clean(_mul(upper, factor)), "currency": code, "per": cand.per,
                      "change": self._change(doc, cand)}
            return RawMention("money", cand.start, cand.end, fields)
        unit_name = dimension = None
        si = None
        if cand.kind == "unit" and cand.unit:
            info = parse_unit(cand.unit)
            if info is None:
                return None
            unit_name, dimension = info.name, info.dimension
            value, lower, upper = _mul(value, info.factor), _mul(lower, info.factor), _mul(upper, info.factor)
            si = si_value(value, info) if value is not None else None
        fields = {**base, "value": clean(value), "lower": clean(lower), "upper": clean(upper),
                  "unit": unit_name, "dimension": dimension or "count",
                  "counted": None if unit_name else self._counted(doc, cand),
                  "si_value": clean(si), "per": cand.per, "change": self._change(doc, cand)}
        return RawMention("quantities", cand.start, cand.end, fields)

    # -- reading the parse --------------------------------------------------
    @staticmethod
    def _span(doc: Doc, start: int, end: int) -> Span | None:
        return doc.char_span(start, end, alignment_mode="expand")

    def _counted(self, doc: Doc, cand: Candidate) -> str | None:
        span = self._span(doc, cand.core_start, cand.core_end)
        if span is None:
            return None
        tok = span[-1]
        head = tok.head
        if tok.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.i > tok.i and \
                head.pos_ in ("NOUN", "PROPN"):
            first = max(tok.i + 1, self._span(doc, cand.start, cand.end).end if
                        self._span(doc, cand.start, cand.end) else tok.i + 1)
            # skip past another numeric span inside ("Three trillion-yuan clusters")
            for m_start, m_end in self._spans:
                ms = self._span(doc, m_start, m_end)
                if ms is not None and tok.i < ms.start and ms.end <= head.i:
                    first = max(first, ms.end)
            while first < head.i and doc[first].is_punct:
                first += 1
            if first <= head.i:
                return doc[first:head.i + 1].text
        return None

    def _counted_after_of(self, doc: Doc, end: int) -> str | None:
        return self._of_phrase(doc, end)

    def _of_phrase(self, doc: Doc, end: int) -> str | None:
        """The base phrase of "... of X": the object of the "of" right after ``end``."""
        rest = text_of(doc)[end:end + 4]
        if not rest.lower().startswith(" of "):
            return None
        span = self._span(doc, end + 1, end + 3)
        if span is None:
            return None
        of_tok = span[0]
        objs = [c for c in of_tok.children if c.dep_ in ("pobj", "pcomp")]
        if not objs:
            return None
        obj = objs[0]
        left = of_tok.i + 1
        right = obj.i + 1
        # keep the noun phrase: pre-modifiers and compound/possessive, plus "of"-complements
        for child in obj.rights:
            if child.dep_ in ("prep",) and child.lower_ in ("of", "in"):
                right = child.right_edge.i + 1
        return doc[left:right].text

    def _change(self, doc: Doc, cand: Candidate) -> dict | None:
        span = self._span(doc, cand.start, cand.end)
        if span is None:
            return None
        direction = self._direction(doc, span)
        if direction is None:
            return None
        sent_end = span.sent.end_char
        tail = text_of(doc)[cand.end:sent_end]
        basis = next((b for rx, b in BASIS_PATTERNS if rx.search(tail[:120])), None)
        return {"direction": direction, "basis": basis}

    @staticmethod
    def _direction(doc: Doc, span: Span) -> str | None:
        first = span[0]
        if first.i > 0:
            prev = doc[first.i - 1]
            if prev.lower_ == "up":
                return "increase"
            if prev.lower_ == "down":
                return "decrease"
        root = span.root
        # "a 12 percent drop": the value modifies a change noun
        head = root.head
        if head.i > span.end - 1 and head.pos_ == "NOUN":
            if head.lemma_ in INCREASE_NOUNS:
                return "increase"
            if head.lemma_ in DECREASE_NOUNS:
                return "decrease"
        # "surged 16.5 percent", "fell by 3 percent" — not "rose to 4.3 percent" (a level)
        tok: Token = root
        via_to = False
        for _ in range(4):
            if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "at", "from", "of", "than"):
                via_to = True
            if tok.head is tok:
                break
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX") or tok.lemma_ in INCREASE_LEMMAS | DECREASE_LEMMAS:
                break
        if via_to or tok.pos_ not in ("VERB", "NOUN", "ADJ", "ADV"):
            return None
        if tok.lemma_ in INCREASE_LEMMAS:
            return "increase"
        if tok.lemma_ in DECREASE_LEMMAS:
            return "decrease"
        return None


def _mul(value: float | None, factor: float) -> float | None:
    return None if value is None else value * factor


def _overlaps(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in others)


def _inside(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in others)


@Language.factory("newsclaims_numbers")
def make_numbers(nlp: Language, name: str) -> NumberFinder:
    """Factory: the numeric-mention component (no options)."""
    return NumberFinder()
