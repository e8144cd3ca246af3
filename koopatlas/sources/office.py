"""Word (.docx) and PDF (text layer) documents."""

from __future__ import annotations

from pathlib import Path

import docx
import pypdf

from koopatlas.sources import Document, SourceError, make_document


def load_docx(path: Path) -> Document:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    title = (document.core_properties.title or "").strip() or None
    return make_document(path.stem, str(path), "\n".join(parts), title=title)


def load_pdf(path: Path) -> Document:
    reader = pypdf.PdfReader(str(path))
    pages = [page.extract_text() or "" for page in reader.pages]
    text = "\n".join(pages)
    if not text.strip():
        raise SourceError(f"{path}: the PDF has no text layer (scanned image?); OCR it first")
    meta_title = (reader.metadata.title if reader.metadata else None) or None
    return make_document(path.stem, str(path), text, title=meta_title.strip() if meta_title else None)
