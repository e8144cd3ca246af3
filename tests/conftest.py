"""Shared fixtures: one real DuckDB built from the real boundaries per test session."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from koopatlas import cli, config
from koopatlas.gazetteer import Gazetteer

ARTIFACTS = Path(__file__).parent / "artifacts"


def _geodata_available() -> bool:
    return any(Path(c).joinpath("VG5000_KRS.shp").is_file() for c in config.geodata_candidates())


@pytest.fixture(scope="session")
def built_db(tmp_path_factory) -> Path:
    """A database built by the real `build` command into a temporary folder."""
    if not _geodata_available():
        pytest.skip(f"VG5000 boundaries not found in {config.geodata_candidates()} (set KOOPATLAS_GEODATA)")
    root = tmp_path_factory.mktemp("db")
    os.environ["KOOPATLAS_GEO_CACHE"] = str(root / "geo")
    db = root / "koopatlas.duckdb"
    assert cli.main(["--db", str(db), "build", "--no-download"]) == 0
    return db


@pytest.fixture(scope="session")
def con(built_db) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(str(built_db), read_only=True)
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def gazetteer(con) -> Gazetteer:
    return Gazetteer.from_db(con)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync",
]


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def app_url(built_db):
    """The real app served by `streamlit run` on a free localhost port."""
    from koopatlas.web import server

    port = _free_port()
    log = (Path(__file__).parent / "artifacts").resolve()
    log.mkdir(exist_ok=True)
    with (log / "streamlit.log").open("w") as out:
        try:
            proc = server.start(port=port, env=dict(os.environ, KOOPATLAS_DB=str(built_db)), output=out)
        except RuntimeError as exc:
            pytest.fail(f"{exc}, see tests/artifacts/streamlit.log")
    yield f"http://127.0.0.1:{port}"
    server.stop(proc)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} missing: `make test` installs it from apt")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="de-DE")
    pg = context.new_page()
    pg.external_requests = []
    pg.on("request", lambda r: None if r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else pg.external_requests.append(r.url))
    yield pg
    context.close()


_RUNNING = "[data-testid='stStatusWidgetRunningIcon'], [data-testid='stStatusWidgetRunningManIcon'], [data-testid='stSkeleton']"


def settle(page, timeout_s: float = 60.0) -> None:
    """Wait until Streamlit has finished its script run and the main block stops changing.

    Under load (make test on two cores beside other work) Streamlit paints a page in several
    runs; a fixed sleep reads a half-drawn page. Network idle is no sign of that: the app's
    websocket stays open, so it is only waited for briefly.
    """
    import contextlib
    import time

    with contextlib.suppress(Exception):  # a busy websocket is not an error
        page.wait_for_load_state("networkidle", timeout=5_000)
    deadline = time.monotonic() + timeout_s
    last, stable = None, 0
    while time.monotonic() < deadline:
        text = page.inner_text("[data-testid='stMainBlockContainer']")
        if page.locator(_RUNNING).count() == 0 and text == last:
            stable += 1
            if stable >= 2:
                return
        else:
            stable = 0
        last = text
        page.wait_for_timeout(400)
