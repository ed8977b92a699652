"""The output folder of a corpus run: one run at a time, files written whole.

- :func:`output_lock`: ``OUT/.newsclaims.lock`` holds the PID of the run writing to
  ``OUT/``, under an exclusive ``flock``; a second run fails with E016 naming that PID.
  The kernel drops the lock when its holder dies (even by ``kill -9``), so a lock file
  left by a dead run is simply taken over. It is removed when the run ends.
- :func:`open_atomic` / :func:`write_atomic`: a file appears whole or not at all
  (temporary file ``.<name>.XXXXXXXX.tmp`` + rename), with the mode the umask gives
  (``mkstemp`` alone would make it 0600); an ``OSError`` becomes E008 naming the file.
- :func:`remove_stale_temporaries`: the temporary files a killed run left behind;
  called only while holding the lock, so they cannot be another run's.
"""

from __future__ import annotations

import fcntl
import filecmp
import functools
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from pipeline.errors import ErrorCode, NewsclaimsError

LOCK = ".newsclaims.lock"
_TEMPORARY = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")  # tempfile.mkstemp(prefix=".<name>.", suffix=".tmp")


@contextmanager
def output_lock(out: Path) -> Iterator[None]:
    """Hold ``out``'s run lock for the block.

    Raises:
        NewsclaimsError: E016 when another live process holds it.
    """
    path = out / LOCK
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise NewsclaimsError(
                ErrorCode.E016, f"another newsclaims run (PID {holder}) is writing to this folder; "
                "wait for it to end or stop it, or choose another --out", path=str(out)) from None
        try:
            if os.fstat(fd).st_ino == os.stat(path).st_ino:
                break
        except FileNotFoundError:  # its holder removed it between our open and flock
            pass
        os.close(fd)
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        path.unlink(missing_ok=True)
        os.close(fd)


def remove_stale_temporaries(out: Path) -> list[str]:
    """Remove the ``.<name>.XXXXXXXX.tmp`` files in ``out`` (call it holding the lock)."""
    removed = []
    for name in sorted(os.listdir(out)):
        if _TEMPORARY.match(name):
            (out / name).unlink(missing_ok=True)
            removed.append(name)
    return removed


@functools.cache
def file_mode() -> int:
    """The mode a new file gets from this process's umask (0644 under the usual 022)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextmanager
def open_atomic(path: Path, *, keep_unchanged: bool = False) -> Iterator[IO[str]]:
    """A text file handle whose content appears at ``path`` only when the block succeeds.

    ``keep_unchanged``: when ``path`` already holds exactly that content, leave the
    file (and its modification time) alone.

    Raises:
        NewsclaimsError: E008 naming ``path`` when it cannot be written (disk full,
            name too long, no permission...).
    """
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:200]}.", suffix=".tmp")
        os.fchmod(fd, file_mode())
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
        if keep_unchanged and path.is_file() and filecmp.cmp(tmp, path, shallow=False):
            os.unlink(tmp)
        else:
            os.replace(tmp, path)
    except OSError as exc:
        raise NewsclaimsError(ErrorCode.E008, f"cannot write ({exc.strerror or exc})", path=str(path)) from None
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)


def write_atomic(path: Path, text: str, *, keep_unchanged: bool = False) -> None:
    """Write ``text`` to ``path`` via a temporary file and a rename: never half-written."""
    with open_atomic(path, keep_unchanged=keep_unchanged) as fh:
        fh.write(text)
