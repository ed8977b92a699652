"""newsclaims_claims: tie each numeric mention into a claim — who, what, how much, when.

Rules (each tested with small sentences in tests/test_claims.py):

- One claim per numeric mention (quantity, percentage, money), except a
  duration that only names the period of another figure ("in the three months
  to September", "for the six months") or an offset in time ("two years after a
  round of cuts"): that is when, not a claim. A money amount
  followed by a bracketed conversion ("10 billion yuan (about $1.4 billion)")
  is one claim with both values, and so is a quantity followed by its conversion
  to another unit ("above 35°C (95 degrees Fahrenheit)", "1,900 GWh a year, or
  1.9 billion kilowatt-hours"). "145 labs and 10 institutions" is two claims.
- Not claims either: a small count (at most 20) that refers back to a set
  already named ("the two sides said", "the largest of the five"; kept when the
  noun is restricted: "the 48 companies in the index that have reported"), the
  pronoun "one", a bound restricting a group ("the respondents under 30", "those
  over 45") and a period labelling a statistic ("their five-year average",
  "10-year bond yields").
- ``predicate``: the lemma of the verb that governs the value (walking up the
  dependency tree; a verb tagged as a plural noun but given an object counts:
  "now ships about 95 gigawatt-hours"; a relative clause whose object is the
  value's noun states it: "Of the 14 delays it logged" -> log); null when the
  sentence has none, and for a value that only describes a noun: in an
  apposition set off by a comma ("its first US factory, a $2.1 billion plant";
  "Shelterline, a charity with an annual budget of about £14 million": subject
  the noun described, time only a date inside the apposition), on a noun in a
  prepositional phrase of the subject or object ("The average rent for a
  two-bedroom flat rose": the flat), or counting a partitive's whole
  ("Forty-two of the company's roughly 600 employees hold ...": the 600 is
  about the employees).
- ``subject``: that verb's grammatical subject (following xcomp/advcl/conj up
  to a verb that has one; a gerund under a preposition, "Despite covering ...",
  takes the main clause's subject, and so do a participle used as a preposition
  ("..., compared with an earlier forecast of ¥170 billion") and an infinitive on the object
  ("Westgate signed a contract to buy 60 percent"); when the parser makes a
  reported clause's subject the object of the speech verb, "X said operating
  profit ... fell", that object; an adjectival value on the object of
  "alongside"/"including" ("alongside 700-billion-yuan ecosystems in AI") is
  about that noun phrase). A subject with no name of its own belongs to the
  place the verb names with "here"/"there" or a place anaphor object ("200
  models have been nurtured here", "90 unicorns call this area home").
  Anaphors ("this hub", "the company", "it", "here")
  resolve to ``subject_entity`` (also when the anaphor is the subject's
  possessor or "at/of" object: "The group's profit", "Revenue at the chip
  designer"): a pronoun in a reported clause is the
  speaker ("X said that it had ..."); a definite noun phrase is an earlier
  name ending in the anaphor's head
  noun ("the partnership" -> "Capital Area Transit Partnership"); else the
  previous sentence's subject entity when
  its label fits (itself resolved if it is an anaphor); else the entity of
  that label an anaphor of the last two sentences resolved to (the one in
  focus); else the fitting entity mentioned most often so far, a mention as a subject counting double
  (ties: the one named first) — but never for "they"/"them", and a pronoun whose
  speaker is a common noun phrase ("Two-thirds of the workers said they ...")
  has no entity; nor has "it" when the previous sentence is about a common noun
  ("Energy is the biggest cost. It accounts for half ..."). An earlier conjoined
  clause's subject comes first ("the group has doubled ..., and it has spent";
  a pronoun after a common-noun conjunct has no entity);
  a facility noun ("the plant", "the factory") stands for the company running
  it; "the state", "the province", "the state government" is the latest named
  place of that kind (ISO 3166-2 subdivisions, from pycountry). A descriptor in
  apposition ("Shirakawa Capital, the Tokyo fund that holds ...") is the name it
  describes. A subject with no entity
  inside a reported clause ("Harlow said profit rose 8 percent") takes the
  speaker's entity when the speaker is an organisation reporting its figures
  (also in a clause conjoined to the reported one; not people at one: "Analysts
  at Brightwater noted that the stock fell"); a place set before the subject
  ("In Ontario, the jobless rate edged down") is its entity; a figure
  coordinated with a company's figure ("Revenue at the chip designer rose ...,
  while earnings came in at $0.42") is the same company's; a
  measured subject that is the complement of another verb takes that verb's
  subject ("We expect revenue to grow 12 percent" -> we); "Shares of X",
  "Revenue at X", "Temperatures in X" (a place), "the value added of X's
  enterprises" take X; "where" on a named place ("the zone, where revenue
  topped ...") takes that place; "the stock"/"the shares" stand for the company.
- ``measure`` (news-dev CONVENTIONS 7.6; never a leading determiner or a date
  inside it, and a frame noun such as "a range of" or "an annual rate of" gives
  way to the clause's subject or object): what is measured, first that applies: the "in"/"of" phrase after
  a money or count ("10 trillion yuan in combined revenue"; not a setting such
  as "in early trading"); the noun the value modifies ("a £250 million share
  buyback"); the base of a share ("a third of Beijing's GDP"); the noun the
  value describes ("R&D spending near six percent"); none for a plain count
  (its counted noun is in ``counted``: "sold 9.6 billion cigarettes") or an
  exchange rate ("the dollar averaged 1,193.60 won"); the subject of a level or
  change verb when it is a common noun phrase ("output ... surged 16.5
  percent", "Revenue rose to US$6.7 billion"), and of any other verb when the
  subject is an attribute, not an agent, and the verb moves no amount ("cess
  yielded ₹10,355 crore"); for a change
  right after another value of the sentence, that value's measure ("net income
  of US$1.84 billion, down 3.2 percent"). A share of a reference level ("88
  percent of its 2019 level") measures the subject, and a date inside that base
  is its basis, not its time; a share of a group that is its clause's subject
  measures the group, its base ("64 per cent of adults are overweight" ->
  adults; "12 of them said ..." -> the group of the share before it); a figure
  "compared with" or "versus"
  takes the measure of the sentence's last figure of its kind, and a share of
  another group has that group as its subject ("compared with roughly 11
  percent of indoor workers"); the starting figure of a change shares the
  measure, counted noun and rate of the figure before it ("up from about
  537,000"); a value before "more/less/fewer" measures the noun compared
  ("20 percent less fuel per tonne-mile"); a value on a compound measures the
  whole noun ("a ₦38.5 billion runway upgrade"); an "of" phrase keeps its
  conjuncts ("barrels of diesel and jet fuel"); a change verb without a
  direction ("improved") makes the subject the measure like a change; a pronoun base ("a third of them") takes the
  measure of the figure before it in the sentence, else none; so does "raise that
  to 70" (which also takes that figure's counted noun and rate).
- ``time``: a date of the same sentence (``time_source: "sentence"``), ranked:
  not a comparison basis ("from 2022", "ahead of 2023", "up 4 percent on 2023",
  "a year earlier", the
  date of a "from" figure: "up from 2.3 percent in September", a record's
  reference point: "the highest since the summer of 2023"; but "over the past
  12 months" is a span, not a basis — unless
  it directly follows the value: "£388 million a year ago", "the ₹823 crore
  recorded a year earlier") nor in a later contrasting, reporting or planning
  clause ("..., but it said that bookings for the second half were running 9
  percent ahead", "employs 9,000 people and plans to open two plants by 2027"),
  nor in an infinitive describing a noun the value is not part of ("approved a
  buyback, to be completed within 18 months, and raised the dividend"),
  first a date right after the value or its counted noun ("about 6,200 employees
  this year"), not the date of a speech verb ("said on Thursday"), in the
  value's own clause, then the nearest. A relative
  single day that dates another event (a speech or disclosure verb's "said on
  Tuesday", "reported ... on Thursday", "a study published on Wednesday") is never the time, and nothing is carried
  over it; nor is a date in a relative clause with its own subject on a noun the
  value is not part of ("the zone, where sector revenue topped 1.2 trillion yuan
  last year"; but the set of a partitive, "Of the 14 delays it logged in October,
  nine ...", and "when" clauses date the value). Else the
  latest period (month or coarser, not a basis) of the previous sentence of the
  same paragraph (``"carried"``), when it scoped a figure there, names the data
  ("The October figures ...") or dates a change stated in words ("Trade slowed
  in the third quarter"), unless it is background history (ending more than five
  years before the reference date) or a future date carried into a clause in
  the past or present tense (only a future or modal clause takes one: "The
  runway will close in December. Kestrel, which runs six daily flights" is no
  December figure), or a past date carried into a clause with "will"; else null. The earlier figure of a change
  ("rose to $5 billion from $4.2 billion") takes the comparison date of the
  sentence ("a year earlier") or none.
- ``quoted``: the value stands inside quotation marks (of five words or more;
  shorter ones are names or scare quotes); ``speaker``: the subject of a speech
  verb ("said") naming someone, in the sentence or, for a quotation running over
  several sentences, the nearest such sentence of the paragraph.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.lexicons.anaphora import (
    ANAPHOR_DETERMINERS,
    ANAPHOR_NOUNS,
    ANY,
    NAME_ONLY_ANAPHORS,
    PRONOUNS,
    SOURCE_BODY_HEADS,
    SOURCE_BODY_PATTERNS,
    SPEECH_VERBS,
    SUBDIVISION_WORDS,
)
from pipeline.lexicons.changes import (
    AMOUNT_LEVEL_NOUNS,
    BASIS_PATTERNS,
    DECREASE_LEMMAS,
    DECREASE_NOUNS,
    GROWTH_RATE_WORDS,
    INCREASE_LEMMAS,
    INCREASE_NOUNS,
    LEVEL_VERBS,
    SETTING_NOUNS,
    UNSIGNED_CHANGE_LEMMAS,
)
from pipeline.lexicons.roles import (
    AGENT_NOUNS,
    FRAME_NOUNS,
    PUT_AT_VERBS,
    REVISING_VERBS,
    SOURCE_NOUNS,
    TRANSFER_VERBS,
)
from pipeline.nlp import (
    NUMERIC_KINDS,
    RawChange,
    RawClaim,
    RawDate,
    RawEntity,
    RawMoney,
    RawNumeric,
    RawPercentage,
    RawQuantity,
    nc,
    span_text,
    text_of,
)
from pipeline.normalize.money import currency_code

_NUMERIC = NUMERIC_KINDS
_SUBJ = ("nsubj", "nsubjpass", "csubj", "expl")
_QUOTES_OPEN = "\u201c"
_QUOTES_CLOSE = "\u201d"


class ClaimBuilder:
    """Build claims from the numeric mentions (see the module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        store = nc(doc)
        values: list[RawNumeric] = sorted((m for k in _NUMERIC for m in store[k]), key=lambda m: m.start)
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
            if span is None or _is_period_phrase(span, value) or _is_reference_count(doc, value) or \
                    _is_restriction(span, value) or _is_reference_period(span, value):
                continue
            s_idx = max(0, bisect.bisect_right(sent_starts, value.start) - 1)
            sent = sents[s_idx]
            group = [value]
            if i + 1 < len(values) and _is_conversion(doc, value, values[i + 1]):
                group.append(values[i + 1])
                used.add(id(values[i + 1]))
            claim = self._claim(doc, span, sent, s_idx, sents, value, entities, dates)
            claim.values = group
            gapped = _gapped_subject(span, _object_relative(span) or _governing_verb(span))
            prev_same = store["claims"][-1] if store["claims"] and store["claims"][-1].sentence == s_idx else None
            if gapped is not None and prev_same is not None:
                # "Central China expanded 7.5 percent, west China 7 percent, and the northeast of
                # China 5.9": a gapped conjunct keeps its own subject and shares the first
                # conjunct's predicate and measure (CONVENTIONS 7.3 item 9)
                first, last = gapped
                claim.subject = span_text(doc[first:last])
                claim.subject_entity = next((e for e in entities if doc[first].idx <= e.start < doc[last - 1].idx +
                                             len(doc[last - 1])), None)
                claim.predicate = prev_same.predicate
                shared = prev_same.measure
                claim.measure = claim.subject if shared is not None and \
                    shared == prev_same.subject else shared
                if value.change is None and prev_same.values[0].change is not None:
                    value.change = prev_same.values[0].change  # (frozen: shared)
            referent = _demonstrative_referent(claim, store["claims"], s_idx)
            if referent is not None:
                # "That pace was 0.2 percentage points slower", "that volume was 5.5 percent
                # higher": the figure referred back to is the previous claim's, and so is its
                # holder (or none: CONVENTIONS 7.5, anaphora)
                claim.subject_entity = referent.subject_entity
            prev = store["claims"][-1] if store["claims"] else None
            if (claim.measure or "").lower() in ("them", "it", "these", "those", "this", "that"):
                # "more than 2.5 million vehicles, nearly a third of them": the pronoun is
                # the measure of the figure before it in the sentence, else unknown
                claim.measure = prev.measure if prev is not None and \
                    prev.sentence == s_idx else None
            if prev is not None and prev.sentence == s_idx and (_raises_that(span) or _from_figure(span)) and \
                    claim.measure is None and prev.values[0].kind == value.kind:
                # "runs 45 freight trains a week ... and plans to raise that to 70": "that"
                # is the earlier figure, whose measure, counted noun and rate this one shares;
                # so is the starting figure of a change ("handled 612,000 passengers ..., up
                # from about 537,000 a year earlier")
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
            kin = next((c for c in reversed(store["claims"]) if c.sentence == s_idx and
                        c.values[0].kind == value.kind), None) if _compared_figure(span) else None
            if kin is not None and _is_population_share(span, value, as_subject=False) and \
                    isinstance(value, RawPercentage) and value.of:
                # "compared with roughly 11 percent of indoor workers": a share of another
                # group is about that group, which it measures (CONVENTIONS 7.3 item 7, 7.6)
                claim.subject, claim.subject_entity = value.of, None
                claim.measure = _population_base(span) or value.of
                claim.predicate = kin.predicate
            elif kin is not None and kin.measure:
                # "..., compared with $5.1 billion in fiscal 2025": the figure compared with is
                # of the same measure as the sentence's last figure of its kind
                claim.measure = kin.measure
            if kin is not None and kin.measure and isinstance(value, RawPercentage) and \
                    value.change is None and kin.values[0].change is not None and \
                    kin.values[0].change.direction in ("increase", "decrease"):
                # "rose 3.8 percent ..., compared with 2.1 percent a year earlier": a change too
                value.change = RawChange(direction=kin.values[0].change.direction, basis=None)
            if claim.measure in (None, claim.subject) and \
                    value.change is not None and \
                    prev is not None and prev.sentence == s_idx and prev.measure and \
                    claim.subject in (None, prev.subject) and \
                    0 <= value.start - prev.values[-1].end <= 60 and \
                    text_of(doc)[prev.values[-1].start:prev.values[-1].end] not in (claim.subject or ""):
                # "net income of US$1.84 billion, down 3.2 percent": the change is of the same measure
                claim.measure = prev.measure
            claim.measure = _clean_measure(doc, sent, claim.measure)
            _growth_rate_change(doc, sent, value, claim.measure, claim.subject)
            # where each sits, so it can be shown and checked
            claim.subject_span = _locate(doc, sent, claim.subject, value)
            claim.measure_span = _locate(doc, sent, claim.measure, value)
            store["claims"].append(claim)
        return doc

    # ------------------------------------------------------------------
    def _claim(self, doc: Doc, span: Span, sent: Span, s_idx: int, sents: list[Span], value: RawNumeric,
               entities: list[RawEntity], dates: list[RawDate]) -> RawClaim:
        relative = _object_relative(span)
        verb = relative or _governing_verb(span)
        whole = _fronted_partitive_whole(span) if verb is not None and relative is None else None
        if whole is not None:
            # "Of the 3,200 patients surveyed in waiting rooms, 410 said ...": the 3,200 is
            # how many patients were surveyed, not what the 410 said
            verb = next((c for c in whole.children if c.dep_ == "acl" and c.pos_ == "VERB"), None)
        quoted = _in_quotes(text_of(doc), value.start)
        subj = _subject(verb) if verb is not None and whole is None else whole if whole is not None else None
        measured = _source_subject_object(span, verb, subj)
        if measured is not None:
            subj = measured  # "X puts the average price in the Greater Toronto area at 131.9"
        noun = span.root.head
        if "-" in _text(span) and span.root.dep_ in ("compound", "amod", "nummod") and noun.i >= span.end and \
                noun.dep_ == "pobj" and noun.head.lower_ in _ADDITIVE_PREPS:
            # "..., alongside 700-billion-yuan ecosystems in AI": the value describes the
            # added noun phrase, which is what the claim is about
            subj = noun
        if (base := _partitive_base(span)) is not None:
            # "Forty-two of the company's roughly 600 employees hold stock options": the
            # verb is the 42's; the 600 only says how many employees there are
            verb, subj = None, base
        described = _appositive_described(span) or _prepositional_described(span, verb)
        if described is not None:
            # "... for its first US factory, a $2.1 billion plant on Route 2013": the value
            # describes the factory, not the event of the clause
            verb, subj = None, described
        claim = RawClaim(sentence=s_idx, values=[value],
                         predicate=_predicate(verb) if verb is not None else None,
                         subject=_phrase_cached(subj, verb) if subj is not None else None)
        subject_entity = None
        if subj is not None:
            # (cached per subject token: a sentence's values mostly share one subject)
            resolved = doc.user_data.setdefault("newsclaims_subject_entity", {})
            if subj.i not in resolved:
                resolved[subj.i] = self._entity_for(doc, subj, entities, sents, s_idx)
            subject_entity = resolved[subj.i]
            # the reported clause, or a clause conjoined to it ("said like-for-like sales
            # rose 2.9 percent ..., and pre-tax profit came in at £412 million")
            reported = verb.head if verb is not None and verb.dep_ == "conj" and verb.head.dep_ == "ccomp" \
                else verb
            speech = reported.head if reported is not None and reported.dep_ == "ccomp" and \
                reported.head.lemma_ in SPEECH_VERBS else _inverted_speech(verb) if verb is not None else None
            if subject_entity is None and speech is not None:
                # "Harlow said profit rose 8 percent": the profit is the speaker's
                speaker_subj = _subject(speech)
                if speaker_subj is not None and not quoted:
                    ent = self._entity_for(doc, speaker_subj, entities, sents, s_idx)
                    # the organisation itself speaks, by name ("Kestrel said"; "the company
                    # said" names no one: the sentence then has no entity, CONVENTIONS 7.5),
                    # not people at it ("Analysts at Brightwater noted that the stock fell"),
                    # and not a public body reporting others' figures ("exports rose, the
                    # General Administration of Customs said")
                    if ent is not None and ent.label == "ORG" and \
                            ent.start <= speaker_subj.idx < ent.end and not _is_source_body(ent):
                        subject_entity = ent
            if subject_entity is None and verb is not None and _measurable_subject(subj, span):
                # "In Ontario, the largest province, the jobless rate edged down": a place
                # set before the subject scopes the figure
                scope = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "across")
                              and c.i < subj.left_edge.i), None)
                obj = next((c for c in scope.children if c.dep_ == "pobj"), None) if scope is not None else None
                place = next((e for e in entities if obj is not None and e.start <= obj.idx < e.end), None)
                if place is not None and place.label in ("GPE", "LOC"):
                    subject_entity = place
            if subject_entity is None and verb is not None and _measurable_subject(subj, span):
                # "We expect revenue to grow 12 percent": whose revenue is the subject of
                # the verb the clause is the complement of
                upper = verb
                while upper.dep_ in ("xcomp", "ccomp") and upper.head != upper and subject_entity is None:
                    upper = upper.head
                    owner = next((c for c in upper.children if c.dep_ in _SUBJ), None)
                    if upper.lemma_ not in SPEECH_VERBS and owner is not None and \
                            (owner.lower_ in ("we", "it") or owner.ent_type_ == "ORG"):
                        subject_entity = self._entity_for(doc, owner, entities, sents, s_idx)
            if subject_entity is None and verb is not None and _measurable_subject(subj, span) and \
                    verb.dep_ in ("conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
                # "Revenue at the chip designer rose 5.8 percent ..., while earnings came
                # in at $0.42 a share": a figure coordinated with one of a company's is the
                # same company's
                first = next((c for c in verb.head.children if c.dep_ in _SUBJ), None)
                company = self._entity_for(doc, first, entities, sents, s_idx) if first is not None else None
                if first is not None and company is not None and company.label == "ORG" and \
                        _measurable_subject(first, span):
                    subject_entity = company
            if subject_entity is None and verb is not None and verb.dep_ == "relcl" and subj.pos_ != "PRON" and \
                    any(c.lower_ == "where" for c in verb.children) and \
                    not any(c.dep_ == "conj" for c in verb.head.children):
                # "... the Chengdu Hi-tech Industrial Development Zone, where sector revenue
                # topped 1.2 trillion yuan": the place the relative clause is about
                place = next((e for e in entities if e.start <= verb.head.idx < e.end), None)
                if place is not None:
                    subject_entity = place
            if subject_entity is None and verb is not None and subj.pos_ == "NOUN":
                # "200 models have been nurtured here", "90 unicorns call this area home":
                # a subject with no name of its own belongs to the place the verb names
                loc = next((c for t in (verb, subj) for c in t.children if c.lower_ in ("here", "there")), None)
                if loc is None:
                    loc = next((c for c in verb.children if c.dep_ == "dobj" and
                                set(_anaphor_labels(c) or ()) & {"GPE", "LOC"}), None)
                if loc is not None:
                    subject_entity = self._entity_for(doc, loc, entities, sents, s_idx)
            if subject_entity is None and verb is not None and subj.pos_ == "NOUN" and not subj.ent_type_ and \
                    _anaphor_labels(subj) is None and (place_word := _clause_place_anaphor(verb, subj)) is not None:
                # "4,789,432 tourists arrived in the country": the place the anaphor names
                subject_entity = self._entity_for(doc, place_word, entities, sents, s_idx)
            if subject_entity is None and verb is not None and subj.pos_ == "NOUN" and not subj.ent_type_ and \
                    _anaphor_labels(subj) is None:
                # "At stations across Metro Vancouver, the price climbed to 173.9 cents", "gas
                # prices hit another all-time high in Vancouver": the one place the clause
                # sets the figure in holds it (news-dev CONVENTIONS 7.5, "context")
                subject_entity = _clause_place(verb, subj, entities)
        if subject_entity is not None and subj is not None and _anaphor_labels(subj) is not None:
            # the entity in focus for later anaphors of its label (one an anaphor resolved to)
            doc.user_data.setdefault("newsclaims_focus", {})[subject_entity.label] = \
                (s_idx, subject_entity)
        claim.measure = self._measure(doc, span, value, verb, subj)
        if value.kind == "money" and subj is not None and subj.pos_ in ("NOUN", "PROPN") and \
                currency_code(subj.lemma_) is not None:
            # "the dollar averaged 1,193.60 won": an exchange rate, whose attribute the text
            # leaves unnamed (CONVENTIONS 7.6): the currency is the subject, not the measure
            claim.measure = None
        if claim.measure is not None and verb is not None and _framed(span, claim.measure):
            # "Revenue ... in a range of $2.34 billion to $2.36 billion", "an annual rate of
            # 1.4%": a frame noun gives way to what the clause is about
            claim.measure = _framed_measure(verb, subj, span) or claim.measure
        heading = _heading(doc, sent, span)
        if heading is not None and (subj is None or not sent.start <= subj.i < span.start):
            # "• Revenue: $3.61 billion vs. $3.57 billion expected": a verbless heading names
            # the subject and what is measured (CONVENTIONS 7.3 item 10)
            claim.subject = claim.measure = heading
            if verb is not None and not sent.start <= verb.i < span.start:
                claim.predicate = None
        time, source = self._time(doc, span, sent, s_idx, sents, dates, value, verb)
        if described is not None and time is not None:
            appos = described if described.i > span.start else span.root.head
            if not (appos.left_edge.idx <= time.start < appos.right_edge.idx + len(appos.right_edge)):
                time, source = None, None  # the clause's date is its event's, not the description's
        if source == "carried" and time is not None and \
                (not _carries(doc, time, s_idx) or _future_into_finite(doc, time, verb) or
                 _past_into_future(doc, time, verb)):
            time, source = None, None
        claim.time_source = source
        claim.quoted = quoted
        claim.speaker = self._speaker(sent, entities, doc, sents, s_idx) if quoted else None
        claim.time, claim.subject_entity = time, subject_entity
        return claim

    @staticmethod
    def _entity_for(doc: Doc, subj: Token, entities: list[RawEntity], sents: list[Span],
                    s_idx: int, depth: int = 0) -> RawEntity | None:
        # an entity naming the subject: the head itself, or a name attached to it
        # (possessor, compound, apposition: "Kestrel's shares", "group Tai Wah Holdings")
        attached = [subj] + [c for c in subj.children if c.dep_ in ("poss", "compound", "appos", "nmod")]
        if subj.dep_ == "appos" and subj.pos_ == "NOUN":
            # "Shirakawa Capital, the Tokyo fund that holds ...": the described name
            # comes before the descriptor's own modifiers
            attached = [subj.head, subj] + attached[1:]
        own = _anaphor_labels(subj)
        for tok in attached:
            ent = next((e for e in entities if e.start <= tok.idx < e.end), None)
            if ent is not None and own is not None and tok != subj and tok.dep_ in ("compound", "nmod") and \
                    ent.label not in own:
                continue  # "the Kentucky plant" is Huaxin's plant in Kentucky, not Kentucky
            if ent is not None:
                return ent
        # an anaphoric possessor: "The group's operating profit", "its shares"
        poss = next((c for c in subj.children if c.dep_ == "poss"), None)
        if poss is not None and _anaphor_labels(poss) is not None and depth < 2 and \
                subj.lower_ not in NAME_ONLY_ANAPHORS:  # ("his government": only a name says whose)
            ent = ClaimBuilder._entity_for(doc, poss, entities, sents, s_idx, depth + 1)
            if ent is not None:
                return ent
        # an anaphor the subject belongs to: "Revenue at the chip designer", "shares of the company"
        for prep in (c for c in subj.children if c.dep_ == "prep" and
                     c.lower_ in ("at", "of", "for", "from", "in", "between", "with")):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            owner = next((e for e in entities if obj is not None and e.start <= obj.idx < e.end), None)
            if owner is None and obj is not None:  # "the value added of Sichuan's major enterprises"
                poss = next((c for c in obj.children if c.dep_ == "poss"), None)
                owner = next((e for e in entities if poss is not None and e.start <= poss.idx < e.end), None)
                if owner is None and poss is not None and _anaphor_labels(poss) is not None and depth < 2:
                    # "Forty-two of the company's employees": the company is an anaphor
                    owner = ClaimBuilder._entity_for(doc, poss, entities, sents, s_idx, depth + 1)
            allowed = ("GPE", "LOC") if prep.lower_ == "in" else ("ORG", "GPE", "LOC", "NORP") \
                if prep.lower_ in ("between", "with") else ("ORG", "GPE", "LOC", "FAC", "PERSON")
            # "in Sichuan and Chongqing" names a list; a flow "between China and the US" is its
            # first party's (CONVENTIONS 8.11: a list accepts any member, the record has one slot)
            several = obj is not None and prep.lower_ != "between" and any(c.dep_ == "conj" for c in obj.children)
            if owner is not None and owner.label in allowed and not several:
                return owner  # "Shares of Tidewater", "Revenue at Kestrel", "Temperatures in Gulmarg"
            if obj is not None and _anaphor_labels(obj) is not None and obj.pos_ == "NOUN" and depth < 2:
                ent = ClaimBuilder._entity_for(doc, obj, entities, sents, s_idx, depth + 1)
                if ent is not None:
                    return ent
        # or one among its pre-modifiers ("Zhongguancun-based firms")
        # (not for an anaphor: "the Singapore-listed chip designer" is not Singapore)
        pre = [t for t in subj.subtree if t.i < subj.i] if _anaphor_labels(subj) is None else []
        for tok in reversed(pre):
            ent = next((e for e in entities if e.start <= tok.idx < e.end), None)
            if ent is not None and ent.label in ("ORG", "GPE", "LOC", "FAC", "PERSON"):
                return ent
        # "the partnership" after "Capital Area Transit Partnership": a definite noun
        # phrase whose head is the last word of an earlier name
        if any(c.lower_ in ANAPHOR_DETERMINERS for c in subj.children) and subj.pos_ == "NOUN":
            head = subj.lemma_.lower()
            named = [e for e in entities if e.end <= subj.idx and
                     e.canonical.lower().split()[-1:] in ([head], [head + "s"], [subj.lower_])]
            if named:
                return named[-1]
        labels = _anaphor_labels(subj)
        if labels is None:
            return None
        kind = _subdivision_kind(subj)
        if kind is not None:
            # "The state has offered $180 million": the latest named place of that kind
            places = [e for e in entities if e.end <= subj.idx and e.label in ("GPE", "LOC")
                      and e.canonical.lower() in _subdivisions(kind)]
            if places:
                return places[-1]
        if subj.pos_ == "NOUN" and subj.lower_ in NAME_ONLY_ANAPHORS:
            return None  # "the government": only a name says whose (not the most salient ORG)
        # "Grupo Albarán said that it had completed ...": a pronoun subject of a
        # reported clause is the speaker
        # (for a possessive, the clause of the noun it owns: "Westgate said its haul trucks ... burn")
        reporting = _reporting_verb(subj.head.head if subj.dep_ == "poss" and subj.head.dep_ in _SUBJ
                                    else subj.head)
        if subj.pos_ == "PRON" and reporting is not None and depth < 2:
            speaker = _subject(reporting)
            if speaker is not None and speaker != subj:
                ent = ClaimBuilder._entity_for(doc, speaker, entities, sents, s_idx, depth + 1)
                if ent is not None and ent.label in labels:
                    return ent
                if ent is None and speaker.pos_ == "NOUN":
                    # "Two-thirds of the workers surveyed said they drank ...": the
                    # pronoun is the speaker, who is no named entity
                    return None
        # the subject of an earlier conjoined clause ("the group has doubled ..., and
        # since 2019 it has spent")
        verb = subj.head
        if subj.dep_ in _SUBJ and verb.dep_ == "conj" and verb.head.i < subj.i and depth < 2:
            first = next((c for c in verb.head.children if c.dep_ in _SUBJ), None)
            if first is not None and first != subj:
                ent = ClaimBuilder._entity_for(doc, first, entities, sents, s_idx, depth + 1)
                if ent is not None and ent.label in labels:
                    return ent
                if ent is None and subj.pos_ == "PRON" and first.pos_ == "NOUN" and _anaphor_labels(first) is None:
                    return None  # "The rise is not yet a trend, but it's the second increase"
        # the subject of an earlier clause of the same sentence, when it fits ("ASEAN stayed
        # China's largest trading partner: bilateral trade with the bloc climbed ...")
        # (a pronoun too: "KT&G sold 9.6 billion cigarettes; that volume was higher than the 9.1
        # billion it had sold a year ago")
        for tok in reversed([t for t in subj.sent if t.i < subj.i and t.dep_ in _SUBJ]):
            ent = next((e for e in entities if e.start <= tok.idx < e.end), None)
            if ent is not None and ent.label in labels and \
                    (subj.pos_ == "NOUN" or subj.lower_ in ("it", "its")):
                return ent
        # the previous sentence's subject entity, when it fits (following one more
        # anaphor back: "The city ... It is also seeking ...")
        if s_idx > 0 and depth < 2:
            ranked: list[RawEntity] = []
            for tok in _sentence_subjects(doc, sents, s_idx - 1):
                children = sorted((c for c in tok.children if c.dep_ in ("appos", "poss", "compound")),
                                  key=lambda c: ("appos", "compound", "poss").index(c.dep_))
                for t in [tok, *children]:
                    ent = next((e for e in entities if e.start <= t.idx < e.end), None)
                    if ent is None and (t == tok or t.dep_ == "poss") and _anaphor_labels(t) is not None:
                        # (also an anaphoric possessor: "The company's operating profit climbed
                        # ... It also raised its outlook")
                        ent = ClaimBuilder._entity_for(doc, t, entities, sents, s_idx - 1, depth + 1)
                    if ent is not None and ent not in ranked and ent.label in labels:
                        ranked.append(ent)
            if ranked:
                return min(ranked, key=lambda e: labels.index(e.label))
            root = sents[s_idx - 1].root
            if root.lemma_ in SPEECH_VERBS:  # '"Energy is the biggest cost," said Rezaei.'
                root = next((c for c in root.children if c.dep_ == "ccomp"), root)
            main = next((c for c in root.children if c.dep_ in _SUBJ), None)
            if subj.lower_ in ("it", "its") and main is not None and main.pos_ == "NOUN" and \
                    _anaphor_labels(main) is None and main.tag_ != "NNS":
                # "Energy is the biggest cost. It accounts for nearly half": "it" is the
                # thing the previous sentence is about, which is no named entity (but "it"
                # never stands for a plural: "Two in five renters spent ... Of the 2,400
                # tenants it questioned")
                return None
        if subj.lower_ in ("they", "them"):
            return None  # a plural pronoun is most often a group of people or things, not a name
        # else the entity an anaphor of the last two sentences resolved to ("here" ->
        # Zhongguancun, then "this area"): the place or company in focus
        focus: dict[str, tuple[int, RawEntity]] = doc.user_data.get("newsclaims_focus", {})
        for label in labels:
            if label in focus and 0 <= s_idx - focus[label][0] <= 2 and focus[label][1].end <= subj.idx:
                return focus[label][1]
        # else the most salient fitting entity so far: the most mentioned in the
        # article up to here, a mention as a subject counting double (ties: the one
        # named first); labels in order of preference. Not a noun anaphor's own speaker's
        # firm ("Analysts at Brightwater noted that the stock fell": not Brightwater's).
        speaker = _subject(reporting) if reporting is not None and subj.pos_ == "NOUN" else None
        left, right = (speaker.left_edge.idx, speaker.right_edge.idx + len(speaker.right_edge)) \
            if speaker is not None else (0, 0)
        entities = [e for e in entities if not left <= e.start < right]
        for label in labels:
            before = [e for e in entities if e.end <= subj.idx and e.label == label]
            if before:
                counts: dict[str, int] = {}
                roles = doc.user_data.setdefault("newsclaims_entity_is_subject", {})
                for e in before:
                    if e.start not in roles:
                        e_span = doc.char_span(e.start, e.end, alignment_mode="expand")
                        roles[e.start] = e_span is not None and e_span.root.dep_ in _SUBJ
                    weight = 2 if roles[e.start] else 1
                    counts[e.canonical] = counts.get(e.canonical, 0) + weight
                best = max(counts.values())
                # ties: the entity named first (the article's topic), at its latest mention
                first_named = next(e for e in before if counts[e.canonical] == best).canonical
                return [e for e in before if e.canonical == first_named][-1]
        for label in labels:
            before = [e for e in entities if e.end <= subj.idx and e.label == label]
            if before:
                return before[-1]
        return None

    @staticmethod
    def _measure(doc: Doc, span: Span, value: RawNumeric, verb: Token | None, subj: Token | None) -> str | None:
        if verb is not None and isinstance(value, RawPercentage) and span.root == verb:
            # "the group has doubled its intermodal capacity": what was doubled
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                return _phrase(obj, verb)
        if verb is not None and _is_population_share(span, value) and \
                any(t.head == verb and t.dep_ in ("nsubj", "nsubjpass") and t.i < verb.i
                    for t in (*span, span.root.head)):
            # "64 per cent of adults are either overweight or obese", "Two-thirds of the workers
            # surveyed said ...": a share of a group measures the group, its base (news-dev
            # CONVENTIONS 7.6 "Shares", 8.6); what the group does is the predicate's
            group = _population_base(span)
            if group is not None:
                return group
        if value.kind == "money" and verb is not None and verb.lemma_ in _SPENDING_VERBS:
            # "spend 12 million euros a year on community programmes", "pledged ₦2 billion
            # towards new lighting": what the money goes to
            prep = next((c for t in (verb, *span) for c in t.children if c.dep_ == "prep" and c.i >= span.end and
                         c.lower_ in ("on", "for", "towards", "toward", "into")), None)
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if prep is not None and obj is not None and obj.ent_type_ not in ("GPE", "LOC", "DATE") and \
                    not _is_date_like(obj):
                return span_text(doc[prep.i + 1:obj.right_edge.i + 1])
        change_noun = span.root.head if span.root.dep_ in ("compound", "nummod", "amod") else \
            span.root.head.head if span.root.dep_ == "pobj" and span.root.head.lower_ in ("to", "of") else None
        if change_noun is not None and change_noun.pos_ == "NOUN" and \
                change_noun.lemma_.lower() in INCREASE_NOUNS | DECREASE_NOUNS:
            # "a 6.4 percent rise in first-half revenue to 1.27 billion pounds": what rose
            what = next((c for c in change_noun.children if c.dep_ == "prep" and c.lower_ == "in"), None)
            obj = next((c for c in what.children if c.dep_ == "pobj"), None) if what is not None else None
            if what is not None and obj is not None and obj.ent_type_ not in ("GPE", "LOC", "DATE") and \
                    not _is_date_like(obj) and not _in_date(obj):
                return span_text(doc[what.i + 1:obj.i + 1])
            if verb is not None and subj is not None and _measurable_subject(subj, span) and \
                    change_noun.dep_ in ("pobj", "appos") and \
                    not any(c.dep_ == "compound" for c in change_noun.children) and \
                    not (value.kind == "money" and change_noun.lemma_.lower() in AMOUNT_LEVEL_NOUNS):
                # "..., following a 2.0 per cent increase in December": the event's own subject
                # is what changed (CONVENTIONS 7.3 item 6)
                return _phrase(subj, verb)
        after = text_of(doc)[value.end:value.end + 4].lower()
        last = span[-1]
        comparative = doc[span.end] if span.end < len(doc) else None
        if comparative is not None and comparative.lower_ in ("more", "less", "fewer") and \
                comparative.head.pos_ == "NOUN" and comparative.head.i == span.end + 1:
            # "burn up to 20 percent less fuel per tonne-mile than ...": the noun compared
            noun = comparative.head
            end = noun.i + 1
            while end < len(doc) and doc[end].head.i >= noun.i and doc[end].lower_ != "than" and \
                    (not doc[end].is_punct or doc[end].tag_ == "HYPH") and \
                    doc[end].dep_ in ("prep", "pobj", "compound", "punct"):
                end += 1
            return span_text(doc[noun.i:end])
        if value.kind in ("money", "quantities") and after.startswith((" in ", " of ")):
            nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
            if nxt is not None and nxt.lower_ in ("in", "of"):
                objs = [c for c in nxt.children if c.dep_ == "pobj"]
                in_date = objs and any(d.start <= objs[0].idx < d.end for d in nc(doc)["dates"])
                if objs and not in_date and objs[0].ent_type_ not in ("GPE", "LOC", "DATE", "FAC") and \
                        not _is_date_like(objs[0]) and objs[0].lemma_.lower() not in SETTING_NOUNS:
                    # with its conjuncts: "40 million barrels of diesel and jet fuel a month"
                    last_obj = max([objs[0], *(c for c in objs[0].children if c.dep_ == "conj")], key=lambda t: t.i)
                    return span_text(doc[nxt.i + 1:last_obj.i + 1])
        # the value modifies the noun after it: "a £250 million share buyback", "a
        # 45-acre site" (a count's noun is its counted noun instead, below)
        root = span.root
        head = root.head
        adjectival = isinstance(value, RawQuantity) and value.unit and "-" in _text(span)
        if head.pos_ == "NOUN" and head.i >= span.end and root.dep_ in ("compound", "nummod", "amod", "nmod",
                                                                          "quantmod") and \
                (not isinstance(value, RawQuantity) or adjectival) \
                and not _is_date_like(head) and (head.lemma_.lower() not in (INCREASE_NOUNS | DECREASE_NOUNS) or
                                                 any(t.dep_ == "compound" for t in doc[span.end:head.i])) \
                and all(t.dep_ in ("compound", "amod", "nmod", "punct") and not t.like_num
                        for t in doc[span.end:head.i]):
            while head.dep_ == "compound" and head.head.pos_ == "NOUN" and head.head.i == head.i + 1:
                head = head.head  # "a ₦38.5 billion runway upgrade": the value is the upgrade's
            # (a change noun with what changes before it is kept whole: "a 2.55% property tax
            # hike", as a compound headed by "growth", CONVENTIONS 8.12)
            return span_text(doc[span.end:head.i + 1])
        # the value describes a noun: "R&D spending near six percent"
        of = value.of if isinstance(value, RawPercentage) else None
        if of and isinstance(value, RawPercentage) and _of_is_a_date(doc, value, of):
            # "the 6.8 percent of the previous quarter": a period, the value's time
            value = replace(value, of=None)
            of = None
        if of and of.split()[-1].lower() in _LEVEL_NOUNS and verb is not None and subj is not None and \
                _measurable_subject(subj, span):
            # "Bus ridership has recovered to about 88 percent of its 2019 level": the
            # base is a reference level of the subject, which is what is measured
            return _phrase(subj, verb)
        if isinstance(value, RawPercentage) and head.pos_ in ("VERB", "AUX") and value.of:
            return value.of
        def describable(noun: Token) -> bool:
            # not a bare change ("a 12 percent drop"; but "sales growth of 5 percent" says
            # what grows), a name, a period or another value
            bare_change = noun.lemma_.lower() in (INCREASE_NOUNS | DECREASE_NOUNS) and \
                not any(c.dep_ in ("compound", "poss") for c in noun.children) and \
                not (value.kind == "money" and noun.lemma_.lower() in AMOUNT_LEVEL_NOUNS)  # "a loss of $24.4m"
            return not bare_change and not noun.ent_type_ \
                and not _is_date_like(noun) and not any(c.like_num for c in noun.children)


        if describable(head) and head.pos_ in ("NOUN", "PROPN") and head.i < span.start and root.dep_ in (
                "npadvmod", "appos", "amod", "nmod", "advmod", "pobj", "dobj", "attr", "nummod", "prep"):
            left = min((t.i for t in head.subtree if t.i <= head.i and t.dep_ != "prep"), default=head.i)
            return span_text(doc[left:head.i + 1])
        if head.head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("advmod", "prep", "amod") and \
                head.head.i < span.start and describable(head.head):
            noun = head.head
            left = min(t.i for t in noun.subtree if t.i <= noun.i)
            return span_text(doc[left:noun.i + 1])
        if isinstance(value, RawPercentage) and value.of:
            return value.of
        if isinstance(value, RawQuantity) and value.counted and value.unit is None:
            # a plain count names what it counts, not an attribute: "sold 9.6 billion
            # cigarettes", "adding 160,000 jobs" (the counted noun is in ``counted``)
            return None
        if isinstance(value, RawQuantity) and value.counted:
            return value.counted
        # "held its deposit rate at 2 percent", "cut the rate to 4 percent": the verb's object
        if verb is not None and root.dep_ == "pobj" and root.head.lower_ in ("at", "to", "by") and \
                root.head.head == verb:
            obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < root.i), None)
            if obj is not None and obj.pos_ == "NOUN" and describable(obj):
                return _phrase(obj)
        # the subject is what is measured when it is a common noun phrase and the
        # verb states its level or change: "Revenue rose to US$6.7 billion"
        if verb is not None and subj is not None and _measurable_subject(subj, span) and \
                (value.change is not None or verb.lemma_ in LEVEL_VERBS
                 or verb.lemma_ in _CHANGE_VERBS):
            return _phrase(subj, verb)
        # any other verb stating the figure of a subject that is an attribute, not an agent:
        # "cess yielded ₹10,355 crore", "The average workweek lengthened to 34.5 hours"
        # (not "the government moved ₹33,408 crore", "Economists had looked for 200,000")
        if verb is not None and subj is not None and _measurable_subject(subj, span) and \
                verb.lemma_ not in TRANSFER_VERBS and _predicate(verb) not in TRANSFER_VERBS and \
                subj.lemma_.lower() not in AGENT_NOUNS and \
                not (isinstance(value, RawQuantity) and value.unit is None):
            return _phrase(subj, verb)
        return None

    @staticmethod
    def _time(doc: Doc, span: Span, sent: Span, s_idx: int, sents: list[Span],
              dates: list[RawDate], value: RawNumeric,
              verb: Token | None) -> tuple[RawDate | None, str | None]:
        """The date that scopes a value (see the module docstring for the order)."""
        in_sent = [d for d in dates if sent.start_char <= d.start < sent.end_char]
        # "about 88 percent of its 2019 level": a date inside a share's base is its basis
        base = (value.of if isinstance(value, RawPercentage) else None) or ""
        if base and _of_is_a_date(doc, value, base):
            base = ""  # "the 6.8 percent of the previous quarter": the period is its time
        base_start = text_of(doc).find(base, span.end_char, span.end_char + 8 + len(base)) if base else -1
        base_end = base_start + len(base) if base_start >= 0 else -1
        if _is_basis_value(span):
            # "fell to ¥41.3 billion from ¥47.9 billion": the earlier figure's time is the
            # comparison date when the sentence gives one ("a year earlier"), else unknown
            basis_dates = [d for d in in_sent if _is_comparison_date(doc, d)]
            return (basis_dates[0], "sentence") if basis_dates else (None, None)
        if in_sent:
            mid = (span.start_char + span.end_char) / 2

            def rank(d: RawDate) -> tuple[int, int, int, int, float]:
                # "£388 million a year ago", "the ₹823 crore recorded a year earlier", "from
                # 2.3 percent in September"
                between = text_of(doc)[span.end_char:d.start]
                linking = [w for w in between.split() if w.lower() not in ("the", "a", "an", "its", "their")]
                adjacent = d.start >= span.end_char and (
                    len(between) <= 2 or len(linking) == 1 and (
                        linking[0].endswith("ed") or linking[0] in ("in", "for", "at", "during", "of")))
                d_verb = _date_verb(doc, d)
                speech = int(d_verb is not None and d_verb.lemma_ in SPEECH_VERBS and d_verb != verb)
                other_clause = int(d_verb is not None and verb is not None and d_verb != verb)
                in_base = base_start <= d.start < base_end
                # "the 9.1 billion cigarettes it had sold a year ago": in a level's own clause,
                # a comparison date is its time (for a change it is the change's basis)
                own_level = value.change is None and d_verb is not None and d_verb == verb and \
                    verb.lemma_ not in _CHANGE_VERBS and not _COMPARED_BETWEEN.search(between)
                # "30 cents above where it stood in April", "slower than the rate posted for
                # the first five months": a date after the value's comparative dates the base
                compared = d.start >= span.end_char and _COMPARED_BETWEEN.search(between) is not None
                basis = int(_is_comparison_date_cached(doc, d) and not adjacent and not own_level or in_base or
                            compared or _in_another_values_phrase(doc, d, span) or
                            d_verb is not None and _in_described_relative(d_verb, span, verb) or
                            verb is not None and d_verb is not None and _in_later_contrast(d_verb, verb) or
                            d_verb is not None and _on_another_noun(d_verb, span))
                # "about 6,200 employees this year": a date right after the value (or its
                # counted noun) is its time, whatever clause the parser hung it on
                follows = d.start >= span.end_char and \
                    between.strip() in ("", (value.counted if isinstance(value, RawQuantity) else None) or "")
                return (basis, int(not follows), speech, other_clause, abs((d.start + d.end) / 2 - mid))

            # a comparison basis is never the time of another value; nor is a single
            # day that dates another clause's event ("according to a study published
            # on Wednesday", "the board met on Sunday"), and nothing is carried over it
            ranks = {id(d): rank(d) for d in in_sent}
            fitting = [d for d in in_sent if ranks[id(d)][0] == 0]
            kept = [d for d in fitting if not _dates_another_event(doc, d, verb) and
                    not ((d_verb := _date_verb(doc, d)) is not None and _in_relative_on_another_noun(d_verb, span))]
            if kept:
                return min(kept, key=lambda d: ranks[id(d)]), "sentence"
            if fitting:
                return None, None
            in_sent = []
        if s_idx > 0 and not in_sent:
            prev = sents[s_idx - 1]
            same_paragraph = "\n" not in text_of(doc)[prev.start_char:sent.start_char]
            ref_year = _ref_year(doc)
            prev_dates = [d for d in dates if prev.start_char <= d.start < prev.end_char
                          and d.granularity not in ("day", "week", None)
                          and not _is_comparison_date(doc, d)
                          and not (ref_year and d.end_date
                                   and int(d.end_date[:4]) < ref_year - 5)]
            # not a starting point ("since it was set up in August 2019": a cumulative
            # total's, not a period later figures continue), nor into a sentence that opens
            # with a period of its own ("During the recovery, ...", "For the full year, ...")
            prev_dates = [d for d in prev_dates if not _starting_point(doc, d)]
            if same_paragraph and prev_dates and not _opens_with_own_period(sent):
                return prev_dates[-1], "carried"
        return None, None

    @staticmethod
    def _speaker(sent: Span, entities: list[RawEntity], doc: Doc, sents: list[Span] | None = None,
                 s_idx: int = 0) -> str | None:
        """Who says the quotation: the subject of a speech verb that names someone
        (a proper noun or an entity; "she said" -> the latest PERSON before it), in
        this sentence, else the next two and then the previous two sentences of the
        same paragraph (a quotation often runs over several sentences)."""
        def names(tok: Token) -> bool:
            return tok.pos_ == "PROPN" or any(e.start <= t.idx < e.end for t in tok.subtree for e in entities
                                              if e.label in ("PERSON", "ORG"))

        def in_sentence(sp: Span) -> str | None:
            for tok in sp:
                if tok.lemma_ in SPEECH_VERBS and tok.pos_ == "VERB":
                    subj = next((c for c in tok.children if c.dep_ in _SUBJ), None)
                    if subj is None:
                        continue
                    if subj.pos_ != "PRON" and names(subj):
                        return _phrase(subj)
                    if subj.lower_ in ("he", "she"):
                        persons = [e for e in entities if e.label == "PERSON" and e.end <= subj.idx]
                        if persons:
                            return text_of(doc)[persons[-1].start:persons[-1].end]
            persons = [e for e in entities if e.label == "PERSON" and
                       sp.start_char <= e.start < sp.end_char]
            return text_of(doc)[persons[0].start:persons[0].end] if persons else None

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


_COMPARISON_WORDS = frozenset({"from", "than", "against", "versus", "vs", "vs.", "over", "with"})


def _sentence_subjects(doc: Doc, sents: list[Span], s_idx: int) -> list[Token]:
    """The subjects of a sentence, not relative or wh- pronouns (no referents of their own);
    cached per doc: every anaphor of the next sentence asks."""
    cache = doc.user_data.setdefault("newsclaims_sentence_subjects", {})
    if s_idx not in cache:
        cache[s_idx] = [t for t in sents[s_idx] if t.dep_ in _SUBJ and t.tag_ not in ("WP", "WDT", "WP$") and
                        t.lower_ not in ("who", "which", "that", "whom", "what")]
    return cache[s_idx]  # type: ignore[no-any-return]


def _date_cache(doc: Doc) -> dict[tuple[str, int], Any]:
    return doc.user_data.setdefault("newsclaims_date_cache", {})  # type: ignore[no-any-return]


def _date_verb(doc: Doc, date: RawDate) -> Token | None:
    """The verb governing a date mention (cached per doc: every value asks)."""
    cache = _date_cache(doc)
    key = ("verb", date.start)
    if key not in cache:
        d_span = doc.char_span(date.start, date.end, alignment_mode="expand")
        cache[key] = _governing_verb(d_span) if d_span is not None else None
    return cache[key]  # type: ignore[no-any-return]


def _is_comparison_date_cached(doc: Doc, date: RawDate) -> bool:
    cache = _date_cache(doc)
    key = ("comparison", date.start)
    if key not in cache:
        cache[key] = _is_comparison_date(doc, date)
    return cache[key]  # type: ignore[no-any-return]


def _is_comparison_date(doc: Doc, date: RawDate) -> bool:
    """A date that is the basis of a comparison ("from 2022", "than a year earlier",
    "a year ago"), not the time of the figure."""
    text = text_of(doc)[date.start:date.end].lower()
    before = text_of(doc)[max(0, date.start - 40):date.start].lower().split()
    if before[-1:] in (["over"], ["in"], ["during"], ["for"], ["within"], ["across"]) and \
            text.startswith(("the past ", "the last ", "the previous ", "the prior ")):
        return False  # "over the past 12 months", "over the previous 12 months": a span of time
    if any(w in text.split() for w in ("earlier", "ago", "before", "previous", "prior")):
        return True
    if text.startswith("the same ") and not text.startswith("the same year") or \
            len(before) >= 3 and before[-3:-1] == ["the", "same"]:
        return True  # "6.2 percent more than in the same period of last year", "the same month last year"
    if before[-2:] in (["ahead", "of"], ["compared", "with"], ["compared", "to"]) or before[-1:] == ["behind"]:
        return True  # "9 percent ahead of 2023"
    lead = before[:-1] if before[-1:] == ["the"] else before
    if text.startswith("since "):  # the mention holds the preposition: "since March 2022"
        lead = [*before, "since"]
    if lead[-1:] == ["since"] and any(w.endswith("est") or w in ("most", "least") for w in lead[-5:-1]):
        return True  # "the highest reading since the summer of 2023": a record's reference point
    if before and before[-1] in _COMPARISON_WORDS and (
            before[-1] not in ("over", "with") or len(before) >= 2 and _is_figure_word(before[-2])):
        return True  # "up 4% over 2023"; but "Over the first 10 months, exports rose" is a span
    tail = before[-6:]
    if tail[-1:] == ["in"] and "from" in tail[:-2] and \
            any(ch.isdigit() for w in tail[tail.index("from") + 1:-1] for ch in w):
        return True  # "fell to 41 percent from 52 percent in 2021": the date of the "from" figure
    if before[-1:] == ["on"] and date.granularity in ("year", "half", "quarter", "month") and \
            len(before) >= 2 and (before[-2] in ("percent", "%", "points") or before[-2][-1:] == "%"):
        return True  # "up 4 percent on 2023"
    # "up from 2.3 percent in September": the date of a "from"/"than" figure
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None:
        return False
    for tok in span.root.ancestors:
        if tok.pos_ in ("VERB", "AUX"):
            return False
        if tok.dep_ == "prep" and tok.lower_ in ("from", "against", "versus") and \
                any(c.dep_ == "pobj" and (c.like_num or any(g.like_num for g in c.children)) for c in tok.children):
            return True
    return False


def _is_figure_word(word: str) -> bool:
    """A word that ends a figure: "5%", "percent", "points", "4.2", "billion"."""
    return any(ch.isdigit() for ch in word) or word.endswith("%") or \
        word in ("percent", "cent", "pct", "point", "points", "million", "billion", "trillion")


_PLAN_VERBS = frozenset("plan expect aim intend hope target seek forecast project".split())
# verbs of a change in level ("slow": "growth slowed to 1.1 percent")
_CHANGE_VERBS = INCREASE_LEMMAS | DECREASE_LEMMAS | UNSIGNED_CHANGE_LEMMAS
_SPENDING_VERBS = frozenset("spend invest allocate earmark commit pledge budget devote pour".split())
_ADDITIVE_PREPS = frozenset("alongside besides including plus like".split())
_LEVEL_NOUNS = frozenset("level levels peak average high low record norm capacity".split())
_DISCLOSURE_VERBS = frozenset("report announce publish release unveil disclose post".split())


def _dates_another_event(doc: Doc, date: RawDate, verb: Token | None) -> bool:
    """A relative day governed by a verb that is not the value's verb nor one of
    its governors ("agreed on Monday to acquire ..." dates the acquisition; "a study
    published on Wednesday found ..." does not date the study's figures)."""
    # only a relative day ("on Wednesday", "today"): that is how news dates the event
    # it reports; a written-out date is more often the figure's as-of or filing date
    if verb is None or date.granularity != "day" or not date.relative or \
            date.start_date != date.end_date:
        return False
    d_verb = _date_verb(doc, date)
    if d_verb is None:
        return False
    if d_verb.lemma_ in SPEECH_VERBS | _DISCLOSURE_VERBS:
        # "Ortiz said on Tuesday", "reported net income of $1.8 billion for the third
        # quarter on Thursday": the day of the saying, not of the figure
        return True
    speech = d_verb.head if d_verb.dep_ == "ccomp" else None
    clause_subj = next((c for c in d_verb.children if c.dep_ in _SUBJ), None)
    d_span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if speech is not None and speech.lemma_ in SPEECH_VERBS and clause_subj is not None and d_span is not None and \
            speech.i < d_span.start < clause_subj.i:
        return True  # "said on Monday it produced ...": the parser hung the saying's day on the clause
    if d_verb == verb:
        return False
    return d_verb not in list(verb.ancestors) and not _coordinated(d_verb, verb)


def _coordinated(a: Token, b: Token) -> bool:
    """Two verbs of one event chain: conjuncts or a participle/while-clause hanging on
    the other ("fell 2.1 percent on Friday, while Tai Wah gained 1.3 percent")."""
    def below(low: Token, high: Token) -> bool:  # "killed and 40 injured when ... derailed on Sunday"
        tok = low
        for _ in range(3):
            if tok.dep_ not in ("conj", "advcl", "xcomp") or tok.head == tok:
                return False
            tok = tok.head
            if tok == high:
                return True
        return False

    return below(a, b) or below(b, a)


_FROM_EARLIER = re.compile(r"\bfrom\s+(?:(?:a|an|the|its|their)\s+)?(?:(?:previous|earlier|prior|initial)\s+)?"
                           r"(?:range|level|estimate|forecast|figure|guidance|target)\s+of\s+$", re.IGNORECASE)


def _from_figure(span: Span) -> bool:
    """The starting figure of a change: "up from about 537,000", "rose from 4.1 percent",
    "raised its forecast to ..., from a previous range of 15.8 billion to 16.4 billion"."""
    before = text_of(span.doc)[max(0, span.start_char - 60):span.start_char]
    if _FROM_EARLIER.search(before):
        return True  # (read from the words: the parser splits such ranges anywhere)
    prep = _governing_preposition(span)
    return prep is not None and prep.lower_ == "from" and \
        (prep.head.lower_ in ("up", "down") or prep.head.lemma_ in _CHANGE_VERBS or prep.head.lemma_ == "raise")


_FROM_TO_BEFORE = re.compile(r"\bfrom\s+(?:(?:about|around|roughly|nearly|almost|some|just|over|under)\s+)?$",
                             re.IGNORECASE)
_FROM_TO_AFTER = re.compile(r"\s+to\s+(?:(?:about|around|roughly|nearly|almost|some|just|over|under)\s+)?"
                            r"[$\u00a3\u20ac\u00a5\u20b9]?\d", re.IGNORECASE)


def _is_basis_value(span: Span) -> bool:
    """The earlier figure of a change: "rose to $5 billion from $4.2 billion"."""
    text = text_of(span.doc)
    if _FROM_TO_BEFORE.search(text[max(0, span.start_char - 30):span.start_char]) and \
            _FROM_TO_AFTER.match(text[span.end_char:span.end_char + 20]):
        return True  # "from 348.17 billion won to 315.01 billion won" (read from the words: the
        # tagger takes the currency "won" for a verb and the parse breaks)
    root = span.root
    prep = root.head if root.dep_ == "pobj" else None
    if prep is None or prep.lower_ != "from" or prep.head.pos_ not in ("VERB", "AUX"):
        return False
    verb = prep.head
    return verb.lemma_ in _CHANGE_VERBS and \
        any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)


def _future_into_finite(doc: Doc, date: RawDate, verb: Token | None) -> bool:
    """A date after the reference date carried into a clause in the past or present
    tense ("could produce 50 million doses by 2027. Its shares jumped 11 percent"; "will
    close in December ... Kestrel, which runs six daily flights")."""
    ref = (doc._.reference_date or {}).get("value")
    start = date.start_date
    return bool(verb is not None and verb.tag_ in ("VBD", "VBZ", "VBP") and ref and start and start > ref)


def _past_into_future(doc: Doc, date: RawDate, verb: Token | None) -> bool:
    """A date ending by the reference date carried into a clause about the future ("three of
    them entered service since August. The remaining ships will cost about $52 million")."""
    ref = (doc._.reference_date or {}).get("value")
    end = date.end_date
    if verb is None or not ref or not end or end > ref:
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in verb.children)


def _carries(doc: Doc, date: RawDate, s_idx: int) -> bool:
    """A date of the previous sentence carries over when it scoped a figure there ("in
    the six months to September ... Its mainland unit booked") or names the data
    itself ("The October figures suggest ... The 0.2 point rise") or dates a change
    stated in words; not the date of an
    event ("approved the project in June. The state has offered $180 million")."""
    if any(c.sentence == s_idx - 1 and c.time is date for c in nc(doc)["claims"]):
        return True
    d_span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if d_span is None:
        return False
    if d_span.root.dep_ in ("compound", "amod", "poss", "nmod"):
        return True
    # or dates a change stated in words ("Trade slowed in the third quarter. Imports fell 4 percent.")
    verb = _date_verb(doc, date)
    return verb is not None and (verb.lemma_ in _CHANGE_VERBS or verb.lemma_ in LEVEL_VERBS)


def _in_later_contrast(d_verb: Token, verb: Token) -> bool:
    """A date inside a later clause joined by "but" or reporting a statement ("profit
    fell 38 percent ..., but it said on Wednesday that bookings for the second half
    were running 9 percent ahead"): that clause has its own time."""
    contrast = any(c.dep_ == "cc" and c.lower_ in ("but", "while", "whereas", "yet") for c in verb.children)
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.i > verb.i):
        # "employs 9,000 people and plans to open two plants by 2027": a plan's date
        planned = conj.lemma_ in _PLAN_VERBS and verb.lemma_ not in _PLAN_VERBS or \
            any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall") for c in conj.children)
        if (contrast or planned or conj.lemma_ in SPEECH_VERBS) and (d_verb == conj or d_verb in conj.subtree):
            return True
    return False


def _on_another_noun(d_verb: Token, span: Span) -> bool:
    """A date in an infinitive clause describing another noun ("approved a
    buyback, to be completed within 18 months, and raised the dividend to 21 cents"):
    it dates that noun's plan, not figures outside that noun phrase."""
    if d_verb.dep_ not in ("acl", "relcl") or d_verb.head.pos_ not in ("NOUN", "PROPN") or \
            not any(c.dep_ == "aux" and c.lower_ == "to" for c in d_verb.children):
        return False  # ("In a plan released in July, the NDRC approved ...": July dates it all)
    noun = d_verb.head
    return not noun.left_edge.i <= span.root.i <= noun.right_edge.i


def _in_relative_on_another_noun(d_verb: Token, span: Span) -> bool:
    """A date in a relative clause with its own subject, on a noun the value is not part
    of ("More than 1,000 enterprises have gathered in the zone, where sector revenue
    topped 1.2 trillion yuan last year": last year is the revenue's): not the value's
    time, and nothing is carried over it."""
    if d_verb.dep_ != "relcl" or d_verb.head.pos_ not in ("NOUN", "PROPN") or \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in d_verb.children) or \
            any(c.lower_ == "when" for c in d_verb.children):
        return False  # ("... a year when it opens in 2028": the main event's date)
    noun = d_verb.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.i < span.start and \
            noun.head.head.pos_ in ("VERB", "AUX"):
        return False  # "Of the 14 delays it logged in October, nine ...": the set the nine are from
    return not noun.left_edge.i <= span.root.i <= noun.right_edge.i


def _ref_year(doc: Doc) -> int | None:
    value = (doc._.reference_date or {}).get("value")
    return int(value[:4]) if value else None


# Tokens are compared with == and !=, never `is`: spaCy makes a new Token object
# on every access, so two handles on one token are equal but not identical.


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


def _text(span: Span) -> str:
    """The span's text as a slice of the doc's text (``span.text`` joins its tokens)."""
    return text_of(span.doc)[span.start_char:span.end_char]


# Adverbs the parser leaves as modifiers that are a phrasal verb's particle right after it
# ("went up 5 percent", "sets aside $162 million").
_PARTICLES = frozenset("up down out in aside off back over away".split())


def _predicate(verb: Token) -> str:
    """The verb's lemma with its particles: phrasal verbs keep them ("go up", "bring in",
    "set aside", "top out"; news-dev CONVENTIONS 7.4)."""
    particles = [c.lower_ for c in verb.children if c.i > verb.i and c.pos_ in ("ADP", "ADV") and (
        c.dep_ == "prt" or c.dep_ == "advmod" and c.i == verb.i + 1 and c.lower_ in _PARTICLES and
        verb.lemma_ != "be")]  # ("were up 13%": the copula's complement)
    return " ".join([_lemma(verb), *particles])


def _lemma(verb: Token) -> str:
    """The verb's lemma, mending the rule lemmatizer's "rated" -> "rat" (an "-ated" past
    form whose lemma lost the "e": "rate", "locate", "update")."""
    low, lemma = verb.lower_, verb.lemma_
    if verb.tag_ in ("VBD", "VBN") and low.endswith("ated") and lemma == low[:-2]:
        return low[:-1]
    return lemma


def _governing_verb(span: Span) -> Token | None:
    """The verb governing a value; a hedge verb inside the span counts ("surpass 10 trillion").
    A word inside another value is never the verb: the tagger reads the currency "won" as
    a verb ("dropping from 348.17 billion won to 315.01 billion won")."""
    tok = span.root
    inside = _in_values(span.doc)
    for _ in range(12):
        if (tok.pos_ in ("VERB", "AUX") or _verb_tagged_noun(tok)) and \
                (not span.start <= tok.i < span.end or tok.i == span.start) and \
                (tok.i not in inside or tok.i == span.start):
            return tok
        if tok.head == tok:
            return tok if tok.pos_ in ("VERB", "AUX") else None
        tok = tok.head
    return None


# A measure names the attribute, not whose or when (news-dev CONVENTIONS 7.6): a leading
# determiner or possessive pronoun goes, and so does a date inside it ("its first-quarter
# net profit" -> "net profit"; "Net profit for the three months that ended in March" ->
# "Net profit"), with the preposition and determiner that introduce a trailing date.
_MEASURE_LEADS = frozenset("the a an its their his her our this that these those".split())
_DATE_LEADS = frozenset("for in during over of at on since through throughout ended ending the a an its".split())


_TRAILING_PERIOD = re.compile(
    r"\s+(?:across|over|during|for|in|throughout)\s+(?:the|a|this|that|its|their)\s+(?:(?:full|whole|entire|same|"
    r"past|previous|latest|current|first|second|third|fourth|last|next|fiscal|financial|calendar)\s+)*"
    r"(?:year|month|quarter|week|period|half|decade|season|stretch)s?$", re.IGNORECASE)


def _clean_measure(doc: Doc, sent: Span, measure: str | None) -> str | None:
    """``measure`` without a leading determiner and without the dates inside it."""
    if not measure:
        return measure
    text = text_of(doc)
    start = text.find(measure, sent.start_char, sent.end_char)
    if start >= 0:
        end = start + len(measure)
        inside = sorted((d.start, d.end) for d in nc(doc)["dates"] if start <= d.start and d.end <= end)
        for d_start, d_end in reversed(inside):
            head_words = text[start:d_start].split()
            if all(w.lower() in _MEASURE_LEADS for w in head_words):
                start = d_end  # a date modifying the noun: "first-quarter net profit"
                while start < end and text[start] in " -\u2013":
                    start += 1
            elif not text[d_end:end].strip(" ,"):
                end = d_start  # a trailing date phrase: "revenue for the third quarter"
                while True:
                    words = text[start:end].rstrip().rsplit(None, 1)
                    if len(words) == 2 and words[1].lower() in _DATE_LEADS:
                        end = start + len(words[0])
                    else:
                        break
                # "Net profit for the three months that [ended in March]": the period the
                # relative clause dated goes too, from its preposition
                tail = text[start:end].split()
                if len(tail) > 2 and tail[-1].lower() in ("that", "which"):
                    cut = max((m.start() for m in re.finditer(r"\s(?:for|in|during|over|of)\s", text[start:end])),
                              default=-1)
                    if cut > 0:
                        end = start + cut
        if inside and not text[start:end].strip(" ,-"):
            return None  # the measure was only a date ("a 2.0 per cent increase in December")
        measure = text[start:end].strip(" ,") or measure
        # "13.5 billion kilowatt hours of wind power", "93.2% of statements of invoices":
        # what a value inside the measure is of (CONVENTIONS 7.3 item 5)
        lead = next((m for kind in _NUMERIC for m in nc(doc)[kind] if m.start == start), None)
        if lead is not None:
            rest = text[lead.end:end]
            if rest.lower().startswith(" of ") and rest[4:].strip():
                measure = rest[4:].strip(" ,")
    # a trailing period that is no date mention: "the monthly average across the full year"
    measure = _TRAILING_PERIOD.sub("", measure) or measure
    words = measure.split(None, 1)
    while len(words) == 2 and words[0].lower() in _MEASURE_LEADS:
        measure = words[1]
        words = measure.split(None, 1)
    return measure


_SOURCE_BODY = [re.compile(p, re.IGNORECASE) for p in SOURCE_BODY_PATTERNS]


def _is_source_body(ent: RawEntity) -> bool:
    """A public body that publishes figures (a statistics office, customs, a central bank)."""
    name = ent.canonical
    words = re.findall(r"[a-z]+", name.lower())
    return any(w in SOURCE_BODY_HEADS for w in words) or any(p.search(name) for p in _SOURCE_BODY)


def _growth_rate_change(doc: Doc, sent: Span, value: RawNumeric, measure: str | None, subject: str | None) -> None:
    """A percentage that is a rate of growth is an increase (a decrease when negative), with
    the basis the sentence names after it: "mining output growth came in at 2.7 percent
    year-on-year", "the yearly growth target of around 6.5 percent"."""
    if not isinstance(value, RawPercentage) or value.change is not None or \
            value.unit not in (None, "percent"):
        return
    words = set(re.findall(r"[a-z]+", f"{measure or ''} {subject or ''}".lower()))
    if not words & GROWTH_RATE_WORDS:
        return
    number = value.value
    tail = text_of(doc)[value.end:sent.end_char][:120]
    basis = next((b for rx, b in BASIS_PATTERNS if rx.search(tail)), None)
    value.change = RawChange(direction="decrease" if number is not None and number < 0 else "increase",
                             basis=basis)


_LOCATIVE_PREPS = frozenset("in across at throughout around inside within".split())


def _clause_place_anaphor(verb: Token, subj: Token) -> Token | None:
    """A place anaphor ("the country", "the region") as the object of a locative phrase of
    ``verb`` itself, outside the subject."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in _LOCATIVE_PREPS or prep.i < subj.i:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.pos_ == "NOUN" and set(_anaphor_labels(obj) or ()) & {"GPE", "LOC"}:
            return obj
    return None


def _clause_place(verb: Token, subj: Token, entities: list[RawEntity]) -> RawEntity | None:
    """The one named place a locative phrase of ``verb``'s own clause names (outside its
    subject, not inside another clause with its own subject), else None."""
    doc = verb.doc
    skip = {t.i for t in subj.subtree}
    found: dict[str, RawEntity] = {}
    for ent in entities:
        if ent.label not in ("GPE", "LOC", "FAC"):
            continue
        e_span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
        if e_span is None or e_span.root.i in skip or not verb.sent.start <= e_span.root.i < verb.sent.end:
            continue
        tok, locative = e_span.root, False
        for _ in range(12):
            if tok == verb:
                break
            if tok.dep_ == "prep" and tok.lower_ in _LOCATIVE_PREPS:
                locative = True
            if tok.pos_ in ("VERB", "AUX") and any(c.dep_ in _SUBJ for c in tok.children) or tok.head == tok:
                locative = False  # another clause, or not under the verb at all
                break
            tok = tok.head
        if locative and tok == verb:
            found.setdefault(ent.canonical, ent)
    return next(iter(found.values())) if len(found) == 1 else None


# A comparative between a value and a later date: the date is the compared base's
# (not a hedge on another figure: "more than 40 injured", "above 35 degrees")
_COMPARED_BETWEEN = re.compile(r"(?<!more )(?<!less )(?<!fewer )(?<!rather )\b(?:than|ahead of|behind|"
                               r"compared (?:with|to)|versus|vs\.?|"
                               r"(?:above|below)(?!\s+(?:about |around |some )?[$\u00a3\u20ac]?\d))\b",
                               re.IGNORECASE)
_OWN_PERIOD_PREPS = frozenset("during throughout".split())
_PERIOD_PREPS = frozenset("for over in across".split())


def _in_another_values_phrase(doc: Doc, date: RawDate, span: Span) -> bool:
    """The date lies in the noun phrase of another value of the sentence that is set off from
    this one: "hourly pay climbed 8 cents to reach $25.53, a gain of 2.5% over the past year"
    (the past year is the gain's). The phrase is the event or frame noun the other value is
    the "of" object of, in apposition."""
    d_span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if d_span is None:
        return False
    for value_start, left, right in _value_appositions(doc):
        if value_start == span.start or not span.sent.start <= value_start < span.sent.end:
            continue
        if left <= d_span.start and d_span.end - 1 <= right and not left <= span.start <= right:
            return True
    return False


def _value_appositions(doc: Doc) -> list[tuple[int, int, int]]:
    """For each numeric mention the "of" object of a noun in apposition ("a gain of 2.5%"):
    (its first token, the noun phrase's first and last token); computed once per doc."""
    cached = doc.user_data.get("newsclaims_value_appositions")
    if cached is None:
        cached = []
        for kind in _NUMERIC:
            for other in nc(doc)[kind]:
                o_span = doc.char_span(other.start, other.end, alignment_mode="expand")
                if o_span is None:
                    continue
                root = o_span.root
                noun = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
                if noun is not None and noun.dep_ == "appos" and noun.pos_ == "NOUN":
                    cached.append((o_span.start, noun.left_edge.i, noun.right_edge.i))
        doc.user_data["newsclaims_value_appositions"] = cached
    return cached  # type: ignore[no-any-return]


def _starting_point(doc: Doc, date: RawDate) -> bool:
    """A date that starts a cumulative count: "since March 2022", "since it was set up in
    August 2019" (the clause of its verb opens with "since")."""
    if "since" in text_of(doc)[max(0, date.start - 6):date.start + 6].lower():
        return True
    d_verb = _date_verb(doc, date)
    return d_verb is not None and any(c.dep_ == "mark" and c.lower_ == "since" for c in d_verb.children)


def _in_described_relative(d_verb: Token, span: Span, verb: Token | None) -> bool:
    """A date in a relative clause set off by a comma that describes the value's own noun
    ("The park now hosts more than 80 companies, which have invested ... and are expected to
    generate output ... in the current year"): it dates what the clause tells, not the count."""
    clause = d_verb
    for _ in range(6):
        if clause.dep_ == "relcl" or clause.head == clause:
            break
        clause = clause.head
    if clause.dep_ != "relcl" or verb is None or clause.left_edge.i <= verb.i <= clause.right_edge.i:
        return False
    noun = clause.head
    opens = clause.left_edge.i - 1
    relative = span.doc[clause.left_edge.i].lower_ in ("which", "who", "whom", "whose")  # (not "to be completed")
    return relative and noun.left_edge.i <= span.root.i <= noun.i and opens >= 0 and span.doc[opens].text == ","


def _opens_with_own_period(sent: Span) -> bool:
    """The sentence opens with a time phrase that is no date mention: "During the recovery,
    ...", "For the full year, ...", "Over the same stretch, ..."."""
    first = next((t for t in sent if not t.is_space), None)
    if first is None or first.dep_ != "prep":
        return False
    obj = next((c for c in first.children if c.dep_ == "pobj"), None)
    return first.lower_ in _OWN_PERIOD_PREPS or first.lower_ in _PERIOD_PREPS and obj is not None and \
        obj.lemma_.lower() in _PERIOD_NOUNS


def _of_is_a_date(doc: Doc, value: RawNumeric, of: str) -> bool:
    """The "of" phrase after a share is a date mention ("of the previous quarter")."""
    at = text_of(doc).find(of, value.end, value.end + 12 + len(of))
    if at < 0:
        return False
    words = of.split()
    while len(words) > 1 and words[0].lower() in _MEASURE_LEADS:
        words = words[1:]
    first = at + len(of) - len(" ".join(words))  # (not "its 2019 level": a level, dated)
    return any(d.start <= first and at + len(of) <= d.end for d in nc(doc)["dates"])


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


def _framed(span: Span, measure: str) -> bool:
    """The measure is a frame noun of the value's own noun phrase ("in a range of ...", "the
    ₹1.5 lakh crore mark", "₹29,546 crore of that sum"), not an object the value is put
    at ("put the figure at 53 per cent")."""
    last = re.findall(r"[a-z]+", measure.lower())[-1:]
    if not last or last[0] not in FRAME_NOUNS:
        return False
    root = span.root
    return any(t.lower_ == last[0] and (t.is_ancestor(root) or root.is_ancestor(t)) for t in span.sent)


def _framed_measure(verb: Token, subj: Token | None, span: Span) -> str | None:
    """What a framed amount measures: the clause's subject when it is an attribute, else
    the verb's object ("is projecting first-quarter revenue in a range of ...")."""
    if subj is not None and _measurable_subject(subj, span) and subj.lemma_.lower() not in AGENT_NOUNS:
        return _phrase(subj, verb)
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and
                not span.start <= c.i < span.end), None)
    return _phrase(obj) if obj is not None and obj.lemma_.lower() not in FRAME_NOUNS else None


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
    if head is None or any(t.pos_ in ("VERB", "AUX") for t in head) or any(t.ent_type_ for t in head):
        return None  # (a name is an attribution or a dateline: "Stats SA: 7 out of 9 provinces ...")
    return m.group("head").strip()


DEMONSTRATIVES = frozenset("that this these those".split())


def _demonstrative_referent(claim: RawClaim, claims: list[RawClaim], s_idx: int) -> RawClaim | None:
    """The claim a demonstrative subject refers back to ("That", "That pace", "this
    volume", not "this city": a place or company noun is resolved as an entity): the latest
    claim of this or the previous sentence."""
    words = (claim.subject or "").lower().split()
    if not words or words[0] not in DEMONSTRATIVES or len(words) > 3 or \
            len(words) > 1 and words[-1] in ANAPHOR_NOUNS:
        return None
    return next((c for c in reversed(claims) if s_idx - 1 <= c.sentence <= s_idx), None)


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


def _population_base(span: Span) -> str | None:
    """The group a share counts: the "of" phrase after it ("64 per cent of adults",
    "Two-thirds of the workers surveyed"), or the noun it counts ("Two in three English
    people"); None without one ("About one in five had ...")."""
    doc = span.doc
    root = span.root
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None and span.end < len(doc) and doc[span.end].lower_ == "of":
        of = doc[span.end]
    group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if group is None and root.head.pos_ == "NOUN" and root.head.i >= span.end and root.dep_ in ("nummod", "amod"):
        group = root.head  # "Two in three English people"
    if group is None:
        return None
    start = max(min(t.i for t in group.subtree), span.end)
    end = max(t.i for t in group.subtree if t.dep_ not in ("relcl", "punct") or t.i < group.i) + 1
    cut = next((t.i for t in doc[group.i + 1:end] if t.dep_ in ("relcl", "cc", "conj") or t.is_punct), end)
    return span_text(doc[start:cut]) or None


def _in_values(doc: Doc) -> frozenset[int]:
    """Indices of the tokens inside the doc's numeric mentions, but for a hedge verb opening
    one (cached per doc)."""
    cached = doc.user_data.get("newsclaims_value_tokens")
    if cached is None:
        found: set[int] = set()
        for kind in _NUMERIC:
            for m in nc(doc)[kind]:
                m_span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if m_span is not None:  # (a hedge verb opening a mention is a verb: "topped 1.2 trillion")
                    first = m_span.start + int(m_span[0].pos_ in ("VERB", "AUX"))
                    found.update(range(first, m_span.end))
        cached = doc.user_data["newsclaims_value_tokens"] = frozenset(found)
    return cached  # type: ignore[no-any-return]


def _is_population_share(span: Span, value: RawNumeric, *, as_subject: bool = True) -> bool:
    """A share that counts members of a group, as the subject of its clause (unless not
    ``as_subject``): "About one in five had ...", "Two-thirds of the workers surveyed
    said ...", "Half of them" (the of-phrase, if any, is a plural noun or a pronoun: not
    "a third of the revenue")."""
    subj = next((t for t in span if t.dep_ in ("nsubj", "nsubjpass") and not span.start <= t.head.i < span.end), None)
    if subj is None and span.root.dep_ in ("nummod", "quantmod", "amod") and span.root.head.tag_ == "NNS" and \
            span.root.head.dep_ in ("nsubj", "nsubjpass") and \
            isinstance(value, (RawQuantity, RawPercentage)) and value.unit == "fraction":
        return True  # "Nearly two in five private renters ... spent": a share of the renters
    fronted = subj is not None and any(c.dep_ == "prep" and c.lower_ == "of" and c.i == c.sent.start
                                       for c in subj.head.children)  # "Of the 3,200 patients, 410 said"
    partitive = isinstance(value, RawQuantity) and value.unit is None and (
        fronted or span.end < len(span.doc) and span.doc[span.end].lower_ == "of")  # "12 of them said"
    if not isinstance(value, RawPercentage) and not partitive or as_subject and subj is None:
        return False
    root = subj or span.root
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None and fronted and subj is not None:
        of = next(c for c in subj.head.children if c.dep_ == "prep" and c.lower_ == "of")
    if of is None and span.end < len(span.doc) and span.doc[span.end].lower_ == "of":
        of = span.doc[span.end]
    group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if partitive and group is not None and group.pos_ != "PRON" and \
            not any(c.dep_ in ("det", "poss") for c in group.children):
        return False  # "dozens of smaller rivals": how many rivals, not a part of a known group
    return group is None or group.tag_ in ("NNS", "NNPS") or group.pos_ == "PRON"


def _governing_preposition(span: Span) -> Token | None:
    """The preposition whose object the value's noun phrase is ("from about 537,000",
    "with $5.1 billion"), or None."""
    root = span.root
    while root.dep_ in ("nummod", "quantmod", "compound", "conj") and root.head != root:
        root = root.head  # (a conjoined figure shares it: "versus $669 million, or $5.29 per share")
    return root.head if root.dep_ == "pobj" else None


def _compared_figure(span: Span) -> bool:
    """A figure something is compared with: "..., compared with $5.1 billion"."""
    prep = _governing_preposition(span)
    if prep is not None and prep.lower_ == "of" and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "compared with an average of 420 gigalitres"
    return prep is not None and (prep.lower_ in ("with", "to") and prep.head.lower_ == "compared" or
                                 prep.lower_ in ("versus", "vs", "vs.", "against"))  # "..., versus $669 million"


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


# Nouns an adjectival period names the reference or term of ("their five-year average",
# "10-year bond yields"): a label of the statistic, not a figure.
_TERM_NOUNS = frozenset("average mean high low peak record bond bonds note notes yield yields mortgage gilt gilts "
                        "treasury treasuries bund bunds".split())


def _is_reference_period(span: Span, value: RawNumeric) -> bool:
    """"their five-year average", "Irish 10-year bond yields": the period labels a statistic."""
    noun = span.root.head
    return isinstance(value, RawQuantity) and value.dimension == "[time]" and "-" in _text(span) and \
        noun.i >= span.end and noun.lemma_.lower() in _TERM_NOUNS


def _is_restriction(span: Span, value: RawNumeric) -> bool:
    """A bare bound that restricts the noun before it ("the respondents under 30", "those
    over 45"): part of who is counted, not a figure of its own."""
    # (read from the words: the parser hangs such a bound anywhere)
    before = span.doc[span.start - 1] if span.start > 0 else None
    return isinstance(value, RawQuantity) and value.unit is None and \
        not value.counted and before is not None and (
            span[0].lower_ in ("under", "over", "above", "below", "aged") and
            (before.tag_ in ("NNS", "NNPS") or before.lower_ in ("those", "people")) or
            before.lower_ in ("aged", "ages") or  # "those aged 18 to 24"
            span[0].lower_ in ("older", "younger"))  # "910 were older than 70": the 910's ages


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


def _verb_tagged_noun(tok: Token) -> bool:
    """A verb the tagger read as a plural noun but the parser gave an object: "... and
    now ships about 95 gigawatt-hours of cells a year" ("ships" NOUN, with a dobj)."""
    return tok.pos_ == "NOUN" and tok.tag_ == "NNS" and any(c.dep_ == "dobj" for c in tok.children)


def _inverted_speech(verb: Token) -> Token | None:
    """The speech verb the parser hung under a reported verb ("Morikawa said operating
    profit ... fell": "said" as parataxis of "fell", "profit" as its object)."""
    return next((c for c in verb.children if c.dep_ in ("parataxis", "ccomp") and c.i < verb.i
                 and c.lemma_ in SPEECH_VERBS and c.pos_ == "VERB"), None)


def _subject(verb: Token) -> Token | None:
    tok = verb
    if not any(c.dep_ in _SUBJ for c in verb.children) and (speech := _inverted_speech(verb)) is not None:
        obj = next((c for c in speech.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
        if obj is not None:
            return obj
    for _ in range(5):
        # (not a date the parser took for a second subject: "that last May it employed")
        subjects = [c for c in tok.children if c.dep_ in _SUBJ]
        subj = next((c for c in subjects if not _in_date(c)), subjects[0] if subjects else None)
        if subj is not None:
            if subj.lower_ in ("who", "which", "that") and tok.dep_ in ("relcl", "acl"):
                return tok.head  # "Negi, who owns 11 percent": the relative pronoun's antecedent
            return subj
        if tok.dep_ == "prep" and tok.pos_ == "VERB" and tok.head.pos_ in ("VERB", "AUX") and tok.head != tok:
            # "expects net profit of ¥152 billion, compared with an earlier forecast of ¥170
            # billion": a participle used as a preposition shares the main clause's subject
            tok = tok.head
            continue
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
            # "Despite covering less than four percent ..., this hub contributes": a
            # gerund under a preposition shares the main clause's subject
            tok = tok.head.head
            reported = next((c for c in tok.children if c.dep_ == "ccomp"), None)
            if tok.lemma_ in SPEECH_VERBS:
                # "The company plans ..., Whitcombe told analysts, after cutting 4 percent":
                # the parser hangs the gerund on the parenthetical speech verb, whose
                # reported clause is its ccomp or (inverted) its head
                if reported is not None:
                    tok = reported
                elif tok.dep_ in ("advcl", "parataxis") and tok.head != tok:
                    tok = tok.head
            continue
        if tok.dep_ in ("xcomp", "advcl", "conj", "ccomp", "relcl", "acl", "acomp") and tok.head != tok:
            if tok.dep_ == "acl" and tok.head.dep_ == "dobj" and any(c.lower_ == "to" and c.dep_ == "aux"
                                                                     for c in tok.children):
                # "Westgate has signed a contract to buy 60 percent": the buyer is the signer
                tok = tok.head.head
                continue
            if tok.dep_ in ("relcl", "acl"):
                return tok.head
            tok = tok.head
            continue
        break
    return _misattached_subject(tok)


def _misattached_subject(verb: Token) -> Token | None:
    """A subject the parser hung on a fronted phrase: "According to Statistics Canada,
    Canada's Consumer Price Index (CPI) climbed 1.4 per cent" (the index made an apposition
    of the source): the noun phrase that ends right before a verb with no subject."""
    doc = verb.doc
    end = verb.i - 1
    while end > verb.sent.start and doc[end].pos_ in ("AUX", "PART", "ADV"):
        end -= 1  # "has also climbed"
    for tok in doc[verb.sent.start:end + 1]:
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("appos", "conj", "pobj") and tok.i < verb.i and \
                tok.right_edge.i == end and tok.left_edge.i > verb.sent.start and \
                doc[tok.left_edge.i - 1].text == "," and not tok.head.is_ancestor(verb):
            return tok
    return None


def _phrase(tok: Token, verb: Token | None = None) -> str:
    """The noun phrase of a subject token (its subtree, trimmed of clauses and the verb)."""
    tree = [t for t in tok.subtree]
    end = tree[-1].i + 1
    for t in tree:  # an apposition or aside after the head: "X, the Danish group, said"
        if t.i > tok.i and t.text in (",", "\u2013", "\u2014", "(", ";", ":") and t.i < end:
            end = t.i
            break
    if verb is not None and tok.i < verb.i < end:
        end = verb.i
        while end > tok.i + 1 and tok.doc[end - 1].pos_ in ("AUX", "PART", "ADV", "PUNCT"):
            end -= 1
    for t in tree:
        if t.i > tok.i and t.dep_ in ("relcl", "punct") and t.head == tok:
            end = min(end, t.left_edge.i)
            break
    while end > tok.i + 1 and tok.doc[end - 1].lower_ in ("that", "which", "who", "whose", ","):
        end -= 1
    start = tree[0].i
    comma = next((t.i for t in reversed(tree) if t.i < tok.i and t.text == ","), None)
    if comma is not None:
        start = comma + 1  # "Among people over 75, the share reporting ...": a fronted phrase, not the subject
    while start < tok.i and tok.doc[start].dep_ in ("mark", "cc", "punct"):
        start += 1  # "..., as work on the upgrade entered": the parser hung "as" on the subject
    # a date the parser hung on the noun is the claim's time, not part of its subject:
    # "dam inflows last year", "last year retention"
    doc = tok.doc
    for first_start, first_end in _relative_date_tokens(doc):
        if first_start <= tok.i < first_end:
            continue
        if first_start == start and first_end <= tok.i:
            start = first_end
        elif first_end == end and first_start > tok.i:
            end = first_start
    return span_text(doc[start:end])


def _phrase_cached(tok: Token, verb: Token | None) -> str:
    """:func:`_phrase`, cached per doc (a sentence's values mostly share one subject)."""
    cache = tok.doc.user_data.setdefault("newsclaims_phrases", {})
    key = (tok.i, verb.i if verb is not None else -1)
    if key not in cache:
        cache[key] = _phrase(tok, verb)
    return cache[key]  # type: ignore[no-any-return]


def _relative_date_tokens(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the doc's "last/this/next/past ..." dates not after a preposition
    (cached per doc: every subject phrase asks)."""
    cached = doc.user_data.get("newsclaims_relative_dates")
    if cached is None:
        cached = []
        for d in nc(doc)["dates"]:
            if not text_of(doc)[d.start:d.end].lower().startswith(("last ", "this ", "next ", "past ")):
                continue
            span = doc.char_span(d.start, d.end, alignment_mode="expand")
            if span is not None and not (span.start > 0 and doc[span.start - 1].pos_ == "ADP"):
                cached.append((span.start, span.end))
        doc.user_data["newsclaims_relative_dates"] = cached
    return cached  # type: ignore[no-any-return]


def _measurable_subject(subj: Token, span: Span) -> bool:
    """A common noun phrase ("revenue", "Sichuan's GDP", "Irish 10-year bond yields"),
    not a name, pronoun or anaphor, nor a phrase holding the value itself."""
    if subj.dep_ == "csubj" and subj.pos_ == "VERB":
        # a noun phrase the parser read as a clause ("the share of women classed as morbidly
        # obese was just 1 per cent": "classed" made the subject): judge its noun
        subj = next((c for c in subj.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), subj)
    nxt = subj.doc[subj.i + 1] if subj.i + 1 < len(subj.doc) else None
    proportion = subj.lower_ == "share" and nxt is not None and (nxt.tag_ == "VBG" or nxt.lower_ in ("of", "who"))
    if subj.pos_ not in ("NOUN", "PROPN") or subj.ent_type_ or \
            _anaphor_labels(subj) is not None and subj.lower_ not in ("stock", "shares") and not proportion:
        return False  # ("the share reporting daily contact with family" is a proportion, not a stock)
    if not (subj.left_edge.i < span.end and span.start <= subj.right_edge.i):
        return True  # (the cheap test first: the subtree lies within its edges)
    return not any(span.start <= t.i < span.end for t in subj.subtree)


def _anaphor_labels(subj: Token) -> tuple[str, ...] | None:
    low = subj.lower_
    if low in PRONOUNS:
        return PRONOUNS[low]
    if low in ANAPHOR_NOUNS and any(c.lower_ in ANAPHOR_DETERMINERS for c in subj.children):
        return ANAPHOR_NOUNS[low]
    if low in DEMONSTRATIVES:
        return ()  # "That was less than half the average": a fact, not a named entity (see _demonstrative)
    if subj.pos_ == "PRON":
        return ANY
    return None


_PERIOD_NOUNS = frozenset("year month quarter week day half period season decade hour minute time".split())


def _in_date(tok: Token) -> bool:
    """The token lies inside a date mention."""
    return any(d.start <= tok.idx < d.end for d in nc(tok.doc)["dates"])


def _is_date_like(tok: Token) -> bool:
    return tok.like_num or tok.lemma_.lower() in _PERIOD_NOUNS or tok.lower_.rstrip("s") in _PERIOD_NOUNS


def _is_period_phrase(span: Span, value: RawNumeric) -> bool:
    """A duration naming the period of another figure: "in the three months to September"."""
    if not isinstance(value, RawQuantity) or value.dimension != "[time]":
        return False
    root = span.root
    doc = span.doc
    if root.dep_ != "pobj" and span.end < len(doc) and \
            doc[span.end].lower_ in ("after", "before", "later", "earlier", "ago"):
        return True  # "two years after a round of cuts": an offset in time, not a figure
    if root.dep_ == "pobj" and root.head.lower_ in ("in", "for", "over", "during", "within", "after", "of"):
        return any(t.lower_ in ("the", "a", "its", "this", "that", "first", "last", "past", "next")
                   for t in root.children) or span.start > 0 and doc[span.start - 1].lower_ == "the"
    return False


_DEFINITE = frozenset({"the", "these", "those", "both"})
# a set the article refers back to is small ("the two sides", "the five sectors"); "the
# 10,000 economists had expected" states a figure
_SET_SIZE = 20


def _is_reference_count(doc: Doc, value: RawNumeric) -> bool:
    """A count that refers back instead of stating a figure: "the two cities", "the
    largest of the five", "the two sides said" (a definite set the article already
    named), and the pronoun "one" ("is one we are confident we can meet")."""
    if not isinstance(value, RawQuantity) or value.dimension != "count" or \
            value.qualifier != "exact" or not float(value.value or 0.5).is_integer():
        return False
    text = text_of(doc)
    if text[value.end:value.end + 1] == "-":  # "the 42-page report" describes the report
        return False
    before = text[max(0, value.start - 8):value.start].lower().split()
    if before and before[-1] in _DEFINITE and float(value.value or 0) <= _SET_SIZE:
        # ... unless the noun is restricted, which states the figure: "Across the 48
        # companies in the index that have reported"
        span = doc.char_span(value.start, value.end, alignment_mode="expand")
        noun = span.root.head if span is not None and span.root.dep_ == "nummod" else None
        return noun is None or not any(c.i > noun.i and c.dep_ in ("prep", "relcl", "acl")
                                       for c in noun.children)
    return value.value == 1 and not value.counted and \
        text[value.start:value.end].lower() == "one"


_CONVERSION_LEADS = ("(", "(about", "(around", "(roughly", "(or", "(or about", "(approximately", "(some",
                     "(nearly", "(almost", ", or", ", or about", ", or roughly", ", or around", ", or some")


def _raises_that(span: Span) -> bool:
    """The value is the target of a verb whose object is a pronoun: "raise that to 70",
    "cut it to 5 percent"."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ != "to":
        return False
    verb = root.head.head
    return verb.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lower_ in ("that", "it", "this") for c in verb.children)


def _subdivision_kind(subj: Token) -> str | None:
    """ "the state", "the province", "the state government", "the provincial government"."""
    for tok in (subj, *[c for c in subj.children if c.dep_ in ("compound", "amod")]):
        if tok.lower_ in SUBDIVISION_WORDS:
            return tok.lower_
    return None


@lru_cache(maxsize=8)
def _subdivisions(kind: str) -> frozenset[str]:
    """Lower-case names of the ISO 3166-2 subdivisions of the types ``kind`` names
    ("Sichuan Sheng" also as "sichuan")."""
    import pycountry

    types = SUBDIVISION_WORDS[kind]
    names = set()
    for sub in pycountry.subdivisions:
        if sub.type in types:
            name = sub.name.lower()
            names.add(name)
            names.add(name.removesuffix(" sheng").removesuffix(" province"))
    return frozenset(names)


def _is_conversion(doc: Doc, value: RawNumeric, nxt: RawNumeric) -> bool:
    """The same amount in another currency or unit, right after it: "10 billion yuan
    (about $1.4 billion)", "above 35°C (95 degrees Fahrenheit)", "214 km (133 miles)",
    "1,900 GWh a year, or 1.9 billion kilowatt-hours". One claim holds both."""
    between = " ".join(text_of(doc)[value.end:nxt.start].split())
    if between not in _CONVERSION_LEADS:
        return False
    if value.kind == "money":
        return nxt.kind == "money" and between.startswith("(")
    if not isinstance(value, RawQuantity) or not isinstance(nxt, RawQuantity) or not value.unit:
        return False
    return value.dimension == nxt.dimension and \
        value.unit != nxt.unit


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
