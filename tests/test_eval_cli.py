"""``newsclaims eval`` on a tiny suite folder built in tmp_path (no shared data needed)."""

from __future__ import annotations

import json

import pytest

from pipeline.cli import EXIT_INPUT, EXIT_OK, EXIT_USAGE, main


@pytest.fixture()
def bench(tmp_path):
    rt = tmp_path / "recognizers-text" / "Number"
    rt.mkdir(parents=True)
    (rt / "PercentModel.json").write_text(json.dumps([
        {"Input": "Sales rose 5 percent.", "Results": [
            {"Text": "5 percent", "TypeName": "percentage", "Resolution": {"value": "5%"},
             "Start": 11, "End": 19}]},
        {"Input": "nothing here", "Results": []},
        {"Input": "skipped 3%", "NotSupported": "dotnet", "Results": []},
    ]), encoding="utf-8")
    dk = tmp_path / "duckling"
    dk.mkdir()
    (dk / "Ordinal.jsonl").write_text(json.dumps(
        {"dimension": "Ordinal", "text": "third", "expected": {"type": "value", "value": 3},
         "section": "corpus", "locale": "EN", "with_latent": False, "source": "x:1"}) + "\n",
        encoding="utf-8")
    return tmp_path


def test_eval_prints_tables_and_writes_json_and_floors(bench, tmp_path, capsys):
    out_json, out_floors = tmp_path / "scores.json", tmp_path / "floors.json"
    code = main(["eval", "--benchmarks", str(bench), "--show-failures", "3", "--json", str(out_json),
                 "--write-floors", str(out_floors)])
    assert code == EXIT_OK
    printed = capsys.readouterr().out
    assert "### recognizers-text" in printed and "### duckling" in printed
    assert "Number/PercentModel.json" in printed and "Ordinal.jsonl" in printed
    data = json.loads(out_json.read_text(encoding="utf-8"))
    percent = data["files"][0]
    assert (percent["cases"], percent["skipped"], percent["negatives"], percent["expected"]) == (3, 1, 1, 1)
    import holidays
    import spacy

    # the versions the scores depend on, next to them and in the floors file
    assert data["environment"]["spacy"] == spacy.__version__
    assert data["environment"]["holidays"] == holidays.__version__
    assert {"model", "dateparser", "pint", "babel"} <= set(data["environment"])
    floors_file = json.loads(out_floors.read_text(encoding="utf-8"))
    assert floors_file["environment"] == data["environment"]
    floors = floors_file["files"]
    assert set(floors) == {"recognizers-text/Number/PercentModel.json", "duckling/Ordinal.jsonl"}
    assert floors["duckling/Ordinal.jsonl"]["negatives_wrong_pct_max"] is None


def test_eval_one_suite_and_file_pattern(bench, capsys):
    assert main(["eval", "--benchmarks", str(bench), "--suite", "duckling"]) == EXIT_OK
    assert "recognizers-text" not in capsys.readouterr().out
    assert main(["eval", "--benchmarks", str(bench), "--file", "percent"]) == EXIT_OK
    assert "Ordinal" not in capsys.readouterr().out


def test_eval_errors(bench, tmp_path, capsys):
    assert main(["eval", "--benchmarks", str(bench), "--file", "Nothing*"]) == EXIT_USAGE
    assert main(["eval", "--benchmarks", str(tmp_path / "missing")]) == EXIT_INPUT
    assert "E011" in capsys.readouterr().err


# ---------------------------------------------------------------- news-dev
NEWS_TEXT = "Acme results\n\nAcme Corp said revenue rose 5% in 2023.\n"


def _at(text: str, **extra):
    start = NEWS_TEXT.index(text)
    return {"text": text, "start": start, "end": start + len(text), **extra}


@pytest.fixture()
def news_bench(bench):
    """``bench`` plus a one-article news-dev folder."""
    folder = bench / "news-dev"
    (folder / "articles").mkdir(parents=True)
    (folder / "gold").mkdir()
    (folder / "articles" / "01_acme.txt").write_text(NEWS_TEXT, encoding="utf-8")
    (folder / "articles" / "01_acme.meta.json").write_text(json.dumps({"published": "2024-01-02"}), encoding="utf-8")
    # the gold date is wrong on purpose: a WRONG failure to list
    mentions = [_at("5%", kind="percentage", value=5, qualifier="exact"), _at("2023", kind="date", value="2022"),
                _at("Acme Corp", kind="entity", label="ORG")]
    (folder / "gold" / "01_acme.json").write_text(json.dumps({"mentions": mentions}), encoding="utf-8")
    claim = {"values": [_at("5%")], "subject": _at("revenue"), "subject_entity": "Acme Corp", "predicate": "rise",
             "measure": _at("revenue"), "time": _at("2023"), "change": {"direction": "increase"}}
    (folder / "gold" / "01_acme.claims.json").write_text(json.dumps({"claims": [claim]}), encoding="utf-8")
    return bench


def test_eval_news_prints_rows_claims_articles_and_failures(news_bench, tmp_path, capsys):
    out_json = tmp_path / "scores.json"
    code = main(["eval", "--benchmarks", str(news_bench), "--suite", "news", "--per-article",
                 "--show-failures", "3", "--json", str(out_json)])
    assert code == EXIT_OK
    captured = capsys.readouterr()
    printed = captured.out
    assert "### news-dev" in printed and "### duckling" not in printed
    for row in ("| percentage ", "| money ", "| quantity ", "| fraction ", "| date ", "| ordinal ", "| entity ",
                "| entity (span+label) ", "| found (recall) ", "| subject_entity lenient ",
                "| all fields right (e2e) ", "| 01_acme "):
        assert row in printed, row
    assert "reference date" not in captured.err  # the sidecar's published date was read
    assert "news-dev 01_acme: mentions:" in printed
    assert "want date [48:52] '2023' value=2022-01-01..2022-12-31@year" in printed
    assert "why  got 2023-01-01..2023-12-31 at year" in printed
    news = json.loads(out_json.read_text(encoding="utf-8"))["news"]
    rows = {r["category"]: r for r in news["rows"]}
    assert (rows["percentage"]["gold"], rows["percentage"]["tp"]) == (1, 1)
    assert (rows["date"]["gold"], rows["entity"]["gold"], rows["money"]["gold"]) == (1, 1, 0)
    assert news["claims"]["gold"] == 1 and len(news["claims"]["claims"]) == 1
    assert news["per_article"][0]["doc"] == "01_acme"


def test_eval_news_write_floors_keeps_the_suite_floors(news_bench, tmp_path):
    floors_path = tmp_path / "floors.json"
    suite_floors = {"duckling/Ordinal.jsonl": {"detection_f1": 1.0, "value_accuracy": None,
                                               "negatives_wrong_pct_max": None}}
    floors_path.write_text(json.dumps({"about": "x", "files": suite_floors}), encoding="utf-8")
    assert main(["eval", "--benchmarks", str(news_bench), "--suite", "news",
                 "--write-floors", str(floors_path)]) == EXIT_OK
    written = json.loads(floors_path.read_text(encoding="utf-8"))
    assert written["files"] == suite_floors
    assert written["news"]["news/percentage"]["detection_f1"] == 100.0
    assert set(written["news"]["news/claims"]) == {"recall", "precision", "subject_entity", "subject_entity_lenient",
                                                   "measure", "time", "predicate", "change", "all_fields_right"}


def test_eval_all_includes_news_unless_a_file_pattern_leaves_it_out(news_bench, capsys):
    assert main(["eval", "--benchmarks", str(news_bench), "--file", "percent"]) == EXIT_OK
    assert "news-dev" not in capsys.readouterr().out
    assert main(["eval", "--benchmarks", str(news_bench), "--suite", "all"]) == EXIT_OK
    printed = capsys.readouterr().out
    assert "### recognizers-text" in printed and "### news-dev" in printed


def test_eval_news_without_the_set_is_an_input_error(bench, capsys):
    assert main(["eval", "--benchmarks", str(bench), "--suite", "news"]) == EXIT_INPUT
    assert "E011" in capsys.readouterr().err
