"""Laying overlapping spans over the article text as properly nested HTML elements.

Mentions overlap: an entity inside a money span, a date mention with the same
span as a DATE entity, now and then two spans that cross. HTML elements must
nest, so the text is laid out as a tree:

* Spans are taken in document order, longer first at the same start (so the
  enclosing span is the outer element). At equal spans, sentences are outermost,
  then entities, then the numeric kinds, so the most specific value is innermost
  and its tooltip is the one shown on hover.
* A span that fits inside the open element nests in it.
* A span that *crosses* the open element (starts inside, ends after) is cut at
  that element's end; the rest is queued as a continuation and placed the same
  way. The first piece is the *head*: the only element that carries the
  mention's ``data-mention-id`` (and the id, tabindex and tooltip). Later pieces
  are *parts* that only refer to it (``data-mention-part``).

So every mention is exactly one focusable element, and every character it
covers is still highlighted. Sentences are laid out the same way (outermost),
as ``<span class="sent">`` wrappers that a claim row scrolls to and marks.

The record has no sentence offsets, only each mention's sentence index, so
:func:`sentence_regions` places sentence boundaries at the last sentence end
(``. ! ?`` plus space, or a line break) in each gap between the mentions of
consecutive sentences: every mention lies inside its own sentence's region.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

# A sentence end: terminal punctuation (and closing quotes/brackets) then white
# space not followed by a lower-case letter or a digit ("approx. 5 percent" goes
# on; news style does not start sentences with numerals), or a line break.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+(?![\sa-z0-9])|\n\s*")

LAYER_SENTENCE, LAYER_MENTION = 0, 1


@dataclass(frozen=True)
class Span:
    """A character range to wrap in one element (maybe cut into pieces)."""

    start: int
    end: int
    key: str
    layer: int = LAYER_MENTION
    rank: int = 0


@dataclass
class Node:
    """One element of the laid-out tree: a whole span, its head piece, or a later part."""

    span: Span | None
    start: int
    end: int
    head: bool = True
    children: list[Node] = field(default_factory=list)
    height: int = 0  # nesting depth of mention elements at and below this one

    @property
    def is_mention(self) -> bool:
        return self.span is not None and self.span.layer == LAYER_MENTION


@dataclass(frozen=True)
class Piece:
    """One step of the flat event stream a template writes: text, open tag, or close tag."""

    kind: str  # "text" | "open" | "close"
    text: str = ""
    node: Node | None = None


def sentence_regions(text: str, sentences: Iterable[tuple[int, int, int]]) -> dict[int, tuple[int, int]]:
    """Character ranges of the sentences that hold mentions.

    Args:
        text: the article text.
        sentences: ``(sentence index, start, end)`` of every mention.
    Returns:
        ``{sentence index: (start, end)}``, non-overlapping, in text order.

    >>> text = "Sales rose 5 percent. Costs fell. Profit hit $3 in 2024."
    >>> sentence_regions(text, [(0, 11, 20), (2, 45, 47), (2, 51, 55)])
    {0: (0, 21), 2: (34, 56)}
    """
    extent: dict[int, list[int]] = {}
    for index, start, end in sentences:
        add_to_extent(extent, index, start, end)
    order = widen_to_sentences(text, extent)
    return {index: (extent[index][0], extent[index][1]) for index in order}


def add_to_extent(extent: dict[int, list[int]], index: int, start: int, end: int) -> None:
    """Widen ``extent[index]``, sentence ``index``'s ``[first start, last end]``, to a mention at ``start:end``."""
    lo_hi = extent.setdefault(index, [start, end])
    lo_hi[0], lo_hi[1] = min(lo_hi[0], start), max(lo_hi[1], end)


def widen_to_sentences(text: str, extent: dict[int, list[int]]) -> list[int]:
    """Turn each ``[first start, last end]`` of a sentence's mentions into the sentence's
    range, in place (a huge record's tables keep one list a sentence, not three objects).

    Returns:
        The sentence indices in text order.

    >>> extent = {2: [45, 55], 0: [11, 20]}
    >>> widen_to_sentences("Sales rose 5 percent. Costs fell. Profit hit $3 in 2024.", extent), extent
    ([0, 2], {2: [34, 56], 0: [0, 21]})
    """
    order = sorted(extent, key=lambda i: (extent[i][0], i))
    prev_end = 0
    for pos, index in enumerate(order):
        lo, hi = extent[index]
        next_lo = extent[order[pos + 1]][0] if pos + 1 < len(order) else len(text)
        start = max(_last_boundary(text, prev_end, lo), prev_end)
        end = _first_boundary(text, hi, max(hi, next_lo))
        extent[index][0], extent[index][1] = start, max(end, start)
        prev_end = extent[index][1]
    return order


def _last_boundary(text: str, lo: int, hi: int) -> int:
    """Where the last sentence in ``text[lo:hi]`` starts (past white space at ``lo`` if none ends there)."""
    start = lo
    # Search the whole text (no endpos): the look-ahead must see past ``hi``.
    for match in _SENTENCE_END.finditer(text, lo):
        if match.end() > hi:
            break
        start = match.end()
    while start < hi and text[start].isspace():
        start += 1
    return start


def _first_boundary(text: str, lo: int, hi: int) -> int:
    """Where the sentence running at ``lo`` ends, at most ``hi`` (end of its trailing space)."""
    match = _SENTENCE_END.search(text, lo)
    if match is None or match.start() >= hi:
        return hi
    # Keep the sentence's closing punctuation inside, the following space outside.
    return min(hi, match.start() + len(match.group().rstrip()))


def layout(text: str, spans: Iterable[Span]) -> Node:
    """Nest ``spans`` over ``text``; cut crossing spans into a head and parts.

    Returns:
        The root :class:`Node` covering the whole text.

    >>> root = layout("abcdef", [Span(0, 4, "x"), Span(2, 6, "y")])
    >>> [(n.span.key, n.start, n.end, n.head) for n in walk(root) if n.span]
    [('x', 0, 4, True), ('y', 2, 4, True), ('y', 4, 6, False)]
    """
    root = Node(span=None, start=0, end=len(text))
    heap: list[tuple[int, int, int, int, int, bool, Span]] = []
    for n, span in enumerate(sorted(spans, key=lambda s: (s.start, s.layer, -s.end, s.rank, s.key))):
        start, end = max(0, min(span.start, len(text))), max(0, min(span.end, len(text)))
        heap.append((start, span.layer, -max(start, end), span.rank, n, True, span))
    heapq.heapify(heap)
    stack = [root]
    while heap:
        start, layer, neg_end, rank, n, head, span = heapq.heappop(heap)
        end = -neg_end
        while len(stack) > 1 and stack[-1].end <= start:
            stack.pop()
        parent = stack[-1]
        if end > parent.end:  # crosses the open element: cut here, place the rest later
            heapq.heappush(heap, (parent.end, layer, neg_end, rank, n, False, span))
            end = parent.end
        node = Node(span=span, start=start, end=end, head=head)
        parent.children.append(node)
        stack.append(node)
    _set_heights(root)
    return root


def _set_heights(node: Node) -> int:
    below = max((_set_heights(child) for child in node.children), default=0)
    node.height = below + (1 if node.is_mention else 0)
    return node.height


def walk(node: Node) -> Iterator[Node]:
    """Every node below ``node`` (and itself), in document order."""
    yield node
    for child in node.children:
        yield from walk(child)


def pieces(text: str, root: Node) -> list[Piece]:
    """Flatten the tree into text / open / close steps for a template to write."""
    out: list[Piece] = []

    def emit(node: Node) -> None:
        if node.span is not None:
            out.append(Piece("open", node=node))
        cursor = node.start
        for child in node.children:
            if child.start > cursor:
                out.append(Piece("text", text=text[cursor:child.start]))
            emit(child)
            cursor = child.end
        if node.end > cursor:
            out.append(Piece("text", text=text[cursor:node.end]))
        if node.span is not None:
            out.append(Piece("close", node=node))

    emit(root)
    return out
