"""Änderungsprotokoll: every correction, who made it, when, what before and after, and why."""

import json

import pandas as pd
import streamlit as st

from koopatlas.web import charts, curate, data, filters

filters.sidebar()
curate.login_box()
st.title("Änderungsprotokoll")
log = data.q("corrections_log", doc_id=st.query_params.get("ereignis"), limit=5000)
if log.empty:
    st.info("Noch keine Korrekturen gespeichert.")
    st.stop()
FIELDS = {"relevant": "Relevanz", "year": "Jahr", "event_type": "Art", "topics": "Themen", "role": "Rolle", "reviewed": "geprüft, unverändert"}
topics = filters.topic_names()


def shown(field: str, value: str) -> str:
    v = json.loads(value) if isinstance(value, str) else None
    if v is None:
        return "entfernt" if field == "role" else "–"
    if field in ("relevant", "reviewed"):
        return "ja" if v else "nein"
    if field == "event_type":
        return filters.EVENT_TYPE_LABELS.get(v, v)
    if field == "topics":
        return ", ".join(topics.get(t, t) for t in v) or "–"
    if field == "role":
        return curate.ROLE_LABELS.get(v, v)
    return str(v)


table = pd.DataFrame({
    "Zeit": log["saved_at"],
    "Bearbeitet von": log["editor"],
    "Ereignis": log["title"],
    "Feld": [FIELDS.get(f, f) + (f": {n} ({b})" if f == "role" and n else (f": {t}" if t else ""))
             for f, t, n, b in zip(log["field"], log["target"], log["target_name"], log["target_bez"], strict=True)],
    "vorher": [shown(f, v) for f, v in zip(log["field"], log["before_value"], strict=True)],
    "nachher": [shown(f, v) for f, v in zip(log["field"], log["after_value"], strict=True)],
    "Begründung": log["reason"].fillna(""),
    "event_id": log["doc_id"],
})
n = f"{len(table):,}".replace(",", ".")
latest = table.iloc[0]
st.caption(f"{n} {'Änderung' if len(table) == 1 else 'Änderungen'}, neueste zuerst · zuletzt "
           f"{latest['Bearbeitet von']} am {latest['Zeit']:%d.%m.%Y um %H:%M}: {latest['Feld']} → {latest['nachher']}")
charts.table(table, hide_index=True, width="stretch", column_order=list(table.columns[:-1]),
             column_config={"Zeit": st.column_config.DatetimeColumn("Zeit", format="DD.MM.YYYY HH:mm")})
