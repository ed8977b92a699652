"""Token helpers every claim stage reads: the governing verb of a value, a verb's
subject (through relative pronouns, participles, infinitives and conjuncts), the
predicate with its particle, noun-phrase text, anaphor labels. No rules here: pure
functions of the parse (some memoized per doc)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from pipeline.lexicons.anaphora import (
    ANAPHOR_DETERMINERS,
    ANAPHOR_NOUNS,
    ANY,
    PRONOUNS,
    SPEECH_VERBS,
)
from pipeline.lexicons.changes import (
    DECREASE_LEMMAS,
    DECREASE_NOUNS,
    INCREASE_LEMMAS,
    INCREASE_NOUNS,
    UNSIGNED_CHANGE_LEMMAS,
)
from pipeline.nlp import NUMERIC_KINDS, nc, span_text, text_of
from pipeline.spans import mentions_by_position

_NUMERIC = NUMERIC_KINDS


_SUBJ = ("nsubj", "nsubjpass", "csubj", "expl")


def _is_figure_word(word: str) -> bool:
    """A word that ends a figure: "5%", "percent", "points", "4.2", "billion"."""
    return any(ch.isdigit() for ch in word) or word.endswith("%") or \
        word in ("percent", "cent", "pct", "point", "points", "million", "billion", "trillion")


# verbs of a change in level ("slow": "growth slowed to 1.1 percent")
_CHANGE_VERBS = INCREASE_LEMMAS | DECREASE_LEMMAS | UNSIGNED_CHANGE_LEMMAS


def _coordinated(a: Token, b: Token) -> bool:
    """Two verbs of one event chain: conjuncts or a participle/while-clause hanging on
    the other ("fell 2.1 percent on Friday, while Tai Wah gained 1.3 percent")."""
    def below(low: Token, high: Token) -> bool:  # "killed and 40 injured when ... derailed on Sunday"
        tok = low
        for _ in range(3):
            if tok.dep_ not in ("conj", "advcl", "xcomp") or tok.head == tok:
                return False
            tok = tok.head
            if tok == high:
                return True
        return False

    return below(a, b) or below(b, a)


def _text(span: Span) -> str:
    """The span's text as a slice of the doc's text (``span.text`` joins its tokens)."""
    return text_of(span.doc)[span.start_char:span.end_char]


# Adverbs the parser leaves as modifiers that are a phrasal verb's particle right after it
# ("went up 5 percent", "sets aside $162 million").
_PARTICLES = frozenset("up down out in aside off back over away".split())


def _predicate(verb: Token) -> str:
    """The verb's lemma with its particles: phrasal verbs keep them ("go up", "bring in",
    "set aside", "top out"; news-dev CONVENTIONS 7.4)."""
    particles = [c.lower_ for c in verb.children if c.i > verb.i and c.pos_ in ("ADP", "ADV") and (
        c.dep_ == "prt" or c.dep_ == "advmod" and c.i == verb.i + 1 and c.lower_ in _PARTICLES and
        verb.lemma_ != "be")]  # ("were up 13%": the copula's complement)
    return " ".join([_lemma(verb), *particles])


def _lemma(verb: Token) -> str:
    """The verb's lemma, mending the rule lemmatizer's "rated" -> "rat" (an "-ated" past
    form whose lemma lost the "e": "rate", "locate", "update")."""
    low, lemma = verb.lower_, verb.lemma_
    if verb.tag_ in ("VBD", "VBN") and low.endswith("ated") and lemma == low[:-2]:
        return low[:-1]
    return lemma


def _governing_verb(span: Span) -> Token | None:
    """The verb governing a value; a hedge verb inside the span counts ("surpass 10 trillion").
    A word inside another value is never the verb: the tagger reads the currency "won" as
    a verb ("dropping from 348.17 billion won to 315.01 billion won")."""
    tok = span.root
    inside = _in_values(span.doc)
    for _ in range(12):
        if (tok.pos_ in ("VERB", "AUX") or _verb_tagged_noun(tok)) and \
                (not span.start <= tok.i < span.end or tok.i == span.start) and \
                (tok.i not in inside or tok.i == span.start):
            return tok
        if tok.head == tok:
            return tok if tok.pos_ in ("VERB", "AUX") else None
        tok = tok.head
    return None


# Prepositions that set a change noun's phrase off from the clause's own figure ("fell 0.2%, after
# a 0.4% rise in April"); not "of" ("a chance of another cut by mid-2026" scopes the chance too)
_SETTING_OFF = frozenset("after following from against versus than".split())


def _value_appositions(doc: Doc) -> list[tuple[int, int, int]]:
    """For each numeric mention the "of" object of a noun in apposition ("a gain of 2.5%"):
    (its first token, the noun phrase's first and last token); computed once per doc."""
    cached = doc.user_data.get("newsclaims_value_appositions")
    if cached is None:
        cached = []
        for kind in _NUMERIC:
            for other in nc(doc)[kind]:
                o_span = doc.char_span(other.start, other.end, alignment_mode="expand")
                if o_span is None:
                    continue
                root = o_span.root
                # "fell to 3.1%, its lowest since early 2022", "slowed to 1.2%, the slowest pace
                # in three years": a phrase in apposition to the value itself is about it
                own = next((c for c in root.children if c.dep_ == "appos" and c.i >= o_span.end), None)
                if own is not None:
                    cached.append((o_span.start, own.left_edge.i, own.right_edge.i))
                    continue
                noun = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
                if noun is not None and noun.dep_ == "appos" and noun.pos_ == "NOUN":
                    cached.append((o_span.start, noun.left_edge.i, noun.right_edge.i))
                    continue
                # "prices fell 0.2%, after a 0.4% rise in April": the phrase of a change noun the
                # value counts, set off as a preposition's object ("in April" is the rise's)
                event = root.head if root.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod") else None
                if event is not None and event.pos_ == "NOUN" and event.i > root.i and \
                        event.lemma_.lower() in INCREASE_NOUNS | DECREASE_NOUNS and \
                        (event.dep_ == "appos" or event.dep_ == "pobj" and event.head.lower_ in _SETTING_OFF):
                    cached.append((o_span.start, event.left_edge.i, event.right_edge.i))
        doc.user_data["newsclaims_value_appositions"] = cached
    return cached  # type: ignore[no-any-return]


DEMONSTRATIVES = frozenset("that this these those".split())


def _in_values(doc: Doc) -> frozenset[int]:
    """Indices of the tokens inside the doc's numeric mentions, but for a hedge verb opening
    one (cached per doc)."""
    cached = doc.user_data.get("newsclaims_value_tokens")
    if cached is None:
        found: set[int] = set()
        for kind in _NUMERIC:
            for m in nc(doc)[kind]:
                m_span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if m_span is not None:  # (a hedge verb opening a mention is a verb: "topped 1.2 trillion")
                    first = m_span.start + int(m_span[0].pos_ in ("VERB", "AUX"))
                    found.update(range(first, m_span.end))
        cached = doc.user_data["newsclaims_value_tokens"] = frozenset(found)
    return cached  # type: ignore[no-any-return]


def _governing_preposition(span: Span) -> Token | None:
    """The preposition whose object the value's noun phrase is ("from about 537,000",
    "with $5.1 billion"), or None."""
    root = span.root
    while root.dep_ in ("nummod", "quantmod", "compound", "conj") and root.head != root:
        root = root.head  # (a conjoined figure shares it: "versus $669 million, or $5.29 per share")
    return root.head if root.dep_ == "pobj" else None


def _verb_tagged_noun(tok: Token) -> bool:
    """A verb the tagger read as a plural noun but the parser gave an object: "... and
    now ships about 95 gigawatt-hours of cells a year" ("ships" NOUN, with a dobj)."""
    return tok.pos_ == "NOUN" and tok.tag_ == "NNS" and any(c.dep_ == "dobj" for c in tok.children)


def _inverted_speech(verb: Token) -> Token | None:
    """The speech verb the parser hung under a reported verb ("Morikawa said operating
    profit ... fell": "said" as parataxis of "fell", "profit" as its object)."""
    return next((c for c in verb.children if c.dep_ in ("parataxis", "ccomp") and c.i < verb.i
                 and c.lemma_ in SPEECH_VERBS and c.pos_ == "VERB"), None)


def _subject(verb: Token) -> Token | None:
    tok = verb
    if not any(c.dep_ in _SUBJ for c in verb.children) and (speech := _inverted_speech(verb)) is not None:
        obj = next((c for c in speech.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
        if obj is not None:
            return obj
    for _ in range(5):
        # (not a date the parser took for a second subject: "that last May it employed")
        subjects = [c for c in tok.children if c.dep_ in _SUBJ]
        subj = next((c for c in subjects if not _in_date(c)), subjects[0] if subjects else None)
        if subj is not None:
            if subj.lower_ in ("who", "which", "that") and tok.dep_ in ("relcl", "acl"):
                return tok.head  # "Negi, who owns 11 percent": the relative pronoun's antecedent
            return subj
        if tok.dep_ == "prep" and tok.pos_ == "VERB" and tok.head.pos_ in ("VERB", "AUX") and tok.head != tok:
            # "expects net profit of ¥152 billion, compared with an earlier forecast of ¥170
            # billion": a participle used as a preposition shares the main clause's subject
            tok = tok.head
            continue
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
            # "Despite covering less than four percent ..., this hub contributes": a
            # gerund under a preposition shares the main clause's subject
            tok = tok.head.head
            reported = next((c for c in tok.children if c.dep_ == "ccomp"), None)
            if tok.lemma_ in SPEECH_VERBS:
                # "The company plans ..., Whitcombe told analysts, after cutting 4 percent":
                # the parser hangs the gerund on the parenthetical speech verb, whose
                # reported clause is its ccomp or (inverted) its head
                if reported is not None:
                    tok = reported
                elif tok.dep_ in ("advcl", "parataxis") and tok.head != tok:
                    tok = tok.head
            continue
        if tok.dep_ in ("xcomp", "advcl", "conj", "ccomp", "relcl", "acl", "acomp") and tok.head != tok:
            if tok.dep_ == "acl" and tok.head.dep_ == "dobj" and any(c.lower_ == "to" and c.dep_ == "aux"
                                                                     for c in tok.children):
                # "Westgate has signed a contract to buy 60 percent": the buyer is the signer
                tok = tok.head.head
                continue
            if tok.dep_ in ("relcl", "acl"):
                return tok.head
            tok = tok.head
            continue
        break
    return _misattached_subject(tok)


def _misattached_subject(verb: Token) -> Token | None:
    """A subject the parser hung on a fronted phrase: "According to Statistics Canada,
    Canada's Consumer Price Index (CPI) climbed 1.4 per cent" (the index made an apposition
    of the source): the noun phrase that ends right before a verb with no subject."""
    doc = verb.doc
    end = verb.i - 1
    while end > verb.sent.start and doc[end].pos_ in ("AUX", "PART", "ADV"):
        end -= 1  # "has also climbed"
    for tok in doc[verb.sent.start:end + 1]:
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("appos", "conj", "pobj") and tok.i < verb.i and \
                tok.right_edge.i == end and tok.left_edge.i > verb.sent.start and \
                doc[tok.left_edge.i - 1].text == "," and not tok.head.is_ancestor(verb):
            return tok
    return None


def _phrase(tok: Token, verb: Token | None = None) -> str:
    """The noun phrase of a subject token (its subtree, trimmed of clauses and the verb)."""
    tree = [t for t in tok.subtree]
    end = tree[-1].i + 1
    for t in tree:  # an apposition or aside after the head: "X, the Danish group, said"
        if t.i > tok.i and t.text in (",", "\u2013", "\u2014", "(", ";", ":") and t.i < end:
            end = t.i
            break
    if verb is not None and tok.i < verb.i < end:
        end = verb.i
        while end > tok.i + 1 and tok.doc[end - 1].pos_ in ("AUX", "PART", "ADV", "PUNCT"):
            end -= 1
    for t in tree:
        if t.i > tok.i and t.dep_ in ("relcl", "punct") and t.head == tok:
            end = min(end, t.left_edge.i)
            break
    while end > tok.i + 1 and tok.doc[end - 1].lower_ in ("that", "which", "who", "whose", ","):
        end -= 1
    start = tree[0].i
    comma = next((t.i for t in reversed(tree) if t.i < tok.i and t.text == ","), None)
    if comma is not None:
        start = comma + 1  # "Among people over 75, the share reporting ...": a fronted phrase, not the subject
    while start < tok.i and tok.doc[start].dep_ in ("mark", "cc", "punct"):
        start += 1  # "..., as work on the upgrade entered": the parser hung "as" on the subject
    # a date the parser hung on the noun is the claim's time, not part of its subject:
    # "dam inflows last year", "last year retention"
    doc = tok.doc
    for first_start, first_end in _relative_date_tokens(doc):
        if first_start <= tok.i < first_end:
            continue
        if first_start == start and first_end <= tok.i:
            start = first_end
        elif first_end == end and first_start > tok.i:
            end = first_start
    return span_text(doc[start:end])


def _phrase_cached(tok: Token, verb: Token | None) -> str:
    """:func:`_phrase`, cached per doc (a sentence's values mostly share one subject)."""
    cache = tok.doc.user_data.setdefault("newsclaims_phrases", {})
    key = (tok.i, verb.i if verb is not None else -1)
    if key not in cache:
        cache[key] = _phrase(tok, verb)
    return cache[key]  # type: ignore[no-any-return]


def _relative_date_tokens(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the doc's "last/this/next/past ..." dates not after a preposition
    (cached per doc: every subject phrase asks)."""
    cached = doc.user_data.get("newsclaims_relative_dates")
    if cached is None:
        cached = []
        for d in nc(doc)["dates"]:
            if not text_of(doc)[d.start:d.end].lower().startswith(("last ", "this ", "next ", "past ")):
                continue
            span = doc.char_span(d.start, d.end, alignment_mode="expand")
            if span is not None and not (span.start > 0 and doc[span.start - 1].pos_ == "ADP"):
                cached.append((span.start, span.end))
        doc.user_data["newsclaims_relative_dates"] = cached
    return cached  # type: ignore[no-any-return]


def _measurable_subject(subj: Token, span: Span) -> bool:
    """A common noun phrase ("revenue", "Sichuan's GDP", "Irish 10-year bond yields"),
    not a name, pronoun or anaphor, nor a phrase holding the value itself."""
    if subj.dep_ == "csubj" and subj.pos_ == "VERB":
        # a noun phrase the parser read as a clause ("the share of women classed as morbidly
        # obese was just 1 per cent": "classed" made the subject): judge its noun
        subj = next((c for c in subj.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), subj)
    nxt = subj.doc[subj.i + 1] if subj.i + 1 < len(subj.doc) else None
    proportion = subj.lower_ == "share" and nxt is not None and (nxt.tag_ == "VBG" or nxt.lower_ in ("of", "who"))
    if subj.pos_ not in ("NOUN", "PROPN") or subj.ent_type_ or \
            _anaphor_labels(subj) is not None and subj.lower_ not in ("stock", "shares") and not proportion:
        return False  # ("the share reporting daily contact with family" is a proportion, not a stock)
    if not (subj.left_edge.i < span.end and span.start <= subj.right_edge.i):
        return True  # (the cheap test first: the subtree lies within its edges)
    # a participle the parser hung on the noun states the value, it is no part of the phrase:
    # "The jobless rate held at 5%, the department said" ("held" an acl of "rate"); not on a
    # noun inside a prepositional phrase ("the odds of a visit for dehydration increased by 3%":
    # the clause's subject is further out)
    stated = {t.i for c in subj.children if c.dep_ == "acl" and c.i > subj.i and c.tag_ == "VBN"
              for t in c.subtree} if subj.dep_ != "pobj" else set()
    # so does a relative clause whose subject is the relative pronoun: "Kessel's shares, which
    # have gained 23% this year, fell 2%" (the shares gained)
    stated |= {t.i for c in subj.children if c.dep_ == "relcl" and c.i > subj.i and
               any(g.dep_ == "nsubj" and g.tag_ in ("WDT", "WP") for g in c.children) for t in c.subtree}
    return not any(span.start <= t.i < span.end for t in subj.subtree if t.i not in stated)


def _anaphor_labels(subj: Token) -> tuple[str, ...] | None:
    low = subj.lower_
    if low in PRONOUNS:
        return PRONOUNS[low]
    if low in ANAPHOR_NOUNS and any(c.lower_ in ANAPHOR_DETERMINERS for c in subj.children):
        return ANAPHOR_NOUNS[low]
    if low in DEMONSTRATIVES:
        return ()  # "That was less than half the average": a fact, not a named entity (see _demonstrative)
    if subj.pos_ == "PRON":
        return ANY
    return None


_PERIOD_NOUNS = frozenset("year month quarter week day half period season decade hour minute time".split())


def _in_date(tok: Token) -> bool:
    """The token lies inside a date mention."""
    return mentions_by_position(tok.doc, "dates").at(tok.idx) is not None


def _is_date_like(tok: Token) -> bool:
    return tok.like_num or tok.lemma_.lower() in _PERIOD_NOUNS or tok.lower_.rstrip("s") in _PERIOD_NOUNS
