"""The Ereignisse downloads as HTTP routes beside the app: DuckDB writes the file year by year,
the response streams each part in chunks as it is written, so the server never holds the table,
whatever the size of the export.

``/export/ereignisse.csv?land=14&thema=umwelt&q=Leitstelle`` takes the page's own URL
parameters (:func:`koopatlas.web.filters.from_url`); app.py mounts :data:`ROUTES`.
"""

from __future__ import annotations

import html
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
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

#: Runs a function on a read-only connection (koopatlas.web.data.read in the app).
Reader = Callable[[Callable[[duckdb.DuckDBPyConnection], Any]], Any]

MEDIA = {"csv": "text/csv; charset=utf-8", "parquet": "application/vnd.apache.parquet"}
BOM = "\ufeff".encode()  # Excel reads a CSV as UTF-8 only with it
CHUNK = 1 << 16
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


def _params(chosen: Filters) -> dict[str, Any]:
    from koopatlas.web import filters

    topics = topic_labels()
    return chosen.params(type_codes=list(filters.EVENT_TYPE_LABELS), type_labels=list(filters.EVENT_TYPE_LABELS.values()),
                         topic_codes=list(topics), topic_labels=list(topics.values()))


def years(read: Reader, chosen: Filters) -> list[int | None]:
    """The years the download is written in, newest first, None (undated) last; [None] when empty."""
    found = read(lambda con: [y for (y,) in queries.rows(con, "export_years", chosen.params())])
    return found or [None]


def file_name(read: Reader, fmt: str, chosen: Filters) -> str:
    """„kooperationen_sachsen_2026-12-03.csv“, as the page names its other downloads."""
    from koopatlas.web import export, filters

    land_names = dict(read(lambda con: queries.rows(con, "laender")))
    return export.file_name(filters.describe(chosen, land_names, topic_labels())[1], fmt)


def csv_parts(read: Reader, chosen: Filters, workdir: Path) -> Iterator[bytes]:
    """The CSV in chunks: DuckDB's COPY writes one year to a file, which is sent and removed."""
    params = _params(chosen)
    yield BOM
    for i, year in enumerate(years(read, chosen)):
        part = workdir / f"{i}.csv"
        read(lambda con, year=year, first=i == 0, part=part: queries.execute(
            con, "export_events_csv", params | {"year": year, "header": first, "path": str(part)}))
        with part.open("rb") as fh:
            while chunk := fh.read(CHUNK):
                yield chunk
        part.unlink()


def write_parquet(read: Reader, chosen: Filters, path: Path) -> None:
    """The Parquet file: DuckDB's COPY writes one part per year, the parts are joined into
    ``path`` one row group at a time (so neither side holds the table)."""
    import pyarrow.parquet as pq

    params = _params(chosen)
    writer: pq.ParquetWriter | None = None
    try:
        for i, year in enumerate(years(read, chosen)):
            part = path.with_name(f"part-{i}.parquet")
            read(lambda con, year=year, part=part: queries.execute(
                con, "export_events_parquet", params | {"year": year, "path": str(part)}))
            source = pq.ParquetFile(part)
            if writer is None:
                writer = pq.ParquetWriter(path, source.schema_arrow, compression="zstd")
            for group in range(source.num_row_groups):
                writer.write_table(source.read_row_group(group))
            source.close()
            part.unlink()
    finally:
        if writer is not None:
            writer.close()


def _file_parts(path: Path) -> Iterator[bytes]:
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            yield chunk


def _cleaned(parts: Iterator[bytes], workdir: Path) -> Iterator[bytes]:
    """The parts, and the working directory removed when they end (or the client went away)."""
    try:
        yield from parts
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


async def events_export(request: Request) -> PlainTextResponse | StreamingResponse:
    from koopatlas.web import data, filters

    fmt = request.path_params["fmt"]
    if fmt not in MEDIA:
        return PlainTextResponse(f"Unbekanntes Format „{fmt}“: csv oder parquet.", status_code=404)
    chosen = filters.from_url(request.query_params, topic_labels(), filters.ALL_LAENDER)
    workdir = Path(tempfile.mkdtemp(prefix="koopatlas-export-"))
    try:
        download = await run_in_threadpool(file_name, data.read, fmt, chosen)
        if fmt == "csv":  # sent while DuckDB writes the next year
            parts = csv_parts(data.read, chosen, workdir)
        else:  # Parquet's footer comes last: the file is complete before it is sent
            await run_in_threadpool(write_parquet, data.read, chosen, workdir / "export.parquet")
            parts = _file_parts(workdir / "export.parquet")
    except Exception:
        shutil.rmtree(workdir, ignore_errors=True)
        raise
    headers = {"Content-Disposition": f"attachment; filename*=UTF-8''{quote(download)}"}
    return StreamingResponse(_cleaned(parts, workdir), media_type=MEDIA[fmt], headers=headers)


ROUTES = [Route("/export/ereignisse.{fmt}", events_export, methods=["GET"])]
