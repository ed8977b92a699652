"""The claim rules as data (pipeline/claims/rules/*.toml): every record is well formed and has
code, and every example and negative example of every rule is run.

An example passes when the claim of its value has the expected fields AND its rule is among
the rules that fired for that value (so the example shows that rule at work, not an earlier
one that happens to give the same answer). A negative passes when the fields it forbids do
not come out.
"""

from __future__ import annotations

import pytest

from pipeline.claims.engine import CHAINS, NOTHING, Example, Rule, build_rules, load_rule_data, rules, tracing
from pipeline.claims.examples import fields_for, find_value, problems

ALL_RULES: list[Rule] = [r for chain in rules().values() for r in chain]

# Rules that no example shows firing yet, each with the reason (kept visible, not skipped).
NO_EXAMPLE: dict[str, str] = {}


def _cases(negative: bool) -> list[tuple[Rule, Example]]:
    return [(r, e) for r in ALL_RULES for e in (r.negatives if negative else r.examples)]


def _id(case: tuple[Rule, Example]) -> str:
    rule, example = case
    return f"{rule.id}:{example.text[:40]}"


def _run(extractor, example: Example):
    with tracing() as trace:
        record = extractor.extract(example.text, published=example.published)
    return record, trace


@pytest.mark.parametrize("case", _cases(False), ids=_id)
def test_rule_example(extractor, case):
    rule, example = case
    record, trace = _run(extractor, example)
    assert problems(example, fields_for(record, example.value)) == []
    mention = find_value(record, example.value)
    assert mention is not None
    fired = {f.rule_id for f in trace if (f.start, f.end) == (mention.start, mention.end)}
    assert rule.id in fired, f"{rule.id} did not fire for {example.value!r}; fired: {sorted(fired)}"


@pytest.mark.parametrize("case", _cases(True), ids=_id)
def test_rule_negative(extractor, case):
    _, example = case
    record, _ = _run(extractor, example)
    assert example.must_not, "a negative example says what must not come out"
    assert problems(example, fields_for(record, example.value), negative=True) == []


def test_every_rule_has_an_example_or_a_reason():
    missing = sorted(r.id for r in ALL_RULES if not r.examples and r.id not in NO_EXAMPLE)
    assert missing == []


def test_rule_records_are_complete():
    for row in load_rule_data():
        assert row["chain"] in CHAINS, row["id"]
        assert row["id"].split(".")[0] in {c.split(".")[0] for c in CHAINS} | {"skip", "group"}, row["id"]
        assert len(row["why"]) >= 20 and "\n" not in row["why"], row["id"]


def test_chains_apply_in_priority_order():
    for chain in rules().values():
        assert [r.priority for r in chain] == sorted(r.priority for r in chain)


def _row(rule_id: str, chain: str = "measure", priority: int = 1) -> dict:
    return {"id": rule_id, "chain": chain, "priority": priority, "why": "a reason of twenty characters"}


def _code(*ids: str) -> dict:
    return {i: (lambda *a: None) for i in ids}


@pytest.mark.parametrize(("rows", "code", "message"), [
    ([_row("measure.a")], _code(), "no code registered"),
    ([_row("measure.a")], _code("measure.a", "measure.b"), "code but no data record"),
    ([_row("measure.a", chain="nowhere")], _code("measure.a"), "unknown chain"),
    ([_row("measure.a"), _row("measure.a", priority=2)], _code("measure.a"), "written twice"),
    ([_row("measure.a"), _row("measure.b")], _code("measure.a", "measure.b"), "share a priority"),
    ([{"id": "measure.a", "chain": "measure"}], _code("measure.a"), "missing"),
    ([{**_row("measure.a"), "examples": [{"text": "Sales rose.", "value": "5 percent"}]}], _code("measure.a"),
     "not in its text"),
], ids=["no-code", "no-data", "chain", "duplicate", "priority", "incomplete", "example-value"])
def test_data_and_code_must_agree(rows, code, message):
    with pytest.raises(ValueError, match=message):
        build_rules(rows, code)


def test_how_chains_are_applied(monkeypatch):
    import pipeline.claims.engine as engine

    rows = [_row("measure.a", priority=1), _row("measure.b", priority=2), _row("measure.c", priority=3)]
    chains = build_rules(rows, {"measure.a": lambda x: None, "measure.b": lambda x: NOTHING if x else None,
                                "measure.c": lambda x: f"c{x}"})
    monkeypatch.setattr(engine, "rules", lambda: chains)
    with tracing() as trace:
        assert engine.first("measure", (0, 1), True) is None  # b decides "none": c is not tried
        assert engine.first("measure", (2, 3), False) == "cFalse"
        assert engine.any_of("measure", (4, 5), False) is True  # c holds
    assert [(f.rule_id, f.start) for f in trace] == [("measure.b", 0), ("measure.c", 2), ("measure.c", 4)]


def test_rules_page_is_current():
    from pipeline.claims.engine import rules_markdown
    from tests.conftest import ROOT

    assert (ROOT / "docs" / "claim-rules.md").read_text(encoding="utf-8") == rules_markdown(), \
        "regenerate: python -m pipeline.claims doc > docs/claim-rules.md"
