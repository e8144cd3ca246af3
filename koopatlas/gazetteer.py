"""The gazetteer: every form in which press releases name a Land, Kreis, Gemeinde or Amt.

Two halves:

* :func:`build_names` turns the official register (the `regions` table, the
  VWG associations and ``data/aliases.csv``) into the `region_names` table:
  one row per (variant, ags) with the kind of variant. Ambiguous variants keep
  every candidate; choosing between them is the extractor's job.
* :class:`Gazetteer` loads that table and finds mentions in text with one
  Aho-Corasick pass (ahocorasick_rs), respecting German word boundaries.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import ahocorasick_rs
import pandas as pd

from koopatlas import config

# --- variant generation ------------------------------------------------------------

#: Long form ↔ abbreviations as used in official names and in press releases.
ABBREVIATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("an der", ("a.d.", "a. d.")),
    ("in der", ("i.d.", "i. d.")),
    ("vor der", ("v.d.", "v. d.")),
    ("vor dem", ("v.d.", "v. d.")),  # "Berka v.d. Hainich": vor dem Hainich
    ("am", ("a.",)),
    ("bei", ("b.",)),
    ("im", ("i.",)),
    ("in", ("i.",)),
    ("unter", ("u.",)),
    ("Sankt", ("St.",)),
    ("Oberpfalz", ("OPf.", "Opf.")),
    ("Oberbayern", ("OB",)),
    ("Niederbayern", ("NB",)),
    ("Oberfranken", ("OFr.", "Ofr.")),
    ("Unterfranken", ("UFr.", "Ufr.")),
    ("Erzgebirge", ("Erzgeb.",)),
    ("Vogtland", ("Vogtl.",)),
    ("Sachsen", ("Sa.",)),
    ("Westfalen", ("Westf.",)),
    ("Rheinland", ("Rhld.",)),
    ("Thüringen", ("Thür.",)),
    ("Odenwald", ("Odw.",)),
    ("Heilig", ("Hl.",)),
)

#: Words that separate a name from its qualifier ("Neustadt a.d. Waldnaab" → "Neustadt").
_QUALIFIER = re.compile(
    r"\s*(?:\(|/|,\s)|\s+(?:a\.\s?d\.|a\.|am|an der|an|auf|b\.|bei|i\.\s?d\.|i\.|im|in der|in|ob der|ob|"
    r"u\.|unter|v\.\s?d\.|vor der|vorm|r\.d\.)\s"
)

KREIS_PREFIXES = (
    "Landkreis", "Landkreises", "Kreis", "Kreises", "Lkr.", "LK", "Lk.", "Krs.", "Kr.", "Landratsamt", "Landratsamtes",
    "Landratsamts", "Kreisverwaltung", "Kreishaus", "Kreisgebiet", "Region",
)
CITY_PREFIXES = ("Stadt", "Hansestadt", "Stadtverwaltung", "Große Kreisstadt", "Kreisstadt", "Universitätsstadt")
KREISFREI_PREFIXES = CITY_PREFIXES + ("Stadtkreis", "Landeshauptstadt", "kreisfreie Stadt", "kreisfreien Stadt")
GEMEINDE_PREFIXES = ("Gemeinde", "Markt", "Marktgemeinde", "Ortsgemeinde", "Gemeindeverwaltung")
LAND_PREFIXES = ("Land", "Bundesland", "Freistaat", "Freie und Hansestadt", "Freie Hansestadt")
FORMER_KREIS_PREFIXES = ("Landkreis", "Landkreises", "Kreis", "Kreises", "Altkreis", "Altkreises", "Altlandkreis")
BEZIRK_PREFIXES = ("Bezirk", "Bezirks", "Bezirksamt", "Berlin-", "Hamburg-")

#: Official Kreis names that already carry their own kind word.
_SELF_NAMED_KREIS = re.compile(r"(kreis|Kreis|^Region |^Städteregion |^Regionalverband )")
_KREIS_WORD = re.compile(r"^(?:Region|Städteregion|Regionalverband|Eifelkreis|Rhein-Kreis|Altmarkkreis)\s+|-?[Kk]reis$")


@dataclass(frozen=True)
class NameRow:
    """One row of `region_names`."""

    variant: str
    ags: str
    kind: str
    level: str


def base_name(name: str) -> str:
    """The name without its qualifier: "Forst (Lausitz)" → "Forst"."""
    return _QUALIFIER.split(name, maxsplit=1)[0].strip()


#: Official additions that lead some names (Namenszusätze): texts mostly leave them out
#: ("Heilbad Heiligenstadt" is "Heiligenstadt" in the paper).
_LEADING_TITLE = re.compile(
    r"^(?:Heilbad|Thermalbad|Kneippheilbad|Mineralbad|Moorbad|Solbad|Staatsbad|Kurort|Luftkurort|Seebad|"
    r"Ostseebad|Nordseebad|Bergstadt|Lutherstadt|Hansestadt|Stadt|"
    r"Kirchspielslandgemeinden?)\s+(?=[A-ZÄÖÜ])"  # Dithmarschen's Ämter: „Amt Heider Umland“
)


def untitled_name(name: str) -> str:
    """The name without a leading official addition: "Heilbad Heiligenstadt" → "Heiligenstadt"."""
    return _LEADING_TITLE.sub("", name)


def _short_pattern(short: str) -> re.Pattern[str]:
    """Where an abbreviation stands in a name: dotted ones before a capitalised word."""
    if short.endswith("."):
        return re.compile(r"(?<![\w.])" + re.escape(short).replace(r"\ ", r"\s?") + r"\s?(?=[A-ZÄÖÜ]|$)")
    return re.compile(r"(?<![\w.])" + re.escape(short) + r"(?![\w.])")


_LONG_PATTERNS = {long: re.compile(r"(?<![\w.])" + re.escape(long) + r"(?=\s)") for long, _ in ABBREVIATIONS}
_SHORT_PATTERNS = {short: _short_pattern(short) for _, shorts in ABBREVIATIONS for short in shorts}


#: A name of two capitalised words, joined by a space or a hyphen: texts write it either way
#: ("Alt Duvenstedt" / "Alt-Duvenstedt", "Sankt Augustin" / "Sankt-Augustin").
_TWO_WORDS = re.compile(r"([A-ZÄÖÜ][a-zäöüß]+)( |-)([A-ZÄÖÜ][a-zäöüß]+)")


#: A name that starts with an adjective: "Märkischer Kreis", "Südliche Weinstraße", "Hohe Börde".
_ADJECTIVE_FIRST = re.compile(r"((?:[A-ZÄÖÜ][a-zäöüß]+-)?(?:[A-ZÄÖÜ][a-zäöüß]*(?:isch|lich|ig)|Hoh|Groß|Klein|Alt|Neu))"
                              r"(er|es|e) ([A-ZÄÖÜ].*)")


def inflections(name: str) -> set[str]:
    """The declined forms of a name that starts with an adjective, as texts write them after an
    article: "der Märkische Kreis", "im Märkischen Kreis", "des Märkischen Kreises", "der Südlichen
    Weinstraße", "in der Hohen Börde"."""
    m = _ADJECTIVE_FIRST.fullmatch(name)
    if not m:
        return set()
    stem, ending, noun = m.groups()
    forms = {f"{stem}en {noun}"}
    if ending in ("er", "es"):
        forms.add(f"{stem}e {noun}")
    if noun == "Kreis":
        forms.add(f"{stem}en Kreises")
    return forms


def spellings(name: str) -> set[str]:
    """The name with its abbreviations written out and written short, both ways.

    "Neustadt a.d. Waldnaab" ↔ "Neustadt an der Waldnaab", "St. Wendel" ↔ "Sankt Wendel",
    "Halle (Saale)" → "Halle/Saale", "Weiden i.d. OPf." → "Weiden in der Oberpfalz".
    """
    forms = {name}
    for long, shorts in ABBREVIATIONS:
        for form in list(forms):
            for short in shorts:
                forms.add(_SHORT_PATTERNS[short].sub(long + " ", form))
                forms.add(_LONG_PATTERNS[long].sub(short, form))
    paren = re.fullmatch(r"(.+?) \((.+)\)", name)
    if paren:
        forms.add(f"{paren[1]}/{paren[2]}")
    slash = re.fullmatch(r"([^/]+)/([^/.]+)", name)
    if slash:
        forms.add(f"{slash[1]} ({slash[2]})")
    forms |= {re.sub(r"(?<=\.) (?=\w{1,4}\.)", "", f) for f in forms}  # "i.d. OPf." → "i.d.OPf."
    forms |= {re.sub(r"(?<=\b\w\.\w\.) (?=[A-ZÄÖÜ])", "", f) for f in forms}  # "a.d. Aisch" → "a.d.Aisch"
    forms |= {re.sub(r"(?<=\s\w\.) (?=[A-ZÄÖÜ])", "", f) for f in forms}  # "Neufahrn b. Freising" → "b.Freising"
    forms |= {"StädteRegion" + f[len("Städteregion"):] for f in forms if f.startswith("Städteregion ")}  # its own spelling
    forms |= {v for f in list(forms) for v in inflections(f)}
    forms |= {_TWO_WORDS.sub(lambda m: f"{m[1]}{' ' if m[2] == '-' else '-'}{m[3]}", f) for f in forms if _TWO_WORDS.fullmatch(f)}
    return {re.sub(r"\s+", " ", f).strip() for f in forms}


def genitive(name: str) -> str | None:
    """German genitive of a place name: "Osnabrück" → "Osnabrücks", "Rems-Murr-Kreis" → "Rems-Murr-Kreises";
    none after other s/ß/x/z."""
    if name.endswith(("kreis", "Kreis")):
        return name + "es"  # "des Rems-Murr-Kreises", "des Hochsauerlandkreises"
    if len(name) < 4 or name[-1] in "sßxzSXZ." or name[-1].isdigit() or name.endswith(")"):
        return None  # "Au" + s = "Aus": short names have no usable genitive
    return name + "s"


def _kreis_stem(name: str) -> str | None:
    """"Hochsauerlandkreis" → "Hochsauerland", "Rems-Murr-Kreis" → "Rems-Murr"."""
    stem = _KREIS_WORD.sub("", name).strip("- ")
    return stem if stem and stem != name else None


def _rows(variants: Iterable[str], ags: str, kind: str, level: str) -> Iterator[NameRow]:
    for v in variants:
        if v:
            yield NameRow(v, ags, kind, level)


def region_variants(region: pd.Series) -> Iterator[NameRow]:
    """All variants of one region row of the `regions` table."""
    name, ags, level, bez = region["name"], region["ags"], region["level"], region["bez"]
    official = spellings(name)
    short = {base_name(f) for f in official} | {untitled_name(f) for f in official}
    short = {base_name(f) for f in short} - official
    yield from _rows(official, ags, "official", level)
    yield from _rows(short, ags, "short", level)
    yield from _rows(filter(None, (genitive(f) for f in official | short)), ags, "genitive", level)
    if level == "land":
        prefixes: tuple[str, ...] = LAND_PREFIXES
    elif level == "kreis" and region["kreisfrei"]:
        prefixes = KREISFREI_PREFIXES
    elif level == "kreis":
        prefixes = KREIS_PREFIXES
        stem = _kreis_stem(name)
        if stem:
            yield from _rows({stem, *spellings(stem)}, ags, "stem", level)
            yield from _rows((f"{p} {s}" for p in KREIS_PREFIXES for s in spellings(stem)), ags, "prefixed", level)
        if _SELF_NAMED_KREIS.search(name):
            prefixes = ("Landratsamt", "Kreisverwaltung", "Kreishaus")
    elif bez == "Stadt":
        prefixes = CITY_PREFIXES
    else:
        prefixes = GEMEINDE_PREFIXES
    yield from _rows((f"{p} {f}" for p in prefixes for f in official | short), ags, "prefixed", level)


def association_variants(assoc: pd.DataFrame) -> Iterator[NameRow]:
    """Ämter, Samtgemeinden, Verbandsgemeinden ...: recognised as one name with their kind."""
    for row in assoc.itertuples(index=False):
        kinds = {row.bez}
        if row.bez == "Verwaltungsgemeinschaft":
            kinds |= {"VG", "Verwaltungsgemeinschaft"}
        if row.bez == "Verwaltungsverband":
            kinds |= {"Gemeindeverwaltungsverband", "GVV"}
        if row.bez == "Verbandsgemeinde":
            kinds |= {"VG", "VGem"}
        for form in spellings(row.name) | spellings(untitled_name(row.name)) | {base_name(row.name)}:
            for kind in kinds:
                yield NameRow(f"{kind} {form}", row.ars, "association", "verband")
            if row.bez == "Amt" and not form.startswith("Amt"):
                yield NameRow(f"Amtes {form}", row.ars, "association", "verband")


def bare_association_variants(assoc: pd.DataFrame, taken: set[str]) -> Iterator[NameRow]:
    """A Verband's name without its kind ("Probstei" for Amt Probstei) where no region has that name.

    Of kind "stem": the linker keeps it only under a Verband cue, so it completes a list
    ("die Ämter Schrevenborn und Probstei") and a landscape named alone stays no authority.
    """
    for row in assoc.itertuples(index=False):
        for form in spellings(row.name) | spellings(untitled_name(row.name)):
            if form not in taken and len(form) > 4 and not form.startswith(row.bez):
                yield NameRow(form, row.ars, "stem", "verband")


def alias_variants(aliases: pd.DataFrame, taken: set[str]) -> Iterator[NameRow]:
    """Former Kreise and city districts (Bezirke) pointing at today's AGS.

    The bare former name is a variant only when no current region carries it
    ("Muldentalkreis" yes, "Döbeln" no: that is today's town).
    """
    for row in aliases.itertuples(index=False):
        prefixes = FORMER_KREIS_PREFIXES if row.kind == "former_kreis" else BEZIRK_PREFIXES
        for p in prefixes:
            yield NameRow(f"{p}{row.name}" if p.endswith("-") else f"{p} {row.name}", row.ags, "alias", "kreis")
        if row.name not in taken and len(row.name) > 5:
            yield NameRow(row.name, row.ags, "alias", "kreis")


def read_aliases(path: Path | None = None) -> pd.DataFrame:
    path = path or config.DATA_DIR / "aliases.csv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return pd.DataFrame(rows, columns=["name", "kind", "ags", "year", "note"])


def build_names(regions: pd.DataFrame, associations: pd.DataFrame, aliases: pd.DataFrame) -> pd.DataFrame:
    """The `region_names` table (variant, ags, kind, level), without duplicates.

    Gemeinden that *are* a kreisfreie Stadt (AGS ending in 000 of a kreisfrei Kreis)
    are named by their Kreis-level AGS only, as the annotation guide asks.
    """
    kreisfrei_gem = regions[(regions["level"] == "gemeinde") & regions["kreisfrei"]]["ags"]
    kreisfrei_kreis = set(regions[(regions["level"] == "kreis") & regions["kreisfrei"]]["ags"])
    skip = {a for a in kreisfrei_gem if a[:5] in kreisfrei_kreis}
    rows: list[NameRow] = []
    for _, region in regions.iterrows():
        if region["ags"] not in skip and region["level"] != "verband":  # Verbände: association_variants
            rows.extend(region_variants(region))
    rows.extend(association_variants(associations))
    taken = {r.variant for r in rows}
    rows.extend(alias_variants(aliases, taken))
    rows.extend(bare_association_variants(associations, taken | {r.variant for r in rows}))
    frame = pd.DataFrame(rows, columns=["variant", "ags", "kind", "level"])
    # keep the most specific kind per (variant, ags)
    order = {"official": 0, "alias": 1, "association": 2, "prefixed": 3, "short": 4, "genitive": 5, "stem": 6}
    frame["rank"] = frame["kind"].map(order)
    frame = frame.sort_values(["variant", "ags", "rank"]).drop_duplicates(["variant", "ags"]).drop(columns="rank")
    frame["zipf"] = word_frequencies(frame["variant"])
    return frame.reset_index(drop=True)


#: One-word names rarer than this are no German word (the linker's thresholds are 4 and 4.4): not kept in memory.
WORD_ZIPF_FLOOR = 3.0


def word_frequencies(variants: pd.Series) -> list[float | None]:
    """How frequent each one-word variant is as a German word (Zipf scale; None for names of several words).
    Computed here, at `geo` time: wordfreq's German list costs 77 MB, too much for every extracting process."""
    from wordfreq import zipf_frequency

    frequency = {v: zipf_frequency(v.lower(), "de") for v in set(variants) if " " not in v}
    return [frequency.get(v) for v in variants]


# --- matching ------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Candidate:
    """One region a variant may stand for."""

    ags: str
    kind: str
    level: str


@dataclass(slots=True)
class Mention:
    """A span of text that names one or more candidate regions."""

    start: int
    end: int
    text: str
    candidates: list[Candidate] = field(default_factory=list)


def _longer_name_inside(hits: list[tuple[int, int, str, tuple]], i: int) -> bool:
    """A town's name with its kind word („Gemeinde Ebersbach“) that a longer name starting inside it
    runs past („Ebersbach an der Fils“): the longer name is meant, the kind word stays a cue before it.
    Only for Gemeinden: „Landkreis Neustadt“ before „Neustadt an der Waldnaab“ is still the Kreis."""
    start, end, _, cands = hits[i]
    if not all(c.kind == "prefixed" and c.level == "gemeinde" for c in cands):
        return False
    for other_start, other_end, _, other in hits[i + 1:]:
        if other_start >= end:
            break
        if other_end > end and any(c.level == "gemeinde" for c in other):
            return True
    return False


class Gazetteer:
    """Finds region names in text: one Aho-Corasick automaton over all variants."""

    def __init__(self, names: pd.DataFrame, regions: pd.DataFrame, associations: pd.DataFrame | None = None) -> None:
        self.regions = {row.ags: row for row in regions.itertuples(index=False)}
        #: 9-digit Verband code → "Amt Lebus", "Samtgemeinde Nienstädt" (the official name with its kind)
        self.association_names: dict[str, str] = {}
        if associations is not None:
            for row in associations.itertuples(index=False):
                self.association_names[row.ars] = row.name if row.name.startswith(row.bez) else f"{row.bez} {row.name}"
        #: Zipf frequency of the one-word variants that are German words at all (≥ WORD_ZIPF_FLOOR);
        #: None for a database built before the frequencies were stored
        self.zipf: dict[str, float] | None = None
        if "zipf" in names.columns and names["zipf"].notna().any():
            words = names[names["zipf"] >= WORD_ZIPF_FLOOR]
            self.zipf = dict(zip(words["variant"], words["zipf"].astype(float), strict=True))
        grouped: dict[str, list[Candidate]] = {}
        for variant, ags, kind, level in names[["variant", "ags", "kind", "level"]].itertuples(index=False):
            grouped.setdefault(variant, []).append(Candidate(ags, kind, level))
        #: the variants in the automaton's pattern order, with their candidates
        self._patterns = [(variant, tuple(cands)) for variant, cands in grouped.items() if variant]
        self.automaton = ahocorasick_rs.AhoCorasick([v for v, _ in self._patterns]) if self._patterns else None
        self.variants = grouped

    @classmethod
    def from_db(cls, con) -> Gazetteer:
        from koopatlas import queries

        names = queries.run(con, "gazetteer_names")
        regions = queries.run(con, "gazetteer_regions")
        return cls(names, regions, queries.run(con, "gazetteer_associations"))

    def lookup(self, variant: str) -> list[Candidate]:
        return self.variants.get(variant, [])

    def find(self, text: str) -> list[Mention]:
        """Leftmost-longest, non-overlapping matches that start and end at word boundaries."""
        hits = []
        n = len(text)
        patterns = self._patterns
        for idx, start, end in self.automaton.find_matches_as_indexes(text, overlapping=True) if self.automaton else ():
            variant, cands = patterns[idx]
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
                continue
            if end < n and (text[end].isalnum() or text[end] == "_") and not variant.endswith("-"):
                continue
            hits.append((start, end, variant, cands))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        mentions: list[Mention] = []
        last_end = -1
        for i, (start, end, _variant, cands) in enumerate(hits):
            if start < last_end or _longer_name_inside(hits, i):
                continue
            mentions.append(Mention(start, end, text[start:end], list(cands)))
            last_end = end
        return mentions
