"""Dates and the year of the reported event.

The event year is the year of the event the text reports, not a year mentioned in
passing ("Bereits 2013 besuchten …", "seit 2016", "bis Ende 2022"). Every year
candidate gets a score from where it stands and the words around it; the best wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "januar": 1, "jan": 1, "jänner": 1, "februar": 2, "feb": 2, "märz": 3, "mär": 3, "maerz": 3, "april": 4, "apr": 4,
    "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12,
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))

NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})(?!\d)")
ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{2})(?:-(\d{2}))?(?!\d)")
YEAR = re.compile(r"(?<![\d./-])((?:19|20)\d{2})(?![\d])")

#: Words right before a year that mark it as background, not the reported event.
PASSING_BEFORE = re.compile(
    r"(?:bereits|schon|seit|bis|ab|vor|nach|zuletzt|damals|einst|gegründet|gründeten|gegründeten|"
    r"bis\s+(?:Ende|Anfang|Mitte)|Ende|Anfang|Mitte|zwischen|von|aus|im\s+Vorjahr|Jahr(?:es)?|"
    r"Vorjahr|letzten|vergangenen|früheren|vom)\s*(?:dem\s+|den\s+|im\s+|Jahr(?:e|es)?\s+|in\s+)?$",
    re.IGNORECASE,
)
#: Words after a year that mark it as a plan, a name or a quantity.
PASSING_AFTER = re.compile(r"^\s*(?:bis|-|–|/|\+|Einwohner|Euro|Mio|Menschen|Prozent|%|km|Hektar|ha\b)", re.IGNORECASE)
#: Words that place the reported event in the sentence.
EVENT_WORDS = re.compile(
    r"\b(?:am|vom|fand|findet|trafen|treffen|besuch|besucht|unterzeichnet|unterzeichneten|unterschrieben|"
    r"vereinbart|feier|jubiläum|tagung|sitzung|konferenz|übergeben|übergab|statt)\w*",
    re.IGNORECASE,
)


#: A sentence about a plan, not the reported event.
FUTURE_WORDS = re.compile(r"\b(?:nächste[nmrs]?|geplant|vorgesehen|soll(?:en)?|künftig|zukünftig|bis\s+(?:Ende|Mitte)|angestrebt|voraussichtlich)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateHit:
    year: int
    start: int
    end: int
    day: date | None  # a full date when the text gives one


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


_MONTH_BEFORE = re.compile(rf"(?:(?<!\d)(\d{{1,2}})\.?\s*)?\b({_MONTH_RE})\.?\s+$")


_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
_DAY_MONTH_BEFORE = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?$")
_ISO_AFTER = re.compile(r"-(\d{2})(?:-(\d{2}))?(?!\d)")
#: "24.09.20": a day, a two-digit month and a two-digit year, as news sites print them under a teaser.
#: Found from the month's dot (a literal start, so the regex engine skips ahead fast); the day is read back.
_SHORT_DATE = re.compile(r"\.(\d{2})\.(\d{2})(?![\d.,/]\d|\d)")
_SHORT_DAY = re.compile(r"(?<![\d.,/])(\d{1,2})$")


def _short_dates(text: str) -> list[DateHit]:
    """Dates with a two-digit year; the century is the one that puts the date at most a year ahead."""
    out = []
    horizon = (date.today().year + 1) % 100
    for m in _SHORT_DATE.finditer(text):
        d = _SHORT_DAY.search(text, max(0, m.start() - 3), m.start())
        if not d:
            continue
        yy = int(m[2])
        year = 2000 + yy if yy <= horizon else 1900 + yy
        day = _safe_date(year, int(m[1]), int(d[1]))
        if day:
            out.append(DateHit(year, d.start(), m.end(), day))
    return out


def find_dates(text: str) -> list[DateHit]:
    """Full dates (3.7.2014, 3. Juli 2014, 2014-07-03), month-year dates and bare years.

    Every date here contains a four-digit year, so one scan finds the years and looks a
    few characters back (day, month) or ahead (ISO month and day).
    """
    hits: list[DateHit] = []
    n = len(text)
    for m in _YEAR_DIGITS.finditer(text):
        s, e = m.span()
        if (s > 0 and text[s - 1].isdigit()) or (e < n and text[e].isdigit()):
            continue
        year = int(m.group())
        back = text[max(0, s - 12): s]
        dm = _DAY_MONTH_BEFORE.search(back)
        if dm:
            day = _safe_date(year, int(dm[2]), int(dm[1]))
            if day:
                hits.append(DateHit(year, s - len(back) + dm.start(), e, day))
                continue
        iso = _ISO_AFTER.match(text, e) if e < n and text[e] == "-" else None
        if iso and 1 <= int(iso[1]) <= 12 and (s == 0 or text[s - 1] not in "./-"):
            day = _safe_date(year, int(iso[1]), int(iso[2])) if iso[2] else None
            hits.append(DateHit(year, s, iso.end(), day))
            continue
        if s > 0 and text[s - 1] in "./-" and s > 1 and text[s - 2].isdigit():
            continue  # part of a number or code ("150/14", "2020-2030" keeps its first year)
        window = max(0, s - 24)
        mb = _MONTH_BEFORE.search(text[window:s].lower())
        if mb:
            day = _safe_date(year, MONTHS[mb[2]], int(mb[1])) if mb[1] else None
            hits.append(DateHit(year, window + mb.start(), e, day))
        else:
            hits.append(DateHit(year, s, e, None))
    short = _short_dates(text)
    return sorted(hits + short, key=lambda h: h.start) if short else hits


_BRACKET_DATELINE = re.compile(r"^\s*[\[(](\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})[\])]")


def header_date(text: str, lines: int = 3) -> date | None:
    """The date of the release: a bracketed dateline ("[15.12.2014] …") near the top wins over
    the first full date of the first lines (which may be a page's "today" header)."""
    head_lines = text.splitlines()[: lines + 4]
    for line in head_lines:
        m = _BRACKET_DATELINE.match(line)
        if m and (d := _safe_date(int(m[3]), int(m[2]), int(m[1]))):
            return d
    for hit in find_dates("\n".join(head_lines[:lines])):
        if hit.day:
            return hit.day
    return None


URL_DATES = (
    re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)"),  # /2025/09/18/
    re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)"),  # 20170807
    re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)"),  # 2019-05-24
    re.compile(r"(?<!\d)(\d{2})-(\d{2})-((?:19|20)\d{2})(?!\d)"),  # 16-06-2025
)
URL_YEAR = re.compile(r"/((?:19|20)\d{2})(?:/|-)|[-_]((?:19|20)\d{2})(?:[/.?#]|$)")


def url_date(url: str | None, today: date | None = None) -> tuple[int | None, date | None]:
    """Year and, when given, day from a URL path (/2025/09/18/, 20170807, 16-06-2025, /2019/ …)."""
    if not url:
        return None, None
    today = today or date.today()
    path = re.sub(r"^https?://[^/]+", "", url)
    for i, pattern in enumerate(URL_DATES):
        m = pattern.search(path)
        if m:
            y, mo, d = (int(m[3]), int(m[2]), int(m[1])) if i == 3 else (int(m[1]), int(m[2]), int(m[3]))
            day = _safe_date(y, mo, d)
            if day and day <= today:
                return y, day
    m = URL_YEAR.search(path)
    if m:
        y = int(m[1] or m[2])
        if 1990 <= y <= today.year:
            return y, None
    return None, None


_UNITS = {"ein": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9}
_TEENS = {"zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16,
          "siebzehn": 17, "achtzehn": 18, "neunzehn": 19}
_TENS = {"zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80,
         "neunzig": 90}
_ORDINALS = {"erst": 1, "dritt": 3, "siebt": 7, "acht": 8}


def _alternatives(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


#: A number up to 199 in words, as anniversaries are often written: „Zehn Jahre“, „fünfundzwanzigjährige“,
#: „zum zwanzigsten Jahrestag“.
_NUMBER_WORD = (rf"(?:(?:ein)?hundert(?:und)?)?(?:(?:(?:{_alternatives(_UNITS)})und)?(?:{_alternatives(_TENS)})"
                rf"|{_alternatives(_TEENS)}|{_alternatives(_UNITS)})")
_NUMBER = rf"\d{{1,3}}|{_NUMBER_WORD}"
_NUMBER_TH = rf"\d{{1,3}}\.?|(?:{_NUMBER_WORD})s?te[nmrs]?|(?:{_alternatives(_ORDINALS)})e[nmrs]?"


def number(text: str) -> int | None:
    """123, „dreißig“, „fünfundzwanzigsten“, „dritte“ → the number; None for anything else."""
    word = text.strip().rstrip(".").lower()
    if word.isdigit():
        return int(word)
    m = re.fullmatch(rf"((?:ein)?hundert(?:und)?)?({_NUMBER_WORD})?(s?te[nmrs]?)?", word)
    if m and (m[1] or m[2]):
        total = 100 if m[1] else 0
        part = m[2] or ""
        units, _, tens = part.partition("und") if part.endswith(tuple(_TENS)) and "und" in part else ("", "", part)
        value = _TENS.get(tens) or _TEENS.get(tens) or _UNITS.get(tens)
        if part and value is None:
            return None
        return total + (value or 0) + (_UNITS.get(units, 0) if units else 0)
    m = re.fullmatch(rf"({_alternatives(_ORDINALS)})e[nmrs]?", word)
    return _ORDINALS[m[1]] if m else None


ANNIVERSARY = re.compile(
    rf"\b(?P<n>{_NUMBER_TH})\s*(?:Jubiläum|Geburtstag|Jahrestag|Stiftungsfest)"
    rf"|\b(?P<n2>{_NUMBER})-?jährige[nms]?\s+(?:Jubiläum|Bestehen|Partnerschaft|Städtepartnerschaft|Freundschaft)"
    rf"|\b(?P<n3>{_NUMBER})\s+Jahre\s+(?:[\w-]+\s+){{0,2}}(?:Partnerschaft|Städtepartnerschaft|Freundschaft|Zusammenarbeit|"
    r"Kooperation|Verwaltungsgemeinschaft|Bestehen|Landkreis|Kreis)"
    rf"|\b(?P<n4>{_NUMBER})\s+Jahre\s+(?:nach\s+(?:der|dem)\s+)?(?P<national>Wiedervereinigung|Deutsche[rn]?\s+Einheit|Mauerfall|Friedliche[rn]?\s+Revolution)"
    r"|(?P<silver>Silberhochzeit|silberne[ns]?\s+\w+)|(?P<gold>Goldene\s+Hochzeit|goldene[ns]?\s+\w+)",
    re.IGNORECASE,
)
FOUNDING = re.compile(
    r"(?:gegründet|Gründung|seit|begann|besteht|entstand|unterzeichne\w*|ins Leben gerufen|geschlossen|"
    r"besiegelt|begründet|Kreisreform|Kreisgebietsreform|geh(?:t|en) auf|reich(?:t|en) bis|Anfänge|ihren Anfang|seinen Anfang)"
    r"[^\n]{0,60}?((?:19|20)\d{2})(?!\d)"
    r"|(?<!\d)((?:19|20)\d{2})[^\n\d]{0,40}?(?:gegründet|begann|entstand|unterzeichne\w*|ins Leben gerufen|besiegelt)",
    re.IGNORECASE,
)


_ANNIVERSARY_WORDS = ("jubil", "geburtstag", "jahrestag", "jahre", "jährig", "hochzeit", "stiftungsfest", "silberne",
                      "goldene")


def _anniversaries(text: str, low: str) -> list[re.Match]:
    """ANNIVERSARY's matches, searched only around its words: tried at every position of a text, the
    pattern with its number words cost 0.3 ms a document."""
    if len(low) != len(text):  # a lower-casing that changed the length: offsets would not match
        return list(ANNIVERSARY.finditer(text))
    windows = []
    for word in _ANNIVERSARY_WORDS:
        i = low.find(word)
        while i != -1:
            windows.append((max(0, i - 60), i + 120))
            i = low.find(word, i + 1)
    return _matches_in(ANNIVERSARY, text, windows)


def _matches_in(pattern: re.Pattern, text: str, windows: list[tuple[int, int]]) -> list[re.Match]:
    """The pattern's matches inside the windows (merged where they overlap), in text order."""
    merged: list[list[int]] = []
    for lo, hi in sorted(windows):
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return [m for lo, hi in merged for m in pattern.finditer(text, lo, min(hi, len(text)))]


def _founding(text: str) -> list[re.Match]:
    """FOUNDING's matches, searched only around the years of the text: a match holds a year at most 86
    characters after its start (word, 60, year) and 64 before its end (year, 40, word); its leading word
    list, tried at every position of a whole text, cost 0.35 ms a release."""
    return _matches_in(FOUNDING, text, [(max(0, y.start() - 90), y.end() + 70) for y in _YEAR_DIGITS.finditer(text)])


#: Anniversaries every German reader dates without a founding year in the text.
NATIONAL_BASE_YEARS = {"wiedervereinigung": 1990, "einheit": 1990, "mauerfall": 1989, "revolution": 1989}


def anniversary_year(text: str, today: date | None = None) -> int | None:
    """"25 Jahre Partnerschaft" + "1990 unterzeichnet" → 2015 (the founding year named nearest);
    "30 Jahre Deutsche Einheit" → 2020."""
    today = today or date.today()
    low = text.lower()
    if not any(k in low for k in ("jubil", "geburtstag", "jahrestag", "jahre ", "jährig", "hochzeit", "stiftungsfest", "silberne", "goldene")):
        return None
    matches = _anniversaries(text, low)
    if not matches:
        return None
    m = next((m for m in matches if not m["national"]), matches[0])
    n = number(m["n"] or m["n2"] or m["n3"] or m["n4"] or "0") or (25 if m["silver"] else 50 if m["gold"] else 0)
    if not 1 <= n <= 200:
        return None
    founded = [(abs(f.start() - m.start()), int(f[1] or f[2])) for f in _founding(text)]
    for _, y in sorted(founded):
        if 1990 <= y + n <= today.year + 1:
            return y + n
    for national in (m for m in matches if m["national"]):
        year = NATIONAL_BASE_YEARS[national["national"].split()[-1].lower()] + (number(national["n4"]) or 0)
        if year <= today.year + 1:
            return year
    return None


_PLAN_NAME_BEFORE = re.compile(
    r"(?:Masterplan|Programm|Strategie|Agenda|Vision|Ziel|Konzept|IGA|Bundesgartenschau|Wahl|Kommunalwahl)\s*$", re.IGNORECASE
)
_FOUNDED = re.compile(r"\b(?:gegründet|Gründung|gründeten|seit)\b", re.IGNORECASE)


def rule_score(text: str, hit: DateHit, total: int, published: date | None = None) -> float:
    """The hand-set score of one date hit (kept as evidence for the learned ranking)."""
    before = text[max(0, hit.start - 40): hit.start]
    after = text[hit.end: hit.end + 25]
    sentence_start = max(text.rfind(".", 0, hit.start), text.rfind("\n", 0, hit.start)) + 1
    sentence_end_candidates = [i for i in (text.find(". ", hit.end), text.find("\n", hit.end)) if i != -1]
    sentence = text[sentence_start: min(sentence_end_candidates) if sentence_end_candidates else len(text)]
    score = 1.0
    if hit.day:
        score += 2.0
    elif text[hit.start: hit.end].isdigit() is False:
        score += 1.0  # month + year
    if PASSING_BEFORE.search(before):
        score -= 2.5
    if PASSING_AFTER.match(after):
        score -= 1.5
    if _PLAN_NAME_BEFORE.search(before):
        score -= 2.0
    if EVENT_WORDS.search(sentence):
        score += 0.7
    if _FOUNDED.search(sentence):
        score -= 2.0  # the founding of what now meets is background
    if FUTURE_WORDS.search(sentence):
        score -= 1.5  # "Das nächste Treffen ist im Mai 2019 vorgesehen"
    if published and hit.year == published.year:
        score += 2.0  # reports are mostly published in the year of the event
    # earlier is more likely the reported event (headline, lead)
    score += 0.8 * (1 - hit.start / max(total, 1))
    return score


_DAY_MONTH_ONLY = re.compile(rf"(?<!\d)(\d{{1,2}})\.\s*({_MONTH_RE})\b(?!\.?\s*(?:19|20)\d\d)")


def _year_before_plan(text: str, best: DateHit) -> int | None:
    """"Am Donnerstag (8. November) … Das nächste Treffen ist im Mai 2019 vorgesehen" → 2018.

    When the best year is that of a plan, an earlier day and month without a year is the
    event: same year if its month comes before the planned month, else the year before.
    """
    if not FUTURE_WORDS.search(sentence_of(text, best.start, best.end)):
        return None
    planned = _MONTH_BEFORE.search(text[best.start: best.end - 4].lower())
    event = _DAY_MONTH_ONLY.search(text.lower(), 0, best.start)
    if planned is None or event is None:
        return None
    return best.year - 1 if MONTHS[event[2]] > MONTHS[planned[2]] else best.year


def sentence_of(text: str, start: int, end: int) -> str:
    s = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    ends = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    return text[s: min(ends) if ends else len(text)]


def as_date(published: date | int | None) -> date | None:
    """A publication year alone counts as mid-year."""
    return date(published, 7, 1) if isinstance(published, int) else published


def event_year(text: str, published: date | int | None = None, today: date | None = None) -> tuple[int | None, date | None]:
    """The reported event's year (and day, when given), else the publication year (the hand-set rules)."""
    today = today or date.today()
    published = as_date(published)
    hits = [h for h in find_dates(text) if 1990 <= h.year <= today.year + 2]
    scores = [rule_score(text, h, len(text), published) for h in hits]
    return choose_year(text, hits, scores, anniversary_year(text, today), published)


def choose_year(text: str, hits: list[DateHit], scores: list[float], anniversary: int | None,
                published: date | None) -> tuple[int | None, date | None]:
    """The rules' choice among scored date hits: an anniversary, the year before a plan, the best hit."""
    if anniversary:
        return anniversary, None
    if not hits:
        return (published.year if published else None), None
    best_score, best = max(zip(scores, hits, strict=True), key=lambda t: t[0])
    inferred = _year_before_plan(text, best)
    if inferred:
        return inferred, None
    if published and best_score < 1.5:
        return published.year, None
    return best.year, best.day
