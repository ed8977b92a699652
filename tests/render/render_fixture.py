"""A hand-built record with overlapping mentions, and page checks, for the HTML view's tests.

Built with the pydantic models (the extraction components are stubs here), so
every overlap the renderer must handle is present on purpose:

* an entity inside a money span ("Chinese" in "10 trillion Chinese yuan");
* a date and an entity that *cross* ("the end of 2025" / "2025 International Science");
* a DATE entity with exactly the span of a date mention ("From January to November");
* an article text holding ``<script>`` and ``&``, which must show as text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from pipeline.record import (
    ArticleRecord,
    Change,
    Claim,
    DateMention,
    Entity,
    EntityGroup,
    Metadata,
    Money,
    Ordinal,
    Percentage,
    PipelineInfo,
    Quantity,
    ReferenceDate,
    TextSpan,
)

TEXT = (
    "Zhongguancun firms will surpass 10 trillion Chinese yuan in revenue by the end of 2025 "
    "International Science rankings show. "
    "From January to November, output in Beijing surged 16.5 percent year on year, "
    "the 18th rise <script>alert('x')</script> & counting.\n"
    "Beijing has 145 national key labs."
)


def span(text: str, *, after: str = "", sentence: int) -> dict[str, Any]:
    """Offsets of ``text`` in TEXT (the first one after ``after``), as mention fields."""
    start = TEXT.index(text, TEXT.index(after) + len(after) if after else 0)
    return {"text": text, "start": start, "end": start + len(text), "sentence": sentence}


def text_span(text: str) -> TextSpan:
    """Where the first ``text`` is in TEXT, as a claim field's span."""
    start = TEXT.index(text)
    return TextSpan(start=start, end=start + len(text))


def build_record() -> ArticleRecord:
    entities = [
        Entity(id="e1", label="ORG", canonical="Zhongguancun", **span("Zhongguancun", sentence=0)),
        Entity(id="e2", label="NORP", canonical="Chinese", **span("Chinese", sentence=0)),
        Entity(id="e3", label="ORG", canonical="2025 International Science",
               **span("2025 International Science", sentence=0)),
        Entity(id="e4", label="DATE", canonical="From January to November",
               **span("From January to November", sentence=1)),
        Entity(id="e5", label="GPE", canonical="Beijing", **span("Beijing", sentence=1)),
        Entity(id="e6", label="GPE", canonical="Beijing", **span("Beijing", after="counting.", sentence=2)),
    ]
    money = [Money(id="m1", value=1e13, currency="CNY", qualifier="lower_bound",
                   **span("10 trillion Chinese yuan", sentence=0))]
    dates = [
        DateMention(id="d1", value="2025", start_date="2025-12-01", end_date="2025-12-31",
                    granularity="year", mod="end", **span("the end of 2025", sentence=0)),
        DateMention(id="d2", value="2025-01/2025-11", start_date="2025-01-01", end_date="2025-11-30",
                    granularity="month", **span("From January to November", sentence=1)),
    ]
    percentages = [Percentage(id="p1", value=16.5, change=Change(direction="increase", basis="year_on_year"),
                              **span("16.5 percent", sentence=1))]
    ordinals = [Ordinal(id="o1", value=18, **span("18th", sentence=1))]
    quantities = [Quantity(id="q1", value=145, counted="national key labs",
                           **span("145 national key labs", sentence=2))]
    claims = [
        Claim(id="c1", sentence=0, subject="Zhongguancun firms", subject_entity="e1", predicate="surpass",
              measure="revenue", values=["m1"], time="d1", time_source="sentence"),
        Claim(id="c2", sentence=1, subject="output in Beijing", subject_entity="e5", predicate="surged",
              measure="output", values=["p1"], time="d2", time_source="sentence",
              subject_span=text_span("output in Beijing"), measure_span=text_span("output")),
    ]
    groups = [
        EntityGroup(canonical="Beijing", label="GPE", mentions=["e5", "e6"]),
        EntityGroup(canonical="2025 International Science", label="ORG", mentions=["e3"]),
        EntityGroup(canonical="Chinese", label="NORP", mentions=["e2"]),
        EntityGroup(canonical="From January to November", label="DATE", mentions=["e4"]),
        EntityGroup(canonical="Zhongguancun", label="ORG", mentions=["e1"]),
    ]
    return ArticleRecord(
        doc_id="overlap-fixture", text=TEXT, text_sha256="0" * 64,
        metadata=Metadata(title="Zhongguancun <b>revenue</b> & growth", publisher="example.org",
                          published="2025-12-22", url="https://example.org/article"),
        reference_date=ReferenceDate(value="2025-12-22", source="metadata"),
        entities=entities, entity_groups=groups, money=money, dates=dates, percentages=percentages,
        ordinals=ordinals, quantities=quantities, claims=claims,
        pipeline=PipelineInfo(version="0.1.0", model="en_core_web_sm-3.8.0"),
    )


# -- reading pages back -------------------------------------------------------
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                       "source", "track", "wbr"})


@dataclass
class ScannedPage:
    """What the tests check of a page (rendered HTML or a browser's DOM dump)."""

    elements: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    article_text: str = ""
    # mention id -> character offsets (in the article text) inside an element of that mention
    covered: dict[str, set[int]] = field(default_factory=dict)

    def with_attr(self, name: str, tag: str | None = None) -> list[dict[str, str]]:
        return [a for t, a in self.elements if name in a and (tag is None or t == tag)]

    def tags(self, tag: str) -> list[dict[str, str]]:
        return [a for t, a in self.elements if t == tag]


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ScannedPage()
        self.stack: list[tuple[str, str | None]] = []  # (tag, mention id of a head or part)
        self.article_level: int | None = None
        self.text_pos = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.page.elements.append((tag, a))
        if tag in VOID_TAGS:
            return
        self.stack.append((tag, a.get("data-mention-id") or a.get("data-mention-part")))
        if "article-text" in a.get("class", "").split():
            self.article_level = len(self.stack)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS or not self.stack:
            return
        if self.article_level == len(self.stack):
            self.article_level = -1  # closed: later text is not the article's
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.article_level is None or self.article_level < 0:
            return
        self.page.article_text += data
        keys = {key for _, key in self.stack if key}
        for key in keys:
            self.page.covered.setdefault(key, set()).update(range(self.text_pos, self.text_pos + len(data)))
        self.text_pos += len(data)


def scan_page(html: str) -> ScannedPage:
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.page


def assert_article_page(page: ScannedPage, record: ArticleRecord) -> None:
    """The page shows the record: its text unchanged, every mention highlighted exactly
    once (one element with its data-mention-id, covering exactly its characters), and
    one claim row per claim."""
    assert page.article_text == record.text
    heads = Counter(a["data-mention-id"] for a in page.with_attr("data-mention-id"))
    ids = [m.id for m in record.mentions()]
    assert heads == Counter(ids), "every mention must have exactly one element with its id"
    for a in page.with_attr("data-mention-part"):
        assert a["data-mention-part"] in heads
    for m in record.mentions():
        assert page.covered.get(m.id, set()) == set(range(m.start, m.end)), m.id
    rows = [a for a in page.with_attr("data-claim-id", "tr")]
    assert [a["data-claim-id"] for a in rows] == [c.id for c in record.claims]
    assert len(page.tags("script")) == 1, "only the page's own script"
