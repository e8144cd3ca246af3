"""Inhabitants per Kreis and Gemeinde (EWZ) from BKG's VG250-EW product, for per-capita views.

Optional, like the boundaries: ``python -m koopatlas population`` reads the product from a
directory (``--from DIR`` or ``KOOPATLAS_POPULATION``) or downloads it from BKG's open-data
site, and stores ``population(ags, level, ewz, stand)``. Without it the Vergleich page says
why it shows no figures per inhabitant. The shared VG5000 copy carries no EWZ.
Licence: dl-de/by-2-0, „© GeoBasis-DE / BKG 2021“ (Einwohnerzahlen: Statistisches Bundesamt).
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from koopatlas import config

#: VG250 with inhabitants, as of 31.12., layers as shapefiles (UTM32s).
DOWNLOAD_URL = ("https://daten.gdz.bkg.bund.de/produkte/vg/vg250-ew_ebenen_1231/2021/"
                "vg250-ew_12-31.utm32s.shape.ebenen.zip")
LAYERS = {"kreis": "KRS", "gemeinde": "GEM"}


class PopulationError(RuntimeError):
    """The product is missing or not what we expect."""


def locate(explicit: Path | None = None, allow_download: bool = True) -> Path:
    """The directory holding ``*_KRS.shp`` and ``*_GEM.shp`` with an EWZ column."""
    env = os.environ.get("KOOPATLAS_POPULATION")
    for candidate in [explicit, Path(env) if env else None, config.geo_cache_dir() / "vg250-ew"]:
        if candidate is None:
            continue
        found = _layer_dir(candidate)
        if found:
            return found
        if candidate in (explicit, Path(env) if env else None):
            raise PopulationError(f"{candidate}: no *_KRS.shp and *_GEM.shp with inhabitants (EWZ) found")
    if not allow_download:
        raise PopulationError("no population data (VG250-EW) found; run `python -m koopatlas population` online")
    return download(config.geo_cache_dir() / "vg250-ew")


def _layer_dir(root: Path) -> Path | None:
    if not root.is_dir():
        return None
    for krs in sorted(root.rglob("*_KRS.shp")):
        if any(krs.parent.glob("*_GEM.shp")):
            return krs.parent
    return None


def download(target: Path, url: str = DOWNLOAD_URL, timeout: float = 120.0) -> Path:
    from koopatlas.geo import fetch_zip

    fetch_zip(url, target, timeout, error=PopulationError)
    found = _layer_dir(target)
    if found is None:
        raise PopulationError(f"The archive from {url} holds no *_KRS/*_GEM layers")
    return found


def read(folder: Path) -> pd.DataFrame:
    """(ags, level, ewz) per Kreis and Gemeinde. VG250 splits an area into several rows (land,
    water, GF 1–4); the inhabitants stand on the land rows, so the largest EWZ per AGS counts."""
    import pyogrio

    frames = []
    for level, suffix in LAYERS.items():
        path = next(iter(sorted(folder.glob(f"*_{suffix}.shp"))), None)
        if path is None:
            raise PopulationError(f"{folder}: no *_{suffix}.shp")
        table = pyogrio.read_dataframe(path, columns=["AGS", "EWZ"], read_geometry=False)
        if "EWZ" not in table.columns:
            raise PopulationError(f"{path}: no EWZ column (this is not the VG250-EW product)")
        per = table.groupby("AGS", as_index=False)["EWZ"].max()
        frames.append(pd.DataFrame({"ags": per["AGS"].astype(str), "level": level, "ewz": per["EWZ"].astype("int64")}))
    out = pd.concat(frames, ignore_index=True)
    return out[out["ewz"] > 0]
