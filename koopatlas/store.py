"""DuckDB storage: the schema, the reference tables and (later) the extracted events.

Writers open the file read-write inside a transaction, so a failure leaves what
was stored before untouched; the app opens it read-only.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

from koopatlas import config, queries

REFERENCE_TABLES = ("regions", "region_shapes", "region_names", "associations", "association_members", "aliases",
                    "foreign_names")


def connect(path: Path | None = None, read_only: bool = False, wait: float = 30.0) -> duckdb.DuckDBPyConnection:
    """Open the file; while an edit holds it read-write (a second or so), wait for it."""
    path = path or config.db_path()
    if read_only and not path.is_file():
        raise FileNotFoundError(f"{path} does not exist: run `make run` or `python -m koopatlas build` first.")
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@contextmanager
def writable(path: Path | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection to a copy of the database that replaces it on success (bulk writes).

    The running app keeps its read-only handle (DuckDB would refuse a writer while
    it is open) and sees the new file at its next query; a failed write leaves the
    stored data exactly as it was. The writer lock is held only to copy and to swap:
    editors' corrections saved meanwhile are in the journal and replayed into the copy
    just before the swap (koopatlas.curation).
    """
    from koopatlas import curation

    path = path or config.db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    work = path.with_name(path.name + ".writing")
    with curation.writer_lock(path):
        work.unlink(missing_ok=True)
        work_wal = work.with_name(work.name + ".wal")
        work_wal.unlink(missing_ok=True)
        if path.is_file():
            shutil.copyfile(path, work)
            wal = path.with_name(path.name + ".wal")
            if wal.is_file():  # committed but not yet checkpointed (a crash after an edit): keep it
                shutil.copyfile(wal, work_wal)
    con = duckdb.connect(str(work))
    try:
        ensure_schema(con)
        yield con
        with curation.writer_lock(path):
            with transaction(con):
                curation.sync_journal(con, path, reapply_all=True)  # corrections survive re-extraction
            refresh_facts(con)
            con.execute("CHECKPOINT")
            con.close()
            os.replace(work, path)
    except BaseException:
        con.close()
        work.unlink(missing_ok=True)
        raise


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
                for doc_id in curation.sync_journal(con, path):  # what an earlier crash left in the journal only
                    refresh_event(con, doc_id)
                yield con  # the caller calls refresh_event for what it changed
                queries.execute(con, "refresh_views", UNFILTERED | {"limit": VIEW_ROWS})
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


def refresh_event(con: duckdb.DuckDBPyConnection, doc_id: str) -> None:
    """The dashboard's tables for one edited event (cost independent of the database size)."""
    queries.execute(con, "refresh_event", {"doc_id": doc_id})


def _refresh(con: duckdb.DuckDBPyConnection) -> None:
    queries.execute(con, "refresh_facts")
    queries.execute(con, "refresh_views", UNFILTERED | {"limit": VIEW_ROWS})


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
    with transaction(con):
        write_event(con, doc, event)


def write_event(con: duckdb.DuckDBPyConnection, doc, event) -> None:
    """The rows of :func:`save_event`, inside the caller's transaction."""
    import datetime as dt

    queries.execute(con, "delete_document", {"doc_id": doc.id})
    insert_frame(con, "documents", pd.DataFrame([{
        "doc_id": doc.id, "name": doc.name, "source": doc.source, "title": doc.title,
        "published": doc.published, "raw_text": doc.raw_text, "clean_text": doc.clean_text,
        "contact": doc.cleaned.contact or None, "captions": "\n".join(doc.cleaned.captions) or None,
        "ingested_at": dt.datetime.now(),
    }]))
    eid = event.event_id
    insert_frame(con, "events", pd.DataFrame([{
        "event_id": eid, "doc_id": doc.id, "relevant": event.relevant, "year": event.year,
        "event_date": event.event_date, "event_type": event.event_type, "title": event.title,
        "summary": doc.clean_text[:400],
    }]))
    rows = [
        {"event_id": eid, "ags": a.ags, "role": a.role, "mention": m.text, "start_char": m.start,
         "end_char": m.end, "confidence": a.confidence}
        for a in event.authorities for m in a.mentions
    ]
    _insert_rows(con, "event_participants", rows)
    _insert_rows(con, "event_topics", [{"event_id": eid, "topic": t} for t in event.topics])
    _insert_rows(con, "event_foreign_partners",
                 [{"event_id": eid, "name": n, "country": c} for n, c in event.foreign_partners])
    _insert_rows(con, "funding", [{"event_id": eid, "programme": f.programme, "funder": f.funder,
                                   "amount_eur": f.amount_eur} for f in event.funding])
    _insert_rows(con, "people", [{"event_id": eid, "name": p.name, "office": p.office, "ags": p.ags}
                                 for p in event.people])


def _insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    if rows:
        insert_frame(con, table, pd.DataFrame(rows))
