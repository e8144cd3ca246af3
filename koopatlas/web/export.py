"""Downloads of the filtered events: CSV, Excel and GeoJSON."""

from __future__ import annotations

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


def to_csv(events: pd.DataFrame) -> bytes:
    return events.to_csv(index=False, sep=";").encode("utf-8-sig")  # BOM: Excel opens umlauts right


def to_excel(events: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        events.to_excel(writer, index=False, sheet_name="Ereignisse")
        pd.DataFrame({"Quelle": [f"Kooperationsatlas; Grenzen {config.ATTRIBUTION}"]}).to_excel(
            writer, index=False, sheet_name="Hinweise")
    return buffer.getvalue()


def to_geojson(events: pd.DataFrame, points: pd.DataFrame) -> bytes:
    """One feature per event: a MultiPoint of its participants, the table row as properties."""
    coords = points.groupby("event_id")[["lon", "lat"]].apply(lambda d: d.values.tolist()).to_dict()
    features = []
    for row in events.to_dict(orient="records"):
        props = {k: (v.isoformat() if hasattr(v, "isoformat") else (None if pd.isna(v) else v)) for k, v in row.items()}
        features.append({
            "type": "Feature",
            "geometry": {"type": "MultiPoint", "coordinates": coords.get(row["event_id"], [])},
            "properties": props,
        })
    fc = {"type": "FeatureCollection", "attribution": config.ATTRIBUTION, "features": features}
    return json.dumps(fc, ensure_ascii=False, default=str).encode("utf-8")


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
