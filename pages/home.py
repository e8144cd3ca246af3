"""Karte: who cooperates with whom across Germany, under the sidebar filters."""

import streamlit as st

from koopatlas import config
from koopatlas.web import charts, data, filters, maps, mapview

st.title("Kooperationsatlas")
st.caption("Kommunale Zusammenarbeit in Deutschland – Landkreise, Städte und Gemeinden")
kpi_row, notice, map_slot = st.container(key="kpis"), st.container(), st.empty()
geometry = data.geometry_url("kreis")
if not mapview.available() and not st.session_state.get("plotly_loading"):
    # The browser loads Plotly (~4.7 MB) only once a chart is on the page: on a session's first
    # run an empty frame of the map's size starts that download (and the polygons') while the
    # filters and queries run. Later runs keep the old map until the new one arrives.
    st.session_state.plotly_loading = True
    map_slot.plotly_chart(maps.blank_map(geometry_url=geometry), width="stretch", config=maps.PLOTLY_CONFIG,
                          key="map_loading")

f = filters.sidebar()
params = f.params()

kpis = data.q("kpis", **params).iloc[0]
c1, c2, c3, c4 = kpi_row.columns(4)
c1.metric("Ereignisse", f"{int(kpis['events']):,}".replace(",", "."))
c2.metric("Beteiligte Kommunen", f"{int(kpis['authorities']):,}".replace(",", "."))
c3.metric("Beteiligte Länder", int(kpis["laender"]))
share = kpis["cross_border_share"]
c4.metric("Länderübergreifend", "–" if share != share or share is None else f"{share * 100:.0f} %",
          help="Anteil der Ereignisse mit Beteiligten aus mehr als einem Bundesland")

if int(kpis["events"]) == 0:
    with notice:
        filters.empty_message()

LAYERS = {"kreise": "Kreise", "orte": "Orte", "verbindungen": "Verbindungen"}
layers = tuple(kpi_row.pills("Ebenen", list(LAYERS), format_func=LAYERS.get, selection_mode="multi",
                             default=list(LAYERS), key="layers") or ())
kreise = maps.with_counts(data.q("map_shapes", level="kreis"), data.dashboard("map_kreise", f))
laender = data.q("map_shapes", level="land")
points = data.q("map_points", **params, limit=maps.MAX_POINTS)
edges = data.dashboard("map_edges", f, limit=maps.MAX_EDGES)

view = "home:" + ",".join(layers)  # the figure cache knows the layers too
figure = data.figure(view, f, lambda: maps.cooperation_map(kreise, laender, points, edges, filters.topic_names(),
                                                          geometry_url=geometry, layers=layers))
if mapview.available():
    with map_slot:
        selected = [mapview.show(data.figure_json(view, f, figure), maps.MAPVIEW_CONFIG, key="karte")]
else:  # without the geo bundle (offline set-up): Streamlit's own, slower to load Plotly element
    event = map_slot.plotly_chart(figure, width="stretch", config=maps.PLOTLY_CONFIG, on_select="rerun",
                                  selection_mode="points", key="map")
    selected = [p.get("customdata") for p in (event.selection.points if event and event.selection else [])]
st.caption(
    "Flächen: Ereignisse je Kreis (Gemeinden zählen für ihren Kreis) · Punkte: beteiligte Städte und Gemeinden "
    f"(die {maps.MAX_POINTS} aktivsten) · Linien: die {maps.MAX_EDGES} stärksten Verbindungen · Mausrad "
    "zoomt, Ziehen verschiebt, Doppelklick setzt zurück, Klick öffnet die Region. "
    f"Kartengrundlage: [{config.ATTRIBUTION}]({config.ATTRIBUTION_URL})"
)

selected = [s for s in selected if isinstance(s, str)]
ranking = data.dashboard("kreis_ranking", f)
st.subheader("Kreise nach Zahl der Ereignisse")
st.caption("Spaltenköpfe sortieren · eine Zeile wählen öffnet den Kreis · Partner: andere Kreise in denselben "
           "Ereignissen · länderübergreifend: Anteil der Ereignisse mit einem Partner in einem anderen Land")
table = ranking.assign(kreis=filters.with_kind(ranking["name"], ranking["bez"]), cross_share=ranking["cross_share"] * 100)
picked_row = charts.table(
    table, hide_index=True, width="stretch", height=320, on_select="rerun", selection_mode="single-row",
    key="ranking", column_order=["kreis", "land", "events", "partners", "partners_other_land", "cross_share", "ags"],
    column_config={
        "kreis": st.column_config.TextColumn("Kreis", width="medium"),
        "land": "Land",
        "events": st.column_config.NumberColumn("Ereignisse", format="localized"),
        "partners": st.column_config.NumberColumn("Partner", format="localized"),
        "partners_other_land": st.column_config.NumberColumn("Partner in anderen Ländern", format="localized"),
        "cross_share": st.column_config.ProgressColumn("länderübergreifend", format="%.0f %%", min_value=0,
                                                       max_value=100),
        "ags": st.column_config.TextColumn("AGS", width="small"),
    },
)
rows = picked_row.selection.rows if picked_row and picked_row.selection else []
if rows:
    selected = [table.iloc[rows[0]]["ags"]]

active = kreise[kreise["events"] > 0].sort_values("events", ascending=False)
towns = set(points["ags"])
choices = list(points["ags"]) + [a for a in active["ags"] if a not in towns]
names = dict(zip(points["ags"], filters.with_kind(points["name"], points["bez"]), strict=True)) | \
    dict(zip(ranking["ags"], table["kreis"], strict=True))
col, _ = st.columns([2, 3])
picked = col.selectbox("Region öffnen", choices, index=None, format_func=lambda a: names.get(a, a),
                       placeholder="Kreis, Stadt oder Gemeinde wählen …")
target = selected[0] if selected else picked
if target:
    st.switch_page("pages/region.py", query_params={"ags": target, **filters.url_params(f)})
