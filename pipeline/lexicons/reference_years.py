"""Which written years scope an article's reported facts: language data for the inference of
the reference year (:mod:`pipeline.normalize.reference`).

Source: news-wire usage. A year written after one of HISTORICAL_BEFORE dates a thing's past
("founded in 1953", "the highest since 2008"), one after FORECAST_BEFORE or before
FORECAST_AFTER a target or forecast ("by 2030", "the 2025 target"): neither is the year the
story reports in.
"""

from __future__ import annotations

import re

HISTORICAL_BEFORE = re.compile(
    r"\b(?:founded|established|set\s+up|built|born|formed|incorporated|created|opened|introduced|"
    r"dating\s+back\s+to|dates\s+back\s+to|as\s+(?:early|far\s+back)\s+as|back\s+in|since|"
    r"(?:highest|lowest|biggest|largest|smallest|best|worst|strongest|weakest|most|least|first)\s+"
    r"(?:\w+\s+){0,2}since|record\s+set\s+in|history|historic|(?:was|were)\s+last\s+seen\s+in)"
    r"(?:\s+(?:in|on|of|the|late|early|mid|around))*\s*$",
    re.IGNORECASE)
FORECAST_BEFORE = re.compile(
    r"\b(?:by|until|till|through|before|into|target(?:s|ed)?\s+(?:of|for)|goals?\s+(?:of|for)|forecasts?\s+for|"
    # a forecast verb governing the phrase: "expected a deficit in 2024-25", "sees growth of 3% in 2026"
    r"(?:expect|forecast|project|predict|anticipat|sees\b|see\b)\w*\s+(?:[\w$%.,-]+\s+){0,5}(?:in|for|during)|"
    r"projected\s+for|projections?\s+for|expected\s+(?:in|by)|due\s+(?:in|by)|plans?\s+for|outlook\s+for|"
    r"guidance\s+for|in\s+time\s+for)(?:\s+(?:the|end|of|start|beginning|middle|close))*\s*$",
    re.IGNORECASE)
FORECAST_AFTER = re.compile(
    r"^\W{0,3}\s*(?:target|targets|goal|goals|deadline|forecast|forecasts|projection|projections|outlook|"
    r"guidance|plan|agenda|vision|ambition)\b", re.IGNORECASE)
# Evidence weights by the granularity of the written date: a full date or a month or quarter
# dates a reported fact more closely than a bare year.
GRANULARITY_WEIGHT = {"day": 3.0, "week": 3.0, "month": 2.0, "quarter": 2.0, "half": 2.0}
PAST_FACTOR = 1.5  # a date in a past-tense clause reports what happened
