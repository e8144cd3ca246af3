"""HTML: main text and metadata via trafilatura (drops navigation, ads, comments)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import trafilatura

from koopatlas.sources import Document, SourceError, make_document, read_bytes
from koopatlas.sources.text import decode


def parse_html(html: str, name: str, source: str) -> Document:
    result = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=True, with_metadata=True, favor_recall=True, url=None
    )
    if result is None:
        raise SourceError(f"{source}: no main text found in the HTML")
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = data.get("text") or ""
    if not text.strip():
        raise SourceError(f"{source}: no main text found in the HTML")
    title = data.get("title") or None
    published = None
    if data.get("date"):
        try:
            published = date.fromisoformat(str(data["date"])[:10])
        except ValueError:
            published = None
    raw = f"{title}\n{text}" if title and not text.startswith(title) else text
    doc = make_document(name, source, raw, title=title, published=published)
    page_url = str(data.get("url") or "")
    if doc.url is None and page_url.startswith(("http://", "https://")):
        doc = doc.with_url(page_url)  # a saved page's canonical address: who published it, and when
    return doc


def load_html_file(path: Path) -> Document:
    return parse_html(decode(read_bytes(path), str(path)), path.stem, str(path))
