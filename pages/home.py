"""Home: the map of Germany's Kreise and Länder."""

import streamlit as st

from koopatlas import config
from koopatlas.web import data, maps

st.title("Kooperationsatlas")
st.caption("Kommunale Zusammenarbeit in Deutschland – Landkreise, Städte und Gemeinden")

kreise = data.q("map_shapes", level="kreis")
laender = data.q("map_shapes", level="land")

st.plotly_chart(maps.kreise_map(kreise, laender), width="stretch", config=maps.PLOTLY_CONFIG)
st.caption(
    f"{len(laender)} Länder, {len(kreise)} Kreise und kreisfreie Städte. "
    f"Kartengrundlage: [{config.ATTRIBUTION}]({config.ATTRIBUTION_URL})"
)
