"""Editors' corrections: own records, applied over the extraction, safe under concurrent and crashed writes."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from koopatlas import cli, curation, queries, store
from koopatlas.curation import Change, Conflict, Correction


@pytest.fixture
def db(built_db, tmp_path) -> Path:
    """A private copy of the built database (the session's copy stays read-only)."""
    path = tmp_path / "koopatlas.duckdb"
    shutil.copyfile(built_db, path)
    return path


def _state(db: Path, doc_id: str) -> dict:
    con = store.connect(db, read_only=True)
    try:
        return curation.current(con, doc_id)
    finally:
        con.close()


def _relevant_doc(db: Path) -> str:
    con = store.connect(db, read_only=True)
    try:
        return con.execute("SELECT doc_id FROM event_facts ORDER BY doc_id LIMIT 1").fetchone()[0]
    finally:
        con.close()


def _facts(db: Path, doc_id: str) -> tuple | None:
    con = store.connect(db, read_only=True)
    try:
        return con.execute("SELECT year, event_type, topics FROM event_facts WHERE doc_id = ?", [doc_id]).fetchone()
    finally:
        con.close()


def test_a_correction_changes_the_stored_event_and_the_dashboard_tables(db):
    doc = _relevant_doc(db)
    before = _state(db, doc)
    after = before | {"year": 1999, "event_type": "sonstiges", "topics": ["umwelt"]}
    curation.save(db, Correction(doc, "anna", curation.diff(before, after), "Jahr im Text falsch gelesen"))
    assert _state(db, doc)["year"] == 1999
    assert _facts(db, doc) == (1999, "sonstiges", ["umwelt"])


def test_a_correction_is_its_own_record_with_who_when_before_after_and_reason(db):
    doc = _relevant_doc(db)
    before = _state(db, doc)
    curation.save(db, Correction(doc, "anna", [Change("year", before["year"], 2001)], "laut Überschrift"))
    con = store.connect(db, read_only=True)
    log = curation.log(con)
    con.close()
    row = log.iloc[0]
    assert (row["editor"], row["field"], row["reason"]) == ("anna", "year", "laut Überschrift")
    assert json.loads(row["before_value"]) == before["year"] and json.loads(row["after_value"]) == 2001
    assert row["saved_at"] is not None
    assert len(list(curation.journal_dir(db).glob("*.json"))) == 1


def test_removing_adding_and_changing_roles_of_authorities(db):
    doc = _relevant_doc(db)
    before = _state(db, doc)
    removed = next(a for a, r in before["roles"].items() if r == "participant")
    roles = dict(before["roles"])
    roles.pop(removed)
    roles["09162"] = "participant"  # München, typed in by the editor
    curation.save(db, Correction(doc, "anna", curation.diff(before, before | {"roles": roles})))
    now = _state(db, doc)
    assert removed not in now["roles"] and now["roles"]["09162"] == "participant"
    con = store.connect(db, read_only=True)
    parties = {r[0] for r in con.execute("SELECT ags FROM event_parties WHERE event_id = ?", [doc]).fetchall()}
    con.close()
    assert "09162" in parties and removed not in parties


def test_marking_an_event_not_relevant_takes_it_off_the_dashboard(db):
    doc = _relevant_doc(db)
    curation.save(db, Correction(doc, "anna", [Change("relevant", True, False)], "Polizeibericht"))
    assert _facts(db, doc) is None


def test_re_extracting_keeps_the_corrections(db, tmp_path):
    doc = _relevant_doc(db)
    before = _state(db, doc)
    curation.save(db, Correction(doc, "anna", [Change("year", before["year"], 1990)]))
    assert cli.main(["--db", str(db), "ingest", "--force", str(Path(cli.config.DATA_DIR / "samples"))]) == 0
    con = store.connect(db, read_only=True)
    name = con.execute("SELECT name FROM documents WHERE doc_id = ?", [doc]).fetchone()
    con.close()
    if name is None:
        pytest.skip("the first relevant document is not a sample")
    assert _state(db, doc)["year"] == 1990
    assert _facts(db, doc)[0] == 1990


def test_two_editors_on_different_fields_both_keep_their_edit(db):
    doc = _relevant_doc(db)
    seen = _state(db, doc)  # both loaded the same state
    curation.save(db, Correction(doc, "anna", [Change("year", seen["year"], 2005)]))
    curation.save(db, Correction(doc, "ben", [Change("event_type", seen["event_type"], "projekt")]))
    now = _state(db, doc)
    assert (now["year"], now["event_type"]) == (2005, "projekt")


def test_two_editors_on_the_same_field_the_second_is_refused_and_nothing_is_lost(db):
    doc = _relevant_doc(db)
    seen = _state(db, doc)
    curation.save(db, Correction(doc, "anna", [Change("year", seen["year"], 2005)]))
    with pytest.raises(Conflict, match="Inzwischen"):
        curation.save(db, Correction(doc, "ben", [Change("year", seen["year"], 2010)]))
    assert _state(db, doc)["year"] == 2005
    assert len(list(curation.journal_dir(db).glob("*.json"))) == 1  # the refused save left no journal entry


def test_an_edit_during_an_ingest_is_in_the_database_the_ingest_swaps_in(db):
    doc = _relevant_doc(db)
    seen = _state(db, doc)
    with store.writable(db) as work:  # the ingest works on its copy ...
        curation.save(db, Correction(doc, "anna", [Change("year", seen["year"], 1987)]))  # ... an editor saves
        work.execute("SELECT 1")
    assert _state(db, doc)["year"] == 1987  # the swapped-in copy replayed the journal


_SAVE_AND_DIE = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from koopatlas import curation, queries
    db, doc, year = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    real = curation.record
    def slow(con, correction):
        real(con, correction)
        print("in the middle", flush=True)
        time.sleep(60)  # killed here: journal written, the correction's row written in an open transaction
    curation.record = slow
    con = __import__("koopatlas.store").store.connect(db, read_only=True)
    state = curation.current(con, doc)
    con.close()
    curation.save(db, curation.Correction(doc, "crash", [curation.Change("year", state["year"], year)]))
""")


def test_a_crash_mid_save_leaves_a_consistent_database_with_every_saved_edit(db):
    doc = _relevant_doc(db)
    seen = _state(db, doc)
    curation.save(db, Correction(doc, "anna", [Change("event_type", seen["event_type"], "projekt")]))
    proc = subprocess.Popen([sys.executable, "-c", _SAVE_AND_DIE, str(db), doc, "1977"], stdout=subprocess.PIPE,
                            text=True, cwd=Path(__file__).parent.parent)
    assert proc.stdout.readline().strip() == "in the middle"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    con = duckdb.connect(str(db), read_only=True)  # opens: the half transaction was never committed
    assert con.execute("SELECT count(*) FROM corrections WHERE editor = 'crash'").fetchone()[0] == 0
    con.close()
    assert _state(db, doc)["event_type"] == "projekt"  # the saved edit is there
    # the journal entry written before the crash is completed by the next write
    curation.save(db, Correction(doc, "anna", []))
    assert _state(db, doc)["year"] == 1977
    assert not list(curation.journal_dir(db).glob("*.tmp"))


def test_export_gold_writes_reviewed_documents_that_eval_reads(db, tmp_path, capsys):
    doc = _relevant_doc(db)
    seen = _state(db, doc)
    curation.save(db, Correction(doc, "anna", [Change("topics", seen["topics"], ["umwelt", "raum"])]))
    out = tmp_path / "gold"
    assert cli.main(["--db", str(db), "export-gold", str(out)]) == 0
    lines = (out / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    rec = json.loads(lines[0])
    assert len(lines) == 1 and rec["topics"] == ["raum", "umwelt"] and rec["relevant"] is True
    assert {"id", "url", "relevant", "published", "year", "participants", "locations", "foreign_partners",
            "topics", "event_type"} <= set(rec)
    assert (out / f"{rec['id']}.txt").is_file()
    capsys.readouterr()
    assert cli.main(["--db", str(db), "eval", str(out)]) == 0
    assert "1" in capsys.readouterr().out


def test_correction_values_reach_sql_only_as_bound_parameters(db):
    doc = _relevant_doc(db)
    seen = _state(db, doc)
    evil = "x'); DROP TABLE events; --"
    curation.save(db, Correction(doc, evil, [Change("event_type", seen["event_type"], evil)], evil))
    assert _state(db, doc)["event_type"] == evil
    con = store.connect(db, read_only=True)
    assert queries.run(con, "corrections_log", {"doc_id": None, "limit": 5})["editor"].iloc[0] == evil
    con.close()


def test_the_incremental_refresh_after_edits_equals_a_full_rebuild(db, tmp_path):
    """Edits update the dashboard tables for their event only; every dashboard query must give what a
    full refresh gives (a new authority, a removed one, a topic, an event taken off the map)."""
    con = store.connect(db, read_only=True)
    docs = [r[0] for r in con.execute("SELECT doc_id FROM event_facts ORDER BY doc_id LIMIT 3").fetchall()]
    con.close()
    first = _state(db, docs[0])
    roles = dict(first["roles"]) | {"16077001": "participant"}  # Altenburg, an authority new to the table
    roles.pop(next(a for a, r in first["roles"].items() if r == "participant"))
    curation.save(db, Correction(docs[0], "anna", curation.diff(first, first | {"roles": roles, "topics": ["finanzen"]})))
    curation.save(db, Correction(docs[1], "anna", [Change("relevant", True, False)]))
    second = _state(db, docs[2])
    curation.save(db, Correction(docs[2], "anna", [Change("year", second["year"], 2003)]))
    full = tmp_path / "full.duckdb"
    shutil.copyfile(db, full)
    con = duckdb.connect(str(full))
    store.refresh_facts(con)
    con.close()
    params = store.UNFILTERED | {"limit": 100_000, "ags": "16077001", "level": "kreis"}
    for name in ("kpis", "map_kreise", "map_edges", "topic_counts", "network_degree", "land_matrix", "events_table"):
        a, b = store.connect(db, read_only=True), store.connect(full, read_only=True)
        try:
            live, rebuilt = queries.run(a, name, params), queries.run(b, name, params)
        finally:
            a.close()
            b.close()
        sort = list(live.columns)
        live = live.sort_values(sort).reset_index(drop=True)
        rebuilt = rebuilt.sort_values(sort).reset_index(drop=True)
        if name in ("map_edges",):  # the pair's two ends may be named in the other order
            for frame in (live, rebuilt):
                swap = frame["ags_a"] > frame["ags_b"]
                for x, y in (("ags_a", "ags_b"), ("name_a", "name_b"), ("lon_a", "lon_b"), ("lat_a", "lat_b"),
                             ("land_a", "land_b")):
                    frame.loc[swap, [x, y]] = frame.loc[swap, [y, x]].to_numpy()
            live = live.sort_values(sort).reset_index(drop=True)
            rebuilt = rebuilt.sort_values(sort).reset_index(drop=True)
        assert live.equals(rebuilt), name
