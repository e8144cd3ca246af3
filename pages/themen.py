"""Themen: what the cooperation is about, over time and by Land."""

import plotly.express as px
import streamlit as st

from koopatlas.web import charts, data, filters

f = filters.sidebar()
params = f.params()
names = filters.topic_names()

st.title("Themen")
counts = data.q("topic_counts", **params)
if counts.empty:
    filters.empty_message()
    st.stop()

counts = counts.assign(thema=counts["topic"].map(names))
fig = px.bar(counts.sort_values("events"), x="events", y="thema", orientation="h",
             labels={"events": "Ereignisse", "thema": ""}, color_discrete_sequence=["#1f5fa8"])
fig.update_layout(separators=filters.SEPARATORS, height=480, margin={"l": 0, "r": 0, "t": 10, "b": 0})
st.subheader("Ereignisse je Thema")
st.plotly_chart(fig, width="stretch", config=charts.CHART_CONFIG)

trend = data.q("topic_trend", **params)
st.subheader("Themen im Zeitverlauf")
if trend.empty:
    st.info("Keine Ereignisse mit Themen für diese Filter.")
else:
    # small multiples, one per topic (most frequent first); a year without events is a 0, not a gap,
    # and events without a year (when counted) are the last bar „ohne Jahr“
    order = list(trend.groupby("topic")["events"].sum().sort_values(ascending=False).index)
    full, years = charts.year_buckets(trend, "events", by="topic", by_order=order)
    full["thema"] = full["topic"].map(names)
    rows = -(-len(order) // 4)
    fig = px.bar(full, x="Jahr", y="events", facet_col="thema", facet_col_wrap=4, facet_row_spacing=0.08,
                 category_orders={"Jahr": years, "thema": [names[t] for t in order]},
                 color=charts.dated_or_not(full), color_discrete_map=charts.YEAR_COLOURS,
                 labels={"events": "Ereignisse", "thema": ""})
    fig.update_layout(showlegend=False, separators=filters.SEPARATORS)
    fig.for_each_annotation(lambda a: a.update(text=a.text.split("=", 1)[-1]))
    fig.update_yaxes(tickformat="d", rangemode="tozero", title_text="", dtick=charts.integer_dtick(full["events"].max(), 3))
    fig.update_xaxes(**charts.year_ticks(years, 5), title_text="", tickangle=-45)
    fig.update_layout(separators=filters.SEPARATORS, height=190 * rows + 60, margin={"l": 0, "r": 0, "t": 30, "b": 0})
    st.caption("Ereignisse je Jahr und Thema (ein Ereignis kann mehrere Themen haben); Jahre ohne Ereignis zählen 0"
               + (", „ohne Jahr“: Ereignisse ohne Jahresangabe." if charts.UNDATED in years else "."))
    st.plotly_chart(fig, width="stretch", config=charts.CHART_CONFIG)

heat = data.q("topic_land", **params)
st.subheader("Themen nach Bundesland")
pivot = heat.assign(thema=heat["topic"].map(names)).pivot(index="land", columns="thema", values="events").fillna(0)
fig = px.imshow(pivot.astype(int), color_continuous_scale="Blues", aspect="auto", text_auto=True,
                labels={"x": "", "y": "", "color": "Ereignisse"})
fig.update_layout(separators=filters.SEPARATORS, height=520, margin={"l": 0, "r": 0, "t": 10, "b": 0})
st.plotly_chart(fig, width="stretch", config=charts.CHART_CONFIG)
