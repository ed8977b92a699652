"""newsclaims: English news articles -> typed, normalized claim records.

>>> from pipeline import extract
>>> record = extract("Output surged 16.5 percent year on year.")
"""

from pipeline.article import Article, read_article
from pipeline.errors import ErrorCode, NewsclaimsError
from pipeline.extractor import Extractor, extract
from pipeline.query import run_query
from pipeline.record import ArticleRecord, json_schema
from pipeline.tables import write_tables
from pipeline.version import __version__

__all__ = [
    "Article",
    "ArticleRecord",
    "ErrorCode",
    "Extractor",
    "NewsclaimsError",
    "__version__",
    "extract",
    "json_schema",
    "read_article",
    "run_query",
    "write_tables",
]
