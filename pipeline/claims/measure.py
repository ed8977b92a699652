"""Stage measure: what a value measures (news-dev CONVENTIONS 7.6).

Chain ``measure`` (rules/measure.toml) tries the rules in order, the first answer
decides; chain ``measure.adjust`` then corrects it from the sentence's frame (an
exchange rate, a frame noun, a heading). :func:`_clean_measure` strips leading
determiners and the claim's own date phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.claims.anchor import _heading
from pipeline.claims.context import Anchor, Frame, Value
from pipeline.claims.engine import NOTHING, each, first, rule
from pipeline.claims.syntax import (
    _CHANGE_VERBS,
    _NUMERIC,
    _governing_preposition,
    _in_date,
    _is_date_like,
    _measurable_subject,
    _phrase,
    _predicate,
    _text,
)
from pipeline.lexicons.changes import (
    AMOUNT_LEVEL_NOUNS,
    BASIS_PATTERNS,
    DECREASE_NOUNS,
    FORM_NOUNS,
    GROWTH_RATE_WORDS,
    INCREASE_NOUNS,
    LEVEL_AT_VERBS,
    LEVEL_VERBS,
    SETTING_NOUNS,
)
from pipeline.lexicons.roles import (
    AGENT_NOUNS,
    FRAME_NOUNS,
    MONEY_MOVING_VERBS,
    TRANSFER_VERBS,
)
from pipeline.nlp import RawChange, RawNumeric, RawPercentage, RawQuantity, span_text, text_of
from pipeline.normalize.money import currency_code
from pipeline.spans import mentions_by_position


@dataclass(frozen=True)
class MeasureRef:
    """A value with its anchor, for the measure rules; ``of`` is the share's base, None
    when that base is a period ("the 6.8 percent of the previous quarter": its time)."""

    value: Value
    verb: Token | None
    subj: Token | None
    of: str | None

    @property
    def span(self) -> Span:
        return self.value.span

    @property
    def doc(self) -> Doc:
        return self.value.doc

    @property
    def mention(self) -> RawNumeric:
        return self.value.value


def measure_of(value: Value, anchor: Anchor) -> str | None:
    """What is measured (chain ``measure``), before the frame's corrections."""
    mention = value.value
    raw = mention.of if isinstance(mention, RawPercentage) else None
    of = None if raw and _of_is_a_date(value.doc, mention, raw) else raw
    found: str | None = first("measure", value.at, MeasureRef(value, anchor.verb, anchor.subj, of))
    return found


@rule("measure.multiplied-object")
def _multiplied_object(m: MeasureRef) -> str | None:
    # "the group has doubled its intermodal capacity": what was doubled
    verb, span = m.verb, m.span
    if verb is not None and isinstance(m.mention, RawPercentage) and span.root == verb:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            return _phrase(obj, verb)
    return None


@rule("measure.population-share")
def _population_share(m: MeasureRef) -> str | None:
    # "64 per cent of adults are either overweight or obese", "Two-thirds of the workers
    # surveyed said ...": a share of a group measures the group, its base (news-dev
    # CONVENTIONS 7.6 "Shares", 8.6); what the group does is the predicate's
    verb, span = m.verb, m.span
    if verb is not None and _is_population_share(span, m.mention) and \
            any(t.head == verb and t.dep_ in ("nsubj", "nsubjpass") and t.i < verb.i
                for t in (*span, span.root.head)):
        return _population_base(span)
    return None


@rule("measure.duration-adverbial")
def _duration_adverbial(m: MeasureRef) -> object:
    # "switched off its panels for a total of 210 hours", "shut the road for 9 days": how long
    # an event lasted measures no attribute (CONVENTIONS 7.6: durations given as objects or
    # adverbials have no measure), not the event's object nor the frame noun "total"
    value = m.mention
    if not (isinstance(value, RawQuantity) and value.dimension == "[time]") or m.verb is None:
        return None
    prep = _governing_preposition(m.span)
    if prep is not None and prep.lower_ == "of" and prep.head.lower_ in ("total", "period", "span", "stretch"):
        prep = prep.head.head if prep.head.dep_ == "pobj" else None  # "for a total of 210 hours"
    if prep is not None and prep.lower_ in ("for", "over") and prep.head == m.verb:
        return NOTHING
    return None


@rule("measure.moved-money")
def _moved_money(m: MeasureRef) -> object:
    # "will spend 12 million euros on community programmes", "For about $9.41 billion in
    # cash, Walgreens is acquiring Rite Aid": money an agent moves leaves its attribute
    # unnamed (CONVENTIONS 7.6: no measure for money objects of acquire, invest, spend,
    # set aside, move, supply), not what it goes to nor what it is paid in
    verb, root = m.verb, m.span.root
    if m.mention.kind != "money" or verb is None or _predicate(verb) not in MONEY_MOVING_VERBS:
        return None
    if root.head == verb and root.dep_ in ("dobj", "obj") or \
            root.dep_ == "pobj" and root.head.lower_ == "for" and root.head.head == verb:
        return NOTHING
    return None


def _change_noun(span: Span) -> Token | None:
    change_noun = span.root.head if span.root.dep_ in ("compound", "nummod", "amod") else \
        span.root.head.head if span.root.dep_ == "pobj" and span.root.head.lower_ in ("to", "of") else None
    if change_noun is not None and change_noun.pos_ == "NOUN" and \
            change_noun.lemma_.lower() in INCREASE_NOUNS | DECREASE_NOUNS:
        return change_noun
    return None


@rule("measure.change-noun-in")
def _change_noun_in(m: MeasureRef) -> str | None:
    # "a 6.4 percent rise in first-half revenue to 1.27 billion pounds": what rose
    change_noun = _change_noun(m.span)
    if change_noun is None:
        return None
    what = next((c for c in change_noun.children if c.dep_ == "prep" and c.lower_ == "in"), None)
    obj = next((c for c in what.children if c.dep_ == "pobj"), None) if what is not None else None
    if what is not None and obj is not None and obj.ent_type_ not in ("GPE", "LOC", "DATE") and \
            not _is_date_like(obj) and not _in_date(obj):
        return span_text(m.doc[what.i + 1:obj.i + 1])
    return None


@rule("measure.change-noun-event-subject")
def _change_noun_event_subject(m: MeasureRef) -> str | None:
    # "..., following a 2.0 per cent increase in December": the event's own subject
    # is what changed (CONVENTIONS 7.3 item 6)
    change_noun = _change_noun(m.span)
    verb, subj = m.verb, m.subj
    if change_noun is not None and verb is not None and subj is not None and _measurable_subject(subj, m.span) and \
            change_noun.dep_ in ("pobj", "appos") and \
            not any(c.dep_ == "compound" for c in change_noun.children) and \
            not (m.mention.kind == "money" and change_noun.lemma_.lower() in AMOUNT_LEVEL_NOUNS):
        return _phrase(subj, verb)
    return None


@rule("measure.comparative-noun")
def _comparative_noun(m: MeasureRef) -> str | None:
    # "burn up to 20 percent less fuel per tonne-mile than ...": the noun compared
    doc, span = m.doc, m.span
    comparative = doc[span.end] if span.end < len(doc) else None
    if comparative is not None and comparative.lower_ in ("more", "less", "fewer") and \
            comparative.head.pos_ == "NOUN" and comparative.head.i == span.end + 1:
        noun = comparative.head
        end = noun.i + 1
        while end < len(doc) and doc[end].head.i >= noun.i and doc[end].lower_ != "than" and \
                (not doc[end].is_punct or doc[end].tag_ == "HYPH") and \
                doc[end].dep_ in ("prep", "pobj", "compound", "punct"):
            end += 1
        return span_text(doc[noun.i:end])
    return None


@rule("measure.in-of-phrase")
def _in_of_phrase(m: MeasureRef) -> str | None:
    doc, value = m.doc, m.mention
    after = text_of(doc)[value.end:value.end + 4].lower()
    last = m.span[-1]
    if value.kind in ("money", "quantities") and after.startswith((" in ", " of ")):
        nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if nxt is not None and nxt.lower_ in ("in", "of"):
            objs = [c for c in nxt.children if c.dep_ == "pobj"]
            in_date = objs and mentions_by_position(doc, "dates").at(objs[0].idx) is not None
            if objs and not in_date and objs[0].ent_type_ not in ("GPE", "LOC", "DATE", "FAC") and \
                    not _is_date_like(objs[0]) and objs[0].lemma_.lower() not in SETTING_NOUNS:
                # with its conjuncts: "40 million barrels of diesel and jet fuel a month"
                last_obj = max([objs[0], *(c for c in objs[0].children if c.dep_ == "conj")], key=lambda t: t.i)
                return span_text(doc[nxt.i + 1:last_obj.i + 1])
    return None


@rule("measure.modified-noun")
def _modified_noun(m: MeasureRef) -> str | None:
    # the value modifies the noun after it: "a £250 million share buyback", "a
    # 45-acre site" (a count's noun is its counted noun instead, below)
    doc, span, value = m.doc, m.span, m.mention
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
    return None


@rule("measure.reference-level")
def _reference_level(m: MeasureRef) -> str | None:
    # "Bus ridership has recovered to about 88 percent of its 2019 level": the
    # base is a reference level of the subject, which is what is measured
    if m.of and m.of.split()[-1].lower() in _LEVEL_NOUNS and m.verb is not None and m.subj is not None and \
            _measurable_subject(m.subj, m.span):
        return _phrase(m.subj, m.verb)
    return None


@rule("measure.share-of-verb")
def _share_of_verb(m: MeasureRef) -> str | None:
    if isinstance(m.mention, RawPercentage) and m.span.root.head.pos_ in ("VERB", "AUX") and m.of:
        return m.of
    return None


def _describable(m: MeasureRef, noun: Token) -> bool:
    # not a bare change ("a 12 percent drop"; but "sales growth of 5 percent" says
    # what grows), a name, a period or another value
    bare_change = noun.lemma_.lower() in (INCREASE_NOUNS | DECREASE_NOUNS) and \
        not any(c.dep_ in ("compound", "poss") for c in noun.children) and \
        not (m.mention.kind == "money" and noun.lemma_.lower() in AMOUNT_LEVEL_NOUNS)  # "a loss of $24.4m"
    # (a number that is part of a date is no other value: "2018 revenues of between ...",
    # "a deficit of $28.3 billion in 2024-25")
    return not bare_change and not noun.ent_type_ \
        and not _is_date_like(noun) and not any(c.like_num and not _in_date(c) for c in noun.children)


@rule("measure.described-noun")
def _described_noun(m: MeasureRef) -> str | None:
    # the value describes a noun: "R&D spending near six percent"
    span, root = m.span, m.span.root
    head = root.head
    if _describable(m, head) and head.pos_ in ("NOUN", "PROPN") and head.i < span.start and root.dep_ in (
            "npadvmod", "appos", "amod", "nmod", "advmod", "pobj", "dobj", "attr", "nummod", "prep"):
        left = min((t.i for t in head.subtree if t.i <= head.i and t.dep_ != "prep"), default=head.i)
        return span_text(m.doc[left:head.i + 1])
    return None


def _per_unit_head(noun: Token) -> Token:
    """The noun a per-unit phrase belongs to: "share" in "earnings per share" -> "earnings"
    (the parser hangs "of $2.10" on "share"); else ``noun`` itself."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "per" and noun.head.head.pos_ in ("NOUN", "PROPN") and \
            noun.head.head.i < noun.i:
        return noun.head.head
    return noun


def _first_root(span: Span) -> Token:
    """The root of a range's first figure ("$2.10" in "$2.10 to $2.20": the parser often hangs
    "to $2.20" on the verb, which makes the "to" the whole span's root); else the span's root."""
    root = span.root
    if root.lower_ == "to" and root.i > span.start and root.head.i not in range(span.start, span.end):
        return span[:root.i - span.start].root
    return root


@rule("measure.described-noun-head")
def _described_noun_head(m: MeasureRef) -> str | None:
    span = m.span
    whole = span.root
    for root in dict.fromkeys((whole, _first_root(span))):
        head = root.head
        if head.head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("advmod", "prep", "amod") and \
                head.head.i < span.start and _describable(m, head.head) and \
                not (root.i != whole.i and head.head.lemma_.lower() in FORM_NOUNS):
            noun = head.head
            owner = _per_unit_head(noun)  # "earnings per share of $2.10": the earnings per share
            left = min(t.i for t in owner.subtree if t.i <= owner.i)
            return span_text(m.doc[left:noun.i + 1])
    return None


@rule("measure.share-base")
def _share_base(m: MeasureRef) -> str | None:
    return m.of if isinstance(m.mention, RawPercentage) and m.of else None


@rule("measure.plain-count")
def _plain_count(m: MeasureRef) -> object:
    # a plain count names what it counts, not an attribute: "sold 9.6 billion
    # cigarettes", "adding 160,000 jobs" (the counted noun is in ``counted``)
    value = m.mention
    if isinstance(value, RawQuantity) and value.counted and value.unit is None:
        return NOTHING
    return None


@rule("measure.verb-object")
def _verb_object(m: MeasureRef) -> str | None:
    # "held its deposit rate at 2 percent", "cut the rate to 4 percent": the verb's object
    verb, root = m.verb, m.span.root
    if verb is not None and root.dep_ == "pobj" and root.head.lower_ in ("at", "to", "by") and \
            root.head.head == verb:
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < root.i), None)
        if obj is not None and obj.pos_ == "NOUN" and _describable(m, obj):
            return _phrase(obj)
    return None


@rule("measure.level-subject")
def _level_subject(m: MeasureRef) -> str | None:
    # the subject is what is measured when it is a common noun phrase and the
    # verb states its level or change: "Revenue rose to US$6.7 billion"
    verb, subj = m.verb, m.subj
    if verb is not None and subj is not None and subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" and \
            verb.head.pos_ in ("NOUN", "PROPN"):
        subj = verb.head  # "Kessel's shares, which have gained 23%": the relative pronoun's antecedent
    if verb is not None and subj is not None and _measurable_subject(subj, m.span) and \
            (m.mention.change is not None or verb.lemma_ in LEVEL_VERBS
             or verb.lemma_ in _CHANGE_VERBS or verb.lemma_ in LEVEL_AT_VERBS and _at_level(verb, m.span)):
        return _phrase(subj, verb)
    return None


def _at_level(verb: Token, span: Span) -> bool:
    """The value follows "at" on the verb: "held at 5%", "held steady at 5%"."""
    prep = _governing_preposition(span)
    return prep is not None and prep.lower_ == "at" and verb in (prep.head, prep.head.head)


@rule("measure.attribute-subject")
def _attribute_subject(m: MeasureRef) -> str | None:
    # any other verb stating the figure of a subject that is an attribute, not an agent:
    # "cess yielded ₹10,355 crore", "The average workweek lengthened to 34.5 hours"
    # (not "the government moved ₹33,408 crore", "Economists had looked for 200,000")
    verb, subj, value = m.verb, m.subj, m.mention
    if verb is not None and subj is not None and _measurable_subject(subj, m.span) and \
            verb.lemma_ not in TRANSFER_VERBS and _predicate(verb) not in TRANSFER_VERBS and \
            subj.lemma_.lower() not in AGENT_NOUNS and \
            not (isinstance(value, RawQuantity) and value.unit is None):
        return _phrase(subj, verb)
    return None


# -- chain measure.adjust: the frame corrects the measure --------------------------------

def adjust(value: Value, anchor: Anchor, frame: Frame) -> None:
    """Apply the corrections of chain ``measure.adjust`` to ``frame``."""
    each("measure.adjust", value.at, value, anchor, frame)


@rule("measure.exchange-rate")
def _exchange_rate(value: Value, anchor: Anchor, frame: Frame) -> bool:
    # "the dollar averaged 1,193.60 won": an exchange rate, whose attribute the text
    # leaves unnamed (CONVENTIONS 7.6): the currency is the subject, not the measure
    subj = anchor.subj
    if value.value.kind == "money" and subj is not None and subj.pos_ in ("NOUN", "PROPN") and \
            currency_code(subj.lemma_) is not None and frame.measure is not None:
        frame.measure = None
        return True
    return False


@rule("measure.frame-noun")
def _frame_noun(value: Value, anchor: Anchor, frame: Frame) -> bool:
    # "Revenue ... in a range of $2.34 billion to $2.36 billion", "an annual rate of
    # 1.4%": a frame noun gives way to what the clause is about
    if frame.measure is not None and anchor.verb is not None and _framed(value.span, frame.measure):
        better = _framed_measure(anchor.verb, anchor.subj, value.span)
        if better is not None and better != frame.measure:
            frame.measure = better
            return True
    return False


@rule("measure.heading")
def _heading_rule(value: Value, anchor: Anchor, frame: Frame) -> bool:
    # "• Revenue: $3.61 billion vs. $3.57 billion expected": a verbless heading names
    # the subject and what is measured (CONVENTIONS 7.3 item 10)
    heading = _heading(value.doc, value.sent, value.span)
    subj, verb, sent, span = anchor.subj, anchor.verb, value.sent, value.span
    # (a subject of the line's own is not the heading's: but the parser may make the
    # heading the subject of a later participle, "Operating income: $412 million vs.
    # $398 million expected")
    if heading is None:
        return False
    head_end = text_of(value.doc).find(heading, sent.start_char, span.start_char) + len(heading)
    if subj is not None and sent.start <= subj.i < span.start and head_end <= subj.idx:
        return False
    frame.subject = frame.measure = heading
    # the heading's own value (right after the colon) is verbless (CONVENTIONS 7.4) unless
    # a verb stands between; a later value in the line keeps its verb ("vs. $398 million
    # expected"); a bullet the tagger reads as a verb ("• Revenue: ...") is none
    own = not text_of(value.doc)[head_end:span.start_char].strip(" :\t")
    if verb is not None and (own and not head_end <= verb.idx < span.start_char or not verb.is_alpha):
        frame.predicate = None
    return True


_LEVEL_NOUNS = frozenset("level levels peak average high low record norm capacity".split())


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
        inside = sorted((d.start, d.end) for d in mentions_by_position(doc, "dates").starting_in(start, end + 1)
                        if d.end <= end)
        for d_start, d_end in reversed(inside):
            head_words = text[start:d_start].split()
            if all(w.lower() in _MEASURE_LEADS for w in head_words):
                start = d_end  # a date modifying the noun: "first-quarter net profit"
                while start < end and text[start] in " -\u2013":
                    start += 1
            elif not text[d_end:end].strip(" ,") or text[d_end:end].strip(" ,").lower() in _PERIOD_HEADS:
                # a trailing date phrase: "revenue for the third quarter", "the trade surplus for
                # the January-July period"
                end = d_start
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
        lead = next(iter(mentions_by_position(doc, *_NUMERIC).starting_in(start, start + 1)), None)
        if lead is not None:
            rest = text[lead.end:end]
            if rest.lower().startswith(" of ") and rest[4:].strip():
                measure = rest[4:].strip(" ,")
            elif not rest.strip(" ,"):
                return None  # another figure is no measure ("9% vaped daily, compared with 5%")
    # a trailing period that is no date mention: "the monthly average across the full year"
    measure = _TRAILING_PERIOD.sub("", measure) or measure
    words = measure.split(None, 1)
    while len(words) == 2 and words[0].lower() in _MEASURE_LEADS:
        measure = words[1]
        words = measure.split(None, 1)
    return measure


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


# Nouns a date may modify that end a date phrase: "the January-July period", "the 2024 season"
_PERIOD_HEADS = frozenset("period periods season months quarter window".split())


def _of_is_a_date(doc: Doc, value: RawNumeric, of: str) -> bool:
    """The "of" phrase after a share is a date mention ("of the previous quarter")."""
    at = text_of(doc).find(of, value.end, value.end + 12 + len(of))
    if at < 0:
        return False
    words = of.split()
    while len(words) > 1 and words[0].lower() in _MEASURE_LEADS:
        words = words[1:]
    first = at + len(of) - len(" ".join(words))  # (not "its 2019 level": a level, dated)
    # (a date with start <= first and end >= at + len(of))
    return bool(mentions_by_position(doc, "dates").overlapping(at + len(of) - 1, first + 1))


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
