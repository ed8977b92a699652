"""Every failure a user can cause: one line on stderr naming what and where, a documented exit code.

And a corpus of bad inputs (generated here) through ``newsclaims run``: every good
article written, every bad one in the manifest with a clear message.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from pipeline.cli import EXIT_FAILED_ARTICLES, EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, main
from pipeline.extractor import Extractor
from tests.conftest import ROOT, SEED


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def test_extract_missing_file(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nope.txt")]) == EXIT_INPUT
    line = _one_line(capsys.readouterr().err)
    assert "E001" in line and "nope.txt" in line


def test_extract_binary_file(tmp_path, capsys):
    (tmp_path / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert main(["extract", str(tmp_path / "img.txt")]) == EXIT_INPUT
    line = _one_line(capsys.readouterr().err)
    assert "E002" in line and "img.txt" in line and "PNG" in line


def test_extract_file_over_max_bytes(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Sales rose 5 percent.", encoding="utf-8")
    assert main(["extract", str(tmp_path / "a.txt"), "--max-bytes", "10"]) == EXIT_INPUT
    line = _one_line(capsys.readouterr().err)
    assert "E004" in line and "a.txt" in line and "10" in line


def test_extract_bad_sidecar_names_field(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Sales rose 5 percent.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "2025-02-30"}', encoding="utf-8")
    assert main(["extract", str(tmp_path / "a.txt")]) == EXIT_INPUT
    line = _one_line(capsys.readouterr().err)
    assert "E005" in line and "a.meta.json" in line and "'published'" in line


@pytest.mark.parametrize("output", ["missing-dir/r.json", "afile/r.json"], ids=["no-dir", "under-a-file"])
def test_extract_unwritable_output(tmp_path, capsys, output):
    (tmp_path / "afile").write_text("")
    assert main(["extract", str(SEED), "-o", str(tmp_path / output)]) == EXIT_INPUT
    line = _one_line(capsys.readouterr().err)
    assert "E008" in line and "r.json" in line


def test_run_unwritable_output_folder(tmp_path, capsys):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("Sales rose 5 percent.", encoding="utf-8")
    (tmp_path / "out").write_text("a file, not a folder")
    assert main(["run", str(tmp_path / "c"), "--out", str(tmp_path / "out" / "sub")]) == EXIT_INPUT
    line = _one_line(capsys.readouterr().err)
    assert "E008" in line and "sub" in line


def test_run_empty_corpus_folder(tmp_path, capsys):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "notes.md").write_text("not an article")
    assert main(["run", str(tmp_path / "c"), "--out", str(tmp_path / "o")]) == EXIT_INPUT
    line = _one_line(capsys.readouterr().err)
    assert "E007" in line and ".html" in line


def test_run_missing_corpus(tmp_path, capsys):
    assert main(["run", str(tmp_path / "nope"), "--out", str(tmp_path / "o")]) == EXIT_INPUT
    line = _one_line(capsys.readouterr().err)
    assert "E001" in line and "nope" in line


@pytest.mark.parametrize("argv", [
    ["extract", str(SEED), "--no-such-option"],
    ["run", "corpus"],  # --out is required
    ["extract", str(SEED), "--max-bytes", "0"],
    ["extract", str(SEED), "--max-bytes", "lots"],
    ["frobnicate"],
], ids=["unknown-option", "missing-required", "max-bytes-zero", "max-bytes-word", "unknown-command"])
def test_usage_errors_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == EXIT_USAGE
    assert "usage:" in capsys.readouterr().err


@pytest.mark.parametrize("command, model", [
    ("extract", "no_such_model"), ("run", "no_such_model"), ("extract", "no.such.model"),
], ids=["extract", "run", "dotted-name"])
def test_model_not_installed_is_e006_with_install_command(tmp_path, capsys, command, model):
    argv = [command, str(SEED), "--model", model]
    if command == "run":
        argv += ["--out", str(tmp_path / "o")]
    assert main(argv) == EXIT_INPUT
    line = _one_line(capsys.readouterr().err)
    assert "E006" in line and model in line and "pip install" in line


@pytest.mark.parametrize("package", ["json", "numpy"])
def test_installed_package_that_is_not_a_model_is_e006(capsys, package):
    assert main(["extract", str(SEED), "--model", package]) == EXIT_INPUT
    line = _one_line(capsys.readouterr().err)
    assert "E006" in line and f"'{package}' is not a loadable spaCy model" in line


# -- issue 17, case 8: the error contract ------------------------------------
@pytest.mark.parametrize("command", ["extract", "run"])
@pytest.mark.parametrize("value, why", [
    ("2025-02-30", "not a valid date: '2025-02-30'"),
    ("2025-13", "not a valid date: '2025-13'"),
    ("garbage", "expected YYYY, YYYY-MM or YYYY-MM-DD, got 'garbage'"),
    ("9999-12-31", "'9999-12-31' is outside the years 1000-2999"),
])
def test_a_bad_reference_date_is_a_usage_error(tmp_path, capsys, command, value, why):
    argv = [command, str(SEED), "--reference-date", value, *(["--out", str(tmp_path)] if command == "run" else [])]
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == EXIT_USAGE
    assert f"argument --reference-date: {why}" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("value", ["2025", "2025-02", "2025-02-28"])
def test_a_good_reference_date_is_accepted(capsys, value):
    assert main(["extract", str(SEED), "--reference-date", value]) == EXIT_OK


def test_bad_whole_numbers_do_not_name_internal_functions(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["run", str(SEED), "--out", str(tmp_path), "--jobs", "abc"])
    err = capsys.readouterr().err
    assert "argument --jobs: expected a whole number, got 'abc'" in err and "_positive_int" not in err


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01"])
def test_a_sidecar_date_outside_sane_years_is_e005(tmp_path, capsys, date):
    (tmp_path / "a.txt").write_text("Sales fell 5% last month and will rise next year.\n", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"published": date}), encoding="utf-8")
    assert main(["extract", str(tmp_path / "a.txt")]) == EXIT_INPUT
    line = _one_line(capsys.readouterr().err)
    assert f"a.meta.json (field 'published'): E005: '{date}' is outside the years 1000-2999" in line


@pytest.mark.parametrize("command", ["extract", "render"])
def test_extract_and_render_agree_on_an_unwritable_output(tmp_path, capsys, command):
    (tmp_path / "file").write_text("")
    source = str(SEED) if command == "extract" else str(ROOT / "outputs" / f"{SEED.stem}.json")
    assert main([command, source, "-o", str(tmp_path / "file" / "x")]) == EXIT_INPUT
    line = _one_line(capsys.readouterr().err)
    assert line == f"newsclaims: {tmp_path / 'file' / 'x'}: E008: cannot write (Not a directory)"


def test_a_record_name_too_long_fails_naming_the_article(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    nested = corpus / ("d" * 150) / ("n" * 150 + ".txt")
    nested.parent.mkdir(parents=True)
    nested.write_text("Sales rose 5 percent.\n", encoding="utf-8")
    (corpus / "ok.txt").write_text("Prices fell 3%.\n", encoding="utf-8")
    assert main(["run", str(corpus), "--out", str(tmp_path / "out"), "--jobs", "1"]) == EXIT_FAILED_ARTICLES
    rel = nested.relative_to(corpus).as_posix()
    assert f"newsclaims: failed: {rel}: E008: cannot write its record {'d' * 150}__{'n' * 150}.json: " \
           f"cannot write (File name too long)" in capsys.readouterr().err


@pytest.mark.parametrize("victim", ["manifest.json", "claims.jsonl"])
def test_disk_full_names_the_file(tmp_path, capsys, monkeypatch, victim):
    import errno
    import tempfile

    import pipeline.outdir

    real = tempfile.mkstemp

    def mkstemp(*args, **kwargs):
        if kwargs.get("prefix", "").startswith(f".{victim}."):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline.outdir.tempfile, "mkstemp", mkstemp)
    out = tmp_path / "out"
    assert main(["run", str(SEED), "--out", str(out), "--jobs", "1"]) == EXIT_INPUT
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == f"newsclaims: {out / victim}: E008: cannot write (No space left on device)"


def test_every_failed_article_line_carries_its_code(tmp_path, capsys, monkeypatch):
    def boom(self, articles, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(Extractor, "extract_texts", boom)  # what run extracts with
    (tmp_path / "a.txt").write_text("Sales rose 5 percent.\n", encoding="utf-8")
    assert main(["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert "newsclaims: failed: a.txt: E010: RuntimeError: simulated bug" in err


def test_unexpected_error_is_one_line_unless_debug(monkeypatch, capsys):
    def boom(self, article, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(Extractor, "extract_texts", boom)  # what extract extracts with
    assert main(["extract", str(SEED)]) == EXIT_INTERNAL
    line = _one_line(capsys.readouterr().err)
    assert "E010" in line and "simulated bug" in line and "--debug" in line
    with pytest.raises(RuntimeError):
        main(["--debug", "extract", str(SEED)])


# -- a corpus of bad inputs through `newsclaims run` ---------------------------
GOOD = "Sales rose 5 percent in 2024 to $3 billion, the company said.\n"
BAD_CORPUS: dict[str, tuple[bytes, str | None]] = {
    # name: (bytes, expected error code or None for ok)
    "good.txt": (GOOD.encode("utf-8"), None),
    "empty.txt": (b"", None),
    "blank.txt": (b" \r\n\t \n", None),
    "bom.txt": (b"\xef\xbb\xbf" + GOOD.encode("utf-8"), None),
    "win1252.txt": ("Caf\u00e9 sales rose 5 percent \u2014 \u201cbig\u201d.".encode("cp1252"), None),
    "utf16.txt": (GOOD.encode("utf-16-le"), None),
    "odd.txt": ("Hired 1\u00a0234 workers; \u22125 percent; \uff11\uff12\uff13 units.\x07\u200b\r\n".encode(),
                None),
    "absurd.txt": (("Debt hit " + "9" * 400 + " trillion dollars, or 1e309 tons, 10^400.").encode(), None),
    "page.html": (b"<html><head><title>T</title></head><body><p>Profit rose 7 percent.</p></body></html>",
                  None),
    "nested/deep.txt": (GOOD.encode("utf-8"), None),
    "png.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E002"),
    "pdf.txt": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3", "E002"),
    "nul.txt": (b"abc\x00\x01\x02\x03def" * 20, "E002"),
    "badutf16.txt": (b"\xff\xfe" + b"\x00\xd8a\x00", "E003"),
    "undecodable.txt": (bytes(range(0x80, 0x100)) * 20, "E003"),
    "big.txt": (b"word " * 2000, "E004"),
    "badmeta.txt": (GOOD.encode("utf-8"), "E005"),
    "badmeta.meta.json": (b'{"published": "2025-02-30"}', None),
    "wrongtype.txt": (GOOD.encode("utf-8"), "E005"),
    "wrongtype.meta.json": (b'{"title": ["not", "a", "string"]}', None),
    "brokenjson.txt": (GOOD.encode("utf-8"), "E005"),
    "brokenjson.meta.json": (b'{"title": ', None),
    "dup.html": (b"<p>Profit rose 7 percent.</p><p>x</p><p>y</p>", None),
    "dup.txt": (b"Same doc id as dup.html, which sorts first.", "E015"),
}


NOT_UTF8_NAME = os.fsdecode(b"name-\xff-not-utf8.txt")  # a file name that is not UTF-8


def _make_corpus(root):
    for name, (data, _) in BAD_CORPUS.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (root / NOT_UTF8_NAME).write_bytes(GOOD.encode("utf-8"))


def test_bad_corpus_run(tmp_path, capsys):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    _make_corpus(corpus)
    assert main(["run", str(corpus), "--out", str(out), "--max-bytes", "5000"]) == EXIT_FAILED_ARTICLES
    manifest = {e["input"]: e for e in json.loads((out / "manifest.json").read_text())["articles"]}
    articles = {n: code for n, (_, code) in BAD_CORPUS.items() if not n.endswith(".meta.json")}
    articles["name-\ufffd-not-utf8.txt"] = None
    assert set(manifest) == set(articles)
    for name, code in articles.items():
        entry = manifest[name]
        if code is None:
            assert entry["status"] == "ok", entry
            record = json.loads((out / f"{entry['doc_id']}.json").read_text(encoding="utf-8"))
            assert record["doc_id"] == entry["doc_id"]
        else:
            assert entry["status"] == "failed" and entry["error"]["code"] == code, entry
            # names the file: the article, or for E005 its sidecar
            named = name.replace(".txt", ".meta.json") if code == "E005" else name
            assert named.rsplit("/", 1)[-1] in entry["error"]["message"]
    assert json.loads((out / "good.json").read_text())["text"] == GOOD.strip()
    assert json.loads((out / "utf16.json").read_text())["metadata"]["encoding"] == "utf-16-le"
    assert json.loads((out / "page.json").read_text())["percentages"][0]["value"] == 7
    err = capsys.readouterr().err
    assert "Traceback" not in err
    failed_lines = [ln for ln in err.splitlines() if ln.startswith("newsclaims: failed:")]
    assert len(failed_lines) == sum(1 for c in articles.values() if c)
    assert f"{len(articles)} articles" in err.splitlines()[-1]


def test_all_good_corpus_exits_0(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "c" / "b.htm").write_text("<p>Profit rose 7 percent.</p><p>a</p><p>b</p>", encoding="utf-8")
    assert main(["run", str(tmp_path / "c"), "--out", str(tmp_path / "o")]) == EXIT_OK


def test_bad_corpus_through_the_real_command(tmp_path):
    corpus = tmp_path / "corpus"
    _make_corpus(corpus)
    proc = subprocess.run([sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(tmp_path / "o"),
                           "--max-bytes", "5000"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == EXIT_FAILED_ARTICLES, proc.stderr
    assert "Traceback" not in proc.stderr and "E002" in proc.stderr
