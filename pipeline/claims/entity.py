"""Stage entity: whose figure a claim states (``subject_entity``).

Chain ``entity.subject`` resolves a subject phrase — a name in it, its possessor
or "of"/"at" owner, else what an anaphor ("the company", "it", "the state")
refers to; chain ``entity.clause`` is tried when the subject names nothing: what
its clause says about whose figure it is. Both are rule records in
``rules/entity.toml``; the functions below are their code, registered by id.

Anaphors are resolved left to right through the claims (:class:`Focus`: the
entity each label's anaphors last resolved to), in one pass before the later
stages; word lists are in :mod:`pipeline.lexicons.anaphora`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from pipeline.claims.attribution import _is_source_body, _reporting_verb
from pipeline.claims.context import Anchor, Document, Focus, Value
from pipeline.claims.engine import NOTHING, first, rule
from pipeline.claims.syntax import _SUBJ, _anaphor_labels, _inverted_speech, _measurable_subject, _subject
from pipeline.lexicons.anaphora import (
    ANAPHOR_DETERMINERS,
    NAME_ONLY_ANAPHORS,
    SPEECH_VERBS,
    SUBDIVISION_WORDS,
)
from pipeline.nlp import RawEntity, text_of


@dataclass(frozen=True)
class SubjectRef:
    """A token to resolve to an entity: a subject, or a possessor/owner/earlier subject of one."""

    document: Document
    tok: Token
    s_idx: int
    at: tuple[int, int]
    focus: Focus
    depth: int = 0

    @property
    def doc(self) -> Doc:
        return self.document.doc

    @property
    def entities(self) -> list[RawEntity]:
        return self.document.entities

    def follow(self, tok: Token, *, s_idx: int | None = None) -> RawEntity | None:
        """Resolve another token one level deeper (at most two levels)."""
        return entity_for(replace(self, tok=tok, s_idx=self.s_idx if s_idx is None else s_idx,
                                  depth=self.depth + 1))


def entity_for(ref: SubjectRef) -> RawEntity | None:
    """The entity a subject names or refers to (chain ``entity.subject``), or None."""
    found: RawEntity | None = first("entity.subject", ref.at, ref)
    return found


def _entity_at(document: Document, tok: Token) -> RawEntity | None:
    """The first entity holding the token's first character."""
    return document.entity_index.at(tok.idx)


@rule("entity.name-in-subject")
def _name_in_subject(ref: SubjectRef) -> RawEntity | None:
    # an entity naming the subject: the head itself, or a name attached to it
    # (possessor, compound, apposition: "Kestrel's shares", "group Tai Wah Holdings")
    subj = ref.tok
    attached = [subj] + [c for c in subj.children if c.dep_ in ("poss", "compound", "appos", "nmod")]
    if subj.dep_ == "appos" and subj.pos_ == "NOUN":
        # "Shirakawa Capital, the Tokyo fund that holds ...": the described name
        # comes before the descriptor's own modifiers
        attached = [subj.head, subj] + attached[1:]
    own = _anaphor_labels(subj)
    for tok in attached:
        ent = _entity_at(ref.document, tok)
        if ent is not None and own is not None and tok != subj and tok.dep_ in ("compound", "nmod") and \
                ent.label not in own:
            continue  # "the Kentucky plant" is Huaxin's plant in Kentucky, not Kentucky
        if ent is not None:
            return ent
    return None


@rule("entity.anaphoric-possessor")
def _anaphoric_possessor(ref: SubjectRef) -> RawEntity | None:
    # an anaphoric possessor: "The group's operating profit", "its shares"
    subj = ref.tok
    poss = next((c for c in subj.children if c.dep_ == "poss"), None)
    if poss is not None and _anaphor_labels(poss) is not None and ref.depth < 2 and \
            subj.lower_ not in NAME_ONLY_ANAPHORS:  # ("his government": only a name says whose)
        return ref.follow(poss)
    return None


_POLL_VERBS = frozenset("poll survey interview question canvass".split())


@rule("entity.prep-owner")
def _prep_owner(ref: SubjectRef) -> RawEntity | None:
    # an anaphor the subject belongs to: "Revenue at the chip designer", "shares of the company"
    subj, entities = ref.tok, ref.document.entity_index
    # "Economists polled by Bloomberg", "analysts surveyed by LSEG": the members of a poll are the
    # pollster's set (news-dev CONVENTIONS 7.5)
    # (the value's own subject only: "Nurses surveyed by an insurer said they ..." are the nurses)
    polled = [p for c in subj.children if c.dep_ == "acl" and c.lemma_.lower() in _POLL_VERBS
              for p in c.children if p.dep_ == "agent" and p.lower_ == "by"] if ref.depth == 0 else []
    # "Foreign direct investment disbursed in Vietnam", "cars sold in Canada": a place the subject's
    # participle sets it in (acl)
    placed = [p for c in subj.children if c.dep_ == "acl" and c.tag_ == "VBN"
              for p in c.children if p.dep_ == "prep" and p.lower_ in ("in", "across", "throughout")]
    for prep in (*polled, *placed, *(c for c in subj.children if c.dep_ == "prep" and
                                     c.lower_ in ("at", "of", "for", "from", "in", "between", "with", "to"))):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        owner = entities.at(obj.idx) if obj is not None else None
        if owner is None and obj is not None:  # "the value added of Sichuan's major enterprises"
            poss = next((c for c in obj.children if c.dep_ == "poss"), None)
            owner = entities.at(poss.idx) if poss is not None else None
            if owner is None and poss is not None and _anaphor_labels(poss) is not None and ref.depth < 2:
                # "Forty-two of the company's employees": the company is an anaphor
                owner = ref.follow(poss)
        allowed = ("GPE", "LOC") if prep.lower_ in ("in", "across", "throughout", "to") \
            else ("ORG", "GPE", "LOC", "NORP") \
            if prep.lower_ in ("between", "with") else ("ORG",) if prep.lower_ == "by" \
            else ("ORG", "GPE", "LOC", "FAC", "PERSON")
        # "in Sichuan and Chongqing" names a list, "between China and the US" two parties:
        # the gold is the list, which accepts any member, and the record has one slot
        # (CONVENTIONS 7.5, 8.11): the first member
        if owner is not None and owner.label in allowed:
            return owner  # "Shares of Tidewater", "Revenue at Kestrel", "Temperatures in Gulmarg"
        if obj is not None and _anaphor_labels(obj) is not None and obj.pos_ == "NOUN" and ref.depth < 2:
            ent = ref.follow(obj)
            if ent is not None:
                return ent
    return None


@rule("entity.premodifier")
def _premodifier(ref: SubjectRef) -> RawEntity | None:
    # or one among its pre-modifiers ("Zhongguancun-based firms")
    # (not for an anaphor: "the Singapore-listed chip designer" is not Singapore)
    subj = ref.tok
    pre = [t for t in subj.subtree if t.i < subj.i] if _anaphor_labels(subj) is None else []
    for tok in reversed(pre):
        ent = _entity_at(ref.document, tok)
        if ent is not None and ent.label in ("ORG", "GPE", "LOC", "FAC", "PERSON"):
            return ent
    return None


@rule("entity.definite-name-head")
def _definite_name_head(ref: SubjectRef) -> RawEntity | None:
    # "the partnership" after "Capital Area Transit Partnership": a definite noun
    # phrase whose head is the last word of an earlier name
    subj = ref.tok
    if any(c.lower_ in ANAPHOR_DETERMINERS for c in subj.children) and subj.pos_ == "NOUN":
        head = subj.lemma_.lower()
        # the latest name ending before the subject whose last word is one of these
        return ref.document.latest_named(subj.idx, (head, head + "s", subj.lower_))
    return None


@rule("entity.no-anaphor")
def _no_anaphor(ref: SubjectRef) -> object:
    return NOTHING if _anaphor_labels(ref.tok) is None else None


@rule("entity.subdivision")
def _subdivision(ref: SubjectRef) -> RawEntity | None:
    # "The state has offered $180 million": the latest named place of that kind
    subj = ref.tok
    kind = _subdivision_kind(subj)
    if kind is not None:
        places = [e for e in ref.entities if e.end <= subj.idx and e.label in ("GPE", "LOC")
                  and e.canonical.lower() in _subdivisions(kind)]
        if places:
            return places[-1]
    return None


@rule("entity.name-only-anaphor")
def _name_only_anaphor(ref: SubjectRef) -> object:
    # "the government": only a name says whose (not the most salient ORG)
    return NOTHING if ref.tok.pos_ == "NOUN" and ref.tok.lower_ in NAME_ONLY_ANAPHORS else None


def _reporting_of(subj: Token) -> Token | None:
    # (for a possessive, the clause of the noun it owns: "Westgate said its haul trucks ... burn")
    return _reporting_verb(subj.head.head if subj.dep_ == "poss" and subj.head.dep_ in _SUBJ else subj.head)


@rule("entity.reported-pronoun")
def _reported_pronoun(ref: SubjectRef) -> object:
    # "Grupo Albarán said that it had completed ...": a pronoun subject of a
    # reported clause is the speaker
    subj = ref.tok
    labels = _anaphor_labels(subj) or ()
    reporting = _reporting_of(subj)
    if subj.pos_ == "PRON" and reporting is not None and ref.depth < 2:
        speaker = _subject(reporting)
        if speaker is not None and speaker != subj:
            ent = ref.follow(speaker)
            if ent is not None and ent.label in labels:
                return ent
            if ent is None and speaker.pos_ == "NOUN":
                # "Two-thirds of the workers surveyed said they drank ...": the
                # pronoun is the speaker, who is no named entity
                return NOTHING
    return None


@rule("entity.conjoined-clause-subject")
def _conjoined_clause_subject(ref: SubjectRef) -> object:
    # the subject of an earlier conjoined clause ("the group has doubled ..., and
    # since 2019 it has spent")
    subj = ref.tok
    labels = _anaphor_labels(subj) or ()
    verb = subj.head
    if subj.dep_ in _SUBJ and verb.dep_ == "conj" and verb.head.i < subj.i and ref.depth < 2:
        earlier = next((c for c in verb.head.children if c.dep_ in _SUBJ), None)
        if earlier is not None and earlier != subj:
            ent = ref.follow(earlier)
            if ent is not None and ent.label in labels:
                return ent
            if ent is None and subj.pos_ == "PRON" and earlier.pos_ == "NOUN" and _anaphor_labels(earlier) is None:
                return NOTHING  # "The rise is not yet a trend, but it's the second increase"
    return None


@rule("entity.earlier-clause-subject")
def _earlier_clause_subject(ref: SubjectRef) -> RawEntity | None:
    # the subject of an earlier clause of the same sentence, when it fits ("ASEAN stayed
    # China's largest trading partner: bilateral trade with the bloc climbed ...")
    # (a pronoun too: "KT&G sold 9.6 billion cigarettes; that volume was higher than the 9.1
    # billion it had sold a year ago")
    subj = ref.tok
    labels = _anaphor_labels(subj) or ()
    for tok in reversed([t for t in subj.sent if t.i < subj.i and t.dep_ in _SUBJ]):
        ent = _entity_at(ref.document, tok)
        if ent is not None and ent.label in labels and \
                (subj.pos_ == "NOUN" or subj.lower_ in ("it", "its")):
            return ent
    return None


@rule("entity.previous-sentence-subject")
def _previous_sentence_subject(ref: SubjectRef) -> object:
    # the previous sentence's subject entity, when it fits (following one more
    # anaphor back: "The city ... It is also seeking ...")
    subj, s_idx, sents = ref.tok, ref.s_idx, ref.document.sents
    labels = _anaphor_labels(subj) or ()
    if s_idx > 0 and ref.depth < 2:
        ranked: list[RawEntity] = []
        for tok in _sentence_subjects(ref.doc, sents, s_idx - 1):
            children = sorted((c for c in tok.children if c.dep_ in ("appos", "poss", "compound")),
                              key=lambda c: ("appos", "compound", "poss").index(c.dep_))
            for t in [tok, *children]:
                ent = _entity_at(ref.document, t)
                if ent is None and (t == tok or t.dep_ == "poss") and _anaphor_labels(t) is not None:
                    # (also an anaphoric possessor: "The company's operating profit climbed
                    # ... It also raised its outlook")
                    ent = ref.follow(t, s_idx=s_idx - 1)
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
            return NOTHING
    return None


@rule("entity.plural-pronoun")
def _plural_pronoun(ref: SubjectRef) -> object:
    # a plural pronoun is most often a group of people or things, not a name
    return NOTHING if ref.tok.lower_ in ("they", "them") else None


@rule("entity.in-focus")
def _in_focus(ref: SubjectRef) -> RawEntity | None:
    # else the entity an anaphor of the last two sentences resolved to ("here" ->
    # Zhongguancun, then "this area"): the place or company in focus
    focus = ref.focus.by_label
    for label in _anaphor_labels(ref.tok) or ():
        if label in focus and 0 <= ref.s_idx - focus[label][0] <= 2 and focus[label][1].end <= ref.tok.idx:
            return focus[label][1]
    return None


@rule("entity.most-salient")
def _most_salient(ref: SubjectRef) -> RawEntity | None:
    # else the most salient fitting entity so far: the most mentioned in the
    # article up to here, a mention as a subject counting double (ties: the one
    # named first); labels in order of preference. Not a noun anaphor's own speaker's
    # firm ("Analysts at Brightwater noted that the stock fell": not Brightwater's).
    subj, doc = ref.tok, ref.doc
    reporting = _reporting_of(subj)
    speaker = _subject(reporting) if reporting is not None and subj.pos_ == "NOUN" else None
    left, right = (speaker.left_edge.idx, speaker.right_edge.idx + len(speaker.right_edge)) \
        if speaker is not None else (0, 0)
    entities = [e for e in ref.entities if not left <= e.start < right]
    for label in _anaphor_labels(subj) or ():
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
            top = next(e for e in before if counts[e.canonical] == best).canonical
            return [e for e in before if e.canonical == top][-1]
    return None


# -- chain entity.clause: a subject that names no entity itself -----------------------

@dataclass(frozen=True)
class ClauseRef:
    """A value's clause, for a subject that resolved to no entity."""

    value: Value
    anchor: Anchor
    focus: Focus
    quoted: bool

    def resolve(self, tok: Token) -> RawEntity | None:
        return entity_for(SubjectRef(self.value.document, tok, self.value.s_idx, self.value.at, self.focus))


def clause_entity(ref: ClauseRef) -> RawEntity | None:
    """The entity the clause gives a subject that names none (chain ``entity.clause``)."""
    found: RawEntity | None = first("entity.clause", ref.value.at, ref)
    return found


@rule("entity.speaker-organisation")
def _speaker_organisation(ref: ClauseRef) -> RawEntity | None:
    verb = ref.anchor.verb
    # the reported clause, or a clause conjoined to it ("said like-for-like sales
    # rose 2.9 percent ..., and pre-tax profit came in at £412 million")
    reported = verb.head if verb is not None and verb.dep_ == "conj" and verb.head.dep_ == "ccomp" else verb
    speech = reported.head if reported is not None and reported.dep_ == "ccomp" and \
        reported.head.lemma_ in SPEECH_VERBS else _inverted_speech(verb) if verb is not None else None
    if speech is None:
        return None
    # "Harlow said profit rose 8 percent": the profit is the speaker's
    speaker_subj = _subject(speech)
    if speaker_subj is not None and not ref.quoted:
        ent = ref.resolve(speaker_subj)
        # the organisation itself speaks, by name ("Kestrel said"; "the company
        # said" names no one: the sentence then has no entity, CONVENTIONS 7.5),
        # not people at it ("Analysts at Brightwater noted that the stock fell"),
        # and not a public body reporting others' figures ("exports rose, the
        # General Administration of Customs said")
        if ent is not None and ent.label == "ORG" and \
                ent.start <= speaker_subj.idx < ent.end and not _is_source_body(ent):
            return ent
    return None


def _measured(ref: ClauseRef) -> tuple[Token, Token] | None:
    """The verb and subject when the subject is a measured attribute (not a name or agent)."""
    verb, subj = ref.anchor.verb, ref.anchor.subj
    if verb is None or subj is None or not _measurable_subject(subj, ref.value.span):
        return None
    return verb, subj


@rule("entity.fronted-place")
def _fronted_place(ref: ClauseRef) -> RawEntity | None:
    # "In Ontario, the largest province, the jobless rate edged down": a place
    # set before the subject scopes the figure
    if (vs := _measured(ref)) is None:
        return None
    verb, subj = vs
    scope = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "across")
                  and c.i < subj.left_edge.i), None)
    obj = next((c for c in scope.children if c.dep_ == "pobj"), None) if scope is not None else None
    place = ref.value.document.entity_index.at(obj.idx) if obj is not None else None
    if place is not None and place.label in ("GPE", "LOC"):
        return place
    return None


@rule("entity.complement-owner")
def _complement_owner(ref: ClauseRef) -> RawEntity | None:
    # "We expect revenue to grow 12 percent": whose revenue is the subject of
    # the verb the clause is the complement of
    if (vs := _measured(ref)) is None:
        return None
    upper = vs[0]
    while upper.dep_ in ("xcomp", "ccomp") and upper.head != upper:
        upper = upper.head
        owner = next((c for c in upper.children if c.dep_ in _SUBJ), None)
        if upper.lemma_ not in SPEECH_VERBS and owner is not None and \
                (owner.lower_ in ("we", "it") or owner.ent_type_ == "ORG"):
            found = ref.resolve(owner)
            if found is not None:
                return found
    return None


@rule("entity.coordinated-company")
def _coordinated_company(ref: ClauseRef) -> RawEntity | None:
    # "Revenue at the chip designer rose 5.8 percent ..., while earnings came
    # in at $0.42 a share": a figure coordinated with one of a company's is the
    # same company's
    if (vs := _measured(ref)) is None:
        return None
    verb = vs[0]
    if verb.dep_ not in ("conj", "advcl") or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    earlier = next((c for c in verb.head.children if c.dep_ in _SUBJ), None)
    company = ref.resolve(earlier) if earlier is not None else None
    if earlier is not None and company is not None and company.label == "ORG" and \
            _measurable_subject(earlier, ref.value.span):
        return company
    return None


@rule("entity.where-relative")
def _where_relative(ref: ClauseRef) -> RawEntity | None:
    # "... the Chengdu Hi-tech Industrial Development Zone, where sector revenue
    # topped 1.2 trillion yuan": the place the relative clause is about
    verb, subj = ref.anchor.verb, ref.anchor.subj
    if verb is not None and subj is not None and verb.dep_ == "relcl" and subj.pos_ != "PRON" and \
            any(c.lower_ == "where" for c in verb.children) and \
            not any(c.dep_ == "conj" for c in verb.head.children):
        return ref.value.document.entity_index.at(verb.head.idx)
    return None


@rule("entity.here-there")
def _here_there(ref: ClauseRef) -> RawEntity | None:
    # "200 models have been nurtured here", "90 unicorns call this area home":
    # a subject with no name of its own belongs to the place the verb names
    verb, subj = ref.anchor.verb, ref.anchor.subj
    if verb is None or subj is None or subj.pos_ != "NOUN":
        return None
    loc = next((c for t in (verb, subj) for c in t.children if c.lower_ in ("here", "there")), None)
    if loc is None:
        loc = next((c for c in verb.children if c.dep_ == "dobj" and
                    set(_anaphor_labels(c) or ()) & {"GPE", "LOC"}), None)
    return ref.resolve(loc) if loc is not None else None


def _nameless_noun(ref: ClauseRef) -> tuple[Token, Token] | None:
    verb, subj = ref.anchor.verb, ref.anchor.subj
    if verb is None or subj is None or subj.pos_ != "NOUN" or subj.ent_type_ or _anaphor_labels(subj) is not None:
        return None
    return verb, subj


@rule("entity.clause-place-anaphor")
def _clause_place_anaphor_rule(ref: ClauseRef) -> RawEntity | None:
    # "4,789,432 tourists arrived in the country": the place the anaphor names
    if (vs := _nameless_noun(ref)) is None or (place_word := _clause_place_anaphor(*vs)) is None:
        return None
    return ref.resolve(place_word)


_VALUE_PLACE = re.compile(r"\s+(?:in|across|throughout)\s+(?:the\s+)?")
# "highest in Manitoba, at 12%": the place, then the figure set off after it
_PLACE_BEFORE = re.compile(r"\b(?:in|across|throughout)\s+(?:the\s+)?$")
_AT_VALUE = re.compile(r"\s*,\s*at\s+(?:about|around|roughly|nearly|almost|just|some)?\s*$")


@rule("entity.value-place")
def _value_place_rule(ref: ClauseRef) -> RawEntity | None:
    # "Sales rose 3% in Ontario and 5% in Quebec": the place right after each figure; "was
    # highest in Manitoba, at 12%, and lowest in Ontario, at 4%": right before it
    if _nameless_noun(ref) is None:
        return None
    text, span, index = text_of(ref.value.doc), ref.value.span, ref.value.document.entity_index
    after = _VALUE_PLACE.match(text, span.end_char)
    if after is not None:
        return next((e for e in index.starting_in(after.end(), after.end() + 1) if e.label in ("GPE", "LOC")), None)
    return next((e for e in index.starting_in(max(0, span.start_char - 80), span.start_char)
                 if e.label in ("GPE", "LOC") and e.end <= span.start_char
                 and _AT_VALUE.fullmatch(text, e.end, span.start_char)
                 and _PLACE_BEFORE.search(text, max(0, e.start - 20), e.start)), None)


@rule("entity.clause-place")
def _clause_place_rule(ref: ClauseRef) -> RawEntity | None:
    # "At stations across Metro Vancouver, the price climbed to 173.9 cents", "gas
    # prices hit another all-time high in Vancouver": the one place the clause
    # sets the figure in holds it (news-dev CONVENTIONS 7.5, "context"); so too when the
    # subject is a "they" or "it" no name was found for ("while in Italy they averaged
    # 77.40 euros": the prices)
    vs = _nameless_noun(ref)
    verb, subj = ref.anchor.verb, ref.anchor.subj
    if vs is None and verb is not None and subj is not None and subj.lower_ in ("they", "it"):
        vs = verb, subj
    if vs is None:
        return None
    return _clause_place(*vs, ref.value.document)


def _sentence_subjects(doc: Doc, sents: list[Span], s_idx: int) -> list[Token]:
    """The subjects of a sentence, not relative or wh- pronouns (no referents of their own);
    cached per doc: every anaphor of the next sentence asks."""
    cache = doc.user_data.setdefault("newsclaims_sentence_subjects", {})
    if s_idx not in cache:
        cache[s_idx] = [t for t in sents[s_idx] if t.dep_ in _SUBJ and t.tag_ not in ("WP", "WDT", "WP$") and
                        t.lower_ not in ("who", "which", "that", "whom", "what")]
    return cache[s_idx]  # type: ignore[no-any-return]


_LOCATIVE_PREPS = frozenset("in across at throughout around inside within".split())


def _same_subject_verbs(verb: Token) -> list[Token]:
    """``verb`` and the verbs of its clause that share its subject: an infinitive complement
    ("have agreed to locate in the area") and, for a conjunct with no subject of its own,
    the verb it is conjoined to ("arrived in the country and spent $3.4 billion")."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB")]
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not any(c.dep_ in _SUBJ for c in verb.children):
        verbs.append(verb.head)
    return verbs


def _clause_place_anaphor(verb: Token, subj: Token) -> Token | None:
    """A place anaphor ("the country", "the region") as the object of a locative phrase of
    ``verb`` or a verb sharing its subject, outside the subject."""
    for prep in (c for v in _same_subject_verbs(verb) for c in v.children):
        if prep.dep_ != "prep" or prep.lower_ not in _LOCATIVE_PREPS or prep.i < subj.i:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.pos_ == "NOUN" and set(_anaphor_labels(obj) or ()) & {"GPE", "LOC"}:
            return obj
    return None


def _clause_place(verb: Token, subj: Token, document: Document) -> RawEntity | None:
    """The one named place a locative phrase of ``verb``'s own clause names (outside its
    subject, not inside another clause with its own subject), else None."""
    doc = verb.doc
    skip = {t.i for t in subj.subtree}
    found: dict[str, RawEntity] = {}
    roots: dict[str, Token] = {}
    sent = verb.sent
    # only a place sharing a character with the sentence (or the space after its last
    # token, which char_span's "expand" gives that token) can have its root in it
    for ent in document.entities_labelled("GPE", "LOC", "FAC").overlapping(sent.start_char, sent.end_char + 2):
        e_span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
        if e_span is None or e_span.root.i in skip or not sent.start <= e_span.root.i < sent.end:
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
            roots.setdefault(ent.canonical, e_span.root)
    if len(found) > 1:
        # "grew 4 percent in Ontario and Quebec": one list of places, whose gold is the
        # list; any member is right and the record has one slot (CONVENTIONS 7.5, 8.11)
        heads = list(roots.values())
        listed = all(t.dep_ == "conj" and t.head in heads for t in heads[1:])
        return next(iter(found.values())) if listed else None
    return next(iter(found.values()), None)


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
