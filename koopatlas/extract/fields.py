"""Event fields besides places: relevance, event type, funding, people, foreign partners."""

from __future__ import annotations

import re
from dataclasses import dataclass

COOPERATION = re.compile(
    r"(?:zusammenarbeit|kooperation|kooperier|zusammenarbeiten|arbeiten\s+\w*\s*zusammen|partnerschaft|partner(?:stadt|städte|"
    r"landkreis|kreis|gemeinde|kommune)|vereinbarung|vertrag|verträge|zweckverband|verwaltungsgemeinschaft|"
    r"besuch|besuchte|besuchten|gegenbesuch|antrittsbesuch|delegation|treffen|trafen|austausch|vernetzung|netzwerk|"
    r"gemeinsam|interkommunal|nachbarschaftsforum|arbeitsgemeinschaft|städtebund|städteverbund|allianz|bündnis|"
    r"unterzeichne|letter of intent|absichtserklärung|verbund|miteinander|kooperationsraum|regionalmanagement|"
    r"fusion|zusammenleg|zusammenschluss|zusammengeschlossen|gespräch|abstimm|verständig|ausschuss|mitglied|beitritt|"
    r"region\w* zusammen|stadt-umland|nachbar|projekt|labor\b|labore\b|modellvorhaben|vorhaben|partner)",
    re.IGNORECASE,
)

#: Signs that a text is not a report of cooperation between local authorities:
#: elections, state-level politics, wishes and opposition, minutes.
NOT_COOPERATION: list[tuple[re.Pattern[str], float]] = [
    (re.compile(r"\bWahlkreis|\bWahlkampf|\bBundestagswahl|\bLandtagswahl|\bOberbürgermeisterwahl", re.I), 2.0),
    (re.compile(r"\bLandesregierung|\bSenat\b|\bStaatsvertr|\bStaatskanzlei|\bder Länder\b|\bKabinett", re.I), 1.5),
    (re.compile(r"\bwünsch|\bwürde[n]?\b|\bwäre\b|\bkönnte\b|\bsollten\b", re.I), 0.7),
    (re.compile(r"\bgegen\s+(?:die|den|diese|eine)\s+\w*(?:Zusammenlegung|Fusion|Pläne|Vorschlag)|\bskeptisch|\bwehr\w* sich|\bablehn|\blehnt\w* ab", re.I), 1.5),
    (re.compile(r"\bProtokoll\b|\bTagesordnung|\bNeujahrsempfang|\bStudent|\bSeminar\b|\bUmfrage", re.I), 1.0),
    (re.compile(r"\bStellenausschreibung|\bwir suchen\b|\bBewerbung(?:en)? (?:bis|an)\b|\b\(m/w/d\)", re.I), 1.0),
]

EVENT_TYPES: list[tuple[str, re.Pattern[str], float]] = [
    ("partnerschaft", re.compile(r"partnerschaft|städtepartner|partnerstadt|partnerlandkreis|patenschaft|freundschaft|jubiläum|silberhochzeit|verschwister", re.I), 1.0),
    ("vereinbarung", re.compile(r"vereinbarung|vertrag|verträge|unterzeichne|unterschrieben|zweckverband|letter of intent|absichtserklärung|satzung|fusion|beitritt|tritt\s+\w*\s*bei|gegründet|gründung|verwaltungsgemeinschaft|beschlossen|beschließen", re.I), 1.0),
    ("vernetzung", re.compile(r"vernetzungstreffen|vernetzung|netzwerk|koordinierungsausschuss|mitglieder|metropolregion|gemeinsamer ausschuss", re.I), 0.9),
    ("projekt", re.compile(r"projekt|modellvorhaben|modellregion|labor|pilot|förder|programm|regionalmanage|masterplan|studie|gemeinsame[nr]? (?:bewerbung|antrag)|wettbewerb|initiative", re.I), 0.9),
    ("besuch", re.compile(r"besuch|zu gast|delegation|empfang|empfing|gegenbesuch|visite|reise|besichtig", re.I), 1.0),
    ("arbeitstreffen", re.compile(r"arbeitstreffen|workshop|konferenz|klausur|fachaustausch|städtetag|sitzung|tagung|ausschuss|runde|gespräch|treffen|trafen", re.I), 0.8),
]

OFFICES = (
    "Oberbürgermeisterin|Oberbürgermeister|Bürgermeisterin|Bürgermeister|Landrätin|Landrat|Bezirksbürgermeisterin|"
    "Bezirksbürgermeister|Beigeordnete|Beigeordneter|Kreisdirektor|Kreisdirektorin|Dezernent|Dezernentin|"
    "Amtsdirektor|Amtsdirektorin|Regionspräsident|Regionspräsidentin|Stadtdirektor|Erster Kreisbeigeordneter|OB"
)
PERSON = re.compile(
    rf"\b(?P<office>{OFFICES})\s+(?:Dr\.\s+|Prof\.\s+)*(?P<name>[A-ZÄÖÜ][\wäöüß'-]+(?:\s+(?:von\s+|van\s+|de\s+)?[A-ZÄÖÜ][\wäöüß'-]+){{1,2}})"
)

AMOUNT = re.compile(
    r"(?P<num>\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)\s*(?P<unit>Millionen|Mio\.?|Milliarden|Mrd\.?|Tausend)?\s*(?:Euro|EUR|€)",
)
FUNDER = re.compile(
    r"(?:Bundesministerium[\w\s]{0,60}?(?=[,.;)]|\s(?:im|mit|fördert|unterstützt|stellt))|Bundesinnenministerium|"
    r"Bundesregierung|Europäische Union|EU|Land\s+[A-ZÄÖÜ][\w-]+|Freistaat\s+[A-ZÄÖÜ][\w-]+|"
    r"(?:Landes|Staats)ministerium[\w\s]{0,40}?(?=[,.;)]|\s)|Kulturstiftung des Bundes|Bund)"
)
PROGRAMME = re.compile(r"(?:Programm(?:s)?|Förderprogramm(?:s)?|Modellvorhaben(?:s)?|Wettbewerb(?:s)?|Initiative)\s+\"([^\"]{3,80})\"")

COUNTRIES = {
    "Polen": "PL", "polnisch": "PL", "Tschechien": "CZ", "tschechisch": "CZ", "Frankreich": "FR", "französisch": "FR",
    "Österreich": "AT", "österreichisch": "AT", "Niederlande": "NL", "niederländisch": "NL", "Dänemark": "DK",
    "dänisch": "DK", "Russland": "RU", "russisch": "RU", "Italien": "IT", "italienisch": "IT", "Ungarn": "HU",
    "ungarisch": "HU", "Finnland": "FI", "finnisch": "FI", "USA": "US", "amerikanisch": "US", "Schweiz": "CH",
    "schweizerisch": "CH", "Belgien": "BE", "belgisch": "BE", "Luxemburg": "LU", "Rumänien": "RO", "rumänisch": "RO",
    "Ukraine": "UA", "ukrainisch": "UA", "Israel": "IL", "israelisch": "IL", "China": "CN", "chinesisch": "CN",
    "Großbritannien": "GB", "britisch": "GB", "England": "GB", "Litauen": "LT", "Lettland": "LV", "Estland": "EE",
    "Slowakei": "SK", "Slowenien": "SI", "Kroatien": "HR", "Spanien": "ES", "Portugal": "PT", "Schweden": "SE",
    "Norwegen": "NO", "Türkei": "TR", "türkisch": "TR", "Bulgarien": "BG", "Griechenland": "GR", "Japan": "JP",
}
_COUNTRY_WORDS = "|".join(sorted(COUNTRIES, key=len, reverse=True))
FOREIGN = re.compile(
    rf"\b(?P<adj>{_COUNTRY_WORDS})\w*\s+(?:Partner(?:stadt|städte|landkreis|kreis|gemeinde|region)|Stadt|Landkreis|Kreis|Gemeinde|Region|Woiwodschaft|Bezirk)\s+"
    rf"(?P<name>[A-ZÄÖÜŁŚŻŹ][\wąćęłńóśźżäöüéèáíčřšžý-]+(?:\s+[A-ZŁŚŻ][\wąćęłńóśźżäöüéèáíčřšžý-]+)?)"
    rf"|(?P<name2>(?:Landkreis|Kreis|Stadt|Region|Powiat)?\s?[A-ZÄÖÜŁŚŻŹ][\wąćęłńóśźżäöüéèáíčřšžý-]+)\s+(?:\(|in\s+|im\s+)(?P<country>{_COUNTRY_WORDS})\)?"
)


@dataclass
class Funding:
    programme: str | None
    funder: str | None
    amount_eur: float | None


@dataclass
class Person:
    name: str
    office: str
    ags: str | None = None


def cooperation_score(text: str) -> float:
    """Distinct cooperation signals minus signs of something else (capped, so long texts don't win by length)."""
    signals = len({m.group().lower()[:8] for m in COOPERATION.finditer(text)})
    against = sum(weight for pattern, weight in NOT_COOPERATION if pattern.search(text))
    return min(signals, 6) - against


def is_cooperation(text: str, n_authorities: int, n_foreign: int) -> bool:
    """Does the text report cooperation between local authorities (at least one German)?"""
    if n_authorities >= 2 or (n_authorities == 1 and n_foreign >= 1):
        return cooperation_score(text) >= RELEVANCE_THRESHOLD
    return False


RELEVANCE_THRESHOLD = 1.0


def event_type(text: str, title: str = "") -> str | None:
    """The kind of event: the strongest signal, titles counting double."""
    best, best_score = None, 0.0
    lead = text[:600]
    for name, pattern, weight in EVENT_TYPES:
        score = weight * (len(pattern.findall(text)) + 2 * len(pattern.findall(title)) + len(pattern.findall(lead)))
        if score > best_score:
            best, best_score = name, score
    return best or "sonstiges"


def _amount(m: re.Match[str]) -> float:
    num = m["num"].replace(".", "").replace(",", ".")
    value = float(num)
    unit = (m["unit"] or "").lower()
    if unit.startswith(("million", "mio")):
        value *= 1e6
    elif unit.startswith(("milliard", "mrd")):
        value *= 1e9
    elif unit.startswith("tausend"):
        value *= 1e3
    return value


def funding(text: str) -> list[Funding]:
    """Funding facts: amount in euros with the nearest funder and programme in the same sentence."""
    out = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        amounts = list(AMOUNT.finditer(sentence))
        programmes = PROGRAMME.findall(sentence)
        if not amounts and not programmes:
            continue
        if not re.search(r"förder|zuschuss|finanzier|mittel|bescheid|unterstütz|zuwendung", sentence, re.I):
            continue
        funder = FUNDER.search(sentence)
        out.append(
            Funding(
                programmes[0] if programmes else None,
                funder.group().strip() if funder else None,
                _amount(amounts[0]) if amounts else None,
            )
        )
    return out


def people(text: str) -> list[Person]:
    """People with their office (Landrat, Bürgermeister …) in the order they appear."""
    seen: dict[str, Person] = {}
    for m in PERSON.finditer(text):
        name = m["name"].strip()
        name = re.sub(r"\s+(?:und|sowie|mit|von|aus|des|der)$", "", name)
        if name not in seen:
            office = "Oberbürgermeister" if m["office"] == "OB" else m["office"]
            seen[name] = Person(name, office)
    return list(seen.values())


def foreign_partners(text: str) -> list[tuple[str, str]]:
    """Foreign partners as (name, ISO country code)."""
    out: dict[str, str] = {}
    for m in FOREIGN.finditer(text):
        if m["name"]:
            out.setdefault(m["name"], COUNTRIES[m["adj"]])
        elif m["name2"]:
            out.setdefault(m["name2"].strip(), COUNTRIES[m["country"]])
    return list(out.items())
