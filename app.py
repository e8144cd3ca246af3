"""Kooperationsatlas – entry point: navigation, sidebar, pages."""

import streamlit as st

from koopatlas import config

st.set_page_config(page_title="Kooperationsatlas", page_icon="🗺️", layout="wide")

navigation = st.navigation(
    [
        st.Page("pages/home.py", title="Karte", icon="🗺️", default=True),
    ]
)

with st.sidebar:
    st.markdown("### Kooperationsatlas")
    st.caption("Wer arbeitet mit wem zusammen? Kommunale Kooperationen in Deutschland aus Pressemitteilungen.")

navigation.run()

with st.sidebar:
    st.divider()
    st.caption(f"Grenzen: [{config.ATTRIBUTION}]({config.ATTRIBUTION_URL}), dl-de/by-2-0 (Daten verändert)")
