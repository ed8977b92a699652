"""newsclaims_dates: time expressions -> Date mentions; infers the reference date.

Candidates come from :func:`pipeline.normalize.dates.find_dates` (one pass of
a compiled grammar). The reference date is, in order: the article's
``published`` date (metadata); else inferred from the text (the newest explicit
full date, else the newest explicit year; ``source: "inferred"``); else the
run's ``--reference-date`` (``source: "option"``); else none (``"default"``).
Never the machine's clock.

The tense of the clause around each expression (:func:`clause_tense`) tells the
normalizer which way a bare weekday, day or month points: "shares fell on
Monday" looks back, "talks resume on Monday" and "will meet on Monday" ahead,
"September's rate is 2%" (present) takes the nearest September; a phrase with
no verb at all reads ahead, as calendar tools read it; an expression hanging on
a noun ("the closing price on Friday") has no tense of its own.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.nlp import RawMention, nc, text_of
from pipeline.normalize.dates import DateFound, Reference, find_dates
from pipeline.normalize.scan import LABEL_WORDS

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "going", "gon"}
_PAST_AUX = {"was", "were", "had", "did", "'d", "has", "have"}
# Heads of "to" + verb that schedule it ahead: "is due to start", "expected to rise", "plans to open"
# (wishes such as "wants to earn $1m in 3 years" are left to the main verb's tense).
_PROSPECTIVE = {"due", "expect", "schedule", "plan", "set", "likely", "go", "propose", "prepare", "poise",
                "slate", "project", "forecast"}


def infer_reference(found: list[DateFound]) -> str | None:
    """The newest explicit full date, else the newest explicit year, as ISO text."""
    days = [d.explicit_day for d in found if d.explicit_day]
    if days:
        return max(days)
    years = [d.explicit_year for d in found if d.explicit_year]
    return f"{max(years):04d}" if years else None


def _verb_tense(verb: Token) -> str | None:
    """"past", "present" or "future" for a verb group; None when its tense is unclear."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & _FUTURE_AUX or {"is", "are", "am", "'s", "'re"} & aux and verb.tag_ == "VBG":
        return "future"  # "will meet", "is meeting (on Monday)"
    if "to" in aux and verb.tag_ == "VB":
        if verb.head.lemma_ in _PROSPECTIVE or verb.head.lower_ in _PROSPECTIVE:
            return "future"  # "due to start in the spring"
        return _verb_tense(verb.head) if verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX") else None
    if aux & _PAST_AUX or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN":
        return "present" if aux & {"is", "are", "am", "be", "'s", "'re"} else "past"  # "is planned" / "published"
    if verb.tag_ in ("VBZ", "VBP", "VB", "VBG") or aux & {"is", "are", "am", "can", "may", "must", "should"}:
        return "present"
    return None


def _sentence_past(span: Span) -> str | None:
    """For an expression hanging on a noun: "past" when its sentence's main verb is past, else unknown."""
    root = span.sent.root
    return "past" if root.pos_ in ("VERB", "AUX") and _verb_tense(root) == "past" else None


def clause_tense(doc: Doc, start: int, end: int) -> str | None:
    """The tense of the verb that governs the characters ``start:end``: "past", "present", "future";
    "none" when no verb governs them (a headline fragment, a calendar entry: read ahead). An
    expression hanging on a noun ("the closing price on Friday", "the May 4 deadline") takes
    "past" from a past main verb, else None: a present main verb does not date the noun."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token: Token | None = span.root
    inside = range(span.start, span.end)
    while token is not None:
        if token.i not in inside:
            if token.pos_ in ("VERB", "AUX"):
                return _verb_tense(token)
            if token.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
                return _sentence_past(span)
        if token.head.i == token.i:
            break
        token = token.head
    return "none"


class DateFinder:
    """Find and resolve time expressions (see the module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        ref = doc._.reference_date or {"value": None, "source": "default"}
        if not ref.get("value"):
            inferred = infer_reference(self._find(doc, Reference()))
            if inferred:
                ref = {"value": inferred, "source": "inferred"}
            elif ref.get("fallback"):
                ref = {"value": ref["fallback"], "source": "option"}
            else:
                ref = {"value": None, "source": "default"}
        doc._.reference_date = {"value": ref["value"], "source": ref["source"]}
        store = nc(doc)
        for d in self._find(doc, Reference.parse(ref["value"])):
            store["dates"].append(RawMention("dates", d.start, d.end, d.fields()))
        return doc

    @staticmethod
    def _find(doc: Doc, reference: Reference) -> list[DateFound]:
        out = []
        tense = lambda start, end: clause_tense(doc, start, end)  # noqa: E731
        for d in find_dates(text_of(doc), reference=reference, direction=tense):
            if d.granularity == "year" and d.value and d.value.isdigit():
                span = doc.char_span(d.start, d.end, alignment_mode="expand")
                if span is not None and span.start > 0:
                    prev = doc[span.start - 1]
                    if prev.lower_ in LABEL_WORDS and prev.is_title:
                        continue  # "Route 2013": a label, not a year
            out.append(d)
        return out


@Language.factory("newsclaims_dates")
def make_dates(nlp: Language, name: str) -> DateFinder:
    """Factory: the date component (no options)."""
    return DateFinder()
