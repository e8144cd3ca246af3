"""Paths and settings, resolved once from the environment.

Everything that can differ between a developer's clone, CI and a deployment is
read here, so the rest of the code never looks at environment variables.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_DIR / "data"
QUERIES_DIR = PROJECT_DIR / "queries"
SHARED_DIR = PROJECT_DIR.parent / "shared"
#: Served by Streamlit (server.enableStaticServing) under STATIC_URL, relative to every page.
STATIC_DIR = PROJECT_DIR / "static"
STATIC_URL = "app/static"

#: Official BKG download of the same product as ../shared/geo/vg5000_2021
#: (VG5000, stand 01.01., Gauss-Krüger zone 3, shapefiles).
BKG_DOWNLOAD_URL = (
    "https://daten.gdz.bkg.bund.de/produkte/vg/vg5000_0101/2021/"
    "vg5000_01-01.gk3.shape.ebenen.zip"
)
ATTRIBUTION = "© GeoBasis-DE / BKG 2021"
ATTRIBUTION_URL = "https://www.bkg.bund.de"


def db_path() -> Path:
    """The DuckDB file the app reads and the build writes."""
    return Path(os.environ.get("KOOPATLAS_DB", DATA_DIR / "koopatlas.duckdb"))


def geo_cache_dir() -> Path:
    """Where downloaded boundaries and the simplified display GeoJSON go (git-ignored)."""
    return Path(os.environ.get("KOOPATLAS_GEO_CACHE", DATA_DIR / "geo"))


def shared_geodata_dir() -> Path:
    return SHARED_DIR / "geo" / "vg5000_2021"


def geodata_candidates() -> list[Path]:
    """Directories searched for the VG5000 shapefiles, in order of preference."""
    env = os.environ.get("KOOPATLAS_GEODATA")
    if env:
        return [Path(env)]
    return [shared_geodata_dir(), geo_cache_dir() / "vg5000"]


def users_path() -> Path:
    """The editors' login file: outside the repository, in the user's config directory."""
    env = os.environ.get("KOOPATLAS_USERS")
    if env:
        return Path(env)
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "koopatlas" / "users.json"
