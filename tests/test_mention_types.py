"""The typed hand-off between components (pipeline.nlp) matches the record it becomes."""

from __future__ import annotations

import dataclasses
from typing import get_args

import pytest
from pydantic import BaseModel

from pipeline.nlp import (
    MENTION_KINDS,
    RawChange,
    RawClaim,
    RawDate,
    RawEntity,
    RawMention,
    RawMoney,
    RawOrdinal,
    RawPercentage,
    RawQuantity,
)
from pipeline.record import ArticleRecord, Claim, DateMention, Entity, Mention, Money, Ordinal, Percentage, Quantity

PAIRS: list[tuple[type[RawMention], type[BaseModel]]] = [
    (RawEntity, Entity), (RawQuantity, Quantity), (RawPercentage, Percentage), (RawMoney, Money),
    (RawDate, DateMention), (RawOrdinal, Ordinal),
]
_MENTION_COMMON = set(Mention.model_fields)  # id, text, start, end, sentence: set by the extractor


@pytest.mark.parametrize(("raw", "model"), PAIRS, ids=lambda t: t.__name__)
def test_raw_fields_are_the_records(raw: type[RawMention], model: type[BaseModel]) -> None:
    names = {f.name for f in dataclasses.fields(raw)} - {"start", "end"}
    assert names == set(model.model_fields) - _MENTION_COMMON


@pytest.mark.parametrize(("raw", "model"), PAIRS, ids=lambda t: t.__name__)
def test_raw_defaults_are_the_records(raw: type[RawMention], model: type[BaseModel]) -> None:
    """A field a component leaves unset means what the record's default means."""
    for f in dataclasses.fields(raw):
        info = model.model_fields[f.name] if f.name in model.model_fields else None
        if info is not None and not info.is_required():
            assert f.default == info.default, f.name


def test_kinds_are_the_record_lists() -> None:
    assert {raw.kind for raw, _ in PAIRS} == set(MENTION_KINDS)
    for raw, model in PAIRS:
        assert get_args(ArticleRecord.model_fields[raw.kind].annotation) == (model,)


def test_record_fields_build_the_record() -> None:
    q = RawQuantity(3, 9, value=2.0, unit="metre", dimension="[length]",
                    change=RawChange(direction="increase", basis="year_on_year"))
    fields = q.record_fields()
    assert "start" not in fields and fields["change"] == {"direction": "increase", "basis": "year_on_year"}
    made = Quantity(id="q1", text="2 metres", start=3, end=9, sentence=0, **fields)
    assert made.change is not None and made.change.basis == "year_on_year" and made.si_value is None


def test_has_number() -> None:
    assert not RawPercentage(0, 1).has_number()
    assert RawMoney(0, 1, upper=5.0).has_number()


def test_mentions_compare_by_identity() -> None:
    """Claims refer to mention objects: two equal-looking mentions are still two."""
    a, b = RawEntity(0, 4, label="ORG", canonical="Acme"), RawEntity(0, 4, label="ORG", canonical="Acme")
    assert a != b and len({a, b}) == 2


def test_claim_fields_are_the_records() -> None:
    names = {f.name for f in dataclasses.fields(RawClaim)} - {"values", "time", "subject_entity"}
    assert names == set(Claim.model_fields) - {"id", "values", "time", "subject_entity"}
