"""Reading articles: file bytes -> body text + metadata.

An article is a text file (UTF-8 by default). Metadata comes from, in rising
order of precedence:

1. a trailing ``Reference(s):`` block (headline line, then site line), which is
   cut from the body, as wire and state-media sites append it;
2. a sidecar ``<name>.meta.json`` beside the article with any of ``title``,
   ``publisher``, ``url``, ``published`` (``YYYY-MM-DD``).

Library code: raises :class:`~pipeline.errors.NewsclaimsError`, never prints.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import ErrorCode, NewsclaimsError
from pipeline.record import Metadata

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
ARTICLE_SUFFIXES = (".txt",)
SIDECAR_SUFFIX = ".meta.json"
_SIDECAR_FIELDS = ("title", "publisher", "url", "published")

# A trailing source block: "Reference(s):" / "Source(s):" on its own line, then
# at most three short lines (headline, site). Cut only when it ends the text.
_REFERENCE_BLOCK = re.compile(
    r"\n[ \t]*(?:Reference|Source)\(?s?\)?:[ \t]*\n(?P<lines>(?:[^\n]{1,300}\n?){1,3})\s*\Z",
    re.IGNORECASE,
)
_SITE = re.compile(r"^[\w.-]+\.[a-z]{2,}$", re.IGNORECASE)


@dataclass(frozen=True)
class Article:
    """One article ready for analysis."""

    doc_id: str
    text: str
    metadata: Metadata = field(default_factory=Metadata)
    path: str | None = None
    input_sha256: str | None = None


def normalize_text(text: str) -> str:
    """Strip a byte-order mark, unify line endings, trim trailing white space."""
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.rstrip()


def split_reference_block(text: str) -> tuple[str, str | None, str | None]:
    """Cut a trailing ``Reference(s):`` block; return (body, title, publisher).

    >>> split_reference_block("Body.\\nReference(s):\\nA headline\\nexample.com")
    ('Body.', 'A headline', 'example.com')
    """
    match = _REFERENCE_BLOCK.search(text)
    if not match:
        return text, None, None
    lines = [ln.strip() for ln in match.group("lines").splitlines() if ln.strip()]
    title = publisher = None
    for line in lines:
        if _SITE.match(line) and publisher is None:
            publisher = line
        elif title is None:
            title = line
    return text[: match.start()].rstrip(), title, publisher


def parse_published(value: Any, *, path: str | None = None) -> str | None:
    """Validate a ``published`` value: an ISO date ``YYYY-MM-DD`` (or a datetime)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise NewsclaimsError(ErrorCode.E005, f"expected an ISO date string, got {type(value).__name__}",
                              path=path, field="published")
    try:
        return dt.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        raise NewsclaimsError(ErrorCode.E005, f"not a valid date: {value!r}",
                              path=path, field="published") from None


def read_sidecar(path: Path) -> dict[str, str | None]:
    """Read ``<name>.meta.json``; missing file -> {}; bad content -> E005 naming the field."""
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NewsclaimsError(ErrorCode.E005, f"invalid JSON: {exc}", path=str(path)) from None
    if not isinstance(data, dict):
        raise NewsclaimsError(ErrorCode.E005, "expected a JSON object", path=str(path))
    out: dict[str, str | None] = {}
    for key in _SIDECAR_FIELDS:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise NewsclaimsError(ErrorCode.E005, f"expected a string, got {type(value).__name__}",
                                  path=str(path), field=key)
        out[key] = value
    out["published"] = parse_published(out.get("published"), path=str(path))
    return out


def decode_bytes(data: bytes, *, path: str | None = None) -> tuple[str, str]:
    """Decode article bytes; return (text, encoding name). Binary content -> E002."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise NewsclaimsError(ErrorCode.E003, "invalid UTF-16 text", path=path) from None
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise NewsclaimsError(ErrorCode.E002, "binary content (NUL bytes); refused", path=path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Windows-1252 first: it is by far the most common legacy encoding of English
    # news, and on short texts charset-normalizer's statistics can pick a
    # look-alike code page (cp1257) that garbles quotes and accents. cp1252
    # leaves five bytes undefined, so a strict decode still rejects many others.
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - charset-normalizer is a dependency
        from_bytes = None
    if from_bytes is not None:
        best = from_bytes(data).best()
        if best is not None:
            return str(best), best.encoding
    raise NewsclaimsError(ErrorCode.E003, "could not decode the file as text", path=path)


def article_from_text(text: str, *, doc_id: str, metadata: Metadata | None = None,
                      path: str | None = None, input_sha256: str | None = None) -> Article:
    """Build an :class:`Article` from text: normalize it and cut a reference block."""
    body, title, publisher = split_reference_block(normalize_text(text))
    meta = metadata or Metadata()
    updates = {k: v for k, v in (("title", title), ("publisher", publisher)) if v and not getattr(meta, k)}
    if updates:
        meta = meta.model_copy(update=updates)
    return Article(doc_id=doc_id, text=body, metadata=meta, path=path, input_sha256=input_sha256)


def doc_id_for(path: Path, root: Path | None = None) -> str:
    """The record id of an article file: its path below ``root`` without suffix, '/' -> '__'."""
    rel = path.relative_to(root) if root is not None else Path(path.name)
    name = rel.as_posix()
    for suffix in (*ARTICLE_SUFFIXES, ".html", ".htm"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return name.replace("/", "__")


def read_article(path: str | Path, *, root: str | Path | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read one article file and its sidecar.

    Args:
        path: the article file.
        root: the corpus folder, for the doc id of nested files.
        max_bytes: files larger than this are refused (E004).
    Returns:
        The :class:`Article`.
    Raises:
        NewsclaimsError: E001 missing, E002 binary, E003 undecodable, E004 too big, E005 sidecar.
    """
    p = Path(path)
    if not p.is_file():
        raise NewsclaimsError(ErrorCode.E001, "no such file", path=str(p))
    size = p.stat().st_size
    if size > max_bytes:
        raise NewsclaimsError(ErrorCode.E004, f"{size} bytes is over the limit of {max_bytes}", path=str(p))
    data = p.read_bytes()
    text, encoding = decode_bytes(data, path=str(p))
    sidecar = read_sidecar(p.with_name(p.name.rsplit(".", 1)[0] + SIDECAR_SUFFIX))
    meta = Metadata(**{k: v for k, v in sidecar.items() if v is not None}, encoding=encoding)
    return article_from_text(
        text,
        doc_id=doc_id_for(p, Path(root) if root is not None else None),
        metadata=meta,
        path=str(p),
        input_sha256=hashlib.sha256(data).hexdigest(),
    )
