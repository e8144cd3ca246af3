"""Ingest throughput on 2,000 documents with one and with two worker processes, and a re-ingest
of the same folder (target: two workers ≥ 1.6× one; the re-ingest adds 0 rows).

The documents are the sample corpus's five releases, each repeated with a different closing line
so every text is new. Figures go to bench/results/ingest.json.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path

import duckdb

from koopatlas import config, ingest
from koopatlas.sources import expand

RESULTS = Path("bench/results")
N_DOCS = 2000


def _corpus(folder: Path, n: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((config.DATA_DIR / "samples").glob("*.txt"))]
    for i in range(n):
        # the numbered sentence goes under the headline: the cleaner may cut a release's closing lines
        title, _, body = texts[i % len(texts)].partition("\n")
        (folder / f"meldung_{i:05}.txt").write_text(f"{title}\nDies ist die Meldung Nummer {i} des Pressedienstes.\n{body}",
                                                     encoding="utf-8")
    return list(expand([str(folder)]))


def _rows(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return sum(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 - fixed table names
                   for t in ("documents", "events", "event_participants", "event_topics"))
    finally:
        con.close()


def main() -> dict:
    out: dict = {"documents": N_DOCS}
    with tempfile.TemporaryDirectory() as tmp:
        items = _corpus(Path(tmp), N_DOCS)
        # the first ingest of a process starts the forkserver, which builds the extractor once for
        # all later workers: timed apart, so both runs below start alike
        warm = Path(tmp) / "warm.duckdb"
        shutil.copyfile(config.db_path(), warm)
        t0 = time.perf_counter()
        ingest.ingest(items[:4], warm, force=True, workers=2, progress=False)
        out["first_ingest_start_s"] = round(time.perf_counter() - t0, 1)
        for workers in (1, 2):
            db = Path(tmp) / f"ingest_{workers}.duckdb"
            shutil.copyfile(config.db_path(), db)
            t0 = time.perf_counter()
            report = ingest.ingest(items, db, force=True, workers=workers, progress=False)
            out[f"workers_{workers}"] = {"seconds": round(time.perf_counter() - t0, 1),
                                         "docs_per_s": round(report.docs_per_s, 1), "stored": report.stored}
        out["speedup"] = round(out["workers_2"]["docs_per_s"] / out["workers_1"]["docs_per_s"], 2)
        before = _rows(db)
        report = ingest.ingest(items, db, workers=2, progress=False)
        out["reingest"] = {"unchanged": report.unchanged, "rows_added": _rows(db) - before,
                           "docs_per_s": round(report.docs_per_s, 1)}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "ingest.json").write_text(json.dumps(out, indent=2))
    return out


if __name__ == "__main__":
    print(json.dumps(main(), indent=2))
