"""The app in a real headless Chromium: the map renders, offline, with attribution."""

import pytest

pytestmark = pytest.mark.browser


def test_home_page_shows_the_kreise_map(app_url, page, artifacts):
    page.goto(app_url)
    page.wait_for_selector(".js-plotly-plot .choroplethlocation", timeout=60_000)
    page.wait_for_timeout(500)
    assert page.locator(".js-plotly-plot .choroplethlocation").count() == 401
    assert page.get_by_text("© GeoBasis-DE / BKG 2021").first.is_visible()
    page.screenshot(path=str(artifacts / "home.png"), full_page=True)
    assert page.external_requests == []  # no tiles, no CDN: everything comes from the app
