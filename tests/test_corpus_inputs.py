"""Which paths of a corpus a run reads, and a reason for every one it does not (issue 17, cases 1 and 9).

Each case builds a corpus from a small spec: ``"name": "text"`` a file,
``"name": ("link", "target")`` a symlink (target relative to the link's folder),
``"name": ("fifo",)`` a named pipe, ``"name/": None`` an empty folder.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pipeline.cli import EXIT_OK, main
from pipeline.inputs import find_inputs

TEXT = "Sales rose 5 percent in 2024.\n"


def _build(root: Path, spec: dict[str, object]) -> None:
    for name, what in spec.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith("/"):
            path.mkdir(exist_ok=True)
        elif isinstance(what, str):
            path.write_text(what, encoding="utf-8")
        elif what == ("fifo",):
            os.mkfifo(path)
        else:
            assert isinstance(what, tuple) and what[0] == "link"
            path.symlink_to(what[1])


CASES = {
    "link-to-a-file-outside": (
        {"a.txt": TEXT, "../outside/b.txt": TEXT, "b-link.txt": ("link", "../outside/b.txt")},
        ["a.txt", "b-link.txt"], {}),
    "link-to-an-article-inside": (
        {"a.txt": TEXT, "again.txt": ("link", "a.txt")},
        ["a.txt"], {"again.txt": "same file as a.txt"}),
    "link-sorted-before-its-target": (
        {"b.txt": TEXT, "a-link.txt": ("link", "b.txt")},
        ["b.txt"], {"a-link.txt": "same file as b.txt"}),
    "dangling-link": (
        {"a.txt": TEXT, "gone.txt": ("link", "nowhere.txt")},
        ["a.txt"], {"gone.txt": "dangling symlink (its target does not exist)"}),
    "link-loop-file": (
        {"a.txt": TEXT, "x.txt": ("link", "y.txt"), "y.txt": ("link", "x.txt")},
        ["a.txt"], {"x.txt": "symlink loop", "y.txt": "symlink loop"}),
    "linked-folder-outside": (
        {"a.txt": TEXT, "../elsewhere/n/c.html": "<p>Prices fell 3%.</p>", "more": ("link", "../elsewhere")},
        ["a.txt", "more/n/c.html"], {}),
    "linked-folder-loop": (
        {"sub/a.txt": TEXT, "sub/up": ("link", "..")},
        ["sub/a.txt"], {"sub/up": "symlink loop (points back to .)"}),
    "folder-linked-twice": (
        {"real/a.txt": TEXT, "z-alias": ("link", "real")},
        ["real/a.txt"], {"z-alias": "same folder as real"}),
    "fifo": (
        {"a.txt": TEXT, "pipe.txt": ("fifo",)},
        ["a.txt"], {"pipe.txt": "not a regular file (a pipe, socket or device)"}),
    "hidden-file-and-folder": (
        {"a.txt": TEXT, ".draft.txt": TEXT, ".git/x.txt": TEXT, ".DS_Store": "x"},
        ["a.txt"], {".draft.txt": "hidden (its name starts with a dot)",
                    ".git": "hidden (its name starts with a dot)"}),
    "upper-case-extensions": (
        {"A.TXT": TEXT, "b.HTML": "<p>x</p>", "c.Htm": "<p>x</p>"},
        ["A.TXT", "b.HTML", "c.Htm"], {}),
    "other-files-and-sidecars": (
        {"a.txt": TEXT, "a.meta.json": "{}", "b.meta.json": "{}", "notes.md": "x", "empty/": None},
        ["a.txt"], {"b.meta.json": "sidecar without an article beside it",
                    "notes.md": "not an article (.txt, .html, .htm)"}),
}


@pytest.mark.parametrize("spec, files, ignored", CASES.values(), ids=CASES.keys())
def test_every_path_is_read_or_has_a_reason(tmp_path, spec, files, ignored):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _build(corpus, spec)
    inputs = find_inputs(corpus)
    assert [p.relative_to(corpus.resolve()).as_posix() for p in inputs.files] == files
    assert {i.input: i.reason for i in inputs.ignored} == ignored


def test_a_dirty_corpus_runs_with_every_input_accounted_for(tmp_path, capsys):
    """The reported failures together: links in and out, dangling, loop, pipe, hidden, upper case."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    spec: dict[str, object] = {}
    for case in ("link-to-a-file-outside", "link-to-an-article-inside", "dangling-link", "linked-folder-loop",
                 "fifo", "hidden-file-and-folder", "upper-case-extensions"):
        spec.update({name.replace("a.txt", f"{case}.txt") if name == "a.txt" else name: what
                     for name, what in CASES[case][0].items()})
    spec["again.txt"] = ("link", "link-to-an-article-inside.txt")
    _build(corpus, spec)
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), "--jobs", "1"]) == EXIT_OK
    err = capsys.readouterr().err
    assert "Traceback" not in err
    manifest = json.loads((out / "manifest.json").read_text())
    read = {e["input"]: e["doc_id"] for e in manifest["articles"]}
    assert read["b-link.txt"] == "b-link" and read["A.TXT"] == "A" and read["b.HTML"] == "b"
    assert all(e["status"] == "ok" for e in manifest["articles"])
    ignored = {i["input"]: i["reason"] for i in manifest["ignored"]}
    assert set(ignored) == {"again.txt", "gone.txt", "sub/up", "pipe.txt", ".draft.txt", ".git"}
    assert f"{len(read)} articles: {len(read)} ok, 0 failed" in err and "6 other paths not read" in err
    assert "not read: gone.txt: dangling symlink" in err


@pytest.mark.parametrize("html", [False, True], ids=["records", "records-and-html"])
def test_an_output_folder_inside_the_corpus_is_never_read(tmp_path, capsys, html):
    """Case 9: --out inside the corpus (with --html) re-ingested its own pages: 2 -> 5 -> 8 articles."""
    corpus = tmp_path / "corpus"
    _build(corpus, {"a.txt": TEXT, "b.txt": "Prices fell 3% in May.\n"})
    out = corpus / "out"
    args = ["run", str(corpus), "--out", str(out), "--jobs", "1", *(["--html"] if html else [])]
    for _ in range(3):
        assert main(args) == EXIT_OK
        manifest = json.loads((out / "manifest.json").read_text())
        assert [e["input"] for e in manifest["articles"]] == ["a.txt", "b.txt"]
        assert manifest["ignored"] == [{"input": "out", "reason": "the output folder (--out) is never read"}]
    assert "2 articles: 0 ok, 0 failed, 2 skipped" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["a.txt", "link.txt"])
def test_one_file_given_by_a_relative_path(tmp_path, monkeypatch, name):
    _build(tmp_path / "c", {"a.txt": TEXT, "link.txt": ("link", "a.txt")})
    monkeypatch.chdir(tmp_path)
    assert main(["run", f"c/{name}", "--out", "out", "--jobs", "1"]) == EXIT_OK
    entry = json.loads((tmp_path / "out" / "manifest.json").read_text())["articles"][0]
    assert (entry["input"], entry["doc_id"], entry["status"]) == (name, name[:-4], "ok")
