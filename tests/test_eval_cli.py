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
