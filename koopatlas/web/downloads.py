"""The Ereignisse downloads as HTTP routes beside the app: DuckDB writes the file, the response
streams it in chunks, so the server never holds the table, whatever the size of the export.

``/export/ereignisse.csv?land=14&thema=umwelt&q=Leitstelle`` takes the page's own URL
parameters (:func:`koopatlas.web.filters.from_url`); app.py mounts :data:`ROUTES`.
"""

from __future__ import annotations

import html
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import duckdb
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, StreamingResponse
from starlette.routing import Route

from koopatlas import queries
from koopatlas.extract.topics import topic_labels

if TYPE_CHECKING:
    from koopatlas.web.filters import Filters

# koopatlas.web.filters, data and export are imported where they are used: app.py imports this
# module before Streamlit's runtime exists, and their caches belong to the runtime.

#: format → (query file, media type, bytes the file starts with)
FORMATS = {
    "csv": ("export_events_csv", "text/csv; charset=utf-8", "\ufeff".encode()),  # BOM: Excel reads UTF-8
    "parquet": ("export_events_parquet", "application/vnd.apache.parquet", b""),
}
CHUNK = 1 << 16
EVERYTHING = 10**12  # the downloads carry every filtered event
#: Excel and GeoJSON are built in the app's memory: above this many events the page offers CSV and Parquet only.
BUILT_MAX = 100_000


def link_html(label: str, href: str) -> str:
    """A download link that looks like the page's buttons (app.css ``.ka-download``)."""
    return f'<a class="ka-download" href="{html.escape(href)}" download>{html.escape(label)}</a>'


def export_link(fmt: str, chosen: Filters) -> str:
    """The page's link to a download of what its filters and search show."""
    from urllib.parse import urlencode

    from koopatlas.web import filters

    params = filters.url_params(chosen) | ({"q": chosen.search} if chosen.search else {})
    query = urlencode(params, safe=",")
    return f"/export/ereignisse.{fmt}" + (f"?{query}" if query else "")


def write_export(con: duckdb.DuckDBPyConnection, fmt: str, chosen: Filters, path: Path) -> str:
    """DuckDB writes the filtered events to ``path`` (labels bound as parameters, like the filters);
    returns the file name for the user, „kooperationen_sachsen_2026-12-03.csv“."""
    from koopatlas.web import export, filters

    topics = topic_labels()
    queries.execute(con, FORMATS[fmt][0], chosen.params(
        limit=EVERYTHING, path=str(path),
        type_codes=list(filters.EVENT_TYPE_LABELS), type_labels=list(filters.EVENT_TYPE_LABELS.values()),
        topic_codes=list(topics), topic_labels=list(topics.values())))
    land_names = dict(queries.rows(con, "laender"))
    return export.file_name(filters.describe(chosen, land_names, topics)[1], fmt)


def _stream(path: Path, head: bytes) -> Iterator[bytes]:
    """The file in chunks, removed when the response is done (or the client went away)."""
    try:
        if head:
            yield head
        with path.open("rb") as fh:
            while chunk := fh.read(CHUNK):
                yield chunk
    finally:
        path.unlink(missing_ok=True)


async def events_export(request: Request) -> PlainTextResponse | StreamingResponse:
    fmt = request.path_params["fmt"]
    if fmt not in FORMATS:
        return PlainTextResponse(f"Unbekanntes Format „{fmt}“: csv oder parquet.", status_code=404)
    from koopatlas.web import data, filters

    chosen = filters.from_url(request.query_params, topic_labels(), filters.ALL_LAENDER)
    fd, name = tempfile.mkstemp(prefix="koopatlas-export-", suffix=f".{fmt}")
    os.close(fd)
    path = Path(name)
    try:
        # the app's own read-only connection: it follows a database file replaced by a writer
        download = await run_in_threadpool(data.read, lambda con: write_export(con, fmt, chosen, path))
    except Exception:
        path.unlink(missing_ok=True)
        raise
    _, media, head = FORMATS[fmt]
    size = path.stat().st_size + len(head)
    headers = {"Content-Disposition": f"attachment; filename*=UTF-8''{quote(download)}", "Content-Length": str(size)}
    return StreamingResponse(_stream(path, head), media_type=media, headers=headers)


ROUTES = [Route("/export/ereignisse.{fmt}", events_export, methods=["GET"])]
