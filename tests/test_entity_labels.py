"""Entity labels from the article's evidence: every context pattern's own example, and tables
of invented sentences (negatives included) run through the whole pipeline."""

from __future__ import annotations

import pytest

from pipeline.normalize.entity_evidence import (
    context_labels,
    countries_named,
    evidence_patterns,
    in_subdivision,
    place_label,
)

PATTERNS = evidence_patterns()


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p.id for p in PATTERNS])
def test_each_pattern_meets_its_example(pattern):
    text, name = pattern.example
    start = text.index(name)
    model_label = pattern.only[0] if pattern.only else None  # (a pattern that corrects one label only)
    assert pattern.id in [rule for _, rule in context_labels(text, start, start + len(name), model_label)]


@pytest.mark.parametrize("text, name, model_label, label", [
    ("She told the Courier that prices would rise.", "Courier", "PERSON", "ORG"),
    ("Prices rose in the Netherlands.", "Netherlands", "GPE", None),  # a place takes "the"
    ("Harwick United manager Tom Reyes was sacked.", "Harwick United", "PERSON", "ORG"),
    ("Tarrow County manager Ann Bell resigned.", "Tarrow County", "GPE", None),  # a county's post
    ("Dunmore striker Tom Reyes scored twice.", "Dunmore", "GPE", "ORG"),  # a club named after its town
], ids=["the-person", "the-place", "team-role", "county-manager", "club-named-after-a-town"])
def test_label_only_patterns(text, name, model_label, label):
    start = text.index(name)
    labels = [lab for lab, _ in context_labels(text, start, start + len(name), model_label)]
    assert (labels[0] if labels else None) == label


NO_EVIDENCE = [  # (sentence, name): no pattern fires
    ("Brannock said on Monday that talks continue.", "Brannock"),
    ("Tory said in a media release that the budget passed.", "Tory"),  # a person's media release
    ("Maria Lopez beat the odds to win.", "Maria Lopez"),  # beat, but no estimates
    ("He met Mr Olsen's lawyer.", "Mr"),
    ("The Jubilee line manager resigned.", "Jubilee"),  # ... "line manager": a job
]


@pytest.mark.parametrize("text, name", NO_EVIDENCE, ids=[t[:30] for t, _ in NO_EVIDENCE])
def test_no_evidence(text, name):
    start = text.index(name)
    labels = [label for label, _ in context_labels(text, start, start + len(name))]
    assert labels == [] or (name == "Tory" and "ORG" not in labels)


PLACES = [
    ("Eastern Cape", {"ZA"}, "GPE"), ("KwaZulu-Natal", {"ZA"}, "GPE"), ("North West", {"ZA"}, "GPE"),
    ("New South Wales", {"AU"}, "GPE"), ("Essex", {"GB"}, "GPE"), ("Ontario", {"CA"}, "GPE"),
    ("South Korea", set(), "GPE"), ("Vietnam", set(), "GPE"),
    ("Centre", {"IN"}, None),  # a region of Burkina Faso, Cameroon, Haiti: not of a country named
    ("North West", {"IN"}, None), ("Shopify", {"CA"}, None), ("Victoria", set(), None),
]


@pytest.mark.parametrize("name, countries, label", PLACES, ids=[f"{n}-{sorted(c)}" for n, c, _ in PLACES])
def test_place_label(name, countries, label):
    assert place_label(name, countries) == label


def test_countries_named():
    assert countries_named(["England", "Shopify", "South Africa", "U.S."]) == {"GB", "ZA", "US"}


TOWNS = [
    ("Kestrel Foods, whose headquarters are in Red Deer, Alberta, runs bakeries.", "Red Deer", True),
    ("Bend, Oregon-based Kestrel Foods owns the chain.", "Bend", True),
    ("According to Statistics Canada, Canada's index rose.", "Statistics Canada", False),
    ("Kestrel Foods, Harlow Mills and Dunmore compete.", "Kestrel Foods", False),
]


@pytest.mark.parametrize("text, name, expected", TOWNS, ids=[n for _, n, _ in TOWNS])
def test_in_subdivision(text, name, expected):
    end = text.index(name) + len(name)
    assert in_subdivision(text, end, {"US", "CA"}) is expected


ARTICLES = [  # (text, name, label) through the pipeline
    ("Harlow beats on earnings\n\nHarlow Mills' fiscal third-quarter earnings beat analysts' estimates. "
     "Harlow Mills reported revenue of $1.2 billion.", "Harlow Mills", "ORG"),
    ("Tavira tops forecast\n\nTavira handily beat expectations Tuesday. Tavira also lifted its "
     "annual outlook.", "Tavira", "ORG"),
    ("Obesity rises\n\nCaroline Cerny, of the Obesity Health Alliance, spoke. Ms Cerny said our surroundings "
     "had shifted.", "Caroline Cerny", "PERSON"),
    ("Jobs\n\nJOHANNESBURG - Employment rose in the Eastern Cape, Free State and KwaZulu-Natal, "
     "South Africa's statistics agency said.", "JOHANNESBURG", "GPE"),
    ("Jobs\n\nJOHANNESBURG - Employment rose in the Eastern Cape, Free State and KwaZulu-Natal, "
     "South Africa's statistics agency said.", "Free State", "GPE"),
    ("Gas\n\nKalibrate, a fuel analytics firm, says prices rise with oil.", "Kalibrate", "ORG"),
    ("Sales\n\nSEOUL, May 13 (Yonhap) -- Sales rose 5 percent.", "Yonhap", "ORG"),
    ("Tram\n\nThe city named its newest route the \"Margaret\" line to honour nurse Margaret Hale.", "Margaret",
     "FAC"),
    ("Buses\n\nCoaches run from Gatwick Airport and Crawley in the south to Luton in the north.",
     "Gatwick Airport", "FAC"),
    ("Rail\n\nTrains run from Salford in the west to Hyde and Hazel Grove in the east.",
     "Hazel Grove", "GPE"),
    ("Trucks\n\nThe plant will build the F-150 pickup from next year.", "F-150", "PRODUCT"),
    ("Port\n\nThe terminal is funded by the European Union and the city.", "European Union", "ORG"),
]


@pytest.mark.parametrize("text, name, label", ARTICLES, ids=[f"{n}-{lab}" for _, n, lab in ARTICLES])
def test_labels_in_records(extractor, text, name, label):
    record = extractor.extract(text)
    labels = {e.label for e in record.entities if e.canonical == name}
    assert labels == {label}, [(e.text, e.label) for e in record.entities]


NOT_NAMES = [  # (text, word that must not be an entity)
    ("Output\n\nCoal remains the dominant fuel, and coal output rose.", "Coal"),
    ("Tax\n\nThe CGST and IGST collections rose 12%.", "CGST"),
    ("Orders\n\nThe Monthly Business Survey, published by Statistics Norway, indicates that orders climbed.",
     "The Monthly Business Survey"),
    ("(LEAD) Firm's Q1 net rises\n\nSales rose.", "LEAD"),
    ("Holiday\n\nPrices set a record on Canada Day.", "Canada Day"),  # a date, not an event entity
    ("Tax\n\nFilers submitted 93% of statements of invoices (GSTR-1) on time.", "GSTR-1"),
]


@pytest.mark.parametrize("text, word", NOT_NAMES, ids=[w for _, w in NOT_NAMES])
def test_not_entities(extractor, text, word):
    record = extractor.extract(text, published="2021-07-01")
    assert word not in [e.text for e in record.entities]
