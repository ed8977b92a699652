"""Entity labels from the article's evidence (step 6 of newsclaims_entities).

Every mention of a name gets the label the evidence in the whole article gives
that name (:mod:`pipeline.normalize.entity_evidence`): context patterns around
any of its mentions, the gazetteers of countries and subdivisions, a town placed
in its state ("Camp Hill, Pennsylvania"). The model's label stays where there is
no evidence. Also:

- a title of address is no part of the name: "Ms Cerny" -> "Cerny" (PERSON);
- the dateline's place is a GPE ("JOHANNESBURG - Employment ..." tagged ORG whole);
- a full name whose surname has person evidence is a person ("Caroline Cerny"
  after "Ms Cerny").
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from pipeline.nlp import text_of
from pipeline.normalize.entity_evidence import (
    context_labels,
    countries_named,
    created_label,
    in_subdivision,
    place_label,
)
from pipeline.normalize.setting import dateline

_TITLES = frozenset("Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof Prof. Sir Dame".split())


def _name(span: Span) -> str:
    from pipeline.components.entities import canonical_name

    return canonical_name(span.text)


def _untitled(span: Span) -> Span:
    """"Ms Cerny" -> "Cerny" as a PERSON: the title is context, not name."""
    if len(span) > 1 and span[0].text in _TITLES:
        return Span(span.doc, span.start + 1, span.end, label="PERSON")
    return span


def _with_dateline(doc: Doc, ents: list[Span]) -> tuple[list[Span], str | None]:
    """The dateline's place as a GPE span, replacing what the model made of it."""
    found = dateline(text_of(doc))
    if found is None:
        return ents, None
    place = doc.char_span(found[0], found[1], alignment_mode="contract")
    if place is None or len(place) == 0:
        return ents, found[2]
    kept = [e for e in ents if e.end <= place.start or e.start >= place.end]
    return sorted([*kept, Span(doc, place.start, place.end, label="GPE")], key=lambda e: e.start), found[2]


def _created(doc: Doc, ents: list[Span], countries: set[str]) -> list[Span]:
    """Names the model missed that a ``creates`` pattern marks: runs of capitalized proper
    nouns outside every entity ("Kalibrate, a fuel analytics firm", "TorontoGasPrices.com"),
    and those that are a country or a subdivision of a country named ("the Eastern Cape,
    Free State, KwaZulu-Natal")."""
    taken = {t.i for e in ents for t in e}
    text = text_of(doc)
    extra = [Span(doc, t.i, t.i + 1, label=label) for t in doc if t.i not in taken and "." in t.text and
             t.text[:1].isupper() and (label := created_label(text, t.idx, t.idx + len(t))) is not None]
    taken |= {s.start for s in extra}
    i = 0
    while i < len(doc):
        if doc[i].i in taken or doc[i].pos_ != "PROPN" or not doc[i].text[:1].isupper():
            i += 1
            continue
        j = i + 1
        while j < len(doc) and j not in taken and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
            j += 1
        start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
        label = created_label(text, start, end) or place_label(text[start:end], countries)
        if label is not None:
            extra.append(Span(doc, i, j, label=label))
        i = j
    return sorted(ents + extra, key=lambda e: e.start) if extra else ents


def relabel_by_evidence(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with each label set by the article's evidence for its name (see the module doc)."""
    ents, home = _with_dateline(doc, [_untitled(e) for e in ents])
    text = text_of(doc)
    countries = countries_named(_name(e) for e in ents if e.label_ in ("GPE", "LOC", "NORP"))
    if home:
        countries.add(home)
    ents = _created(doc, ents, countries)
    votes: dict[str, Counter[str]] = {}
    for ent in ents:
        name = _name(ent)
        tally = votes.setdefault(name, Counter())
        for label, _rule in context_labels(text, ent.start_char, ent.end_char, ent.label_):
            tally[label] += 1
        if ent.label_ != "PERSON" and place_label(name, countries):
            tally["GPE"] += 2  # a gazetteer name outweighs one context pattern
        elif ent.label_ != "ORG" and in_subdivision(text, ent.end_char, countries):
            tally["GPE"] += 1  # (an ORG may be followed by its country: "Toyota, Japan's largest ...")
    doc.user_data["newsclaims_label_evidence"] = {name: max(sorted(tally), key=lambda lab: tally[lab])
                                                  for name, tally in votes.items() if tally}
    out = []
    for ent in ents:
        name = _name(ent)
        tally = votes.get(name) or Counter()
        label = ent.label_
        if tally:
            label = max(sorted(tally), key=lambda lab: tally[lab])
        elif " " in name and label == "ORG" and votes.get(name.split()[-1], Counter()).get("PERSON"):
            label = "PERSON"  # "Caroline Cerny" after "Ms Cerny"
        out.append(ent if label == ent.label_ else Span(doc, ent.start, ent.end, label=label))
    return out
