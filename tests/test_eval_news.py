"""The news-dev scorer (pipeline.evaluate.news*): equal to the set's reference scorer, and its rules in tables.

The comparison runs ``news-dev/score.py`` (the set's own scorer) in a subprocess
on our records of the whole set and requires every mention row and every claims
figure, verdict by verdict, to equal ours. The synthetic article is the one of
``score.py --self-test``, with the counts its author derived by hand.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pipeline.evaluate.news import score_news
from pipeline.evaluate.news_claims import jaccard, norm_name
from pipeline.evaluate.news_dates import date_matches, parse_iso_value
from pipeline.evaluate.news_gold import GoldMention, load_news_gold
from pipeline.evaluate.news_mentions import PredMention, check_value, classify, match_mentions
from pipeline.evaluate.news_report import news_below_floors, news_floors
from pipeline.record import ArticleRecord


# ---------------------------------------------------------------- against score.py
@pytest.fixture(scope="module")
def reference(news_run, tmp_path_factory) -> dict[str, Any]:
    """score.py's JSON on our records of the set, written as ``newsclaims run`` writes them."""
    out = tmp_path_factory.mktemp("news-records")
    for doc, record in news_run.records.items():
        (out / f"{doc}.json").write_text(record.to_json(), encoding="utf-8")
    result = out / "score.json"
    proc = subprocess.run([sys.executable, str(news_run.folder / "score.py"), "--gold", str(news_run.folder),
                           "--records", str(out), "--json", str(result)], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "no record" not in proc.stderr and "reference date" not in proc.stderr, proc.stderr
    return json.loads(result.read_text(encoding="utf-8"))


def _ours(news_run) -> dict[str, Any]:
    return json.loads(json.dumps(news_run.score.to_dict()))


def test_every_mention_row_equals_score_py(news_run, reference):
    ours = {r["label"]: r for r in _ours(news_run)["rows"]}
    theirs = {r["label"]: r for r in reference["rows"]}
    assert list(ours) == list(theirs)
    for label, row in theirs.items():
        diff = {k: (ours[label].get(k), v) for k, v in row.items() if ours[label].get(k) != v}
        assert not diff, f"{label}: (ours, score.py) {diff}"


def test_every_claims_figure_equals_score_py(news_run, reference):
    ours, theirs = _ours(news_run)["claims"], reference["claims"]
    assert theirs["gold"] == 270, "the set's README counts 270 gold claims"
    for key in ("gold", "found", "recall", "predicted", "predicted_scorable", "predicted_matched", "precision",
                "unmatched_predicted", "unresolved_ids", "fields", "all_fields_right", "per_doc", "unmatched"):
        assert ours[key] == theirs[key], key
    # one verdict per gold claim: found or not, by which claim, and each field's verdict and reason
    assert len(ours["claims"]) == len(theirs["claims"])
    for mine, ref in zip(ours["claims"], theirs["claims"], strict=True):
        assert mine == ref, f"{ref['doc']} #{ref['index']}"
    assert set(ours) == set(theirs)


# ---------------------------------------------------------------- score.py's self-test article
_TITLE = "Acme results\n\n"
_BODY = ("Acme Corp said revenue rose 5% in 2023, while costs fell 6% to 8% and sales hit $3 million. Then 130 "
         "workers joined in March 2023 and laid 2 km of cable. Beta Ltd made a third of sales and plans a second "
         "site by the end of 2025, a first for Gamma.")
_TEXT = _TITLE + _BODY + "\n"


def _span(text: str, after: str = "", **extra: Any) -> dict[str, Any]:
    start = _TEXT.index(text, _TEXT.index(after))
    return {"text": text, "start": start, "end": start + len(text), **extra}


def _mention(text: str, mention_id: str, after: str = "", **fields: Any) -> dict[str, Any]:
    """A record mention on the body (the record has no title line: offsets shift)."""
    span = _span(text, after)
    return {"id": mention_id, "text": text, "start": span["start"] - len(_TITLE), "end": span["end"] - len(_TITLE),
            "sentence": 0, **fields}


def _self_test_record() -> ArticleRecord:
    number = {"qualifier": "exact"}
    return ArticleRecord.model_validate({
        "doc_id": "renamed", "text": _BODY, "text_sha256": "0" * 64, "metadata": {"published": "2024-01-02"},
        "reference_date": {"value": "2024-01-02", "source": "metadata"},
        "pipeline": {"version": "test", "model": "none"},
        "percentages": [
            _mention("rose 5%", "p1", value=5, lower=5, upper=5, change={"direction": "increase"}, **number),
            _mention("6% to 8%", "p2", value=None, lower=6, upper=8, qualifier="range",
                     change={"direction": "decrease"}),
            _mention("a third", "p3", value=33.3333333, unit="fraction", **number)],
        "money": [_mention("$3 million", "m1", value=3e6, currency="EUR", **number)],
        "quantities": [_mention("3", "q1", "$3", value=3, **number), _mention("130", "q2", value=130, **number),
                       _mention("2 km", "q3", value=2000, unit="meter", **number)],
        "dates": [_mention("2023", "d1", value="2023", start_date="2023-01-01", end_date="2023-12-31"),
                  _mention("March 2023", "d2", value="2023"),
                  _mention("the end of 2025", "d3", value="2025", mod="end", start_date="2025-09-01",
                           end_date="2025-12-31")],
        "ordinals": [_mention("first", "o1", value=1)],
        "entities": [_mention(t, i, label=lab, canonical=t) for t, i, lab in (
            ("Acme Corp", "e1", "ORG"), ("Beta Ltd", "e2", "PERSON"), ("Gamma", "e3", "ORG"))],
        "claims": [
            {"id": "c1", "sentence": 0, "values": ["p1"], "subject_entity": "e1", "predicate": "rise",
             "measure": "Revenue", "time": "d1"},
            {"id": "c2", "sentence": 0, "values": ["p2"], "subject_entity": "e1", "predicate": "fall",
             "measure": "cost"},
            {"id": "c3", "sentence": 0, "values": ["q2"], "predicate": "join", "measure": "workers", "time": "d2"},
            {"id": "c4", "sentence": 0, "values": ["p1"], "predicate": "rise"},
            {"id": "c5", "sentence": 0, "values": ["q3"]}],
    })


def _write_self_test_gold(folder: Path) -> None:
    gold = [("5%", "percentage", {"value": 5, "qualifier": "exact"}), ("2023", "date", {"value": "2023"}),
            ("6%", "percentage", {"value": 6, "range_role": "start"}),
            ("8%", "percentage", {"value": 8, "range_role": "end"}),
            ("$3 million", "money", {"value": 3e6, "currency": "USD"}),
            ("2 km", "quantity", {"value": 2, "unit": "kilometer"}),
            ("130", "quantity", {"value": 130, "unit": None, "counted": "staff"}),
            ("a third", "fraction", {"value": 0.3333}), ("March 2023", "date", {"value": "2023-03"}),
            ("end of 2025", "date", {"value": "2025-12"}), ("Acme Corp", "entity", {"label": "ORG"}),
            ("Beta Ltd", "entity", {"label": "ORG"}), ("second", "ordinal", {"value": 2})]
    claims = [
        {"values": [_span("5%")], "subject": _span("revenue"), "subject_entity": "Acme Corporation",
         "predicate": "rise", "measure": _span("revenue"), "time": _span("2023"), "change": {"direction": "increase"}},
        {"values": [_span("6%"), _span("8%")], "subject": _span("costs"), "subject_entity": None,
         "implied_entity": "Acme Corporation", "predicate": "fall", "measure": _span("costs"), "time": None,
         "change": {"direction": "decrease"}},
        {"values": [_span("130")], "subject": _span("workers"), "subject_entity": None, "predicate": "join",
         "measure": None, "time": _span("March 2023"), "change": None},
        {"values": [_span("$3 million")], "subject": _span("sales"), "subject_entity": None, "predicate": "hit",
         "measure": _span("sales"), "time": None, "change": None}]
    (folder / "articles").mkdir()
    (folder / "gold").mkdir()
    (folder / "articles" / "01_t.txt").write_text(_TEXT, encoding="utf-8")
    (folder / "articles" / "01_t.meta.json").write_text(json.dumps({"published": "2024-01-02"}), encoding="utf-8")
    (folder / "gold" / "01_t.json").write_text(json.dumps(
        {"mentions": [_span(t, kind=k, **kw) for t, k, kw in gold]}), encoding="utf-8")
    (folder / "gold" / "01_t.claims.json").write_text(json.dumps(
        {"entity_aliases": {"Acme Corporation": ["Acme Corp"]}, "claims": claims}), encoding="utf-8")


# row -> (tp, fp, fn, fragments, value_checked, value_correct), from score.py's self_test; "2000 meter"
# is right for "2 km" through pint; the "3" inside "$3 million" is a fragment.
SELF_TEST_ROWS = {
    "percentage": (3, 0, 0, 0, 3, 3), "money": (1, 0, 0, 0, 1, 0), "quantity": (2, 0, 0, 1, 2, 2),
    "fraction": (1, 0, 0, 0, 1, 1), "date": (3, 0, 0, 0, 3, 2), "ordinal": (0, 1, 1, 0, 0, 0),
    "entity": (2, 1, 0, 0, 2, 1), "entity (span+label)": (1, 2, 1, 0, 0, 0)}


def test_self_test_article(tmp_path):
    _write_self_test_gold(tmp_path)
    score = score_news(load_news_gold(tmp_path), {"01_t": _self_test_record()})
    got = {r["category"]: tuple(r[k] for k in ("tp", "fp", "fn", "fragments", "value_checked", "value_correct"))
           for r in score.rows}
    assert got == SELF_TEST_ROWS
    c = score.claims
    assert c is not None
    assert (c["gold"], c["found"], c["predicted"], c["predicted_scorable"]) == (4, 3, 5, 5)
    assert c["unmatched_predicted"] == {"gold_claim_already_matched": 1, "no_gold_value": 1}
    assert {f: v["correct"] for f, v in c["fields"].items()} == {
        "subject_entity": 2, "subject_entity_lenient": 3, "measure": 2, "time": 3, "predicate": 3, "change": 3}
    assert c["all_fields_right"]["correct"] == 2
    assert score.warnings == []


# ---------------------------------------------------------------- rules in tables
def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


DATE_CASES = [
    # gold, (start, end, value, mod), right?
    pytest.param("2018", (None, None, "2018-05-02", None), True, id="a day counts for its year"),
    pytest.param("2018-05-02", (None, None, "2018", None), False, id="a year does not count for one of its days"),
    pytest.param("2020-Q1", ("2020-01-01", "2020-03-31", "2020-Q1", None), True, id="quarter"),
    pytest.param("2018-01/2018-06", (None, None, "2018-H1", None), True, id="half as a month interval"),
    pytest.param("2017-03", ("2017-01-01", "2017-03-31", "2017-Q1", "end"), True, id="end of the quarter"),
    pytest.param("2017-01", ("2017-01-01", "2017-03-31", "2017-Q1", "end"), False, id="end mod, wrong edge"),
    pytest.param("2017-01", ("2017-01-01", "2017-03-31", "2017-Q1", "start"), True, id="start mod"),
    pytest.param("2015-10-26", ("2015-10-26", None, "2015-10-26", None), True, id="start only"),
    pytest.param("2016/2020", (None, None, "2016/2020", None), True, id="year interval"),
    pytest.param("2016-04", (None, None, "fiscal fourth-quarter", None), False, id="no date value"),
]


@pytest.mark.parametrize(("gold", "pred", "right"), DATE_CASES)
def test_date_matches(gold, pred, right):
    start, end, value, mod = pred
    interval = parse_iso_value(gold)
    assert interval is not None
    ok, _ = date_matches(interval, start=_d(start) if start else None, end=_d(end) if end else None, value=value,
                         mod=mod)
    assert ok is right


@pytest.mark.parametrize(("predicted", "gold", "right"), [
    pytest.param("goods trade", "country's goods trade", True, id="2 of 3 content words"),
    pytest.param("electricity output", "Electricity output from wind power facilities", False, id="2 of 5"),
    pytest.param("wage", "wages", False, id="no stemming"),
    pytest.param("value-added tax", "value added tax", True, id="hyphen splits words"),
    pytest.param("The", "the", True, id="no content words: equal text"),
    pytest.param("the", "its", False, id="no content words: different text"),
])
def test_measure_jaccard(predicted, gold, right):
    assert (jaccard(predicted, gold) >= 0.5) is right


@pytest.mark.parametrize(("name", "normalized"), [
    ("The Bank of Korea", "bank of korea"), ("Shopify's", "shopify"), ("Walgreens'", "walgreens"),
    ("  KT&G   Corp. ", "kt&g corp."), ("Lululemon\u2019s", "lululemon"), (None, ""),
])
def test_entity_names(name, normalized):
    assert norm_name(name) == normalized


def _gold(kind: str, **fields: Any) -> GoldMention:
    return GoldMention(kind=kind, start=0, end=10, text="x" * 10, **fields)


def _pred(kind: str, **fields: Any) -> PredMention:
    p = PredMention(kind=kind, start=0, end=10, text="x" * 10, id="m1", **fields)
    p.cls = classify(p)
    return p


VALUE_CASES = [
    pytest.param(_gold("quantity", point=160000.0), _pred("quantity", value=160000.0), True, id="plain count"),
    pytest.param(_gold("quantity", point=53.0), _pred("quantity", value=53.0, unit="week"), False,
                 id="a count gold wants no physical unit"),
    pytest.param(_gold("quantity", point=500.0), _pred("quantity", value=500.0, unit="TEU"), True,
                 id="our own unit TEU is not stock pint: read as a count"),
    pytest.param(_gold("quantity", point=1.0, unit="year"), _pred("quantity", value=12.0, unit="month"), False,
                 id="12 months are 360 days, not a 365-day year"),
    pytest.param(_gold("quantity", point=27.0, unit="kilometer"), _pred("quantity", value=27000.0, unit="meter"),
                 True, id="converted into the gold unit"),
    pytest.param(_gold("percentage", point=0.3), _pred("percentage", value=30.0, unit="basis_point"), True,
                 id="basis points"),
    pytest.param(_gold("fraction", point=0.6667, tol_abs=5e-5), _pred("percentage", value=66.666667), True,
                 id="a fraction from a percentage"),
    pytest.param(_gold("money", point=28.3e9, currency="AUD"), _pred("money", value=28.3e9, currency="USD"),
                 False, id="currency must match"),
    pytest.param(_gold("percentage", point=6.9, range_role="end"), _pred("percentage", lower=6.7, upper=6.9),
                 True, id="range end"),
    pytest.param(_gold("ordinal", ordinal=3), _pred("ordinal", value=3.0), True, id="ordinal"),
    pytest.param(_gold("entity", label="ORG"), _pred("entity", label="GPE"), False, id="entity label"),
]


@pytest.mark.parametrize(("gold", "pred", "right"), VALUE_CASES)
def test_check_value(gold, pred, right):
    ok, detail = check_value(gold, pred)
    assert ok is right, detail


def test_a_range_prediction_matches_both_ends_of_a_gold_range():
    start = GoldMention(kind="percentage", start=0, end=3, text="6.7", point=6.7, range_role="start")
    end = GoldMention(kind="percentage", start=7, end=18, text="6.9 percent", point=6.9, range_role="end")
    pred = PredMention(kind="percentage", start=0, end=18, text="6.7 to 6.9 percent", id="p1", lower=6.7, upper=6.9,
                       unit="percent", cls="percentage")
    res = match_mentions([start, end], [pred])
    assert sorted((p.gold.text, p.ok) for p in res.pairs) == [("6.7", True), ("6.9 percent", True)]
    assert not res.missed and not res.fps and not res.fragments


def test_floors_round_down_and_catch_a_drop(news_run):
    floors = news_floors(news_run.score)
    claims = news_run.score.claims
    assert claims is not None
    # rounded down from the exact counts
    right = claims["all_fields_right"]
    assert floors["news/claims"]["all_fields_right"] == (1000 * right["correct"] // right["of"]) / 10
    assert news_below_floors(news_run.score, floors) == {}
    raised = {row: {k: (v + 0.1 if v is not None else None) for k, v in figures.items()}
              for row, figures in floors.items()}
    problems = news_below_floors(news_run.score, raised)
    assert set(problems) == {row for row, figures in floors.items() if any(v is not None for v in figures.values())}
