"""newsclaims_entities: correct the model's entities and give each a canonical name.

Steps, each driven by data in :mod:`pipeline.lexicons.entities` and
``lexicons/entity_patterns.jsonl``:

1. patterns build names the model splits ("the 14th Five-Year Plan");
2. adjacent name spans joined only by "of"/"for"/"on"/"the" and ordinals are
   merged ("Communist Party" + "of" + "China Central Committee");
3. false entities are dropped: all-lower-case spans ("sci-tech"), and common
   abbreviations ("AI", "R&D");
4. a short form of a company's name ("Kestrel" after "Kestrel Semiconductor")
   shares its canonical name and is an ORG, when exactly one longer ORG fits;
   a bare surname ("Bhandari" after "Ritika Bhandari") shares the person's full
   name and is a PERSON, when exactly one earlier full name ends in it (the
   small model often tags a bare surname ORG); a place-tagged word that names a
   "<place> <company form>" company mentioned before ("Larchmont" after
   "Larchmont Partners") is that company, unless the word was used as a place first;
5. an abbreviation introduced in brackets ("National Development and Reform
   Commission (NDRC)") shares the full name's canonical form, and its later
   bare mentions become entities too;
6. labels follow the article's evidence (:mod:`pipeline.components.entity_labels`):
   "Shares of X", "X's chief executive" -> ORG, "Ms X" -> PERSON, a country or
   subdivision name -> GPE, the dateline's place -> GPE, for every mention of the name.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.components.entity_labels import relabel_by_evidence
from pipeline.lexicons.entities import (
    GENERIC_NAME_WORDS,
    MERGEABLE,
    NAME_JOINERS,
    NAME_LABELS,
    NOT_ENTITIES,
    ORG_SUFFIXES,
    TITLE_HEADS,
)
from pipeline.lexicons.numbers import SCALE_ABBREVIATIONS, SCALE_WORDS
from pipeline.nlp import RawEntity, nc, text_of
from pipeline.normalize.money import currency_code

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.IGNORECASE)


# A period code ("Q1", "H2", "FY24", "3Q25") and a year: dates, never the end of a name
_PERIOD_CODE = re.compile(r"^(?:Q[1-4]|H[12]|FY\d{2}(?:\d{2})?|[1-4]Q\d{2})$")
_YEAR_TOKEN = re.compile(r"^(?:19|20)\d\d$")


def canonical_name(text: str) -> str:
    """The normalized form of a name shared by all its mentions.

    >>> canonical_name("the Beijing–Tianjin–Hebei region's")
    'Beijing-Tianjin-Hebei region'
    >>> canonical_name("Tianjin’s")
    'Tianjin'
    """
    s = _DASHES.sub("-", text.translate(_QUOTES))
    s = " ".join(s.split())
    s = re.sub(r"'s?$", "", s)
    s = re.sub(r"^the\s+", "", s, flags=re.IGNORECASE)
    return s.strip(" ,.;:\"'")


def _load_patterns() -> list[dict[str, Any]]:
    text = resources.files("pipeline.lexicons").joinpath("entity_patterns.jsonl").read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


class EntityCorrector:
    """Fix the model's entity spans (see the module docstring)."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        # A pattern can only match where the words its last token allows occur: when none of
        # them is in the text the matcher (which tries every token) need not run.
        words: list[str] | None = []
        for n, entry in enumerate(_load_patterns()):
            self.matcher.add(f"{entry['label']}|{n}", [entry["pattern"]])
            last = entry["pattern"][-1].get("LOWER")
            if isinstance(last, dict) and "IN" in last and words is not None:
                words.extend(last["IN"])
            else:
                words = None  # a pattern without such a word: always run
        self.needed = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(set(words)))) + r")\b",
                                 re.IGNORECASE) if words else None

    def __call__(self, doc: Doc) -> Doc:
        ents = [e for e in doc.ents if e.label_ in NAME_LABELS]
        ents = self._apply_patterns(doc, ents)
        ents = self._merge(doc, ents)
        trimmed = [t for t in (self._trim(e) for e in ents) if t is not None]
        ents = [self._relabel(e) for e in trimmed if self._keep(e)]
        ents, aliases = self._abbreviations(doc, ents)
        ents = self._propagate(doc, filter_spans(ents))
        ents = relabel_by_evidence(doc, filter_spans(ents))
        doc.ents = filter_spans(ents)
        store = nc(doc)
        names = [(canonical_name(e.text), e) for e in doc.ents]
        full_orgs = sorted({n for n, e in names if e.label_ == "ORG" and " " in n}, key=len, reverse=True)
        full_persons = {n for n, e in names if e.label_ == "PERSON" and " " in n}
        places_seen: set[str] = set()
        # the label the article's evidence gave a name wins over the name-form rules below
        # ("the Elizabeth line" after "Queen Elizabeth" is no surname)
        evidenced: dict[str, str] = doc.user_data.get("newsclaims_label_evidence", {})
        for name, ent in names:
            canonical, label = aliases.get(name, name), ent.label_
            surname_of = [p for p in full_persons if " " not in canonical and p.split()[-1] == canonical]
            said = evidenced.get(name)
            if said not in (None, "PERSON", "ORG"):
                pass  # a place or a facility by the evidence
            elif said != "ORG" and label not in ("GPE", "LOC") and len(surname_of) == 1:
                # "Bhandari" after "Ritika Bhandari": a person's surname, whatever label
                # the model gave the bare word
                canonical, label = surname_of[0], "PERSON"
            elif said != "PERSON" and label not in ("LOC", "NORP") and canonical not in full_orgs:
                # "Kestrel" after "Kestrel Semiconductor": the short form of a company's name
                longer = [o for o in full_orgs if o.startswith(canonical + " ")]
                if label == "GPE":
                    # a company named after a place ("Larchmont" after "Larchmont Partners"):
                    # only a "<place> <company form>" name that came first, and only when
                    # the word was no place before ("Sichuan" stays a province even after
                    # "Sichuan Provincial Department of ...")
                    longer = [o for o in longer if len(o.split()) == 2 and o.split()[1] in ORG_SUFFIXES
                              and any(n == o and e.end <= ent.start for n, e in names)]
                    if canonical in places_seen:
                        longer = []
                if len(longer) == 1:
                    canonical, label = longer[0], "ORG"
            if label in ("GPE", "LOC"):
                places_seen.add(canonical)
            store["entities"].append(RawEntity(ent.start_char, ent.end_char, label=label, canonical=canonical))
        return doc

    def _apply_patterns(self, doc: Doc, ents: list[Span]) -> list[Span]:
        if self.needed is not None and self.needed.search(text_of(doc)) is None:
            return ents
        found = []
        for match_id, start, end in self.matcher(doc):
            label = doc.vocab.strings[match_id].split("|")[0]
            found.append(Span(doc, start, end, label=label))
        found = filter_spans(found)
        if not found:
            return ents
        kept = [e for e in ents if not any(e.start < f.end and f.start < e.end for f in found)]
        return sorted(kept + found, key=lambda s: s.start)

    @staticmethod
    def _merge(doc: Doc, ents: list[Span]) -> list[Span]:
        out: list[Span] = []
        for ent in ents:
            if out and out[-1].label_ in MERGEABLE and ent.label_ in MERGEABLE:
                prev = out[-1]
                gap = doc[prev.end:ent.start]
                tail = [t for t in prev if t.lower_ in NAME_JOINERS]
                joined = (len(gap) <= 3 and all(t.lower_ in NAME_JOINERS - {"and"} or _ORDINAL.match(t.text)
                                                for t in gap))
                linked = any(t.lower_ in ("of", "for", "on") for t in gap) or \
                    (prev[-1].lower_ in ("of", "for", "on") if len(prev) else False)
                if joined and linked and ent[0].is_title and not tail[-1:] == [prev[0]]:
                    label = "ORG" if "ORG" in (prev.label_, ent.label_) else prev.label_
                    out[-1] = Span(doc, prev.start, ent.end, label=label)
                    continue
            out.append(ent)
        return out

    @staticmethod
    def _trim(ent: Span) -> Span | None:
        start, end = ent.start, ent.end
        doc = ent.doc
        for t in ent:  # "Investment Group (SIUIG": the bracketed abbreviation is not part of the name
            if t.text == "(" and t.i > start:
                end = t.i
                break
        while end > start and (doc[end - 1].lower_ in NAME_JOINERS or doc[end - 1].is_punct or
                               _PERIOD_CODE.match(doc[end - 1].text) or
                               ent.label_ in ("ORG", "PERSON") and _YEAR_TOKEN.match(doc[end - 1].text)):
            # "KT&G Q1 net rises": a period code written after a name is a date, not part of the
            # name (the model often takes it in, in headlines); so is a year after a company's
            # or person's name ("Nvidia 2025 revenue"), though not after an event's ("Expo 2020")
            end -= 1
        while start < end and doc[start].is_punct:
            start += 1
        if start >= end:
            return None
        return Span(doc, start, end, label=ent.label_) if (start, end) != (ent.start, ent.end) else ent

    @staticmethod
    def _relabel(ent: Span) -> Span:
        """A company-form suffix ("Holdings", "NV", "Inc.") makes the span an ORG; a person-tagged
        or nationality-tagged name holding a digit is a product or model code ("F-150"): no person's
        name or nationality has one."""
        if ent.label_ != "ORG" and len(ent) > 1 and ent[-1].text in ORG_SUFFIXES:
            return Span(ent.doc, ent.start, ent.end, label="ORG")
        if ent.label_ in ("PERSON", "NORP") and any(c.isdigit() for c in ent.text):
            return Span(ent.doc, ent.start, ent.end, label="PRODUCT")
        return ent

    @staticmethod
    def _keep(ent: Span) -> bool:
        text = ent.text
        if not any(c.isupper() for c in text):
            return False  # "sci-tech": a common noun, not a name
        core = canonical_name(text)
        if core in NOT_ENTITIES or core.rstrip("s") in NOT_ENTITIES:
            return False
        if ent.label_ == "PERSON" and len(ent) == 1 and ent[0].is_sent_start and (
                ent[0].pos_ in ("ADJ", "VERB", "NOUN") or
                _written_in_lower_case(ent.doc, ent[0].lower_)):
            return False  # "Broken down by state", "Coal remains ..." (with "coal" elsewhere): a first word
        doc = ent.doc
        if ent.start > 1 and ent.end < len(doc) and doc[ent.start - 1].text == "(" and doc[ent.end].text == ")" and \
                doc[ent.start - 2].is_lower and doc[ent.start - 2].is_alpha and not ent.text.isalpha():
            return False  # "statements of invoices (GSTR-1)": a code abbreviating the common noun before it
        if ent.label_ in ("ORG", "EVENT", "WORK_OF_ART") and len(ent) > 1 and ent[-1].text in TITLE_HEADS:
            return False  # "The Quarterly Labour Force Survey": a publication's title

        if any(t.like_num for t in ent) and all(t.like_num or t.is_punct or currency_code(t.text) or
                                                t.lower_ in SCALE_WORDS or t.text in SCALE_ABBREVIATIONS
                                                for t in ent):
            return False  # "USD 1.9": an amount, not a name
        return any(c.isalpha() for c in core)

    @staticmethod
    def _propagate(doc: Doc, ents: list[Span]) -> list[Span]:
        """Label consistency: a name recognized once is an entity wherever it recurs.

        The small model misses repeated names in some contexts ("Gdańsk has
        become ..."); an exact, capitalized repeat at token boundaries gets the
        label the name has most often in the article.
        """
        labels: dict[str, list[str]] = {}
        words: dict[str, list[str]] = {}
        for ent in ents:
            if ent.text[:1].isupper() and len(ent.text) > 2:
                labels.setdefault(ent.text, []).append(ent.label_)
                words.setdefault(ent.text, [t.text for t in ent])
        for ent in ents:  # "Huaxin" after "Huaxin Power Cells": a company's distinctive first word
            first = ent[0]
            if ent.label_ == "ORG" and len(ent) > 1 and first.pos_ == "PROPN" and first.is_title and \
                    len(first.text) > 3 and first.lower_ not in GENERIC_NAME_WORDS and first.text not in labels:
                labels.setdefault(first.text, []).append("ORG")
                words.setdefault(first.text, [first.text])
        if not labels:
            return ents
        matcher = PhraseMatcher(doc.vocab)
        for text, toks in words.items():
            matcher.add(text, [Doc(doc.vocab, words=toks)])
        covered = {t.i for e in ents for t in e}
        extra = []
        for match_id, start, end in matcher(doc):
            if any(i in covered for i in range(start, end)) or doc[start].pos_ not in ("PROPN", "NOUN", "ADJ"):
                continue
            text = doc.vocab.strings[match_id]
            votes = labels[text]
            label = max(dict.fromkeys(votes), key=votes.count)
            extra.append(Span(doc, start, end, label=label))
        return sorted(ents + filter_spans(extra), key=lambda s: s.start)

    @staticmethod
    def _abbreviations(doc: Doc, ents: list[Span]) -> tuple[list[Span], dict[str, str]]:
        """"Full Name (ABBR)": ABBR's canonical is Full Name; bare ABBR mentions become entities."""
        aliases: dict[str, str] = {}
        labels: dict[str, str] = {}
        for ent in ents:
            i = ent.end
            if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
                abbr = doc[i + 1].text
                if abbr.isupper() and 2 <= len(abbr) <= 8 and abbr.isalpha() and _abbreviates(abbr, ent.text):
                    aliases[abbr] = canonical_name(ent.text)
                    labels[abbr] = ent.label_
        if not aliases:
            return ents, aliases
        covered = {t.i for e in ents for t in e}
        extra = [Span(doc, t.i, t.i + 1, label=labels[t.text]) for t in doc
                 if t.text in aliases and t.i not in covered and t.text not in NOT_ENTITIES]
        kept = [e for e in ents if not (len(e) == 1 and e.text in aliases)]
        relabeled = [Span(doc, e.start, e.end, label=labels[e.text]) for e in ents
                     if len(e) == 1 and e.text in aliases]
        return sorted(kept + relabeled + extra, key=lambda s: s.start), aliases


_WORD = re.compile(r"\w+")


def _written_in_lower_case(doc: Doc, word: str) -> bool:
    """Whether ``word`` (lower case) is written in the doc's text as a word of its own: the
    search of ``\bword\b``. A word of word characters only is looked up in the set of the
    text's runs of them (the same answer), built once per doc, not searched for in a long text
    once per name."""
    if not _WORD.fullmatch(word):
        return re.search(rf"\b{re.escape(word)}\b", text_of(doc)) is not None
    words = doc.user_data.get("newsclaims_words")
    if words is None:
        words = doc.user_data["newsclaims_words"] = frozenset(_WORD.findall(text_of(doc)))
    return word in words


def _abbreviates(abbr: str, name: str) -> bool:
    """Whether ``abbr`` can stand for ``name``: it starts with the initial of one of the name's
    words and its letters occur in the name in order ("NDRC" for "National Development and
    Reform Commission"; not "AP" for "NEW YORK" in a dateline "NEW YORK (AP)").

    >>> _abbreviates("NDRC", "National Development and Reform Commission"), _abbreviates("AP", "NEW YORK")
    (True, False)
    """
    low = name.lower()
    if abbr[0].lower() not in {w[0] for w in low.split() if w}:
        return False
    pos = 0
    for letter in abbr.lower():
        pos = low.find(letter, pos) + 1
        if pos == 0:
            return False
    return True


@Language.factory("newsclaims_entities")
def make_entities(nlp: Language, name: str) -> EntityCorrector:
    """Factory: the entity-correction component (no options)."""
    return EntityCorrector(nlp)
