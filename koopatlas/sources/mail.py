"""E-mail (.eml): subject as title, Date header as published date, text or HTML body."""

from __future__ import annotations

import email
import email.policy
from email.utils import parsedate_to_datetime
from pathlib import Path

from koopatlas.sources import Document, SourceError, make_document, read_bytes
from koopatlas.sources.html import parse_html


def load_eml(path: Path) -> Document:
    message = email.message_from_bytes(read_bytes(path), policy=email.policy.default)
    title = str(message["subject"]) if message["subject"] else None
    published = None
    if message["date"]:
        try:
            published = parsedate_to_datetime(str(message["date"])).date()
        except (TypeError, ValueError):
            published = None
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        raise SourceError(f"{path}: the e-mail has no text or HTML body")
    content = body.get_content()
    if body.get_content_type() == "text/html":
        doc = parse_html(content, path.stem, str(path))
        doc.title, doc.published = title or doc.title, published or doc.published
        return doc
    raw = f"{title}\n{content}" if title else content
    return make_document(path.stem, str(path), raw, title=title, published=published)
