"""Inhabitants from a VG250-EW-shaped fixture (made here), into the database, per region."""

from __future__ import annotations

import shutil

import geopandas as gpd
import pytest
from shapely.geometry import box

from koopatlas import cli, population, queries, store


def _write_fixture(folder):
    """VG250 rows: land (GF 4) with the inhabitants and water (GF 2) with none, per AGS."""
    folder.mkdir()
    krs = gpd.GeoDataFrame({"AGS": ["03459", "03459", "14626"], "GF": [4, 2, 4], "EWZ": [353_000, 0, 248_000]},
                           geometry=[box(0, 0, 1, 1), box(1, 1, 2, 2), box(2, 2, 3, 3)], crs="EPSG:25832")
    gem = gpd.GeoDataFrame({"AGS": ["03459024"], "GF": [4], "EWZ": [46_000]}, geometry=[box(0, 0, 1, 1)],
                           crs="EPSG:25832")
    krs.to_file(folder / "VG250_KRS.shp")
    gem.to_file(folder / "VG250_GEM.shp")


def test_population_reads_the_inhabitants_of_kreise_and_gemeinden(tmp_path):
    _write_fixture(tmp_path / "ew")
    frame = population.read(tmp_path / "ew").set_index("ags")
    assert frame.loc["03459", "ewz"] == 353_000 and frame.loc["14626", "level"] == "kreis"
    assert frame.loc["03459024", "ewz"] == 46_000


def test_a_folder_without_the_product_is_named_in_the_message(tmp_path):
    (tmp_path / "leer").mkdir()
    with pytest.raises(population.PopulationError, match="leer"):
        population.locate(tmp_path / "leer", allow_download=False)


def test_the_population_command_stores_them_for_the_per_capita_view(built_db, tmp_path):
    db = tmp_path / "koopatlas.duckdb"
    shutil.copyfile(built_db, db)
    _write_fixture(tmp_path / "ew")
    assert cli.main(["--db", str(db), "population", "--from", str(tmp_path / "ew"), "--no-download"]) == 0
    con = store.connect(db, read_only=True)
    rows = queries.run(con, "region_population", {"ags_list": ["03459", "14626", "09162"]}).set_index("ags")
    events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    assert rows["ewz"].to_dict() == {"03459": 353_000, "14626": 248_000}
    assert events > 0  # the events stay
