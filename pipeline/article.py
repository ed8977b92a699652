"""Reading articles: file bytes -> body text + metadata.

An article is a text file (``.txt``) or an HTML page (``.html``/``.htm``, or
text that is clearly markup; see :mod:`pipeline.html`). Bytes are decoded by
:func:`decode_bytes` (UTF-8, UTF-16/32, Windows-1252, then detection), text is
cleaned by :func:`normalize_text`. Metadata comes from, in rising order of
precedence:

1. a trailing ``Reference(s):`` block (headline line, then site line), which is
   cut from the body, as wire and state-media sites append it;
2. for HTML, the page's own ``og:title``/``<h1>``/``<title>``, ``og:site_name``,
   ``og:url``, ``article:published_time``;
3. a sidecar ``<name>.meta.json`` beside the article with any of ``title``,
   ``publisher``, ``url``, ``published`` (``YYYY-MM-DD``).

Library code: raises :class:`~pipeline.errors.NewsclaimsError`, never prints.
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import ErrorCode, NewsclaimsError, WarningCode, warning_text
from pipeline.html import html_to_text, looks_like_html
from pipeline.record import DATE_YEARS, Metadata

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = (".txt", *HTML_SUFFIXES)
SIDECAR_SUFFIX = ".meta.json"
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_SIDECAR_FIELDS = ("title", "publisher", "url", "published")

# A trailing source block: "Reference(s):" / "Source(s):" on its own line, then
# at most three short lines (headline, site). Cut only when it ends the text.
_REFERENCE_BLOCK = re.compile(
    r"\n[ \t]*(?:Reference|Source)\(?s?\)?:[ \t]*\n(?P<lines>(?:[^\n]{1,300}\n?){1,3})\s*\Z",
    re.IGNORECASE,
)
_SITE = re.compile(r"^[\w.-]+\.[a-z]{2,}$", re.IGNORECASE)

# Characters normalize_text removes or rewrites. Zero-width characters (ZERO
# WIDTH SPACE, NON-JOINER, JOINER, WORD JOINER, a BOM inside the text) carry no
# text, so "1\u200b234" reads as one number; control characters other than tab
# and newline (C0, DEL, C1) are noise from bad conversions. Line and paragraph
# separators (the ones str.splitlines() honours) become "\n"; lone surrogates
# (only possible in a str built in Python) become U+FFFD.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_ESCAPED_RUN = re.compile("[\udc80-\udcff]+")
_VALID_NON_ASCII = re.compile("[\x80-\udc7f\udd00-\U0010ffff]")

# File signatures of formats that are never article text (first bytes -> name).
_MAGIC_NUMBERS = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"\x7fELF", "ELF executable"),
)
_UTF32_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"))
_UTF16_BOMS = ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_SNIFF_BYTES = 8192
_CP1252_UNDEFINED = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")
_AS_LATIN1 = "newsclaims-as-latin-1"
codecs.register_error(_AS_LATIN1, lambda exc: (
    exc.object[exc.start:exc.end].decode("latin-1"), exc.end))  # type: ignore[attr-defined]
# Share of control bytes (other than tab, CR, LF, FF) above which bytes without
# NULs are still binary rather than text.
_MAX_CONTROL_SHARE = 0.05


@dataclass(frozen=True)
class Article:
    """One article ready for analysis."""

    doc_id: str
    text: str
    metadata: Metadata = field(default_factory=Metadata)
    path: str | None = None
    input_sha256: str | None = None
    warnings: tuple[str, ...] = ()


def normalize_text(text: str) -> str:
    """Clean decoded text before analysis; the result is the record's ``text``.

    Strips zero-width characters and control characters (all but ``\\n`` and
    ``\\t``), turns CRLF, CR and other line separators into ``\\n``, replaces
    lone surrogates with U+FFFD and trims trailing white space. Everything else
    (no-break and thin spaces, Unicode minus, full-width digits, dashes, curly
    quotes) is kept: the number parser reads it.

    >>> normalize_text("\\ufeff1\\u200b234\\x07 workers\\r\\nnext \\n")
    '1234 workers\\nnext'
    """
    text = _SURROGATES.sub("\ufffd", text)
    text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROLS.sub("", _INVISIBLE.sub("", text))
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
    """Validate a ``published`` value: an ISO date ``YYYY-MM-DD`` (or a datetime) in
    :data:`DATE_YEARS`; else E005 naming ``path`` and the field."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise NewsclaimsError(ErrorCode.E005, f"expected an ISO date string, got {type(value).__name__}",
                              path=path, field="published")
    try:
        date = dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise NewsclaimsError(ErrorCode.E005, f"not a valid date: {value!r}",
                              path=path, field="published") from None
    if date.year not in DATE_YEARS:
        raise NewsclaimsError(ErrorCode.E005, f"{value!r} is outside the years {DATE_YEARS.start}-"
                              f"{DATE_YEARS.stop - 1}", path=path, field="published")
    return date.isoformat()


def parse_reference_date(value: str) -> str:
    """Validate a fallback reference date: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, a real
    date in :data:`DATE_YEARS`; else E009.

    >>> parse_reference_date("2025-02")
    '2025-02'
    >>> parse_reference_date("2025-02-30")
    Traceback (most recent call last):
    ...
    pipeline.errors.NewsclaimsError: field 'reference_date': E009: not a valid date: '2025-02-30'
    """
    match = _PARTIAL_DATE.match(value.strip())
    if not match:
        raise NewsclaimsError(ErrorCode.E009, f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}",
                              field="reference_date")
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        raise NewsclaimsError(ErrorCode.E009, f"not a valid date: {value!r}", field="reference_date") from None
    if year not in DATE_YEARS:
        raise NewsclaimsError(ErrorCode.E009, f"{value!r} is outside the years {DATE_YEARS.start}-"
                              f"{DATE_YEARS.stop - 1}", field="reference_date")
    return match.group(0)


def has_article_suffix(name: str) -> bool:
    """Whether a file name ends in ``.txt``, ``.html`` or ``.htm``, in any letter case."""
    return name.lower().endswith(ARTICLE_SUFFIXES)


def sidecar_path(article: Path) -> Path:
    """Where an article's metadata sidecar is: ``a/b.txt`` -> ``a/b.meta.json``."""
    return article.with_name(article.name.rsplit(".", 1)[0] + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> dict[str, str | None]:
    """Read ``<name>.meta.json``; missing file -> {}; bad content -> E005 naming the field."""
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NewsclaimsError(ErrorCode.E005, f"invalid JSON: {exc}", path=str(path)) from None
    except OSError as exc:
        raise NewsclaimsError(ErrorCode.E005, f"cannot read: {exc.strerror or exc}", path=str(path)) from None
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
    """Decode article bytes; return (text, name of the encoding).

    In order: a byte-order mark (UTF-8, UTF-16, UTF-32); known binary formats
    by their first bytes (E002); UTF-16 without a BOM, recognised by NUL bytes
    in every other position; other NUL bytes or many control bytes (E002);
    UTF-8; UTF-8 with its few invalid bytes replaced by U+FFFD, when most of
    its non-ASCII bytes are valid UTF-8 (see :func:`decode_with_warning`);
    Windows-1252 (which reads Latin-1 text the same, bar C1 controls); then
    charset-normalizer's best guess. Nothing fits: E003. Latin-1 text is read
    as Windows-1252, its superset for printable characters, and reported as
    ``cp1252``.

    >>> decode_bytes("caf\u00e9".encode("cp1252")), decode_bytes("Hi".encode("utf-16-le"))
    (('café', 'cp1252'), ('Hi', 'utf-16-le'))
    >>> decode_bytes("\u20ac5m, 2021\u20132025".encode() + bytes([255]))
    ('€5m, 2021–2025\ufffd', 'utf-8')
    """
    text, encoding, _ = decode_with_warning(data, path=path)
    return text, encoding


def decode_with_warning(data: bytes, *, path: str | None = None) -> tuple[str, str, str | None]:
    """:func:`decode_bytes`, plus a W002 warning when invalid UTF-8 bytes were replaced."""
    if data.startswith(b"\xef\xbb\xbf"):  # a BOM says UTF-8: invalid bytes are damage
        text, warning = _utf8_replacing(data[3:], path=path, skip=3)
        return text, "utf-8-sig", warning
    for bom, encoding in (*_UTF32_BOMS, *_UTF16_BOMS):
        if data.startswith(bom):
            return _strict(data, encoding, path=path, skip=len(bom)), encoding.rsplit("-", 1)[0], None
    for magic, kind in _MAGIC_NUMBERS:
        if data.startswith(magic):
            raise NewsclaimsError(ErrorCode.E002, f"binary content ({kind}); refused", path=path)
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        utf16 = _utf16_without_bom(head)
        if utf16 is not None:
            text = _strict(data, utf16, path=path)
            if _control_share(text[:_SNIFF_BYTES]) <= _MAX_CONTROL_SHARE:
                return text, utf16, None
        raise NewsclaimsError(ErrorCode.E002, "binary content (NUL bytes); refused", path=path)
    if _control_share(head.decode("latin-1")) > _MAX_CONTROL_SHARE:
        raise NewsclaimsError(ErrorCode.E002, "binary content (control bytes); refused", path=path)
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        text, warning = _utf8_replacing(data, path=path)
        return text, "utf-8", warning
    # Windows-1252 first: it is by far the most common legacy encoding of English
    # news, and on short texts charset-normalizer's statistics can pick a
    # look-alike code page (cp1257) that garbles quotes and accents. cp1252
    # leaves five bytes undefined, so a strict decode still rejects many others;
    # a stray one or two (Latin-1 text with a C1 control) are read as browsers
    # do, as the Latin-1 control character, which normalize_text drops.
    undefined = sum(data.count(b) for b in _CP1252_UNDEFINED)
    if undefined <= max(2, len(data) // 1000):
        return data.decode("cp1252", errors=_AS_LATIN1), "cp1252", None
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return str(best), best.encoding, None
    raise NewsclaimsError(ErrorCode.E003, "not UTF-8, UTF-16, Windows-1252 or any encoding "
                          "charset-normalizer recognises", path=path)


def _mostly_utf8(data: bytes) -> bool:
    """Whether ``data`` is UTF-8 damaged in a few places: more of its non-ASCII
    characters decode as valid UTF-8 than there are invalid byte sequences.

    By hand because charset-normalizer only weighs encodings that decode every byte,
    so to it a UTF-8 file with one stray byte is never UTF-8. Text in a legacy 8-bit
    encoding almost never holds a valid UTF-8 multi-byte sequence, so it is not.
    """
    text = data.decode("utf-8", errors="surrogateescape")  # an invalid byte -> U+DC80..U+DCFF
    return len(_VALID_NON_ASCII.findall(text)) > len(_ESCAPED_RUN.findall(text))


def _utf8_replacing(data: bytes, *, path: str | None, skip: int = 0) -> tuple[str, str | None]:
    """``data`` as UTF-8, each run of invalid bytes replaced by U+FFFD; a W002 warning
    (naming the count and the first byte offset, counting ``skip`` bytes before ``data``)
    when there was one."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="surrogateescape")
    runs = list(_ESCAPED_RUN.finditer(text))
    first = skip + len(text[: runs[0].start()].encode("utf-8", "surrogateescape"))
    warning = warning_text(WarningCode.W002, f"{len(runs)} invalid UTF-8 byte sequence(s) replaced with "
                           f"U+FFFD (the first at byte {first})", path=path)
    return _ESCAPED_RUN.sub("\ufffd", text), warning


def _strict(data: bytes, encoding: str, *, path: str | None, skip: int = 0) -> str:
    """``data[skip:]`` decoded; invalid bytes -> E003 naming the file and the byte offset."""
    try:
        return data[skip:].decode(encoding)
    except UnicodeDecodeError as exc:
        raise NewsclaimsError(ErrorCode.E003, f"invalid {encoding} text at byte {skip + exc.start}",
                              path=path) from None


def _utf16_without_bom(head: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when NULs fill one byte of each pair (text in U+0000-U+00FF
    mostly, as English is), and almost never the other; else None."""
    pairs = len(head) // 2
    if pairs < 1:
        return None
    even_nuls = head[0:pairs * 2:2].count(0) / pairs
    odd_nuls = head[1:pairs * 2:2].count(0) / pairs
    if odd_nuls >= 0.5 and even_nuls <= 0.01:
        return "utf-16-le"
    if even_nuls >= 0.5 and odd_nuls <= 0.01:
        return "utf-16-be"
    return None


def _control_share(text: str) -> float:
    """Share of control characters other than tab, LF, CR and FF in ``text``."""
    if not text:
        return 0.0
    return sum(1 for c in text if (c < " " and c not in "\t\n\r\f") or c == "\x7f") / len(text)


def article_from_text(text: str, *, doc_id: str, metadata: Metadata | None = None,
                      path: str | None = None, input_sha256: str | None = None,
                      html: bool | None = None) -> Article:
    """Build an :class:`Article` from text: normalize it, read HTML, cut a reference block.

    Args:
        html: True: the text is an HTML page; False: it is plain text; None
            (default): HTML when :func:`~pipeline.html.looks_like_html` says so.
    """
    text = normalize_text(text)
    meta = metadata or Metadata()
    if html or (html is None and looks_like_html(text)):
        page = html_to_text(text)
        text = normalize_text(page.text)
        meta = _fill(meta, title=page.title, publisher=page.publisher, url=page.url,
                     published=page.published)
    body, title, publisher = split_reference_block(text)
    meta = _fill(meta, title=title, publisher=publisher)
    return Article(doc_id=doc_id, text=body, metadata=meta, path=path, input_sha256=input_sha256)


def _fill(meta: Metadata, **values: str | None) -> Metadata:
    """``meta`` with the given fields set where it has none."""
    updates = {k: v for k, v in values.items() if v and not getattr(meta, k)}
    return meta.model_copy(update=updates) if updates else meta


def doc_id_for(path: Path, root: Path | None = None) -> str:
    """The record id of an article file: its path below ``root`` without suffix, '/' -> '__'."""
    rel = path.relative_to(root) if root is not None else Path(path.name)
    name = rel.as_posix()
    for suffix in ARTICLE_SUFFIXES:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    # a file name that is not UTF-8 holds lone surrogates: U+FFFD keeps the id valid text
    return _SURROGATES.sub("\ufffd", name).replace("/", "__")


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
        NewsclaimsError: E001 missing, E002 binary, E003 undecodable, E004 too big,
            E005 sidecar, E014 unreadable.
    """
    p = Path(path)
    if not p.exists():
        raise NewsclaimsError(ErrorCode.E001, "no such file", path=str(p))
    if not p.is_file():
        raise NewsclaimsError(ErrorCode.E014, "not a regular file (a folder, device or pipe)", path=str(p))
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise NewsclaimsError(ErrorCode.E004, f"{size} bytes is over the limit of {max_bytes}",
                                  path=str(p))
        data = p.read_bytes()
    except OSError as exc:
        raise NewsclaimsError(ErrorCode.E014, str(exc.strerror or exc), path=str(p)) from None
    text, encoding, warning = decode_with_warning(data, path=str(p))
    sidecar = read_sidecar(sidecar_path(p))
    meta = Metadata(**{k: v for k, v in sidecar.items() if v is not None}, encoding=encoding)
    article = article_from_text(
        text,
        doc_id=doc_id_for(p, Path(root) if root is not None else None),
        metadata=meta,
        path=str(p),
        input_sha256=hashlib.sha256(data).hexdigest(),
        html=True if p.name.lower().endswith(HTML_SUFFIXES) else None,
    )
    return dataclasses.replace(article, warnings=(warning,)) if warning else article
