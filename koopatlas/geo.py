"""Official boundaries (BKG VG5000): locate, load, describe and simplify for the web.

The shapefiles are never committed. They are read from ``KOOPATLAS_GEODATA``, else
from ../shared/geo/vg5000_2021, else downloaded once from BKG's open-data site into
``data/geo/``. Display geometries are simplified as a *coverage* (shared edges are
simplified once), so neighbouring Kreise keep meeting without gaps or overlaps.
"""

from __future__ import annotations

import json
import shutil
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
import shapely.geometry

from koopatlas import config

LAYERS = ("LAN", "KRS", "GEM", "VWG")
#: GF = 9: "Gebiete mit Struktur, Land" – the land areas without water/sea parts.
LAND_AREA = 9
SOURCE_CRS = "EPSG:31467"
AREA_CRS = "EPSG:3035"  # equal-area, for km²
#: Tolerances (metres, EPSG:31467) for the display geometries. 1,200 m keeps the 401 Kreise
#: near 400 KB of GeoJSON (the map renders faster in the browser) while every Kreis keeps
#: more than 80 % of its area and small kreisfreie Städte stay recognisable.
KREIS_TOLERANCE_M = 1200.0
GEMEINDE_TOLERANCE_M = 250.0
COORD_DECIMALS = 4  # ~10 m, far below the simplification tolerance


class GeodataError(RuntimeError):
    """The boundaries could not be found, downloaded or read."""


@dataclass(frozen=True)
class Layers:
    """The four VG5000 layers, land areas only, in their source CRS."""

    lan: gpd.GeoDataFrame
    krs: gpd.GeoDataFrame
    gem: gpd.GeoDataFrame
    vwg: gpd.GeoDataFrame


def _has_layers(directory: Path) -> bool:
    return all((directory / f"VG5000_{layer}.shp").is_file() for layer in LAYERS)


def _find_layer_dir(root: Path) -> Path | None:
    """The directory under ``root`` that holds VG5000_KRS.shp (archives nest it)."""
    if _has_layers(root):
        return root
    for hit in sorted(root.rglob("VG5000_KRS.shp")):
        if _has_layers(hit.parent):
            return hit.parent
    return None


def fetch_zip(url: str, target: Path, timeout: float = 60.0, error: type[Exception] | None = None) -> None:
    """Download a zip archive from ``url`` and unpack it into ``target`` (the archive is not kept)."""
    target.mkdir(parents=True, exist_ok=True)
    archive = target / "download.zip"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response, archive.open("wb") as out:
            shutil.copyfileobj(response, out)
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(target)
    except (OSError, zipfile.BadZipFile) as exc:
        raise (error or GeodataError)(f"Download of {url} failed: {exc}") from exc
    finally:
        archive.unlink(missing_ok=True)


def download(target: Path, url: str = config.BKG_DOWNLOAD_URL, timeout: float = 60.0) -> Path:
    """Fetch the official VG5000 shape archive from BKG and unpack it into ``target``."""
    fetch_zip(url, target, timeout)
    found = _find_layer_dir(target)
    if found is None:
        raise GeodataError(f"The archive from {url} holds no VG5000 layers {LAYERS}.")
    return found


def locate_source(allow_download: bool = True) -> Path:
    """The directory with the VG5000 shapefiles; downloads them when none is present.

    A directory named in KOOPATLAS_GEODATA must be usable: we do not silently fall
    back to something else when the user pointed at a specific source.
    """
    candidates = config.geodata_candidates()
    for candidate in candidates:
        if candidate.is_dir():
            found = _find_layer_dir(candidate)
            if found is not None:
                return found
    explicit = len(candidates) == 1
    looked = ", ".join(str(c) for c in candidates)
    if explicit or not allow_download:
        missing = [f"VG5000_{layer}.shp" for layer in LAYERS]
        raise GeodataError(
            f"No VG5000 boundaries found (looked in: {looked}; expected {', '.join(missing)}). "
            "Set KOOPATLAS_GEODATA to the folder of the BKG VG5000 shapefiles "
            f"(e.g. ../shared/geo/vg5000_2021) or unset it to download them from {config.BKG_DOWNLOAD_URL}."
        )
    try:
        return download(config.geo_cache_dir() / "vg5000")
    except GeodataError as exc:
        raise GeodataError(
            f"No VG5000 boundaries found (looked in: {looked}) and {exc} "
            "Set KOOPATLAS_GEODATA to a folder with the BKG VG5000 shapefiles."
        ) from exc


def read_layers(directory: Path) -> Layers:
    """Read LAN, KRS, GEM and VWG (GF = 9 only); a broken file names itself in the error."""
    frames = {}
    for layer in LAYERS:
        path = directory / f"VG5000_{layer}.shp"
        try:
            frame = gpd.read_file(path)
        except Exception as exc:  # pyogrio raises several types for corrupt files
            raise GeodataError(
                f"Cannot read {path}: {exc}. Replace the folder with an intact copy of the "
                "BKG VG5000 shapefiles or set KOOPATLAS_GEODATA to one."
            ) from exc
        required = {"AGS", "ARS", "GEN", "BEZ", "GF", "NUTS"}
        if not required <= set(frame.columns):
            raise GeodataError(f"{path} lacks the VG5000 columns {sorted(required - set(frame.columns))}.")
        if frame.crs is None:
            frame = frame.set_crs(SOURCE_CRS)
        frames[layer.lower()] = frame[frame["GF"] == LAND_AREA].reset_index(drop=True)
    return Layers(**frames)


def _centroids_lonlat(frame: gpd.GeoDataFrame) -> tuple[pd.Series, pd.Series]:
    points = frame.geometry.representative_point().to_crs("EPSG:4326")
    return points.x.round(5), points.y.round(5)


def _area_km2(frame: gpd.GeoDataFrame) -> pd.Series:
    return (frame.geometry.to_crs(AREA_CRS).area / 1e6).round(2)


def regions_frame(layers: Layers) -> pd.DataFrame:
    """One row per Land, Kreis, Gemeinde and Verband (Amt, Samtgemeinde …): the `regions` table.

    Kreis-level AGS have 5 digits, Gemeinden 8, Länder 2; every row knows its Land
    and (below Land level) its Kreis, so queries never parse AGS strings.
    """
    parts = []
    for level, frame, kreis_of in (
        ("land", layers.lan, lambda a: None),
        ("kreis", layers.krs, lambda a: a[:5]),
        ("gemeinde", layers.gem, lambda a: a[:5]),
    ):
        lon, lat = _centroids_lonlat(frame)
        ags = frame["AGS"].astype(str)
        parts.append(
            pd.DataFrame(
                {
                    "ags": ags,
                    "name": frame["GEN"].astype(str),
                    "bez": frame["BEZ"].astype(str),
                    "level": level,
                    "land_ags": ags.str[:2],
                    "kreis_ags": ags.map(kreis_of),
                    "lon": lon,
                    "lat": lat,
                    "area_km2": _area_km2(frame),
                    "nuts": frame["NUTS"].astype(str),
                    "kreisfrei": (frame["BEM"].astype(str) == "kreisfrei")
                    if level == "gemeinde"
                    else frame["BEZ"].isin(["Kreisfreie Stadt", "Stadtkreis"]),
                }
            )
        )
    parts.append(association_regions(layers))
    return pd.concat(parts, ignore_index=True)


def association_regions(layers: Layers) -> pd.DataFrame:
    """Ämter, Samtgemeinden … as `regions` rows of level "verband" (9-digit code, name with its kind).

    They take part in events as a whole, so the dashboard names and places them like any
    authority; the gazetteer takes their name variants from `associations`, not from here.
    """
    vwg = layers.vwg[layers.vwg["BEZ"].isin(ASSOCIATION_KINDS)].reset_index(drop=True)
    ars = vwg["ARS"].astype(str).str[:9]
    gen, bez = vwg["GEN"].astype(str), vwg["BEZ"].astype(str)
    lon, lat = _centroids_lonlat(vwg)
    return pd.DataFrame({
        "ags": ars,
        "name": [g if g.startswith(b) else f"{b} {g}" for g, b in zip(gen, bez, strict=True)],
        "bez": bez,
        "level": "verband",
        "land_ags": ars.str[:2],
        "kreis_ags": ars.str[:5],
        "lon": lon,
        "lat": lat,
        "area_km2": _area_km2(vwg),
        "nuts": vwg["NUTS"].astype(str),
        "kreisfrei": False,
    }).drop_duplicates("ags")


#: VWG kinds that group several Gemeinden; the others are single Gemeinden.
ASSOCIATION_KINDS = (
    "Amt",
    "Samtgemeinde",
    "Verbandsgemeinde",
    "Verwaltungsgemeinschaft",
    "Verwaltungsverband",
)


def associations_frame(layers: Layers) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Ämter, Samtgemeinden, Verbandsgemeinden ... and their member Gemeinden.

    VWG has no AGS; its 9-digit ARS prefix is shared with the ARS of its members,
    which is how the membership is derived.
    """
    vwg = layers.vwg[layers.vwg["BEZ"].isin(ASSOCIATION_KINDS)]
    assoc = pd.DataFrame(
        {
            "ars": vwg["ARS"].astype(str).str[:9],
            "name": vwg["GEN"].astype(str),
            "bez": vwg["BEZ"].astype(str),
            "kreis_ags": vwg["ARS"].astype(str).str[:5],  # Land, Regierungsbezirk, Kreis: 01051 Dithmarschen
        }
    )
    gem = layers.gem
    members = pd.DataFrame({"ars": gem["ARS"].astype(str).str[:9], "ags": gem["AGS"].astype(str)})
    members = members[members["ars"].isin(set(assoc["ars"]))].reset_index(drop=True)
    return assoc.reset_index(drop=True), members


def _round_coords(coords, decimals: int) -> list:
    if coords and isinstance(coords[0], (int, float)):
        return [round(coords[0], decimals), round(coords[1], decimals)]
    return [_round_coords(c, decimals) for c in coords]


def _clockwise(geom):
    """Exterior rings clockwise: the winding d3-geo (Plotly's geo maps) reads as "inside"."""
    if geom.geom_type == "Polygon":
        return shapely.geometry.polygon.orient(geom, sign=-1.0)
    if geom.geom_type == "MultiPolygon":
        return shapely.geometry.MultiPolygon([shapely.geometry.polygon.orient(p, sign=-1.0) for p in geom.geoms])
    return geom


def _geojson(geom) -> str:
    """Compact GeoJSON of one geometry, coordinates rounded to ~10 m, d3 winding."""
    mapping = shapely.geometry.mapping(_clockwise(geom))
    return json.dumps(
        {"type": mapping["type"], "coordinates": _round_coords(mapping["coordinates"], COORD_DECIMALS)},
        separators=(",", ":"),
    )


def simplified_coverage(frame: gpd.GeoDataFrame, tolerance_m: float) -> gpd.GeoSeries:
    """Simplify polygons as one coverage: shared edges are simplified once, so no gaps."""
    return gpd.GeoSeries(shapely.coverage_simplify(frame.geometry.values, tolerance_m), crs=frame.crs)


def shapes_frame(layers: Layers) -> pd.DataFrame:
    """Display geometries (EPSG:4326) for Länder, Kreise and Gemeinden: `region_shapes`.

    Länder outlines are the union of the simplified Kreise, so Land borders run
    exactly along the Kreis borders drawn beneath them.
    """
    krs_ags = layers.krs["AGS"].astype(str)
    krs = simplified_coverage(layers.krs, KREIS_TOLERANCE_M)
    lan = gpd.GeoDataFrame({"ags": krs_ags.str[:2].values}, geometry=krs.values, crs=krs.crs).dissolve(by="ags")
    gem = simplified_coverage(layers.gem, GEMEINDE_TOLERANCE_M)
    parts = []
    for level, ags, geoms in (
        ("land", lan.index.to_series(), lan.geometry),
        ("kreis", krs_ags, krs),
        ("gemeinde", layers.gem["AGS"].astype(str), gem),
    ):
        geojson = [_geojson(g) for g in geoms.to_crs("EPSG:4326")]
        parts.append(pd.DataFrame({"ags": ags.values, "level": level, "geojson": geojson}))
    return pd.concat(parts, ignore_index=True)


def feature_collection(rows: pd.DataFrame, properties: list[str]) -> dict:
    """A GeoJSON FeatureCollection from rows with a ``geojson`` column; ``id`` = ags."""
    features = [
        {
            "type": "Feature",
            "id": row["ags"],
            "properties": {p: row[p] for p in properties},
            "geometry": json.loads(row["geojson"]),
        }
        for _, row in rows.iterrows()
    ]
    return {"type": "FeatureCollection", "features": features}


def write_display_files(shapes: pd.DataFrame, regions: pd.DataFrame, target: Path) -> dict[str, int]:
    """Write laender/kreise/gemeinden GeoJSON for reuse outside the app; returns byte sizes."""
    target.mkdir(parents=True, exist_ok=True)
    merged = shapes.merge(regions[["ags", "level", "name", "bez"]], on=["ags", "level"])
    sizes = {}
    for level, filename in (("land", "laender"), ("kreis", "kreise"), ("gemeinde", "gemeinden")):
        fc = feature_collection(merged[merged["level"] == level], ["name", "bez"])
        path = target / f"{filename}.geojson"
        path.write_text(json.dumps(fc, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        sizes[path.name] = path.stat().st_size
    return sizes
