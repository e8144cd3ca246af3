"""http(s) URLs: fetched with a timeout and a size cap, then read as HTML."""

from __future__ import annotations

import urllib.error
import urllib.request

from koopatlas.sources import Document, SourceError, make_document
from koopatlas.sources.html import parse_html

TIMEOUT_S = 20.0
MAX_BYTES = 5 * 1024 * 1024
USER_AGENT = "Kooperationsatlas/0.1 (+https://example.invalid/koopatlas)"


def fetch(url: str, timeout: float = TIMEOUT_S, max_bytes: int = MAX_BYTES) -> tuple[bytes, str]:
    """The body (at most ``max_bytes``) and its content type."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(max_bytes + 1)
            ctype = response.headers.get("Content-Type", "")
    except (urllib.error.URLError, TimeoutError, ValueError) as exc:
        raise SourceError(f"{url}: download failed ({exc})") from exc
    if len(body) > max_bytes:
        raise SourceError(f"{url}: larger than {max_bytes // 1024 // 1024} MB, not read")
    return body, ctype


def load_url(url: str) -> Document:
    body, ctype = fetch(url)
    charset = "utf-8"
    if "charset=" in ctype:
        charset = ctype.split("charset=")[-1].split(";")[0].strip() or "utf-8"
    try:
        text = body.decode(charset)
    except (LookupError, UnicodeDecodeError):
        from koopatlas.sources.text import decode

        text = decode(body, url)
    if "html" in ctype or text.lstrip().startswith("<"):
        return parse_html(text, url, url)
    return make_document(url, url, text)
