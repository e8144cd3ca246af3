"""Word (.docx) and PDF (text layer) documents, checked against the limits before parsing."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pypdf

from koopatlas import config
from koopatlas.clean import unwrap
from koopatlas.sources import Document, SourceError, make_document


def check_docx(path: Path) -> None:
    """Refuse a zip bomb before python-docx unpacks it: entries and their declared sizes (zipfile
    never inflates an entry beyond its declared size, so the sum bounds the memory)."""
    limits = config.limits()
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise SourceError(f"{path}: not a valid .docx (zip) file ({exc})") from exc
    if len(entries) > limits.docx_entries:
        raise SourceError(f"{path}: {len(entries):,} entries in the .docx, over the limit of {limits.docx_entries:,}")
    unpacked = sum(e.file_size for e in entries)
    if unpacked > limits.docx_unzipped_mb * 1e6:
        raise SourceError(f"{path}: unpacks to {unpacked / 1e6:,.0f} MB, over the limit of "
                          f"{limits.docx_unzipped_mb:g} MB (zip bomb?)")
    if not any(e.filename == "word/document.xml" for e in entries):
        raise SourceError(f"{path}: no word/document.xml inside: not a Word document")


def load_docx(path: Path) -> Document:
    check_docx(path)
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    title = (document.core_properties.title or "").strip() or None
    return make_document(path.stem, str(path), "\n".join(parts), title=title)


def load_pdf(path: Path) -> Document:
    limits = config.limits()
    reader = pypdf.PdfReader(str(path))
    if reader.is_encrypted:
        try:  # many "encrypted" PDFs only restrict printing and open with the empty password
            opened = reader.decrypt("")
        except Exception as exc:  # an unsupported cipher
            raise SourceError(f"{path}: encrypted PDF, cannot be read ({exc})") from exc
        if not opened:
            raise SourceError(f"{path}: encrypted PDF with a password, cannot be read")
    if len(reader.pages) > limits.pdf_pages:
        raise SourceError(f"{path}: {len(reader.pages):,} pages, over the limit of {limits.pdf_pages:,} "
                          "(KOOPATLAS_MAX_PDF_PAGES)")
    pages, chars = [], 0
    for page in reader.pages:
        text = page.extract_text() or ""
        pages.append(text)
        chars += len(text)
        if chars > limits.raw_chars:  # make_document cuts it anyway: stop reading pages
            break
    text = unwrap("\n".join(pages))  # the layout's line breaks and hyphens
    if not text.strip():
        raise SourceError(f"{path}: the PDF has no text layer (scanned image?); OCR it first")
    meta_title = (reader.metadata.title if reader.metadata else None) or None
    return make_document(path.stem, str(path), text, title=meta_title.strip() if meta_title else None)
