"""Anaphors a claim's subject may be, and the entity labels each can refer to.

Labels are in order of preference: "it" is first an organisation, then a place.

Source: the common news patterns ("the company", "the city", "this hub",
"here", "it"); a noun's label set follows OntoNotes (places: GPE/LOC/FAC;
organisations: ORG).
"""

from __future__ import annotations

PLACE = ("GPE", "LOC", "FAC")
CITY = ("GPE",)
ORG = ("ORG",)
ANY = ("ORG", "GPE", "LOC", "FAC", "PERSON", "NORP", "PRODUCT", "EVENT")

ANAPHOR_NOUNS: dict[str, tuple[str, ...]] = {
    "city": CITY, "town": CITY, "capital": CITY, "municipality": CITY, "hub": PLACE + ORG,
    "region": PLACE, "area": PLACE, "province": PLACE,
    "country": CITY, "nation": CITY, "state": CITY, "district": PLACE,
    "zone": PLACE, "port": PLACE + ORG, "bloc": ORG + CITY, "union": ORG + CITY,
    "company": ORG, "firm": ORG, "group": ORG, "operator": ORG, "bank": ORG, "lender": ORG,
    "insurer": ORG, "carrier": ORG, "airline": ORG, "retailer": ORG, "maker": ORG,
    "manufacturer": ORG, "agency": ORG, "ministry": ORG, "bureau": ORG, "government": ORG + PLACE,
    "startup": ORG, "business": ORG, "conglomerate": ORG, "automaker": ORG, "utility": ORG,
    "developer": ORG, "university": ORG, "institute": ORG, "committee": ORG, "commission": ORG,
    "designer": ORG, "producer": ORG, "supplier": ORG, "platform": ORG, "processor": ORG,
    "exporter": ORG, "importer": ORG, "miner": ORG, "shipper": ORG, "builder": ORG, "contractor": ORG,
    "chipmaker": ORG, "carmaker": ORG, "buyer": ORG, "seller": ORG, "investor": ORG,
    "board": ORG, "partnership": ORG, "authority": ORG, "council": ORG, "regulator": ORG,
    # a facility stands for the company that runs it, else for itself when named
    # ("Huaxin ... its first US factory ... The plant will build ... It is expected to")
    "plant": ORG + ("FAC",), "factory": ORG + ("FAC",), "facility": ORG + ("FAC",),
    "refinery": ORG + ("FAC",), "mine": ORG + ("FAC",), "terminal": ORG + ("FAC",),
    # "the stock", "the shares": the company's ("the stock closed at $61.20")
    "stock": ORG, "shares": ORG,
    "warehouse": ORG + ("FAC",), "depot": ORG + ("FAC",), "mill": ORG + ("FAC",),
    "smelter": ORG + ("FAC",), "shipyard": ORG + ("FAC",),
    # a project stands for itself when named, else for the company behind it ("the Kestrel
    # Bank offshore wind farm ... The project is expected to power about 900,000 homes")
    "project": ("FAC",) + ORG, "development": ("FAC",) + ORG, "scheme": ("FAC",) + ORG,
    "farm": ("FAC",) + ORG, "complex": ("FAC",) + ORG,
    # infrastructure stands for itself when named ("Crossrail ... The railway should carry
    # 200 million people a year"), else for the body building or running it
    "railway": ("FAC",) + ORG, "railroad": ("FAC",) + ORG, "airport": ("FAC",) + ORG,
    "bridge": ("FAC",) + ORG, "dam": ("FAC",) + ORG, "tunnel": ("FAC",) + ORG, "pipeline": ("FAC",) + ORG,
    "motorway": ("FAC",) + ORG, "highway": ("FAC",) + ORG, "stadium": ("FAC",) + ORG,
    # organisations of sport, retail, media and the public sector, as news refers back to them
    # ("Harrowgate United ... The club's wage bill grew 6%", "the chain", "the broadcaster")
    "club": ORG, "team": ORG, "franchise": ORG, "league": ORG, "chain": ORG, "brand": ORG,
    "broadcaster": ORG, "publisher": ORG, "network": ORG, "charity": ORG,
    "studio": ORG, "hospital": ORG + ("FAC",), "school": ORG + ("FAC",),
}
# Descriptions that refer only to a name ending in them ("the Ontario government" ... "the
# government"), never to the most salient organisation: a government is the state's, which
# news rarely names as an organisation (the most mentioned ORG is then a budget, a tax or an
# agency, not the government).
NAME_ONLY_ANAPHORS = frozenset("government".split())
ANAPHOR_DETERMINERS = frozenset({"the", "this", "that", "these", "its"})
PRONOUNS: dict[str, tuple[str, ...]] = {
    "it": ORG + PLACE, "its": ORG + PLACE, "they": ORG, "here": PLACE, "there": PLACE,
    "we": ORG, "our": ORG, "us": ORG,
    "he": ("PERSON",), "she": ("PERSON",), "his": ("PERSON",), "him": ("PERSON",),
}
# Heads of the names of public bodies that publish other people's figures (statistics
# offices, customs, ministries, central banks: "the customs administration said
# exports rose", "according to the central bank, the dollar averaged ..."). Such a
# speaker is the source, not the holder of what it reports (news-dev CONVENTIONS 8.5);
# a company reporting its own results is the holder ("Net income came to $312 million,
# Harlow Foods reported"). Source: the naming patterns of national statistics offices,
# customs and central banks (UN Statistics Division's list of national statistical
# offices; BIS list of central banks: "Bank of X", "X Reserve", "Central Bank of X").
SOURCE_BODY_HEADS = frozenset("administration bureau office department ministry agency commission statistics "
                              "institute authority survey census reserve".split())
SOURCE_BODY_PATTERNS = (r"^(?:the\s+)?(?:central\s+)?bank\s+of\s+", r"\bcentral\s+bank\b", r"\bstatistic")
SPEECH_VERBS = frozenset("say tell add note state explain announce write claim argue predict "
                         "estimate warn insist".split())


# "the state", "the province", "the state government": a place of that kind among the named
# places (ISO 3166-2 subdivision types, from pycountry); the words name the types they fit.
SUBDIVISION_WORDS: dict[str, tuple[str, ...]] = {
    "state": ("State",), "province": ("Province", "Autonomous province"), "provincial": ("Province",),
}
