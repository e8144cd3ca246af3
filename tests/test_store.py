"""Writing extracted rows (store.save_rows): a stored document written again replaces its rows,
new documents are added, and both can come in one batch (real build, real DuckDB)."""

from __future__ import annotations

import copy
import shutil

import duckdb

from koopatlas import store
from koopatlas.extract import Extractor
from koopatlas.sources import make_document

TEXT = ("Landkreis Görlitz und Landkreis Bautzen vereinbaren Zusammenarbeit\n"
        "Die Landräte der Landkreise Görlitz und Bautzen unterzeichneten am 12. März 2024 eine "
        "Kooperationsvereinbarung zum Rettungsdienst.\n")


def _rows(extractor: Extractor, text: str, name: str) -> dict[str, list[dict]]:
    doc = make_document(name, f"test/{name}", text)
    return store.event_rows(doc, extractor.extract(doc))


def _counts(con: duckdb.DuckDBPyConnection, doc_id: str) -> tuple[int, int, int]:
    return con.execute(
        "SELECT (SELECT count(*) FROM documents WHERE doc_id = $d), (SELECT count(*) FROM events WHERE doc_id = $d), "
        "(SELECT count(*) FROM event_participants p JOIN events e USING (event_id) WHERE e.doc_id = $d)",
        {"d": doc_id}).fetchone()


def test_a_stored_document_written_again_is_replaced_and_a_new_one_in_the_same_batch_is_added(built_db, tmp_path):
    db = tmp_path / "k.duckdb"
    shutil.copyfile(built_db, db)
    con = duckdb.connect(str(db))
    extractor = Extractor.from_db(con)
    first = _rows(extractor, TEXT, "erste")
    second = _rows(extractor, TEXT.replace("Bautzen", "Meißen"), "zweite")
    first_id, second_id = first["documents"][0]["doc_id"], second["documents"][0]["doc_id"]
    assert first_id != second_id and len(first["event_participants"]) >= 2

    store.save_rows(con, [first])
    stored = _counts(con, first_id)
    assert stored[:2] == (1, 1)

    changed = copy.deepcopy(first)
    changed["events"][0]["year"] = 1999
    changed["event_participants"] = changed["event_participants"][:1]
    store.save_rows(con, [changed, second])

    assert _counts(con, first_id) == (1, 1, 1)  # replaced, not duplicated
    assert con.execute("SELECT year FROM events WHERE doc_id = ?", [first_id]).fetchone()[0] == 1999
    assert _counts(con, second_id)[:2] == (1, 1) and _counts(con, second_id)[2] >= 2
    con.close()
