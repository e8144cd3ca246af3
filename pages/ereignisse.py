"""Ereignisse: the events under the filters, a free-text search, details and downloads."""

import dataclasses

import pandas as pd
import streamlit as st

from koopatlas.web import charts, curate, data, downloads, export, filters, maps

SHOWN = 5000  # rows in the table; the downloads always carry every filtered event
ALL = 10_000_000

f = filters.sidebar()
curate.login_box()
names = filters.topic_names()

st.title("Ereignisse")
search = st.text_input("Suche in Titel und Text", value=st.query_params.get("q", ""),
                       placeholder="z. B. Leitstelle, Partnerschaft, Jobcenter …")
if search:
    st.query_params["q"] = search
elif "q" in st.query_params:
    del st.query_params["q"]
params = f.params(search=search.strip() or None)

events = data.dashboard("events_table", f, search=params["search"], limit=SHOWN + 1)
if events.empty:
    filters.empty_message()
    st.stop()

table = events.head(SHOWN).assign(
    event_date=lambda d: pd.to_datetime(d["event_date"]),
    year=lambda d: d["year"].map(lambda y: "ohne Jahr" if pd.isna(y) else str(int(y))),
    topics=lambda d: d["topics"].fillna("").map(lambda s: ", ".join(names.get(t, t) for t in s.split(";") if t)),
    event_type=lambda d: d["event_type"].map(filters.EVENT_TYPE_LABELS),
    source=lambda d: export.web_sources(d["source"]),
)
more = len(events) > SHOWN
st.caption((f"die neuesten {SHOWN:,} von mehr als {SHOWN:,} Ereignissen" if more else f"{len(events):,} Ereignisse").replace(",", ".")
           + " · Spaltenköpfe sortieren · eine Zeile wählen für die Details")
selection = charts.table(
    table, hide_index=True, on_select="rerun", selection_mode="single-row", key="events",
    column_order=["event_date", "year", "title", "participants", "laender", "topics", "event_type", "source"],
    column_config={
        "event_date": st.column_config.DateColumn("Datum", format="DD.MM.YYYY", width=95),
        "year": st.column_config.TextColumn("Jahr", width=80),
        "title": st.column_config.TextColumn("Titel", width="large"),
        "participants": "Beteiligte", "laender": "Länder", "topics": "Themen", "event_type": "Art",
        "source": st.column_config.LinkColumn("Quelle", display_text=export.HOST),
    },
)

d1, d2, d3, d4, d5, d6 = st.columns(6)
# CSV and Parquet are written by DuckDB and streamed by the server (koopatlas/web/downloads.py),
# whatever their size; Excel and GeoJSON are built here when a button is pressed, so they have a cap
d1.html(downloads.link_html("CSV", downloads.export_link("csv", dataclasses.replace(f, search=params["search"]))))
d4.html(downloads.link_html("Parquet", downloads.export_link("parquet", dataclasses.replace(f, search=params["search"]))))
laender = data.q("laender")
filter_text, slug = filters.describe(dataclasses.replace(f, search=params["search"]),
                                     dict(zip(laender["ags"], laender["name"], strict=True)), names)
too_many = int(data.dashboard("kpis", f).iloc[0]["events"]) > downloads.BUILT_MAX
cap = (f"Mehr als {downloads.BUILT_MAX:,} Ereignisse: für so viele CSV oder Parquet nehmen "
       "oder die Filter enger setzen.").replace(",", ".") if too_many else None


def everything():
    return export.analyst_table(data.q("events_table", **params, limit=ALL), names, filters.EVENT_TYPE_LABELS)


d2.download_button("Excel", lambda: export.to_excel(everything(), filter_text), export.file_name(slug, "xlsx"),
                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", width="stretch",
                   disabled=too_many, help=cap)
d3.download_button("GeoJSON", lambda: export.to_geojson(everything(), data.q("event_points", **f.params())),
                   export.file_name(slug, "geojson"), "application/geo+json", width="stretch", disabled=too_many, help=cap)
d5.download_button("GeoJSON je Beteiligte",
                   lambda: export.participants_geojson(everything(), data.q("event_points", **f.params())),
                   export.file_name((slug or "alle") + "_beteiligte", "geojson"), "application/geo+json", width="stretch",
                   disabled=too_many, help=cap)
d6.download_button("GeoJSON Kreise",
                   lambda: export.kreise_geojson(maps.with_counts(data.q("map_shapes", level="kreis"),
                                                                  data.dashboard("map_kreise", f)), filter_text),
                   export.file_name((slug or "alle") + "_kreise", "geojson"), "application/geo+json", width="stretch")

rows = selection.selection.rows if selection and selection.selection else []
event_id = table.iloc[rows[0]]["event_id"] if rows else st.query_params.get("ereignis")
if event_id and rows:
    st.query_params["ereignis"] = event_id
if saved := st.session_state.pop("ereignis_saved", None):  # set by the save below, shown after its rerun
    st.success(saved, icon=":material/check_circle:")
if event_id:
    detail = data.q("event_detail", event_id=event_id)
    if not detail.empty:
        doc = detail.iloc[0]
        st.divider()
        st.subheader(doc["title"] or doc["name"])
        text_col, facts_col = st.columns([3, 2])
        mentions = data.q("event_mentions", event_id=event_id)
        text_col.markdown(export.highlighted(doc["clean_text"], mentions), unsafe_allow_html=True)
        text_col.caption("Markiert: gelb = beteiligt, blau = Ort, grau = erwähnt")
        with facts_col:
            st.markdown(f"**Art:** {filters.EVENT_TYPE_LABELS.get(doc['event_type'], '–')}  \n"
                        f"**Jahr:** {doc['year'] if doc['year'] == doc['year'] and doc['year'] is not None else '–'}  \n"
                        f"**Quelle:** {export.source_label(doc['source'])}")
            people = mentions.drop_duplicates("ags")[["name", "bez", "role", "confidence"]]
            charts.table(people.assign(role=people["role"].map(
                {"participant": "beteiligt", "location": "Ort", "mentioned": "erwähnt"})), hide_index=True,
                column_config={"name": "Kommune", "bez": "Art", "role": "Rolle",
                               "confidence": st.column_config.ProgressColumn("Sicherheit", min_value=0, max_value=1)})
            extras = data.q("event_extras", event_id=event_id)
            extras = extras.assign(value=[names.get(v, v) if k == "Thema" else v
                                          for k, v in zip(extras["kind"], extras["value"], strict=True)])
            charts.table(extras, hide_index=True, column_config={"kind": "Angabe", "value": "Wert"})
        if curate.editor():
            with st.expander("Korrigieren", icon=":material/edit:"):
                key = f"event_{event_id}"
                state = curate.seen(key, data.stored_state(doc["doc_id"]))
                result = curate.review_form(key, state, dict(zip(mentions["ags"], mentions["name"], strict=True)))
                if result:
                    ok = curate.save(state, result[0], result[1], doc["doc_id"])
                    curate.forget(key)  # saved or refused: the next look starts from what is stored
                    if ok:  # a toast before a rerun can vanish with it; the message waits in the session
                        st.session_state["ereignis_saved"] = "Korrektur gespeichert."
                        st.rerun()
        st.page_link("pages/protokoll.py", label="Änderungen an diesem Ereignis", icon=":material/history:",
                     query_params={"ereignis": doc["doc_id"]})
