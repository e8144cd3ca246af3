"""Beitragen: editors upload a press release, review the extraction, correct it and save it."""

import streamlit as st

from koopatlas.sources import SourceError
from koopatlas.web import curate, data, export, filters

filters.sidebar()
st.title("Beitragen")
name = curate.login_box()
if not name:
    curate.locked_notice()
    st.stop()

st.caption("Pressemitteilung hochladen, Erkennung prüfen und korrigieren, dann speichern. "
           "Gespeichert wird erst mit „Speichern“; jede Korrektur steht im Änderungsprotokoll.")
file_tab, url_tab, text_tab = st.tabs(["Datei", "URL", "Text einfügen"])
upload = file_tab.file_uploader("Datei (txt, html, docx, pdf, eml)", type=curate.UPLOAD_TYPES, key="upload")
url = url_tab.text_input("Adresse der Pressemitteilung", placeholder="https://…", key="upload_url")
text = text_tab.text_area("Text der Pressemitteilung", height=200, key="upload_text")
if st.button("Erkennen", type="primary"):
    try:
        doc = curate.load_upload(upload, url, text)
    except SourceError as exc:
        st.error(f"Nicht lesbar: {exc}")
        st.stop()
    extractor = data.extractor()
    analysis = extractor.analyse(doc)
    event = extractor.decide(analysis)
    st.session_state["pending"] = (doc, event, curate.evidence_of(analysis, extractor))
    st.session_state.pop("saved", None)

if "saved" in st.session_state:
    doc_id, title = st.session_state["saved"]
    st.success(f"Gespeichert: {title}")
    st.page_link("pages/ereignisse.py", label="Im Ereignisverzeichnis ansehen", icon=":material/article:",
                 query_params={"ereignis": doc_id})
    st.page_link("pages/home.py", label="Auf der Karte ansehen", icon=":material/map:")

pending = st.session_state.get("pending")
if not pending:
    st.stop()
doc, event, evidence = pending
st.divider()
st.subheader(doc.title or doc.name)
stored = data.stored_state(doc.id)
if stored is not None:
    st.info("Dieser Text ist schon gespeichert: die Felder zeigen den gespeicherten Stand, "
            "Speichern legt eine Korrektur an.")
state = curate.seen(f"upload_{doc.id}", stored or curate.event_state(event))
text_col, form_col = st.columns([3, 2])
text_col.html(curate.legend())
text_col.html(export.highlighted(doc.clean_text, curate.mentions_of_event(event, evidence)))
relevance = "Kooperation" if event.relevant else "keine Kooperation"
form_col.caption(f"Erkannt: {relevance} · Jahr {event.year or '–'} · "
                 f"{filters.EVENT_TYPE_LABELS.get(event.event_type, 'keine Art')}")
with form_col:
    result = curate.review_form("upload", state, {a.ags: a.name for a in event.authorities})
if result:
    after, reason = result
    new = stored is None
    ok = curate.save(state, after, reason, doc.id, doc if new else None, event if new else None)
    curate.forget(f"upload_{doc.id}")
    if ok:
        st.session_state["saved"] = (doc.id, doc.title or doc.name)
        st.session_state.pop("pending", None)
        st.rerun()
