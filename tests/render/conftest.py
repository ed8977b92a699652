"""Fixtures of the HTML view's tests (the record itself is built in render_fixture.py)."""

from __future__ import annotations

import pytest
from render_fixture import build_record

from pipeline.record import ArticleRecord


@pytest.fixture()
def record() -> ArticleRecord:
    return build_record()
