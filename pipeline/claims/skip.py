"""Stage claim: which numeric mentions are claims of their own (chain ``claim.skip``) and
which value joins the claim before it (chain ``claim.group``); rules/skip.toml."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from pipeline.claims.context import Value
from pipeline.claims.engine import any_of, rule
from pipeline.claims.syntax import _text
from pipeline.lexicons.durations import PERIOD_LEADS
from pipeline.nlp import RawNumeric, RawQuantity, text_of

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


def is_claim(value: Value) -> bool:
    """Whether a value is a claim of its own (no rule of chain ``claim.skip`` holds)."""
    return not any_of("claim.skip", value.at, value)


def joins_previous(doc: Doc, previous: RawNumeric, value: RawNumeric) -> bool:
    """Whether ``value`` belongs to the claim of ``previous`` (chain ``claim.group``)."""
    return any_of("claim.group", (previous.start, previous.end), doc, previous, value)


@rule("skip.period-phrase")
def _skip_period_phrase(value: Value) -> bool:
    return _is_period_phrase(value.span, value.value)


@rule("skip.reference-count")
def _skip_reference_count(value: Value) -> bool:
    return _is_reference_count(value.doc, value.value)


@rule("skip.restriction")
def _skip_restriction(value: Value) -> bool:
    return _is_restriction(value.span, value.value)


@rule("skip.reference-period")
def _skip_reference_period(value: Value) -> bool:
    return _is_reference_period(value.span, value.value)


@rule("skip.word-period")
def _skip_word_period(value: Value) -> bool:
    mention = value.value
    if not isinstance(mention, RawQuantity) or mention.dimension != "[time]":
        return False
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", value.span.text)]
    if words[:1] in (["a"], ["an"]):
        words = words[1:]
    return bool(words) and words[0] in _PERIOD_LEAD_WORDS


# The words of pipeline.lexicons.durations that count a period without a number ("all day",
# "a full year", "another week", "several days"); "half a year", "a decade" are numbers
_PERIOD_LEAD_WORDS = frozenset(w for lead in PERIOD_LEADS for w in lead.words
                               if w not in ("half", "couple", "of", "a"))


@rule("group.conversion")
def _group_conversion(doc: Doc, previous: RawNumeric, value: RawNumeric) -> bool:
    return _is_conversion(doc, previous, value)
