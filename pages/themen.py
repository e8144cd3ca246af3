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
fig.update_layout(height=480, margin={"l": 0, "r": 0, "t": 10, "b": 0})
st.subheader("Ereignisse je Thema")
st.plotly_chart(fig, width="stretch", config={"displaylogo": False})

trend = data.q("topic_trend", **params)
st.subheader("Themen im Zeitverlauf")
if trend.empty:
    st.info("Keine datierten Ereignisse für diese Filter.")
else:
    trend = trend.assign(thema=trend["topic"].map(names))
    fig = px.line(trend, x="year", y="events", color="thema", markers=True,
                  labels={"year": "Jahr", "events": "Ereignisse", "thema": "Thema"})
    fig.update_layout(height=420, margin={"l": 0, "r": 0, "t": 10, "b": 0})
    st.plotly_chart(fig, width="stretch", config={"displaylogo": False})

heat = data.q("topic_land", **params)
st.subheader("Themen nach Bundesland")
pivot = heat.assign(thema=heat["topic"].map(names)).pivot(index="land", columns="thema", values="events").fillna(0)
fig = px.imshow(pivot.astype(int), color_continuous_scale="Blues", aspect="auto", text_auto=True,
                labels={"x": "", "y": "", "color": "Ereignisse"})
fig.update_layout(height=520, margin={"l": 0, "r": 0, "t": 10, "b": 0})
st.plotly_chart(fig, width="stretch", config={"displaylogo": False})
