"""An ingest refreshes the dashboard's derived tables for its own documents only, and the
dashboard then shows exactly what a full rebuild shows (real build, real ingest, real DuckDB)."""

from __future__ import annotations

import shutil

import duckdb
import pandas as pd

from koopatlas import config, ingest, queries, store

FILTERS = [
    {},
    {"laender": ["03", "14"]},
    {"topics": ["umwelt", "verwaltung"]},
    {"year_from": 2015, "year_to": 2024, "undated": False},
    {"ebene": "kreis"},
    {"laender": ["09", "14"], "land_all": True},
]
QUERIES = ["kpis", "map_kreise", "map_points", "map_edges", "land_matrix", "topic_counts", "topic_trend", "topic_land",
           "events_table", "network_degree", "kreis_ranking", "region_partners", "region_events"]
VIEWS = ["map_kreise_all", "map_edges_all", "network_degree_all", "events_table_all", "kreis_ranking_all"]
TEXT = ("Landkreis {a} und Landkreis {b} vereinbaren Zusammenarbeit\n"
        "Die Landräte der Landkreise {a} und {b} unterzeichneten am 12. März 2024 eine "
        "Kooperationsvereinbarung zum Rettungsdienst und zur gemeinsamen Leitstelle beider Landkreise.\n")


def _landkreise(con: duckdb.DuckDBPyConnection, known: bool) -> list[str]:
    """Names of Landkreise the dashboard knows (or not yet), unique as names."""
    return [n for (n,) in con.execute(
        "SELECT r.name FROM regions r WHERE r.level = 'kreis' AND r.bez = 'Landkreis' AND r.name NOT LIKE '%-%' "
        "AND (r.ags IN (SELECT ags FROM authority_keys)) = ? "
        "AND (SELECT count(*) FROM regions x WHERE x.name = r.name) = 1 ORDER BY r.ags", [known]).fetchall()]


def _dashboard(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    base = dict(store.UNFILTERED, limit=1000, ags="14626")
    out = {}
    for i, f in enumerate(FILTERS):
        for name in QUERIES:
            out[f"{name}/{i}"] = queries.run(con, name, base | f)
    for name in VIEWS:
        out[name] = queries.run(con, name, {"limit": 1000})
    return out


def _same(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    """Equal as sets of rows (the queries' own order is kept; ties may follow other keys)."""
    key = list(a.columns)
    norm = [d.astype(str).sort_values(key).reset_index(drop=True) for d in (a, b)]
    return list(a.columns) == list(b.columns) and norm[0].equals(norm[1])


def test_an_ingest_refreshes_its_documents_only_and_the_dashboard_equals_a_full_rebuild(built_db, tmp_path,
                                                                                     monkeypatch):
    db = tmp_path / "atlas.duckdb"
    shutil.copyfile(built_db, db)
    con = duckdb.connect(str(db), read_only=True)
    known, unknown = _landkreise(con, True), _landkreise(con, False)
    con.close()
    folder = tmp_path / "neu"
    folder.mkdir()
    (folder / "bekannt.txt").write_text(TEXT.format(a=known[0], b=known[1]), encoding="utf-8")
    sample = sorted((config.DATA_DIR / "samples").glob("*.txt"))[0]
    (folder / "ersetzt.txt").write_text(sample.read_text(encoding="utf-8") + "\nNachtrag der Redaktion.\n",
                                        encoding="utf-8")
    done = []
    refresh = store.refresh_after_write
    monkeypatch.setattr(store, "refresh_after_write", lambda con, touched: done.append(refresh(con, touched)) or done[-1])
    monkeypatch.setattr(store, "INCREMENTAL_MAX_SHARE", 1.0)  # the sample corpus is small
    files = sorted(str(p) for p in folder.iterdir())
    report = ingest.ingest(files, db, workers=1, progress=False)
    assert report.stored == 2 and not report.failures
    assert done == ["partial"]
    con = duckdb.connect(str(db), read_only=True)
    partial = _dashboard(con)
    new = con.execute("SELECT count(*) FROM event_facts WHERE doc_title LIKE 'Landkreis % und Landkreis %'")
    assert new.fetchone()[0] == 1  # the new event is on the dashboard
    con.close()
    con = duckdb.connect(str(db))
    store.refresh_facts(con)
    full = _dashboard(con)
    con.close()
    differ = [name for name in full if not _same(partial[name], full[name])]
    assert not differ, differ
    # re-ingesting the same files changes nothing and refreshes nothing
    again = ingest.ingest(files, db, workers=1, progress=False)
    assert again.unchanged == 2 and done[-1] == "none"
    # an authority new to the dashboard: its key would break the key order, so all is rebuilt
    fresh = tmp_path / "neu2.txt"
    fresh.write_text(TEXT.format(a=unknown[0], b=known[0]), encoding="utf-8")
    third = ingest.ingest([str(fresh)], db, workers=1, progress=False)
    assert third.stored == 1 and done[-1] == "full"


def test_a_bulk_write_of_many_documents_rebuilds_the_derived_tables_whole(tmp_path):
    con = duckdb.connect(str(tmp_path / "leer.duckdb"))
    store.ensure_schema(con)
    assert store.refresh_after_write(con, {"d1"}) == "full"  # nothing stored yet: every document is new
    assert store.refresh_after_write(con, None) == "full"  # a writer that does not know what it changed
    assert store.refresh_after_write(con, set()) == "none"  # nothing written, nothing to refresh
    con.close()


def test_the_strongest_pairs_counted_on_strong_pairs_first_equal_counting_every_pair(built_db, tmp_path, monkeypatch):
    """map_edges tries the pairs strong without filters first (event_pairs.n_all, an upper bound);
    with repeated pairs written by a partial refresh, every filter gives what counting all pairs gives."""
    db = tmp_path / "paare.duckdb"
    shutil.copyfile(built_db, db)
    con = duckdb.connect(str(db), read_only=True)
    a, b, c = _landkreise(con, True)[:3]
    con.close()
    folder = tmp_path / "paare"
    folder.mkdir()
    for i, (x, y) in enumerate([(a, b), (a, b), (a, b), (a, c), (a, c), (b, c)]):
        text = TEXT.format(a=x, b=y).replace("12. März", f"{i + 1}. März")
        (folder / f"paar_{i}.txt").write_text(text, encoding="utf-8")
    monkeypatch.setattr(store, "INCREMENTAL_MAX_SHARE", 1.0)
    report = ingest.ingest(sorted(str(p) for p in folder.iterdir()), db, workers=1, progress=False)
    assert report.stored == 6 and not report.failures
    monkeypatch.setattr(queries, "TOP_PAIR_MARGIN", 1)  # prune even on this small database
    tried = []
    run = queries.run
    monkeypatch.setattr(queries, "run", lambda con, name, params=None: tried.append((params or {}).get("min_pair"))
                        or run(con, name, params))
    con = duckdb.connect(str(db), read_only=True)
    for f in FILTERS:
        for limit in (1, 2, 3):
            params = dict(store.UNFILTERED, limit=limit) | f
            assert _same(queries.top_pairs(con, params), run(con, "map_edges", params | {"min_pair": 0})), (f, limit)
    assert any(t and t >= 2 for t in tried)  # the pruned way was taken
    counts = "SELECT x, y, n_all, count(*) FROM event_pairs GROUP BY ALL ORDER BY ALL"  # eids differ after a rebuild
    partial = con.execute(counts).fetchall()
    con.close()
    con = duckdb.connect(str(db))
    store.refresh_facts(con)
    assert con.execute(counts).fetchall() == partial
    con.close()


def test_an_ingest_into_an_older_facts_table_rebuilds_it_whole_without_an_error(built_db, tmp_path, capsys):
    """A database from before event_facts had its Kreis pair codes is brought up to date by the
    next ingest (full rebuild) instead of a partial refresh that fails on the missing columns."""
    db = tmp_path / "alt.duckdb"
    shutil.copyfile(built_db, db)
    con = duckdb.connect(str(db))
    con.execute("ALTER TABLE event_facts DROP COLUMN kreis_topics")
    con.execute("ALTER TABLE event_facts DROP COLUMN kreis_links")
    known = _landkreise(con, True)
    con.close()
    folder = tmp_path / "neu"
    folder.mkdir()
    (folder / "paar.txt").write_text(TEXT.format(a=known[0], b=known[1]), encoding="utf-8")
    ingest.ingest([str(folder / "paar.txt")], db, workers=1, progress=False)
    assert "partial refresh failed" not in capsys.readouterr().err
    con = duckdb.connect(str(db), read_only=True)
    links = con.execute("SELECT count(*) FROM event_facts WHERE len(kreise) > 1 AND len(kreis_links) = 0").fetchone()[0]
    assert links == 0
    assert con.execute("SELECT count(*) FROM event_facts WHERE len(kreis_links) > 0").fetchone()[0] > 0
