"""Boundaries: clear errors for a bad source, compact and faithful display geometries."""

import json

import geopandas as gpd
import pytest
import shapely
from shapely.geometry import shape

from koopatlas import cli, config, geo


def test_geo_command_on_an_empty_directory_names_where_it_looked(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KOOPATLAS_GEODATA", str(tmp_path))
    code = cli.main(["--db", str(tmp_path / "x.duckdb"), "geo"])
    err = capsys.readouterr().err
    assert code == 2
    assert str(tmp_path) in err and "VG5000_KRS.shp" in err and "KOOPATLAS_GEODATA" in err
    assert not (tmp_path / "x.duckdb").exists()


def test_geo_command_on_a_corrupt_shapefile_names_the_file(tmp_path, monkeypatch, capsys):
    for layer in geo.LAYERS:
        (tmp_path / f"VG5000_{layer}.shp").write_bytes(b"this is not a shapefile")
    monkeypatch.setenv("KOOPATLAS_GEODATA", str(tmp_path))
    code = cli.main(["--db", str(tmp_path / "x.duckdb"), "geo"])
    err = capsys.readouterr().err
    assert code == 2
    assert "VG5000_LAN.shp" in err and "Cannot read" in err


def test_a_failed_geo_run_keeps_the_existing_database(tmp_path, monkeypatch, built_db):
    db = tmp_path / "keep.duckdb"
    db.write_bytes(built_db.read_bytes())
    before = db.read_bytes()
    monkeypatch.setenv("KOOPATLAS_GEODATA", str(tmp_path / "missing"))
    assert cli.main(["--db", str(db), "geo"]) == 2
    assert db.read_bytes() == before


def test_kreise_geojson_is_small_enough_for_the_web(built_db):
    size = (config.geo_cache_dir() / "kreise.geojson").stat().st_size
    assert size <= 600 * 1024
    fc = json.loads((config.geo_cache_dir() / "kreise.geojson").read_text(encoding="utf-8"))
    assert len(fc["features"]) == 401


def test_every_kreis_stays_recognisable_and_the_coverage_has_no_gaps_or_overlaps():
    source = geo.locate_source(allow_download=False)
    krs = geo.read_layers(source).krs
    simplified = geo.simplified_coverage(krs, geo.KREIS_TOLERANCE_M)
    original_area = krs.geometry.area.to_numpy()
    ratio = simplified.area.to_numpy() / original_area
    assert not simplified.is_empty.any()
    assert ratio.min() > 0.8, krs["GEN"].iloc[ratio.argmin()]
    # no overlaps: the union is as large as the sum of the parts
    union = shapely.union_all(simplified.values)
    assert union.area == pytest.approx(simplified.area.sum(), rel=1e-6)
    # no gaps: the union covers what the original Kreise cover
    assert union.area == pytest.approx(shapely.union_all(krs.geometry.values).area, rel=2e-3)


def test_display_geometries_in_the_database_are_valid_lonlat(con):
    rows = con.execute("SELECT ags, geojson FROM region_shapes WHERE level = 'kreis'").fetchall()
    assert len(rows) == 401
    frame = gpd.GeoSeries([shape(json.loads(g)) for _, g in rows], crs="EPSG:4326")
    assert frame.is_valid.all()
    minx, miny, maxx, maxy = frame.total_bounds
    assert 5.5 < minx < 6.5 and 14.5 < maxx < 15.5 and 47 < miny < 48 and 54.5 < maxy < 55.5
