"""Entity corrections as data: what the model gets wrong in news, and why.

Patterns that build or relabel names live in ``entity_patterns.jsonl`` (spaCy
Matcher patterns, one per line, each with a ``why``).

Source: the small English model's errors on news text (each set below says which), English
company-form suffixes, and OntoNotes' label scheme (the labels the model uses).
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
    "Celsius", "Fahrenheit", "Kelvin",
    # taxes, indicators and measures written as capitalized names or abbreviations ("the
    # Consumer Price Index (CPI)", "CGST", "BMI"): concepts, not named things
    "GST", "CGST", "SGST", "IGST", "UTGST", "VAT", "HST", "PST", "BMI", "Consumer Price Index",
    "Producer Price Index", "Purchasing Managers' Index", "Purchasing Managers Index",
    # diseases: no name label covers them
    "COVID", "COVID-19", "Covid", "Covid-19", "SARS", "H1N1",
    # wire-service tags in headlines ("(LEAD) KT&G Q1 net rises"): the agency's edit marks
    "LEAD", "UPDATE", "REFILE", "CORRECTED", "WRAPUP", "RPT", "URGENT", "EXCLUSIVE",
})

# Last words of the titles of surveys and reports ("The Quarterly Labour Force Survey", "the
# Mid-Year Economic and Fiscal Outlook"): a publication's title, not an organisation.
TITLE_HEADS = frozenset({"Survey", "Outlook", "Report", "Census", "Yearbook", "Bulletin"})

# Words that join two parts of one long name: "Communist Party" + "of" +
# "China Central Committee"; the model often splits there.
NAME_JOINERS = frozenset({"of", "the", "for", "on", "de", "and"})
# Labels whose adjacent spans may be merged through joiners (not PERSON: "Xi of China").
MERGEABLE = frozenset({"ORG", "GPE", "FAC", "NORP", "EVENT", "LAW", "LOC"})

# Company-form suffixes: a span ending in one names an organisation, whatever
# label the model gave it ("Veldpoort NV" tagged PERSON).
ORG_SUFFIXES = frozenset({
    "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co", "Co.", "Ltd", "Ltd.", "Limited", "LLC",
    "LLP", "PLC", "plc", "NV", "N.V.", "AG", "SA", "S.A.", "SE", "GmbH", "Holdings", "Group",
    "Bank", "Partners", "Capital", "Technologies", "Industries", "Airlines", "Motors",
    "Energy", "Pharmaceuticals", "Semiconductor", "Analytics", "Systems", "Logistics",
    # company-form words of biotech, resources and finance names the small model tags PERSON
    # ("Halvern Biologics")
    "Biologics", "Therapeutics", "Biosciences", "Biotech", "Laboratories", "Labs", "Mining",
    "Minerals", "Resources", "Petroleum", "Securities", "Ventures", "Insurance", "Airways",
    "Foods", "Media", "Telecom", "Software", "Robotics", "Semiconductors",
    # transport and industry ("Norrfjord Shipping" tagged PERSON)
    "Shipping", "Tankers", "Lines", "Freight", "Railways", "Aviation", "Steel", "Chemicals", "Cement", "Metals",
    "Utilities",
})

# First words of organisation names that do not stand for the organisation on
# their own ("National" of "National Development and Reform Commission").
GENERIC_NAME_WORDS = frozenset("""
national international united american british chinese european global general central
first new royal federal state people people's bank university city county district
north south east west northern southern eastern western greater great grand royal the
""".split())
