"""Which files of a corpus folder a run reads, and why it reads no others.

:func:`find_inputs` walks ``CORPUS/`` in sorted order and returns the article files
(``.txt``, ``.html``, ``.htm``, in any letter case) and, for every other path it met,
a reason (:class:`Ignored`), so that every input is accounted for. The policy:

- symlinks are followed, to files and to folders; an article reached through a link
  keeps the link's own path (its doc id and manifest ``input``); a link that points
  nowhere, a link loop, and a folder link back to a folder being walked are ignored;
- one file reached twice (a link to an article of the corpus, a hard link, a linked
  folder that is also walked directly) is read once: under its own path when it has
  one, else the first path in sorted order;
- hidden files and folders (``.name``) are ignored, folders without being searched;
- pipes, sockets and devices are ignored without being opened (a pipe would block);
- the output folder, when it lies inside the corpus, is never read;
- files of other types are ignored, except a ``.meta.json`` sidecar that sits next to
  its article;
- with ``glob``, files whose name (or, for a pattern with ``/``, relative path) does not
  match are not considered at all.

Library code: returns values, never prints.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from pipeline.article import ARTICLE_SUFFIXES, SIDECAR_SUFFIX, has_article_suffix
from pipeline.errors import ErrorCode, NewsclaimsError


@dataclass(frozen=True)
class Ignored:
    """A path below the corpus that is not read, and why."""

    input: str
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {"input": self.input, "reason": self.reason}


@dataclass
class Inputs:
    """The article files of a corpus (sorted by relative path) and the paths not read."""

    files: list[Path] = field(default_factory=list)
    ignored: list[Ignored] = field(default_factory=list)


@dataclass
class _Walk:
    root: Path
    exclude: Path | None
    glob: str | None
    candidates: list[tuple[str, Path, bool, tuple[int, int]]] = field(default_factory=list)
    ignored: list[Ignored] = field(default_factory=list)
    folders: dict[str, str] = field(default_factory=dict)  # real path -> first relative path
    sidecars: list[str] = field(default_factory=list)


def find_inputs(corpus: Path, *, glob: str | None = None, exclude: Path | None = None) -> Inputs:
    """The articles below ``corpus`` and the paths not read (see the module's policy).

    Args:
        corpus: a folder (walked recursively) or one article file.
        glob: only files whose name matches this pattern.
        exclude: a folder never read (the run's output folder).
    Returns:
        :class:`Inputs`; ``files`` are below ``corpus.resolve()``, links not resolved.
    Raises:
        NewsclaimsError: E001 when ``corpus`` does not exist.
    """
    if not corpus.exists():
        raise NewsclaimsError(ErrorCode.E001, "no such file or folder", path=str(corpus))
    if not corpus.is_dir():  # one file: its own name, in its folder's real path
        return Inputs(files=[corpus.parent.resolve() / corpus.name])
    root = corpus.resolve()
    walk = _Walk(root=root, exclude=exclude.resolve() if exclude is not None else None, glob=glob)
    walk.folders[str(root)] = "."
    _walk_folder(walk, root, "", ancestors=(str(root),))
    return _dedupe(walk)


def _walk_folder(walk: _Walk, folder: Path, rel: str, *, ancestors: tuple[str, ...]) -> None:
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        walk.ignored.append(Ignored(rel or ".", f"folder cannot be read ({exc.strerror or exc})"))
        return
    for name in names:
        path, child = folder / name, f"{rel}{name}"
        if name.startswith("."):
            if _is_folder(path) or has_article_suffix(name):
                walk.ignored.append(Ignored(child, "hidden (its name starts with a dot)"))
            continue
        is_link = path.is_symlink()
        try:
            real = path.resolve(strict=True)
            info = os.stat(path)
        except (OSError, RuntimeError) as exc:  # RuntimeError: a link loop (Python < 3.13)
            walk.ignored.append(Ignored(child, _broken_link_reason(exc) if is_link else
                                        f"cannot be read ({getattr(exc, 'strerror', None) or exc})"))
            continue
        if walk.exclude is not None and (real == walk.exclude or walk.exclude in real.parents):
            walk.ignored.append(Ignored(child, "the output folder (--out) is never read"))
        elif stat.S_ISDIR(info.st_mode):
            _enter(walk, real, path, child, ancestors=ancestors)
        elif not stat.S_ISREG(info.st_mode):
            walk.ignored.append(Ignored(child, "not a regular file (a pipe, socket or device)"))
        elif walk.glob is not None and not _matches(child, walk.glob):
            continue
        elif has_article_suffix(name):
            walk.candidates.append((child, path, is_link, (info.st_dev, info.st_ino)))
        elif name.lower().endswith(SIDECAR_SUFFIX):
            walk.sidecars.append(child)
        else:
            walk.ignored.append(Ignored(child, f"not an article ({', '.join(ARTICLE_SUFFIXES)})"))


def _enter(walk: _Walk, real: Path, path: Path, rel: str, *, ancestors: tuple[str, ...]) -> None:
    """Walk a folder once (by its lexical ``path``, so links keep their names): a link
    back to a folder being walked is a loop; a folder already walked under another path
    is not walked again."""
    key = str(real)
    if key in ancestors:
        walk.ignored.append(Ignored(rel, f"symlink loop (points back to {walk.folders[key]})"))
    elif key in walk.folders:
        walk.ignored.append(Ignored(rel, f"same folder as {walk.folders[key]}"))
    else:
        walk.folders[key] = rel
        _walk_folder(walk, path, f"{rel}/", ancestors=(*ancestors, key))


def _dedupe(walk: _Walk) -> Inputs:
    """One path per file: its own (not a link) when it has one, else the first in order."""
    chosen: dict[tuple[int, int], str] = {}
    for rel, _, _, key in sorted(walk.candidates, key=lambda c: (c[2], c[0])):
        chosen.setdefault(key, rel)
    inputs = Inputs()
    articles = {rel.rsplit(".", 1)[0] for rel, *_ in walk.candidates}
    for rel, path, _, key in walk.candidates:
        if chosen[key] == rel:
            inputs.files.append(path)
        else:
            inputs.ignored.append(Ignored(rel, f"same file as {chosen[key]}"))
    for rel in walk.sidecars:
        if rel[: -len(SIDECAR_SUFFIX)] not in articles:
            inputs.ignored.append(Ignored(rel, "sidecar without an article beside it"))
    inputs.files.sort(key=lambda p: p.relative_to(walk.root).as_posix())
    inputs.ignored = sorted([*walk.ignored, *inputs.ignored], key=lambda i: i.input)
    return inputs


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _broken_link_reason(exc: BaseException) -> str:
    if isinstance(exc, FileNotFoundError):
        return "dangling symlink (its target does not exist)"
    if isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP:
        return "symlink loop"
    return f"symlink cannot be followed ({getattr(exc, 'strerror', None) or exc})"


def _matches(rel: str, pattern: str) -> bool:
    """``--glob``: a pattern without ``/`` matches the file name, else the relative path's end."""
    if "/" not in pattern:
        return fnmatch.fnmatch(rel.rsplit("/", 1)[-1], pattern)
    return PurePosixPath(rel).match(pattern)
