"""The Streamlit app, run in-process with AppTest on the real database."""

import pytest
from streamlit.testing.v1 import AppTest


@pytest.fixture
def app(built_db, monkeypatch):
    monkeypatch.setenv("KOOPATLAS_DB", str(built_db))
    return AppTest.from_file("../app.py", default_timeout=60)


def test_home_page_draws_kreise_and_laender_with_attribution(app):
    app.run()
    assert not app.exception
    charts = app.get("plotly_chart")
    assert len(charts) == 1
    figure = charts[0].proto.spec
    assert figure.count('"locations"') >= 1 and "05958" in figure and "09374" in figure
    text = " ".join(c.value for c in app.caption)
    assert "© GeoBasis-DE / BKG 2021" in text
    assert "401 Kreise" in text
