"""The typed hand-offs between the claim stages.

- :class:`Document`: what every stage reads of the document, built once per doc.
- :class:`Value`: one numeric mention in its sentence (the unit a claim is built for).
- :class:`Anchor`: stage *anchor*'s answer: the verb that states the value and its subject.
- :class:`Focus`: the discourse state of stage *entity*: which entity each label's
  anaphors last resolved to. It is built in one pass over the claims in text order,
  before any later stage runs, and nothing else changes it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from pipeline.nlp import RawDate, RawEntity, RawNumeric


@dataclass(frozen=True)
class Document:
    doc: Doc
    sents: list[Span]
    entities: list[RawEntity]  # sorted by start
    dates: list[RawDate]  # sorted by start
    sent_starts: list[int]  # each sentence's first character, for sentence_of

    @classmethod
    def of(cls, doc: Doc, entities: list[RawEntity], dates: list[RawDate]) -> Document:
        sents = list(doc.sents)
        return cls(doc=doc, sents=sents, entities=sorted(entities, key=lambda m: m.start),
                   dates=sorted(dates, key=lambda m: m.start), sent_starts=[s.start_char for s in sents])

    def sentence_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, char) - 1)


@dataclass(frozen=True)
class Value:
    """A numeric mention, the span of tokens it covers and its sentence."""

    document: Document
    value: RawNumeric
    span: Span
    s_idx: int

    @property
    def doc(self) -> Doc:
        return self.document.doc

    @property
    def sent(self) -> Span:
        return self.document.sents[self.s_idx]

    @property
    def at(self) -> tuple[int, int]:
        """Where the value is (the key of the rule trace)."""
        return self.value.start, self.value.end


@dataclass
class Anchor:
    """The verb that states a value and that verb's subject, as stage anchor leaves them.

    ``relative``: the relative-clause verb whose object is the value's noun;
    ``whole``: the whole of a fronted partitive; ``described``: the noun an
    appositive or prepositional value describes (then ``verb`` is None).
    """

    verb: Token | None
    subj: Token | None
    relative: Token | None = None
    whole: Token | None = None
    described: Token | None = None


@dataclass
class Focus:
    """Per label, the sentence and entity an anaphor last resolved to."""

    by_label: dict[str, tuple[int, RawEntity]] = field(default_factory=dict)


@dataclass
class Frame:
    """The predicate, subject and measure of a claim as the stages fill them in."""

    predicate: str | None
    subject: str | None
    measure: str | None = None
