"""`python -m koopatlas.web.mapview`: fetch the map's Plotly bundle unless it is there."""

import sys

from koopatlas.web.mapview import BUNDLE, BUNDLE_URL, available, fetch_bundle

if available():
    print(f"Kartenbibliothek vorhanden: {BUNDLE.name}")
    sys.exit(0)
try:
    print(f"Kartenbibliothek geladen: {fetch_bundle()}")
except (OSError, ValueError) as exc:
    # the app still works with Streamlit's own Plotly element, only slower to start
    print(f"Warnung: {BUNDLE_URL} nicht geladen ({exc}); die Karte nutzt st.plotly_chart.", file=sys.stderr)
