"""Region: one Kreis or Gemeinde – its partners on a map, its topics, timeline and documents."""

import plotly.express as px
import streamlit as st

from koopatlas.web import charts, data, export, filters, maps

f = filters.sidebar()
params = f.params()
names = filters.topic_names()

st.title("Region")
labels = filters.region_labels(data.q("region_choices"))
options = list(labels)
wanted = st.query_params.get("ags")
index = options.index(wanted) if wanted in labels else None
ags = st.selectbox("Kreis, Stadt oder Gemeinde", options, index=index, format_func=labels.get,
                   placeholder="Namen eingeben …")
if not ags:
    st.info("Wählen Sie eine Region – per Name oder über die Karte.")
    st.stop()
if st.query_params.get("ags") != ags:
    st.query_params["ags"] = ags

info = data.q("region_info", ags=ags).iloc[0]
st.caption(f"{info['bez']} · {info['land']} · AGS {info['ags']}" + (f" · Kreis {info['kreis']}" if info["kreis"] and info["level"] == "gemeinde" else ""))

partners = data.q("region_partners", **params, ags=ags)
events = data.q("region_events", **params, ags=ags)
m1, m2, m3 = st.columns(3)
m1.metric("Ereignisse", len(events))
m2.metric("Partner", len(partners))
m3.metric("Partner in anderen Ländern", int((partners["land"] != info["land"]).sum()) if len(partners) else 0)
if events.empty:
    filters.empty_message()
    st.stop()

left, right = st.columns([3, 2])
with left:
    st.subheader("Partner")
    st.plotly_chart(maps.partner_map(info, partners, data.q("map_shapes", level="land"),
                                     kreise=data.q("map_shapes", level="kreis"),
                                     geometry_url=data.geometry_url("kreis")),
                    width="stretch", config=maps.PLOTLY_CONFIG)
with right:
    st.subheader("Wichtigste Partner")
    charts.table(partners[["name", "bez", "land", "events"]], hide_index=True, height=min(36 * (len(partners) + 1) + 4, 400),
                 column_config={"name": "Kommune", "bez": st.column_config.TextColumn("Art", width="small"),
                                "land": st.column_config.TextColumn("Land", width="small"),
                                "events": st.column_config.NumberColumn("Ereignisse", help="gemeinsame Ereignisse",
                                                                        width="small")})
    topic_rows = events["topics"].fillna("").str.split(";").explode()
    topic_rows = topic_rows[topic_rows != ""].map(names).value_counts().rename_axis("Thema").reset_index(name="Ereignisse")
    st.subheader("Themen")
    charts.table(topic_rows, hide_index=True)

st.subheader("Zeitverlauf")
if events.empty:
    st.caption("Keine Ereignisse für diese Filter.")
else:
    per_year, years = charts.year_buckets(events.assign(n=1), "n")
    fig = px.bar(per_year, x="Jahr", y="n", labels={"n": "Ereignisse", "Jahr": ""}, category_orders={"Jahr": years},
                 color=charts.dated_or_not(per_year), color_discrete_map=charts.YEAR_COLOURS)
    fig.update_layout(showlegend=False, separators=filters.SEPARATORS, height=260, margin={"l": 0, "r": 0, "t": 10, "b": 0},
                      xaxis=charts.year_ticks(years, 12), yaxis={"dtick": charts.integer_dtick(per_year["n"].max()), "tickformat": "d"})
    st.plotly_chart(fig, width="stretch", config=charts.CHART_CONFIG)
    if charts.UNDATED in years:
        st.caption("„ohne Jahr“: Ereignisse, deren Mitteilung kein Jahr nennt.")

st.subheader("Dokumente")
charts.table(
    events.assign(
        topics=events["topics"].fillna("").map(lambda s: ", ".join(names.get(t, t) for t in s.split(";") if t)),
        event_type=events["event_type"].map(filters.EVENT_TYPE_LABELS), source=export.web_sources(events["source"]),
    ),
    hide_index=True, column_order=["year", "title", "event_type", "topics", "source"],
    column_config={"year": st.column_config.NumberColumn("Jahr", format="%d"), "title": "Titel",
                   "event_type": "Art", "topics": "Themen",
                   "source": st.column_config.LinkColumn("Quelle", display_text=export.HOST)},
)
