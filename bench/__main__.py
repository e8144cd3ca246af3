"""Run every benchmark: ``python -m bench`` (``make bench``).

The dashboard runs first: its browser timings are the most sensitive to this VM slowing down
under sustained load (the extraction bench keeps a core busy for a minute).
"""

import json

from bench import dashboard, extract_speed

if __name__ == "__main__":
    print("== dashboard on 100,000 synthetic events (targets: queries p95 ≤ 100 ms, first render ≤ 3 s, "
          "filter change ≤ 1.5 s, app ≤ 600 MB)")
    print(json.dumps(dashboard.main(), indent=2))
    print("== extraction (targets: ≥ 500 docs/s of ~3 KB on one core, gazetteer load ≤ 3 s, peak ≤ 500 MB)")
    print(json.dumps(extract_speed.main(), indent=2))
