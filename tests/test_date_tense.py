"""The date component reads the clause's tense (pipeline.components.dates), through the real pipeline."""

from __future__ import annotations

import pytest

CASES = [
    ("Shares fell on Monday.", "Monday", "2025-12-22"),
    ("The company said Monday that it would cut jobs.", "Monday", "2025-12-22"),
    ("Talks resume on Monday.", "Monday", "2025-12-29"),
    ("The minister will visit Beijing on Monday.", "Monday", "2025-12-29"),
    ("Exports rose in September.", "September", "2025-09"),
    ("The plant will open in March.", "March", "2026-03"),
    ("Prices are expected to rise in March.", "March", "2026-03"),
    ("September's inflation rate is 2.1 percent.", "September", "2025-09"),
    ("A second fair is planned for September.", "September", "2025-09"),
    ("Work is due to start in March.", "March", "2026-03"),
    ("The board meets on Tuesday.", "Tuesday", "2025-12-23"),
    ("The closing price of $52.40 on Friday was a record.", "Friday", "2025-12-19"),
    ("A study published on Monday found more.", "Monday", "2025-12-22"),
    ("The May 4 deadline passed.", "May 4", "2025-05-04"),
    ("Voting ends on 4/22.", "4/22", "2026-04-22"),
]


@pytest.mark.parametrize("text, date_text, value", CASES, ids=[c[0] for c in CASES])
def test_tense_picks_the_direction(extractor, text, date_text, value):
    record = extractor.extract(text, published="2025-12-23")
    found = [d for d in record.dates if d.text == date_text]
    assert found and found[0].value == value, [(d.text, d.value) for d in record.dates]
