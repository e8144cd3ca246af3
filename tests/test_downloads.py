"""The streamed downloads, fetched from the real app server (`streamlit run app.py`) on localhost."""

from __future__ import annotations

import datetime as dt
import io
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import duckdb
import pandas as pd


def _get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def _leftovers() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("koopatlas-export-*")}


def test_the_csv_route_streams_the_filtered_events_with_their_file_name(app_url, built_db):
    before = _leftovers()
    status, headers, body = _get(f"{app_url}/export/ereignisse.csv?land=14")
    assert status == 200 and headers["content-type"].startswith("text/csv")
    today = dt.date.today().isoformat()
    assert headers["content-disposition"] == f"attachment; filename*=UTF-8''kooperationen_sachsen_{today}.csv"
    assert body.startswith("\ufeff".encode()) and body.count("\ufeff".encode()) == 1
    rows = pd.read_csv(io.BytesIO(body), sep=";", dtype=str, encoding="utf-8-sig")
    con = duckdb.connect(str(built_db), read_only=True)
    expected = con.execute("SELECT count(*) FROM event_facts WHERE list_contains(laender, '14')").fetchone()[0]
    con.close()
    assert len(rows) == expected > 0 and rows["Länder"].str.contains("Sachsen").all()
    assert _leftovers() <= before  # the working file is gone once the response is sent


def test_the_parquet_route_and_the_search_of_the_page(app_url):
    status, headers, body = _get(f"{app_url}/export/ereignisse.parquet?q=Leitstelle")
    assert status == 200 and headers["content-type"] == "application/vnd.apache.parquet"
    assert "kooperationen_suche_" in headers["content-disposition"]
    table = pd.read_parquet(io.BytesIO(body))
    assert list(table.columns)[:4] == ["Ereignis-ID", "Datum", "Jahr", "Titel"] and len(table) >= 1


def test_hostile_or_unknown_download_requests_get_a_clear_answer(app_url):
    status, _, body = _get(f"{app_url}/export/ereignisse.csv?q=%27%3B%20DROP%20TABLE%20events%3B%20--")
    assert status == 200 and body.decode("utf-8-sig").count("\n") == 1  # the header: the search found nothing
    status, _, body = _get(f"{app_url}/export/ereignisse.xlsx")
    assert status == 404 and "csv oder parquet" in body.decode()
    status, _, body = _get(f"{app_url}/export/ereignisse.csv?land=99&thema=erfunden&jahr=x")
    assert status == 200 and body.decode("utf-8-sig").count("\n") > 1  # unknown values are dropped, not errors
