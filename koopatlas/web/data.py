"""Data access for the pages: one read-only DuckDB connection, results cached by parameters."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import streamlit as st

from koopatlas import config, queries, store
from koopatlas.web import maps

_lock = threading.Lock()
_open: dict[str, tuple[float, duckdb.DuckDBPyConnection]] = {}


def connection(path: str, version: float) -> duckdb.DuckDBPyConnection:
    """The read-only connection to the current file; ``version`` (its mtime) changes after a write.

    Writers replace the file atomically. DuckDB hands out its already open database for a path
    as long as any connection to it is open, so the connection to the replaced file is closed
    first; only then does opening the path read the new file.
    """
    with _lock:
        current = _open.get(path)
        if current is not None and current[0] == version:
            return current[1]
        if current is not None:
            current[1].close()  # queries still running on it fail once and are retried (query())
        con = store.connect(Path(path), read_only=True, memory=config.app_db_memory())
        _open[path] = (version, con)
        return con


def db_version() -> float:
    path = config.db_path()
    return path.stat().st_mtime if path.is_file() else 0.0


def read(fn: Callable[[duckdb.DuckDBPyConnection], Any]) -> Any:
    """Run ``fn`` on a cursor of the current file; retried once when a reopen closed the connection."""
    for attempt in (1, 2):
        try:
            con = connection(str(config.db_path()), db_version()).cursor()
        except duckdb.ConnectionException:
            if attempt == 2:
                raise
            continue  # closed by a reopen in another session a moment ago
        try:
            return fn(con)
        except duckdb.ConnectionException:
            if attempt == 2:
                raise
        finally:
            con.close()
    raise AssertionError("unreachable")


@st.cache_data(show_spinner=False, max_entries=512)
def query(name: str, params: tuple[tuple[str, Any], ...], version: float) -> pd.DataFrame:
    """Run ``queries/<name>.sql``; params as a sorted tuple so they hash for the cache.

    A file written by an older version lacks tables or columns the queries read: the page says
    so and how to upgrade it, instead of showing DuckDB's error."""
    try:
        return read(lambda con: queries.run(con, name, dict(params)))
    except (duckdb.BinderException, duckdb.CatalogException) as exc:
        st.error(OLDER_DATABASE.format(path=config.db_path(), detail=str(exc).splitlines()[0]))
        st.stop()


OLDER_DATABASE = (
    "Die Datenbank {path} stammt aus einer älteren Version des Kooperationsatlas: ihr fehlen Tabellen oder "
    "Spalten, die diese Version liest ({detail}). `python -m koopatlas build` (oder `make build`) legt die "
    "abgeleiteten Tabellen neu an; die gespeicherten Dokumente und Ereignisse bleiben erhalten."
)


def _freeze(params: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))


def q(name: str, **params: Any) -> pd.DataFrame:
    """Cached result of a named query with keyword parameters."""
    return query(name, _freeze(params), db_version())


@st.cache_resource(show_spinner=False, max_entries=16)
def _figure(name: str, key: tuple, version: float, _build: Callable[[], Any]) -> Any:
    return _build()


def figure(name: str, filters, build: Callable[[], Any]) -> Any:
    """A Plotly figure built once per filter state and database version.

    Building and validating the map costs ~0.3 s of server time, during which the page's
    other requests (the Plotly bundle) wait; a figure is ~3 MB, so few are kept. Streamlit
    copies the figure before sending it, so sharing one object between sessions is safe.
    """
    return _figure(name, _freeze(filters.params()), db_version(), build)


def dashboard(name: str, filters, **params: Any) -> pd.DataFrame:
    """A dashboard query under the filters; the unfiltered view reads its materialised table.

    ``name_all`` (queries/<name>_all.sql) serves the unfiltered case from the tables that
    every write refreshes, so the first page a visitor sees is fast on large databases.
    """
    if filters.is_default() and not params.get("search") and (config.QUERIES_DIR / f"{name}_all.sql").is_file():
        return q(f"{name}_all", **{k: v for k, v in params.items() if k != "search"})
    return q(name, **(filters.params() | params))


@st.cache_data(show_spinner=False, max_entries=16)
def _figure_json(name: str, key: tuple, version: float, _figure: Any) -> str:
    return _figure.to_json()


def figure_json(name: str, filters, figure: Any) -> str:
    """The figure of ``figure(name, filters, …)`` as JSON, serialised once per filter state."""
    return _figure_json(name, _freeze(filters.params()), db_version(), figure)


@st.cache_resource(show_spinner=False, max_entries=4)
def _geometry_url(level: str, version: float) -> str | None:
    path = maps.write_geometry(q("map_shapes", level=level), config.STATIC_DIR / "geo", level)
    return f"{config.STATIC_URL}/geo/{path.name}" if path else None


def geometry_url(level: str) -> str | None:
    """URL of the display geometries of a level for Plotly (None: embed them instead)."""
    return _geometry_url(level, db_version())


# --- editing (Beitragen, corrections from the Ereignisse page) ------------------------------------


@st.cache_resource(show_spinner="Ortsverzeichnis wird geladen …", max_entries=1, ttl=24 * 3600)
def extractor():
    """The extractor for uploads (~1 s to load, a few hundred MB): one per server process, not per
    database version – edits change the file but not the gazetteer; a new `geo` shows within a day."""
    from koopatlas.extract import Extractor

    with _lock:
        con = store.connect(config.db_path(), read_only=True, memory=config.app_db_memory())
        try:
            return Extractor.from_db(con)
        finally:
            con.close()


def save_correction(correction, document=None, event=None) -> None:
    """Write one correction in place. The app's read-only handle is closed first (DuckDB allows no
    writer beside it); queries of other sessions wait on the lock meanwhile and then read the new state."""
    from koopatlas import curation

    path = str(config.db_path())
    with _lock:
        current = _open.pop(path, None)
        if current is not None:
            current[1].close()
        curation.save(Path(path), correction, document, event)


@st.cache_resource(show_spinner=False)
def login_limiter():
    """One limiter for the whole server process, shared by every session."""
    from koopatlas.auth import LoginLimiter

    return LoginLimiter()


def stored_state(doc_id: str):
    """The editable fields of a stored event (None when the text is not stored), read fresh."""
    from koopatlas import curation

    return read(lambda con: curation.current(con, doc_id))
