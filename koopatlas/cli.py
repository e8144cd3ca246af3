"""Command line: ``python -m koopatlas <command>``.

geo      load the official boundaries, regions and gazetteer into DuckDB
build    geo (when needed) + ingest the sample corpus: what `make run` needs
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from koopatlas import config


def cmd_geo(args: argparse.Namespace) -> int:
    from koopatlas import geo, gazetteer, store

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


def cmd_build(args: argparse.Namespace) -> int:
    return cmd_geo(args)


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
    args = parser.parse_args(argv)
    from koopatlas.geo import GeodataError

    try:
        return args.func(args)
    except GeodataError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return 2
