"""Reading articles: reference blocks, sidecars, encodings."""

from __future__ import annotations

import pytest

from pipeline.article import read_article, split_reference_block
from pipeline.errors import NewsclaimsError


@pytest.mark.parametrize("text, body, title, publisher", [
    ("Body.\nReference(s):\nA headline\nexample.com", "Body.", "A headline", "example.com"),
    ("Body.\nSource:\nexample.org\n", "Body.", None, "example.org"),
    ("No block here.\nReferences are made elsewhere.", "No block here.\nReferences are made elsewhere.", None,
     None),
], ids=["headline-and-site", "site-only", "not-a-block"])
def test_reference_block(text, body, title, publisher):
    assert split_reference_block(text) == (body, title, publisher)


def test_sidecar_wins_and_validates(tmp_path):
    (tmp_path / "a.txt").write_text("Text.\nReference(s):\nOld title\nsite.com\n", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"title": "New", "published": "2025-12-22"}', encoding="utf-8")
    art = read_article(tmp_path / "a.txt")
    assert art.metadata.title == "New" and art.metadata.publisher == "site.com"
    assert art.metadata.published == "2025-12-22" and art.text == "Text."


@pytest.mark.parametrize("sidecar, field", [
    ('{"published": "2025-02-30"}', "published"),
    ('{"title": 5}', "title"),
    ('{not json', None),
], ids=["impossible-date", "wrong-type", "invalid-json"])
def test_bad_sidecar_names_file_and_field(tmp_path, sidecar, field):
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(sidecar, encoding="utf-8")
    with pytest.raises(NewsclaimsError) as exc:
        read_article(tmp_path / "a.txt")
    assert exc.value.code == "E005" and "a.meta.json" in str(exc.value)
    if field:
        assert exc.value.field == field


def test_bom_and_crlf(tmp_path):
    (tmp_path / "a.txt").write_bytes("\ufeffLine one.\r\nLine two.\r\n".encode("utf-8"))
    art = read_article(tmp_path / "a.txt")
    assert art.text == "Line one.\nLine two." and art.metadata.encoding == "utf-8-sig"


def test_windows_1252(tmp_path):
    text = "Prices rose 5 percent \u2014 a \u201cbig\u201d jump in caf\u00e9s."
    (tmp_path / "a.txt").write_bytes(text.encode("cp1252"))
    art = read_article(tmp_path / "a.txt")
    assert "caf\u00e9s" in art.text and "\u201cbig\u201d" in art.text
    assert art.metadata.encoding and art.metadata.encoding != "utf-8"
