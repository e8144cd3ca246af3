"""Data access for the pages: one read-only DuckDB connection, results cached by parameters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import streamlit as st

from koopatlas import config, queries, store


@st.cache_resource(show_spinner=False, max_entries=2)
def connection(path: str, version: float) -> duckdb.DuckDBPyConnection:
    """Read-only connection; ``version`` (the file's mtime) reopens it after an ingest."""
    return store.connect(Path(path), read_only=True)


def db_version() -> float:
    path = config.db_path()
    return path.stat().st_mtime if path.is_file() else 0.0


@st.cache_data(show_spinner=False, max_entries=512)
def query(name: str, params: tuple[tuple[str, Any], ...], version: float) -> pd.DataFrame:
    """Run ``queries/<name>.sql``; params as a sorted tuple so they hash for the cache."""
    con = connection(str(config.db_path()), version).cursor()
    try:
        return queries.run(con, name, dict(params))
    finally:
        con.close()


def q(name: str, **params: Any) -> pd.DataFrame:
    """Cached result of a named query with keyword parameters."""
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))
    return query(name, frozen, db_version())


def dashboard(name: str, filters, **params: Any) -> pd.DataFrame:
    """A dashboard query under the filters; the unfiltered view reads its materialised table.

    ``name_all`` (queries/<name>_all.sql) serves the unfiltered case from the tables that
    every write refreshes, so the first page a visitor sees is fast on large databases.
    """
    if filters.is_default() and not params.get("search") and (config.QUERIES_DIR / f"{name}_all.sql").is_file():
        return q(f"{name}_all", **{k: v for k, v in params.items() if k != "search"})
    return q(name, **(filters.params() | params))
