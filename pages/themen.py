"""Themen: what the cooperation is about, over time and by Land."""

import plotly.express as px
import streamlit as st

from koopatlas.web import data, filters

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
st.plotly_chart(fig, width="stretch", config={"displaylogo": False})

trend = data.q("topic_trend", **params)
st.subheader("Themen im Zeitverlauf")
if trend.empty:
    st.info("Keine datierten Ereignisse für diese Filter.")
else:
    # small multiples, one per topic (most frequent first); a year without events is a 0, not a gap
    years = range(int(trend["year"].min()), int(trend["year"].max()) + 1)
    order = trend.groupby("topic")["events"].sum().sort_values(ascending=False).index
    full = (trend.pivot_table(index="year", columns="topic", values="events", aggfunc="sum")
            .reindex(index=years, columns=order).fillna(0).astype(int)
            .rename(columns=names).reset_index().melt(id_vars="year", var_name="thema", value_name="events"))
    rows = -(-len(order) // 4)
    fig = px.bar(full, x="year", y="events", facet_col="thema", facet_col_wrap=4, facet_row_spacing=0.08,
                 labels={"year": "Jahr", "events": "Ereignisse", "thema": ""}, color_discrete_sequence=["#1f5fa8"])
    fig.for_each_annotation(lambda a: a.update(text=a.text.split("=", 1)[-1]))
    fig.update_yaxes(tickformat="d", rangemode="tozero", title_text="")
    fig.update_xaxes(tickformat="d", title_text="")
    fig.update_layout(separators=filters.SEPARATORS, height=170 * rows + 60, margin={"l": 0, "r": 0, "t": 30, "b": 0})
    st.caption("Ereignisse je Jahr und Thema (ein Ereignis kann mehrere Themen haben); Jahre ohne Ereignis zählen 0.")
    st.plotly_chart(fig, width="stretch", config={"displaylogo": False})

heat = data.q("topic_land", **params)
st.subheader("Themen nach Bundesland")
pivot = heat.assign(thema=heat["topic"].map(names)).pivot(index="land", columns="thema", values="events").fillna(0)
fig = px.imshow(pivot.astype(int), color_continuous_scale="Blues", aspect="auto", text_auto=True,
                labels={"x": "", "y": "", "color": "Ereignisse"})
fig.update_layout(separators=filters.SEPARATORS, height=520, margin={"l": 0, "r": 0, "t": 10, "b": 0})
st.plotly_chart(fig, width="stretch", config={"displaylogo": False})
