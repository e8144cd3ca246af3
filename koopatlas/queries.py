"""Named SQL files from ``queries/``, run with bound parameters.

Every query the app or the pipeline runs lives in its own file; parameters are
named (``$year_from``) and always bound by DuckDB, never formatted into SQL.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
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
    """Run one named query and return its result as a DataFrame (only the parameters it names are bound).

    ``map_edges`` runs through :func:`top_pairs`, which gives the same result faster."""
    if name == "map_edges" and params is not None and "min_pair" not in params:
        return top_pairs(con, params)
    text = sql(name)
    return con.execute(text, used(text, params)).df()


#: The first attempt of top_pairs counts the pairs of which at least this many times ``limit`` are as strong unfiltered.
TOP_PAIR_MARGIN = 40


def top_pairs(con: duckdb.DuckDBPyConnection, params: dict[str, Any]) -> pd.DataFrame:
    """map_edges (the ``limit`` strongest pairs under the filters), counted first on the pairs that
    are strong unfiltered.

    A pair has no more events under a filter than without (``event_pairs.n_all``). Among the pairs
    with n_all ≥ t, let the ``limit``-th strongest have c events under the filter. If c ≥ t, no
    other pair can reach the result: it is exact. If not, every pair of the true result has at
    least c events, hence n_all ≥ c, so counting the pairs with n_all ≥ c is exact. Their rows are
    a short prefix of event_pairs (sorted by n_all); only when c < 2 or too few pairs are found is
    every pair counted.
    """
    limit = int(params["limit"])
    t, pairs = 0, 0
    for n_all, count in rows(con, "pair_strengths"):
        pairs += count
        if pairs >= TOP_PAIR_MARGIN * limit:
            t = n_all
            break
    if t >= 2:
        got = run(con, "map_edges", params | {"min_pair": t})
        c = int(got["events"].min()) if len(got) >= limit else 0
        if c >= t:
            return got
        if c >= 2:
            return run(con, "map_edges", params | {"min_pair": c})
    return run(con, "map_edges", params | {"min_pair": 0})


def rows(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any] | None = None) -> list[tuple]:
    """Run one named query and return plain tuples: for large lookups loaded once, without a DataFrame."""
    text = sql(name)
    return con.execute(text, used(text, params)).fetchall()


def iter_rows(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any] | None = None,
              chunk: int = 10_000) -> Iterator[tuple]:
    """Like :func:`rows`, a chunk at a time: a large lookup built from the rows never holds them all."""
    text = sql(name)
    return _fetched(con.execute(text, used(text, params)), chunk)  # the query runs (or fails) here, not at the first row


def _fetched(cursor: duckdb.DuckDBPyConnection, chunk: int) -> Iterator[tuple]:
    while batch := cursor.fetchmany(chunk):
        yield from batch


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
