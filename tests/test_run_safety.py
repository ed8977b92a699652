"""A corpus run is never lost or corrupted by kill -9, a second run into the same folder,
or a leftover temporary file, and writes files with the umask's mode (issue 17, cases 5, 6, 10).

Subprocess tests wait for events by polling with a deadline, never by fixed sleeps.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.cli import EXIT_INPUT, EXIT_OK, main
from pipeline.outdir import LOCK
from tests.conftest import ROOT

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
HOLD_LOCK = """import sys
from pathlib import Path
from pipeline.outdir import output_lock
with output_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    sys.stdin.read()
"""
SHORT = "Sales at Acme rose 5 percent in 2024 to $3 billion, the company said.\n"
# Long enough that a worker is still busy with it well after the main process dies.
LONG = "".join(f"In {1990 + i % 30}, output at plant {i} rose {i % 9 + 1}.{i % 10} percent to "
               f"{i * 3 + 7} tonnes, the ministry said.\n\n" for i in range(400))


def _wait_for(condition: Callable[[], bool], *, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.05)


def _corpus(tmp_path: Path, files: dict[str, str]) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return corpus


def _hold_lock(out: Path) -> subprocess.Popen[str]:
    out.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(out)], env=ENV, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


def test_a_second_run_into_a_locked_folder_exits_3_naming_the_holder(tmp_path):
    corpus, out = _corpus(tmp_path, {"a.txt": SHORT}), tmp_path / "out"
    holder = _hold_lock(out)
    try:
        second = subprocess.run([sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out),
                                 "--jobs", "1"], env=ENV, capture_output=True, text=True, timeout=120)
        assert second.returncode == EXIT_INPUT
        assert second.stderr.strip().splitlines() == [
            f"newsclaims: {out}: E016: another newsclaims run (PID {holder.pid}) is writing to this folder; "
            "wait for it to end or stop it, or choose another --out"]
        assert sorted(p.name for p in out.iterdir()) == [LOCK]  # nothing written, nothing removed
    finally:
        holder.communicate("", timeout=60)
    assert holder.returncode == 0 and not (out / LOCK).exists()  # released and removed


def test_the_lock_of_a_killed_run_is_taken_over(tmp_path, capsys):
    corpus, out = _corpus(tmp_path, {"a.txt": SHORT}), tmp_path / "out"
    holder = _hold_lock(out)
    holder.kill()
    holder.communicate(timeout=60)
    assert (out / LOCK).read_text().strip() == str(holder.pid)  # left behind by the dead process
    assert main(["run", str(corpus), "--out", str(out), "--jobs", "1"]) == EXIT_OK
    assert not (out / LOCK).exists()
    assert "1 articles: 1 ok" in capsys.readouterr().err


def _children(pid: int) -> set[int]:
    children = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                children.add(int(entry.name))
    return children


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_kill_9_stops_the_workers_and_the_next_run_cleans_up(tmp_path, extractor):
    corpus = _corpus(tmp_path, {"a1.txt": SHORT, "a2.txt": SHORT.replace("Acme", "Initech"),
                                "b1.txt": LONG, "b2.txt": LONG.replace("plant", "mill")})
    out, err = tmp_path / "out", (tmp_path / "stderr.txt").open("w")
    run = subprocess.Popen([sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out),
                            "--jobs", "2", "--batch-size", "1"], env=ENV, stdout=subprocess.DEVNULL, stderr=err)
    try:
        journal = out / ".newsclaims-journal.jsonl"
        # a1 and a2 done: both workers are now busy with a long article
        _wait_for(lambda: journal.is_file() and journal.read_text().count('"input"') >= 2
                  or run.poll() is not None, timeout=300, what="the short articles")
        assert run.poll() is None, "the run ended before the kill"
        workers = _children(run.pid)
        assert len(workers) >= 2
        run.send_signal(signal.SIGKILL)
        run.wait(timeout=60)
        _wait_for(lambda: not any(_alive(w) for w in workers), timeout=10, what="the workers to exit")
    finally:
        if run.poll() is None:
            run.kill()
        err.close()
    assert "Traceback" not in (tmp_path / "stderr.txt").read_text()
    assert not (out / "b1.json").exists() and not (out / "b2.json").exists()  # nothing written after the kill

    # What a kill during the final JSONL write leaves; a user's own file stays.
    (out / ".claims.jsonl.k1ll3d_x.tmp").write_text("{")
    (out / "notes.tmp").write_text("mine")
    assert main(["run", str(corpus), "--out", str(out), "--jobs", "1"]) == EXIT_OK
    assert sorted(p.name for p in out.iterdir()) == sorted([
        "a1.json", "a2.json", "b1.json", "b2.json", "claims.jsonl", "manifest.json", "mentions.jsonl", "notes.tmp",
        *(f"{t}.parquet" for t in ("articles", "claims", "entities", "mentions"))])  # (the run's tables)
    manifest = json.loads((out / "manifest.json").read_text())
    assert [e["status"] for e in manifest["articles"]] == ["ok"] * 4


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o002, 0o664)])
def test_outputs_honour_the_umask(tmp_path, umask, mode):
    """Case 10: records, manifest, JSONL and HTML were 0600 whatever the umask."""
    corpus, out = _corpus(tmp_path, {"a.txt": SHORT}), tmp_path / "out"
    commands = [["run", str(corpus), "--out", str(out), "--jobs", "1", "--html"],
                ["extract", str(corpus / "a.txt"), "-o", str(tmp_path / "one.json")],
                ["render", str(out / "a.json"), "-o", str(tmp_path / "one.html")]]
    script = ("import json, os, sys; from pipeline.cli import main; os.umask(int(sys.argv[1]))\n"
              "for args in json.loads(sys.argv[2]):\n    assert main(args) == 0, args")
    subprocess.run([sys.executable, "-c", script, str(umask), json.dumps(commands)], env=ENV, check=True,
                   timeout=300)
    written = [*out.iterdir(), tmp_path / "one.json", tmp_path / "one.html"]
    assert {p.name for p in written} >= {"a.json", "manifest.json", "claims.jsonl", "mentions.jsonl", "a.html",
                                         "index.html", "one.json", "one.html"}
    assert {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in written if p.is_file()} == {
        p.name: oct(mode) for p in written if p.is_file()}
