"""Dashboard queries on a small DuckDB built in the test: filters, counts, edges, regions."""

import duckdb
import pandas as pd
import pytest

from koopatlas import queries, store

REGIONS = [
    # ags, name, bez, level, land_ags, kreis_ags, lon, lat, area, nuts, kreisfrei
    ("03", "Niedersachsen", "Land", "land", "03", None, 9.0, 52.8, 47000, "DE9", False),
    ("14", "Sachsen", "Freistaat", "land", "14", None, 13.2, 51.0, 18000, "DED", False),
    ("03459", "Osnabrück", "Landkreis", "kreis", "03", "03459", 8.0, 52.4, 2100, "DE94E", False),
    ("03404", "Osnabrück", "Kreisfreie Stadt", "kreis", "03", "03404", 8.05, 52.27, 120, "DE944", True),
    ("14626", "Görlitz", "Landkreis", "kreis", "14", "14626", 14.8, 51.2, 2100, "DED2D", False),
    ("14626110", "Görlitz", "Stadt", "gemeinde", "14", "14626", 14.97, 51.15, 67, "DED2D", False),
    ("03459024", "Melle", "Stadt", "gemeinde", "03", "03459", 8.33, 52.2, 253, "DE94E", False),
]
EVENTS = [
    # event_id, year, type, topics, participants
    ("e1", 2019, "besuch", ["umwelt"], ["03459", "14626"]),
    ("e2", 2021, "vereinbarung", ["umwelt", "raum"], ["03459024", "03404"]),
    ("e3", None, "projekt", ["bildung"], ["14626110", "14626"]),
]


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    path = tmp_path_factory.mktemp("q") / "small.duckdb"
    c = duckdb.connect(str(path))
    store.ensure_schema(c)
    cols = ["ags", "name", "bez", "level", "land_ags", "kreis_ags", "lon", "lat", "area_km2", "nuts", "kreisfrei"]
    store.insert_frame(c, "regions", pd.DataFrame(REGIONS, columns=cols))
    for eid, year, etype, topics, parts in EVENTS:
        store.insert_frame(c, "documents", pd.DataFrame([{
            "doc_id": "d" + eid, "name": eid, "source": f"https://example.org/{eid}", "title": f"Titel {eid}",
            "raw_text": f"Text über Leitstelle {eid}", "clean_text": f"Text über Leitstelle {eid}"}]))
        store.insert_frame(c, "events", pd.DataFrame([{
            "event_id": eid, "doc_id": "d" + eid, "relevant": True, "year": year, "event_type": etype}]))
        store.insert_frame(c, "event_topics", pd.DataFrame({"event_id": eid, "topic": topics}))
        store.insert_frame(c, "event_participants", pd.DataFrame(
            {"event_id": eid, "ags": parts, "role": "participant", "confidence": 0.9}))
    # an irrelevant document never counts
    store.insert_frame(c, "documents", pd.DataFrame([{"doc_id": "dx", "name": "x", "source": "x", "raw_text": "x",
                                                       "clean_text": "x"}]))
    store.insert_frame(c, "events", pd.DataFrame([{"event_id": "x", "doc_id": "dx", "relevant": False}]))
    store.insert_frame(c, "event_participants", pd.DataFrame(
        {"event_id": "x", "ags": ["03404", "14626"], "role": "participant"}))
    store.refresh_facts(c)
    yield c
    c.close()


def params(**kw):
    base = {"topics": [], "laender": [], "event_types": [], "year_from": None, "year_to": None, "undated": True, "land_all": False, "ost_west": None, "ebene": None,
            "search": None, "limit": 1000}
    return base | kw


def test_kpis_without_filters_count_every_relevant_event(con):
    row = queries.run(con, "kpis", params()).iloc[0]
    assert row["events"] == 3 and row["authorities"] == 5 and row["laender"] == 2
    assert row["cross_border_share"] == pytest.approx(1 / 3)


@pytest.mark.parametrize(
    ("filters", "events"),
    [
        ({"topics": ["umwelt"]}, 2),
        ({"topics": ["bildung", "raum"]}, 2),
        ({"laender": ["14"]}, 2),
        ({"event_types": ["besuch", "projekt"]}, 2),
        ({"year_from": 2020, "year_to": 2025}, 2),  # a year range keeps the undated event (counted „ohne Jahr“) ...
        ({"year_from": 2020, "year_to": 2025, "undated": False}, 1),  # ... unless the user leaves undated ones out
        ({"undated": False}, 2),
        ({"laender": ["03", "14"], "land_all": True}, 1),  # „zwischen Niedersachsen und Sachsen“
        ({"ost_west": "ost"}, 1),  # every party in the East
        ({"ost_west": "west"}, 1),
        ({"ost_west": "ostwest"}, 1),  # parties on both sides
        ({"ebene": "kreis"}, 1),  # only Kreise and kreisfreie Städte: e1
        ({"ebene": "gemischt"}, 2),  # a Gemeinde with a Kreis or kreisfreie Stadt: e2, e3
        ({"ebene": "gemeinde"}, 0),
        ({"topics": ["migration"]}, 0),
        ({"laender": ["03", "14"]}, 3),
        ({"topics": ["gibt_es_nicht"]}, 0),  # an unknown topic or Land matches nothing
        ({"laender": ["99"]}, 0),
        ({"laender": ["xx"]}, 0),
    ],
)
def test_filters_narrow_the_events(con, filters, events):
    assert queries.run(con, "kpis", params(**filters)).iloc[0]["events"] == events
    assert len(queries.run(con, "events_table", params(**filters))) == events


def test_the_events_table_names_each_event_s_laender_in_order(con):
    table = queries.run(con, "events_table", params()).set_index("event_id")
    assert table.loc["e1", "laender"] == "Niedersachsen; Sachsen"
    assert table.loc["e2", "laender"] == "Niedersachsen" and table.loc["e3", "laender"] == "Sachsen"
    assert table.loc["e1", "participants"] == "Görlitz (Landkreis); Osnabrück (Landkreis)"


def test_free_text_search_on_the_events_table(con):
    assert set(queries.run(con, "events_table", params(search="LEITSTELLE e2"))["event_id"]) == {"e2"}
    assert len(queries.run(con, "events_table", params(search="Leitstelle"))) == 3



def test_map_kreise_counts_events_of_gemeinden_for_their_kreis(con):
    kreise = queries.run(con, "map_kreise", params()).set_index("ags")
    assert kreise.loc["03459", "events"] == 2  # e1 as Kreis, e2 through Melle
    assert kreise.loc["14626", "events"] == 2  # e1 and e3 (Stadt Görlitz counts for the Kreis)
    assert kreise.loc["03404", "events"] == 1
    assert "umwelt" in kreise.loc["03459", "top_topics"]
    assert kreise.loc["03459", "top_partners"] == "Görlitz, Osnabrück"  # partner Kreise: 14626 (e1), 03404 (e2)


def test_points_and_edges(con):
    points = queries.run(con, "map_points", params()).set_index("ags")
    assert set(points.index) == {"14626110", "03459024", "03404"}  # Gemeinden and kreisfreie Städte
    edges = queries.run(con, "map_edges", params())
    pairs = {(a, b): n for a, b, n in zip(edges["ags_a"], edges["ags_b"], edges["events"], strict=True)}
    assert pairs == {("03459", "14626"): 1, ("03404", "03459024"): 1, ("14626", "14626110"): 1}


def test_network_degree_counts_distinct_partners(con):
    degree = queries.run(con, "network_degree", params()).set_index("ags")
    assert degree.loc["14626", "partner"] == 2  # Landkreis Osnabrück (e1) and Stadt Görlitz (e3)
    assert degree.loc["14626", "ereignisse"] == 2


def test_land_matrix_is_symmetric(con):
    m = queries.run(con, "land_matrix", params())
    cell = {(a, b): n for a, b, n in zip(m["land_a"], m["land_b"], m["events"], strict=True)}
    assert cell[("Niedersachsen", "Sachsen")] == cell[("Sachsen", "Niedersachsen")] == 1
    assert cell[("Sachsen", "Sachsen")] == 2


def test_topics_trend_and_land(con):
    counts = dict(queries.run(con, "topic_counts", params()).values)
    assert counts == {"umwelt": 2, "raum": 1, "bildung": 1}
    trend = queries.run(con, "topic_trend", params())
    assert set(trend["year"].dropna()) == {2019, 2021}
    # the undated e3 (bildung) is its own „ohne Jahr“ row while undated events count, and gone when not
    assert trend[trend["year"].isna()][["topic", "events"]].values.tolist() == [["bildung", 1]]
    assert queries.run(con, "topic_trend", params(undated=False))["year"].notna().all()
    by_land = queries.run(con, "topic_land", params())
    assert set(by_land["land"]) == {"Niedersachsen", "Sachsen"}


def test_region_partners_of_a_kreis_include_its_gemeinden_events(con):
    partners = queries.run(con, "region_partners", params(ags="03459"))
    assert set(partners["ags"]) == {"14626", "03404"}
    events = queries.run(con, "region_events", params(ags="03459"))
    assert set(events["event_id"]) == {"e1", "e2"}
    assert set(queries.run(con, "region_events", params(ags="03459024"))["event_id"]) == {"e2"}


def test_event_tables_show_each_events_document_title_source_and_name(con):
    for name, extra in (("events_table", {}), ("region_events", {"ags": "03459"})):
        rows = queries.run(con, name, params(**extra))
        for r in rows.itertuples():
            assert (r.title, r.source, r.document) == (f"Titel {r.event_id}", f"https://example.org/{r.event_id}", r.event_id)


def test_user_text_is_bound_not_interpolated(con):
    hostile = "'; DROP TABLE events; --"
    assert queries.run(con, "events_table", params(search=hostile)).empty
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 4


def test_exports_carry_every_filtered_event(con):
    import json as _json

    from koopatlas.web import export

    events = export.analyst_table(queries.run(con, "events_table", params()), {"umwelt": "Umwelt"}, {"besuch": "Besuch"})
    points = queries.run(con, "event_points", params())
    assert export.to_csv(events).decode("utf-8-sig").count("\n") == len(events) + 1
    assert export.to_excel(events, "alle")[:2] == b"PK"
    fc = _json.loads(export.to_geojson(events, points))
    assert len(fc["features"]) == 3
    assert {len(f["geometry"]["coordinates"]) for f in fc["features"]} == {2}


def test_exports_are_usable_as_they_are_german_headers_text_ags_real_dates_no_paths(con, tmp_path):
    import io as _io

    import openpyxl

    from koopatlas.web import export

    raw = queries.run(con, "events_table", params())
    raw.loc[0, "source"] = "/srv/koopatlas/data/samples/pm.txt"
    table = export.analyst_table(raw, {"umwelt": "Umwelt, Klima & Energie"}, {"besuch": "Besuch"})
    assert list(table.columns[:4]) == ["Ereignis-ID", "Datum", "Jahr", "Titel"]
    csv_text = export.to_csv(table).decode("utf-8-sig")
    assert "NaT" not in csv_text and "00:00:00" not in csv_text and "None" not in csv_text and "/srv/" not in csv_text
    assert '"pm.txt"' in csv_text
    assert '"03404; 03459024"' in csv_text or '"03459; 14626"' in csv_text  # AGS quoted as text, zeros kept
    assert "Umwelt, Klima & Energie" in csv_text and '"Besuch"' in csv_text and ';"besuch";' in csv_text
    assert ";nan;" not in csv_text and '"nan"' not in csv_text and ";<NA>;" not in csv_text  # the undated event: empty
    book = openpyxl.load_workbook(_io.BytesIO(export.to_excel(table, "Länder: Sachsen")))
    assert book.sheetnames == ["Ereignisse", "Filter und Quelle"]
    notes = {r[0]: r[1] for r in book["Filter und Quelle"].iter_rows(min_row=2, values_only=True)}
    assert notes["Filter"] == "Länder: Sachsen" and "GeoBasis-DE / BKG 2021" in notes["Grenzen"]
    back = pd.read_parquet(_io.BytesIO(export.to_parquet(table)))
    assert list(back.columns) == list(table.columns) and len(back) == len(table)
    assert export.file_name("sachsen", "csv").startswith("kooperationen_sachsen_20")


def test_export_file_names_and_sheets_say_the_filter():
    from koopatlas.web import filters

    f = filters.Filters(laender=("09", "14"), land_all=True, topics=("umwelt",), year_from=2015, year_to=2020)
    text, slug = filters.describe(f, {"09": "Bayern", "14": "Sachsen"}, {"umwelt": "Umwelt"})
    assert text.startswith("zwischen Bayern und Sachsen; Themen: Umwelt; Jahre 2015–2020")
    assert slug == "bayern-sachsen-umwelt-2015-2020"


def test_highlighting_escapes_the_text():
    from koopatlas.web import export

    mentions = pd.DataFrame([{"ags": "03459", "name": "Osnabrück", "role": "participant", "start_char": 4,
                              "end_char": 13, "confidence": 0.9}])
    out = export.highlighted("<b> Osnabrück & Co", mentions)
    assert out.startswith("&lt;b&gt; <mark") and "Osnabrück</mark>" in out and "&amp; Co" in out


def test_sources_show_web_addresses_as_links_and_files_by_name():
    from koopatlas.web import export

    assert export.source_label("https://www.kreis-wesel.de/presse/123") == \
        "[www.kreis-wesel.de](https://www.kreis-wesel.de/presse/123)"
    assert export.source_label("/srv/koopatlas/data/samples/001_seed.txt") == "001_seed.txt"
    assert export.source_label(None) == "–"


def test_the_kreis_ranking_counts_events_partners_and_border_crossings_like_the_participants_say(con):
    """The ranking against a plain pandas count over event_parties (a Gemeinde counts for its Kreis)."""
    from koopatlas import queries, store

    ranking = queries.run(con, "kreis_ranking", store.UNFILTERED).set_index("ags")
    parties = con.execute("SELECT DISTINCT event_id, kreis_ags FROM event_parties").df()
    by_event = parties.groupby("event_id")["kreis_ags"].apply(set)
    for ags in ranking.index[:25]:
        events = [kreise for kreise in by_event if ags in kreise]
        partners = set().union(*events) - {ags}
        other_land = {p for p in partners if p[:2] != ags[:2]}
        crossing = sum(any(p[:2] != ags[:2] for p in kreise) for kreise in events)
        row = ranking.loc[ags]
        assert (row["events"], row["partners"], row["partners_other_land"]) == (len(events), len(partners), len(other_land))
        assert abs(row["cross_share"] - crossing / len(events)) < 1e-9
    assert list(ranking["events"]) == sorted(ranking["events"], reverse=True)
    assert queries.run(con, "kreis_ranking_all", {}).set_index("ags").equals(ranking)  # the materialised view


def test_the_kreis_ranking_under_a_land_filter_keeps_only_events_of_that_land(con):
    from koopatlas import queries, store

    ranking = queries.run(con, "kreis_ranking", store.UNFILTERED | {"laender": ["14"]})
    assert not ranking.empty
    # every ranked Kreis took part in an event with a Saxon party
    events = con.execute("SELECT DISTINCT kreis_ags FROM event_parties WHERE event_id IN "
                         "(SELECT event_id FROM event_parties WHERE land_ags = '14')").df()["kreis_ags"]
    assert set(ranking["ags"]) == set(events)
    assert (ranking["name"] + ranking["bez"]).is_unique


def test_the_map_classes_set_one_event_apart_from_none_and_label_ranges():
    from koopatlas.web import maps

    assert [label for _, _, label in maps.classes(60)] == ["1", "2", "3–5", "6–10", "11–20", "21–50", "51 und mehr"]
    assert [label for _, _, label in maps.classes(4)] == ["1", "2", "3–5"]
    assert list(maps.class_of(pd.Series([1, 2, 3, 5, 6, 10, 11, 99]))) == [0, 1, 2, 2, 3, 3, 4, 6]
    assert maps.CLASS_COLOURS[0] != "#eef1f5"  # the first class is not the colour of Kreise without events


def test_map_layers_can_be_switched_off():
    from koopatlas.web import maps

    kreise = pd.DataFrame({"ags": ["03459", "14626"], "name": ["Osnabrück", "Görlitz"], "bez": ["Landkreis"] * 2,
                           "events": [2, 0], "top_topics": ["umwelt", None], "top_partners": ["Görlitz", None],
                           "geojson": ['{"type": "Point", "coordinates": [8, 52]}'] * 2})
    points = pd.DataFrame({"ags": ["03459024"], "name": ["Melle"], "bez": ["Stadt"], "lon": [8.3], "lat": [52.2],
                           "events": [1]})
    edges = pd.DataFrame({"lon_a": [8.0], "lat_a": [52.0], "lon_b": [14.9], "lat_b": [51.1], "events": [1]})
    laender = pd.DataFrame({"ags": [], "geojson": []})
    names = {t.name for t in maps.cooperation_map(kreise, laender, points, edges, {}, geometry_url="x.json").data}
    assert {"Kreise", "Städte und Gemeinden", "1 gemeinsame Ereignisse"} <= names
    only = {t.name for t in maps.cooperation_map(kreise, laender, points, edges, {}, geometry_url="x.json",
                                                 layers=("orte",)).data}
    assert "Städte und Gemeinden" in only and "Kreise" not in only and "1 gemeinsame Ereignisse" not in only


def test_every_app_figure_uses_german_number_separators():
    """Each chart sets the separators itself (pages and maps), so no theme can drop them."""
    import re as _re

    from koopatlas import config

    sources = [p.read_text(encoding="utf-8") for p in (config.PROJECT_DIR / "pages").glob("*.py")]
    sources.append((config.PROJECT_DIR / "koopatlas" / "web" / "maps.py").read_text(encoding="utf-8"))
    for text in sources:
        for call in _re.findall(r"update_layout\(([^)]*)", text):
            assert "separators" in call, call[:80]


def test_geojson_per_participant_and_a_kreis_layer_with_counts(con):
    import json as _json

    from koopatlas.web import export

    events = export.analyst_table(queries.run(con, "events_table", params()), {}, {"besuch": "Besuch"})
    points = queries.run(con, "event_points", params())
    fc = _json.loads(export.participants_geojson(events, points))
    props = [f["properties"] for f in fc["features"]]
    assert len(props) == len(points.dropna(subset=["lon"]))
    assert {"Ereignis-ID", "Kommune", "AGS", "Rolle", "Sicherheit", "Titel", "Jahr", "Art"} <= set(props[0])
    assert {p["Sicherheit"] for p in props} == {0.9} and {p["Rolle"] for p in props} == {"beteiligt"}
    kreise = pd.DataFrame({"ags": ["03459"], "name": ["Osnabrück"], "bez": ["Landkreis"], "events": [2],
                           "geojson": ['{"type": "Polygon", "coordinates": [[[8, 52], [8.5, 52], [8, 52.5], [8, 52]]]}']})
    layer = _json.loads(export.kreise_geojson(kreise, "Länder: Niedersachsen"))
    assert layer["features"][0]["properties"] == {"AGS": "03459", "Kreis": "Osnabrück (Landkreis)", "Ereignisse": 2}
    assert layer["filter"] == "Länder: Niedersachsen" and "BKG" in layer["attribution"]


def test_year_buckets_fill_gaps_with_zero_and_put_undated_events_last():
    from koopatlas.web import charts

    frame = pd.DataFrame({"year": [2019, 2021, None, 2021], "topic": ["a", "b", "a", "a"], "n": [1, 2, 3, 1]})
    total, order = charts.year_buckets(frame, "n")
    assert order == ["2019", "2020", "2021", "ohne Jahr"]
    assert total["n"].tolist() == [1, 0, 3, 3]
    long, _ = charts.year_buckets(frame, "n", by="topic", by_order=["a", "b"])
    assert long[long["topic"] == "a"]["n"].tolist() == [1, 0, 1, 3]
    assert charts.year_buckets(frame.dropna(), "n")[1] == ["2019", "2020", "2021"]  # no undated bar without them
    ticks = charts.year_ticks([str(y) for y in range(2000, 2025)] + ["ohne Jahr"], most=5)["tickvals"]
    assert len(ticks) <= 6 and ticks[0] == "2000" and ticks[-1] == "ohne Jahr"


def test_pages_use_the_german_table_and_chart_settings():
    """No page calls st.dataframe (it writes „None“) or Plotly's English tool bar directly."""
    from koopatlas import config
    from koopatlas.web import maps

    for path in (config.PROJECT_DIR / "pages").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "st.dataframe(" not in text, path.name
        assert '"displaylogo"' not in text, path.name  # a hand-made config instead of charts/maps
    assert maps.MAPVIEW_CONFIG["showSendToCloud"] is False
    assert "sendChartToCloud" in maps.MAPVIEW_CONFIG["modeBarButtonsToRemove"]


def _written(con, tmp_path, fmt, chosen):
    """(file name, written file) of a streamed download, on this test's small database."""
    from koopatlas.web import downloads

    def read(fn):
        return fn(con)

    path = tmp_path / f"export.{fmt}"
    if fmt == "csv":
        path.write_bytes(b"".join(downloads.csv_parts(read, chosen, tmp_path)))
    else:
        downloads.write_parquet(read, chosen, path)
    return downloads.file_name(read, fmt, chosen), path


def test_the_streamed_csv_and_parquet_carry_the_rows_and_cells_of_the_page_export(con, tmp_path):
    """DuckDB's COPY writes what analyst_table built in memory: same headers, rows, order and cells."""
    import io as _io

    from koopatlas.extract.topics import topic_labels
    from koopatlas.web import export, filters

    table = export.analyst_table(queries.run(con, "events_table", params(limit=10**6)), topic_labels(),
                                 filters.EVENT_TYPE_LABELS)
    built = pd.read_csv(_io.BytesIO(export.to_csv(table)), sep=";", dtype=str, keep_default_na=False)
    name, path = _written(con, tmp_path, "csv", filters.Filters())
    assert name.startswith("kooperationen_alle_") and name.endswith(".csv")
    streamed = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False)
    assert list(streamed.columns) == list(table.columns)
    pd.testing.assert_frame_equal(streamed, built)
    assert path.read_bytes().startswith("\ufeff".encode())  # Excel reads UTF-8 with it
    assert '"03459; 14626"' in path.read_text(encoding="utf-8")  # AGS quoted as text, zeros kept
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # the parts of each year are gone
    _, parquet = _written(con, tmp_path, "parquet", filters.Filters())
    back = pd.read_parquet(parquet)
    assert list(back.columns) == list(table.columns) and len(back) == len(table) == 3
    assert back["Ereignis-ID"].tolist() == table["Ereignis-ID"].tolist()
    assert back["Themen"].tolist() == table["Themen"].tolist()


def test_the_streamed_export_follows_the_filters_and_binds_the_search(con, tmp_path):
    from koopatlas.web import filters

    name, path = _written(con, tmp_path, "csv", filters.Filters(laender=("14",)))
    assert name.startswith("kooperationen_sachsen_")
    rows = pd.read_csv(path, sep=";", dtype=str, encoding="utf-8-sig")
    assert rows["Ereignis-ID"].tolist() == ["e1", "e3"]  # newest first, undated last: one header
    _, path = _written(con, tmp_path, "csv", filters.Filters(undated=False, year_from=2020, year_to=2030))
    assert pd.read_csv(path, sep=";", dtype=str, encoding="utf-8-sig")["Ereignis-ID"].tolist() == ["e2"]
    _, path = _written(con, tmp_path, "parquet", filters.Filters(topics=("erfunden",)))
    empty = pd.read_parquet(path)
    assert empty.empty and list(empty.columns)[:2] == ["Ereignis-ID", "Datum"]  # no events: the columns still
    _, path = _written(con, tmp_path, "csv", filters.Filters(search="'; DROP TABLE events; --"))
    assert pd.read_csv(path, sep=";", encoding="utf-8-sig").empty  # the header only: the text was a bound parameter
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 4


def test_a_download_link_carries_the_page_filters_and_is_read_back_the_same():
    from urllib.parse import parse_qsl, urlsplit

    from koopatlas.extract.topics import topic_labels
    from koopatlas.web import downloads, filters

    chosen = filters.Filters(topics=("umwelt",), laender=("09", "14"), land_all=True, event_types=("besuch",),
                             year_from=2015, year_to=2020, undated=False, ost_west="ostwest", ebene="kreis",
                             search="Leitstelle & Co")
    link = downloads.export_link("csv", chosen)
    assert link.startswith("/export/ereignisse.csv?")
    back = filters.from_url(dict(parse_qsl(urlsplit(link).query)), topic_labels(), filters.ALL_LAENDER)
    assert back == chosen
    # what a hand-edited link may carry that the app does not know is dropped
    odd = filters.from_url({"thema": "umwelt,erfunden", "land": "14,99", "typ": "x", "jahr": "abc", "ostwest": "nord"},
                           topic_labels(), filters.ALL_LAENDER)
    assert odd == filters.Filters(topics=("umwelt",), laender=("14",))
