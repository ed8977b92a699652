"""newsclaims_entities component (stub)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class Stub:
    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("newsclaims_entities")
def make_entities(nlp: Language, name: str) -> Stub:
    return Stub()
