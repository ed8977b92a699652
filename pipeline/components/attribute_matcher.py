"""An indexed matcher for the model's ``attribute_ruler``: the same matches, found faster.

The attribute ruler of ``en_core_web_sm`` (tag -> POS and morphology, lemma exceptions:
179 one- and two-token patterns) finds its matches with spaCy's general ``Matcher``, which
tries every pattern at every token and calls a Python predicate for each ``IN``,
``NOT_IN`` and ``REGEX`` test: over news text that cost about a sixth of the bare model's
time, more than the tagger, lemmatizer and our own date component together.

:class:`IndexedMatcher` finds the same ``(key, start, end)`` matches by looking up each
token's ``LOWER``, ``TAG`` and ``DEP`` in tables of the patterns that can start there,
so a token is tested only against the few patterns that could match it. The attribute
ruler then sets the attributes as before (spaCy's ``set_token_attrs``, in the same pattern
order, without building a ``Span`` per match), so every token's POS, morphology, lemma,
tag and dependency label is what the stock ruler gives. Only plain token patterns are
indexed (exact values, ``IN``, ``NOT_IN``, ``REGEX``; no operators or extensions): :func:`index_attribute_ruler`
leaves a ruler with any other pattern on spaCy's matcher. spaCy's ``Matcher`` is general
(operators, fuzzy and set predicates, extensions) and has no index by token value; this
module is that index for the one ruler whose patterns fit it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from types import MethodType
from typing import Any

from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# Token attributes a pattern may test here (all read with ``Doc.to_array``).
_ATTRS = ("LOWER", "TAG", "DEP", "ORTH", "NORM", "IS_SPACE", "IS_PUNCT", "IS_DIGIT", "IS_ALPHA")
# The attributes patterns are indexed by, in order of preference (the most selective first).
_INDEX_BY = ("LOWER", "ORTH", "TAG", "DEP")

Test = Callable[[list[int], list[str] | None, int], bool]


class Unsupported(ValueError):
    """A pattern this matcher does not index (spaCy's own matcher then stays)."""


def _value_id(value: Any) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (str, int)):
        return get_string_id(value)
    raise Unsupported(f"value {value!r}")


class _TokenSpec:
    """One token of a pattern: ``(column, kind, value)`` tests, all of which must hold."""

    def __init__(self, spec: dict[str, Any], columns: dict[str, int]) -> None:
        self.exact: list[tuple[int, int]] = []
        self.within: list[tuple[int, frozenset[int], bool]] = []  # (column, values, negated)
        self.regex: list[tuple[int, re.Pattern[str]]] = []
        for attr, value in spec.items():
            attr = attr.upper()
            if attr == "TEXT":
                attr = "ORTH"
            if attr not in columns:
                raise Unsupported(f"attribute {attr!r}")
            col = columns[attr]
            if not isinstance(value, dict):
                self.exact.append((col, _value_id(value)))
                continue
            if len(value) != 1:
                raise Unsupported(f"predicate {value!r}")
            ((op, arg),) = value.items()
            if op in ("IN", "NOT_IN") and isinstance(arg, (list, tuple, set)):
                self.within.append((col, frozenset(_value_id(v) for v in arg), op == "NOT_IN"))
            elif op == "REGEX" and isinstance(arg, str):
                self.regex.append((col, re.compile(arg)))
            else:
                raise Unsupported(f"predicate {op!r}")

    def index_key(self) -> tuple[int, list[int]] | None:
        """(column, the values a matching token can have there) for the best index, or None."""
        for col in sorted({c for c, _ in self.exact} | {c for c, _, neg in self.within if not neg}):
            values = [v for c, v in self.exact if c == col]
            if values:
                return col, values[:1]
            return col, sorted(next(vs for c, vs, neg in self.within if c == col and not neg))
        return None

    def holds(self, row: Sequence[int], searched: Callable[[re.Pattern[str], int], bool]) -> bool:
        for col, value in self.exact:
            if row[col] != value:
                return False
        for col, values, negated in self.within:
            if (row[col] in values) == negated:
                return False
        for col, pattern in self.regex:
            if not searched(pattern, row[col]):
                return False
        return True


class _Table:
    """Patterns by the value their first token must have in one column (see ``index_key``)."""

    def __init__(self, columns: int) -> None:
        self.index: list[dict[int, list[tuple[int, list[_TokenSpec]]]]] = [{} for _ in range(columns)]
        self.unindexed: list[tuple[int, list[_TokenSpec]]] = []

    def add(self, match_id: int, specs: list[_TokenSpec]) -> None:
        where = specs[0].index_key()
        if where is None:
            self.unindexed.append((match_id, specs))
            return
        col, values = where
        for value in values:
            self.index[col].setdefault(value, []).append((match_id, specs))

    def candidates(self, row: Sequence[int]) -> list[tuple[int, list[_TokenSpec]]]:
        """The patterns that may start at a token with these values."""
        out = list(self.unindexed)
        for col, table in enumerate(self.index):
            if table:
                hit = table.get(row[col])
                if hit:
                    out += hit
        return out


class IndexedMatcher:
    """Callable like ``Matcher.__call__(doc, allow_missing=True, as_spans=False)`` for plain
    token patterns; anything else (``get``, ``add``, serialization) goes to the wrapped matcher.

    Args:
        matcher: the ruler's spaCy ``Matcher`` (kept for everything but matching).
        patterns: ``[(key, [pattern, ...]), ...]``, each pattern a list of token dicts.
    Raises:
        Unsupported: a pattern uses anything but plain token tests.
    """

    def __init__(self, matcher: Any, patterns: Sequence[tuple[str, Sequence[Sequence[dict[str, Any]]]]]) -> None:
        self._matcher = matcher
        self._vocab = matcher.vocab
        used = {a.upper() if a.upper() != "TEXT" else "ORTH"
                for _, pats in patterns for pat in pats for tok in pat for a in tok}
        order = [a for a in _INDEX_BY if a in used] + sorted(used - set(_INDEX_BY))
        if any(a not in _ATTRS for a in order):
            raise Unsupported(f"attributes {sorted(set(order) - set(_ATTRS))}")
        self._attr_ids = [IDS[a] for a in order]
        columns = {a: i for i, a in enumerate(order)}
        # One table for single-token patterns, one for longer ones: index column -> value ->
        # [(match id, token specs)]; "unindexed": tried at every token.
        self._single, self._multi = _Table(len(order)), _Table(len(order))
        for key, pats in patterns:
            match_id = self._vocab.strings.add(key)
            for pat in pats:
                if not pat:
                    raise Unsupported("empty pattern")
                specs = [_TokenSpec(tok, columns) for tok in pat]
                (self._single if len(specs) == 1 else self._multi).add(match_id, specs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._matcher, name)

    def __len__(self) -> int:
        return len(self._matcher)

    def __call__(self, doc: Doc, *, allow_missing: bool = False, as_spans: bool = False,
                 **kwargs: Any) -> Any:
        """The matches as spaCy's ``Matcher`` returns them (spans or tuples: its own call)."""
        if not allow_missing or as_spans or kwargs:  # what the attribute ruler never asks
            return self._matcher(doc, allow_missing=allow_missing, as_spans=as_spans, **kwargs)
        array = doc.to_array(self._attr_ids).tolist() if len(doc) else []
        rows = [tuple(r) if isinstance(r, list) else (r,) for r in array]  # (one attribute: flat)
        strings = self._vocab.strings
        memo: dict[tuple[re.Pattern[str], int], bool] = {}  # a word's regex tests, once per doc

        def searched(pattern: re.Pattern[str], value: int) -> bool:
            hit = memo.get((pattern, value))
            if hit is None:
                hit = memo[pattern, value] = pattern.search(strings[value]) is not None
            return hit

        n = len(rows)
        found: set[tuple[int, int, int]] = set()
        single, multi = self._single, self._multi
        # Whether a pattern's first token matches depends on that token's values alone: tested
        # once per distinct row of values in the doc (most tokens repeat one: "the", "of", ",").
        known: dict[tuple[int, ...], tuple[list[int], list[tuple[int, list[_TokenSpec]]]]] = {}
        for i, row in enumerate(rows):
            hits = known.get(row)
            if hits is None:
                hits = known[row] = (
                    [m for m, (spec,) in single.candidates(row) if spec.holds(row, searched)],
                    [(m, specs) for m, specs in multi.candidates(row) if specs[0].holds(row, searched)])
            ids, longer = hits
            for match_id in ids:
                found.add((match_id, i, i + 1))
            for match_id, specs in longer:
                end = i + len(specs)
                if end <= n and all(spec.holds(rows[i + k], searched) for k, spec in enumerate(specs[1:], 1)):
                    found.add((match_id, i, end))
        return sorted(found, key=lambda m: (m[1], m[2], m[0]))


def _set_annotations(self: Any, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
    """``AttributeRuler.set_annotations`` without a ``Span`` per match: the same attributes set
    on the same tokens in the same order; a match whose index falls outside it goes to spaCy's
    (which raises its error)."""
    for attr_id, _match_id, start, end in matches:
        index = self.indices[attr_id]
        i = start + index if index >= 0 else end + index
        if not start <= i < end:
            AttributeRuler.set_annotations(self, doc, matches)
            return
    for attr_id, _match_id, start, end in matches:
        index = self.indices[attr_id]
        set_token_attrs(doc[start + index if index >= 0 else end + index], self.attrs[attr_id])


def index_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Give ``nlp``'s attribute ruler an :class:`IndexedMatcher` (once; idempotent).

    Returns:
        True if the ruler now matches through the index, False if there is no such pipe
        or one of its patterns is not a plain token pattern (spaCy's matcher stays).
    """
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if not isinstance(ruler, AttributeRuler):
        return False
    matcher: Any = ruler.matcher
    if isinstance(matcher, IndexedMatcher):
        return True
    try:
        patterns = [(str(i), matcher.get(str(i))[1]) for i in range(len(ruler.attrs))]
        ruler.matcher = IndexedMatcher(matcher, patterns)  # type: ignore[assignment]
        ruler.set_annotations = MethodType(_set_annotations, ruler)  # type: ignore[method-assign]
    except (Unsupported, TypeError, KeyError):
        return False
    return True
