"""newsclaims_lines: a line break ends a sentence.

News text puts one paragraph per line, and a headline, a bullet ("• Revenue: $3.61
billion") or a heading ends with no full stop. The parser, left alone, runs such a line
into the next one ("... collected for March 2023\\n\\nNew Delhi: Gross GST receipts ...
came to ...") and the next sentence's verb then governs the headline's figure. Runs before
the parser, which keeps boundaries set before it.

>>> import spacy
>>> nlp = spacy.blank("en"); _ = nlp.add_pipe("newsclaims_lines")
>>> [t.text for t in nlp("Sales up 5%\\nProfit fell. Costs rose") if t.is_sent_start]
['Sales', 'Profit']
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class LineBreaks:
    """Mark the first token after a line break as a sentence start."""

    def __call__(self, doc: Doc) -> Doc:
        after_break = False
        for tok in doc:
            if tok.is_space:
                after_break = after_break or "\n" in tok.text
                continue
            if after_break and tok.i > 0:
                tok.is_sent_start = True
            after_break = "\n" in tok.whitespace_
        return doc


@Language.factory("newsclaims_lines")
def make_lines(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks()
