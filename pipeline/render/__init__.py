"""HTML views of records: one self-contained page per article, one index per run.

>>> from pipeline.render import render_article
>>> html = render_article(record)  # doctest: +SKIP
"""

from pipeline.render.pages import (
    HtmlSummary,
    load_manifest,
    load_record,
    page_name,
    render_article,
    render_index,
    write_html,
)

__all__ = [
    "HtmlSummary",
    "load_manifest",
    "load_record",
    "page_name",
    "render_article",
    "render_index",
    "write_html",
]
