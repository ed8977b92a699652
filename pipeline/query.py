"""SQL over a run's tables: DuckDB views ``claims``, ``mentions``, ``entities``, ``articles``.

``run_query(OUT, sql)`` opens an in-memory DuckDB whose views read ``OUT/<table>.parquet``
(written by :func:`pipeline.tables.write_tables`) and returns a :class:`QueryResult`;
``format_result`` writes it as a text table, CSV or JSON. Nothing here prints.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.errors import ErrorCode, NewsclaimsError
from pipeline.record import dump_json
from pipeline.tables import TABLES

if TYPE_CHECKING:
    import duckdb

FORMATS = ("table", "csv", "json")
MAX_CELL = 60  # the text table cuts longer cells (CSV and JSON never do)


@dataclass
class QueryResult:
    columns: list[str]
    types: list[str]
    rows: list[tuple[Any, ...]]


def connect(out: str | Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with one view per table of ``out`` (E001 when a table file is missing)."""
    import duckdb

    con = duckdb.connect(":memory:")
    con.execute("SET enable_progress_bar = false")  # DuckDB would draw one on stdout
    for name in TABLES:
        path = Path(out) / f"{name}.parquet"
        if not path.is_file():
            con.close()
            raise NewsclaimsError(ErrorCode.E001, f"no {name}.parquet (write the tables with "
                                  f"`newsclaims table {out}`)", path=str(path))
        quoted = str(path).replace("'", "''")
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{quoted}')")
    return con


def _one_line(message: str) -> str:
    """DuckDB's message without the echoed query and caret lines, on one line."""
    lines = []
    for line in message.splitlines():
        if line.startswith("LINE "):
            break
        if line.strip():
            lines.append(line.strip())
    return " ".join(lines) or message.strip()


def run_query(out: str | Path, sql: str) -> QueryResult:
    """Run ``sql`` over the tables of ``out``.

    Returns:
        The result's column names, DuckDB types and rows (empty for a statement with no result).
    Raises:
        NewsclaimsError: E017 with DuckDB's message when the query fails; E001 when the
        tables are missing.
    """
    import duckdb

    if not sql.strip():
        raise NewsclaimsError(ErrorCode.E017, "the query is empty")
    con = connect(out)
    try:
        cursor = con.execute(sql)
        if cursor.description is None:
            return QueryResult([], [], [])
        columns = [d[0] for d in cursor.description]
        types = [str(d[1]) for d in cursor.description]
        return QueryResult(columns, types, cursor.fetchall())
    except duckdb.Error as exc:
        raise NewsclaimsError(ErrorCode.E017, _one_line(str(exc))) from None
    finally:
        con.close()


def table_schema(out: str | Path) -> QueryResult:
    """Every table's columns: table, column, DuckDB type (as stored) and what it holds."""
    con = connect(out)
    try:
        rows = []
        for name, columns in TABLES.items():
            about = {c.name: c.about for c in columns}
            for column, type_, *_ in con.execute(f"DESCRIBE {name}").fetchall():
                rows.append((name, column, type_, about.get(column)))
    finally:
        con.close()
    return QueryResult(["table", "column", "type", "about"], ["VARCHAR"] * 4, rows)


# -- formats ----------------------------------------------------------------------
def _plain(value: Any) -> Any:
    """A cell as a JSON value: dates ISO, decimals and floats as numbers, NaN/inf null."""
    if isinstance(value, decimal.Decimal):
        value = float(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dt.date | dt.time):  # datetime is a date
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _text(value: Any) -> str:
    """A cell as text: integral floats without '.0', booleans lower-case, NULL as empty."""
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


_NUMERIC_TYPES = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT",
                  "UINTEGER", "UBIGINT", "UHUGEINT", "FLOAT", "DOUBLE", "DECIMAL")


def format_table(result: QueryResult, *, max_cell: int = MAX_CELL) -> str:
    """An aligned text table with a row count; numbers right-aligned, long cells cut with '…'.

    >>> print(format_table(QueryResult(["name", "value"], ["VARCHAR", "DOUBLE"],
    ...                                [("sales", 4.2e9), ("margin", 0.125), ("debt", None)])), end="")
    name         value
    ------  ----------
    sales   4200000000
    margin       0.125
    debt
    <BLANKLINE>
    (3 rows)
    """
    def cell(value: Any) -> str:
        text = " ".join(_text(value).split())
        return text if len(text) <= max_cell else text[:max_cell - 1] + "…"

    cells = [[cell(v) for v in row] for row in result.rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(result.columns)]
    right = [t.startswith(_NUMERIC_TYPES) for t in result.types]

    def line(values: list[str]) -> str:
        cells = (v.rjust(w) if r else v.ljust(w) for v, w, r in zip(values, widths, right, strict=True))
        return "  ".join(cells).rstrip()

    lines = [line(result.columns), line(["-" * w for w in widths]), *(line(r) for r in cells)]
    n = len(result.rows)
    return "\n".join(lines) + f"\n\n({n} row{'s' if n != 1 else ''})\n"


def format_csv(result: QueryResult) -> str:
    """CSV with a header row; NULL is an empty field."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([_text(v) for v in row] for row in result.rows)
    return buffer.getvalue()


def format_json(result: QueryResult) -> str:
    """A JSON array of objects, one per row, keys in column order."""
    return dump_json([{c: _plain(v) for c, v in zip(result.columns, row, strict=True)} for row in result.rows])


FORMATTERS: dict[str, Callable[[QueryResult], str]] = {
    "table": format_table, "csv": format_csv, "json": format_json,
}
