"""Entity corrections as data: what the model gets wrong in news, and why.

Patterns that build or relabel names live in ``entity_patterns.jsonl`` (spaCy
Matcher patterns, one per line, each with a ``why``).
"""

from __future__ import annotations

# Labels that name things; spaCy's numeric labels (DATE, MONEY, ...) are
# replaced by newsclaims' own mention kinds.
NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                         "WORK_OF_ART", "LAW", "LANGUAGE"})

# Common-noun abbreviations the small model tags as names (e.g. "AI" as GPE,
# "R&D" as ORG). None of them names one thing in any article.
NOT_ENTITIES = frozenset({
    "AI", "A.I.", "R&D", "IT", "GDP", "GNP", "CPI", "PPI", "PMI", "CEO", "CFO", "COO", "CTO",
    "IPO", "EV", "EVs", "ESG", "IoT", "5G", "4G", "6G", "VR", "AR", "LLM", "LLMs", "API",
    "Q1", "Q2", "Q3", "Q4", "H1", "H2", "YoY", "FY", "TEU", "GWh", "MW", "GW", "km",
})

# Words that join two parts of one long name: "Communist Party" + "of" +
# "China Central Committee"; the model often splits there.
NAME_JOINERS = frozenset({"of", "the", "for", "on", "de", "and"})
# Labels whose adjacent spans may be merged through joiners (not PERSON: "Xi of China").
MERGEABLE = frozenset({"ORG", "GPE", "FAC", "NORP", "EVENT", "LAW", "LOC"})
