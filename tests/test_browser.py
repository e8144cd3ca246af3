"""The app in a real headless Chromium: every page, filters through the URL, offline, screenshots."""

import re

import pytest
from conftest import settle

pytestmark = pytest.mark.browser

PAGES = {"karte": "", "netzwerk": "netzwerk", "themen": "themen", "ereignisse": "ereignisse", "region": "region"}


def open_page(page, url):
    page.goto(url)
    page.wait_for_selector("[data-testid='stMainBlockContainer'] h1", timeout=60_000)
    settle(page)
    assert page.locator("[data-testid='stException']").count() == 0


def the_map(page):
    """The Karte's map: inside the map component's frame (Streamlit's own Plotly element without it)."""
    selector = "iframe[title*='kooperationskarte']"
    try:  # the component's frame may attach a moment after the page went network-idle
        page.wait_for_selector(selector, state="attached", timeout=15_000)
    except Exception:  # no frame: the st.plotly_chart fallback draws into the page itself
        return page
    return page.frame_locator(selector)


def download_from_button(page, name: str):
    """Click a download button whose file Streamlit builds on the click, and return the download.

    The button holds the id of its file builder from the script run that drew it; a rerun replaces the
    id and drops the old builder. Once, in a full `make test` on two busy cores, no download started
    within 60 s, most likely because the click met a button of an earlier run. So after 30 s the page is
    settled and the button clicked a second time; a button that never downloads still fails.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    button = page.get_by_role("button", name=name, exact=True)
    try:
        with page.expect_download(timeout=30_000) as info:
            button.click()
    except PlaywrightTimeout:
        settle(page)
        with page.expect_download(timeout=60_000) as info:
            button.click()
    return info.value


def kpi(page, label):
    metric = page.locator("[data-testid='stMetric']", has_text=label).first
    return int(re.sub(r"\D", "", metric.locator("[data-testid='stMetricValue']").inner_text()))


def test_home_page_shows_the_kreise_map(app_url, page, artifacts):
    open_page(page, app_url)
    the_map(page).locator(".js-plotly-plot .choroplethlocation").first.wait_for(timeout=60_000)
    assert the_map(page).locator(".js-plotly-plot .choroplethlocation").count() == 401
    assert page.get_by_text("© GeoBasis-DE / BKG 2021").first.is_visible()
    page.screenshot(path=str(artifacts / "home.png"), full_page=True)
    assert page.external_requests == []  # no tiles, no CDN: everything comes from the app


def test_the_map_frame_fetches_polygons_and_base_map_once_while_plotly_loads(app_url, page):
    # The frame's first script fetches them (fetch), while Plotly's bundle loads or, when the render
    # comes later, before drawing; Plotly (which would use XMLHttpRequest) finds them in its cache.
    geo = []
    page.on("request", lambda r: geo.append((r.url.rsplit("/", 2)[-2], r.resource_type))
            if r.url.endswith((".geojson", "world_110m.json")) else None)
    open_page(page, app_url)
    the_map(page).locator(".js-plotly-plot .choroplethlocation").first.wait_for(timeout=60_000)
    assert the_map(page).locator(".js-plotly-plot .choroplethlocation").count() == 401
    assert sorted(geo) == [("geo", "fetch"), ("topojson", "fetch")]


def test_url_filters_change_kpis_and_map(app_url, page, artifacts):
    open_page(page, app_url)
    the_map(page).locator(".js-plotly-plot .choroplethlocation").first.wait_for()
    all_events = kpi(page, "Ereignisse")
    all_points = the_map(page).locator(".js-plotly-plot .scattergeo .point").count()

    open_page(page, app_url + "/?land=09&thema=verwaltung,raum")
    the_map(page).locator(".js-plotly-plot .choroplethlocation").first.wait_for()
    filtered_events = kpi(page, "Ereignisse")
    filtered_points = the_map(page).locator(".js-plotly-plot .scattergeo .point").count()
    assert 0 < filtered_events < all_events
    assert filtered_points < all_points
    assert "Bayern" in page.locator("[data-testid='stSidebar']").inner_text()
    page.screenshot(path=str(artifacts / "home_filtered.png"), full_page=True)

    open_page(page, app_url + "/?thema=migration&land=04&jahr=1990-1991")
    assert kpi(page, "Ereignisse") == 0
    assert page.get_by_text("keine Ereignisse").first.is_visible()


def test_clicking_a_town_on_the_map_opens_its_region_page(app_url, page):
    open_page(page, app_url + "/?land=05")
    point = the_map(page).locator(".js-plotly-plot .scattergeo .point").first
    point.wait_for(timeout=60_000)
    point.click(force=True)
    page.wait_for_url(re.compile(r".*/region\?.*ags=\d{8}.*"), timeout=30_000)
    assert "land=05" in page.url  # the filters come along
    page.locator("[data-testid='stMainBlockContainer']", has_text="AGS").first.wait_for(timeout=30_000)


def test_filters_survive_moving_between_pages(app_url, page):
    open_page(page, app_url + "/?land=09")
    page.locator("[data-testid='stSidebar'] a", has_text="Themen").first.click()
    page.wait_for_url(re.compile(r".*/themen\?.*land=09.*"), timeout=30_000)
    assert "land=09" in page.url
    page.locator("[data-testid='stSidebar']", has_text="Bayern").wait_for(timeout=30_000)


@pytest.mark.parametrize("name", ["netzwerk", "themen", "ereignisse"])
def test_every_page_renders_with_url_filters(app_url, page, artifacts, name):
    open_page(page, f"{app_url}/{PAGES[name]}?thema=verwaltung")
    page.wait_for_selector(".js-plotly-plot, [data-testid='stDataFrame']", timeout=60_000)
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)
    assert page.external_requests == []


def test_region_page_by_url(app_url, page, artifacts):
    open_page(page, app_url + "/region?ags=05958004")
    page.wait_for_selector(".js-plotly-plot")
    box = page.locator("[data-testid='stMainBlockContainer'] [data-testid='stSelectbox']").first  # not the sidebar's
    assert "Arnsberg" in box.inner_text() + box.locator("input").input_value()
    assert "AGS 05958004" in page.locator("[data-testid='stMainBlockContainer']").inner_text()
    assert kpi(page, "Partner") >= 1
    page.screenshot(path=str(artifacts / "region.png"), full_page=True)


def test_event_detail_highlights_the_linked_names(app_url, page, artifacts):
    open_page(page, app_url + "/ereignisse?q=Verwaltungsrebellen")
    page.wait_for_selector("[data-testid='stDataFrame']")
    page.locator("[data-testid='stDataFrame'] .dvn-scroller").first.click(position={"x": 15, "y": 52})
    page.wait_for_selector("mark", timeout=30_000)
    assert page.locator("mark").count() >= 3
    page.screenshot(path=str(artifacts / "ereignis.png"), full_page=True)


def test_a_sub_page_as_the_very_first_request_still_shows_the_app_navigation(built_db, browser, tmp_path):
    """Shared links may open a sub-page first; it must look like the app: the app's pages (not the
    files) in the sidebar, its header and the BKG attribution, the wide layout."""
    import os

    from conftest import _free_port

    from koopatlas.web import server

    port = _free_port()
    proc = server.start(port=port, env=dict(os.environ, KOOPATLAS_DB=str(built_db)))
    try:
        pg = browser.new_page(viewport={"width": 1400, "height": 1000})
        pg.goto(f"http://127.0.0.1:{port}/region?ags=05958004")
        # The attribution link may render before the page links: wait for the last page link.
        pg.locator("[data-testid='stSidebar'] a", has_text="Region").first.wait_for(timeout=60_000)
        links = pg.locator("[data-testid='stSidebar'] a").all_inner_texts()
        labels = [t.strip().split("\n")[-1] for t in links[:5]]  # the icon's ligature comes first
        assert labels == ["Karte", "Netzwerk", "Themen", "Ereignisse", "Region"]
        sidebar = pg.locator("[data-testid='stSidebar']").inner_text()
        assert "Kooperationsatlas" in sidebar and "GeoBasis-DE / BKG 2021" in sidebar
        main = pg.locator("[data-testid='stMainBlockContainer']").bounding_box()
        assert main["width"] > 1000  # layout="wide" (centred would be ~730 px)
        pg.close()
    finally:
        server.stop(proc)


def test_an_ingest_while_the_app_runs_shows_without_a_restart(built_db, browser, tmp_path):
    """The CLI replaces the database file while the app holds it open: the next page load counts the new event."""
    import os
    import shutil

    from conftest import _free_port

    from koopatlas import cli
    from koopatlas.web import server

    db = tmp_path / "live.duckdb"
    shutil.copyfile(built_db, db)
    port = _free_port()
    proc = server.start(port=port, env=dict(os.environ, KOOPATLAS_DB=str(db)))
    try:
        pg = browser.new_page(viewport={"width": 1400, "height": 1000})
        open_page(pg, f"http://127.0.0.1:{port}/")
        before = kpi(pg, "Ereignisse")
        release = tmp_path / "neu.txt"
        release.write_text("Zweckverband gegründet\nDer Landkreis Görlitz und der Landkreis Bautzen gründen einen "
                           "Zweckverband für die Abfallentsorgung. Die Landräte unterzeichneten die Vereinbarung.\n",
                           encoding="utf-8")
        assert cli.main(["--db", str(db), "ingest", str(release)]) == 0
        open_page(pg, f"http://127.0.0.1:{port}/")
        assert kpi(pg, "Ereignisse") == before + 1
        pg.close()
    finally:
        server.stop(proc)


def test_the_karte_ranks_the_kreise_in_a_table_with_their_kind(page, app_url, artifacts):
    """The ranking beside the map (also the keyboard/screen-reader way to the Kreise): names with kind."""
    open_page(page, app_url)
    page.get_by_text("Kreise nach Zahl der Ereignisse").scroll_into_view_if_needed()
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    page.screenshot(path=str(artifacts / "karte_rangliste.png"))
    cells = grid.locator("[role='gridcell']").all_inner_texts()
    headers = grid.locator("[role='columnheader']").all_inner_texts()
    assert [h.strip() for h in headers[:3]] == ["Kreis", "Land", "Ereignisse"]
    assert any(re.search(r"\((Landkreis|Kreis|Kreisfreie Stadt|Stadtkreis|Regionalverband)\)$", c.strip()) for c in cells)


def test_undated_events_are_an_explicit_choice_that_the_url_keeps(page, app_url, built_db):
    """Narrowing the years keeps the events without a year unless the user unticks them („ohnejahr=nein“)."""
    import duckdb

    con = duckdb.connect(str(built_db), read_only=True)
    dated, undated = con.execute("SELECT count(*) FILTER (WHERE year BETWEEN 2015 AND 2025), "
                                 "count(*) FILTER (WHERE year IS NULL) FROM event_facts").fetchone()
    con.close()
    assert undated > 0
    open_page(page, f"{app_url}/?jahr=2015-2025")
    assert kpi(page, "Ereignisse") == dated + undated
    box = page.locator("[data-testid='stSidebar'] [data-testid='stCheckbox']", has_text="ohne Jahr")
    assert f"({undated})" in box.inner_text()
    box.locator("label").click()
    settle(page)
    assert kpi(page, "Ereignisse") == dated
    assert "ohnejahr=nein" in page.url and "jahr=2015-2025" in page.url
    open_page(page, f"{app_url}/?jahr=2015-2025&ohnejahr=nein")  # a shared link keeps the choice
    assert kpi(page, "Ereignisse") == dated


def test_between_two_laender_and_east_west_filters_come_from_the_url(page, app_url, built_db):
    import duckdb

    con = duckdb.connect(str(built_db), read_only=True)
    both, ost_west = con.execute(
        "SELECT count(*) FILTER (WHERE list_contains(laender, '09') AND list_contains(laender, '14')), "
        "count(*) FILTER (WHERE list_has_any(laender, ['11','12','13','14','15','16']) "
        "AND list_has_any(laender, ['01','02','03','04','05','06','07','08','09','10'])) FROM event_facts").fetchone()
    con.close()
    open_page(page, f"{app_url}/?land=09,14&zwischen=ja")
    assert kpi(page, "Ereignisse") == both
    assert "zwischen allen gewählten" in page.inner_text("[data-testid='stSidebar']")
    open_page(page, f"{app_url}/?ostwest=ostwest")
    assert kpi(page, "Ereignisse") == ost_west
    assert page.locator("[data-testid='stSidebar'] input[aria-label='Ost / West']").input_value() == "zwischen Ost und West"


def test_link_kopieren_offers_the_address_of_the_current_view(page, app_url):
    open_page(page, f"{app_url}/themen?land=09,14&thema=umwelt")
    page.get_by_role("button", name="Link kopieren").click()
    code = page.locator("[data-testid='stPopoverBody'] [data-testid='stCode']")
    code.wait_for(timeout=15_000)
    link = code.inner_text().strip()
    assert link.startswith(f"{app_url}/themen?") and "land=09,14" in link and "thema=umwelt" in link
    assert code.locator("button").count() >= 1  # the copy button


def test_downloads_are_named_after_the_filter_and_carry_german_headers(page, app_url, tmp_path):
    import datetime as dt

    open_page(page, f"{app_url}/ereignisse?land=14")
    with page.expect_download(timeout=30_000) as info:
        page.get_by_role("link", name="CSV", exact=True).click()  # streamed by the server, not built in the page
    download = info.value
    assert download.suggested_filename == f"kooperationen_sachsen_{dt.date.today().isoformat()}.csv"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    assert path.read_bytes().startswith("\ufeff".encode())  # the BOM: Excel reads the umlauts
    text = path.read_text(encoding="utf-8-sig")
    assert text.startswith('"Ereignis-ID";Datum;Jahr;"Titel";"Art"') and "Sachsen" in text
    assert "NaT" not in text and "00:00:00" not in text and "/work/" not in text


def test_map_layers_are_toggled_on_the_karte(page, app_url, artifacts):
    open_page(page, app_url)
    the_map(page).locator(".js-plotly-plot .scattergeo").first.wait_for(timeout=60_000)
    before = the_map(page).locator(".js-plotly-plot .scattergeo").count()
    page.get_by_role("button", name="Verbindungen").click()
    settle(page)
    page.wait_for_timeout(1000)  # the map frame redraws after the script run
    after = the_map(page).locator(".js-plotly-plot .scattergeo").count()
    assert after < before  # the line traces are gone, the points stay
    page.screenshot(path=str(artifacts / "karte_ohne_verbindungen.png"))


def test_vergleich_shows_regions_side_by_side_and_says_why_per_capita_is_missing(page, app_url, artifacts):
    open_page(page, f"{app_url}/vergleich?regionen=03459,03404")
    main = page.locator("[data-testid='stMainBlockContainer']")
    text = main.inner_text()
    assert "Ereignisse je Jahr" in text and "Themen" in text
    assert "keine Einwohnerzahlen geladen" in text and "python -m koopatlas population" in text
    grid = main.locator("[data-testid='stDataFrame']").first
    grid.locator("[role='gridcell']").first.wait_for(state="attached", timeout=30_000)
    cells = " ".join(grid.locator("[role='gridcell']").all_inner_texts())
    assert "Osnabrück (Landkreis)" in cells and "Osnabrück (Kreisfreie Stadt)" in cells and "None" not in cells
    page.screenshot(path=str(artifacts / "vergleich.png"))


def test_the_kreis_layer_download_is_a_geojson_with_counts(page, app_url, tmp_path):
    import json

    open_page(page, f"{app_url}/ereignisse?land=14")
    download = download_from_button(page, "GeoJSON Kreise")
    assert download.suggested_filename.startswith("kooperationen_sachsen_kreise_")
    path = tmp_path / "kreise.geojson"
    download.save_as(path)
    layer = json.loads(path.read_text(encoding="utf-8"))
    assert len(layer["features"]) == 401 and layer["filter"].startswith("Länder: Sachsen")
    assert sum(f["properties"]["Ereignisse"] > 0 for f in layer["features"]) > 0


def test_the_level_filter_keeps_events_of_kreise_or_gemeinden_only(page, app_url, built_db):
    import duckdb

    con = duckdb.connect(str(built_db), read_only=True)
    kreis, gemeinde = con.execute("SELECT count(*) FILTER (WHERE level_mask = 1), count(*) FILTER (WHERE level_mask = 2) "
                                  "FROM event_facts").fetchone()
    con.close()
    assert kreis > 0 and gemeinde > 0
    open_page(page, f"{app_url}/?ebene=kreis")
    assert kpi(page, "Ereignisse") == kreis
    assert page.locator("[data-testid='stSidebar'] input[aria-label='Ebene']").input_value() == "nur Kreisebene"
    open_page(page, f"{app_url}/?ebene=gemeinde")
    assert kpi(page, "Ereignisse") == gemeinde


def test_streamlit_and_plotly_controls_speak_german_and_offer_no_cloud_upload(page, app_url):
    open_page(page, f"{app_url}/ereignisse")
    page.locator("[data-testid='stDataFrame']").first.hover()
    toolbar = page.locator("[data-testid='stElementToolbar'] button")
    toolbar.first.wait_for()
    labels = [toolbar.nth(i).get_attribute("aria-label") for i in range(toolbar.count())]
    assert "Als CSV herunterladen (Ansicht)" in labels and "Vollbild" in labels, labels
    english = re.compile(r"^(Help for|Download as|Search$|Fullscreen$|Show/hide)")
    every_label = page.evaluate("() => [...document.querySelectorAll('[aria-label]')].map(e => e.getAttribute('aria-label'))")
    assert not [x for x in every_label if english.match(x)]
    assert "Hilfe zu Ebene" in every_label
    assert "None" not in page.locator("[data-testid='stMainBlockContainer']").inner_text()

    open_page(page, app_url)
    frame = the_map(page)
    frame.locator(".js-plotly-plot .choroplethlocation").first.wait_for(timeout=60_000)
    titles = [b.get_attribute("data-title") for b in frame.locator(".modebar-btn").all()]
    assert "Vergrößern" in titles and "Karte als PNG herunterladen" in titles
    assert not [t for t in titles if "Share" in t or "Chart Studio" in t or "Zoom" in t]


def test_charts_show_undated_events_as_their_own_bar(page, app_url):
    open_page(page, f"{app_url}/themen")
    ticks = page.locator(".js-plotly-plot .xtick text")
    ticks.first.wait_for(timeout=30_000)
    assert "ohne Jahr" in [t.text_content() for t in ticks.all()]
    open_page(page, f"{app_url}/themen?ohnejahr=nein")
    page.locator(".js-plotly-plot .xtick text").first.wait_for(timeout=30_000)
    assert "ohne Jahr" not in [t.text_content() for t in page.locator(".js-plotly-plot .xtick text").all()]


def test_on_a_phone_the_map_comes_first_and_tables_scroll_inside_the_page(browser, app_url, artifacts):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  locale="de-DE")
    phone = context.new_page()
    try:
        open_page(phone, app_url)
        frame = phone.locator("iframe[title*='kooperationskarte']")
        frame.wait_for(timeout=30_000)
        the_map(phone).locator(".js-plotly-plot .choroplethlocation").first.wait_for(timeout=60_000)
        phone.wait_for_timeout(1000)
        box = frame.bounding_box()
        assert box["y"] < 844 * 0.6 and box["width"] <= 390  # the map starts in the first screen
        assert phone.evaluate("() => document.documentElement.scrollWidth") <= 390  # nothing sticks out sideways
        ranking = phone.locator("[data-testid='stDataFrame']").first
        assert ranking.bounding_box()["y"] > box["y"] + box["height"] - 5  # tables below the map
        assert ranking.bounding_box()["width"] <= 390
        phone.screenshot(path=str(artifacts / "mobil_karte.png"))
        open_page(phone, f"{app_url}/ereignisse")
        phone.locator("[data-testid='stDataFrame']").first.wait_for()
        assert phone.evaluate("() => document.documentElement.scrollWidth") <= 390
        phone.screenshot(path=str(artifacts / "mobil_ereignisse.png"))
    finally:
        context.close()
