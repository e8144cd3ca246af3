"""Every page of the app, run in-process with AppTest on the real database, with several filters."""

import json

import pytest
from streamlit.testing.v1 import AppTest

PAGES = ["pages/home.py", "pages/netzwerk.py", "pages/themen.py", "pages/ereignisse.py", "pages/region.py"]
FILTERS = [
    {},
    {"thema": "umwelt,raum"},
    {"land": "09,14", "jahr": "2010-2025"},
    {"typ": "besuch"},
    {"thema": "migration", "land": "04", "jahr": "1990-1991"},  # leaves nothing
]


@pytest.fixture
def app(built_db, monkeypatch):
    monkeypatch.setenv("KOOPATLAS_DB", str(built_db))

    def make(page: str, params: dict) -> AppTest:
        at = AppTest.from_file("../app.py", default_timeout=90)
        for key, value in params.items():
            at.query_params[key] = value
        if page != PAGES[0]:
            at.switch_page(page)
        return at.run()

    return make


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("params", FILTERS, ids=["alle", "themen", "laender+jahre", "typ", "leer"])
def test_every_page_renders_under_every_filter(app, page, params):
    at = app(page, {**params, "ags": "09374"} if page.endswith("region.py") else params)
    assert not at.exception, at.exception
    if params.get("thema") == "migration":
        assert any("keine Ereignisse" in i.value for i in at.info), [i.value for i in at.info]


def test_filters_are_read_from_the_url_and_written_back(app):
    at = app(PAGES[0], {"thema": "umwelt", "land": "09", "jahr": "2015-2024"})
    assert at.multiselect(key="f_topics").value == ["umwelt"]
    assert at.multiselect(key="f_laender").value == ["09"]
    assert at.slider(key="f_years").value == (2015, 2024)
    assert at.query_params["thema"] == ["umwelt"] or at.query_params["thema"] == "umwelt"


def test_kpis_change_with_the_filters(app):
    def events(at):
        return next(m.value for m in at.metric if m.label == "Ereignisse")

    everything = events(app(PAGES[0], {}))
    bavaria = events(app(PAGES[0], {"land": "09"}))
    assert int(everything) > int(bavaria) > 0


def test_home_map_has_kreise_points_lines_and_attribution(app):
    at = app(PAGES[0], {})
    maps = at.get("component_instance") or at.get("plotly_chart")  # the geo component, else st.plotly_chart
    spec = json.loads(maps[0].proto.json_args)["spec"] if maps[0].type == "component_instance" else maps[0].proto.spec
    geometry = json.loads(spec)["data"][0]["geojson"]
    assert geometry.startswith("app/static/geo/kreis-")  # the polygons come from a static file, not the message
    assert spec.count('"type":"choropleth"') + spec.count('"type": "choropleth"') >= 1
    assert "scattergeo" in spec and "09374" in spec
    assert any("© GeoBasis-DE / BKG 2021" in c.value for c in at.caption)


def test_region_page_reachable_by_ags_shows_partners(app):
    at = app(PAGES[4], {"ags": "05958004"})
    assert not at.exception
    assert at.selectbox[0].value == "05958004"
    assert any(m.label == "Partner" and int(m.value) >= 1 for m in at.metric)


def test_events_page_search_and_downloads(app):
    at = app(PAGES[3], {"q": "Leitstelle"})
    assert not at.exception
    assert at.text_input[0].value == "Leitstelle"
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Excel", "GeoJSON", "GeoJSON je Beteiligte", "GeoJSON Kreise"]
    # CSV and Parquet are links to the streaming routes, with the page's filters and search
    links = "".join(h.proto.body for h in at.get("html"))
    assert 'href="/export/ereignisse.csv?q=Leitstelle"' in links and 'href="/export/ereignisse.parquet?q=Leitstelle"' in links


def test_home_map_falls_back_to_streamlits_plotly_without_the_geo_bundle(app, monkeypatch):
    from koopatlas.web import mapview

    monkeypatch.setattr(mapview, "available", lambda: False)
    at = app(PAGES[0], {})
    assert not at.exception
    assert not at.get("component_instance")
    spec = at.get("plotly_chart")[-1].proto.spec
    assert '"choropleth"' in spec and "09374" in spec


def test_a_database_of_an_older_version_gets_a_german_message_with_the_upgrade_command(built_db, tmp_path, monkeypatch):
    import shutil

    import duckdb

    old = tmp_path / "alt.duckdb"
    shutil.copy(built_db, old)
    con = duckdb.connect(str(old))
    con.execute("ALTER TABLE event_facts DROP COLUMN source")  # as written before the column existed
    con.close()
    monkeypatch.setenv("KOOPATLAS_DB", str(old))
    at = AppTest.from_file("../app.py", default_timeout=90)
    at.switch_page("pages/ereignisse.py")
    at.run()
    assert not at.exception, at.exception
    assert any("älteren Version" in e.value and "python -m koopatlas build" in e.value for e in at.error), \
        [e.value for e in at.error]
