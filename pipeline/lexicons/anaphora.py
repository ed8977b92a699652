"""Anaphors a claim's subject may be, and the entity labels each can refer to.

Source: the common news patterns ("the company", "the city", "this hub",
"here", "it"); a noun's label set follows OntoNotes (places: GPE/LOC/FAC;
organisations: ORG).
"""

from __future__ import annotations

PLACE = ("GPE", "LOC", "FAC")
ORG = ("ORG",)
ANY = ("ORG", "GPE", "LOC", "FAC", "PERSON", "NORP", "PRODUCT", "EVENT")

ANAPHOR_NOUNS: dict[str, tuple[str, ...]] = {
    "city": PLACE, "hub": PLACE + ORG, "region": PLACE, "area": PLACE, "province": PLACE,
    "country": PLACE, "nation": PLACE, "state": PLACE, "town": PLACE, "district": PLACE,
    "zone": PLACE, "port": PLACE + ORG, "municipality": PLACE, "capital": PLACE,
    "company": ORG, "firm": ORG, "group": ORG, "operator": ORG, "bank": ORG, "lender": ORG,
    "insurer": ORG, "carrier": ORG, "airline": ORG, "retailer": ORG, "maker": ORG,
    "manufacturer": ORG, "agency": ORG, "ministry": ORG, "bureau": ORG, "government": ORG + PLACE,
    "startup": ORG, "business": ORG, "conglomerate": ORG, "automaker": ORG, "utility": ORG,
    "developer": ORG, "university": ORG, "institute": ORG, "committee": ORG, "commission": ORG,
}
ANAPHOR_DETERMINERS = frozenset({"the", "this", "that", "these", "its"})
PRONOUNS: dict[str, tuple[str, ...]] = {
    "it": ORG + PLACE, "its": ORG + PLACE, "they": ORG, "here": PLACE, "there": PLACE,
    "he": ("PERSON",), "she": ("PERSON",),
}
SPEECH_VERBS = frozenset("say tell add note state explain announce write claim argue predict "
                         "estimate warn insist".split())
