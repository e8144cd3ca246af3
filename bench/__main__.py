"""Run every benchmark: ``python -m bench`` (``make bench``).

Each benchmark runs in its own process, so a peak-memory figure is that benchmark's alone.
The dashboard runs first: its browser timings are the most sensitive to this VM slowing down
under sustained load (the extraction bench keeps a core busy for a minute).
"""

import subprocess
import sys

BENCHMARKS = [
    ("dashboard on 100,000 synthetic events (targets: queries p95 ≤ 100 ms, first render ≤ 3 s, "
     "filter change ≤ 1.5 s, app ≤ 600 MB)", "bench.dashboard"),
    ("the Ereignisse download at 1,000,000 synthetic events, streamed against built in memory (target: the app's "
     "memory flat with the export's size)", "bench.export_memory"),
    ("the dashboard's derived tables after an ingest at 1,000,000 synthetic events: its documents only "
     "against the full rebuild", "bench.refresh"),
    ("an editor's correction at 100,000 and 1,000,000 synthetic events (in place, no file copy)", "bench.editing"),
    ("ingest of 2,000 documents with one and two processes (targets: two ≥ 1.6× one, re-ingest adds 0 rows)",
     "bench.ingest_speed"),
    ("extraction (targets: ≥ 500 docs/s of ~3 KB on one core, gazetteer load ≤ 3 s, peak ≤ 500 MB)",
     "bench.extract_speed"),
]

if __name__ == "__main__":
    failed = 0
    for title, module in BENCHMARKS:
        print(f"== {title}", flush=True)
        failed |= subprocess.run([sys.executable, "-m", module], check=False).returncode
    sys.exit(failed)
