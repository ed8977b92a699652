"""Holiday names -> how to compute their day(s) in a Gregorian year. Language data.

Read by :mod:`pipeline.normalize.holidays`. Each name (lower case; an
apostrophe in a name also matches "’" or nothing, a space any white space, a
hyphen a hyphen, a space or nothing) maps to a :class:`Rule`:

- ``fixed(m, d)``: the same day every year; ``observed(m, d)`` moves it to the
  Friday before when it falls on a Saturday and to the Monday after when on a
  Sunday; ``not_sunday(m, d)`` moves it to the Saturday before from a Sunday.
- ``nth(m, weekday, n, after)``: the n-th weekday of a month (n = -1: the last),
  plus ``after`` days.
- ``easter(offset, days)`` / ``orthodox(offset, days)``: Western / Orthodox
  Easter (dateutil's computus) plus ``offset`` days, ``days`` long.
- ``hebrew(month, day, days, move)``: a day of the Hebrew calendar (convertdate;
  months numbered from Nisan = 1, Tishrei = 7, Adar = 12, Adar II = 13).
  A Jewish holiday begins at sundown, so its interval runs from its eve (the
  Gregorian day on whose evening it begins, as calendars that list "Yom Kippur
  begins at sundown on ..." give it) to its last day (Diaspora lengths): Yom
  Kippur 2018 is 2018-09-18/2018-09-19 (Duckling gives the eve alone).
  ``move`` names the weekday rule of a day that may not fall on the Sabbath
  or next to it.
- ``islamic(key, offset, end)``: the ``holidays`` package's Islamic tables
  (Umm al-Qura based, 1925-2077); with ``end``, the span up to the day before
  that holiday (Ramadan: its first day to the eve of Eid al-Fitr).
- ``hindu(key, offset, days, end)``: the ``holidays`` package's Hindu
  lunisolar tables (2001-2035; outside them a Hindu festival has no date).
- ``chinese(key, offset)``: the ``holidays`` package's Chinese lunisolar
  calendar (1901-2100).

Sources: the US federal calendar, the Western and Orthodox church calendars,
the Hebrew calendar, and the festival names of the ``holidays`` package's
Islamic, Hindu and Chinese calendars with their common English spellings.
A name is listed only when it names one holiday; names shared by two
("Holocaust Day": Yom HaShoah or 27 January; "Saraswati Jayanti"; "Muharram",
a month) are left out.
"""

from __future__ import annotations

from typing import NamedTuple


class Rule(NamedTuple):
    """How to find a holiday in a Gregorian year: a calendar name and its arguments."""

    calendar: str
    args: tuple[int | str, ...] = ()
    days: int = 1  # a festival of several days is an interval this long


def fixed(month: int, day: int) -> Rule:
    return Rule("fixed", (month, day))


def observed(month: int, day: int) -> Rule:
    return Rule("observed", (month, day))


def not_sunday(month: int, day: int) -> Rule:
    return Rule("not_sunday", (month, day))


def nth(month: int, weekday: int, n: int, after: int = 0) -> Rule:
    return Rule("weekday", (month, weekday, n, after))


def easter(offset: int, days: int = 1) -> Rule:
    return Rule("easter", (offset,), days)


def orthodox(offset: int, days: int = 1) -> Rule:
    return Rule("orthodox", (offset,), days)


def hebrew(month: int, day: int, days: int = 1, move: str = "") -> Rule:
    return Rule("hebrew", (month, day, move), days)


def islamic(key: str, offset: int = 0, end: str = "") -> Rule:
    return Rule("islamic", (key, offset, end))


def hindu(key: str, offset: int = 0, days: int = 1, end: str = "") -> Rule:
    return Rule("hindu", (key, offset, end), days)


def chinese(key: str, offset: int = 0) -> Rule:
    return Rule("chinese", (key, offset))


_MON, _TUE, _WED, _THU, _FRI, _SAT, _SUN = range(7)

HOLIDAYS: dict[str, Rule] = {
    # -- fixed days (US federal calendar and widely reported observances) --------------
    "christmas": fixed(12, 25), "christmas day": fixed(12, 25), "xmas": fixed(12, 25),
    "christmas eve": fixed(12, 24),
    "new year's day": fixed(1, 1), "new years day": fixed(1, 1),
    "new year's eve": fixed(12, 31), "new years eve": fixed(12, 31),
    "valentine's day": fixed(2, 14), "valentines day": fixed(2, 14), "valentine day": fixed(2, 14),
    "halloween": fixed(10, 31),
    "independence day": fixed(7, 4), "the fourth of july": fixed(7, 4),  # the US one: the common reading
    "st patrick's day": fixed(3, 17), "st. patrick's day": fixed(3, 17), "saint patrick's day": fixed(3, 17),
    "st paddy's day": fixed(3, 17), "saint paddy's day": fixed(3, 17), "saint patricks day": fixed(3, 17),
    "boxing day": fixed(12, 26),
    # national days of English-language news countries (their national calendars)
    "canada day": fixed(7, 1), "australia day": fixed(1, 26), "anzac day": fixed(4, 25),
    "waitangi day": fixed(2, 6), "bastille day": fixed(7, 14),
    "world vegan day": fixed(11, 1),
    # National Boss Day: 16 October, kept on the nearest weekday when it falls on a weekend.
    "boss's day": observed(10, 16), "bosses' day": observed(10, 16),
    # King's Day (the Netherlands): 27 April, the 26th when the 27th is a Sunday.
    "king's day": not_sunday(4, 27), "koningsdag": not_sunday(4, 27),
    # -- floating days (US federal calendar) ---------------------------------------------
    "thanksgiving": nth(11, _THU, 4), "thanksgiving day": nth(11, _THU, 4),
    "black friday": nth(11, _THU, 4, 1),  # the day after Thanksgiving
    "labor day": nth(9, _MON, 1),
    "memorial day": nth(5, _MON, -1),
    "mlk day": nth(1, _MON, 3), "martin luther king day": nth(1, _MON, 3),
    "martin luther king jr. day": nth(1, _MON, 3), "martin luther king's day": nth(1, _MON, 3),
    "martin luther kings day": nth(1, _MON, 3), "mlk jr. day": nth(1, _MON, 3),
    "civil rights day": nth(1, _MON, 3),  # MLK Day's name in Arizona and New Hampshire
    "presidents' day": nth(2, _MON, 3),
    "mother's day": nth(5, _SUN, 2), "father's day": nth(6, _SUN, 3),  # US dates
    # -- the Western church's movable feasts: days from Easter ----------------------------
    "easter": easter(0), "easter sunday": easter(0), "easter monday": easter(1), "easter mon": easter(1),
    "good friday": easter(-2), "maundy thursday": easter(-3),
    "palm sunday": easter(-7), "branch sunday": easter(-7),
    "ash wednesday": easter(-46), "lent": easter(-46, 46),  # Ash Wednesday to Holy Saturday
    "mardi gras": easter(-47), "shrove tuesday": easter(-47), "pancake day": easter(-47),
    "ascension day": easter(39), "pentecost": easter(49), "whit sunday": easter(49), "white sunday": easter(49),
    "whit monday": easter(50), "monday of the holy spirit": easter(50),  # Pentecost Monday's name in Europe
    "trinity sunday": easter(56),
    # -- the Orthodox movable feasts (Julian computus) -------------------------------------
    "orthodox easter": orthodox(0), "orthodox easter sunday": orthodox(0),
    "orthodox good friday": orthodox(-2), "orthodox great friday": orthodox(-2),
    "clean monday": orthodox(-48), "orthodox shrove monday": orthodox(-48),  # the first day of Great Lent
    "great lent": orthodox(-48, 40), "great fast": orthodox(-48, 40),  # Clean Monday, 40 days
    "lazarus saturday": orthodox(-8),
    # -- Jewish holidays (Hebrew calendar; dated by their eve, see the module doc) -------
    "rosh hashanah": hebrew(7, 1, 2), "rosh hashana": hebrew(7, 1, 2), "rosh hashanna": hebrew(7, 1, 2),
    "yom kippur": hebrew(7, 10),
    "sukkot": hebrew(7, 15, 7), "succot": hebrew(7, 15, 7), "succos": hebrew(7, 15, 7), "sukkos": hebrew(7, 15, 7),
    "feast of tabernacles": hebrew(7, 15, 7), "feast of the ingathering": hebrew(7, 15, 7),  # Sukkot's Bible names
    "shemini atzeret": hebrew(7, 22), "simchat torah": hebrew(7, 23),  # Diaspora: the day after Shemini Atzeret
    "hanukkah": hebrew(9, 25, 8), "chanukah": hebrew(9, 25, 8), "hanukah": hebrew(9, 25, 8),
    "hannukkah": hebrew(9, 25, 8), "chanukkah": hebrew(9, 25, 8), "hannukah": hebrew(9, 25, 8),
    "tu bishvat": hebrew(11, 15), "tu b'shevat": hebrew(11, 15),
    "purim": hebrew(12, 14), "shushan purim": hebrew(12, 15),  # Adar II in a leap year (see normalize)
    "passover": hebrew(1, 15, 8), "pesach": hebrew(1, 15, 8),  # Diaspora: eight days
    "yom hashoah": hebrew(1, 27, move="shoah"),
    "yom haatzmaut": hebrew(2, 5, move="atzmaut"), "yom ha'atzmaut": hebrew(2, 5, move="atzmaut"),
    "lag baomer": hebrew(2, 18), "lag b'omer": hebrew(2, 18),
    "shavuot": hebrew(3, 6, 2), "shavuos": hebrew(3, 6, 2),  # Diaspora: two days
    "tisha b'av": hebrew(5, 9, move="fast"), "tisha bav": hebrew(5, 9, move="fast"),
    # -- Islamic holidays (holidays package tables) ---------------------------------------
    "eid al-fitr": islamic("EID_AL_FITR"), "eid ul-fitr": islamic("EID_AL_FITR"),
    "id ul-fitr": islamic("EID_AL_FITR"), "eid-ul-fitr": islamic("EID_AL_FITR"),
    "eid al-adha": islamic("EID_AL_ADHA"), "eid ul-adha": islamic("EID_AL_ADHA"),
    "id ul-adha": islamic("EID_AL_ADHA"), "bakr id": islamic("EID_AL_ADHA"), "bakrid": islamic("EID_AL_ADHA"),
    "bakri eid": islamic("EID_AL_ADHA"), "feast of the sacrifice": islamic("EID_AL_ADHA"),
    "sacrifice feast": islamic("EID_AL_ADHA"),  # Eid al-Adha translated
    "ramadan": islamic("RAMADAN_BEGINNING", end="EID_AL_FITR"),  # the month: to the eve of Eid al-Fitr
    "ramzan": islamic("RAMADAN_BEGINNING", end="EID_AL_FITR"),
    "laylat al-qadr": islamic("LAYLAT_AL_QADR"), "laylat al-kadr": islamic("LAYLAT_AL_QADR"),
    "lailat al-qadr": islamic("LAYLAT_AL_QADR"), "night of power": islamic("LAYLAT_AL_QADR"),
    "night of destiny": islamic("LAYLAT_AL_QADR"), "night of decree": islamic("LAYLAT_AL_QADR"),
    "night of measures": islamic("LAYLAT_AL_QADR"),  # "qadr": measure, decree
    "islamic new year": islamic("HIJRI_NEW_YEAR"), "hijri new year": islamic("HIJRI_NEW_YEAR"),
    "amun jadid": islamic("HIJRI_NEW_YEAR"),  # Arabic "new year"
    "ashura": islamic("ASHURA"), "day of ashura": islamic("ASHURA"),
    "mawlid": islamic("MAWLID"), "mawlid al-nabi": islamic("MAWLID"), "mawlid al-nabawi": islamic("MAWLID"),
    "milad un nabi": islamic("MAWLID"), "the prophet's birthday": islamic("MAWLID"),
    "isra and mi'raj": islamic("ISRA_AND_MIRAJ"), "isra and miraj": islamic("ISRA_AND_MIRAJ"),
    "the prophet's ascension": islamic("ISRA_AND_MIRAJ"), "the night journey": islamic("ISRA_AND_MIRAJ"),
    # the last Friday of Ramadan
    "jumu'atul-wida": islamic("JUMUATUL_WIDA"), "jamat ul-vida": islamic("JUMUATUL_WIDA"),
    "jumat-ul-wida": islamic("JUMUATUL_WIDA"),
    # -- Hindu, Sikh and Jain festivals (holidays package's lunisolar tables) ------------
    "diwali": hindu("DIWALI_INDIA"), "deepavali": hindu("DIWALI_INDIA"), "lakshmi puja": hindu("DIWALI_INDIA"),
    # Diwali's five days run together: Dhanteras, Choti Diwali, Diwali, Govardhan Puja, Bhai Dooj
    "dhanteras": hindu("DIWALI_INDIA", -2), "dhanatrayodashi": hindu("DIWALI_INDIA", -2),
    "choti diwali": hindu("DIWALI_INDIA", -1), "chhoti diwali": hindu("DIWALI_INDIA", -1),
    "naraka chaturdashi": hindu("DIWALI_INDIA", -1), "kali chaudas": hindu("DIWALI_INDIA", -1),
    "govardhan puja": hindu("DIWALI_INDIA", 1),
    "bhai dooj": hindu("DIWALI_INDIA", 2), "bhai duj": hindu("DIWALI_INDIA", 2), "bhau beej": hindu("DIWALI_INDIA", 2),
    "chhath": hindu("CHHATH_PUJA"), "chhath puja": hindu("CHHATH_PUJA"), "dala puja": hindu("CHHATH_PUJA"),
    "surya shashthi": hindu("CHHATH_PUJA"),
    "dussehra": hindu("DUSSEHRA"), "dasara": hindu("DUSSEHRA"), "vijayadashami": hindu("DUSSEHRA"),
    # the nine nights before Dussehra
    "navaratri": hindu("SHARAD_NAVRATRI", end="DUSSEHRA"), "navratri": hindu("SHARAD_NAVRATRI", end="DUSSEHRA"),
    "maha saptami": hindu("MAHA_ASHTAMI", -1), "maha ashtami": hindu("MAHA_ASHTAMI"),
    "maha navami": hindu("MAHA_NAVAMI"),
    "karva chauth": hindu("KARWA_CHAUTH"), "karwa chauth": hindu("KARWA_CHAUTH"),
    "rath yatra": hindu("RATH_YATRA"), "ratha yatra": hindu("RATH_YATRA"), "ratha-yatra": hindu("RATH_YATRA"),
    "raksha bandhan": hindu("RAKSHA_BANDHAN"), "rakhi": hindu("RAKSHA_BANDHAN"),
    "mahavir jayanti": hindu("MAHAVIR_JAYANTI"), "mahaveer jayanti": hindu("MAHAVIR_JAYANTI"),
    "mahavir janma kalyanak": hindu("MAHAVIR_JAYANTI"), "mahaveer janma kalyanak": hindu("MAHAVIR_JAYANTI"),
    "maha shivaratri": hindu("MAHA_SHIVARATRI"), "maha shivratri": hindu("MAHA_SHIVARATRI"),
    "mahashivratri": hindu("MAHA_SHIVARATRI"),
    "dayananda saraswati jayanti": hindu("SWAMI_DAYANAND_SARASWATI_JAYANTI"),
    "dayanand saraswati jayanti": hindu("SWAMI_DAYANAND_SARASWATI_JAYANTI"),
    # Pongal's four days: Bhogi, Thai Pongal (Makar Sankranti), Mattu Pongal, Kaanum Pongal
    "pongal": hindu("PONGAL"), "thai pongal": hindu("PONGAL"),
    "bhogi": hindu("PONGAL", -1), "boghi": hindu("PONGAL", -1), "bogi pandigai": hindu("PONGAL", -1),
    "bhogi pandigai": hindu("PONGAL", -1),
    "mattu pongal": hindu("PONGAL", 1), "maattu pongal": hindu("PONGAL", 1),
    "kaanum pongal": hindu("PONGAL", 2), "kanni pongal": hindu("PONGAL", 2),
    "makar sankranti": hindu("MAKAR_SANKRANTI"), "makara sankranti": hindu("MAKAR_SANKRANTI"),
    "makara sankranthi": hindu("MAKAR_SANKRANTI"), "maghi": hindu("MAKAR_SANKRANTI"),  # Maghi: its Punjabi name
    "vaisakhi": hindu("VAISAKHI"), "baisakhi": hindu("VAISAKHI"), "vasakhi": hindu("VAISAKHI"),
    "vaishakhi": hindu("VAISAKHI"),
    "onam": hindu("ONAM"), "thiru onam": hindu("ONAM"), "thiruvonam": hindu("ONAM"),
    "vasant panchami": hindu("BASANT_PANCHAMI"), "basant panchami": hindu("BASANT_PANCHAMI"),
    # Holika Dahan, the bonfire on the eve of Holi ("kamudu pyre": its Tamil Nadu name)
    "holi": hindu("HOLI"), "dhulandi": hindu("HOLI"), "dhuleti": hindu("HOLI"), "phagwah": hindu("HOLI"),
    "holika dahan": hindu("HOLI", -1), "chhoti holi": hindu("HOLI", -1), "choti holi": hindu("HOLI", -1),
    "kamudu pyre": hindu("HOLI", -1),
    "janmashtami": hindu("JANMASHTAMI"), "krishna janmashtami": hindu("JANMASHTAMI"),
    "gokulashtami": hindu("JANMASHTAMI"),
    "ganesh chaturthi": hindu("GANESH_CHATURTHI"), "vinayaka chaturthi": hindu("GANESH_CHATURTHI"),
    "ram navami": hindu("RAM_NAVAMI"), "rama navami": hindu("RAM_NAVAMI"),
    # the lunisolar new year of the Deccan: Ugadi (Karnataka, Andhra), Gudi Padwa (Maharashtra)
    "ugadi": hindu("GUDI_PADWA"), "yugadi": hindu("GUDI_PADWA"), "gudi padwa": hindu("GUDI_PADWA"),
    "samvatsaradi": hindu("GUDI_PADWA"), "chaitra sukladi": hindu("GUDI_PADWA"),
    "chaitra sukhladi": hindu("GUDI_PADWA"),
    "guru ravidas jayanti": hindu("GURU_RAVIDAS_JAYANTI"), "guru ravidass jayanti": hindu("GURU_RAVIDAS_JAYANTI"),
    "guru ravidas birthday": hindu("GURU_RAVIDAS_JAYANTI"), "guru ravidass birthday": hindu("GURU_RAVIDAS_JAYANTI"),
    "valmiki jayanti": hindu("MAHARSHI_VALMIKI_JAYANTI"),
    "maharishi valmiki jayanti": hindu("MAHARSHI_VALMIKI_JAYANTI"),
    "pargat diwas": hindu("MAHARSHI_VALMIKI_JAYANTI"),  # Valmiki's birth day in Punjab
    "guru gobind singh jayanti": hindu("GURU_GOBIND_SINGH_JAYANTI"),
    "guru govind singh jayanti": hindu("GURU_GOBIND_SINGH_JAYANTI"),
    "guru gobind singh birthday": hindu("GURU_GOBIND_SINGH_JAYANTI"),
    "guru nanak jayanti": hindu("GURU_NANAK_JAYANTI"), "guru nanak's birthday": hindu("GURU_NANAK_JAYANTI"),
    # Rabindranath Tagore's birthday: 25 Boishakh, 24 days after the Bengali new year (1 Boishakh)
    "rabindra jayanti": hindu("POHELA_BOISHAKH", 24), "rabindranath jayanti": hindu("POHELA_BOISHAKH", 24),
    # the full moon of Vaisakha: the Buddha's birth, enlightenment and death
    "vesak": hindu("BUDDHA_PURNIMA"), "buddha purnima": hindu("BUDDHA_PURNIMA"),
    "buddha jayanti": hindu("BUDDHA_PURNIMA"), "buddha day": hindu("BUDDHA_PURNIMA"),
    # -- Chinese lunisolar calendar ---------------------------------------------------------
    "chinese new year": chinese("LUNAR_NEW_YEAR"), "chinese new years": chinese("LUNAR_NEW_YEAR"),
    "chinese new year's day": chinese("LUNAR_NEW_YEAR"), "chinese lunar new year": chinese("LUNAR_NEW_YEAR"),
    "chinese lunar new year's day": chinese("LUNAR_NEW_YEAR"), "lunar new year": chinese("LUNAR_NEW_YEAR"),
    "lunar new year's day": chinese("LUNAR_NEW_YEAR"), "spring festival": chinese("LUNAR_NEW_YEAR"),
    "lantern festival": chinese("LUNAR_NEW_YEAR", 14),  # the 15th day of the first month
    "dragon boat festival": chinese("DRAGON_BOAT"), "mid-autumn festival": chinese("MID_AUTUMN"),
}

# Names that are also ordinary words or phrases ("banks lent $5bn", "the night journey
# across the desert"): a holiday only with a year after it or written with a capital.
NEEDS_YEAR_OR_CAPITAL = frozenset({
    "lent", "the night journey", "night of power", "night of destiny", "night of decree", "night of measures",
    "spring festival", "sacrifice feast", "great fast", "buddha day",
    "pongal",  # also the rice dish
    "lantern festival", "dragon boat festival",  # also any town's lantern or boat festival
})
# Names that are also given names ("Rakhi Sawant"): a holiday only with a year after it.
NEEDS_YEAR = frozenset({"rakhi"})
