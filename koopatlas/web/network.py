"""The cooperation network: authorities as nodes, joint events as weighted edges (networkx)."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from koopatlas.web.charts import LAND_COLOURS

#: Betweenness is exact up to this many nodes and sampled (k nodes) above.
EXACT_BETWEENNESS_NODES = 600
#: The drawing shows the best-connected nodes only; the ranking covers all.
MAX_DRAWN_NODES = 150


def graph(edges: pd.DataFrame) -> nx.Graph:
    g = nx.Graph()
    for row in edges.itertuples(index=False):
        g.add_node(row.ags_a, name=row.name_a, land=row.land_a)
        g.add_node(row.ags_b, name=row.name_b, land=row.land_b)
        g.add_edge(row.ags_a, row.ags_b, weight=int(row.events))
    return g


@st.cache_data(show_spinner="Netzwerk wird berechnet …", max_entries=64)
def ranking(degree: pd.DataFrame, edges: pd.DataFrame) -> pd.DataFrame:
    """Degree and events per authority (exact, from SQL) with betweenness in the network of the
    strongest ties (exact up to EXACT_BETWEENNESS_NODES nodes, sampled above)."""
    g = graph(edges)
    if g.number_of_nodes() == 0:
        return degree.assign(betweenness=0.0)
    k = None if g.number_of_nodes() <= EXACT_BETWEENNESS_NODES else EXACT_BETWEENNESS_NODES // 3
    betweenness = nx.betweenness_centrality(g, k=k, seed=1, normalized=True)
    return degree.assign(betweenness=degree["ags"].map(betweenness).fillna(0.0).round(4))


@st.cache_data(show_spinner=False, max_entries=64)
def figure(edges: pd.DataFrame, land_names: dict[str, str]) -> go.Figure:
    """Spring layout of the best-connected authorities; colour = Land, size = partners."""
    g = graph(edges)
    if g.number_of_nodes() > MAX_DRAWN_NODES:
        keep = sorted(g.degree, key=lambda t: t[1], reverse=True)[:MAX_DRAWN_NODES]
        g = g.subgraph(n for n, _ in keep).copy()
    pos = nx.spring_layout(g, seed=7, weight="weight", k=1.2 / max(1, g.number_of_nodes()) ** 0.5)
    fig = go.Figure()
    ex: list[float | None] = []
    ey: list[float | None] = []
    for a, b in g.edges():
        ex += [pos[a][0], pos[b][0], None]
        ey += [pos[a][1], pos[b][1], None]
    fig.add_trace(go.Scatter(x=ex, y=ey, mode="lines", line={"width": 0.6, "color": "#b8c2cc"},
                             hoverinfo="skip", showlegend=False))
    by_land: dict[str, list[str]] = {}
    for n, d in g.nodes(data=True):
        by_land.setdefault(d["land"], []).append(n)
    for land, nodes in sorted(by_land.items()):
        fig.add_trace(go.Scatter(
            x=[pos[n][0] for n in nodes], y=[pos[n][1] for n in nodes], mode="markers",
            name=land_names.get(land, land),
            marker={"size": [6 + 3 * g.degree(n) ** 0.7 for n in nodes], "color": LAND_COLOURS.get(land, "#9aa3ad"),
                    "line": {"width": 0.5, "color": "white"}},
            hovertext=[f"<b>{g.nodes[n]['name']}</b><br>{land_names.get(land, land)}<br>Partner: {g.degree(n)}"
                       for n in nodes],
            hoverinfo="text",
        ))
    fig.update_layout(height=620, margin={"l": 0, "r": 0, "t": 10, "b": 0}, legend={"title": "Land"},
                      xaxis={"visible": False}, yaxis={"visible": False}, plot_bgcolor="white")
    return fig
