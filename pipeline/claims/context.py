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
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from pipeline.nlp import RawDate, RawEntity, RawNumeric
from pipeline.spans import SpanIndex


@dataclass(frozen=True)
class Document:
    doc: Doc
    sents: list[Span]
    entities: list[RawEntity]  # sorted by start
    dates: list[RawDate]  # sorted by start
    sent_starts: list[int]  # each sentence's first character, for sentence_of
    # the entities and dates by position (the stages' lookups, without a scan per value)
    entity_index: SpanIndex[RawEntity]
    date_index: SpanIndex[RawDate]
    _labelled: dict[frozenset[str], SpanIndex[RawEntity]] = field(default_factory=dict, compare=False, repr=False)
    _by_last_word: dict[str, SpanIndex[RawEntity]] = field(default_factory=dict, compare=False, repr=False)
    _order: dict[int, int] = field(default_factory=dict, compare=False, repr=False)  # id(entity) -> position

    @classmethod
    def of(cls, doc: Doc, entities: list[RawEntity], dates: list[RawDate]) -> Document:
        sents = list(doc.sents)
        entities, dates = sorted(entities, key=lambda m: m.start), sorted(dates, key=lambda m: m.start)
        return cls(doc=doc, sents=sents, entities=entities, dates=dates, sent_starts=[s.start_char for s in sents],
                   entity_index=SpanIndex(entities), date_index=SpanIndex(dates))

    def sentence_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, char) - 1)

    def entities_labelled(self, *labels: str) -> SpanIndex[RawEntity]:
        """The entities with one of ``labels``, by position (built once per label set)."""
        key = frozenset(labels)
        if key not in self._labelled:
            self._labelled[key] = SpanIndex([e for e in self.entities if e.label in key])
        return self._labelled[key]

    def latest_named(self, char: int, last_words: Iterable[str]) -> RawEntity | None:
        """The last entity (in order) ending at or before ``char`` whose canonical name's
        last word, in lower case, is one of ``last_words``."""
        if "" not in self._by_last_word:  # (no last word is empty: the key marks the index built)
            named: dict[str, list[RawEntity]] = {"": []}
            for e in self.entities:
                for word in e.canonical.lower().split()[-1:]:
                    named.setdefault(word, []).append(e)
            self._by_last_word.update((word, SpanIndex(es)) for word, es in named.items())
        found = [e for word in set(last_words) if word in self._by_last_word
                 for e in itertools.islice(self._by_last_word[word].ended_by(char), 1)]
        if len(found) < 2:
            return found[0] if found else None
        if not self._order:
            self._order.update((id(e), i) for i, e in enumerate(self.entities))
        return max(found, key=lambda e: self._order[id(e)])


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
