"""The rule engine of the claim stages: rules are records, applied in the order the data gives.

A claim rule is a record in one of the TOML files in ``pipeline/claims/rules/``::

    [[rule]]
    id = "entity.prep-owner"          # stage.name, unique
    chain = "entity.subject"          # the decision list it belongs to
    priority = 30                     # order within the chain: lower first, unique
    why = "A name after at/of/in owns the subject: 'Revenue at Kestrel', 'Temperatures in Gulmarg'."
    examples = [{text = "Revenue at Kestrel Air rose 5 percent in May.", value = "5 percent",
                 subject_entity = "Kestrel Air"}]
    negatives = [{text = "...", value = "...", not = {subject_entity = "..."}}]

and the code that decides is a small function registered under the same id with
:func:`rule`. The data says *which* rules exist, in *what order* they are tried and
*why*; the function only says *whether* it applies to one claim and what it gives.
``tests/test_claim_rules.py`` runs every example (the rule must fire on it and
give the expected fields) and every negative (the fields must not come out so),
and checks that data and code name the same rules.

A chain is applied in one of three ways (the ``mode`` of :data:`CHAINS`):

- ``first``: rules in priority order; the first that gives an answer decides. A
  rule answers :data:`NOTHING` to decide "none" and stop the chain (for example
  "the government" names no entity, and no later rule may guess one); it returns
  ``None`` when it does not apply.
- ``any``: a test is true when one rule holds (the reasons a date is a comparison
  basis, the reasons a value is no claim).
- ``each``: every rule is applied in order, each may change the claim (the rules
  that link a claim to the one before it in the sentence).

Why a table of our own and not only spaCy ``DependencyMatcher`` patterns: most
rules test more than a tree shape (word lists, entity labels, positions of other
mentions, the text between two spans), which patterns cannot say; the record
keeps what makes a Duckling rule a record — id, order, reason and examples — and
keeps the test in a named function.

Every rule that fires is written to the active trace (:func:`tracing`), with the
value it fired for, so a test or a reviewer can see which rule gave a field.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Final, Literal

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover  (the backport, for Python 3.10)
    import tomli as tomllib

RULES_DIR: Final = Path(__file__).with_name("rules")

Mode = Literal["first", "any", "each"]


class _Nothing:
    """A rule's answer "none, and stop": the chain decides None."""

    _instance: _Nothing | None = None

    def __new__(cls) -> _Nothing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "NOTHING"

    def __bool__(self) -> bool:
        return False


NOTHING: Final = _Nothing()

#: The decision lists, how each is applied, and what it decides.
CHAINS: Final[dict[str, tuple[Mode, str]]] = {
    "claim.skip": ("any", "a numeric mention that is no claim of its own"),
    "claim.group": ("any", "a value that joins the claim of the value before it"),
    "anchor": ("each", "where the value hangs in the sentence: the verb or noun that states it"),
    "entity.subject": ("first", "the entity a subject phrase names or refers to"),
    "entity.clause": ("first", "the entity of a subject that names none itself, from its clause"),
    "measure": ("first", "what is measured"),
    "measure.adjust": ("each", "corrections of the measure from the sentence's frame"),
    "time.basis": ("any", "a date of the sentence that is a comparison basis, not the value's time"),
    "time.exclude": ("any", "a date of the sentence that dates another event"),
    "time.carry-filter": ("any", "a date of the previous sentence that is no period to carry"),
    "time.carry-veto": ("any", "why the previous sentence's period must not be carried to this value"),
    "link": ("each", "a claim completed from the claim before it in the sentence"),
}


@dataclass(frozen=True)
class Example:
    """One sentence a rule must handle: the claim of ``value`` has the ``expect`` fields."""

    text: str
    value: str
    expect: dict[str, Any]
    must_not: dict[str, Any]
    published: str = "2025-06-30"


@dataclass(frozen=True)
class Rule:
    id: str
    chain: str
    priority: int
    why: str
    examples: tuple[Example, ...]
    negatives: tuple[Example, ...]
    source: str  # the rules file it is written in
    apply: Callable[..., Any] = field(repr=False, compare=False)


# id -> function, filled by the @rule decorators when the stage modules are imported
_REGISTRY: dict[str, Callable[..., Any]] = {}


def rule(rule_id: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register ``fn`` as the code of the data rule ``rule_id``."""
    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        if rule_id in _REGISTRY:
            raise ValueError(f"claim rule {rule_id!r} is registered twice")
        _REGISTRY[rule_id] = fn
        return fn
    return register


_EXAMPLE_KEYS: Final = frozenset({"text", "value", "published", "not"})


def _example(raw: dict[str, Any], where: str) -> Example:
    if "text" not in raw or "value" not in raw:
        raise ValueError(f"{where}: an example needs 'text' and 'value'")
    if raw["value"] not in raw["text"]:
        raise ValueError(f"{where}: value {raw['value']!r} is not in its text")
    expect = {k: v for k, v in raw.items() if k not in _EXAMPLE_KEYS}
    return Example(text=raw["text"], value=raw["value"], expect=expect, must_not=dict(raw.get("not", {})),
                   published=raw.get("published", "2025-06-30"))


def load_rule_data(directory: Path = RULES_DIR) -> list[dict[str, Any]]:
    """The rule records of every ``*.toml`` file in ``directory``, each with its ``source``."""
    rows: list[dict[str, Any]] = []
    for path in sorted(directory.glob("*.toml")):
        with path.open("rb") as fh:
            for row in tomllib.load(fh).get("rule", []):
                rows.append({**row, "source": path.name})
    return rows


@lru_cache(maxsize=1)
def rules() -> dict[str, tuple[Rule, ...]]:
    """Every chain's rules in the order they are applied (the data files joined with the code)."""
    from pipeline.claims import stages  # noqa: F401  (imports register the rule functions)

    return build_rules(load_rule_data(), _REGISTRY)


def build_rules(rows: list[dict[str, Any]], code: dict[str, Callable[..., Any]]) -> dict[str, tuple[Rule, ...]]:
    """Join rule records with their code, each chain sorted by priority.

    Raises ``ValueError`` when data and code disagree: a rule without code, code
    without a rule, an unknown chain, an id written twice, or two rules of a chain
    with one priority.
    """
    by_chain: dict[str, list[Rule]] = {name: [] for name in CHAINS}
    seen: set[str] = set()
    for row in rows:
        where = f"{row.get('source', '?')}: rule {row.get('id')!r}"
        missing = {"id", "chain", "priority", "why"} - row.keys()
        if missing:
            raise ValueError(f"{where}: missing {sorted(missing)}")
        if row["id"] in seen:
            raise ValueError(f"{where}: id written twice")
        seen.add(row["id"])
        if row["chain"] not in CHAINS:
            raise ValueError(f"{where}: unknown chain {row['chain']!r}")
        if row["id"] not in code:
            raise ValueError(f"{where}: no code registered for it (@rule({row['id']!r}))")
        by_chain[row["chain"]].append(Rule(
            id=row["id"], chain=row["chain"], priority=int(row["priority"]), why=row["why"],
            examples=tuple(_example(e, where) for e in row.get("examples", [])),
            negatives=tuple(_example(e, where) for e in row.get("negatives", [])),
            source=row.get("source", "?"), apply=code[row["id"]]))
    unwritten = sorted(set(code) - seen)
    if unwritten:
        raise ValueError(f"claim rules with code but no data record: {unwritten}")
    ordered: dict[str, tuple[Rule, ...]] = {}
    for name, chain in by_chain.items():
        chain.sort(key=lambda r: r.priority)
        priorities = [r.priority for r in chain]
        if len(set(priorities)) != len(priorities):
            raise ValueError(f"chain {name!r}: two rules share a priority")
        ordered[name] = tuple(chain)
    return ordered


# -- tracing -------------------------------------------------------------------

@dataclass(frozen=True)
class Fired:
    """A rule that fired, for the value mention at ``start``-``end`` of the chunk."""

    rule_id: str
    start: int
    end: int


_TRACE: ContextVar[list[Fired] | None] = ContextVar("newsclaims_claim_trace", default=None)


@contextmanager
def tracing() -> Iterator[list[Fired]]:
    """Collect the rules that fire inside the block (in this thread/context)."""
    trace: list[Fired] = []
    token = _TRACE.set(trace)
    try:
        yield trace
    finally:
        _TRACE.reset(token)


def _fired(r: Rule, at: tuple[int, int]) -> None:
    trace = _TRACE.get()
    if trace is not None:
        trace.append(Fired(r.id, *at))


# -- applying chains --------------------------------------------------------------

def first(chain: str, at: tuple[int, int], *args: Any) -> Any:
    """The answer of the first rule of ``chain`` that gives one (``NOTHING`` -> None)."""
    for r in rules()[chain]:
        answer = r.apply(*args)
        if answer is not None:
            _fired(r, at)
            return None if answer is NOTHING else answer
    return None


def any_of(chain: str, at: tuple[int, int], *args: Any) -> bool:
    """Whether a rule of ``chain`` holds (the first that does is traced)."""
    for r in rules()[chain]:
        if r.apply(*args):
            _fired(r, at)
            return True
    return False


def each(chain: str, at: tuple[int, int], *args: Any) -> None:
    """Apply every rule of ``chain`` in order; a rule returns True when it changed something."""
    for r in rules()[chain]:
        if r.apply(*args):
            _fired(r, at)


def rules_markdown() -> str:
    """The rule tables of docs/claim-rules.md (``python -m pipeline.claims doc`` writes them)."""
    out = ["# Claim rules",
           "",
           "Generated from `pipeline/claims/rules/*.toml` by `python -m pipeline.claims doc > docs/claim-rules.md`;",
           "a test fails when this page is out of date. How the chains are applied and how to add a rule:",
           "[claims.md](claims.md).",
           ""]
    for name, chain in rules().items():
        mode, what = CHAINS[name]
        out += [f"## {name} ({mode}): {what}", "", "| priority | id | why | examples | negatives |",
                "|---:|---|---|---:|---:|"]
        out += [f"| {r.priority} | `{r.id}` | {r.why.replace('|', '/')} | {len(r.examples)} | {len(r.negatives)} |"
                for r in chain]
        out.append("")
    return "\n".join(out)
