"""Plain text in UTF-8, cp1252 or latin-1: decoded by rule, never by a silent guess."""

from __future__ import annotations

from pathlib import Path

from koopatlas.sources import Document, SourceError, make_document, read_bytes

#: Bytes that cp1252 leaves undefined: their presence rules cp1252 out.
_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def decode(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM) when valid; else cp1252; else latin-1.

    Valid UTF-8 with non-ASCII bytes is practically never an accident, so it wins;
    cp1252 is latin-1 plus typographic quotes and the euro sign, so it comes next.
    UTF-16 is recognised by its BOM. Text that still contains NUL bytes is rejected.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1") if _CP1252_UNDEFINED & set(data) else data.decode("cp1252")
    if "\x00" in text or _control_share(text) > 0.005:
        raise SourceError(f"{source}: binary data, not a text file")
    return text


_TEXT_CONTROLS = frozenset("\t\n\r\x0c")


def _control_share(text: str, sample: int = 20_000) -> float:
    """Share of control characters in the first ``sample`` characters: text has next to none,
    binary data decoded as latin-1 has about one in eight."""
    head = text[:sample]
    if not head:
        return 0.0
    controls = sum(1 for ch in head if (ch < " " or "\x7f" <= ch <= "\x9f") and ch not in _TEXT_CONTROLS)
    return controls / len(head)


def load_txt(path: Path) -> Document:
    return make_document(path.stem, str(path), decode(read_bytes(path), str(path)))
