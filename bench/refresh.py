"""Refreshing the dashboard's derived tables after an ingest at 1,000,000 SYNTHETIC events:
the documents of the ingest only (refresh_docs.sql + the unfiltered views) against the full
rebuild every write did before (refresh_facts.sql). Target (issue 11): refreshed incrementally
on ingest, so an ingest's cost follows its own size, not the database's.

On a copy of bench/results/synthetic_1000000.duckdb (bench.dashboard builds and caches it), the
events of N stored documents get another year, as a re-extraction would, then both refreshes
run on that state. Figures go to bench/results/refresh.json.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import duckdb

from bench import dashboard
from koopatlas import store

RESULTS = Path("bench/results")
BATCHES = (200, 2_000, 20_000)


def main() -> dict:
    source, _ = dashboard.synthetic(1_000_000)
    out: dict = {"events": 1_000_000}
    work = RESULTS / "refresh_work.duckdb"
    for n in BATCHES:
        shutil.copyfile(source, work)
        con = duckdb.connect(str(work))
        docs = [d for (d,) in con.execute("SELECT doc_id FROM event_facts ORDER BY hash(doc_id) LIMIT ?", [n]).fetchall()]
        con.execute("UPDATE events SET year = 2001 WHERE list_contains(?, doc_id)", [docs])
        t0 = time.perf_counter()
        mode = store.refresh_after_write(con, set(docs))
        partial = time.perf_counter() - t0
        after = con.execute("SELECT count(*) FROM event_facts WHERE year = 2001").fetchone()[0]
        t0 = time.perf_counter()
        store.refresh_facts(con)
        full = time.perf_counter() - t0
        assert con.execute("SELECT count(*) FROM event_facts WHERE year = 2001").fetchone()[0] == after
        con.close()
        out[f"{n:_} documents"] = {"mode": mode, "refresh_s": round(partial, 2), "full_refresh_s": round(full, 2),
                                   "events_moved_to_2001": after}
        print(f"{n:>7,} documents: {mode} refresh {partial:.2f} s, full {full:.2f} s", flush=True)
    work.unlink(missing_ok=True)
    Path(str(work) + ".wal").unlink(missing_ok=True)
    (RESULTS / "refresh.json").write_text(json.dumps(out, indent=2), encoding="utf-8")
    return out


if __name__ == "__main__":
    main()
