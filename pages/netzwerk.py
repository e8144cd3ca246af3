"""Netzwerk: authorities and their joint events, rankings and the Land × Land matrix."""

import plotly.express as px
import streamlit as st

from koopatlas.web import charts, data, filters, network

EDGE_LIMIT = 3000  # the strongest ties: enough for the drawing and for betweenness

f = filters.sidebar()
params = f.params()

st.title("Netzwerk der Zusammenarbeit")
edges = data.dashboard("map_edges", f, limit=EDGE_LIMIT)
laender = data.q("laender")
land_names = dict(zip(laender["ags"], laender["name"], strict=True))

if edges.empty:
    filters.empty_message()
    st.stop()

st.plotly_chart(network.figure(edges, land_names), width="stretch", config=charts.CHART_CONFIG)
st.caption(f"Knoten: Kommunen (Größe = Zahl der Partner, gezeigt bis zu {network.MAX_DRAWN_NODES}); "
           "Kanten: gemeinsame Ereignisse.")

st.subheader("Rangliste")
degree = data.dashboard("network_degree", f, limit=500)
ranking = network.ranking(degree, edges).assign(land=lambda d: d["land"].map(land_names))
charts.table(
    ranking.drop(columns="ags"), hide_index=True, height=420,
    column_config={
        "name": "Kommune", "land": "Land", "partner": st.column_config.NumberColumn("Partner (Grad)"),
        "ereignisse": st.column_config.NumberColumn("Gemeinsame Ereignisse"),
        "betweenness": st.column_config.NumberColumn(
            "Vermittlerrolle", help="Betweenness: Anteil der kürzesten Wege im Netzwerk, die über diese Kommune führen"),
    },
)

st.subheader("Land × Land")
matrix = data.q("land_matrix", **params)
pivot = matrix.pivot(index="land_a", columns="land_b", values="events").fillna(0).astype(int)
fig = px.imshow(pivot, color_continuous_scale="Blues", aspect="auto",
                labels={"x": "", "y": "", "color": "Ereignisse"}, text_auto=True)
fig.update_layout(separators=filters.SEPARATORS, height=620, margin={"l": 0, "r": 0, "t": 10, "b": 0}, xaxis={"side": "top", "tickangle": -40})
st.plotly_chart(fig, width="stretch", config=charts.CHART_CONFIG)
st.caption("Diagonale: Ereignisse mit Beteiligten aus dem Land; außerhalb: länderübergreifende Zusammenarbeit.")
