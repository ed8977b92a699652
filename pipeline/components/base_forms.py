"""The model's rule lemmatizer, with its base-form test answered once per tag and morphology.

spaCy's English lemmatizer (``EnglishLemmatizer.rule_lemmatize``) caches the lemmas it
derives by rules, but not its first answer: for a word in its base form (a singular noun,
an infinitive, a positive adjective: most words of news text) it returns the lower-cased
word after ``is_base_form`` has read the token's POS and parsed its morphology into a
dict, every time. That test depends on the POS and the morphology alone, so
:func:`remember_base_forms` gives the lemmatizer a ``__call__`` that asks it once per
(POS, morphology) pair of a process and otherwise does what spaCy's does: the same
early answers in the same order (no POS / space: lower case; base form: lower case),
else spaCy's own ``rule_lemmatize`` (and its cache). Every lemma is the one spaCy gives.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import LEMMA, MORPH, POS
from spacy.errors import Errors
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

# What rule_lemmatize answers, by the token's POS and morphology alone: the word in lower case,
# the word as written (a proper noun with no rules), or the lemma its rules derive.
_LOWER, _TEXT, _RULES = 0, 1, 2
_MAX_KEYS = 10_000  # (POS, morphology) pairs remembered; a model has a few hundred


def _kind(self: Any, token: Any) -> int:
    """What ``rule_lemmatize`` answers for a token of this POS and morphology (see ``_call``)."""
    univ_pos = token.pos_.lower()
    if univ_pos == "":
        return _RULES  # it warns (W108): leave those to it
    if univ_pos in ("eol", "space") or self.is_base_form(token):
        return _LOWER
    if not any(self.lookups.get_table(table, {}).get(univ_pos)
               for table in ("lemma_index", "lemma_exc", "lemma_rules")):
        return _TEXT if univ_pos == "propn" else _LOWER
    return _RULES


def _call(self: Any, doc: Doc) -> Doc:
    """``Lemmatizer.__call__`` for mode "rule", its answers by (POS, morph) remembered."""
    if not self._validated:
        self._validate_tables(Errors.E1004)
    if not len(doc):
        return doc
    kinds: dict[tuple[int, int], int] = self._newsclaims_kinds
    rule_lemmatize = self.rule_lemmatize
    strings = doc.vocab.strings
    rows = doc.to_array([LEMMA, POS, MORPH]).tolist()
    for token, (lemma, pos, morph) in zip(doc, rows, strict=True):
        if lemma and not self.overwrite:
            continue
        key = (pos, morph)
        kind = kinds.get(key)
        if kind is None:
            kind = _kind(self, token)
            if len(kinds) < _MAX_KEYS:
                kinds[key] = kind
        if kind == _LOWER:
            token.lemma = strings.add(token.text.lower())
        elif kind == _TEXT:
            token.lemma = strings.add(token.text)
        else:
            token.lemma = strings.add(rule_lemmatize(token)[0])
    return doc


def remember_base_forms(nlp: Language, name: str = "lemmatizer") -> bool:
    """Give ``nlp``'s rule lemmatizer the remembered base-form test (idempotent).

    Returns:
        True if it has it now; False when there is no such pipe or it is not a rule-mode
        ``Lemmatizer`` with an ``is_base_form`` test (it is left as it is).
    """
    if name not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe(name)
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule" \
            or type(lemmatizer).is_base_form is Lemmatizer.is_base_form:
        return False
    if not hasattr(lemmatizer, "_newsclaims_kinds"):
        lemmatizer._newsclaims_kinds = {}  # type: ignore[attr-defined]
        # (a call looks __call__ up on the class: the instance becomes one of a subclass)
        cls = type(lemmatizer)
        lemmatizer.__class__ = type(f"BaseForms{cls.__name__}", (cls,), {"__call__": _call})
    return True
