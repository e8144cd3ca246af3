"""Cleaning: from the raw text of a source to the text the extractor reads.

Drops boilerplate (ads, share and comment prompts, cookie notes), word-processor
artefacts and repeated paragraphs or sentences; keeps press-contact footers and
image captions apart as metadata; normalises odd spaces and quotes. Every character
of the clean text remembers where it came from in the raw text (``offsets``), so
the app can highlight a mention in the original.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

#: Lines that are never part of the report (matched at the start of the stripped line).
BOILERPLATE = re.compile(  # .match: a regex that could match anywhere was tried at every position of every line
    r"(?:-\s*)?(?:Anzeige|Werbung|Sponsored)(?:\s*-)?$"
    r"|Beitrag teilen|Teilen(?: auf| mit|:)?$|(?:Facebook|Twitter|X|WhatsApp|LinkedIn|E-Mail|Drucken|Teilen)$"
    r"|Schreiben Sie einen Kommentar|Kommentar(?:e)? (?:schreiben|verfassen|abgeben)|Kommentare?$"
    r"|Ihre E-Mail-Adresse wird nicht veröffentlicht|Erforderliche Felder sind"
    r"|Ähnliche Beiträge|Das könnte Sie auch interessieren|Lesen Sie auch|Mehr zum Thema"
    r"|Weitere (?:Artikel|Meldungen|Nachrichten|Beiträge|Themen)|(?:Diese )?Seite teilen"
    r"|Kontakt zur Redaktion|Zurück zur Übersicht|Nach oben$|Seite drucken|Artikel (?:teilen|drucken)"
    r"|Datenschutzerklärung|Impressum$|Alle Rechte vorbehalten"
    r"|Jetzt (?:weiterlesen|abonnieren|registrieren)|Sie haben bereits ein|Abonnieren$|Newsletter"
    r"|\S+@\S+\.\w+$|(?:https?://|www\.)\S+$|\|"  # bare e-mail/URL lines, breadcrumb bars
    # a menu or masthead bar: three or more short items between | > » („Nordwest-Zeitung | Oldenburg | Ammerland“)
    r"|(?:[^|>»]{1,40}\s[|>»]\s*){2,}[^|>»]{0,40}$",
    re.IGNORECASE,
)
#: A consent banner: a word only web banners use, with another consent word in the same paragraph
#: ("Cookies … Einwilligung", "Banner … DSGVO"); long paragraphs too, which BOILERPLATE leaves alone.
#: Two legal words alone ("Datenschutz", "DSGVO") may be the subject of a real report.
CONSENT_WEB = ("cookie", "webtracking", "retargeting", "banner", "analysetechnik", "werbenetzwerk")
CONSENT = CONSENT_WEB + ("einwilligung", "widerruf", "datenschutz", "dsgvo", "einverstanden")
#: Word-processor and export artefacts inside lines.
ARTEFACTS = re.compile(r"\[(?:bookmark|image|Bild|anchor|_GoBack)[^\]]*\]|\[\s*\]", re.IGNORECASE)
#: Start of a press-contact footer (kept as metadata, not as body text).
CONTACT = re.compile(
    r"(?:Pressekontakt|Pressestelle|Medienkontakt|Kontakt für (?:die )?Medien|Ansprechpartner(?:in)?|V\.i\.S\.d\.P\.|"
    r"Herausgeber|Rückfragen (?:an|bitte))\s*:",
)
CONTACT_LINE = re.compile(r"^(?:Pressestelle|Pressesprecher(?:in)?|Pressekontakt)\b(?!.*\b(?:sagte|erklärte|teilte)\b)")
CONTACT_DETAIL = re.compile(r"^(?:Tel(?:efon|\.)?|Fax|E-Mail|Mail|www\.|http)", re.IGNORECASE)
#: Image captions and credits.
CAPTION_START = re.compile(r"^(?:Bildunterschrift|Bildzeile|Foto|Fotos|Bild|Bildrechte|Bildquelle|Gruppenbild)\b\s*[:,]?", re.IGNORECASE)
CAPTION_INLINE = re.compile(r"\((?:Foto|Bild|Quelle)s?:[^)]*\)")

SPACES = dict.fromkeys(map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"), " ")
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), " ")  # spaces keep offsets 1:1
QUOTES = {ord(c): '"' for c in "„“”«»‟″"} | {ord(c): "'" for c in "‚‘’‹›′"}
DASHES = {ord(c): "-" for c in "\u2010\u2011\u2012\u2212"}
TRANSLATE = SPACES | ZERO_WIDTH | QUOTES | DASHES

#: Spaces after . ! ? or a closing quote, before a capital, a quote or a digit (a space first, then the
#: lookbehind: the engine skips to spaces instead of trying every position).
_SENTENCE_END = re.compile(r'\s(?<=[.!?"]\s)\s*(?=[A-ZÄÖÜ"0-9])')


class Offsets(Sequence[int]):
    """The raw index of every clean character, kept as runs: a run of copied text counts up from its
    raw start, a separator repeats one raw position. A list of one int per character cost 4 % of
    the extraction; an index is asked for only to show a mention in the original."""

    def __init__(self) -> None:
        self._clean: list[int] = []  # clean start of each run
        self._raw: list[int] = []  # raw start of each run
        self._step: list[int] = []  # 1: copied text, 0: a separator
        self._len = 0

    def add_run(self, raw_start: int, length: int, step: int = 1) -> None:
        if length > 0:
            self._clean.append(self._len)
            self._raw.append(raw_start)
            self._step.append(step)
            self._len += length

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._len))]
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError(i)
        j = bisect.bisect_right(self._clean, i) - 1
        return self._raw[j] + (i - self._clean[j]) * self._step[j]


@dataclass
class Cleaned:
    """Clean text plus what was kept apart; ``offsets[i]`` is the raw index of clean char i."""

    text: str
    offsets: Sequence[int]
    contact: str = ""
    captions: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw-text offsets of the clean span [start, end)."""
        if start >= len(self.offsets):
            return len(self.offsets), len(self.offsets)
        return self.offsets[start], self.offsets[max(start, end - 1)] + 1


class _Builder:
    """Appends pieces of the raw text while remembering their raw offsets."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.offsets = Offsets()

    def add(self, text: str, raw_start: int) -> None:
        self.chars.append(text)
        self.offsets.add_run(raw_start, len(text))

    def add_separator(self, sep: str, raw_pos: int) -> None:
        if self.chars:
            self.chars.append(sep)
            self.offsets.add_run(raw_pos, len(sep), step=0)


_SPECIAL = re.compile("[" + "".join(chr(c) for c in TRANSLATE) + "]")


def _normalise(text: str) -> str:
    """Character-wise normalisation that keeps the length (so offsets stay 1:1)."""
    return _SPECIAL.sub(lambda m: TRANSLATE[ord(m.group())], text)


def _is_consent(low: str) -> bool:
    """A cookie or consent paragraph (``low``: the lower-cased line): a web-banner word and another
    consent word. Substring tests: a regular expression over every line cost 5 % of the extraction."""
    return any(w in low for w in CONSENT_WEB) and sum(w in low for w in CONSENT) >= 2


def _key(text: str, low: str | None = None) -> str:
    """Comparison key for repeated lines: case and spacing do not matter. ``low``: the text lower-cased
    already."""
    return "".join((text.lower() if low is None else low).split()).strip(".,;:!?\"'")


def _lines(raw: str):
    """(start offset, line) for each line of the raw text."""
    pos = 0
    for line in raw.splitlines(keepends=True):
        yield pos, line.rstrip("\r\n")
        pos += len(line)


def _segments(line: str, start: int):
    """Sentences of a line with their offsets, whitespace-trimmed."""
    pos = 0
    for piece in _SENTENCE_END.split(line):
        idx = line.index(piece, pos)
        pos = idx + len(piece)
        stripped = piece.strip()
        if stripped:
            yield start + idx + (len(piece) - len(piece.lstrip())), stripped


def clean(raw: str) -> Cleaned:
    """Clean a raw text; see the module docstring for what is removed and kept."""
    raw = unicodedata.normalize("NFC", raw)
    builder = _Builder()
    contact: list[str] = []
    captions: list[str] = []
    dropped: list[str] = []
    seen_lines: set[str] = set()
    seen_sentences: set[str] = set()
    in_caption = in_contact = False
    normalised = _normalise(raw)  # same length as raw: offsets stay valid
    for start, norm in _lines(normalised):
        if "[" in norm:
            norm = ARTEFACTS.sub(lambda m: " " * len(m.group()), norm)
        stripped = norm.strip()
        if not stripped:
            in_caption = in_contact = False
            continue
        lead = start + len(norm) - len(norm.lstrip())
        low = stripped.lower()
        if (len(stripped) < 160 and (BOILERPLATE.match(stripped) or "cookie" in low)) or _is_consent(low):
            dropped.append(stripped)
            continue
        contact_continues = in_contact and (CONTACT_DETAIL.match(stripped) or (len(stripped) < 80 and not stripped.endswith((".", "!", "?", '"'))))
        if contact_continues or CONTACT_LINE.match(stripped) or (contact and CONTACT_DETAIL.match(stripped)):
            if stripped not in contact:
                contact.append(stripped)
            in_contact = True
            continue
        in_contact = False
        if in_caption or CAPTION_START.match(stripped):
            body = CAPTION_START.sub("", stripped).strip()
            if body:
                captions.append(body)
            in_caption = not body  # "Bildunterschrift:" alone: the next line is the caption
            continue
        m = CONTACT.search(norm)
        if m:
            if norm[m.start():].strip() not in contact:
                contact.append(norm[m.start():].strip())
            norm = norm[: m.start()]
            stripped = norm.strip()
            low = None
            if not stripped:
                continue
        if "(" in norm:
            for cap in CAPTION_INLINE.finditer(norm):
                captions.append(cap.group()[1:-1])
            norm = CAPTION_INLINE.sub(lambda m: " " * len(m.group()), norm)
        key = _key(stripped, low)
        if key in seen_lines:
            dropped.append(stripped)
            continue
        seen_lines.add(key)
        kept = []
        for seg_start, sentence in _segments(norm, start):
            skey = (key if sentence == stripped else _key(sentence)) if len(sentence) > 25 else sentence
            if len(skey) > 25 and skey in seen_sentences:
                dropped.append(sentence)
                continue
            seen_sentences.add(skey)
            kept.append((seg_start, sentence))
        if not kept:
            continue
        builder.add_separator("\n", lead)
        for i, (seg_start, sentence) in enumerate(kept):
            if i:
                builder.add_separator(" ", seg_start)
            _add_collapsed(builder, sentence, seg_start, norm, start)
    text = "".join(builder.chars)
    assert len(text) == len(builder.offsets)
    return Cleaned(text, builder.offsets, "\n".join(contact), captions, dropped)


_RUNS = re.compile(r"\S+")


def _add_collapsed(builder: _Builder, sentence: str, seg_start: int, norm: str, line_start: int) -> None:
    """Append a sentence with runs of spaces collapsed, offsets pointing into the raw line."""
    if "  " not in sentence:  # the common case: nothing to collapse
        builder.add(sentence, seg_start)
        return
    first = True
    for run in _RUNS.finditer(sentence):
        if not first:
            builder.add(" ", seg_start + run.start() - 1)
        first = False
        builder.add(run.group(), seg_start + run.start())



#: A word broken at a line end by a soft hyphen ("Zusam-" / "menarbeit"); not "Bus- und Bahnverkehr",
#: where the hyphen stands for the word's shared second half.
_BROKEN_WORD = re.compile(r"(?<=[a-zäöüß])-[ \t]*\n[ \t]*(?=[a-zäöüß])(?!(?:und|oder|bzw|sowie|bis|als)\b)")
#: A line of a wrapped paragraph that goes on in lower case on the next line.
_WRAPPED = re.compile(r"(?<=[\w,;)–-])[ \t]*\n[ \t]*(?=[a-zäöüß])")
#: A line at least this share of the page's column width, without a sentence end, goes on in the next line.
FULL_LINE = 0.8


def unwrap(text: str) -> str:
    """Join the lines a PDF's layout wrapped: hyphenated words whole again, a sentence that goes on on the
    next line. Sentence features and the headline read lines: a hyphen inside "Vereinba-/rung" hid the
    agreement word, and every line break counted as a sentence end. A line goes on when the next one starts
    in lower case, or when it fills the column after the first sentence (a PDF often has no blank line
    between a headline and the lead; a paragraph's last line is shorter)."""
    lengths = sorted(len(line.strip()) for line in text.split("\n") if line.strip())  # the layout's lines
    width = lengths[int(0.75 * (len(lengths) - 1))] if lengths else 0
    text = _BROKEN_WORD.sub("", text)
    lines = _WRAPPED.sub(" ", text).split("\n")
    out: list[str] = []
    in_body = False  # before the first sentence ends, a full line may be the headline: it stays a line
    for line, nxt in zip(lines, lines[1:], strict=False):
        stripped = line.strip()
        in_body = in_body or ". " in stripped
        goes_on = (in_body and width >= 40 and len(stripped) >= FULL_LINE * width and nxt.strip()
                   and not stripped.endswith((".", "!", "?", ":", '"', "“")))
        in_body = in_body or stripped.endswith((".", "!", "?"))
        out.append(line.rstrip() + " " if goes_on else line + "\n")
    return "".join(out) + lines[-1]
