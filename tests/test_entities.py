"""Entity corrections and canonical names, one small text each."""

from __future__ import annotations

import pytest

from pipeline.components.entities import canonical_name


@pytest.mark.parametrize("text, canonical", [
    ("the Beijing\u2013Tianjin\u2013Hebei region", "Beijing-Tianjin-Hebei region"),
    ("Tianjin\u2019s", "Tianjin"), ("Hebei's", "Hebei"), ("the  European   Union", "European Union"),
    ("\u201cAcme\u201d", "Acme"),
], ids=["dashes-and-the", "curly-possessive", "possessive", "spaces", "quotes"])
def test_canonical_name(text, canonical):
    assert canonical_name(text) == canonical


def ents(extractor, text):
    return extractor.extract(text, published="2025-06-30").entities


def test_split_names_are_merged(extractor):
    found = ents(extractor, "Back in 2013, the Political Bureau of the 18th Communist Party of China "
                            "Central Committee met in Beijing.")
    names = [e.canonical for e in found]
    assert any("Communist Party of China Central Committee" in n for n in names)
    assert "Communist Party" not in names


def test_numbered_plan_is_one_name(extractor):
    found = ents(extractor, "Under the 14th Five-Year Plan, the province built new roads.")
    assert [(e.canonical, e.label) for e in found if "Plan" in e.text] == [("14th Five-Year Plan", "LAW")]


def test_year_edition_is_one_name(extractor):
    found = ents(extractor, "Leaders met at the 2025 Zhongguancun Forum in March.")
    assert any(e.canonical == "2025 Zhongguancun Forum" for e in found)


@pytest.mark.parametrize("text, bad", [
    ("Beijing aligned its strengths in sci-tech with Tianjin.", "sci-tech"),
    ("Ecosystems in intelligent manufacturing and AI are growing.", "AI"),
    ("With R&D spending near six percent of GDP, Beijing led.", "R&D"),
], ids=["lower-case", "AI", "R&D"])
def test_false_entities_are_dropped(extractor, text, bad):
    assert bad not in [e.text for e in ents(extractor, text)]


def test_company_suffix_makes_an_org(extractor):
    found = ents(extractor, "Dutch payments processor Veldpoort NV reported higher revenue.")
    assert [(e.text, e.label) for e in found if "Veldpoort" in e.text] == [("Veldpoort NV", "ORG")]


def test_abbreviation_in_brackets_shares_the_canonical_name(extractor):
    record = extractor.extract("The National Development and Reform Commission (NDRC) approved 29 projects. "
                               "The NDRC said more would follow.", published="2025-06-30")
    ndrc = [e for e in record.entities if e.text == "NDRC"]
    assert len(ndrc) == 2 and {e.canonical for e in ndrc} == {"National Development and Reform Commission"}
    group = [g for g in record.entity_groups if g.canonical == "National Development and Reform Commission"]
    assert len(group) == 1 and len(group[0].mentions) == 3


def test_short_form_of_a_company(extractor):
    record = extractor.extract("Kestrel Semiconductor reported profit on Thursday. Kestrel shares fell 2 percent.",
                               published="2025-06-30")
    assert {e.canonical for e in record.entities if e.text.startswith("Kestrel")} == {"Kestrel Semiconductor"}


def test_repeated_name_is_recognized_everywhere(extractor):
    # the model tags only the first "Gdańsk" (checked); the second is found by label consistency
    record = extractor.extract("Nordhavn Container Lines will build a terminal in Gdańsk. Gdańsk has become one "
                               "of the fastest-growing ports in Europe.", published="2025-06-30")
    assert [e.label for e in record.entities if e.text == "Gdańsk"] == ["GPE", "GPE"]


def test_definite_head_noun_refers_to_the_named_entity(extractor):
    record = extractor.extract("The Capital Area Transit Partnership revised its schedule. Last year the "
                               "partnership spent $612 million on the project.", published="2025-06-30")
    ids = {e.id: e for e in record.entities}
    claim = record.claims[-1]
    assert ids[claim.subject_entity].canonical == "Capital Area Transit Partnership"


def test_surname_shares_the_full_name(extractor):
    record = extractor.extract("Ritika Bhandari founded the firm in 2012. Bhandari owns about 11 percent "
                               "of it, and Bhandari said she would stay.", published="2025-06-30")
    found = [(e.text, e.label, e.canonical) for e in record.entities if "Bhandari" in e.text]
    assert found and all(label == "PERSON" and canonical == "Ritika Bhandari" for _, label, canonical in found)
    group = [g for g in record.entity_groups if g.canonical == "Ritika Bhandari"]
    assert len(group) == 1 and len(group[0].mentions) == len(found) >= 2


def test_company_named_after_a_place(extractor):
    record = extractor.extract("Larchmont Partners agreed to buy the firm. The offer, prepared by Larchmont\u2019s "
                               "Luxembourg office, values it at $1 billion.", published="2025-06-30")
    found = {(e.text, e.label, e.canonical) for e in record.entities if e.text.startswith("Larchmont")}
    assert found == {("Larchmont Partners", "ORG", "Larchmont Partners"), ("Larchmont", "ORG", "Larchmont Partners")}


def test_place_stays_a_place_beside_an_agency_named_after_it(extractor):
    record = extractor.extract("The Sichuan Provincial Department of Commerce issued the figures. Sichuan\u2019s "
                               "exports rose 5 percent.", published="2025-06-30")
    assert ("Sichuan", "GPE") in {(e.text, e.label) for e in record.entities}


@pytest.mark.parametrize("text, name, date", [
    ("Brantwell Q3 profit falls 4 pct on weaker demand", "Brantwell", "Q3"),
    ("Corvane H1 sales up 9% as exports recover", "Corvane", "H1"),
], ids=["quarter-code", "half-code"])
def test_period_code_after_a_name_is_a_date(extractor, text, name, date):
    record = extractor.extract(text, published="2025-06-30")
    texts = [e.text for e in record.entities]
    assert not any(date in t for t in texts)
    assert date in [d.text for d in record.dates]
