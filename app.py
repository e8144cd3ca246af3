"""Kooperationsatlas – entry point: navigation, sidebar filters, pages."""

import streamlit as st

from koopatlas import config

st.set_page_config(page_title="Kooperationsatlas", page_icon="🗺️", layout="wide")

# Each page renders the shared sidebar filters itself (koopatlas.web.filters.sidebar), so a
# page works the same when opened directly and keeps the filters when the user switches pages.
PAGES = {
    "karte": st.Page("pages/home.py", title="Karte", icon=":material/map:", default=True),
    "netzwerk": st.Page("pages/netzwerk.py", title="Netzwerk", icon=":material/hub:", url_path="netzwerk"),
    "themen": st.Page("pages/themen.py", title="Themen", icon=":material/sell:", url_path="themen"),
    "ereignisse": st.Page("pages/ereignisse.py", title="Ereignisse", icon=":material/article:", url_path="ereignisse"),
    "region": st.Page("pages/region.py", title="Region", icon=":material/location_on:", url_path="region"),
}
navigation = st.navigation(list(PAGES.values()))  # listed in the sidebar by filters.sidebar()

with st.sidebar:
    st.markdown("### Kooperationsatlas")
    st.caption("Wer arbeitet mit wem zusammen? Kommunale Kooperationen in Deutschland, erschlossen aus Pressemitteilungen.")

navigation.run()

with st.sidebar:
    st.divider()
    st.caption(f"Grenzen: [{config.ATTRIBUTION}]({config.ATTRIBUTION_URL}), dl-de/by-2-0 (Daten verändert)")
