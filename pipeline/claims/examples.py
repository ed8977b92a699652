"""Checking a claim rule's example sentences against what the pipeline gives.

An example names a value (its text, the first mention with exactly that text) and
the fields the claim holding it must have:

- ``subject``, ``predicate``, ``measure``, ``speaker``: the text, exactly;
- ``subject_entity``: the entity's canonical name; ``time``: the date's ISO value;
- ``time_source``, ``quoted``; ``change``: the value's change direction;
- ``claim = false``: no claim holds the value; ``values``: how many values the claim has;
- ``none = ["time", ...]``: fields that must be null.

A negative example gives, under ``not``, fields the claim must not have.
"""

from __future__ import annotations

from typing import Any

from pipeline.claims.engine import Example
from pipeline.record import ArticleRecord, Claim, Mention

_TEXT_FIELDS = ("subject", "predicate", "measure", "speaker", "time_source", "quoted")


def claim_fields(record: ArticleRecord, claim: Claim) -> dict[str, Any]:
    """A claim's fields as an example writes them."""
    ids: dict[str, Mention] = {m.id: m for m in record.mentions()}
    entity = ids.get(claim.subject_entity or "")
    time = ids.get(claim.time or "")
    first = ids[claim.values[0]]
    change = getattr(first, "change", None)
    return {
        **{name: getattr(claim, name) for name in _TEXT_FIELDS},
        "subject_entity": getattr(entity, "canonical", None),
        "time": getattr(time, "value", None),
        "change": change.direction if change is not None else None,
        "values": len(claim.values),
        "claim": True,
    }


def find_value(record: ArticleRecord, value: str) -> Mention | None:
    """The first numeric mention whose text is ``value``."""
    numeric = sorted([*record.quantities, *record.percentages, *record.money], key=lambda m: m.start)
    return next((m for m in numeric if m.text == value), None)


def fields_for(record: ArticleRecord, value: str) -> dict[str, Any] | None:
    """The fields of the claim holding ``value``; ``{"claim": False}`` if none does; None if no such value."""
    mention = find_value(record, value)
    if mention is None:
        return None
    claim = next((c for c in record.claims if mention.id in c.values), None)
    return claim_fields(record, claim) if claim is not None else {"claim": False}


def problems(example: Example, got: dict[str, Any] | None, *, negative: bool = False) -> list[str]:
    """What is wrong with ``got`` (from :func:`fields_for`) for ``example``; empty when right."""
    if got is None:
        return [f"no numeric mention {example.value!r} in {example.text!r}"]
    out: list[str] = []
    if negative:
        for key, bad in example.must_not.items():
            if got.get(key) == bad:
                out.append(f"{key} is {bad!r}, which the negative example forbids")
        return out
    for key, want in example.expect.items():
        if key == "none":
            out += [f"{name} is {got.get(name)!r}, expected null" for name in want if got.get(name) is not None]
        elif key == "claim" and want is False:
            if got.get("claim"):
                out.append("a claim holds the value, expected none")
        elif got.get(key) != want:
            out.append(f"{key} is {got.get(key)!r}, expected {want!r}")
    return out


def check_files(paths: list[str]) -> int:
    """Run every example of the given rule files through the pipeline; print what fails.

    ``python -m pipeline.claims check pipeline/claims/rules/entity.toml``: a
    check while writing examples (the test suite also checks that each rule fires).
    """
    from pathlib import Path

    from pipeline.claims.engine import _example, tomllib
    from pipeline.extractor import Extractor

    extractor = Extractor()
    failed = total = 0
    for path in paths:
        for row in tomllib.loads(Path(path).read_text(encoding="utf-8")).get("rule", []):
            for negative, key in ((False, "examples"), (True, "negatives")):
                for raw in row.get(key, []):
                    example = _example(raw, f"{path}: {row['id']}")
                    record = extractor.extract(example.text, published=example.published)
                    found = problems(example, fields_for(record, example.value), negative=negative)
                    total += 1
                    if found:
                        failed += 1
                        print(f"{row['id']} {'negative' if negative else 'example'} {example.text!r}: "
                              + "; ".join(found))
    print(f"{total - failed}/{total} examples right")
    return 1 if failed else 0

