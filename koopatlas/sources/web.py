"""http(s) URLs: fetched with a timeout and a size cap, then read as HTML."""

from __future__ import annotations

import urllib.error
import urllib.request

from koopatlas.sources import Document, SourceError, make_document
from koopatlas.sources.html import parse_html

TIMEOUT_S = 5.0  # per connect / read; the whole download also has the per-document time limit
USER_AGENT = "Kooperationsatlas/0.1 (+https://example.invalid/koopatlas)"


def fetch(url: str, timeout: float = TIMEOUT_S, max_bytes: int | None = None,
          deadline_s: float | None = None) -> tuple[bytes, str]:
    """The body (at most ``max_bytes``) and its content type, read in chunks against a deadline
    (a server that drips a byte a second never trips a socket timeout)."""
    import time

    from koopatlas import config

    limits = config.limits()
    max_bytes = max_bytes or int(limits.file_mb * 1e6)
    deadline = time.monotonic() + (deadline_s or limits.seconds)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    chunks, size = [], 0
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            ctype = response.headers.get("Content-Type", "")
            while True:
                chunk = response.read1(64 * 1024) if hasattr(response, "read1") else response.read(64 * 1024)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if size > max_bytes:
                    raise SourceError(f"{url}: larger than {max_bytes / 1e6:g} MB, not read (KOOPATLAS_MAX_FILE_MB)")
                if time.monotonic() > deadline:
                    raise SourceError(f"{url}: download not finished within {deadline_s or limits.seconds:g} s, given up")
    except SourceError:
        raise
    except urllib.error.HTTPError as exc:
        raise SourceError(f"{url}: download failed (HTTP {exc.code}: {exc.reason})") from exc
    except (urllib.error.URLError, TimeoutError, ValueError, OSError) as exc:
        raise SourceError(f"{url}: download failed ({exc})") from exc
    return b"".join(chunks), ctype


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
