"""An editor's save at 100,000 and 1,000,000 SYNTHETIC events (bench/results/, git-ignored).

Measured per size: the in-place correction (journal + one transaction + the edited event's
dashboard rows + the unfiltered views), against what the rejected design would cost per edit
(copying the whole file), and the file size. Target (issue 9): an edit stays interactive at
100 k and does not copy the database.
"""

from __future__ import annotations

import json
import shutil
import statistics
import time
from pathlib import Path

from bench.dashboard import RESULTS, build_synthetic
from koopatlas import curation, store

SIZES = (100_000, 1_000_000)
EDITS = 7


def time_edits(path: Path) -> dict[str, float]:
    con = store.connect(path, read_only=True)
    docs = [r[0] for r in con.execute("SELECT doc_id FROM event_facts ORDER BY eid LIMIT ?", [EDITS]).fetchall()]
    con.close()
    times = []
    for i, doc in enumerate(docs):
        con = store.connect(path, read_only=True)
        state = curation.current(con, doc)
        con.close()
        roles = dict(state["roles"]) | {"16077001": "participant"}
        change = curation.diff(state, state | {"year": 1990 + i, "roles": roles})
        t = time.perf_counter()
        curation.save(path, curation.Correction(doc, "bench", change, "benchmark"))
        times.append(time.perf_counter() - t)
    t = time.perf_counter()
    shutil.copyfile(path, path.with_suffix(".copy"))
    copy = time.perf_counter() - t
    path.with_suffix(".copy").unlink()
    return {"edit_median_s": round(statistics.median(times), 3), "edit_max_s": round(max(times), 3),
            "file_copy_s": round(copy, 3), "size_mb": round(path.stat().st_size / 1e6)}


def main() -> dict:
    out = {}
    for n in SIZES:
        path = RESULTS / f"editing_{n}.duckdb"
        shutil.rmtree(curation.journal_dir(path), ignore_errors=True)
        t = time.perf_counter()
        build_synthetic(path, n)
        built = time.perf_counter() - t
        out[f"{n:_}"] = time_edits(path) | {"build_s": round(built, 1)}
        print(f"{n:>9,} events: {json.dumps(out[f'{n:_}'])}", flush=True)
        path.unlink()
        shutil.rmtree(curation.journal_dir(path), ignore_errors=True)
    (RESULTS / "editing.json").write_text(json.dumps(out, indent=1), encoding="utf-8")
    return out


if __name__ == "__main__":
    main()
