"""A split year ("2022-23") is the fiscal year of the article's country: table of
(sentence, fiscal start month) -> value; negatives stay calendar years or are no split year."""

from __future__ import annotations

import pytest

from pipeline.lexicons.fiscal_years import FISCAL_YEAR_START
from pipeline.normalize.dates import Reference, find_dates

SPLIT = [
    ("Gross revenues in 2022-23 rose 22%.", FISCAL_YEAR_START["IN"], "2022-04/2023-03"),
    ("The deficit will be $28 billion in 2024-25.", FISCAL_YEAR_START["AU"], "2024-07/2025-06"),
    ("Spending rose in 2019/20.", FISCAL_YEAR_START["GB"], "2019-04/2020-03"),
    ("The budget for 2023-24 was passed.", FISCAL_YEAR_START["US"], "2023-10/2024-09"),
    ("Gross revenues in 2022-23 rose 22%.", None, "2022/2023"),  # no country known: calendar years
    ("Output grew from 2015 to 2018.", FISCAL_YEAR_START["IN"], "2015/2018"),  # no split year
    ("Sales in 2015-2018 grew.", FISCAL_YEAR_START["AU"], "2015/2018"),  # four digits: a span of years
]


@pytest.mark.parametrize("sentence, start, value", SPLIT, ids=[f"{s[:20]}-{m}" for s, m, _ in SPLIT])
def test_split_years(sentence, start, value):
    found = find_dates(sentence, reference=Reference(2023, 4, 2), fiscal_start=start)
    assert [d.value for d in found if d.granularity in ("year", "month")] == [value]


def test_split_year_in_a_record_takes_the_country_of_its_places(extractor):
    record = extractor.extract("GST\n\nNew Delhi: Gross revenues in 2022-23 rose 22%.", published="2023-04-02")
    assert [d.value for d in record.dates if d.text == "2022-23"] == ["2022-04/2023-03"]


ANCHORED_LATER = [  # an anaphoric period anchored by a period named later in its sentence
    ("Against the same month last year, bookings in January 2023 rose 8%.", "last year", "2022-01"),
    ("Compared with a year earlier, output in the first quarter of 2023 rose 5%.", "a year earlier", "2022-Q1"),
]


@pytest.mark.parametrize("text, span, value", ANCHORED_LATER, ids=[s for _, s, _ in ANCHORED_LATER])
def test_anaphoric_period_anchored_later_in_the_sentence(extractor, text, span, value):
    record = extractor.extract(text, published="2023-04-02")
    assert [d.value for d in record.dates if d.text.endswith(span)] == [value]
