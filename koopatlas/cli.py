"""Command line: ``python -m koopatlas <command>``.

geo      load the official boundaries, regions and gazetteer into DuckDB
build    geo + ingest the sample corpus (and ../shared/corpus when present)
extract  print one JSON object per document (files, folders, URLs)
ingest   extract and store into DuckDB; idempotent
eval     precision/recall/F1 against gold labels (--cv K: cross-validated, training figures beside)
train    fit the extraction model from labelled folders (default ../shared/seeds and ../shared/corpus)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from koopatlas import config


def cmd_geo(args: argparse.Namespace) -> int:
    from koopatlas import gazetteer, geo, store
    from koopatlas.extract import foreign

    t0 = time.perf_counter()
    source = geo.locate_source(allow_download=not args.no_download)
    print(f"Grenzen: {source}")
    layers = geo.read_layers(source)
    regions = geo.regions_frame(layers)
    associations, members = geo.associations_frame(layers)
    shapes = geo.shapes_frame(layers)
    aliases = gazetteer.read_aliases()
    names = gazetteer.build_names(regions, associations, aliases)
    sizes = geo.write_display_files(shapes, regions, config.geo_cache_dir())
    with store.writable(args.db) as con:
        store.replace_reference(
            con,
        {
                "regions": regions,
                "region_shapes": shapes,
                "region_names": names,
                "associations": associations,
                "association_members": members,
                "aliases": aliases.assign(year=aliases["year"].astype(int)),
                "foreign_names": foreign.build_names(),
            },
        )
    counts = regions["level"].value_counts().to_dict()
    print(
        f"{counts.get('land', 0)} Länder, {counts.get('kreis', 0)} Kreise, {counts.get('gemeinde', 0)} Gemeinden, "
        f"{len(associations)} Verbände, {len(names)} Namensvarianten → {args.db or config.db_path()}"
    )
    print("GeoJSON: " + ", ".join(f"{k} {v / 1024:.0f} KB" for k, v in sizes.items()))
    print(f"fertig in {time.perf_counter() - t0:.1f} s")
    return 0


def _extractor(db: Path | None):
    """The extractor with the gazetteer from DuckDB (read-only; nothing else is needed)."""
    from koopatlas import store
    from koopatlas.extract import Extractor

    path = db or config.db_path()
    if not path.is_file():
        raise FileNotFoundError(f"{path} does not exist: run `make build` (or `python -m koopatlas geo`) first")
    con = store.connect(path, read_only=True)
    try:
        return Extractor.from_db(con)
    finally:
        con.close()


def cmd_extract(args: argparse.Namespace) -> int:
    import json

    from koopatlas.sources import SourceError, expand, load

    extractor = _extractor(args.db)
    failed = 0
    for item in expand(args.paths):
        try:
            event = extractor.extract(load(item))
        except SourceError as exc:
            print(f"Fehler: {exc}", file=sys.stderr)
            failed += 1
            continue
        print(json.dumps(event.as_gold(), ensure_ascii=False, default=str))
    return 1 if failed else 0


def ingest_paths(paths: list[str], db: Path | None, force: bool = False, progress: bool = True,
                 workers: int | None = None):
    """Extract (in worker processes) and store; returns the ingest.Report."""
    from koopatlas import ingest
    from koopatlas.sources import expand

    return ingest.ingest(list(expand(paths)), db, force=force, workers=workers, progress=progress)


def _print_report(report, prefix: str = "") -> int:
    """Warnings and failures (one line each, naming the file) to stderr, the totals to stdout."""
    for warning in report.warnings:
        print(f"Warnung: {warning}", file=sys.stderr)
    for failure in report.failures:
        print(f"Fehler: {failure}", file=sys.stderr)
    rate = f"{report.docs_per_s:.1f}".replace(".", ",")
    print(f"{prefix}{report.stored} gespeichert, {report.unchanged} unverändert, {len(report.failures)} fehlgeschlagen "
          f"({rate} Dok./s, {report.workers} Prozess{'e' if report.workers > 1 else ''})")
    return 1 if report.failures else 0


def cmd_ingest(args: argparse.Namespace) -> int:
    import json

    report = ingest_paths(args.paths, args.db, force=args.force, workers=args.workers)
    if args.report:
        with args.report.open("w", encoding="utf-8") as handle:
            for record in report.records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return _print_report(report)


def sample_paths() -> list[str]:
    """The sample corpus shipped in data/samples, plus ../shared/corpus when it exists."""
    paths = [str(config.DATA_DIR / "samples")]
    shared = config.SHARED_DIR / "corpus"
    if shared.is_dir():
        paths.append(str(shared))
    return paths


def cmd_build(args: argparse.Namespace) -> int:
    code = cmd_geo(args)
    if code:
        return code
    # the build re-extracts the sample corpus, so it reflects the current extractor
    return _print_report(ingest_paths(sample_paths(), args.db, force=True, progress=False), "Beispielkorpus: ")


def _gold_pairs(items: list[Path]) -> list[tuple[Path, Path]]:
    """GOLD DIR pairs; a folder alone means FOLDER/gold.jsonl with its documents."""
    pairs, rest = [], list(items)
    while rest:
        first = rest.pop(0)
        if first.is_dir():
            pairs.append((first / "gold.jsonl", first))
        elif rest:
            pairs.append((first, rest.pop(0)))
        else:
            raise FileNotFoundError(f"{first}: a gold file needs the folder of its documents after it")
    for gold, folder in pairs:
        if not gold.is_file():
            raise FileNotFoundError(f"{gold}: gold file not found")
        if not folder.is_dir():
            raise FileNotFoundError(f"{folder}: document folder not found")
    return pairs


def default_training_sets() -> list[Path]:
    """../shared/seeds and ../shared/corpus, where they exist."""
    return [d for d in (config.SHARED_DIR / "seeds", config.SHARED_DIR / "corpus") if (d / "gold.jsonl").is_file()]


def cmd_eval(args: argparse.Namespace) -> int:
    from koopatlas.evaluate import side_by_side
    from koopatlas.extract import training

    extractor = _extractor(args.db)
    items = training.analyse_labelled(extractor, _gold_pairs(args.sets))
    if args.cv:
        if args.cv < 2 or args.cv > len(items):
            print(f"Fehler: --cv needs 2 ≤ K ≤ {len(items)} (documents)", file=sys.stderr)
            return 2
        first = training.cross_validate(extractor, items, args.cv)
        if args.verbose:
            print(first.held_out.report(verbose=True).rsplit("documents:", 1)[0].rstrip())
        # other assignments of sources to folds: how much is the luck of one
        runs = [first] + [training.cross_validate(extractor, items, args.cv, str(r)) for r in range(1, args.repeats)]
        if args.repeats > 1:
            print(f"over {args.repeats} fold assignments (mean ± sd): " + _figures([r.held_out for r in runs]))
        if len(first.by_set) > 1:  # each labelled set's documents, held out from models that learnt from all sets
            label = f"mean ± sd of {args.repeats}" if args.repeats > 1 else "held out"
            for name, scores in first.by_set.items():
                print(f"{name} ({scores.documents} documents), {label}: " + _figures([r.by_set[name] for r in runs]))
        print(side_by_side(first.held_out, first.training, args.cv))
        return 0
    if extractor.model is None:
        raise FileNotFoundError("no model file: run `python -m koopatlas train` first")
    print(training.score(extractor, items, extractor.model).report(verbose=args.verbose))
    return 0


def _figures(runs: list) -> str:
    """The five headline figures of one run, or their mean ± sd over several."""
    heads = [r.headline() for r in runs]
    if len(heads) == 1:
        return " · ".join(f"{name} {value:.3f}" for name, value in heads[0].items())
    return " · ".join(f"{name} {statistics.mean(h[name] for h in heads):.3f} ± "
                      f"{statistics.pstdev(h[name] for h in heads):.3f}" for name in heads[0])


def cmd_train(args: argparse.Namespace) -> int:
    from koopatlas.extract import training
    from koopatlas.extract.model import MODEL_PATH

    sets = args.sets or default_training_sets()
    if not sets:
        raise FileNotFoundError(f"no labelled folders given and none found in {config.SHARED_DIR}")
    extractor = _extractor(args.db)
    items = training.analyse_labelled(extractor, _gold_pairs(sets))
    model = training.fit_model(extractor, items)
    out = args.out or MODEL_PATH
    model.save(out)
    print(f"{len(items)} Dokumente ({model.meta['relevant']} relevant) → {out}")
    for part in model.PARTS:
        top = ", ".join(f"{f}{'' if c == '1' else f'[{c}]'} {w:+.2f}" for c, f, w in getattr(model, part).strongest(6))
        print(f"  {part}: {top}")
    return 0


def cmd_population(args: argparse.Namespace) -> int:
    """Inhabitants per Kreis and Gemeinde (BKG VG250-EW) into the database, for per-capita figures."""
    from koopatlas import population, queries, store

    try:
        folder = population.locate(args.source, allow_download=not args.no_download)
        frame = population.read(folder)
    except population.PopulationError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return 2
    with store.writable(args.db) as con, store.transaction(con):
        con.register("population_frame", frame)
        queries.execute(con, "replace_population", {"stand": folder.name})
        con.unregister("population_frame")
    print(f"Einwohnerzahlen: {len(frame):,} Kreise und Gemeinden aus {folder}".replace(",", "."))
    return 0


def cmd_export_gold(args: argparse.Namespace) -> int:
    """Reviewed documents as gold.jsonl plus their texts: a folder ``train`` and ``eval`` read."""
    import json
    import re as _re

    from koopatlas import curation, queries, store

    out: Path = args.out
    con = store.connect(args.db, read_only=True)
    try:
        records = list(curation.gold_records(con))
        out.mkdir(parents=True, exist_ok=True)
        seen: set[str] = set()
        with (out / "gold.jsonl").open("w", encoding="utf-8") as fh:
            for rec in records:
                stem = _re.sub(r"[^\w.-]+", "_", rec["id"]).strip("._") or "dokument"
                while stem in seen:
                    stem += "_"
                seen.add(stem)
                rec["id"] = stem
                text = queries.run(con, "document_text", {"doc_id": rec.pop("doc_id")})
                (out / f"{stem}.txt").write_text(text["clean_text"].iloc[0], encoding="utf-8")
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    finally:
        con.close()
    print(f"{len(records)} geprüfte Dokumente nach {out / 'gold.jsonl'} geschrieben")
    return 0


def cmd_user(args: argparse.Namespace) -> int:
    import getpass

    from koopatlas import auth

    if args.action == "list":
        print("\n".join(auth.list_users()) or "(keine Benutzer)")
        return 0
    if not args.name:
        print("Fehler: user add/remove needs a NAME", file=sys.stderr)
        return 2
    if args.action == "remove":
        ok = auth.remove_user(args.name)
        print(f"{args.name} entfernt" if ok else f"Fehler: no user {args.name}", file=sys.stdout if ok else sys.stderr)
        return 0 if ok else 1
    if args.password_stdin or not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(f"Passwort für {args.name}: ")
        if getpass.getpass("Passwort wiederholen: ") != password:
            print("Fehler: the passwords differ", file=sys.stderr)
            return 1
    try:
        new = auth.add_user(args.name, password)
    except auth.AuthError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return 1
    from koopatlas import config as _config

    print(f"{args.name} {'angelegt' if new else 'Passwort neu gesetzt'} in {_config.users_path()}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m koopatlas", description="Kooperationsatlas tools")
    parser.add_argument("--db", type=Path, default=None, help="DuckDB file (default: data/koopatlas.duckdb)")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func, text in (
        ("geo", cmd_geo, "load boundaries, regions and gazetteer into DuckDB"),
        ("build", cmd_build, "geo + sample corpus: everything the app needs"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("--no-download", action="store_true", help="never download boundaries from BKG")
        p.set_defaults(func=func)
    p = sub.add_parser("extract", help="print one JSON object per document")
    p.add_argument("paths", nargs="+", help="files, folders or http(s) URLs")
    p.set_defaults(func=cmd_extract)
    p = sub.add_parser("ingest", help="extract and store into DuckDB (idempotent)")
    p.add_argument("paths", nargs="+", help="files, folders or http(s) URLs")
    p.add_argument("--force", action="store_true", help="extract again documents already stored")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="processes reading and extracting in parallel (default: one per core, at most 8)")
    p.add_argument("--report", type=Path, default=None, metavar="FILE",
                   help="write one JSON line per input: item, status (stored/unchanged/failed), message, seconds")
    p.set_defaults(func=cmd_ingest)
    p = sub.add_parser("eval", help="score the extractor against gold labels")
    p.add_argument("sets", nargs="+", type=Path, metavar="GOLD DIR",
                   help="gold.jsonl and the folder of its documents (file stem = gold id); repeatable")
    p.add_argument("--cv", type=int, default=0, metavar="K",
                   help="K-fold cross-validation: train on K-1 folds, score the held-out one; training figures beside")
    p.add_argument("--repeats", type=int, default=1, metavar="N",
                   help="with --cv: N assignments of sources to folds, mean ± sd of the CV figures")
    p.add_argument("-v", "--verbose", action="store_true", help="list the errors per document")
    p.set_defaults(func=cmd_eval)
    p = sub.add_parser("train", help="fit the extraction model from labelled folders")
    p.add_argument("sets", nargs="*", type=Path, metavar="GOLD DIR",
                   help="gold.jsonl and its folder, repeatable (default: ../shared/seeds and ../shared/corpus)")
    p.add_argument("--out", type=Path, default=None, help="model file (default: the package's model.json)")
    p.set_defaults(func=cmd_train)
    p = sub.add_parser("population", help="inhabitants per Kreis and Gemeinde (BKG VG250-EW), optional")
    p.add_argument("--from", dest="source", type=Path, default=None, help="folder with the VG250-EW shapefiles")
    p.add_argument("--no-download", action="store_true", help="never download from BKG")
    p.set_defaults(func=cmd_population)
    p = sub.add_parser("export-gold", help="reviewed documents in the gold format (for train/eval)")
    p.add_argument("out", type=Path, help="folder for gold.jsonl and the documents' texts")
    p.set_defaults(func=cmd_export_gold)
    p = sub.add_parser("user", help="editors' logins (hashed, outside git): add, remove, list")
    p.add_argument("action", choices=("add", "remove", "list"))
    p.add_argument("name", nargs="?")
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    p.set_defaults(func=cmd_user)
    args = parser.parse_args(argv)
    from koopatlas.geo import GeodataError

    try:
        return args.func(args)
    except (GeodataError, FileNotFoundError) as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return 2
