"""Long texts: paragraph-aligned chunks, offsets and sentences mapped back onto the whole text."""

from __future__ import annotations

import pytest

from pipeline import Extractor
from pipeline.extractor import split_chunks

PARAGRAPHS = [
    "Sales at Acme Corp rose 5 percent in 2024 to $3 billion, the company said on Monday.",
    "The firm hired 1,200 workers in Ohio. Profit fell 2 percent year on year.",
    "Exports to Germany grew by a third in March, while imports dropped 7.5 percent.",
    "Officials in Beijing said output would reach 10 trillion yuan by 2030.",
]
LONG = "\n\n".join(PARAGRAPHS * 5)


@pytest.mark.parametrize("text, max_chars, cuts", [
    ("aa\n\nbb\n\ncc", 5, [0, 4, 8]),
    ("aa\nbb\ncc", 4, [0, 3, 6]),
    ("One. Two. Three.", 10, [0, 10]),
    ("aaaa bbbb cccc", 6, [0, 5, 10]),
    ("abcdefghij", 4, [0, 4, 8]),
    ("1\u00a0234 1\u00a0234", 7, [0, 6]),
    ("short", 100, [0]),
    ("", 1, [0]),
], ids=["paragraphs", "lines", "sentences", "spaces", "hard-cut", "no-cut-in-number", "short", "empty"])
def test_split_chunks(text, max_chars, cuts):
    chunks = split_chunks(text, max_chars=max_chars)
    assert [offset for offset, _ in chunks] == cuts
    assert "".join(chunk for _, chunk in chunks) == text
    assert all(len(chunk) <= max_chars for _, chunk in chunks)
    assert all(text[offset:offset + len(chunk)] == chunk for offset, chunk in chunks)


def test_chunk_size_is_capped_by_spacy_max_length():
    assert Extractor(chunk_chars=10**12).chunk_chars == Extractor().nlp.max_length


def _mentions(record):
    return [(type(m).__name__, m.start, m.end, m.text, getattr(m, "value", None)) for m in record.mentions()]


def test_chunked_record_matches_the_whole_record(extractor):
    small = Extractor(chunk_chars=200)
    assert len(split_chunks(LONG, max_chars=200)) >= 10
    whole = extractor.extract(LONG, doc_id="x")
    chunked = small.extract(LONG, doc_id="x")
    assert chunked.text == whole.text == LONG
    assert _mentions(chunked) == _mentions(whole)
    assert [m.sentence for m in chunked.mentions()] == [m.sentence for m in whole.mentions()]
    assert [(c.values, c.time, c.sentence) for c in chunked.claims] == \
        [(c.values, c.time, c.sentence) for c in whole.claims]
    assert chunked.reference_date == whole.reference_date


def test_chunked_record_keeps_its_invariants():
    record = Extractor(chunk_chars=150).extract(LONG)
    ids = {m.id for m in record.mentions()}
    assert len(ids) == len(record.mentions())
    for m in record.mentions():
        assert record.text[m.start:m.end] == m.text
    for c in record.claims:
        assert set(c.values) <= ids and (c.time is None or c.time in ids)
    sentences = [m.sentence for m in sorted(record.mentions(), key=lambda m: m.start)]
    assert sentences == sorted(sentences) and sentences[-1] >= 4 * 5


def test_text_longer_than_spacy_max_length_is_processed(extractor, monkeypatch):
    monkeypatch.setattr(extractor.nlp, "max_length", 300)
    with pytest.raises(ValueError, match="E088"):
        extractor.nlp(LONG)  # what an unchunked run would hit
    record = Extractor().extract(LONG)
    assert record.text == LONG and len(record.percentages) == 4 * 5


def test_long_and_short_articles_stream_in_order():
    from pipeline.article import article_from_text

    small = Extractor(chunk_chars=200)
    texts = ["Profit rose 1 percent.", LONG, "Profit rose 2 percent.", "Profit rose 3 percent.", LONG]
    articles = [article_from_text(t, doc_id=f"a{i}") for i, t in enumerate(texts)]
    records = list(small.extract_articles(articles, batch_size=2))
    assert [r.doc_id for r in records] == ["a0", "a1", "a2", "a3", "a4"]
    assert [r.text for r in records] == texts
    assert [len(r.percentages) for r in records] == [1, 20, 1, 1, 20]


def test_a_long_article_reports_progress_chunk_by_chunk():
    """Issue 17, case 11: progress for a long article (here 'long' is over 400 characters)."""
    from pipeline.article import Article

    extractor = Extractor(chunk_chars=400)
    calls: list[tuple[str, int, int]] = []
    long, short = Article(doc_id="long", text=LONG), Article(doc_id="short", text=PARAGRAPHS[0])
    records = extractor.extract_batch([short, long, short], on_chunk=lambda a, d, t: calls.append((a.doc_id, d, t)))
    n = len(split_chunks(LONG, max_chars=400))
    assert n > 3 and calls == [("long", i, n) for i in range(n + 1)]  # never for a short article
    assert [r.doc_id for r in records] == ["short", "long", "short"]
    assert records[1].to_json() == Extractor(chunk_chars=400).extract_article(long).to_json()


def test_a_run_shows_a_long_article_in_its_progress(tmp_path):
    from pipeline.batch import run_corpus

    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "long.txt").write_text(LONG, encoding="utf-8")
    (tmp_path / "c" / "short.txt").write_text(PARAGRAPHS[0], encoding="utf-8")
    seen: list[tuple[str, int, int] | None] = []
    run_corpus(tmp_path / "c", tmp_path / "out", extractor=Extractor(chunk_chars=400),
               progress=lambda s: seen.append(s.long_article))
    n = len(split_chunks(LONG, max_chars=400))
    assert [s for s in seen if s] == [("long", i, n) for i in range(n)]
    assert seen[-1] is None


@pytest.mark.parametrize("chunks", [
    ["Sales rose on March 3, 2021.\n\n", "In 2024 they fell.\n\n", "On May 5, 2019 they rose."],
    ["In 2019 sales rose.\n\n", "In 2023 they fell.\n\n", "In 2021 they held."],
    ["In 2025 sales rose.\n\n", "They fell on June 1, 2020."],
    ["No dates here.\n\n", "None here either."],
], ids=["days-in-two-chunks", "years-only", "a-newer-year-loses-to-a-day", "none"])
def test_the_reference_date_of_a_long_text_is_inferred_chunk_by_chunk_as_from_the_whole(chunks):
    from pipeline.extractor import _infer_reference_in_chunks
    from pipeline.normalize.dates import Reference, find_dates
    from pipeline.normalize.reference import infer_reference

    text = "".join(chunks)
    assert _infer_reference_in_chunks(chunks) == infer_reference(find_dates(text, reference=Reference()), text)


@pytest.mark.parametrize("text", ["", LONG, "Sales rose 5 percent \ud800 in 2024.", "Plain text, no values."],
                         ids=["empty", "long", "lone-surrogate", "no-values"])
def test_the_streamed_json_is_the_dumped_json(extractor, text):
    """Issue 17, case 11: records are written piece by piece (iter_json), byte for byte as before."""
    from pipeline.record import dump_json

    record = extractor.extract(text, doc_id="x")
    assert record.to_json() == dump_json(record.model_dump(mode="json"))


ODD = "Sales rose 5 percent \ud800 in 2024 to \u20ac3 billion.\n\n"


@pytest.mark.parametrize("text", [LONG, ODD + LONG, LONG[:500]], ids=["long", "lone-surrogate-and-euro", "two-chunks"])
def test_a_long_record_kept_as_compressed_text_is_written_byte_for_byte(text):
    """Issue 17, case 11: ``extract_texts`` keeps a long article's mentions and claims as
    compressed JSON text chunk by chunk (never as objects); what it writes and counts is
    the record's own JSON and counts."""
    from pipeline.article import article_from_text
    from pipeline.record import ListJson

    extractor = Extractor(chunk_chars=300)
    article = article_from_text(text, doc_id="x")
    record = extractor.extract_article(article)
    short = article_from_text(PARAGRAPHS[1], doc_id="s")
    written = extractor.extract_texts([short, article, short])
    assert len(written) == 3 and not written[0].lists  # a short article is kept as its record
    assert set(written[1].lists) == {"entities", "quantities", "percentages", "money", "dates", "ordinals",
                                     "claims"}
    assert all(isinstance(v, ListJson) for v in written[1].lists.values())
    assert written[1].head.claims == [] and written[1].head.entity_groups == record.entity_groups
    counts = {k: written[1].count(k) for k in ("entities", "percentages", "claims", "entity_groups")}
    assert counts == {k: len(getattr(record, k)) for k in counts} and counts["percentages"] >= 4
    assert "".join(written[1].iter_json()) == record.to_json()
    assert "".join(written[0].iter_json()) == extractor.extract_article(short).to_json()
