"""Regex helpers for fast scans: first-character guards and word-start tries. Pure functions.

A long alternation of regexes (the date grammar) is tried branch by branch at
each position; a branch that begins ``\\b(?:(?:from|between)\\s+)?(?:the\\s+)?...``
costs a dozen steps to fail at a "$" or a "," or a word it can never start with.
``guarded(rx)`` puts ``(?=[...])`` in front of ``rx``: one character-class test
that fails at once where ``rx`` could not begin, and changes no match, because
the class is worked out from ``rx`` itself (a superset of what ``rx`` can start
with; where that is not clear, say a back-reference, no guard is added).

>>> guarded(r"\\b(?:the\\s+)?(?:end|start)")
'(?=[tes])\\\\b(?:the\\\\s+)?(?:end|start)'
>>> guarded(r"a?")  # can match the empty string: no guard
'a?'
"""

from __future__ import annotations

import re
from typing import Any

try:  # the regex parser and its opcodes (Python 3.11+; before: sre_parse, sre_constants)
    import re._constants as C  # noqa: N812
    import re._parser as P  # noqa: N812
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore[no-redef]  # noqa: N812
    import sre_parse as P  # type: ignore[no-redef]  # noqa: N812

_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}
_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_SPACE: r"\s", C.CATEGORY_WORD: r"\w"}


class _Unknown(Exception):
    """The first character cannot be narrowed down."""


def _first(seq: Any) -> tuple[list[tuple[Any, Any]], bool]:
    """(class items the sequence can begin with, whether it can match the empty string)."""
    items: list[tuple[Any, Any]] = []
    for op, av in seq:
        if op in _ZERO_WIDTH:
            continue
        if op is C.LITERAL:
            return items + [(op, av)], False
        if op is C.IN:
            if any(o is C.NEGATE for o, _ in av):
                raise _Unknown
            return items + list(av), False
        if op is C.SUBPATTERN or op is getattr(C, "ATOMIC_GROUP", None):
            sub_items, nullable = _first(av[-1] if op is C.SUBPATTERN else av)
        elif op is C.BRANCH:
            parts = [_first(branch) for branch in av[1]]
            sub_items = [i for part, _ in parts for i in part]
            nullable = any(n for _, n in parts)
        elif op in _REPEATS:
            low, _high, sub = av
            sub_items, nullable = _first(sub)
            nullable = nullable or low == 0
        elif op is C.GROUPREF_EXISTS:
            _group, yes, no = av
            parts = [_first(yes)] + ([_first(no)] if no is not None else [([], True)])
            sub_items = [i for part, _ in parts for i in part]
            nullable = any(n for _, n in parts)
        else:  # a back-reference, any character, a negated literal: anything
            raise _Unknown
        items += sub_items
        if not nullable:
            return items, False
    return items, True


def _class_item(op: Any, av: Any) -> str:
    if op is C.LITERAL:
        return f"\\U{av:08x}"
    if op is C.RANGE:
        return f"\\U{av[0]:08x}-\\U{av[1]:08x}"
    if op is C.CATEGORY and av in _CATEGORIES:
        return _CATEGORIES[av]
    raise _Unknown


def guarded(rx: str, flags: int = re.IGNORECASE) -> str:
    """``rx`` behind a lookahead for the characters it can begin with (or ``rx`` as it is)."""
    try:
        items, nullable = _first(P.parse(rx, flags))
        if nullable or not items:
            return rx
        chars = "".join(dict.fromkeys(_class_item(op, av) for op, av in items))
    except _Unknown:
        return rx
    if all(op is C.LITERAL and chr(av).isalnum() for op, av in items):
        chars = "".join(dict.fromkeys(chr(av) for op, av in items))  # readable when plain letters
    return f"(?=[{chars}]){rx}"


def word_starts(words: list[str] | set[str]) -> str:
    """A regex that matches, at a word start, exactly where one of ``words`` begins there
    (prefixes, as ``\\b(?:w1|w2|...)`` does), factored as a trie. Only where a match begins
    is the same: a word that another word begins ("month" after "mo") is dropped, so each
    place is decided in one pass over a few letters instead of trying every word.

    >>> word_starts(["mo", "month", "may", "sec"])
    '\\\\b(?:m(?:ay|o)|sec)'
    """
    trie: dict[str, Any] = {}
    for word in sorted({w.lower() for w in words}, key=len):
        node = trie
        for ch in word:
            if node.get("") is True:
                break  # a shorter word already begins here
            node = node.setdefault(ch, {})
        else:
            node.clear()
            node[""] = True

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")" if alts else ""
    return r"\b" + emit(trie)
