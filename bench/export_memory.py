"""The Ereignisse download at one million synthetic events: the streamed CSV and Parquet routes
against the export built in memory (target: the app's memory stays flat with the export's size).

The app serves bench/results/synthetic_1000000.duckdb (bench.dashboard builds and caches it);
each download is read in chunks and thrown away while the server's resident memory is sampled.
The in-memory way (analyst_table + to_csv, as the page built every download before issue 11)
runs in a child process of its own for its peak. Figures go to bench/results/export.json.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from bench import dashboard
from koopatlas.web import server

RESULTS = Path("bench/results")

_IN_MEMORY = """
import resource, sys, time
from pathlib import Path
from koopatlas import queries, store
from koopatlas.extract.topics import topic_labels
from koopatlas.web import export, filters
con = store.connect(Path(sys.argv[1]), read_only=True)
params = filters.Filters().params(limit=10**12)
t0 = time.perf_counter()
table = export.analyst_table(queries.run(con, "events_table", params), topic_labels(), filters.EVENT_TYPE_LABELS)
size = len(export.to_csv(table))
print(size, time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _download(url: str, pid: int) -> dict:
    """Fetch ``url`` in 64 KB reads while a thread samples the server's RSS every 20 ms."""
    samples: list[float] = []
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            samples.append(_rss_mb(pid))
            time.sleep(0.02)

    before = _rss_mb(pid)
    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    t0 = time.perf_counter()
    size = 0
    with urllib.request.urlopen(url, timeout=600) as response:
        first = None
        while chunk := response.read(1 << 16):
            first = first or time.perf_counter() - t0
            size += len(chunk)
    seconds = time.perf_counter() - t0
    done.set()
    watcher.join()
    return {"mb": round(size / 1e6, 1), "seconds": round(seconds, 2), "first_byte_s": round(first or 0, 2),
            "rss_before_mb": round(before, 1), "rss_max_mb": round(max(samples, default=before), 1),
            "rss_after_mb": round(_rss_mb(pid), 1)}


def main() -> dict:
    path, _ = dashboard.synthetic(1_000_000)
    out: dict = {"events": 1_000_000}
    RESULTS.mkdir(parents=True, exist_ok=True)
    log = (RESULTS / "export_server.log").open("w")
    proc = server.start(port=8597, env=dict(os.environ, KOOPATLAS_DB=str(path.resolve())), output=log)
    try:
        base = "http://127.0.0.1:8597/export/ereignisse"
        out["csv_two_laender"] = _download(f"{base}.csv?land=09,14", proc.pid)
        out["csv_all"] = _download(f"{base}.csv", proc.pid)
        out["parquet_all"] = _download(f"{base}.parquet", proc.pid)
        out["csv_all_again"] = _download(f"{base}.csv", proc.pid)
    finally:
        server.stop(proc)
        log.close()
    child = subprocess.run([sys.executable, "-c", _IN_MEMORY, str(path)], capture_output=True, text=True, check=True)
    size, seconds, peak = child.stdout.strip().splitlines()[-1].split()[-3:]
    out["in_memory_csv_all"] = {"mb": round(int(size) / 1e6, 1), "seconds": round(float(seconds), 2),
                                "process_peak_mb": round(float(peak), 1)}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "export.json").write_text(json.dumps(out, indent=2))
    return out


if __name__ == "__main__":
    print(json.dumps(main(), indent=2))
