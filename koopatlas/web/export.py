"""Downloads of the filtered events: CSV, Excel and GeoJSON."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
from pathlib import PurePath
from urllib.parse import urlsplit

import pandas as pd

from koopatlas import config


def source_label(source: str | None) -> str:
    """How a document's origin is shown: a web address as a link, a file by its name only
    (the server's directories are nobody's business)."""
    if not source:
        return "–"
    if source.startswith(("http://", "https://")):
        host = urlsplit(source).netloc or source
        return f"[{host}]({source})"
    return PurePath(source).name


def web_sources(sources: pd.Series) -> pd.Series:
    """Only web addresses, for link columns (files have no address a visitor could open)."""
    return sources.where(sources.str.startswith(("http://", "https://"), na=False))


#: Link columns show the host of a web address.
HOST = r"https?://(?:www\.)?([^/]+)"


#: The export's columns: German headers, labels first, codes in their own columns.
EXPORT_COLUMNS = {
    "event_id": "Ereignis-ID", "event_date": "Datum", "year": "Jahr", "title": "Titel", "event_type_label": "Art",
    "event_type": "Art (Code)", "participants": "Beteiligte", "participant_ags": "AGS der Beteiligten",
    "laender": "Länder", "topic_labels": "Themen", "topics": "Themen (Codes)", "source": "Quelle",
    "published": "Veröffentlicht",
}


def analyst_table(events: pd.DataFrame, topic_names: dict[str, str], type_names: dict[str, str]) -> pd.DataFrame:
    """The events as an analyst gets them: German headers and labels, codes beside them, dates as
    dates, years as whole numbers, AGS as text, the source as web address or file name only."""
    def topics(codes: object) -> str:
        return "; ".join(topic_names.get(t, t) for t in str(codes or "").split(";") if t)

    out = pd.DataFrame({
        "event_id": events["event_id"],
        "event_date": pd.to_datetime(events["event_date"]).dt.date.astype(object),
        "year": pd.array(events["year"], dtype="Int64"),
        "title": events["title"],
        "event_type_label": events["event_type"].map(lambda t: type_names.get(t, t) if isinstance(t, str) else None),
        "event_type": events["event_type"],
        "participants": events["participants"],
        "participant_ags": events["participant_ags"].fillna("").str.replace(";", "; "),
        "laender": events["laender"],
        "topic_labels": events["topics"].map(topics),
        "topics": events["topics"].fillna("").str.replace(";", "; "),
        "source": [s if str(s).startswith(("http://", "https://")) else PurePath(str(s)).name for s in events["source"]],
        "published": pd.to_datetime(events["published"]).dt.date.astype(object),
    })
    for column in ("event_date", "published"):
        out[column] = out[column].where(out[column].notna(), None)
    return out.rename(columns=EXPORT_COLUMNS)


def to_csv(table: pd.DataFrame) -> bytes:
    """Semicolon CSV for German Excel: every text quoted (AGS keep their leading zeros as text),
    UTF-8 with BOM (umlauts), empty cells for unknown values."""
    return table.to_csv(index=False, sep=";", quoting=csv.QUOTE_NONNUMERIC, date_format="%Y-%m-%d").encode("utf-8-sig")


def to_excel(table: pd.DataFrame, filter_text: str) -> bytes:
    """The table with AGS as text and dates as dates, and a sheet with the filter and attribution."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        table.to_excel(writer, index=False, sheet_name="Ereignisse")
        sheet = writer.sheets["Ereignisse"]
        for col, name in enumerate(table.columns, start=1):
            if name in ("Datum", "Veröffentlicht"):
                for cell in sheet.iter_cols(min_col=col, max_col=col, min_row=2):
                    for c in cell:
                        c.number_format = "DD.MM.YYYY"
        notes = pd.DataFrame({"Angabe": ["Filter", "Stand", "Quelle", "Grenzen"],
                              "Wert": [filter_text, dt.date.today().strftime("%d.%m.%Y"),
                                       "Kooperationsatlas (aus Pressemitteilungen erschlossen)",
                                       f"{config.ATTRIBUTION}, dl-de/by-2-0"]})
        notes.to_excel(writer, index=False, sheet_name="Filter und Quelle")
    return buffer.getvalue()


def to_parquet(table: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    table.to_parquet(buffer, index=False)
    return buffer.getvalue()


def file_name(filter_slug: str, suffix: str) -> str:
    """„kooperationen_bayern-sachsen_2026-12-02.csv“: what was exported and when."""
    slug = filter_slug or "alle"
    return f"kooperationen_{slug}_{dt.date.today().isoformat()}.{suffix}"


def to_geojson(events: pd.DataFrame, points: pd.DataFrame) -> bytes:
    """One feature per event (rows of :func:`analyst_table`): a MultiPoint of its participants,
    the table row as properties."""
    coords = points.groupby("event_id")[["lon", "lat"]].apply(lambda d: d.values.tolist()).to_dict()
    features = []
    for row in events.to_dict(orient="records"):
        props = {k: (v.isoformat() if hasattr(v, "isoformat") else (None if pd.isna(v) else v)) for k, v in row.items()}
        features.append({
            "type": "Feature",
            "geometry": {"type": "MultiPoint", "coordinates": coords.get(row["Ereignis-ID"], [])},
            "properties": props,
        })
    fc = {"type": "FeatureCollection", "attribution": config.ATTRIBUTION, "features": features}
    return json.dumps(fc, ensure_ascii=False, default=str).encode("utf-8")


def participants_geojson(events: pd.DataFrame, points: pd.DataFrame) -> bytes:
    """One Point per participant of each event (rows of :func:`analyst_table` as ``events``):
    Kommune with kind, AGS, role, confidence and the event's title, year and type."""
    by_id = events.set_index("Ereignis-ID")
    features = []
    for p in points.itertuples(index=False):
        if p.event_id not in by_id.index or p.lon != p.lon:
            continue
        e = by_id.loc[p.event_id]
        props = {
            "Ereignis-ID": p.event_id, "Kommune": f"{p.name} ({p.bez})", "AGS": p.ags, "Rolle": "beteiligt",
            "Sicherheit": None if p.confidence != p.confidence else round(float(p.confidence), 2),
            "Titel": e["Titel"], "Jahr": None if pd.isna(e["Jahr"]) else int(e["Jahr"]), "Art": e["Art"],
        }
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
                         "properties": props})
    fc = {"type": "FeatureCollection", "attribution": config.ATTRIBUTION, "features": features}
    return json.dumps(fc, ensure_ascii=False).encode("utf-8")


def kreise_geojson(kreise: pd.DataFrame, filter_text: str) -> bytes:
    """The Kreis polygons (display geometry) with their event counts under the filter."""
    features = [
        {"type": "Feature", "geometry": json.loads(k.geojson),
         "properties": {"AGS": k.ags, "Kreis": f"{k.name} ({k.bez})", "Ereignisse": int(k.events)}}
        for k in kreise.itertuples(index=False)
    ]
    fc = {"type": "FeatureCollection", "attribution": f"{config.ATTRIBUTION}, dl-de/by-2-0", "filter": filter_text,
          "features": features}
    return json.dumps(fc, ensure_ascii=False).encode("utf-8")


ROLE_COLOURS = {"participant": "#ffd27a", "location": "#b7dcff", "mentioned": "#e4e4e4"}


def highlighted(text: str, mentions: pd.DataFrame) -> str:
    """The clean text as HTML with the linked names marked (escaped, so the text can't inject HTML)."""
    out: list[str] = []
    pos = 0
    labels = {"participant": "beteiligt", "location": "Ort", "mentioned": "erwähnt"}
    for row in mentions.dropna(subset=["start_char", "end_char"]).sort_values("start_char").itertuples(index=False):
        start, end = int(row.start_char), int(row.end_char)
        if start < pos or end > len(text):
            continue
        out.append(html.escape(text[pos:start]))
        sure = f"Sicherheit {row.confidence:.2f}".replace(".", ",") if row.confidence == row.confidence else ""
        why = getattr(row, "evidence", "") or ""
        title = html.escape(" · ".join(x for x in (f"{row.name or row.ags} (AGS {row.ags})",
                                                   labels.get(row.role, row.role), sure, why) if x))
        colour = ROLE_COLOURS.get(row.role, "#eee")
        out.append(f'<mark title="{title}" style="background:{colour};padding:0 2px">{html.escape(text[start:end])}</mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")
