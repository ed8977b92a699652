"""newsclaims_lines: a line break ends a sentence.

News text puts one paragraph per line, and a headline, a bullet ("• Revenue: $3.61
billion") or a heading ends with no full stop. The parser, left alone, runs such a line
into the next one ("... collected for March 2023\\n\\nNew Delhi: Gross GST receipts ...
came to ...") and the next sentence's verb then governs the headline's figure. Runs before
the parser, which keeps boundaries set before it.

A dateline opening one of the first paragraphs ("SEOUL, May 13 (Yonhap) -- ",
"JOHANNESBURG - ", "New Delhi: ") also ends there: it is not the subject of the sentence
after it. (One at the very start of the text is parsed as blank space already:
``nlp.dateline_blanked``; one after a headline line is kept, so its place and agency are
still entities, and set apart here.)

>>> import spacy
>>> nlp = spacy.blank("en"); _ = nlp.add_pipe("newsclaims_lines")
>>> [t.text for t in nlp("Sales up 5%\\nProfit fell. Costs rose") if t.is_sent_start]
['Sales', 'Profit']
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import SENT_START
from spacy.errors import Errors
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp import DATELINE

# "New Delhi: ", "Cape Town: " - one to three capitalised words and a colon opening a paragraph
_WIRE_DATELINE = re.compile(DATELINE.pattern.removeprefix("^"))  # matched at a paragraph's start
_COLON_DATELINE = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}:\s")
_DATELINE_PARAGRAPHS = 3  # a dateline opens the story: the first paragraphs, headline included


class LineBreaks:
    """Mark the first token after a line break as a sentence start.

    The starts are written in one ``Doc.from_array``: spaCy's ``Token.is_sent_start``
    setter scans the doc for a parse each time, which made a 100,000-character text with
    a line break every 250 characters cost quadratic time.
    """

    def __call__(self, doc: Doc) -> Doc:
        starts = self._datelines(doc)
        after_break = False
        for tok in doc:
            if tok.is_space:
                after_break = after_break or "\n" in tok.text
                continue
            if after_break and tok.i > 0:
                starts.append(tok.i)
            after_break = "\n" in tok.whitespace_
        if starts:
            if doc.has_annotation("DEP"):
                raise ValueError(Errors.E043)  # (what the setter raises: boundaries are the parser's)
            column: Any = doc.to_array([SENT_START])  # (one column of uint64)
            column[starts] = 1
            doc.from_array([SENT_START], column)
        return doc


    @staticmethod
    def _datelines(doc: Doc) -> list[int]:
        """The first tokens after a dateline opening one of the first paragraphs."""
        starts: list[int] = []
        text, pos = doc.text, 0
        for _ in range(_DATELINE_PARAGRAPHS):
            while pos < len(text) and text[pos].isspace():
                pos += 1
            m = _WIRE_DATELINE.match(text, pos) or _COLON_DATELINE.match(text, pos)
            if m is not None and m.end() < len(text):
                after = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
                if after is not None and after.start > 0 and not doc[after.start].is_space:
                    starts.append(after.start)
            nxt = text.find("\n", pos)
            if nxt < 0:
                break
            pos = nxt
        return starts


@Language.factory("newsclaims_lines")
def make_lines(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks()
