"""Sources: turn a file or URL into a :class:`Document` with raw and clean text.

One reader per format (txt, html, docx, pdf, eml, http(s) URL); all of them end in
:func:`make_document`, which cleans the text and derives the id from it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from koopatlas.clean import Cleaned, clean

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf", ".eml")


class SourceError(ValueError):
    """A source could not be read; the message names the source and the problem."""


@dataclass
class Document:
    """A press release, read and cleaned."""

    id: str  # hash of the clean text: the same text from two files is one document
    name: str  # file stem or URL: what the user calls it
    source: str
    title: str | None
    published: date | None
    raw_text: str
    cleaned: Cleaned = field(repr=False)
    url: str | None = None  # where the text was published, when known
    warnings: list[str] = field(default_factory=list)  # e.g. text cut at the length limit

    def with_url(self, url: str | None) -> Document:
        """The same document with a known source URL; a date in the URL becomes the published date."""
        from koopatlas.extract.dates import url_date

        self.url = url
        if self.published is None and url:
            self.published = url_date(url)[1]
            self._url_year = url_date(url)[0]
        return self

    @property
    def published_year(self) -> int | None:
        return self.published.year if self.published else getattr(self, "_url_year", None)

    @property
    def clean_text(self) -> str:
        return self.cleaned.text


def text_id(clean_text: str) -> str:
    return hashlib.sha1(clean_text.encode("utf-8")).hexdigest()[:16]


def make_document(name: str, source: str, raw: str, title: str | None = None, published: date | None = None) -> Document:
    """Clean the raw text and wrap it; an empty result is an error, not an empty event."""
    from koopatlas import config

    limits = config.limits()
    warnings = []
    if len(raw) > limits.raw_chars:  # cleaning a novel-length text would cost seconds for nothing
        warnings.append(f"{source}: text of {len(raw):,} characters cut to {limits.raw_chars:,} before cleaning")
        raw = raw[:limits.raw_chars]
    cleaned = clean(raw)
    if not cleaned.text.strip():
        raise SourceError(f"{source}: no text found after cleaning")
    if len(cleaned.text) > limits.text_chars:
        warnings.append(f"{source}: clean text of {len(cleaned.text):,} characters cut to {limits.text_chars:,} "
                        "(a press release is rarely over 100,000)")
        cleaned = dataclasses.replace(cleaned, text=cleaned.text[:limits.text_chars],
                                      offsets=cleaned.offsets[:limits.text_chars])
    if title is None or not is_headline(title):
        title = guess_title(cleaned.text)  # metadata titles are often file names or site names
    if published is None:
        from koopatlas.extract.dates import header_date

        published = header_date(cleaned.text)
    doc = Document(text_id(cleaned.text), name, source, title, published, raw, cleaned, warnings=warnings)
    return doc.with_url(source) if source.startswith(("http://", "https://")) else doc


_NOT_A_TITLE = re.compile(
    r"^(?:date\s|datum\b|stand\b|press(?:e)?(?:mitteilung|meldung|information)(?:\s+nr\.?\s*[\d/]+)?[,:]?\s*(?:\d{1,2}\.\d{1,2}\.\d{2,4})?\s*$|"
    r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b|\[?\d{1,2}\.\d{1,2}\.\d{2,4}\]?\s*$)",
    re.IGNORECASE,
)
#: Page furniture anywhere in the opening words of a line.
_FURNITURE = re.compile(
    # page furniture: navigation, skip links, cookie and translation notices, page counters, logos
    r"\b(?:skip to|zum inhalt|navigation|inhaltsbereich|sie sind hier|sie befinden sich|startseite|hauptmenü|menü\b|"
    r"^suche\b|seite\s*\d+\s*von|sie sind auf seite|cookie|datenschutz(?:erklärung|hinweise?|einstellungen)?\b|google|übersetz(?:en|ung|ungen)?\b|sprachfunktion|vorlesen|"
    r"javascript|logo\b|druckversion|^teilen\b|(?:seite|artikel|beitrag|jetzt)\s+teilen\b|teilen\s+(?:auf|per|via)\b|newsletter|impressum|\w*inhaltsbereich|hauptinhalt|"
    # service and list pages: "Alle Meldungen", "Wir beraten Sie gerne.", "Was erledige ich wo?"
    r"alle (?:meldungen|nachrichten|artikel|beiträge|termine)|wir beraten sie|hier finden sie|was erledige ich|"
    r"weiterlesen|mehr erfahren|zurück zu[rm]? |"
    # cookie and consent notices
    r"analysetechnik|einwilligung|unsere dienstleister|auf unserer (?:web)?seite|dsgvo|banner|widerruf|abonnieren|"
    # mastheads of papers, gazettes and press offices: "Ihre Zeitung aus …", "Amts- und Mitteilungsblatt"
    r"ihre (?:heimat)?zeitung|\w*amtsblatt|\w*mitteilungsblatt|heimatblatt|pressestelle\b|"
    # datelines of a press office: "Pressemeldung vom: 30.01.2019 - 08:01 Uhr"
    r"press(?:e)?(?:meldung|mitteilung|information)\s+vom|veröffentlicht\s+am|erstellt\s+am|"
    r"neuigkeiten\b|aktuelle[s]?\s*$|news\s*$|weiterführende links|link zu|inhalt der seite|\bapp\s*$)",
)  # searched in the lower-cased line: literals without IGNORECASE match several times faster
#: Photo credits and captions: "… © Stadt Frankfurt (Oder)", "Foto: Caritas Brilon".
_CREDIT = re.compile(  # searched in the lower-cased line, like _FURNITURE
    r"©|\(c\)\s|\b(?:foto|fotos|bild|bildquelle|quelle|grafik|copyright)\s*:|\((?:foto|li\.|re\.|r\.|l\.)|"
    # stock-photo agencies and licences: "name (unsplash)", "Fotolia-Lizenzfoto #"
    r"unsplash|pixabay|fotolia|shutterstock|istock|adobe\s?stock|getty\s?images|pexels|lizenzfoto|"
    # where people stand in a picture: "Anna Muster (links), Max Beispiel und …", "v. l. n. r."
    r"\((?:links|rechts|mitte|vorne|hinten)\)|\bv\.\s?l\.|\bvon links\b",
)
#: A breadcrumb or menu row: "Nachrichten > Politik", "Suche |", a bullet, "1. Startseite".
_MENU = re.compile(r"\s[>»]\s|^[|•·▸►]|[|]\s*$|^\d{1,2}\.\s+(?:Startseite|Nachrichten|Aktuelles|Presse|Service|Rathaus|Home)\b", re.I)
#: A gazette's rubric, a short line alone: "Aus dem Stadtleben", "Nachrichten anderer Stellen und Behörden",
#: "Amtliche Bekanntmachungen" ("Aus dem Stadtrat: Vertrag unterzeichnet" stays a headline).
_RUBRIC = re.compile(
    r"^(?:Aus (?:dem|der|den) [\wäöüß-]+|(?:Amtliche |Sonstige |Weitere )?(?:Bekanntmachungen|Mitteilungen|Nachrichten|"
    r"Informationen)(?: [\wäöüß-]+){0,4})$")
#: Minutes of a council: the status line of an item ("Beschluss: einstimmig beschlossen").
_MINUTES_STATUS = re.compile(
    r"^(?:Beschluss|Abstimmungsergebnis|Status)\s*:\s*(?:einstimmig|mehrheitlich|zur Kenntnis|zurückgestellt|abgelehnt|"
    r"angenommen|beschlossen|vertagt|ungeändert|geändert)", re.I)
#: A file name or URL slug: "20200303-bericht-zv-kl-final-inkl-anlagen", "hallertau.info News".
_FILE_NAME = re.compile(r"^[\w.-]*[-_][\w.-]*$|\.(?:pdf|docx?|html?)$|\b[\w-]+\.(?:de|info|com|net|org|eu)\b", re.I)
#: The sender's name alone ("Landratsamt Bautzen", "Stadt Frankfurt (Oder)") or its address ("Bahnhofstraße 9,
#: 02625 Bautzen"): a letterhead, not the headline.
_SENDER = re.compile(
    r"^(?:Landratsamt|Kreisverwaltung|Kreishaus|Landkreis|Kreis|Stadt|Hansestadt|Gemeinde|Markt|Stadtverwaltung|"
    r"Gemeindeverwaltung|Amt|Amtsverwaltung|Samtgemeinde|Verbandsgemeinde|Verbandsgemeindeverwaltung|Bezirksamt|"
    r"Rathaus|Pressestelle)(?:\s+(?:[A-ZÄÖÜ][\w./-]*|\([^)]*\)|an der|am|im|in der|ob der|bei|a\.\s?d\.))+$")
_POSTCODE = re.compile(r"(?:^|,\s*|\s)(?:D-)?\d{5}\s+[A-ZÄÖÜ]")
_PREFIX = re.compile(r"^\s*(?:date\s+\d{4}-\d{2}(?:-\d{2})?|Betreff:|Titel:|Überschrift:|\[\d{1,2}\.\d{1,2}\.\d{4}\])\s*")


_WORDS = re.compile(r"[A-Za-zÄÖÜäöüß]{2,}")
#: How much of a line :func:`is_headline` reads: the title is cut at 160 characters.
HEADLINE_CHARS = 240


def is_headline(line: str) -> bool:
    """Does the line read like a release's headline (not a credit, masthead, notice or file name)?"""
    line = line.strip()
    words = _WORDS.findall(line, 0, 80)
    if len(words) < 3 and not (len(words) == 2 and len(line) > 12):
        return False
    head = line[:HEADLINE_CHARS]  # a long lead paragraph is judged by its opening, where the title is cut
    low = head.lower()
    return not (_NOT_A_TITLE.match(line) or _FURNITURE.search(low[:80]) or _CREDIT.search(low)
                or _FILE_NAME.search(head) or _MENU.search(head) or _MINUTES_STATUS.match(line) or _RUBRIC.match(line)
                or _SENDER.match(line) or (len(line) < 80 and _POSTCODE.search(line)))


#: The first sentence of a long line; a period after a number ("am 1. Mai"), an initial or an
#: abbreviation ("Dr.", "bzw.") ends none.
_FIRST_SENTENCE = re.compile(  # the lookbehinds follow the punctuation, so only a . ! ? tries them
    r"(.{20,}?[.!?](?<!\d.)(?<!\b\w.)(?<!\bDr.)(?<!\bProf.)(?<!\bSt.)(?<!\bNr.)(?<!\bbzw.)(?<!\bca.)(?<!\bvgl.)"
    r"(?<!\bAbs.)(?<!\bArt.)(?<!\bgeb.)(?<!\bsog.)(?<!\busw.)(?<!\bStr.))\s")


#: The author's line: "Von Erika Muster", or a name alone after the date ("date 2019-11 Erika Muster").
_BYLINE = re.compile(r"^(?:Von|Text|Autor(?:in)?|Redaktion)\s*:?\s+[A-ZÄÖÜ][\w.-]*(?:\s+[A-ZÄÖÜ][\w.-]*){1,2}$")
_NAME_ONLY = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?(?:\s+[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?){1,2}$")


def guess_title(text: str, max_len: int = 160) -> str | None:
    """The first of the opening lines that reads like a headline; a long lead sentence is cut."""
    for line in text.splitlines()[:12]:
        bare = _PREFIX.sub("", line).strip()
        dated = len(bare) < len(line.strip())
        line = bare
        if not is_headline(line) or _BYLINE.match(line) or (dated and _NAME_ONLY.match(line)):
            continue
        if len(line) > max_len:
            cut = line[:max_len].rsplit(" ", 1)[0]
            sentence = _FIRST_SENTENCE.match(line[: max_len + 1])
            line = sentence.group(1) if sentence else cut + " …"
        return line
    return None


def load(source: str | Path) -> Document:
    """Read one file or URL, whatever its format."""
    text = str(source)
    if text.startswith(("http://", "https://")):
        from koopatlas.sources.web import load_url

        return load_url(text)
    path = Path(source)
    check_path(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".txt":
            from koopatlas.sources.text import load_txt

            return load_txt(path)
        if suffix in (".html", ".htm"):
            from koopatlas.sources.html import load_html_file

            return load_html_file(path)
        if suffix == ".docx":
            from koopatlas.sources.office import load_docx

            return load_docx(path)
        if suffix == ".pdf":
            from koopatlas.sources.office import load_pdf

            return load_pdf(path)
        if suffix == ".eml":
            from koopatlas.sources.mail import load_eml

            return load_eml(path)
    except SourceError:
        raise
    except Exception as exc:  # a library's own error for a broken file
        raise SourceError(f"{path}: cannot read {suffix} file ({type(exc).__name__}: {exc})") from exc
    raise SourceError(f"{path}: unsupported file type {suffix or '(none)'}; supported: {', '.join(SUPPORTED_SUFFIXES)}")


def check_path(path: Path) -> None:
    """A readable regular file within the size limit, or a SourceError saying what it is instead."""
    from koopatlas import config

    try:
        info = path.stat()
    except RuntimeError as exc:  # Python < 3.13 reports a symlink loop so
        raise SourceError(f"{path}: symbolic link loop ({exc})") from exc
    except OSError as exc:
        if path.is_symlink():
            raise SourceError(f"{path}: broken or looping symbolic link ({exc.strerror})") from exc
        raise SourceError(f"{path}: file not found") from exc
    import stat

    if stat.S_ISDIR(info.st_mode):
        raise SourceError(f"{path}: is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(f"{path}: not a regular file (device, pipe or socket)")
    if info.st_size == 0:
        raise SourceError(f"{path}: empty file")
    limit = config.limits().file_mb
    if info.st_size > limit * 1e6:
        raise SourceError(f"{path}: {info.st_size / 1e6:,.1f} MB, over the limit of {limit:g} MB per document "
                          "(KOOPATLAS_MAX_FILE_MB)")


def read_bytes(path: Path) -> bytes:
    """The file's bytes, never more than the size limit (the file may grow after the check)."""
    from koopatlas import config

    limit = int(config.limits().file_mb * 1e6)
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise SourceError(f"{path}: over the limit of {limit / 1e6:g} MB per document (KOOPATLAS_MAX_FILE_MB)")
    return data


def expand(paths: list[str]) -> Iterator[str]:
    """Files, folders (their supported files, sorted) and URLs, in the given order."""
    for item in paths:
        p = Path(item)
        if p.is_dir():
            yield from (str(f) for f in sorted(p.iterdir()) if f.suffix.lower() in SUPPORTED_SUFFIXES)
        else:
            yield item
