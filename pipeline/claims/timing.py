"""Stage time: the date that scopes a value (``time``, ``time_source``).

The dates of the value's sentence are ranked — a date right after the value
first, then its own clause's, then the nearest — after chain ``time.basis``
(rules/time.toml) has set aside comparison bases and chain ``time.exclude`` the
dates of another event. With no date in the sentence, the latest period of the
previous sentence of the same paragraph is carried, unless chain
``time.carry-filter`` removes it or chain ``time.carry-veto`` forbids carrying.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from pipeline.claims.context import Value
from pipeline.claims.engine import any_of, rule
from pipeline.claims.measure import _of_is_a_date
from pipeline.claims.syntax import (
    _CHANGE_VERBS,
    _PERIOD_NOUNS,
    _SUBJ,
    _coordinated,
    _governing_preposition,
    _governing_verb,
    _is_figure_word,
    _value_appositions,
)
from pipeline.lexicons.anaphora import (
    SPEECH_VERBS,
)
from pipeline.lexicons.changes import (
    DECREASE_NOUNS,
    INCREASE_NOUNS,
    LEVEL_VERBS,
)
from pipeline.nlp import NUMERIC_KINDS, RawClaim, RawDate, RawPercentage, RawQuantity, text_of
from pipeline.spans import mentions_by_position


@dataclass(frozen=True)
class DateRef:
    """A date of the value's sentence, seen from the value (for chains time.basis/exclude)."""

    value: Value
    verb: Token | None  # the value's verb
    date: RawDate
    d_verb: Token | None  # the date's verb
    adjacent: bool  # right after the value: "£388 million a year ago"
    own_level: bool  # a level's own clause: "the 9.1 billion it had sold a year ago"
    in_base: bool  # inside the share's base: "88 percent of its 2019 level"
    compared: bool  # after the value's comparative: "30 cents above where it stood in April"


@dataclass(frozen=True)
class CarryRef:
    """A date of the previous sentence that could be carried to the value."""

    value: Value
    verb: Token | None
    date: RawDate
    earlier: list[RawClaim]  # the claims before this one in its sentence and the previous one, with their times


def time_of(value: Value, verb: Token | None, earlier: list[RawClaim]) -> tuple[RawDate | None, str | None]:
    """The date that scopes a value and where it comes from ("sentence"/"carried"), or (None, None).

    ``earlier``: the claims before the value's in its sentence and the previous one, whose
    times say which period of the previous sentence scoped a figure there (and may be
    carried). (A claim's time is a date of its own sentence or of the one before, so no
    claim further back has one of these dates.)
    """
    doc, span, sent, s_idx = value.doc, value.span, value.sent, value.s_idx
    mention, sents = value.value, value.document.sents
    in_sent = value.document.date_index.starting_in(sent.start_char, sent.end_char)
    # "about 88 percent of its 2019 level": a date inside a share's base is its basis
    base = (mention.of if isinstance(mention, RawPercentage) else None) or ""
    if base and _of_is_a_date(doc, mention, base):
        base = ""  # "the 6.8 percent of the previous quarter": the period is its time
    base_start = text_of(doc).find(base, span.end_char, span.end_char + 8 + len(base)) if base else -1
    base_end = base_start + len(base) if base_start >= 0 else -1
    if _is_basis_value(span):
        # "fell to ¥41.3 billion from ¥47.9 billion": the earlier figure's time is the
        # comparison date when the sentence gives one ("a year earlier"), else unknown
        # (not one in another figure's phrase: "fell to 3.1%, its lowest since early 2022, and ...
        # eased to 4.6% from 5.0%")
        basis_dates = [d for d in in_sent
                       if _is_comparison_date(doc, d) and not _in_another_values_phrase(doc, d, span)]
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
            # (not when another figure stands between: "totalled $12.6 billion, up 8.4% from the
            # same period last year" - the comparison date is the 8.4%'s basis)
            own_level = mention.change is None and d_verb is not None and d_verb == verb and \
                verb.lemma_ not in _CHANGE_VERBS and not _COMPARED_BETWEEN.search(between) and \
                not any(o.end <= d.start for o in mentions_by_position(doc, *NUMERIC_KINDS).starting_in(
                    span.end_char, d.start + 1))
            ref = DateRef(value, verb, d, d_verb, adjacent=adjacent, own_level=own_level,
                          in_base=base_start <= d.start < base_end,
                          compared=d.start >= span.end_char and _COMPARED_BETWEEN.search(between) is not None)
            basis = int(any_of("time.basis", value.at, ref))
            # "about 6,200 employees this year": a date right after the value (or its
            # counted noun) is its time, whatever clause the parser hung it on
            counted = mention.counted if isinstance(mention, RawQuantity) else None
            follows = d.start >= span.end_char and between.strip() in ("", counted or "")
            return (basis, int(not follows), speech, other_clause, abs((d.start + d.end) / 2 - mid))

        # a comparison basis is never the time of another value; nor is a date of
        # another event (chain time.exclude), and nothing is carried over either
        ranks = {id(d): rank(d) for d in in_sent}
        fitting = [d for d in in_sent if ranks[id(d)][0] == 0]
        kept = [d for d in fitting if not any_of("time.exclude", value.at, DateRef(
            value, verb, d, _date_verb(doc, d), adjacent=False, own_level=False, in_base=False, compared=False))]
        if kept:
            return min(kept, key=lambda d: ranks[id(d)]), "sentence"
        if fitting:
            return None, None
        in_sent = []
    if s_idx > 0 and not in_sent:
        prev = sents[s_idx - 1]
        same_paragraph = "\n" not in text_of(doc)[prev.start_char:sent.start_char]
        prev_dates = [d for d in value.document.date_index.starting_in(prev.start_char, prev.end_char)
                      if not any_of("time.carry-filter", value.at, CarryRef(value, verb, d, earlier))]
        if same_paragraph and prev_dates and \
                not any_of("time.carry-veto", value.at, CarryRef(value, verb, prev_dates[-1], earlier)):
            return prev_dates[-1], "carried"
    return None, None


# -- chain time.basis ---------------------------------------------------------------

@rule("time.comparison-date")
def _basis_comparison(r: DateRef) -> bool:
    return _is_comparison_date_cached(r.value.doc, r.date) and not r.adjacent and not r.own_level


@rule("time.in-share-base")
def _basis_in_base(r: DateRef) -> bool:
    return r.in_base


@rule("time.after-comparative")
def _basis_compared(r: DateRef) -> bool:
    return r.compared


@rule("time.another-values-phrase")
def _basis_other_value(r: DateRef) -> bool:
    return _in_another_values_phrase(r.value.doc, r.date, r.value.span)


@rule("time.described-relative")
def _basis_described_relative(r: DateRef) -> bool:
    return r.d_verb is not None and _in_described_relative(r.d_verb, r.value.span, r.verb)


@rule("time.later-contrast")
def _basis_later_contrast(r: DateRef) -> bool:
    return r.verb is not None and r.d_verb is not None and _in_later_contrast(r.d_verb, r.verb)


@rule("time.on-another-noun")
def _basis_another_noun(r: DateRef) -> bool:
    return r.d_verb is not None and _on_another_noun(r.d_verb, r.value.span, r.verb)


# -- chain time.exclude ---------------------------------------------------------------

@rule("time.another-event")
def _exclude_another_event(r: DateRef) -> bool:
    # "according to a study published on Wednesday", "the board met on Sunday"
    return _dates_another_event(r.value.doc, r.date, r.verb)


# A figure set against another ("more than the 10,000 economists had expected", "compared with
# $4.9 billion"): it shares the other figure's period.
_SET_AGAINST = re.compile(r"\b(?:than|versus|vs\.?|against|compared\s+(?:with|to)|above|below|short\s+of|ahead\s+of|"
                          r"beating|missing|topping|exceeding)\s+(?:the\s+|an?\s+)?$", re.IGNORECASE)


@rule("time.another-figures-clause")
def _exclude_another_figures_clause(r: DateRef) -> bool:
    return _in_another_figures_clause(r.value.doc, r.date, r.d_verb, r.value.span, r.verb)


def _in_another_figures_clause(doc: Doc, date: RawDate, d_verb: Token | None, span: Span,
                               verb: Token | None) -> bool:
    """The date follows the verb of a clause that holds another figure and not this one: "will
    rise by €1.2 billion, with the aim of delivering 41,000 homes a year by 2030", "bringing the
    total to 36 GW, and aims to reach 76 GW by 2030" (2030 is the homes' and the 76 GW's). A date
    before its verb ("In 2024, revenue rose 5% ..., while profit fell") scopes more than its clause."""
    if d_verb is None or verb is None or d_verb == verb:
        return False
    d_span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if d_span is None or d_span.start < d_verb.i:
        return False
    head = d_span.root.head
    if not (head == d_verb or head.dep_ == "prep" and head.head == d_verb):
        return False  # an adverbial of that verb only; a date on a noun ("first-quarter revenue") is shared
    first, last = d_verb.left_edge.i, d_verb.right_edge.i
    if first <= span.start <= last:
        return False  # the value is in the date's clause
    if _SET_AGAINST.search(text_of(doc), max(0, span.start_char - 30), span.start_char):
        return False  # "added 47,000 jobs in September, far more than the 10,000 expected": one period
    lo, hi = doc[first].idx, doc[last].idx + len(doc[last])  # the clause's characters
    return any(not span.start_char <= other.start < span.end_char
               for other in mentions_by_position(doc, *NUMERIC_KINDS).starting_in(lo, hi))


@rule("time.relative-on-another-noun")
def _exclude_relative(r: DateRef) -> bool:
    return r.d_verb is not None and _in_relative_on_another_noun(r.d_verb, r.value.span)


# -- chains time.carry-filter (each date) and time.carry-veto (the one carried) --------

@rule("time.carry-fine-grained")
def _carry_fine(r: CarryRef) -> bool:
    # (a day that dated a figure of the previous sentence is that report's period and goes on to a
    # figure that rises, falls or stands: "Brent rose 2% to $84.10 on Wednesday. U.S. crude
    # gained 1.6% to $78.71."; not to an event: "The board approved a £250 million buyback")
    if r.date.granularity not in ("day", "week", None):
        return False
    continues = r.verb is not None and (r.verb.lemma_ in _CHANGE_VERBS or r.verb.lemma_ in LEVEL_VERBS)
    return not (continues and any(c.time is r.date for c in r.earlier))


@rule("time.carry-comparison")
def _carry_comparison(r: CarryRef) -> bool:
    return _is_comparison_date(r.value.doc, r.date)


@rule("time.carry-background")
def _carry_background(r: CarryRef) -> bool:
    ref_year = _ref_year(r.value.doc)
    end_date = r.date.end_date
    return bool(ref_year and end_date and int(end_date[:4]) < ref_year - 5)


@rule("time.carry-starting-point")
def _carry_starting_point(r: CarryRef) -> bool:
    # "since it was set up in August 2019": a cumulative total's, not a period later
    # figures continue
    return _starting_point(r.value.doc, r.date)


@rule("time.carry-own-period")
def _carry_own_period(r: CarryRef) -> bool:
    # "During the recovery, ...", "For the full year, ...": the sentence's own period
    return _opens_with_own_period(r.value.sent)


@rule("time.carry-unscoping")
def _carry_unscoping(r: CarryRef) -> bool:
    return not _carries(r.value.doc, r.date, r.value.s_idx, r.earlier)


@rule("time.carry-future-into-finite")
def _carry_future(r: CarryRef) -> bool:
    return _future_into_finite(r.value.doc, r.date, r.verb)


@rule("time.carry-past-into-future")
def _carry_past(r: CarryRef) -> bool:
    return _past_into_future(r.value.doc, r.date, r.verb)


_COMPARISON_WORDS = frozenset({"from", "than", "against", "versus", "vs", "vs.", "over", "with"})


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
            _figure_follows(tail[len(tail) - tail[::-1].index("from"):-1]):
        # "fell to 41 percent from 52 percent in 2021": the date of the "from" figure (not
        # a "from" of a place or owner: "Exports from Tavira rose 7 percent in May")
        return True
    if before[-1:] == ["on"] and date.granularity in ("year", "half", "quarter", "month") and \
            len(before) >= 2 and (before[-2] in ("percent", "%", "points") or before[-2][-1:] == "%" or
                                  before[-2] in INCREASE_NOUNS or before[-2] in DECREASE_NOUNS):
        return True  # "up 4 percent on 2023", "a 7.4 percent increase on 2023"
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


# Words that may stand between "from" and its figure: hedges and determiners ("from about
# 1.8 million tonnes", "from a revised 5.2 percent").
_FIGURE_LEADS = frozenset("""
about around roughly nearly almost approximately just some over under more less than a an
the its their revised record
""".split())


def _figure_follows(words: list[str]) -> bool:
    """``words`` (after a "from") open with a figure, past hedges and determiners."""
    rest = [w for w in words if w not in _FIGURE_LEADS]
    return bool(rest) and any(ch.isdigit() for ch in rest[0])


_PLAN_VERBS = frozenset("plan expect aim intend hope target seek forecast project".split())


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


def _carries(doc: Doc, date: RawDate, s_idx: int, earlier: list[RawClaim]) -> bool:
    """A date of the previous sentence carries over when it scoped a figure there ("in
    the six months to September ... Its mainland unit booked") or names the data
    itself ("The October figures suggest ... The 0.2 point rise") or dates a change
    stated in words; not the date of an
    event ("approved the project in June. The state has offered $180 million")."""
    if any(c.sentence == s_idx - 1 and c.time is date for c in earlier):
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


def _on_another_noun(d_verb: Token, span: Span, verb: Token | None = None) -> bool:
    """A date in an infinitive clause describing another noun ("approved a
    buyback, to be completed within 18 months, and raised the dividend to 21 cents"):
    it dates that noun's plan, not figures outside that noun phrase."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in d_verb.children):
        return False
    if d_verb.dep_ == "advcl" and d_verb.head.pos_ in ("VERB", "AUX"):
        # set off by commas the parser hangs the infinitive on the verb ("approved a
        # buyback, to be completed by 2026, and raised ..."): on the object right before
        # the comma, and only for a value in another clause than that verb's
        left = d_verb.left_edge.i
        doc = d_verb.doc
        noun = next((c for c in d_verb.head.children if c.dep_ in ("dobj", "attr", "oprd") and
                     c.pos_ in ("NOUN", "PROPN") and c.right_edge.i == left - 2), None)
        return noun is not None and left >= 2 and doc[left - 1].text == "," and verb is not None and \
            verb != d_verb.head and not d_verb.is_ancestor(verb) and verb != d_verb and \
            not noun.left_edge.i <= span.root.i <= noun.right_edge.i
    if d_verb.dep_ not in ("acl", "relcl") or d_verb.head.pos_ not in ("NOUN", "PROPN"):
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


# A comparative between a value and a later date: the date is the compared base's
# (not a hedge on another figure: "more than 40 injured", "above 35 degrees"; but "3
# points more than in May" compares: a preposition, not a figure, follows "more than")
_COMPARED_BETWEEN = re.compile(r"(?<!more )(?<!less )(?<!fewer )(?<!rather )\b(?:than|ahead of|behind|"
                               r"compared (?:with|to)|versus|vs\.?|"
                               r"(?:above|below)(?!\s+(?:about |around |some )?[$\u00a3\u20ac]?\d))\b|"
                               r"\b(?:more|less|fewer)\s+than\s+(?:in|during|at|on)\b",
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
