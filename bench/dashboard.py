"""Dashboard benchmark on 100,000 SYNTHETIC events over real AGS.

The database is written to bench/results/synthetic.duckdb (git-ignored), every document is
titled "[SYNTHETISCH] …" and it is never the app's default database. Measured:
* every dashboard query, p95 over several filter combinations (target ≤ 100 ms);
* the map page in headless Chromium: first render (≤ 3 s) and a filter change (≤ 1.5 s);
* the resident memory of the app process (≤ 600 MB).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from koopatlas import config, queries, store

RESULTS = Path("bench/results")
SYNTHETIC_DB = RESULTS / "synthetic.duckdb"
N_EVENTS = 100_000
TOPICS = ["arbeit", "wirtschaft", "migration", "bildung", "jugend_soziales", "gesundheit", "mobilitaet",
          "digitalisierung", "verwaltung", "beteiligung", "ehrenamt", "sicherheit", "umwelt", "kultur_tourismus",
          "raum", "finanzen"]
TYPES = ["besuch", "arbeitstreffen", "vernetzung", "projekt", "vereinbarung", "partnerschaft", "sonstiges"]
DASHBOARD_QUERIES = ["kpis", "map_kreise", "map_points", "map_edges", "land_matrix", "topic_counts", "topic_trend",
                     "topic_land", "events_table", "network_degree", "region_partners", "region_events"]
FILTERS = [
    {},
    {"topics": ["umwelt", "raum"]},
    {"laender": ["09", "14"]},
    {"year_from": 2015, "year_to": 2020},
    {"event_types": ["besuch"], "laender": ["05"]},
]


def build_synthetic(path: Path = SYNTHETIC_DB, n_events: int = N_EVENTS, seed: int = 42) -> Path:
    """Copy the real reference tables and add n synthetic events between real authorities."""
    source = store.connect(config.db_path(), read_only=True)
    reference = {t: source.table(t).df() for t in store.REFERENCE_TABLES}
    source.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    con = duckdb.connect(str(path))
    store.ensure_schema(con)
    for table, frame in reference.items():
        store.insert_frame(con, table, frame)

    rng = np.random.default_rng(seed)
    regions = reference["regions"]
    kreise = regions[regions["level"] == "kreis"]["ags"].to_numpy()
    towns = regions[(regions["level"] == "gemeinde") & ~regions["kreisfrei"]]["ags"].to_numpy()
    pool = np.concatenate([kreise, rng.choice(towns, 3000, replace=False)])
    ids = np.array([f"syn{i:06d}" for i in range(n_events)])
    years = rng.integers(2000, 2026, n_events).astype(float)
    years[rng.random(n_events) < 0.3] = np.nan  # like the real data, many events have no year
    docs = pd.DataFrame({
        "doc_id": ids, "name": ids, "source": "synthetisch", "title": [f"[SYNTHETISCH] Ereignis {i}" for i in ids],
        "raw_text": "Synthetischer Datensatz für Leistungsmessungen.", "clean_text": "Synthetischer Datensatz.",
    })
    events = pd.DataFrame({
        "event_id": ids, "doc_id": ids, "relevant": True, "year": pd.array(years, dtype="Int64"),
        "event_type": rng.choice(TYPES, n_events), "title": docs["title"],
    })
    sizes = rng.integers(2, 6, n_events)
    parts = pd.DataFrame({
        "event_id": np.repeat(ids, sizes), "ags": rng.choice(pool, sizes.sum()), "role": "participant",
        "confidence": 0.8,
    }).drop_duplicates(["event_id", "ags"])
    n_topics = rng.integers(1, 4, n_events)
    topics = pd.DataFrame({"event_id": np.repeat(ids, n_topics), "topic": rng.choice(TOPICS, n_topics.sum())})
    for table, frame in (("documents", docs), ("events", events), ("event_participants", parts),
                         ("event_topics", topics.drop_duplicates())):
        store.insert_frame(con, table, frame)
    store.refresh_facts(con)
    con.execute("CHECKPOINT")
    con.close()
    return path


def time_queries(path: Path, repeats: int = 7) -> dict[str, dict[str, float]]:
    """p50/p95 per dashboard query over the filter combinations, as the app runs them
    (the unfiltered case of the heavy queries reads its materialised view)."""
    con = duckdb.connect(str(path), read_only=True)
    out = {}
    for name in DASHBOARD_QUERIES:
        times = []
        for f in FILTERS:
            params = {"topics": [], "laender": [], "event_types": [], "year_from": None, "year_to": None,
                      "search": None, "ags": "09162", "limit": 1200} | f
            materialised = not f and (config.QUERIES_DIR / f"{name}_all.sql").is_file()
            name_run = f"{name}_all" if materialised else name
            queries.run(con, name_run, params)  # warm-up
            for _ in range(repeats):
                t0 = time.perf_counter()
                queries.run(con, name_run, params)
                times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        out[name] = {"p50_ms": round(statistics.median(times), 1),
                     "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1)}
    con.close()
    return out


def _rss_mb(pid: int) -> tuple[float, float]:
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def time_browser(path: Path, port: int = 8599) -> dict[str, float]:
    """First render of the map page and a filter change, in headless Chromium."""
    from playwright.sync_api import sync_playwright

    env = dict(os.environ, KOOPATLAS_DB=str(path.resolve()))
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run"]
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
            results = {}
            for attempt in ("cold", "warm"):
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                t0 = time.perf_counter()
                page.goto(url)
                page.wait_for_selector(".js-plotly-plot .choroplethlocation", timeout=120_000)
                results[f"first_render_{attempt}_s"] = round(time.perf_counter() - t0, 2)
                page.close()
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url)
            page.wait_for_selector(".js-plotly-plot .choroplethlocation", timeout=120_000)
            before = page.locator("[data-testid='stMetricValue']").first.inner_text()
            box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").nth(1).locator("input")
            box.click()
            box.type("Sachsen-Anhalt")
            t0 = time.perf_counter()
            page.keyboard.press("Enter")
            page.wait_for_function(
                "b => document.querySelector(\"[data-testid='stMetricValue']\").innerText !== b", arg=before,
                timeout=60_000)
            page.wait_for_selector(".js-plotly-plot .choroplethlocation")
            page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
            results["filter_change_s"] = round(time.perf_counter() - t0, 2)
            browser.close()
        rss, peak = _rss_mb(proc.pid)
        results["app_rss_mb"] = round(rss, 1)
        results["app_peak_rss_mb"] = round(peak, 1)
        return results
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def main() -> dict:
    t0 = time.perf_counter()
    path = build_synthetic()
    built = round(time.perf_counter() - t0, 1)
    result = {"synthetic_events": N_EVENTS, "build_s": built, "queries": time_queries(path)}
    result["browser"] = time_browser(path)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "dashboard.json").write_text(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    print(json.dumps(main(), indent=2))
