"""Laying overlapping spans out as nested elements (pipeline.render.layout)."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.render import layout as layout_module
from pipeline.render.layout import LAYER_SENTENCE, Span, layout, pieces, sentence_regions, walk

TEXT = "0123456789abcdefghij"


def shape(spans: list[Span]) -> list[tuple[str, int, int, bool, int]]:
    """(key, start, end, head, depth) of every element, in document order."""
    out = []

    def visit(node, depth):  # type: ignore[no-untyped-def]
        for child in node.children:
            out.append((child.span.key, child.start, child.end, child.head, depth))
            visit(child, depth + 1)

    visit(layout(TEXT, spans), 0)
    return out


LAYOUTS = {
    "disjoint": ([Span(0, 2, "a"), Span(4, 6, "b")],
                 [("a", 0, 2, True, 0), ("b", 4, 6, True, 0)]),
    "nested": ([Span(6, 8, "in"), Span(2, 10, "out")],
               [("out", 2, 10, True, 0), ("in", 6, 8, True, 1)]),
    "same start, longer is outer": ([Span(2, 4, "short"), Span(2, 9, "long")],
                                    [("long", 2, 9, True, 0), ("short", 2, 4, True, 1)]),
    "same span: lower rank is outer": ([Span(3, 7, "date", rank=4), Span(3, 7, "entity", rank=0)],
                                       [("entity", 3, 7, True, 0), ("date", 3, 7, True, 1)]),
    "crossing: cut at the first one's end": ([Span(0, 5, "x"), Span(3, 9, "y")],
                                             [("x", 0, 5, True, 0), ("y", 3, 5, True, 1),
                                              ("y", 5, 9, False, 0)]),
    "crossing two levels": ([Span(0, 10, "a"), Span(2, 6, "b"), Span(4, 14, "c")],
                            [("a", 0, 10, True, 0), ("b", 2, 6, True, 1), ("c", 4, 6, True, 2),
                             ("c", 6, 10, False, 1), ("c", 10, 14, False, 0)]),
    "sentence is outermost even when a mention is longer": (
        [Span(0, 5, "s0", layer=LAYER_SENTENCE), Span(0, 8, "m")],
        [("s0", 0, 5, True, 0), ("m", 0, 5, True, 1), ("m", 5, 8, False, 0)]),
    "adjacent": ([Span(0, 3, "a"), Span(3, 6, "b")],
                 [("a", 0, 3, True, 0), ("b", 3, 6, True, 0)]),
    "empty span kept": ([Span(4, 4, "z")], [("z", 4, 4, True, 0)]),
    "clamped to the text": ([Span(18, 40, "tail")], [("tail", 18, 20, True, 0)]),
}


@pytest.mark.parametrize(("spans", "expected"), LAYOUTS.values(), ids=LAYOUTS.keys())
def test_layout(spans: list[Span], expected: list[tuple[str, int, int, bool, int]]) -> None:
    assert shape(spans) == expected


def test_heights_stack_underlines() -> None:
    root = layout(TEXT, [Span(0, 10, "a"), Span(2, 6, "b"), Span(3, 4, "c"), Span(12, 13, "d")])
    assert {n.span.key: n.height for n in walk(root) if n.span} == {"a": 3, "b": 2, "c": 1, "d": 1}


SENTENCES = {
    "boundary after the period": ("Sales rose 5 percent. Costs fell 2 percent.",
                                  [(0, 11, 20), (1, 33, 42)], {0: (0, 21), 1: (22, 43)}),
    "sentence without mentions is left out": (
        "Sales rose 5 percent. Costs fell. Profit hit $3.", [(0, 11, 20), (2, 45, 47)],
        {0: (0, 21), 2: (34, 48)}),
    "line break ends a sentence": ("Up 5 percent\nDown 2 percent", [(0, 3, 12), (1, 18, 27)],
                                   {0: (0, 12), 1: (13, 27)}),
    "lower case after a period goes on": ("Up approx. 5 percent. Then more.", [(0, 11, 20)], {0: (0, 21)}),
    "closing quote stays in the sentence": ('He said "up 5 percent." Then', [(0, 12, 21)], {0: (0, 23)}),
}


@pytest.mark.parametrize(("text", "mentions", "expected"), SENTENCES.values(), ids=SENTENCES.keys())
def test_sentence_regions(text: str, mentions: list[tuple[int, int, int]],
                          expected: dict[int, tuple[int, int]]) -> None:
    regions = sentence_regions(text, mentions)
    assert regions == expected
    for index, start, end in mentions:  # every mention inside its own sentence
        assert regions[index][0] <= start and end <= regions[index][1]


spans_strategy = st.lists(
    st.tuples(st.integers(0, 20), st.integers(0, 8), st.integers(0, 5)).map(
        lambda t: (t[0], min(20, t[0] + t[1]), t[2])),
    max_size=12)


@given(spans_strategy)
def test_every_span_has_one_head_and_keeps_its_characters(raw: list[tuple[int, int, int]]) -> None:
    spans = [Span(s, e, key=f"k{n}", rank=r) for n, (s, e, r) in enumerate(raw)]
    root = layout(TEXT, spans)
    nodes = [n for n in walk(root) if n.span]
    for span in spans:
        mine = [n for n in nodes if n.span is span]
        assert sum(n.head for n in mine) == 1
        assert mine[0].head and mine[0].start == span.start
        covered = sorted(i for n in mine for i in range(n.start, n.end))
        assert covered == list(range(span.start, span.end))
    for node in nodes:  # proper nesting
        for child in node.children:
            assert node.start <= child.start <= child.end <= node.end
    assert "".join(p.text for p in pieces(TEXT, root)) == TEXT


def test_doctests() -> None:
    assert doctest.testmod(layout_module).failed == 0
