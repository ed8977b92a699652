"""Reference-year inference for articles without a publication date, on a set of short
invented articles with known years (tests/data/reference_years.jsonl; null: the text
gives no scoping year, so nothing may be inferred)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.normalize.dates import find_dates
from pipeline.normalize.reference import infer_reference

CASES = [json.loads(line) for line in
         Path(__file__).with_name("data").joinpath("reference_years.jsonl").read_text("utf-8").splitlines()
         if line.strip()]


def test_the_set_is_large_enough():
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_inferred_year_in_records(extractor, case):
    record = extractor.extract(case["text"])
    ref = record.reference_date
    if case["year"] is None:
        assert (ref.value, ref.source, ref.confidence) == (None, "default", None)
    else:
        assert ref.source == "inferred" and ref.value is not None and int(ref.value[:4]) == case["year"]
        assert ref.confidence is not None and 0.4 <= ref.confidence <= 0.95


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_inferred_year_without_the_parse(case):
    # the text-only inference of long (chunked) articles: no clause tense
    inferred = infer_reference(find_dates(case["text"]), case["text"])
    assert (int(inferred.value[:4]) if inferred else None) == case["year"]


CONFIDENCE = [  # stronger evidence, higher confidence
    ("Sales rose in 2011.", "Sales rose on March 3, 2011, the firm said."),
    ("Sales rose in 2011.", "Sales rose in 2011 and again in November 2011."),
]


@pytest.mark.parametrize("weak, strong", CONFIDENCE)
def test_confidence_grows_with_evidence(weak, strong):
    a, b = (infer_reference(find_dates(t), t) for t in (weak, strong))
    assert a is not None and b is not None and a.confidence < b.confidence
