"""The seed article's facts (issue 2): every one from general rules, none keyed to this text."""

from __future__ import annotations

import math

import pytest

from pipeline import ArticleRecord, read_article
from tests.conftest import SEED


@pytest.fixture(scope="module")
def record(extractor) -> ArticleRecord:
    return extractor.extract_article(read_article(SEED))


def by_text(items, text):
    found = [m for m in items if m.text == text]
    assert found, f"no mention with text {text!r} in {[m.text for m in items]}"
    return found[0]


def test_metadata_from_reference_block(record):
    assert record.metadata.title == "Beijing-Tianjin-Hebei sci-tech innovation embarks on a new drive"
    assert record.metadata.publisher == "cgtn.com"
    assert "Reference(s)" not in record.text and "cgtn.com" not in record.text
    assert record.reference_date.value == "2025" and record.reference_date.source == "inferred"


@pytest.mark.parametrize("text, value, qualifier, unit", [
    ("less than four percent", 4, "upper_bound", "percent"),
    ("roughly a third", 100 / 3, "approximate", "fraction"),
    ("almost 30 percent", 30, "upper_bound", "percent"),
    ("near six percent", 6, "approximate", "percent"),
    ("16.5 percent", 16.5, "exact", "percent"),
])
def test_percentages(record, text, value, qualifier, unit):
    p = by_text(record.percentages, text)
    assert math.isclose(p.value, value, rel_tol=1e-9)
    assert (p.qualifier, p.unit) == (qualifier, unit)


def test_share_base_and_change(record):
    assert "GDP" in by_text(record.percentages, "roughly a third").of
    change = by_text(record.percentages, "16.5 percent").change
    assert change is not None and (change.direction, change.basis) == ("increase", "year_on_year")


@pytest.mark.parametrize("fragment, value", [
    ("10 trillion yuan", 1e13), ("trillion-yuan", 1e12), ("700-billion-yuan", 7e11)])
def test_money(record, fragment, value):
    m = [m for m in record.money if fragment in m.text]
    assert len(m) == 1 and m[0].value == value and m[0].currency == "CNY"


def test_no_3e12_yuan(record):
    assert all(m.value != 3e12 for m in record.money)


@pytest.mark.parametrize("value, qualifier, counted", [
    (200, "lower_bound", "large language models"), (90, "lower_bound", "unicorns"),
    (145, "exact", "national key labs"), (10, "exact", "new research institutions"),
    (220, "lower_bound", "joint research projects"), (300, "exact", "component suppliers"),
    (3, "exact", "clusters"),
])
def test_counts(record, value, qualifier, counted):
    q = [q for q in record.quantities if q.value == value and q.dimension == "count"]
    assert len(q) == 1
    assert q[0].qualifier == qualifier and counted in (q[0].counted or "")


def test_one_hour_is_a_duration(record):
    q = by_text(record.quantities, "one-hour")
    assert (q.value, q.unit, q.dimension, q.si_value) == (1, "hour", "[time]", 3600)


def test_years_are_not_quantities(record):
    assert not [q for q in record.quantities if q.value in (2025, 2013)]


@pytest.mark.parametrize("text, value, relative, mod", [
    ("This year", "2025", True, None),
    ("the end of 2025", "2025", False, "end"),
    ("September 2013", "2013-09", False, None),
])
def test_dates(record, text, value, relative, mod):
    d = by_text(record.dates, text)
    assert (d.value, d.relative, d.mod) == (value, relative, mod)


def test_period(record):
    d = [d for d in record.dates if "January to November" in d.text][0]
    assert (d.value, d.start_date, d.end_date) == ("2025-01/2025-11", "2025-01-01", "2025-11-30")


def test_not_dates(record):
    texts = " | ".join(d.text for d in record.dates)
    assert "Five-Year" not in texts and "year on year" not in texts
    assert any(d.text == "2025" and d.granularity == "year" for d in record.dates)


def test_ordinals(record):
    values = {o.text: o.value for o in record.ordinals}
    assert values.get("18th") == 18 and values.get("14th") == 14


@pytest.mark.parametrize("text, label", [
    ("Zhongguancun", None), ("Beijing", "GPE"), ("Tianjin", "GPE"), ("Hebei", "GPE"),
    ("Xi Jinping", "PERSON"), ("Central Economic Work Conference", None), ("Huairou Science City", None),
])
def test_entities(record, text, label):
    ents = [e for e in record.entities if e.canonical == text]
    assert ents, f"{text} missing"
    if label:
        assert ents[0].label == label


def test_merged_entities(record):
    canon = [e.canonical for e in record.entities]
    assert any("14th Five-Year Plan" == c for c in canon)
    assert any("Communist Party of China Central Committee" in c for c in canon)
    assert not any(c in ("Communist Party", "China Central Committee") for c in canon)


def test_false_entities_dropped(record):
    assert not [e for e in record.entities if e.text == "sci-tech"]
    assert not [e for e in record.entities if e.text == "AI" and e.label == "GPE"]


def test_reference_block_not_mentioned(record):
    n = len(record.text)
    assert all(m.end <= n for m in record.mentions())


def _claim_for(record, value_text):
    ids = {m.id: m for m in record.mentions()}
    for c in record.claims:
        if any(value_text in ids[v].text for v in c.values):
            return c, ids
    raise AssertionError(f"no claim for {value_text}")


def test_claim_share_of_gdp(record):
    c, ids = _claim_for(record, "roughly a third")
    assert ids[c.subject_entity].canonical == "Zhongguancun"
    assert c.predicate == "contribute" and "GDP" in c.measure


def test_claim_output_growth(record):
    c, ids = _claim_for(record, "16.5 percent")
    assert "output" in c.measure
    assert ids[c.time].value == "2025-01/2025-11"


def test_claim_combined_revenue(record):
    c, ids = _claim_for(record, "10 trillion yuan")
    assert c.measure == "combined revenue"
    assert ids[c.time].text == "the end of 2025"


def test_claim_rd_spending(record):
    c, ids = _claim_for(record, "near six percent")
    assert ids[c.subject_entity].canonical == "Beijing"
    assert "R&D spending" in c.measure
