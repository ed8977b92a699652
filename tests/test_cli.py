"""The command line: extract, run (with a bad article among good ones), schema, errors."""

from __future__ import annotations

import json
import subprocess
import sys

from pipeline.cli import EXIT_FAILED_ARTICLES, EXIT_INPUT, EXIT_OK, main
from tests.conftest import SEED


def test_extract_prints_record(capsys):
    assert main(["extract", str(SEED)]) == EXIT_OK
    record = json.loads(capsys.readouterr().out)
    assert record["doc_id"] == "cgtn-beijing-tianjin-hebei"
    assert any(m["value"] == 1e13 for m in record["money"])


def test_extract_writes_file(tmp_path):
    out = tmp_path / "r.json"
    assert main(["extract", str(SEED), "-o", str(out)]) == EXIT_OK
    assert json.loads(out.read_text())["metadata"]["publisher"] == "cgtn.com"


def test_run_writes_records_and_manifest_and_survives_a_bad_article(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Sales rose 5 percent in 2024 to $3 billion.\n", encoding="utf-8")
    (corpus / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    (corpus / "meta.txt").write_text("Profit fell 2 percent.", encoding="utf-8")
    (corpus / "meta.meta.json").write_text('{"published": "2025-13-45"}', encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out)]) == EXIT_FAILED_ARTICLES
    manifest = json.loads((out / "manifest.json").read_text())
    status = {e["doc_id"]: e for e in manifest["articles"]}
    assert status["good"]["status"] == "ok"
    assert status["bad"]["status"] == "failed" and status["bad"]["error"]["code"] == "E002"
    assert "bad.txt" in status["bad"]["error"]["message"]
    assert status["meta"]["status"] == "failed" and "published" in status["meta"]["error"]["message"]
    record = json.loads((out / "good.json").read_text())
    assert record["percentages"][0]["value"] == 5
    assert len(status["good"]["input_sha256"]) == 64
    assert "failed" in capsys.readouterr().err


def test_missing_path_is_an_input_error(tmp_path, capsys):
    assert main(["run", str(tmp_path / "nope"), "--out", str(tmp_path / "o")]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert "E001" in err and "nope" in err


def test_empty_corpus_is_an_input_error(tmp_path, capsys):
    assert main(["run", str(tmp_path), "--out", str(tmp_path / "o")]) == EXIT_INPUT
    assert "E007" in capsys.readouterr().err


def test_schema_command(capsys):
    assert main(["schema"]) == EXIT_OK
    schema = json.loads(capsys.readouterr().out)
    assert "ArticleRecord" in schema["title"]


def test_python_dash_m_is_the_same_cli():
    proc = subprocess.run([sys.executable, "-m", "pipeline", "schema"], capture_output=True, text=True,
                          check=True)
    assert json.loads(proc.stdout)["title"] == "ArticleRecord"


# -- issue 17, case 12: --version and help texts ------------------------------
def _subparsers():
    import argparse

    from pipeline.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return parser, sub.choices


def test_version_prints_the_package_version(capsys):
    import pytest

    from pipeline.version import __version__

    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0 and capsys.readouterr().out == f"newsclaims {__version__}\n"


def test_every_argument_has_a_help_text():
    import argparse

    parser, commands = _subparsers()
    missing = [f"{name} {'/'.join(a.option_strings) or a.dest}"
               for name, p in [("newsclaims", parser), *commands.items()] for a in p._actions
               if not isinstance(a, (argparse._HelpAction, argparse._SubParsersAction)) and not a.help]
    assert missing == []


def test_the_top_level_help_says_what_the_tool_does(capsys):
    import pytest

    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "Read English news articles and write a typed JSON record" in out
    assert "Thin" not in out and "parses arguments" not in out
    assert all(f"    {name}" in out for name in _subparsers()[1])


def test_extract_shows_a_long_article_s_chunks_on_a_terminal(capsys, monkeypatch):
    """Issue 17, case 11: the bar `extract` hands to Extractor.extract_texts(on_chunk=...)."""
    from pipeline.article import Article
    from pipeline.cli import _chunk_bar

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    update, close = _chunk_bar()
    for done in range(4):
        update(Article(doc_id="huge", text=""), done, 3)
    close()
    err = capsys.readouterr().err
    assert "newsclaims: huge" in err and "3/3" in err and "chunk" in err
