"""Plotly map figures drawn from the display geometries in DuckDB, without map tiles."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go

from koopatlas import config

#: Plotly config for every map: the empty base topology is served by Streamlit
#: (static/topojson), so no request leaves the machine.
PLOTLY_CONFIG = {"displaylogo": False, "topojsonURL": "app/static/topojson/", "scrollZoom": True}


def feature_collection(shapes: pd.DataFrame) -> dict:
    """GeoJSON FeatureCollection of rows with ``ags`` and ``geojson`` columns."""
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "id": ags, "properties": {}, "geometry": json.loads(gj)}
            for ags, gj in zip(shapes["ags"], shapes["geojson"], strict=True)
        ],
    }


def outline_trace(shapes: pd.DataFrame, color: str = "#333", width: float = 1.2) -> go.Scattergeo:
    """Borders of the given shapes as one line trace (None separates rings)."""
    lons: list[float | None] = []
    lats: list[float | None] = []
    for gj in shapes["geojson"]:
        geom = json.loads(gj)
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
