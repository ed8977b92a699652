"""The attribute ruler's indexed matcher and the lemmatizer's remembered base forms give spaCy's output."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

from pipeline.components.attribute_matcher import IndexedMatcher, Unsupported, index_attribute_ruler
from pipeline.nlp import resolve_model_name

# Every kind of pattern in en_core_web_sm's ruler: tag -> POS, word + tag exceptions
# ("'s", "n't", "is"), dependency ones ("I" as subject and object, "but" as advmod, a
# determiner used as a pronoun, an expletive "there is"), the two-token lemma rules
# ("gonna", "gotta", "let's", "c'mon", "y'all", "ain't"), regex ones ("nothin'") and
# white space tokens (with and without a dependency label).
TEXT = (
    "I told you it's not what they're gonna do, but that's it.  We gotta go;\n\n"
    "Let's see: y'all ain't got nothin' on them, and c'mon, there is no way\t it was done. "
    "Those who did have had it; which did he pick? Give it to me and I will give it to you.\n"
    "Shares rose 5% to $12.40 on Tuesday , after the firm said that sales had grown."
)


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(resolve_model_name())


def test_same_matches_and_token_attributes_as_spacy(nlp):
    docs = list(nlp.pipe([TEXT, TEXT.lower(), TEXT.upper(), "", " ", "\n\nI"],
                         disable=["attribute_ruler", "lemmatizer", "ner"]))
    ruler = nlp.get_pipe("attribute_ruler")
    stock = ruler.matcher
    indexed = IndexedMatcher(stock, [(str(i), stock.get(str(i))[1]) for i in range(len(ruler.attrs))])
    for doc in docs:
        expected = sorted(set(stock(doc, allow_missing=True)))
        assert sorted(indexed(doc, allow_missing=True)) == expected
    assert len(set(stock(docs[0], allow_missing=True))) > len(docs[0])  # exceptions matched too
    # the whole pipeline, with the index and without: every attribute the ruler sets, and the lemmas
    fast = spacy.load(resolve_model_name())
    assert index_attribute_ruler(fast) and index_attribute_ruler(fast)  # idempotent
    assert isinstance(fast.get_pipe("attribute_ruler").matcher, IndexedMatcher)
    cols = [TAG, POS, MORPH, LEMMA, DEP]
    for text in (TEXT, TEXT.lower()):
        a, b = nlp(text), fast(text)
        assert (a.to_array(cols) == b.to_array(cols)).all()
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
        assert [str(t.morph) for t in a] == [str(t.morph) for t in b]
    lemmas = {t.lower_: t.lemma_ for t in fast(TEXT)}
    assert lemmas["gon"] == "go" and lemmas["nothin'"] == "nothing" and lemmas["ai"] == "be"


def test_unsupported_patterns_keep_spacys_matcher():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"LEMMA": "x"})
    with pytest.raises(Unsupported):
        IndexedMatcher(ruler.matcher, [("0", ruler.matcher.get("0")[1])])
    stock = ruler.matcher
    assert not index_attribute_ruler(nlp)
    assert ruler.matcher is stock
    assert [t.lemma_ for t in nlp("a a b")] == ["x", "x", ""]


def test_remembered_base_forms_give_spacys_lemmas(nlp):
    from pipeline.components.base_forms import remember_base_forms

    fast = spacy.load(resolve_model_name())
    assert remember_base_forms(fast) and remember_base_forms(fast)  # idempotent
    lemmatizer = fast.get_pipe("lemmatizer")
    texts = [TEXT, TEXT.upper(), "Sales grew; the firms were bought by bigger ones. Apples, NASA's better rates."]
    for _ in range(2):  # the second time from what the first remembered
        for text in texts:
            assert [t.lemma_ for t in fast(text)] == [t.lemma_ for t in nlp(text)]
    assert len(lemmatizer._newsclaims_kinds) > 10
    lemmas = {t.text: t.lemma_ for t in fast(texts[2])}
    assert (lemmas["grew"], lemmas["firms"], lemmas["bigger"], lemmas["NASA"]) == ("grow", "firm", "big", "NASA")
    assert not remember_base_forms(spacy.blank("en"))


def test_first_batch_outside_the_memory_zone_keeps_records_and_bounds_the_vocab():
    """A process's first batch of ordinary articles keeps its lexemes (Extractor._zone); the
    records are the same as in a zone, and later batches leave the vocab as they found it."""
    from pipeline.extractor import _WARMED, Extractor
    from pipeline.nlp import build_nlp

    extractor = Extractor()
    extractor.nlp = build_nlp()  # a pipeline of its own, with no batch run yet
    first = ["Acme Corp said revenue rose 12% to $4.5 billion in 2023.",
             "Zorblat Ltd's output fell 3.5 percent in March, the firm said."]
    later = ["Quuxian Holdings sold 1,250 tonnes of copper for 9.1 million euros on Friday."]
    warm = [r.to_json() for r in extractor.extract_many(first)]
    assert extractor.nlp in _WARMED
    vocab_after_first = len(extractor.nlp.vocab.strings)
    assert "Zorblat" in extractor.nlp.vocab.strings  # kept: the first batch ran outside a zone
    zoned = Extractor()
    zoned.nlp = build_nlp()
    _WARMED.add(zoned.nlp)  # as if it had had its first batch: this one runs in a zone
    assert [r.to_json() for r in zoned.extract_many(first)] == warm
    assert "Zorblat" not in zoned.nlp.vocab.strings
    [r.to_json() for r in extractor.extract_many(later)]
    assert len(extractor.nlp.vocab.strings) == vocab_after_first
    assert "Quuxian" not in extractor.nlp.vocab.strings
