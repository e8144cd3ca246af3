"""Named SQL files from ``queries/``, run with bound parameters.

Every query the app or the pipeline runs lives in its own file; parameters are
named (``$year_from``) and always bound by DuckDB, never formatted into SQL.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import duckdb
import pandas as pd

from koopatlas import config

_INCLUDE = re.compile(r"^--\s*include:\s*(\w+)\s*$", re.MULTILINE)


@cache
def sql(name: str) -> str:
    """The text of ``queries/<name>.sql`` (cached: files do not change at run time).

    A line ``-- include: fragment`` is replaced by ``queries/_fragment.sql``: the
    dashboard's filter CTE is written once and shared by every dashboard query.
    """
    path = config.QUERIES_DIR / f"{name}.sql"
    if not path.is_file():
        raise KeyError(f"No query file {path}")
    text = path.read_text(encoding="utf-8")
    return _INCLUDE.sub(lambda m: sql("_" + m.group(1)).strip(), text)


def run(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any] | None = None) -> pd.DataFrame:
    """Run one named query and return its result as a DataFrame (only the parameters it names are bound)."""
    text = sql(name)
    return con.execute(text, used(text, params)).df()


def rows(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any] | None = None) -> list[tuple]:
    """Run one named query and return plain tuples: for large lookups loaded once, without a DataFrame."""
    text = sql(name)
    return con.execute(text, used(text, params)).fetchall()


def statements(name: str) -> list[str]:
    """The statements of a file (our files keep ';' only at statement ends)."""
    return [s.strip() for s in re.split(r";\s*(?:\n|$)", sql(name)) if s.strip() and not _only_comments(s)]


def _only_comments(statement: str) -> bool:
    return all(not line.strip() or line.strip().startswith("--") for line in statement.splitlines())


def execute(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any] | None = None) -> None:
    """Run a statement file (DDL or DML) statement by statement, each with the parameters it names."""
    for statement in statements(name):
        con.execute(statement, used(statement, params))


def used(statement: str, params: dict[str, Any] | None) -> dict[str, Any]:
    """The parameters a statement names outside its comments (DuckDB rejects unused ones)."""
    code = re.sub(r"--[^\n]*", "", statement)
    return {k: v for k, v in (params or {}).items() if re.search(rf"\${re.escape(k)}\b", code)}
