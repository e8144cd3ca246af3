"""Run every benchmark: ``python -m bench`` (``make bench``)."""

from bench import extract_speed

if __name__ == "__main__":
    print("== extraction (targets: ≥ 500 docs/s of ~3 KB on one core, gazetteer load ≤ 3 s, peak ≤ 500 MB)")
    import json

    print(json.dumps(extract_speed.main(), indent=2))
