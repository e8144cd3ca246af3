"""The editors' controls: login, the highlighted text with its evidence, the review form.

Used by the page „Beitragen“ (uploads) and by the Ereignisse detail view (stored events).
Nothing here writes unless an editor is logged in: :func:`editor` is the only gate, and the
form is not even drawn without it.
"""

from __future__ import annotations

import html
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from koopatlas import auth, curation
from koopatlas.web import data, export, filters

ROLE_LABELS = {"participant": "beteiligt", "location": "Ort", "mentioned": "erwähnt", None: "entfernen"}
UPLOAD_TYPES = ["txt", "html", "htm", "docx", "pdf", "eml"]


def editor() -> str | None:
    """The logged-in editor of this browser session, or None."""
    return st.session_state.get("editor")


def login_box(where: Any = None) -> str | None:
    """Login form (or the logged-in name with a logout button); returns the editor."""
    where = where or st.sidebar
    name = editor()
    if name:
        where.caption(f"Angemeldet als **{html.escape(name)}**")
        if where.button("Abmelden", key="logout"):
            st.session_state.pop("editor", None)
            st.rerun()
        return name
    with where.form("login", clear_on_submit=True):
        st.markdown("**Anmelden zum Bearbeiten**")
        user = st.text_input("Benutzername", key="login_user")
        password = st.text_input("Passwort", type="password", key="login_password")
        submitted = st.form_submit_button("Anmelden")
    if submitted:
        ok, message = auth.login(user.strip(), password, _client(), data.login_limiter())
        if ok:
            st.session_state["editor"] = user.strip()
            st.rerun()
        where.error(message)
    return None


def _client() -> str:
    """Who is trying to log in: behind the reverse proxy (README) the first X-Forwarded-For address.
    A forged header only moves the per-client limit; the per-name limit holds regardless."""
    forwarded = (st.context.headers.get("X-Forwarded-For") or "").split(",")[0].strip()
    return forwarded or getattr(st.context, "ip_address", None) or "unbekannt"


def locked_notice() -> None:
    st.info("Ansehen ist frei. Zum Hochladen und Korrigieren bitte links anmelden "
            "(Zugänge legt die Administration mit `python -m koopatlas user add NAME` an).")


# --- the text with its evidence --------------------------------------------------------------------


def mentions_of_event(event, evidence: dict[str, str]) -> pd.DataFrame:
    """The extraction's linked names as the rows :func:`export.highlighted` reads."""
    rows = [
        {"ags": a.ags, "name": a.name, "role": a.role, "start_char": m.start, "end_char": m.end,
         "confidence": a.confidence, "evidence": evidence.get(a.ags, "")}
        for a in event.authorities for m in a.mentions
    ]
    return pd.DataFrame(rows, columns=["ags", "name", "role", "start_char", "end_char", "confidence", "evidence"])


def evidence_of(analysis, extractor, top: int = 3) -> dict[str, str]:
    """Per authority the role model's strongest reasons (feature × weight), in words a reviewer can check."""
    weights = extractor.model.role.weights.get("1", {})
    out = {}
    for a, f in zip(analysis.authorities, analysis.candidates, strict=True):
        parts = sorted(((k, v * weights.get(k, 0.0)) for k, v in f.items() if k != "bias"), key=lambda kv: -abs(kv[1]))
        shown = [f"{k} {'+' if w > 0 else '−'}{abs(w):.1f}" for k, w in parts[:top] if abs(w) >= 0.05]
        out[a.ags] = ", ".join(shown)
    return out


def legend() -> str:
    cells = "".join(f'<span style="background:{c};padding:0 6px;margin-right:8px">{ROLE_LABELS[r]}</span>'
                    for r, c in export.ROLE_COLOURS.items())
    return f'<div style="font-size:0.85em">{cells} · Maus über einen Namen: AGS, Sicherheit, Begründung</div>'


# --- the review form -----------------------------------------------------------------------------


def authority_labels() -> dict[str, str]:
    """Every Kreis, Gemeinde and Verband, labelled with its kind (the gazetteer's names)."""
    choices = data.q("authority_choices")
    return {
        r.ags: f"{r.name} ({r.bez}{', ' + r.kreis if r.kreis and r.level != 'kreis' else ''}) · {r.ags}"
        for r in choices.itertuples(index=False)
    }


def review_form(key: str, state: dict[str, Any], names: dict[str, str]) -> tuple[dict[str, Any], str] | None:
    """Controls for every editable field, initialised from ``state``; returns (new state, reason) on save."""
    topic_names = filters.topic_names()
    labels = authority_labels()
    rows = pd.DataFrame(
        [{"ags": ags, "Kommune": labels.get(ags, names.get(ags, ags)), "Rolle": ROLE_LABELS[role]}
         for ags, role in sorted(state["roles"].items(), key=lambda kv: (kv[1] != "participant", kv[0]))],
        columns=["ags", "Kommune", "Rolle"],
    )
    with st.form(f"review_{key}"):
        relevant = st.checkbox("Bericht über eine Kooperation (relevant)", value=state["relevant"], key=f"{key}_rel")
        c1, c2 = st.columns(2)
        no_year = c1.checkbox("ohne Jahr", value=state["year"] is None, key=f"{key}_noyear")
        year = c1.number_input("Jahr", min_value=1949, max_value=2100, step=1, key=f"{key}_year",
                               value=state["year"] if state["year"] is not None else 2024)
        types = list(filters.EVENT_TYPE_LABELS)
        event_type = c2.selectbox("Art des Ereignisses", types, format_func=filters.EVENT_TYPE_LABELS.get,
                                  index=types.index(state["event_type"]) if state["event_type"] in types else None,
                                  placeholder="keine Angabe", key=f"{key}_type")
        chosen_topics = st.multiselect("Themen", list(topic_names), default=[t for t in state["topics"] if t in topic_names],
                                       format_func=topic_names.get, key=f"{key}_topics", placeholder="keine Themen")
        st.markdown("**Kommunen und ihre Rolle**")
        edited = st.data_editor(
            rows, hide_index=True, width="stretch", key=f"{key}_roles", disabled=["ags", "Kommune"],
            column_config={"ags": st.column_config.TextColumn("AGS", width="small"),
                           "Rolle": st.column_config.SelectboxColumn("Rolle", options=list(ROLE_LABELS.values()),
                                                                     required=True)},
        )
        added = st.multiselect("Kommune hinzufügen (als beteiligt)", [a for a in labels if a not in state["roles"]],
                               format_func=labels.get, key=f"{key}_add", placeholder="Namen eingeben …")
        reason = st.text_input("Begründung", key=f"{key}_reason", placeholder="z. B. Polizeibericht, kein Austausch")
        submitted = st.form_submit_button("Speichern", type="primary")
    if not submitted:
        return None
    by_label = {v: k for k, v in ROLE_LABELS.items()}
    roles = {r.ags: by_label[r.Rolle] for r in edited.itertuples(index=False) if by_label.get(r.Rolle)}
    roles.update({ags: "participant" for ags in added})
    after = {
        "relevant": relevant, "year": None if no_year else int(year), "event_type": event_type,
        "topics": sorted(chosen_topics), "roles": roles,
    }
    return after, reason.strip()


def seen(key: str, state: dict[str, Any] | None) -> dict[str, Any] | None:
    """The state this editor first saw for a form: a save compares against it, so a change another
    editor saved in the meantime is detected instead of silently overwritten."""
    if state is None:
        return None
    return st.session_state.setdefault(f"seen_{key}", state)


def forget(key: str) -> None:
    st.session_state.pop(f"seen_{key}", None)


def save(state: dict[str, Any], after: dict[str, Any], reason: str, doc_id: str, document=None, event=None) -> bool:
    """Save the difference as one correction; shows the outcome; True when stored."""
    changes = curation.diff(state, after) or [curation.Change("reviewed", None, True)]  # confirmed as extracted
    correction = curation.Correction(doc_id, editor() or "", changes, reason)
    try:
        data.save_correction(correction, document, event)
    except curation.Conflict as exc:
        st.error(str(exc))
        return False
    except TimeoutError as exc:
        st.error(f"Die Datenbank ist gerade belegt (ein Import läuft?). Bitte gleich noch einmal speichern. ({exc})")
        return False
    return True


def event_state(event) -> dict[str, Any]:
    """The editable fields of a fresh extraction, shaped like :func:`curation.current` (as it will be stored)."""
    return {
        "relevant": event.relevant, "year": event.year, "event_type": event.event_type,
        "topics": sorted(event.topics), "roles": {a.ags: a.role for a in event.authorities if a.mentions},
    }


def load_upload(upload=None, url: str = "", text: str = ""):
    """A Document from an uploaded file, a URL or pasted text (SourceError with the file's name on bad input)."""
    from koopatlas.sources import SourceError, load, make_document

    if upload is not None:
        suffix = Path(upload.name).suffix.lower()
        if suffix.lstrip(".") not in UPLOAD_TYPES:
            raise SourceError(f"{upload.name}: Dateityp {suffix or '(ohne Endung)'} wird nicht unterstützt")
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / Path(upload.name).name
            path.write_bytes(upload.getvalue())
            doc = load(path)
        doc.source = upload.name  # the file's name, never the server's temporary path
        return doc
    if url.strip():
        return load(url.strip())
    if text.strip():
        return make_document("eingefuegter-text", "eingefügter Text", text)
    raise SourceError("Keine Eingabe: bitte eine Datei wählen, eine URL oder einen Text einfügen")
