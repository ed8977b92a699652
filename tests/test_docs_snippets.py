"""Every shell command and Python snippet in README.md and docs/*.md runs as written.

The convention (README, "Documentation"):

- A code block is fenced and tagged with its language: ``sh`` (shell commands, run with
  bash), ``python`` (a snippet, run with this interpreter), or ``json`` / ``text`` / ``sql``
  (shown, not run here; the worked questions' SQL is run by tests/test_tables.py).
- A ``sh`` or ``python`` block that cannot run here (it installs packages, needs a dask
  cluster, takes minutes, rewrites the committed outputs) has
  ``<!-- snippet: not runnable: REASON -->`` on the line just above its opening fence.

The runnable blocks of one document run in order in a scratch folder of their own, which
holds ``corpus/`` with two of the repository's articles (so a block may use what an earlier
one wrote). ``newsclaims`` on PATH is a shim for ``python -m pipeline`` with this checkout
on PYTHONPATH, so the test checks this checkout's code whether or not it is installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.conftest import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
RUN = {"sh", "python"}
SHOWN = {"json", "text", "sql"}  # (docs/tables.md's SQL is run by tests/test_tables.py)
MARKER = re.compile(r"^<!-- snippet: not runnable: (?P<why>\S.*?) -->$")
FENCE = re.compile(r"^```(?P<lang>\S*)\s*$")
CORPUS_ARTICLES = ("cgtn-beijing-tianjin-hebei.txt", "kentucky-battery-plant-hiring.txt",
                   "kentucky-battery-plant-hiring.meta.json")


class Block(NamedTuple):
    doc: Path
    line: int  # of the opening fence, 1-based
    lang: str
    code: str
    not_runnable: str | None  # the marker's reason

    @property
    def id(self) -> str:
        return f"{self.doc.relative_to(ROOT)}:{self.line}"


def blocks(doc: Path) -> list[Block]:
    """The fenced code blocks of a Markdown file, in order."""
    lines = doc.read_text(encoding="utf-8").splitlines()
    out, i = [], 0
    while i < len(lines):
        fence = FENCE.match(lines[i])
        if not fence:
            i += 1
            continue
        end = next(j for j in range(i + 1, len(lines)) if lines[j].strip() == "```")
        marker = MARKER.match(lines[i - 1].strip()) if i else None
        out.append(Block(doc, i + 1, fence["lang"], "\n".join(lines[i + 1:end]) + "\n",
                         marker["why"] if marker else None))
        i = end + 1
    return out


ALL = [b for doc in DOCS for b in blocks(doc)]
RUNNABLE = [b for b in ALL if b.lang in RUN and b.not_runnable is None]


def test_blocks_are_found():
    assert (ROOT / "README.md") in {b.doc for b in RUNNABLE}  # the README's tour runs
    assert len(RUNNABLE) >= 4


@pytest.mark.parametrize("block", ALL, ids=[b.id for b in ALL])
def test_block_is_tagged(block: Block):
    assert block.lang in RUN | SHOWN, f"{block.id}: tag the block with one of {sorted(RUN | SHOWN)}"
    if block.not_runnable is not None:
        assert block.lang in RUN, f"{block.id}: only sh and python blocks are run, so only they take the marker"


@pytest.fixture(scope="session")
def scratch(tmp_path_factory) -> Callable[[Path], Path]:
    """Per document, a folder holding ``corpus/`` with two articles."""
    made: dict[Path, Path] = {}

    def folder(doc: Path) -> Path:
        if doc not in made:
            root = tmp_path_factory.mktemp(doc.stem)
            (root / "corpus").mkdir()
            for name in CORPUS_ARTICLES:
                shutil.copy(ROOT / "corpus" / name, root / "corpus" / name)
            made[doc] = root
        return made[doc]

    return folder


@pytest.fixture(scope="session")
def env(tmp_path_factory) -> dict[str, str]:
    """The environment: ``newsclaims`` on PATH runs this checkout (``python -m pipeline``)."""
    bin_dir = tmp_path_factory.mktemp("bin")
    shim = bin_dir / "newsclaims"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m pipeline "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
            "PYTHONPATH": str(ROOT)}


@pytest.mark.parametrize("block", RUNNABLE, ids=[b.id for b in RUNNABLE])
def test_block_runs(block: Block, scratch, env):
    shell = block.lang == "sh"
    command = ["bash", "-euo", "pipefail", "-c", block.code] if shell else [sys.executable, "-c", block.code]
    done = subprocess.run(command, cwd=scratch(block.doc), env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{block.id} failed ({done.returncode}):\n{block.code}\n{done.stderr[-2000:]}"
