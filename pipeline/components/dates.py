"""newsclaims_dates: time expressions -> Date mentions; infers the reference date.

Candidates come from :func:`pipeline.normalize.dates.find_dates` (one pass of
a compiled grammar). The reference date is, in order: the article's
``published`` date (metadata); else inferred from the text (the newest explicit
full date, else the newest explicit year; ``source: "inferred"``); else the
run's ``--reference-date`` (``source: "option"``); else none (``"default"``).
Never the machine's clock.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp import RawMention, nc
from pipeline.normalize.dates import DateFound, Reference, find_dates
from pipeline.normalize.scan import LABEL_WORDS


def infer_reference(found: list[DateFound]) -> str | None:
    """The newest explicit full date, else the newest explicit year, as ISO text."""
    days = [d.explicit_day for d in found if d.explicit_day]
    if days:
        return max(days)
    years = [d.explicit_year for d in found if d.explicit_year]
    return f"{max(years):04d}" if years else None


class DateFinder:
    """Find and resolve time expressions (see the module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        ref = doc._.reference_date or {"value": None, "source": "default"}
        text = doc.text
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
        del text
        return doc

    @staticmethod
    def _find(doc: Doc, reference: Reference) -> list[DateFound]:
        out = []
        for d in find_dates(doc.text, reference=reference):
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
