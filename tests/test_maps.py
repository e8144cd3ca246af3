"""Map figures and the geometry file the browser loads instead of embedded polygons."""

import json

import pandas as pd

from koopatlas.web import maps

SQUARE = '{"type":"Polygon","coordinates":[[[9.0,50.0],[9.1,50.0],[9.1,50.1],[9.0,50.0]]]}'
SHAPES = pd.DataFrame({"ags": ["06411", "06412"], "geojson": [SQUARE, SQUARE.replace("9.0", "8.9")]})


def test_geometry_file_is_named_after_its_content_and_replaces_older_ones(tmp_path):
    first = maps.write_geometry(SHAPES, tmp_path, "kreis")
    assert first is not None and first.name.startswith("kreis-")
    collection = json.loads(first.read_text())
    assert [f["id"] for f in collection["features"]] == ["06411", "06412"]
    assert maps.write_geometry(SHAPES, tmp_path, "kreis") == first  # same content, same file

    changed = maps.write_geometry(SHAPES.head(1), tmp_path, "kreis")
    assert changed != first and changed.is_file()
    assert not first.exists()  # a rebuilt database leaves no stale polygons behind
    assert sorted(p.name for p in tmp_path.iterdir()) == [changed.name]


def test_unwritable_geometry_directory_means_embedded_polygons(tmp_path):
    blocker = tmp_path / "geo"
    blocker.write_text("a file where the directory should be")
    assert maps.write_geometry(SHAPES, blocker, "kreis") is None


def test_cooperation_map_names_the_geometry_file_instead_of_embedding_it():
    kreise = SHAPES.assign(name=["Darmstadt", "Offenbach"], bez="Kreisfreie Stadt", events=[3, 0],
                           top_topics=["umwelt", None], top_partners=["Offenbach", None])
    empty = pd.DataFrame(columns=["ags", "geojson"])
    no_points = pd.DataFrame(columns=["ags", "name", "bez", "lon", "lat", "events"])
    no_edges = pd.DataFrame(columns=["ags_a", "ags_b", "lon_a", "lat_a", "lon_b", "lat_b", "events"])
    url = "app/static/geo/kreis-abc.geojson"
    linked = maps.cooperation_map(kreise, empty, no_points, no_edges, {}, geometry_url=url)
    choropleths = [t for t in linked.data if t.type == "choropleth"]
    assert [t.geojson for t in choropleths] == [url, url]  # Kreise with and without events
    assert "coordinates" not in linked.to_json()
    embedded = maps.cooperation_map(kreise, empty, no_points, no_edges, {})
    assert "coordinates" in embedded.to_json()


def test_partner_map_tints_the_regions_own_kreis_and_its_partners_kreise():
    region = pd.Series({"ags": "06411000", "name": "Darmstadt", "lon": 8.65, "lat": 49.87})
    partners = pd.DataFrame({"ags": ["06412000"], "name": ["Frankfurt"], "bez": ["Stadt"], "land": ["Hessen"],
                             "lon": [8.68], "lat": [50.11], "events": [2]})
    kreise = pd.DataFrame({"ags": ["06411", "06412", "06413"], "name": ["Darmstadt", "Frankfurt", "Offenbach"],
                           "bez": "Kreisfreie Stadt"})
    laender = pd.DataFrame(columns=["ags", "geojson"])
    fig = maps.partner_map(region, partners, laender, kreise=kreise, geometry_url="app/static/geo/kreis-x.geojson")
    background = fig.data[0]
    assert background.type == "choropleth" and list(background.z) == [2, 1, 0]
    assert maps.partner_map(region, partners, laender).data[0].type != "choropleth"  # no file, no background


def test_map_bundle_is_refused_when_its_checksum_differs(tmp_path):
    import io
    import tarfile

    import pytest

    from koopatlas.web import mapview

    tarball = tmp_path / "bundle.tgz"
    with tarfile.open(tarball, "w:gz") as archive:
        script = b"window.Plotly = {};"
        info = tarfile.TarInfo("package/plotly-geo.min.js")
        info.size = len(script)
        archive.addfile(info, io.BytesIO(script))
    target = tmp_path / "plotly-geo.min.js"
    with pytest.raises(ValueError, match="checksum"):
        mapview.fetch_bundle(tarball.as_uri(), target)
    assert not target.exists()  # nothing unverified is served


def test_a_land_keeps_its_own_colour_in_the_network_whatever_else_is_shown():
    from koopatlas.web import network

    def colours(rows: list[tuple[str, str, str, str]]) -> dict[str, str]:
        edges = pd.DataFrame([(a, a, la, b, b, lb, 1) for a, la, b, lb in rows],
                             columns=["ags_a", "name_a", "land_a", "ags_b", "name_b", "land_b", "events"])
        fig = network.figure.__wrapped__(edges, {f"{n:02d}": f"Land {n}" for n in range(1, 17)})
        return {t.name: t.marker.color for t in fig.data if t.mode == "markers"}

    all_sixteen = colours([(f"{n:02d}001", f"{n:02d}", f"{n + 1:02d}001", f"{n + 1:02d}") for n in range(1, 16)])
    assert len(set(all_sixteen.values())) == 16  # no two Länder alike
    two = colours([("14001", "14", "09001", "09")])
    assert two == {"Land 9": all_sixteen["Land 9"], "Land 14": all_sixteen["Land 14"]}
