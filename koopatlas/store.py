"""DuckDB storage: the schema, the reference tables and (later) the extracted events.

Writers open the file read-write inside a transaction, so a failure leaves what
was stored before untouched; the app opens it read-only.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

from koopatlas import config, queries

REFERENCE_TABLES = ("regions", "region_shapes", "region_names", "associations", "association_members", "aliases",
                    "foreign_names")


def connect(path: Path | None = None, read_only: bool = False, wait: float = 30.0,
            memory: str | None = None) -> duckdb.DuckDBPyConnection:
    """Open the file; while an edit holds it read-write (a second or so), wait for it.
    ``memory`` caps DuckDB's memory ("400MB"; the app sets it, see config.app_db_memory)."""
    path = path or config.db_path()
    if read_only and not path.is_file():
        raise FileNotFoundError(f"{path} does not exist: run `make run` or `python -m koopatlas build` first.")
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            if memory:
                queries.execute(con, "set_memory_limit", {"memory": memory})
            return con
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


#: Documents written through write_events per open incremental bulk connection (by id(con)).
_TOUCHED: dict[int, set[str]] = {}
#: A bulk write that touches more than this share of the stored events rebuilds the derived tables whole.
INCREMENTAL_MAX_SHARE = 0.2


@contextmanager
def writable(path: Path | None = None, incremental: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection to a copy of the database that replaces it on success (bulk writes).

    The running app keeps its read-only handle (DuckDB would refuse a writer while
    it is open) and sees the new file at its next query; a failed write leaves the
    stored data exactly as it was. The writer lock is held only to copy and to swap:
    editors' corrections saved meanwhile are in the journal and replayed into the copy
    just before the swap (koopatlas.curation).

    ``incremental`` (ingest): the dashboard's derived tables are refreshed for the documents
    written through :func:`write_events` only, when they are few of the stored events; other
    writers (geo, population, build) change what every row depends on and rebuild them whole.
    """
    with bulk_lock(path or config.db_path()) as path:
        yield from _write_copy(path, incremental)


def _write_copy(path: Path, incremental: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    from koopatlas import curation

    work = working_copy(path)
    with curation.writer_lock(path):
        if path.is_file():
            shutil.copyfile(path, work)
            wal = path.with_name(path.name + ".wal")
            if wal.is_file():  # committed but not yet checkpointed (a crash after an edit): keep it
                shutil.copyfile(wal, work.with_name(work.name + ".wal"))
    con = duckdb.connect(str(work))
    if incremental:
        _TOUCHED[id(con)] = set()
    try:
        ensure_schema(con)
        yield con
        with curation.writer_lock(path):
            with transaction(con):
                added = curation.sync_journal(con, path, reapply_all=True)  # corrections survive re-extraction
            touched = _TOUCHED.pop(id(con), None)
            refresh_after_write(con, None if touched is None else touched | set(added))
            con.execute("CHECKPOINT")
            con.close()
            os.replace(work, path)
    except BaseException:
        con.close()
        remove_leftovers(path)
        raise
    finally:
        _TOUCHED.pop(id(con), None)


def refresh_after_write(con: duckdb.DuckDBPyConnection, touched: set[str] | None) -> str:
    """Bring the derived tables up to date after a bulk write: for the ``touched`` documents only
    when they are few of the stored events and name no authority the dashboard does not know yet
    (None: unknown, rebuild all). Returns what was done: "none", "partial" or "full". A partial
    refresh that fails (say, tables of an older version) is rolled back and replaced by a full one."""
    if touched is not None:
        present, events, new_authorities = queries.rows(con, "derived_state", {"doc_ids": sorted(touched)})[0]
        if present and not new_authorities and len(touched) <= INCREMENTAL_MAX_SHARE * events:
            if not touched:
                return "none"
            try:
                with transaction(con):
                    refresh_docs(con, touched)
                    refresh_views(con)
                return "partial"
            except duckdb.Error as exc:
                import sys

                print(f"derived tables rebuilt whole (the partial refresh failed: {exc})", file=sys.stderr)
    refresh_facts(con)
    return "full"


def working_copy(path: Path) -> Path:
    return path.with_name(path.name + ".writing")


@contextmanager
def bulk_lock(path: Path) -> Iterator[Path]:
    """One bulk writer (ingest, build, train's re-extraction) per database at a time, so two never
    overwrite each other's copy. An advisory file lock: the kernel releases it when the holder
    dies, even by kill -9. Holding it, whatever working copy exists is an earlier run's leftover,
    removed here with a note on stderr."""
    import fcntl
    import sys

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.with_name(path.name + ".bulk.lock").open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"{path}: another ingest or build is writing this database; waiting for it to finish …",
                  file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            removed = remove_leftovers(path)
            if removed:
                print(f"{path}: removed {removed / 1e6:,.1f} MB of working copy left by an interrupted ingest "
                      "or build (nothing stored was lost)", file=sys.stderr, flush=True)
            yield path
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def remove_leftovers(path: Path) -> int:
    """Delete the working copy and its write-ahead log; returns the bytes freed."""
    freed = 0
    for leftover in path.parent.glob(path.name + ".writing*"):
        try:
            freed += leftover.stat().st_size
            if leftover.is_dir():
                shutil.rmtree(leftover)
            else:
                leftover.unlink()
        except FileNotFoundError:
            pass
    return freed


@contextmanager
def in_place(path: Path | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection to the database itself, under the writer lock, in one transaction.

    For small writes (an editor's correction): no copy of the file, so the cost does not grow
    with the database. DuckDB's write-ahead log makes the transaction atomic across a crash.
    The caller must have closed its own read-only handles of the file.
    """
    from koopatlas import curation

    path = path or config.db_path()
    with curation.writer_lock(path):
        con = connect(path)
        try:
            ensure_schema(con)
            with transaction(con):  # the edit and the derived tables commit together
                # what an earlier crash left in the journal only
                refresh_docs(con, curation.sync_journal(con, path))
                yield con  # the caller calls refresh_docs for what it changed
                refresh_views(con)
            con.execute("CHECKPOINT")
        finally:
            con.close()


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """Commit on success, roll back on any error."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    queries.execute(con, "schema")


#: The unfiltered dashboard: every filter empty. The views keep this many rows at most.
UNFILTERED = {"topics": [], "laender": [], "event_types": [], "year_from": None, "year_to": None, "undated": True,
              "land_all": False, "ost_west": None, "ebene": None, "search": None}
VIEW_ROWS = 10_000


def refresh_facts(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild the dashboard's denormalised tables and its materialised unfiltered views."""
    with transaction(con):
        _refresh(con)


def refresh_docs(con: duckdb.DuckDBPyConnection, doc_ids: Collection[str]) -> None:
    """The dashboard's tables for the events of some documents (edited, stored or replaced): the
    cost grows with the documents, not with the database."""
    if doc_ids:
        queries.execute(con, "refresh_docs", {"doc_ids": sorted(doc_ids)})


def refresh_views(con: duckdb.DuckDBPyConnection) -> None:
    """The materialised unfiltered views (the first page of the app)."""
    queries.execute(con, "refresh_views", UNFILTERED | {"limit": VIEW_ROWS, "min_pair": 0})


def _refresh(con: duckdb.DuckDBPyConnection) -> None:
    queries.execute(con, "refresh_facts")
    refresh_views(con)


def insert_frame(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    """Append a DataFrame whose columns are named like the table's (any order)."""
    columns = [row[0] for row in con.table(table).description]
    missing = set(columns) - set(frame.columns)
    for column in missing:
        frame = frame.assign(**{column: None})
    con.from_df(frame[columns]).insert_into(table)


def replace_reference(con: duckdb.DuckDBPyConnection, tables: dict[str, pd.DataFrame]) -> None:
    """Swap the reference tables in one transaction; documents and events stay."""
    ensure_schema(con)
    with transaction(con):
        queries.execute(con, "clear_reference")
        for table in REFERENCE_TABLES:
            insert_frame(con, table, tables[table])


def has_document(con: duckdb.DuckDBPyConnection, doc_id: str) -> bool:
    return not queries.run(con, "document_exists", {"doc_id": doc_id}).empty


def save_event(con: duckdb.DuckDBPyConnection, doc, event) -> None:
    """Store one document with its event, replacing an earlier extraction of the same text."""
    save_events(con, [(doc, event)])


def save_events(con: duckdb.DuckDBPyConnection, pairs: list) -> None:
    """Store a batch of (document, event) in one transaction: one insert per table, not per row,
    so the single writer keeps up with the extracting processes."""
    with transaction(con):
        write_events(con, pairs)


def write_event(con: duckdb.DuckDBPyConnection, doc, event) -> None:
    """The rows of :func:`save_event`, inside the caller's transaction."""
    write_events(con, [(doc, event)])


def write_events(con: duckdb.DuckDBPyConnection, pairs: list) -> None:
    """The rows of :func:`save_events`, inside the caller's transaction (earlier extractions of
    the same documents are replaced)."""
    write_rows(con, [event_rows(doc, event) for doc, event in pairs])


def save_rows(con: duckdb.DuckDBPyConnection, documents: list[dict[str, list[dict]]]) -> None:
    """:func:`save_events` for documents already turned into rows (:func:`event_rows`): what the
    ingest workers send, so the one writer neither unpickles documents nor builds their rows."""
    with transaction(con):
        write_rows(con, documents)


def write_rows(con: duckdb.DuckDBPyConnection, documents: list[dict[str, list[dict]]]) -> None:
    """Replace the stored rows of these documents (one :func:`event_rows` dict each), in the
    caller's transaction."""
    tables: dict[str, list[dict]] = {}
    for rows_by_table in documents:
        for table, rows in rows_by_table.items():
            tables.setdefault(table, []).extend(rows)
    doc_ids = [row["doc_id"] for row in tables.get("documents", [])]
    stored = [doc_id for (doc_id,) in queries.rows(con, "stored_documents", {"doc_ids": doc_ids})]
    if stored:  # new documents have nothing to delete (the common case of an ingest)
        queries.execute(con, "delete_documents", {"doc_ids": stored})
    if id(con) in _TOUCHED:  # an incremental bulk write refreshes these documents' dashboard rows
        _TOUCHED[id(con)].update(doc_ids)
    for table in ("documents", "events", "event_participants", "event_topics", "event_foreign_partners",
                  "funding", "people"):
        _insert_rows(con, table, tables.get(table, []))


def event_rows(doc, event) -> dict[str, list[dict]]:
    """One document and its event as rows per table."""
    import datetime as dt

    eid = event.event_id
    return {
        "documents": [{
            "doc_id": doc.id, "name": doc.name, "source": doc.source, "title": doc.title,
            "published": doc.published, "raw_text": doc.raw_text, "clean_text": doc.clean_text,
            "contact": doc.cleaned.contact or None, "captions": "\n".join(doc.cleaned.captions) or None,
            "ingested_at": dt.datetime.now(),
        }],
        "events": [{
            "event_id": eid, "doc_id": doc.id, "relevant": event.relevant, "year": event.year,
            "event_date": event.event_date, "event_type": event.event_type, "title": event.title,
            "summary": doc.clean_text[:400],
        }],
        "event_participants": [
            {"event_id": eid, "ags": a.ags, "role": a.role, "mention": m.text, "start_char": m.start,
             "end_char": m.end, "confidence": a.confidence}
            for a in event.authorities for m in a.mentions
        ],
        "event_topics": [{"event_id": eid, "topic": t} for t in event.topics],
        "event_foreign_partners": [{"event_id": eid, "name": n, "country": c} for n, c in event.foreign_partners],
        "funding": [{"event_id": eid, "programme": f.programme, "funder": f.funder, "amount_eur": f.amount_eur}
                    for f in event.funding],
        "people": [{"event_id": eid, "name": p.name, "office": p.office, "ags": p.ags} for p in event.people],
    }


def _insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    """Append dict rows through an Arrow table, column by column in the table's order (a DataFrame
    built from dicts cost the ingest's one writer more than the insert itself)."""
    if rows:
        import pyarrow as pa

        columns = [row[0] for row in con.table(table).description]
        arrow = pa.table({c: [r.get(c) for r in rows] for c in columns})
        con.from_arrow(arrow).insert_into(table)
