"""The sidebar filters shared by every page, kept in the URL (``st.query_params``).

A copied link reproduces the view: ``?thema=umwelt,raum&jahr=2010-2024&land=09,14&typ=besuch``.
Every page calls :func:`sidebar` first; the widgets keep their keys on every page, so
their state survives moving between pages, and a page opened directly works the same.

The sidebar also carries the page set-up, header and attribution rather than app.py: when a
server's very first request is for a sub-page (a shared link to ``/region?ags=…``),
Streamlit runs that file from ``pages/`` on its own, before app.py has declared the
navigation, and the page must still look like the app.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import streamlit as st

from koopatlas import config
from koopatlas.extract.topics import topic_labels
from koopatlas.web import charts, data

PAGE_CONFIG = {"page_title": "Kooperationsatlas", "page_icon": "🗺️", "layout": "wide"}

#: The pages in the sidebar: (file, label, icon), in app.py's order.
NAVIGATION = (
    ("pages/home.py", "Karte", ":material/map:"),
    ("pages/netzwerk.py", "Netzwerk", ":material/hub:"),
    ("pages/themen.py", "Themen", ":material/sell:"),
    ("pages/ereignisse.py", "Ereignisse", ":material/article:"),
    ("pages/region.py", "Region", ":material/location_on:"),
    ("pages/vergleich.py", "Vergleich", ":material/compare_arrows:"),
    ("pages/beitragen.py", "Beitragen", ":material/edit_note:"),
    ("pages/protokoll.py", "Änderungsprotokoll", ":material/history:"),
)

EVENT_TYPE_LABELS = {
    "besuch": "Besuch",
    "arbeitstreffen": "Arbeitstreffen",
    "vernetzung": "Vernetzungstreffen",
    "projekt": "Gemeinsames Projekt",
    "vereinbarung": "Vereinbarung",
    "partnerschaft": "Partnerschaft",
    "sonstiges": "Sonstiges",
}


def with_kind(names: pd.Series, kinds: pd.Series) -> list[str]:
    """„Osnabrück (Kreisfreie Stadt)“ and „Osnabrück (Landkreis)“: a name alone is ambiguous."""
    return [f"{n} ({k})" if isinstance(k, str) and k else str(n) for n, k in zip(names, kinds, strict=True)]


def region_labels(choices: pd.DataFrame) -> dict[str, str]:
    """AGS → „Name (Art, Kreis)“ for the region pickers (rows of queries/region_choices.sql)."""
    return {
        r.ags: f"{r.name} ({r.bez}{', ' + r.kreis if r.level == 'gemeinde' and r.kreis else ''})"
        for r in choices.itertuples(index=False)
    }


@st.cache_data(show_spinner=False)
def topic_names() -> dict[str, str]:
    return topic_labels()


SEPARATORS = charts.SEPARATORS

ALL_LAENDER = tuple(f"{n:02d}" for n in range(1, 17))
LAND_ANY, LAND_ALL = "eines davon beteiligt", "zwischen allen gewählten"
OST_WEST = {"ost": "nur Ost", "west": "nur West", "ostwest": "zwischen Ost und West"}
#: Which levels of government take part (event_facts.level_mask).
EBENE = {"kreis": "nur Kreisebene", "gemeinde": "nur Gemeindeebene", "gemischt": "Kreis- und Gemeindeebene gemischt"}


@dataclass(frozen=True)
class Filters:
    """What the user selected; ``params`` binds it to the dashboard queries."""

    topics: tuple[str, ...] = ()
    laender: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    undated: bool = True  # events without a year count, also when the years are narrowed
    land_all: bool = False  # the selected Länder all take part („zwischen Sachsen und Bayern“)
    ost_west: str | None = None  # ost / west / ostwest (OST_WEST)
    ebene: str | None = None  # kreis / gemeinde / gemischt (EBENE)
    search: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def land_filter(self) -> list[str]:
        """The Länder that restrict: all 16 „eines davon“ is no restriction (the unfiltered case)."""
        if not self.land_all and set(self.laender) >= set(ALL_LAENDER):
            return []
        return list(self.laender)

    def params(self, **more: Any) -> dict[str, Any]:
        return {
            "topics": list(self.topics),
            "laender": self.land_filter(),
            "event_types": list(self.event_types),
            "year_from": self.year_from,
            "year_to": self.year_to,
            "undated": self.undated,
            "land_all": self.land_all and len(self.laender) > 1,
            "ost_west": self.ost_west,
            "ebene": self.ebene,
            "search": self.search or None,
            **more,
        }

    def is_default(self) -> bool:
        return self.undated and not (self.topics or self.land_filter() or self.event_types or self.year_from or self.year_to
                                     or self.search or self.ost_west or self.ebene)


def _split(value: str | None) -> list[str]:
    return [v for v in (value or "").split(",") if v]


def _years_from_url(value: str | None, lo: int, hi: int) -> tuple[int, int]:
    try:
        a, b = (int(x) for x in (value or "").split("-", 1))
        return max(lo, min(a, b)), min(hi, max(a, b))
    except ValueError:
        return lo, hi


def _remember(key: str) -> None:
    """Widget callback: keep the user's choice before the next run re-assigns the widgets."""
    st.session_state.keep_filters[key] = st.session_state[key]


@st.cache_resource(show_spinner=False)
def _page_assets() -> str:
    """The app's style sheet (phone layout, app.css) and German texts for Streamlit's own
    English controls (german.js), added to every page."""
    from pathlib import Path

    here = Path(__file__).parent
    css, js = ((here / name).read_text(encoding="utf-8") for name in ("app.css", "german.js"))
    return f"<style>{css}</style><script>{js}</script>"


def sidebar() -> Filters:
    """Render the filters in the sidebar, initialised from and written back to the URL."""
    st.set_page_config(**PAGE_CONFIG)
    st.sidebar.html(_page_assets(), unsafe_allow_javascript=True)
    st.sidebar.markdown("### Kooperationsatlas")
    st.sidebar.caption("Wer arbeitet mit wem zusammen? Kommunale Kooperationen in Deutschland, "
                       "erschlossen aus Pressemitteilungen.")
    qp = st.query_params
    options = data.q("filter_options").iloc[0]
    year_min = int(options["year_min"]) if pd.notna(options["year_min"]) else 1990
    year_max = int(options["year_max"]) if pd.notna(options["year_max"]) else year_min
    undated_count = int(options["undated"])
    laender = data.q("laender")
    land_names = dict(zip(laender["ags"], laender["name"], strict=True))
    topics = topic_names()

    # Streamlit forgets widget state when the page changes; the filters are kept under
    # their own keys and given back to the new page's widgets. A fresh session reads the URL.
    if "keep_filters" not in st.session_state:
        st.session_state.keep_filters = {
            "f_topics": [t for t in _split(qp.get("thema")) if t in topics],
            "f_laender": [land for land in _split(qp.get("land")) if land in land_names],
            "f_types": [t for t in _split(qp.get("typ")) if t in EVENT_TYPE_LABELS],
            "f_years": _years_from_url(qp.get("jahr"), year_min, year_max),
            "f_undated": qp.get("ohnejahr") != "nein",
            "f_land_mode": LAND_ALL if qp.get("zwischen") == "ja" else LAND_ANY,
            "f_ost_west": qp.get("ostwest") if qp.get("ostwest") in OST_WEST else None,
            "f_ebene": qp.get("ebene") if qp.get("ebene") in EBENE else None,
        }
    for key, value in st.session_state.keep_filters.items():
        st.session_state[key] = value  # re-assigning also keeps Streamlit from dropping it on a page change

    links = url_params(_from_widgets(st.session_state.keep_filters, year_min, year_max))
    for page, label, icon in NAVIGATION:
        st.sidebar.page_link(page, label=label, icon=icon, query_params=links, width="stretch")
    st.sidebar.markdown("#### Filter")
    selected_topics = st.sidebar.multiselect(
        "Themen", list(topics), format_func=topics.get, key="f_topics", placeholder="Alle Themen",
        on_change=_remember, args=("f_topics",),
    )
    selected_laender = st.sidebar.multiselect(
        "Bundesländer", list(land_names), format_func=land_names.get, key="f_laender", placeholder="Alle Länder",
        on_change=_remember, args=("f_laender",),
    )
    land_mode = st.sidebar.radio(
        "Gewählte Länder", (LAND_ANY, LAND_ALL), key="f_land_mode", horizontal=True, on_change=_remember,
        args=("f_land_mode",), label_visibility="collapsed",
        help="„zwischen“: nur Ereignisse, an denen alle gewählten Länder beteiligt sind (z. B. Sachsen und Bayern)",
    )
    ost_west = st.sidebar.selectbox(
        "Ost / West", list(OST_WEST), format_func=OST_WEST.get, key="f_ost_west", index=None, placeholder="Ost und West",
        on_change=_remember, args=("f_ost_west",), help="Ost: Berlin, Brandenburg, Mecklenburg-Vorpommern, Sachsen, "
        "Sachsen-Anhalt, Thüringen; West: die übrigen Länder",
    )
    ebene = st.sidebar.selectbox(
        "Ebene", list(EBENE), format_func=EBENE.get, key="f_ebene", index=None, placeholder="Kreise und Gemeinden",
        on_change=_remember, args=("f_ebene",), help="Kreisebene: Landkreise, Kreise und kreisfreie Städte; "
        "Gemeindeebene: kreisangehörige Städte, Gemeinden und Gemeindeverbände (Ämter, Samtgemeinden …)",
    )
    selected_types = st.sidebar.multiselect(
        "Art des Ereignisses", list(EVENT_TYPE_LABELS), format_func=EVENT_TYPE_LABELS.get, key="f_types",
        placeholder="Alle Arten", on_change=_remember, args=("f_types",),
    )
    if year_max > year_min:
        years = st.sidebar.slider("Jahre", year_min, year_max, key="f_years", on_change=_remember, args=("f_years",))
    else:
        years = (year_min, year_max)
    undated = st.sidebar.checkbox(
        f"Ereignisse ohne Jahr mitzählen ({undated_count:,})".replace(",", "."), key="f_undated",
        on_change=_remember, args=("f_undated",),
        help="Aus manchen Mitteilungen geht kein Jahr hervor. Mitgezählt erscheinen sie als „ohne Jahr“, "
             "auch wenn die Jahre eingegrenzt sind.")
    if st.sidebar.button("Filter zurücksetzen", width="stretch"):
        for key in ("f_topics", "f_laender", "f_types", "f_years", "f_undated", "f_land_mode", "f_ost_west",
                    "f_ebene", "keep_filters"):
            st.session_state.pop(key, None)
        st.query_params.clear()
        st.rerun()
    st.session_state.keep_filters = {
        "f_topics": selected_topics, "f_laender": selected_laender, "f_types": selected_types, "f_years": tuple(years),
        "f_undated": undated, "f_land_mode": land_mode, "f_ost_west": ost_west, "f_ebene": ebene,
    }

    filters = _from_widgets(
        {"f_topics": selected_topics, "f_laender": selected_laender, "f_types": selected_types, "f_years": years,
         "f_undated": undated, "f_land_mode": land_mode, "f_ost_west": ost_west, "f_ebene": ebene},
        year_min, year_max,
    )
    _write_url(filters)
    with st.sidebar.popover("Link kopieren", icon=":material/link:", width="stretch"):
        st.caption("Link zu genau dieser Ansicht (Seite und Filter) – Kopiersymbol rechts im Feld:")
        st.code(current_link(), language=None, wrap_lines=True)
    st.sidebar.divider()
    st.sidebar.caption(f"Grenzen: [{config.ATTRIBUTION}]({config.ATTRIBUTION_URL}), dl-de/by-2-0 (Daten verändert)")
    return filters


def describe(filters: Filters, land_names: dict[str, str], topics: dict[str, str]) -> tuple[str, str]:
    """(the filters in words for an export's sheet, a short slug for its file name)."""
    import re

    parts, slug = [], []
    if filters.laender:
        names = [land_names.get(a, a) for a in filters.laender]
        joiner = " und " if filters.land_all and len(names) > 1 else " oder "
        parts.append(("zwischen " if filters.land_all and len(names) > 1 else "Länder: ") + joiner.join(names))
        slug += names
    if filters.ost_west:
        parts.append(OST_WEST[filters.ost_west])
        slug.append(filters.ost_west)
    if filters.ebene:
        parts.append(EBENE[filters.ebene])
        slug.append(f"ebene-{filters.ebene}")
    if filters.topics:
        parts.append("Themen: " + ", ".join(topics.get(t, t) for t in filters.topics))
        slug += list(filters.topics)
    if filters.event_types:
        parts.append("Art: " + ", ".join(EVENT_TYPE_LABELS.get(t, t) for t in filters.event_types))
        slug += list(filters.event_types)
    if filters.year_from is not None:
        parts.append(f"Jahre {filters.year_from}–{filters.year_to}")
        slug.append(f"{filters.year_from}-{filters.year_to}")
    parts.append("mit Ereignissen ohne Jahr" if filters.undated else "ohne Ereignisse ohne Jahr")
    if filters.search:
        parts.append(f"Suche: {filters.search}")
        slug.append("suche")
    text = "; ".join(parts)
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
    clean = re.sub(r"[^a-z0-9-]+", "-", "-".join(slug).lower().translate(table)).strip("-")
    return text, clean[:80]


def current_link() -> str:
    """The address of this view: the page's URL with the filters and page parameters."""
    from urllib.parse import urlencode

    base = st.context.url or ""
    query = urlencode({k: st.query_params[k] for k in st.query_params}, safe=",")
    return f"{base}?{query}" if query else base


_URL_KEYS = ("thema", "land", "typ", "jahr", "ohnejahr", "zwischen", "ostwest", "ebene")


def url_params(filters: Filters) -> dict[str, str]:
    """The filter part of the URL (only what is set), e.g. to carry it along to another page."""
    out = {
        "thema": ",".join(filters.topics),
        "land": ",".join(filters.laender),
        "typ": ",".join(filters.event_types),
        "jahr": f"{filters.year_from}-{filters.year_to}" if filters.year_from is not None else "",
        "ohnejahr": "" if filters.undated else "nein",
        "zwischen": "ja" if filters.land_all and len(filters.laender) > 1 else "",
        "ostwest": filters.ost_west or "",
        "ebene": filters.ebene or "",
    }
    return {k: v for k, v in out.items() if v}


def _write_url(filters: Filters) -> None:
    """Mirror the filters into the URL, leaving page-specific parameters (ags, q, ereignis) alone."""
    wanted = url_params(filters)
    for key in _URL_KEYS:
        if key in wanted and st.query_params.get(key) != wanted[key]:
            st.query_params[key] = wanted[key]
        elif key not in wanted and key in st.query_params:
            del st.query_params[key]


def from_url(qp: Mapping[str, str], topics: Collection[str], laender: Collection[str]) -> Filters:
    """The filters a link carries (the keys of :func:`url_params`, ``q`` for the search), unknown
    values dropped: what the download routes serve, outside any Streamlit session."""
    years = _years_from_url(qp.get("jahr"), 0, 9999)
    years = None if years == (0, 9999) else years  # absent or unreadable: no year filter
    search = (qp.get("q") or "").strip()
    return Filters(
        topics=tuple(t for t in _split(qp.get("thema")) if t in topics),
        laender=tuple(land for land in _split(qp.get("land")) if land in laender),
        event_types=tuple(t for t in _split(qp.get("typ")) if t in EVENT_TYPE_LABELS),
        year_from=years[0] if years else None,
        year_to=years[1] if years else None,
        undated=qp.get("ohnejahr") != "nein",
        land_all=qp.get("zwischen") == "ja",
        ost_west=qp.get("ostwest") if qp.get("ostwest") in OST_WEST else None,
        ebene=qp.get("ebene") if qp.get("ebene") in EBENE else None,
        search=search or None,
    )


def _from_widgets(values: dict, year_min: int, year_max: int) -> Filters:
    """Filters from the widget values; the full year range means no year filter (undated included)."""
    years = tuple(values.get("f_years") or (year_min, year_max))
    narrowed = years != (year_min, year_max)
    return Filters(
        topics=tuple(values.get("f_topics", ())),
        laender=tuple(values.get("f_laender", ())),
        event_types=tuple(values.get("f_types", ())),
        year_from=years[0] if narrowed else None,
        year_to=years[1] if narrowed else None,
        undated=bool(values.get("f_undated", True)),
        land_all=values.get("f_land_mode") == LAND_ALL,
        ost_west=values.get("f_ost_west") if values.get("f_ost_west") in OST_WEST else None,
        ebene=values.get("f_ebene") if values.get("f_ebene") in EBENE else None,
    )


def empty_message() -> None:
    st.info("Für diese Filter gibt es keine Ereignisse. Lockern Sie die Auswahl in der Seitenleiste "
            "oder setzen Sie die Filter zurück.", icon="🔎")
