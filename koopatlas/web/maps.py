"""Plotly map figures drawn from the display geometries in DuckDB, without map tiles."""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from koopatlas import config

#: Plotly config for every map: the empty base topology is served by Streamlit
#: (static/topojson), so no request leaves the machine.
#: No tool bar in Streamlit's Plotly element: its tooltips are English; the mouse wheel zooms,
#: dragging pans and a double click resets (the map caption says so).
PLOTLY_CONFIG = {"displaylogo": False, "topojsonURL": f"{config.STATIC_URL}/topojson/", "scrollZoom": True,
                 "displayModeBar": False}
#: The map component (mapview) registers German tool bar texts, so it keeps zoom, reset and PNG.
#: Plotly 4's „Share chart…“ would upload the figure to Plotly's cloud: never offered.
MAPVIEW_CONFIG = PLOTLY_CONFIG | {"displayModeBar": "hover", "locale": "de", "showSendToCloud": False,
                                  "showEditInChartStudio": False, "showLink": False,
                                  "modeBarButtonsToRemove": ["sendChartToCloud", "select2d", "lasso2d",
                                                             "hoverClosestGeo", "pan2d"]}


@lru_cache(maxsize=20_000)
def _geometry(geojson: str) -> dict:
    """Parsed display geometry; parsed once per process, the maps redraw on every filter change."""
    return json.loads(geojson)


def feature_collection(shapes: pd.DataFrame) -> dict:
    """GeoJSON FeatureCollection of rows with ``ags`` and ``geojson`` columns."""
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "id": ags, "properties": {}, "geometry": _geometry(gj)}
            for ags, gj in zip(shapes["ags"], shapes["geojson"], strict=True)
        ],
    }


def write_geometry(shapes: pd.DataFrame, directory: Path, stem: str) -> Path | None:
    """The shapes as a GeoJSON file named after its content, or None when it cannot be written.

    A map that names this file instead of embedding ~400 KB of polygons sends a fraction of
    the bytes on every render and filter change; the browser fetches the file once. The
    content hash in the name keeps a rebuilt database from meeting a stale cached file.
    """
    text = json.dumps(feature_collection(shapes), separators=(",", ":"))
    path = directory / f"{stem}-{hashlib.sha1(text.encode()).hexdigest()[:12]}.geojson"
    try:
        if not path.is_file():
            directory.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(f"{path.name}.{os.getpid()}.part")
            partial.write_text(text, encoding="utf-8")
            os.replace(partial, path)
        for old in directory.glob(f"{stem}-*.geojson"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        return None
    return path


def outline_trace(shapes: pd.DataFrame, color: str = "#333", width: float = 1.2) -> go.Scattergeo:
    """Borders of the given shapes as one line trace (None separates rings)."""
    lons: list[float | None] = []
    lats: list[float | None] = []
    for gj in shapes["geojson"]:
        geom = _geometry(gj)
        polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        for polygon in polygons:
            for ring in polygon:
                lons.extend([p[0] for p in ring] + [None])
                lats.extend([p[1] for p in ring] + [None])
    return go.Scattergeo(
        lon=lons, lat=lats, mode="lines", line={"color": color, "width": width},
        hoverinfo="skip", showlegend=False, name="Länder",
    )


def base_layout(fig: go.Figure, height: int = 720) -> go.Figure:
    """A bare geo subplot (no tiles, no base layers) fitted to the data, with BKG attribution."""
    fig.update_geos(
        visible=False, fitbounds="locations", projection_type="mercator",
        showcountries=False, showcoastlines=False, showland=False, showframe=False,
        bgcolor="rgba(0,0,0,0)",
    )
    fig.update_layout(
        separators=",.",  # German: decimal comma, thousands dot
        height=height, margin={"l": 0, "r": 0, "t": 0, "b": 0}, dragmode="pan",
        annotations=[
            {
                "text": f'<a href="{config.ATTRIBUTION_URL}">{config.ATTRIBUTION}</a>',
                "showarrow": False, "xref": "paper", "yref": "paper", "x": 1, "y": 0,
                "xanchor": "right", "yanchor": "bottom", "font": {"size": 11, "color": "#444"},
                "bgcolor": "rgba(255,255,255,0.8)",
            }
        ],
    )
    return fig


def blank_map(height: int = 720, geometry_url: str | None = None) -> go.Figure:
    """An empty map frame of the given height, shown while the real map is computed.

    With ``geometry_url`` the browser already fetches the polygons the real map will use.
    """
    fig = go.Figure(go.Scattergeo(lon=[], lat=[], hoverinfo="skip"))
    if geometry_url:
        fig.add_trace(go.Choropleth(geojson=geometry_url, locations=[], z=[], showscale=False, hoverinfo="skip"))
    return base_layout(fig, height=height)


def kreise_map(kreise: pd.DataFrame, laender: pd.DataFrame, value_column: str | None = None,
               value_label: str = "Anzahl") -> go.Figure:
    """Choropleth of the Kreise (plain when no value column) with Länder outlines on top."""
    values = kreise[value_column] if value_column else [0] * len(kreise)
    hover = "<b>%{customdata[0]}</b><br>%{customdata[1]}"
    if value_column:
        hover += f"<br>{value_label}: %{{z}}"
    fig = go.Figure(
        go.Choropleth(
            geojson=feature_collection(kreise), locations=kreise["ags"], z=values,
            featureidkey="id", customdata=kreise[["name", "bez"]].to_numpy(),
            hovertemplate=hover + "<extra></extra>",
            colorscale="Blues" if value_column else [[0, "#e8eef4"], [1, "#e8eef4"]],
            showscale=bool(value_column), marker_line_color="#8a9bb0", marker_line_width=0.4,
            colorbar={"title": {"text": value_label}} if value_column else None,
        )
    )
    fig.add_trace(outline_trace(laender))
    return base_layout(fig)


#: Lines and points drawn on the map at most (the strongest); more would hide the map and slow it down.
MAX_EDGES = 800
MAX_POINTS = 1200


def _labels(codes: str | None, names: dict[str, str]) -> str:
    codes = codes if isinstance(codes, str) else ""
    return ", ".join(names.get(c, c) for c in codes.split(",") if c) or "–"


def with_counts(shapes: pd.DataFrame, counts: pd.DataFrame) -> pd.DataFrame:
    """Kreis shapes (cached once) joined with the event counts and hover facts of the filters."""
    merged = shapes.merge(counts, on="ags", how="left")
    return merged.assign(events=merged["events"].fillna(0).astype(int))


#: Classes of the Kreis colours: 1 event already differs clearly from none (grey).
CLASS_BREAKS = (1, 2, 3, 6, 11, 21, 51)
CLASS_COLOURS = ("#a9cce3", "#7fb3d5", "#5499c7", "#2e86c1", "#21618c", "#1b4f72", "#0e2a40")


def classes(max_events: int) -> list[tuple[int, int | None, str]]:
    """(lowest, highest or None, label) of the classes up to ``max_events``: „1“, „2“, „3–5“ … „51 und mehr“."""
    out = []
    for i, lo in enumerate(CLASS_BREAKS):
        if lo > max(max_events, 1):
            break
        hi = CLASS_BREAKS[i + 1] - 1 if i + 1 < len(CLASS_BREAKS) else None
        label = str(lo) if hi == lo else (f"{lo}–{hi}" if hi else f"{lo} und mehr")
        out.append((lo, hi, label))
    return out


def class_of(events: pd.Series) -> pd.Series:
    """The class index (0 = one event) of each count."""
    import numpy as np

    return pd.Series(np.searchsorted(CLASS_BREAKS, events.to_numpy(), side="right") - 1, index=events.index)


def cooperation_map(kreise: pd.DataFrame, laender: pd.DataFrame, points: pd.DataFrame, edges: pd.DataFrame,
                    topic_names: dict[str, str], height: int = 720, max_edges: int = MAX_EDGES,
                    geometry_url: str | None = None, layers: tuple[str, ...] = ("kreise", "orte", "verbindungen"),
                    ) -> go.Figure:
    """Kreise coloured by events, participating towns as points, partners joined by lines.

    ``geometry_url`` names a GeoJSON file of all Kreise (see write_geometry); without it the
    polygons are embedded in the figure.
    """
    counted = (kreise["events"] > 0) & ("kreise" in layers)
    hover = [
        f"<b>{n}</b><br>{b}<br>Ereignisse: {e}<br>Themen: {_labels(t, topic_names)}<br>"
        f"Partner: {p if isinstance(p, str) else '–'}"
        for n, b, e, t, p in zip(kreise["name"], kreise["bez"], kreise["events"], kreise["top_topics"],
                                 kreise["top_partners"], strict=True)
    ]
    fig = go.Figure()
    active = kreise[counted]
    if len(active):
        steps = classes(int(active["events"].max()))
        n = len(steps)
        scale = []  # one flat band per class
        for i in range(n):
            scale += [[i / n, CLASS_COLOURS[i]], [(i + 1) / n, CLASS_COLOURS[i]]]
        fig.add_trace(go.Choropleth(
            geojson=geometry_url or feature_collection(active), locations=active["ags"], featureidkey="id",
            z=class_of(active["events"]), zmin=-0.5, zmax=n - 0.5,
            colorscale=scale, marker_line_color="#8a9bb0", marker_line_width=0.4,
            colorbar={"title": {"text": "Ereignisse"}, "thickness": 14, "len": 0.6,
                      "tickvals": list(range(n)), "ticktext": [label for _, _, label in steps]},
            hovertext=[h for h, c in zip(hover, counted, strict=True) if c], hoverinfo="text",
            customdata=active["ags"], name="Kreise",
        ))
    empty = kreise[~counted]
    if len(empty):
        fig.add_trace(go.Choropleth(
            geojson=geometry_url or feature_collection(empty), locations=empty["ags"], featureidkey="id",
            z=[0] * len(empty),
            colorscale=[[0, "#eef1f5"], [1, "#eef1f5"]], showscale=False, marker_line_color="#a9b6c6",
            marker_line_width=0.3, hovertext=[h for h, c in zip(hover, counted, strict=True) if not c],
            hoverinfo="text", customdata=empty["ags"], name="ohne Ereignisse",
        ))
    fig.add_trace(outline_trace(laender))
    if len(edges) and "verbindungen" in layers:
        shown = edges.head(max_edges)
        for width, group in shown.groupby(shown["events"].clip(upper=6)):
            lons: list[float | None] = []
            lats: list[float | None] = []
            for row in group.itertuples(index=False):
                lons += [row.lon_a, row.lon_b, None]
                lats += [row.lat_a, row.lat_b, None]
            fig.add_trace(go.Scattergeo(
                lon=lons, lat=lats, mode="lines", hoverinfo="skip", showlegend=False,
                line={"width": 0.6 + 0.7 * float(width), "color": "rgba(200, 80, 40, 0.45)"},
                name=f"{width} gemeinsame Ereignisse",
            ))
    if len(points) and "orte" in layers:
        # area grows with the count, relative to the busiest town, so large databases stay legible
        size = 4 + 14 * (points["events"] / max(int(points["events"].max()), 1)).pow(0.5)
        fig.add_trace(go.Scattergeo(
            lon=points["lon"], lat=points["lat"], mode="markers", name="Städte und Gemeinden",
            marker={"size": size, "color": "#c8502a", "line": {"width": 0.6, "color": "white"}, "opacity": 0.9},
            customdata=points["ags"],
            hovertext=[f"<b>{n}</b><br>{b}<br>Ereignisse: {e}" for n, b, e in
                       zip(points["name"], points["bez"], points["events"], strict=True)],
            hoverinfo="text", showlegend=False,
        ))
    return base_layout(fig, height=height)


def partner_map(region: pd.Series, partners: pd.DataFrame, laender: pd.DataFrame, height: int = 560,
                kreise: pd.DataFrame | None = None, geometry_url: str | None = None) -> go.Figure:
    """One region and its partners, joined by lines whose width is the number of joint events.

    With ``kreise`` (ags, name, bez) and ``geometry_url`` the Kreise are drawn beneath, the
    region's own Kreis and its partners' Kreise tinted, so the zoomed map has its context.
    """
    fig = go.Figure()
    if kreise is not None and geometry_url:
        own = str(region["ags"])[:5]
        partner_kreise = {str(a)[:5] for a in partners["ags"]}
        tint = [2 if a == own else 1 if a in partner_kreise else 0 for a in kreise["ags"]]
        fig.add_trace(go.Choropleth(
            geojson=geometry_url, locations=kreise["ags"], featureidkey="id", z=tint, zmin=0, zmax=2,
            colorscale=[[0, "#f4f6f9"], [0.5, "#dce8f5"], [1, "#b9d0ea"]], showscale=False,
            marker_line_color="#c3ccd8", marker_line_width=0.4, name="Kreise",
            hovertext=[f"{n} ({b})" for n, b in zip(kreise["name"], kreise["bez"], strict=True)], hoverinfo="text",
        ))
    fig.add_trace(outline_trace(laender, color="#9aa8b8", width=0.8))
    for row in partners.itertuples(index=False):
        fig.add_trace(go.Scattergeo(
            lon=[region["lon"], row.lon], lat=[region["lat"], row.lat], mode="lines", hoverinfo="skip",
            showlegend=False, line={"width": 1 + 1.5 * min(row.events, 5), "color": "rgba(200, 80, 40, 0.55)"},
        ))
    if len(partners):
        fig.add_trace(go.Scattergeo(
            lon=partners["lon"], lat=partners["lat"], mode="markers", showlegend=False,
            marker={"size": 6 + 4 * partners["events"].pow(0.5), "color": "#1f5fa8"},
            hovertext=[f"<b>{n}</b><br>{b}, {land}<br>gemeinsame Ereignisse: {e}" for n, b, land, e in
                       zip(partners["name"], partners["bez"], partners["land"], partners["events"], strict=True)],
            hoverinfo="text",
        ))
    fig.add_trace(go.Scattergeo(
        lon=[region["lon"]], lat=[region["lat"]], mode="markers+text", text=[region["name"]],
        textposition="top center", marker={"size": 14, "color": "#c8502a", "symbol": "star"},
        hoverinfo="text", hovertext=[region["name"]], showlegend=False,
    ))
    lons = [region["lon"], *partners["lon"]]
    lats = [region["lat"], *partners["lat"]]
    base_layout(fig, height=height)
    fig.update_geos(fitbounds=False, lonaxis_range=_span(min(lons), max(lons), 2.5),
                    lataxis_range=_span(min(lats), max(lats), 1.6))
    return fig


def _span(lo: float, hi: float, minimum: float) -> list[float]:
    """An axis range around [lo, hi] with a margin, at least ``minimum`` degrees wide."""
    centre, half = (lo + hi) / 2, max((hi - lo) * 0.6, minimum / 2)
    return [centre - half, centre + half]
