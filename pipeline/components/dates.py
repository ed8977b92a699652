"""newsclaims_dates component (stub)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class Stub:
    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("newsclaims_dates")
def make_dates(nlp: Language, name: str) -> Stub:
    return Stub()
