"""Paths and settings, resolved once from the environment.

Everything that can differ between a developer's clone, CI and a deployment is
read here, so the rest of the code never looks at environment variables.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
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


def app_db_memory() -> str:
    """DuckDB's memory limit in the app (``KOOPATLAS_APP_DB_MEMORY``, default 400MB): without one,
    DuckDB keeps up to 80 % of the machine's RAM as cache, and a large export or a broad query would
    grow the app by gigabytes; over the limit it spills to its temporary directory instead."""
    return os.environ.get("KOOPATLAS_APP_DB_MEMORY", "400MB")


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


def _env_number(name: str, default: float) -> float:
    value = os.environ.get(name)
    try:
        return float(value) if value else default
    except ValueError:
        raise ValueError(f"{name}={value!r}: not a number") from None


@dataclass(frozen=True)
class Limits:
    """Per-document limits of ingest, checked before the expensive step (README „Limits“).

    A press release is a few KB; these are generous for real ones and stop hostile files early.
    Each can be set in the environment, e.g. ``KOOPATLAS_MAX_FILE_MB=50``.
    """

    file_mb: float = 20.0          # bytes read from a txt/html/eml/pdf/docx file or a URL
    docx_unzipped_mb: float = 50.0  # bytes a .docx may decompress to (sum of its entries)
    docx_entries: int = 2_000      # entries of a .docx zip
    pdf_pages: int = 200
    text_chars: int = 100_000      # clean text: longer text is cut there, with a warning
    raw_chars: int = 400_000       # raw text handed to the cleaner (cut before cleaning)
    seconds: float = 8.0           # reading and extracting one document
    worker_mb: float = 700.0       # memory a worker may add for one document beyond its start

    @classmethod
    def from_env(cls) -> Limits:
        names = {"file_mb": "MAX_FILE_MB", "docx_unzipped_mb": "MAX_DOCX_UNZIPPED_MB",
                 "docx_entries": "MAX_DOCX_ENTRIES", "pdf_pages": "MAX_PDF_PAGES", "text_chars": "MAX_TEXT_CHARS",
                 "raw_chars": "MAX_RAW_CHARS", "seconds": "MAX_SECONDS_PER_DOC", "worker_mb": "MAX_WORKER_MB"}
        values = {}
        for key, env in names.items():
            default = getattr(cls, key)
            values[key] = type(default)(_env_number(f"KOOPATLAS_{env}", default))
        return cls(**values)


def limits() -> Limits:
    return Limits.from_env()
