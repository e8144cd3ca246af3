"""Named SQL files from ``queries/``, run with bound parameters.

Every query the app or the pipeline runs lives in its own file; parameters are
named (``$year_from``) and always bound by DuckDB, never formatted into SQL.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import duckdb
import pandas as pd

from koopatlas import config


@cache
def sql(name: str) -> str:
    """The text of ``queries/<name>.sql`` (cached: files do not change at run time)."""
    path = config.QUERIES_DIR / f"{name}.sql"
    if not path.is_file():
        raise KeyError(f"No query file {path}")
    return path.read_text(encoding="utf-8")


def run(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any] | None = None) -> pd.DataFrame:
    """Run one named query and return its result as a DataFrame."""
    return con.execute(sql(name), params or {}).df()


def execute(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any] | None = None) -> None:
    """Run a statement file (DDL or DML) without fetching a result."""
    con.execute(sql(name), params or {})
