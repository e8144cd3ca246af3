"""The materialised unfiltered views equal the live queries without filters."""

import pandas as pd
import pytest

from koopatlas import queries
from koopatlas.store import UNFILTERED


@pytest.mark.parametrize(("name", "limit"), [("map_kreise", None), ("network_degree", 200), ("map_edges", 300),
                                              ("events_table", 50)])
def test_view_matches_the_live_query(con, name, limit):
    params = UNFILTERED | ({"limit": limit} if limit else {})
    live = queries.run(con, name, params)
    view = queries.run(con, f"{name}_all", params)[live.columns]
    key = [c for c in live.columns if live[c].dtype != object or c in ("ags", "ags_a", "ags_b", "event_id")]
    pd.testing.assert_frame_equal(live.sort_values(key).reset_index(drop=True),
                                  view.sort_values(key).reset_index(drop=True), check_dtype=False)


def test_refresh_upgrades_an_older_facts_table(tmp_path):
    """A database written before a column was added to event_facts is rebuilt, not broken."""
    import duckdb

    from koopatlas import store

    con = duckdb.connect(str(tmp_path / "old.duckdb"))
    store.ensure_schema(con)
    con.execute("DROP TABLE event_facts")
    con.execute("CREATE TABLE event_facts (event_id VARCHAR, doc_id VARCHAR)")  # an older shape
    store.refresh_facts(con)
    assert "kreise" in [c[0] for c in con.execute("DESCRIBE event_facts").fetchall()]


def test_bit_mask_filters_agree_with_the_topic_and_land_lists(con):
    """The filters test bit masks; every single topic and Land selects what the lists say."""
    lists = con.execute("SELECT topics, laender FROM event_facts").fetchall()
    topics = sorted({t for ts, _ in lists for t in ts})
    laender = sorted({land for _, ls in lists for land in ls})
    assert topics and laender
    for topic in topics:
        expected = sum(topic in ts for ts, _ in lists)
        assert queries.run(con, "kpis", UNFILTERED | {"topics": [topic]}).iloc[0]["events"] == expected, topic
    for land in laender:
        expected = sum(land in ls for _, ls in lists)
        assert queries.run(con, "kpis", UNFILTERED | {"laender": [land]}).iloc[0]["events"] == expected, land
    both = sum(bool({"09", "14"} & set(ls)) for _, ls in lists)
    assert queries.run(con, "kpis", UNFILTERED | {"laender": ["09", "14"]}).iloc[0]["events"] == both


FILTER_CASES = [
    {},
    {"topics": ["umwelt", "verwaltung"]},
    {"laender": ["09", "14"]},
    {"laender": ["03", "05"], "land_all": True},
    {"year_from": 2015, "year_to": 2022, "undated": False},
    {"event_types": ["besuch", "projekt"]},
    {"ost_west": "ostwest"},
    {"ebene": "gemischt"},
    {"laender": [f"{n:02d}" for n in range(1, 17)]},  # all Länder is no restriction
]


def _naive(con, f):
    """Pair and point counts computed the plain way, from the events and their participants."""
    events = con.execute("SELECT event_id, year, event_type, topics, laender, level_mask FROM event_facts").df()
    parts = con.execute("SELECT DISTINCT event_id, ags FROM event_participants WHERE role = 'participant'").df()
    east, west = {f"{n}" for n in range(11, 17)}, {f"{n:02d}" for n in range(1, 11)}
    keep = []
    for e in events.astype({"year": object}).itertuples():
        lands, year = set(e.laender), None if pd.isna(e.year) else int(e.year)
        if year is None:
            ok = f.get("undated", True)
        else:
            ok = f.get("year_from") is None or f["year_from"] <= year <= f["year_to"]
        ok &= not f.get("event_types") or e.event_type in f["event_types"]
        ok &= not f.get("topics") or bool(set(f["topics"]) & set(e.topics))
        wanted = set(f.get("laender", []))
        if wanted and len(wanted) < 16:
            ok &= wanted <= lands if f.get("land_all") and len(wanted) > 1 else bool(wanted & lands)
        if f.get("ost_west") == "ostwest":
            ok &= bool(lands & east) and bool(lands & west)
        if f.get("ebene") == "gemischt":
            ok &= e.level_mask == 3
        keep.append(ok)
    chosen = parts[parts["event_id"].isin(set(events[keep]["event_id"]))]
    pairs = chosen.merge(chosen, on="event_id")
    pairs = pairs[pairs["ags_x"] < pairs["ags_y"]]
    edges = pairs.groupby(["ags_x", "ags_y"]).size().to_dict()
    points = chosen.groupby("ags").size().to_dict()
    return int(sum(keep)), edges, points


@pytest.mark.parametrize("f", FILTER_CASES, ids=[str(i) for i in range(len(FILTER_CASES))])
def test_prepared_pairs_and_participations_equal_a_plain_computation(con, f):
    """The dashboard reads event_parties / event_pairs with the filter columns copied onto them;
    under every filter they must count what the events and their participants say."""
    from koopatlas.web.filters import Filters

    state = Filters(**{k: tuple(v) if isinstance(v, list) else v for k, v in f.items()})
    params = UNFILTERED | state.params() | {"limit": 1_000_000}
    events, edges, points = _naive(con, f)
    assert queries.run(con, "kpis", params).iloc[0]["events"] == events
    got = queries.run(con, "map_edges", params)
    assert {tuple(sorted((r.ags_a, r.ags_b))): r.events for r in got.itertuples()} == edges
    kinds = dict(con.execute("SELECT ags, level = 'gemeinde' OR kreisfrei FROM regions").fetchall())
    got_points = queries.run(con, "map_points", params)
    assert dict(zip(got_points["ags"], got_points["events"], strict=True)) == {
        a: n for a, n in points.items() if kinds.get(a)}
    degree = queries.run(con, "network_degree", params)
    partners: dict[str, set] = {}
    for a, b in edges:
        partners.setdefault(a, set()).add(b)
        partners.setdefault(b, set()).add(a)
    assert dict(zip(degree["ags"], degree["partner"], strict=True)) == {a: len(p) for a, p in partners.items()}
