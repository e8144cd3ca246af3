"""Vergleich: two to five regions side by side – events over time, topics, partners, per inhabitant."""

import pandas as pd
import plotly.express as px
import streamlit as st

from koopatlas.web import charts, data, filters

f = filters.sidebar()
params = f.params()
names = filters.topic_names()

st.title("Vergleich")
labels = filters.region_labels(data.q("region_choices"))
wanted = [a for a in (st.query_params.get("regionen") or "").split(",") if a in labels][:5]
picked = st.multiselect("Regionen (zwei bis fünf)", list(labels), default=wanted, format_func=labels.get,
                        max_selections=5, placeholder="Kreis, Stadt oder Gemeinde eingeben …")
if picked:
    st.query_params["regionen"] = ",".join(picked)
elif "regionen" in st.query_params:
    del st.query_params["regionen"]
if len(picked) < 2:
    st.info("Wählen Sie mindestens zwei Regionen, z. B. zwei Landkreise.")
    st.stop()

population = data.q("region_population", ags_list=picked)
ewz = dict(zip(population["ags"], population["ewz"], strict=True))
rows, per_year, per_topic = [], [], []
for ags in picked:
    info = data.q("region_info", ags=ags).iloc[0]
    events = data.q("region_events", **params, ags=ags)
    partners = data.q("region_partners", **params, ags=ags)
    label = labels[ags]
    rows.append({
        "Region": label, "Land": info["land"], "Ereignisse": len(events), "Partner": len(partners),
        "Partner in anderen Ländern": int((partners["land"] != info["land"]).sum()) if len(partners) else 0,
        "Einwohner": ewz.get(ags),
        "Ereignisse je 100.000 Einw.": round(len(events) / ewz[ags] * 100_000, 1) if ewz.get(ags) else None,
        "AGS": ags,
    })
    per_year += [{"Region": label, "year": y, "Ereignisse": n}
                 for y, n in events["year"].value_counts(dropna=False).items()]
    topics = events["topics"].fillna("").str.split(";").explode()
    per_topic += [{"Region": label, "Thema": names.get(t, t), "Ereignisse": n}
                  for t, n in topics[topics != ""].value_counts().items()]

table = pd.DataFrame(rows)
if population.empty:  # no empty „None“ columns: the caption below says why
    table = table.drop(columns=["Einwohner", "Ereignisse je 100.000 Einw."])
charts.table(table, hide_index=True, width="stretch", column_config={
    "Region": st.column_config.TextColumn("Region", width="medium"),
    "Einwohner": st.column_config.NumberColumn("Einwohner", format="localized"),
    "Ereignisse je 100.000 Einw.": st.column_config.NumberColumn("Ereignisse je 100.000 Einw.", format="localized"),
})
if population.empty:
    st.caption("Je Einwohner: keine Einwohnerzahlen geladen. `python -m koopatlas population` holt sie aus dem "
               "BKG-Produkt VG250-EW (dl-de/by-2-0); die mitgelieferten VG5000-Grenzen enthalten keine.")
else:
    st.caption(f"Einwohner: BKG VG250-EW ({population['stand'].iloc[0]}), © GeoBasis-DE / BKG 2021")

st.subheader("Ereignisse je Jahr")
if per_year:
    full, years = charts.year_buckets(pd.DataFrame(per_year), "Ereignisse", by="Region",
                                      by_order=[labels[a] for a in picked])
    fig = px.bar(full, x="Jahr", y="Ereignisse", color="Region", barmode="group", category_orders={"Jahr": years})
    fig.update_layout(separators=filters.SEPARATORS, height=320, margin={"l": 0, "r": 0, "t": 10, "b": 0},
                      yaxis={"tickformat": "d", "dtick": charts.integer_dtick(full["Ereignisse"].max())},
                      xaxis=charts.year_ticks(years, 12) | {"title": ""}, legend={"orientation": "h", "y": -0.25})
    st.plotly_chart(fig, width="stretch", config=charts.CHART_CONFIG)
else:
    st.info("Keine Ereignisse für diese Regionen und Filter.")

st.subheader("Themen")
if per_topic:
    fig = px.bar(pd.DataFrame(per_topic), x="Ereignisse", y="Thema", color="Region", barmode="group", orientation="h")
    fig.update_layout(separators=filters.SEPARATORS, height=140 + 22 * len({r["Thema"] for r in per_topic}) * len(picked),
                      margin={"l": 0, "r": 0, "t": 10, "b": 0},
                      xaxis={"tickformat": "d", "dtick": max(1, -(-max(r["Ereignisse"] for r in per_topic) // 5))},
                      legend={"orientation": "h", "y": -0.1}, yaxis={"title": ""})
    st.plotly_chart(fig, width="stretch", config=charts.CHART_CONFIG)
