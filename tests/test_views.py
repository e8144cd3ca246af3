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
