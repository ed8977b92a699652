"""Mentions by position: the lookups the claim stages and components make for each value.

A stage that scans every mention of a document for each value costs O(values x mentions):
nothing for a 3,000-character article, a quarter of a 100,000-character chunk's time. A
:class:`SpanIndex` answers the same questions by bisection, each giving exactly what the
scan it replaces gave (same item, same order), so the records do not change.

>>> from dataclasses import dataclass
>>> @dataclass
... class M:
...     start: int
...     end: int
>>> index = SpanIndex([M(0, 5), M(2, 4), M(10, 12)])
>>> index.at(3)
M(start=0, end=5)
>>> index.at(7) is None
True
>>> index.starting_in(1, 11)
[M(start=2, end=4), M(start=10, end=12)]
>>> index.overlapping(4, 11)
[M(start=0, end=5), M(start=10, end=12)]
>>> [m.start for m in index.ended_by(5)]
[2, 0]
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from pipeline.nlp import MentionKind, RawMention


class Located(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


M = TypeVar("M", bound=Located)


class SpanIndex(Generic[M]):
    """``items`` (sorted by start; each ``start <= end``) with lookups by character offset.

    Args:
        items: the mentions, sorted by start (kept in that order; ties as given).
    """

    def __init__(self, items: Sequence[M]) -> None:
        self.items = list(items)
        self.starts = [m.start for m in self.items]
        # the largest end among the items up to each one: "the first item that contains c"
        # is the first whose running largest end passes c, when it starts at or before c
        self._max_ends: list[int] = []
        top = -1
        for m in self.items:
            top = max(top, m.end)
            self._max_ends.append(top)

    def __len__(self) -> int:
        return len(self.items)

    def at(self, char: int) -> M | None:
        """The first item (in order) with ``start <= char < end``, else None:
        ``next((m for m in items if m.start <= char < m.end), None)``."""
        j = bisect.bisect_right(self._max_ends, char)
        if j < len(self.items) and self.items[j].start <= char:
            return self.items[j]
        return None

    def starting_in(self, lo: int, hi: int) -> list[M]:
        """The items with ``lo <= start < hi``, in order."""
        return self.items[bisect.bisect_left(self.starts, lo):bisect.bisect_left(self.starts, hi)]

    def overlapping(self, lo: int, hi: int) -> list[M]:
        """The items with ``start < hi`` and ``end > lo`` (sharing a character with
        ``[lo, hi)``), in order."""
        first = bisect.bisect_right(self._max_ends, lo)  # every item before it ends at or before lo
        last = bisect.bisect_left(self.starts, hi)
        return [m for m in self.items[first:last] if m.end > lo]

    def ended_by(self, char: int) -> Iterator[M]:
        """The items with ``end <= char``, last first (the reverse of their order)."""
        for j in range(bisect.bisect_right(self.starts, char) - 1, -1, -1):
            if self.items[j].end <= char:
                yield self.items[j]


class Intervals:
    """(start, end) pairs, added in any order, with the overlap and containment tests a
    component makes for each candidate: by bisection over the pairs whose start lies within
    the longest pair's length of the span, instead of a scan of them all.

    >>> taken = Intervals([(10, 14)])
    >>> taken.add((2, 5))
    >>> taken.overlaps(4, 8), taken.overlaps(5, 10), taken.contains(11, 13), taken.contains(3, 6)
    (True, False, True, False)
    """

    def __init__(self, pairs: Iterable[tuple[int, int]] = ()) -> None:
        self._pairs = sorted(pairs)
        self._longest = max((e - s for s, e in self._pairs), default=0)

    def add(self, pair: tuple[int, int]) -> None:
        bisect.insort(self._pairs, pair)
        self._longest = max(self._longest, pair[1] - pair[0])

    def _starting(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The pairs with ``lo <= start < hi``."""
        return self._pairs[bisect.bisect_left(self._pairs, (lo,)):bisect.bisect_left(self._pairs, (hi,))]

    def overlaps(self, lo: int, hi: int) -> bool:
        """Whether a pair shares a character with ``[lo, hi)``: ``any(lo < e and s < hi)``."""
        # (a pair with e > lo starts after lo - longest)
        return any(lo < e and s < hi for s, e in self._starting(lo - self._longest, hi))

    def contains(self, lo: int, hi: int) -> bool:
        """Whether a pair holds ``[lo, hi)``: ``any(s <= lo and hi <= e)``."""
        # (a pair with e >= hi starts at or after hi - longest)
        return any(s <= lo and hi <= e for s, e in self._starting(hi - self._longest, lo + 1))


def mentions_by_position(doc: Doc, *kinds: MentionKind) -> SpanIndex[RawMention]:
    """The doc's mentions of ``kinds`` (in the mention store), by position: sorted by start,
    ties in the order of ``kinds`` and then of the store. Cached per doc, and built again
    when a list has grown since (a component still adding mentions)."""
    from pipeline.nlp import nc

    store = nc(doc)
    sizes = tuple(len(store[kind]) for kind in kinds)
    cache: dict[tuple[Any, ...], tuple[tuple[int, ...], SpanIndex[RawMention]]] = \
        doc.user_data.setdefault("newsclaims_mention_index", {})
    if kinds not in cache or cache[kinds][0] != sizes:
        mentions: list[RawMention] = [m for kind in kinds for m in store[kind]]
        cache[kinds] = (sizes, SpanIndex(sorted(mentions, key=lambda m: m.start)))
    return cache[kinds][1]
