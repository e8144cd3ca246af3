"""Editors' corrections: stored as their own records and applied over the extraction.

Why this design (it has to hold at a million events):

* A correction is one small **journal file** (``<db>.corrections/<time>-<id>.json``), written
  atomically (temporary file, fsync, rename) *before* the database is touched. The journal is
  the record of truth: it survives a rebuild of the database, and a crash between journal and
  database is repaired by the next write, which applies every journal entry the database lacks.
* The database is written **in place** in one DuckDB transaction (DuckDB's write-ahead log makes
  it atomic): no copy of the file per edit. Its ``corrections`` table mirrors the journal and
  feeds the Änderungsprotokoll and ``export-gold``.
* Every writer takes one **file lock** (``<db>.lock``). An edit holds it for its transaction;
  a bulk ``ingest`` works on a copy without the lock and takes it only to copy and, at the end,
  to replay the journal into its copy and swap it in – so an edit made during an ingest is
  in the swapped file too.
* Two editors: a change names the value its editor saw (``before``). If the stored value
  differs when the save runs, the save is refused with :class:`Conflict` and nothing is
  written; changes to other fields of the same event are merged.
* Re-extraction (``ingest --force``, ``build``) replaces the extracted rows; the corrections of
  every document are applied again afterwards, in the order they were saved.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from koopatlas import queries

#: The fields an editor can change. ``role`` has the authority's AGS as its target; its value is
#: participant / location / mentioned, or None for "not in this event".
FIELDS = ("relevant", "year", "event_type", "topics", "role", "reviewed")  # reviewed: checked, nothing to change
ROLES = ("participant", "location", "mentioned")


class Conflict(RuntimeError):
    """The stored value changed since the editor loaded it."""


@dataclass(frozen=True)
class Change:
    field: str
    before: Any
    after: Any
    target: str = ""  # AGS for ``role``

    def __post_init__(self) -> None:
        if self.field not in FIELDS:
            raise ValueError(f"unknown field {self.field!r}")
        if self.field == "role" and (not self.target or self.after not in (*ROLES, None)):
            raise ValueError(f"role change needs an AGS and one of {ROLES} or None, got {self.target!r} {self.after!r}")


@dataclass
class Correction:
    """One save by one editor: the changes to one document's event, with who, when and why."""

    doc_id: str
    editor: str
    changes: list[Change]
    reason: str = ""
    at: dt.datetime = field(default_factory=lambda: dt.datetime.now().replace(microsecond=0))
    correction_id: str = field(default_factory=lambda: uuid.uuid4().hex)

    def to_json(self) -> str:
        data = asdict(self) | {"at": self.at.isoformat()}
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Correction:
        data = json.loads(text)
        return cls(data["doc_id"], data["editor"], [Change(**c) for c in data["changes"]], data.get("reason", ""),
                   dt.datetime.fromisoformat(data["at"]), data["correction_id"])


# --- paths, lock, journal -------------------------------------------------------------------------


def journal_dir(db: Path) -> Path:
    return db.with_name(db.stem + ".corrections")


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


@contextmanager
def writer_lock(db: Path, timeout: float = 120.0) -> Iterator[None]:
    """The one lock all writers of ``db`` take (an advisory file lock, released if the process dies)."""
    path = lock_path(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{db}: another write has held the lock for {timeout:.0f} s") from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write_journal(db: Path, correction: Correction) -> Path:
    """Write the correction durably; a crash leaves either the whole file or only a *.tmp."""
    folder = journal_dir(db)
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"{correction.at:%Y%m%dT%H%M%S}-{correction.correction_id}.json"
    tmp = final.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(correction.to_json())
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, final)
    _fsync_dir(folder)
    return final


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_journal(db: Path) -> list[Correction]:
    """Every complete journal entry, oldest first; half-written *.tmp files of a crash are removed."""
    folder = journal_dir(db)
    if not folder.is_dir():
        return []
    for tmp in folder.glob("*.tmp"):
        tmp.unlink(missing_ok=True)
    out = []
    for path in sorted(folder.glob("*.json")):
        try:
            out.append(Correction.from_json(path.read_text(encoding="utf-8")))
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}: not a readable correction ({exc})") from exc
    return sorted(out, key=lambda c: (c.at, c.correction_id))


# --- the event as an editor sees it -------------------------------------------------------------


def current(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any] | None:
    """The stored values of the editable fields (None when the document is not stored)."""
    row = queries.run(con, "curation_event", {"doc_id": doc_id})
    if row.empty:
        return None
    r = row.iloc[0]
    roles = queries.run(con, "curation_roles", {"doc_id": doc_id})
    return {
        "relevant": bool(r["relevant"]),
        "year": None if pd.isna(r["year"]) else int(r["year"]),
        "event_type": r["event_type"] if isinstance(r["event_type"], str) else None,
        "topics": sorted(_as_list(r["topics"])),
        "roles": dict(zip(roles["ags"], roles["role"], strict=True)),
    }


def value_of(state: dict[str, Any], change: Change) -> Any:
    if change.field == "reviewed":
        return change.before  # a confirmation never conflicts
    if change.field == "role":
        return state["roles"].get(change.target)
    if change.field == "topics":
        return sorted(state["topics"])
    return state[change.field]


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return sorted(a) == sorted(b)
    return a == b


# --- applying -----------------------------------------------------------------------------------


def apply_change(con: duckdb.DuckDBPyConnection, doc_id: str, change: Change) -> None:
    """Set one field of the stored event to the change's ``after``."""
    p: dict[str, Any] = {"doc_id": doc_id}
    if change.field == "reviewed":
        return
    if change.field == "relevant":
        queries.execute(con, "curation_set_relevant", p | {"relevant": bool(change.after)})
    elif change.field == "year":
        queries.execute(con, "curation_set_year", p | {"year": change.after})
    elif change.field == "event_type":
        queries.execute(con, "curation_set_type", p | {"event_type": change.after})
    elif change.field == "topics":
        queries.execute(con, "curation_set_topics", p | {"topics": sorted(change.after or [])})
    elif change.after is None:
        queries.execute(con, "curation_remove_authority", p | {"ags": change.target})
    else:
        queries.execute(con, "curation_set_role", p | {"ags": change.target, "role": change.after})


def record(con: duckdb.DuckDBPyConnection, correction: Correction) -> None:
    """The correction's rows in the ``corrections`` table (one per change)."""
    for seq, c in enumerate(correction.changes):
        queries.execute(con, "curation_insert", {
            "correction_id": correction.correction_id, "seq": seq, "doc_id": correction.doc_id,
            "field": c.field, "target": c.target, "before_value": json.dumps(c.before, ensure_ascii=False),
            "after_value": json.dumps(c.after, ensure_ascii=False), "editor": correction.editor,
            "at": correction.at, "reason": correction.reason,
        })


def reapply(con: duckdb.DuckDBPyConnection, doc_ids: list[str] | None = None) -> int:
    """Apply the recorded corrections again over a fresh extraction, oldest first; returns the count."""
    rows = queries.run(con, "curation_all", {})
    if doc_ids is not None:
        rows = rows[rows["doc_id"].isin(doc_ids)]
    stored = set(queries.run(con, "curation_stored_docs", {})["doc_id"])
    n = 0
    for r in rows.itertuples():
        if r.doc_id in stored:
            apply_change(con, r.doc_id, Change(r.field, None, json.loads(r.after_value), r.target))
            n += 1
    return n


def sync_journal(con: duckdb.DuckDBPyConnection, db: Path, reapply_all: bool = False) -> list[str]:
    """Record the journal entries the database lacks (an edit during an ingest, a crash after the
    journal write) and apply them; with ``reapply_all`` every correction is applied again (after a
    bulk write re-extracted documents). Returns the documents of the entries added."""
    known = set(queries.run(con, "curation_ids", {})["correction_id"])
    added = [c for c in read_journal(db) if c.correction_id not in known]
    for c in added:
        record(con, c)
    docs = sorted({c.doc_id for c in added})
    if reapply_all:
        reapply(con)
    elif docs:
        reapply(con, docs)
    return docs


def check(state: dict[str, Any] | None, correction: Correction) -> None:
    """Raise :class:`Conflict` when a value changed since the editor saw it."""
    if state is None:
        raise Conflict(f"Dokument {correction.doc_id} ist nicht (mehr) gespeichert.")
    stale = [c for c in correction.changes if not _same(value_of(state, c), c.before)]
    if stale:
        names = ", ".join(c.field if c.field != "role" else f"Rolle {c.target}" for c in stale)
        raise Conflict(f"Inzwischen von jemand anderem geändert: {names}. Bitte neu laden und erneut prüfen.")


def diff(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    """The changes that turn one editor state into another (same shape as :func:`current`)."""
    out = [Change(f, before[f], after[f]) for f in ("relevant", "year", "event_type") if before[f] != after[f]]
    if sorted(before["topics"]) != sorted(after["topics"]):
        out.append(Change("topics", sorted(before["topics"]), sorted(after["topics"])))
    for ags in sorted(set(before["roles"]) | set(after["roles"])):
        b, a = before["roles"].get(ags), after["roles"].get(ags)
        if b != a:
            out.append(Change("role", b, a, ags))
    return out


# --- saving -------------------------------------------------------------------------------------


def save(db: Path, correction: Correction, document=None, event=None) -> None:
    """Store an editor's correction (and, from the upload page, the reviewed document first).

    Under the writer lock: check for conflicts, write the journal, then the database in one
    transaction. A failure before the commit removes the journal entry again, so a refused or
    failed save leaves no trace; a crash after the journal write is completed by the next write.
    """
    from koopatlas import store

    journal: Path | None = None
    committed = False
    try:
        with store.in_place(db) as con:
            if document is not None and event is not None and not store.has_document(con, document.id):
                store.write_event(con, document, event)
            check(current(con, correction.doc_id), correction)
            if correction.changes:
                journal = write_journal(db, correction)
                record(con, correction)
                for change in correction.changes:
                    apply_change(con, correction.doc_id, change)
            store.refresh_docs(con, [correction.doc_id])
        committed = True
    finally:
        if journal is not None and not committed:
            journal.unlink(missing_ok=True)


def log(con: duckdb.DuckDBPyConnection, doc_id: str | None = None, limit: int = 1000):
    """The Änderungsprotokoll, newest first."""
    return queries.run(con, "corrections_log", {"doc_id": doc_id, "limit": limit})


def _as_list(value: Any) -> list:
    """A DuckDB list cell as a list (NULL → [])."""
    return [] if value is None or isinstance(value, float) or not hasattr(value, "__iter__") else list(value)


def gold_records(con: duckdb.DuckDBPyConnection) -> Iterator[dict]:
    """Every reviewed document (at least one saved correction) in the gold format of ANNOTATION.md."""
    for d in queries.run(con, "reviewed_documents", {}).astype(object).itertuples():
        authorities = queries.run(con, "event_authorities", {"doc_id": d.doc_id})
        extras = queries.run(con, "event_gold_extras", {"doc_id": d.doc_id})
        topics = _as_list(extras["topics"].iloc[0]) if not extras.empty else []
        foreign = _as_list(extras["foreign"].iloc[0]) if not extras.empty else []

        def entries(role: str, linked=authorities) -> list[dict]:
            return [{"ags": r.ags, "name": r.name} for r in linked[linked["role"] == role].itertuples()]

        year = None if pd.isna(d.year) else int(d.year)
        yield {
            "id": d.name,
            "url": d.source if str(d.source).startswith(("http://", "https://")) else None,
            "relevant": bool(d.relevant),
            "published": d.published.isoformat() if hasattr(d.published, "isoformat") else None,
            "participants": entries("participant") if d.relevant else [],
            "locations": entries("location") if d.relevant else [],
            "foreign_partners": foreign if d.relevant else [],
            "year": year,
            "topics": sorted(topics) if d.relevant else [],
            "event_type": d.event_type if d.relevant and isinstance(d.event_type, str) else None,
            "title": d.title,
            "notes": "reviewed in Kooperationsatlas",
            "doc_id": d.doc_id,
        }
