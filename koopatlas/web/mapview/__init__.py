"""The Karte's interactive map: a small Streamlit component drawing with Plotly's geo bundle.

Streamlit's own Plotly element loads a 4.7 MB bundle with every trace type; parsing and
evaluating it is most of a first visit's wait. This component's page (index.html) loads
plotly.js-geo-dist-min (≈1.4 MB, the same Plotly.js, geo traces only), fetched from the npm
registry by ``make setup`` (``python -m koopatlas.web.mapview``) and checked against its
published SHA-512. Without the bundle the Karte falls back to ``st.plotly_chart``.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import tarfile
import urllib.request
from functools import lru_cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BUNDLE = HERE / "plotly-geo.min.js"
BUNDLE_URL = "https://registry.npmjs.org/plotly.js-geo-dist-min/-/plotly.js-geo-dist-min-4.1.1.tgz"
#: The registry's "integrity" of that tarball.
BUNDLE_SHA512 = "XPBno+FN2WGUTqtim/0UKmKqZ3kZ5ooAWqITWWGooqVWRd+cIZDh1Pv10N3848uQdgrrqyGratT00bREBPux3Q=="


def fetch_bundle(url: str = BUNDLE_URL, target: Path = BUNDLE, timeout: float = 60) -> Path:
    """Download the npm tarball, verify it, and write its plotly-geo.min.js next to index.html."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        tarball = response.read()
    digest = base64.b64encode(hashlib.sha512(tarball).digest()).decode()
    if digest != BUNDLE_SHA512:
        raise ValueError(f"{url}: checksum mismatch (sha512 {digest})")
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        script = archive.extractfile("package/plotly-geo.min.js").read()
    partial = target.with_name(f"{target.name}.{os.getpid()}.part")
    partial.write_bytes(script)
    os.replace(partial, target)
    return target


def available() -> bool:
    return BUNDLE.is_file()


@lru_cache(maxsize=1)
def _component():
    import streamlit.components.v1 as components

    return components.declare_component("kooperationskarte", path=str(HERE))


def show(figure_json: str, config: dict[str, Any], key: str) -> str | None:
    """Draw the figure; return the AGS of a point or Kreis the user has just clicked, else None."""
    import streamlit as st

    clicked = _component()(spec=figure_json, config=config, key=key, default=None)
    if not isinstance(clicked, dict) or clicked.get("at") == st.session_state.get(f"{key}_handled"):
        return None  # nothing clicked, or a click already acted on (the value outlives the rerun)
    st.session_state[f"{key}_handled"] = clicked.get("at")
    return clicked.get("ags")
