"""The `regions` table: counts, known AGS, derived columns."""

import pytest


def test_region_counts_per_level(con):
    counts = dict(con.execute("SELECT level, count(*) FROM regions GROUP BY level").fetchall())
    assert counts == {"land": 16, "kreis": 401, "gemeinde": 10997, "verband": 1171}


@pytest.mark.parametrize(
    ("ags", "name", "bez", "level", "kreis_ags", "nuts"),
    [
        ("05958004", "Arnsberg", "Stadt", "gemeinde", "05958", "DEA57"),
        ("03459", "Osnabrück", "Landkreis", "kreis", "03459", "DE94E"),
        ("03404", "Osnabrück", "Kreisfreie Stadt", "kreis", "03404", "DE944"),
        ("12071076", "Forst (Lausitz)", "Stadt", "gemeinde", "12071", "DE40G"),
        ("09374", "Neustadt a.d. Waldnaab", "Landkreis", "kreis", "09374", "DE237"),
        ("05334", "Städteregion Aachen", "Kreis", "kreis", "05334", "DEA2D"),
        ("11000", "Berlin", "Kreisfreie Stadt", "kreis", "11000", "DE300"),
        ("14", "Sachsen", "Freistaat", "land", None, "DED"),
    ],
)
def test_known_regions(con, ags, name, bez, level, kreis_ags, nuts):
    row = con.execute(
        "SELECT name, bez, level, kreis_ags, nuts, land_ags FROM regions WHERE ags = ?", [ags]
    ).fetchone()
    assert row[:5] == (name, bez, level, kreis_ags, nuts)
    assert row[5] == ags[:2]


def test_representative_points_lie_in_germany_and_areas_are_plausible(con):
    lon_min, lon_max, lat_min, lat_max = con.execute(
        "SELECT min(lon), max(lon), min(lat), max(lat) FROM regions"
    ).fetchone()
    assert lon_min > 5.8 and lon_max < 15.1 and lat_min > 47.2 and lat_max < 55.1
    berlin = con.execute("SELECT area_km2 FROM regions WHERE ags = '11000'").fetchone()[0]
    assert 880 < berlin < 900  # official: 891.1 km²
    land_total = con.execute("SELECT sum(area_km2) FROM regions WHERE level = 'land'").fetchone()[0]
    assert 356_000 < land_total < 359_000


def test_every_kreis_and_gemeinde_belongs_to_an_existing_kreis(con):
    orphans = con.execute(
        """SELECT count(*) FROM regions r WHERE level <> 'land'
           AND kreis_ags NOT IN (SELECT ags FROM regions WHERE level = 'kreis')"""
    ).fetchone()[0]
    assert orphans == 0
