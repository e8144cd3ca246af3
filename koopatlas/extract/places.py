"""Entity linking: which Länder, Kreise, Gemeinden and Ämter a text names, and in what role.

1. The gazetteer finds every name variant (one Aho-Corasick pass).
2. Typos are repaired with fuzzy matching only where it is safe: a hyphenated name
   whose tail alone matched ("Bernkastell-Wittlich"), a name whose qualifier did not
   match ("Neustadt an der Waaldnaab"), a word that looks like a Kreis name.
3. Each mention's candidates are scored from the words around it (Landkreis, Landrat,
   Stadt, Bürgermeister …, also for whole lists: "die Landkreise A, B und C"), its
   qualifiers ("Gerbrunn (bei Würzburg)"), the other places in the text and the kind
   and size of the place; words that are also common nouns must look like places.
4. Every linked authority gets a role: participant, location (venue only) or
   mentioned (neither), with a confidence.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

import ahocorasick_rs
from rapidfuzz import fuzz, process

from koopatlas.extract.fields import COUNTRIES
from koopatlas.extract.terms import LiteralStarts
from koopatlas.gazetteer import Candidate, Gazetteer, Mention, base_name

# --- cues ------------------------------------------------------------------------

_KREIS_CUE = re.compile(
    r"(?:\b(?:Nachbar|Partner|Heimat)?(?:[Ll]and)?[Kk]reis(?:e|es|en)?|Landkreis\w*|\w+-Kreise|(?<!\w)(?!Stadtkreis)\w+kreise|"
    r"Landr(?:at|ätin|äte|atsamt\w*)|Kreistag\w*|Kreisverwaltung\w*|Kreishaus|Landkreisen)\s*:?\s*$"
)


def _may_be_kreis_cue(window: str) -> bool:
    """Every word of _KREIS_CUE holds "reis" or "Landr": a substring test spares most searches."""
    return "reis" in window or "Landr" in window


_CITY_CUE = re.compile(
    r"\b(?:(?:Ober)?[Bb]ürgermeister(?:in|innen|s)?|OB|Stadt|Städte|Städten|Hansestadt|Hansestädte|Kreisstadt|"
    r"Gemeinde|Gemeinden|Kommune|Kommunen|Markt|Märkte|Märkten|Marktgemeinde|Marktgemeinden|Ortsgemeinde|Flecken|"
    r"Ortsgemeinden|Rathaus|Rathäuser|Stadtverwaltung|Stadtrat|Partnerstadt|"
    r"Partnerstädte|Nachbarstadt|Nachbarstädte|Nachbargemeinde\w*|Schwesterstadt|Rosenstadt|Landeshauptstadt|"
    r"Universitätsstadt|Oberzentrum|Mittelzentrum|Bezirk|Bezirke|Orte|Ortschaften|"
    r"Stadtkreis(?:e|es|en)?)\s*:?\s*$"  # Baden-Württemberg's word for a kreisfreie Stadt
)
#: "die Ämter Lebus, Rhinow", "Samtgemeinde Nienstädt": the association, not its namesake Gemeinde.
_VERBAND_CUE = re.compile(
    r"\b(?P<kind>Amt|Ämter|Amtes|Samtgemeinde(?:n)?|Verbandsgemeinde(?:n)?|VG|VGem|Verwaltungsgemeinschaft(?:en)?|"
    r"Gemeindeverwaltungsverb(?:and|ände)|GVV|Verwaltungsverb(?:and|ände))\s+$"
)
_VERBAND_KINDS = {
    "Amt": "Amt", "Ämter": "Amt", "Amtes": "Amt", "Samtgemeinde": "Samtgemeinde", "Samtgemeinden": "Samtgemeinde",
    "Verbandsgemeinde": "Verbandsgemeinde", "Verbandsgemeinden": "Verbandsgemeinde", "VG": "VG", "VGem": "VGem",
    "Verwaltungsgemeinschaft": "Verwaltungsgemeinschaft", "Verwaltungsgemeinschaften": "Verwaltungsgemeinschaft",
    "Gemeindeverwaltungsverband": "Gemeindeverwaltungsverband", "Gemeindeverwaltungsverbände": "Gemeindeverwaltungsverband",
    "GVV": "GVV", "Verwaltungsverband": "Verwaltungsverband", "Verwaltungsverbände": "Verwaltungsverband",
}
#: A list whose first item is unknown ("die Landkreise SÜW und …"), or one a colon opens after
#: the plural ("die zehn kreisangehörigen Städte zum Austausch ein: Erkrath, Haan …").
_LIST_AFTER_PLURAL = r"(?:\s+(?:[A-ZÄÖÜ][\w.-]*\s*(?:,|und|sowie)\s*){1,3}|\b[^.!?:\n]{0,40}:\s*)$"
_KREIS_LIST = re.compile(r"\b(?:Land)?[Kk]reis(?:e|en)" + _LIST_AFTER_PLURAL)
_CITY_LIST = re.compile(r"\b(?:Städte|Städten|Gemeinden|Kommunen|Märkte|Märkten)" + _LIST_AFTER_PLURAL)
#: After a name (also glued by a hyphen, „Kyffhäuser-Landrätin“, or as its demonym, „Bautzener Landrat“).
_KREIS_AFTER = re.compile(r"^(?:s|'|’|-)?\s*(?:Ex-)?(?:Landr(?:at|ätin)|Kreistag|Kreisverwaltung|Kreishaus|Landratsamt|Kreisspitze)\b")
_CITY_AFTER = re.compile(r"^(?:s|'|’|-)?\s*(?:Ex-)?(?:(?:Ober)?[Bb]ürgermeister(?:in)?|OB|Rathaus|Rathauschef(?:in)?|Stadtrat|Stadtverwaltung|Stadtspitze|Gemeinderat)\b")
#: „Bautzener Landrat“, „Görlitzer Oberbürgermeisterin“, „Dresdner Rathaus“: a place's demonym before
#: one of its offices names the place (the office says which level, see _KREIS_AFTER / _CITY_AFTER);
#: so does one before its delegation, guests or a person's colleague („Zwickauer Delegation“,
#: „sein Schönbrunner Kollege“). Not the plural „Rathauschefs“: a Kreis's many mayors.
#: Found from the office (few per text) and read back to the demonym: scanning every capitalised word
#: for a following office cost more than the rest of the linking's regular expressions.
_DEMONYM_OFFICE = re.compile(  # a space first, then the lookbehind: the engine skips to spaces
    r"\s(?<=er\s)\s*(?:Ex-)?(?:Landr(?:at|ätin)|Kreistag|Kreisverwaltung|Landratsamt|(?:Ober)?[Bb]ürgermeister(?:in)?|OB|"
    r"Rathaus|Stadtrat|Stadtverwaltung|Gemeinderat|Stadtspitze|Kreisspitze|Verwaltungsspitze|Rathauschef(?:in)?|"
    r"Delegation|Abordnung|Gäste[n]?|Besuchergruppe|(?:Amts)?[Kk]olleg(?:e|en|in)|Vertreter(?:in|innen)?)\b"
)
#: A qualifier after a name: "Neustadt an der Waaldnaab" (matched right after the name).
#: Where an office of ``_DEMONYM_OFFICE`` can begin (after its optional "Ex-"): the expression is tried only
#: at the spaces before these (40 → 5 µs a text).
_DEMONYM_OFFICE_STARTS = ahocorasick_rs.AhoCorasick(
    ["Ex-", "Landr", "Kreistag", "Kreisverwaltung", "Ober", "Bürgermeister", "bürgermeister", "OB", "Rathaus",
     "Stadtrat", "Stadtverwaltung", "Gemeinderat", "Stadtspitze", "Kreisspitze", "Verwaltungsspitze", "Delegation",
     "Abordnung", "Gäste", "Besuchergruppe", "Amts", "Kolleg", "kolleg", "Vertreter"],
    matchkind=ahocorasick_rs.MatchKind.LeftmostFirst)


def demonym_office_starts(text: str) -> list[int]:
    """The starts of ``_DEMONYM_OFFICE.finditer(text)``: the spaces after a word in -er before an office."""
    out = []
    last = 0
    for _, word, _ in _DEMONYM_OFFICE_STARTS.find_matches_as_indexes(text):
        space = word
        while space > 0 and text[space - 1].isspace():
            space -= 1
        if space == word or space < last or text[space - 2: space] != "er":
            continue
        m = _DEMONYM_OFFICE.match(text, space)
        if m:
            out.append(space)
            last = m.end()
    return out


_QUALIFIER_TAIL = re.compile(r"\s(an der|a\.\s?d\.|am|a\.|bei|b\.|im|in der|in|i\.\s?d\.)\s([A-ZÄÖÜ][\wäöüß-]+)")
_DEMONYM = re.compile(r"\b([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*er)$")
#: „Die Bochumer pflegen eine Freundschaft mit …“: the town's people, as a plural noun before a verb.
_DEMONYM_PEOPLE = re.compile(r"ie (?<=\b[Dd]ie )([A-ZÄÖÜ][a-zäöüß]+er) (?=[a-zäöüß])")  # a literal first: 14× faster
#: A list continues through these separators: "Landkreise A, B und C".
#: A bullet list, one place a line, each perhaps with its kind: „- Stadt Göppingen\n- Gemeinde Uhingen“.
_BULLET = r"[ \t]*[-–•*·][ \t]*(?:(?:Stadt|Gemeinde|Markt|Marktgemeinde|Ortsgemeinde|Samtgemeinde|Verbandsgemeinde|" \
          r"Amt|Landkreis|Kreis)[ \t]+)?$"
_BULLET_GAP = re.compile(r"^[ \t]*[,;.]?[ \t]*\n" + _BULLET)
_BULLET_LINE = re.compile(r"^" + _BULLET)


def _bullet_pair(text: str, a_start: int, a_end: int, b_start: int) -> bool:
    """Two places that are items of one bullet list: each line holds a bullet and the place."""
    return bool(_BULLET_GAP.match(text[a_end:b_start])
                and _BULLET_LINE.match(text[text.rfind("\n", 0, a_start) + 1: a_start]))


_LIST_SEP = re.compile(r"^\s*(?:,|und|sowie|oder|/|&|-|–|\(erneut\)|,\s*und)\s*(?:\(erneut\)\s*)?(?:der|die|das|dem|den|des)?\s*$")
#: Groups of people or firms: „Unternehmen aus Jena“ come from the town, they are not the town.
_GROUP_NOUNS = (r"(?:Unternehmen|Firmen|Betriebe|Vereine|Verbände|Schüler(?:innen)?|Studierende|Bürger(?:innen)?|"
                r"Einwohner(?:innen)?|Händler(?:innen)?|Landwirte|Künstler(?:innen)?|Sportler(?:innen)?|Musiker(?:innen)?|"
                r"Einrichtungen|Gruppen|Teams|Mannschaften|Familien|Investoren|Gründer(?:innen)?|Fachleute|Experten|"
                r"Expertinnen|Jugendliche|Kinder|Senioren|Besucher(?:innen)?|Teilnehmer(?:innen)?|Helfer(?:innen)?)")
#: Before a name: it is a party ("mit X" after a cooperation word; a person's town in brackets or after "aus").
_ACTOR_BEFORE = re.compile(
    r"(?:(?:[Pp]artnerschaft|[Kk]ooperation|[Zz]usammenarbeit|[Vv]ereinbarung|[Vv]ertrag|zusammen|gemeinsam|"
    r"Partnern?|Treffen|Austausch|Gespräch\w*)\s+(?:\w+\s+){0,2}(?:mit|zwischen)\s+(?:der\s+|dem\s+|den\s+)?"
    r"|[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?\s+(?:[A-ZÄÖÜ][a-zäöüß]+\s+)?(?:(?:von|van|de|zu|von\s+der|von\s+dem)\s+)?"
    r"[A-ZÄÖÜ][\wäöüß-]+\s+\("
    # "Karl Roth aus", "Die Bürgermeister aus"; not "Eine Quartiersmanagerin aus" or "Stadtplan GmbH aus"
    # (an article before anything but an office or a delegation; a company)
    r"|(?<![\w-])(?!(?:Ein|Eine|Einer|Einem|Einen|Der|Die|Das|Dem|Den|Des|Diese|Dieser|Unser|Unsere|Ihr|Ihre|Sein|Seine)\s"
    r"(?!(?:Ober)?[Bb]ürgermeister|Landr[aä]t|Delegation|Vertreter|Gäste|Gast\b|Amtskolleg|Kolleg|Verwaltung|Stadtspitze|"
    r"Kreisspitze|Spitze|Bürger))"
    r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?\s+(?:(?:von|van|de|zu|von\s+der|von\s+dem)\s+)?"
    # not a group („Interessierte Unternehmen aus Jena“, „Viele Vereine aus …“): they are from the town, not it
    r"(?!(?:GmbH|AG|KG|SE|mbH|eG)\s)(?!" + _GROUP_NOUNS + r"\s)[A-ZÄÖÜ][\wäöüß-]+\s+(?:aus\s+|von\s+der\s+|vom\s+)"
    # "(Dr. Karl-Uwe Strothmann, Beckum)": a person and their town in one bracket
    r"|\((?:(?:Dr|Prof)\.\s+)*[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?\s+(?:(?:von|van|de|zu)\s+)?[A-ZÄÖÜ][\wäöüß-]+,\s*)$"
)
#: "Bürgermeisterin Urte Steinberg (Pinneberg)": a mayor's town is the Stadt or Gemeinde, a Landrat's the Kreis,
#: also where the text names the Kreis of the same name elsewhere.
_PERSON_CAPTION = (r"\s+(?:(?:Dr|Prof)\.\s+)*[A-ZÄÖÜ][\w-]+\s+(?:[A-ZÄÖÜ][\w-]+\s+)?(?:(?:von|van|de|zu)\s+)?"
                   r"[A-ZÄÖÜ][\w-]+\s*\($")  # also with a middle name: „Landrat Jens Marco Scherf (Miltenberg)“
_MAYOR_CAPTION = re.compile(r"\b(?:Ober)?[Bb]ürgermeister(?:in|innen)?" + _PERSON_CAPTION)
_LANDRAT_CAPTION = re.compile(r"\bLandr(?:at|ätin|äte|ätinnen)" + _PERSON_CAPTION)
#: Between two people's towns in brackets: "Urte Steinberg (Pinneberg), Niels Schmidt (Wedel) und …" is a list too.
_CAPTION_SEP = re.compile(r"\)\s*(?:,|und|sowie|,\s*und)" + _PERSON_CAPTION)
#: A newspaper's name with its local edition in brackets ("Ostthüringer Zeitung (Zeulenroda-Triebes)"):
#: the town is where the paper appears, not a person's town.
_MASTHEAD_BEFORE = re.compile(
    r"(?:[Zz]eitung|[Aa]nzeiger|[Nn]achrichten|[Rr]undschau|[Kk]urier|[Pp]ost|[Pp]resse|[Tt]ageblatt|[Bb]latt|[Ee]cho|"
    r"[Mm]agazin|[Aa]llgemeine|[Vv]olksstimme|[Bb]ote|[Jj]ournal|[Rr]eport|[Ll]okalteil|[Aa]usgabe|[Rr]edaktion)\s*\(\s*$"
)
_DETERMINERS = frozenset(
    ["der", "die", "das", "dem", "den", "des", "ein", "eine", "einen", "einem", "einer", "eines", "im", "am", "beim", "zum", "zur", "vom", "ins", "ans", "aufs", "kein", "keine", "keinen", "unser", "unsere", "unseren", "ihr", "ihre", "ihren", "sein", "seine", "seinen", "dieses", "diese", "dieser", "diesem", "jede", "jeder", "jedes", "alle", "viele", "mehrere", "beide", "beiden", "welche", "welcher", "manche", "solche"]
)
#: A postcode, or a street and house number before "in" ("Brunnenstraße 94 in Mühlhausen").
_ADDRESS_BEFORE = re.compile(r"(?:\b\d{5}\s+|D-\d{5}\s+|(?:[Ss]tr(?:aße|asse|\.)|[Ww]eg|[Pp]latz|[Aa]llee|[Rr]ing|[Gg]asse|"
                             r"[Dd]amm|[Uu]fer|[Hh]of|[Mm]arkt|[Cc]haussee)\s+\d{1,4}[a-z]?,?\s+in\s+)$")
_VENUE_BEFORE = re.compile(
    r"(?:\b(?:in|nach|im|ins|zum|zur|Sitz in|Tagungsort|zu Gast in|Gast in|Station in|Ort:|Veranstaltungsort)\s+"
    r"(?:der\s+|dem\s+|den\s+)?(?:[A-ZÄÖÜ][\w.-]*\s+){0,3})$"
)
#: Between a name and a Kreis or Land that places it: "Bergen (Landkreis Celle)", "Lichtenau bei Paderborn".
_PLACING = r"\(\s*(?:bei|nahe|im|Landkreis|Kreis|Lkr\.|LK)?\s*|\bbei\s+|\bnahe\s+|\bim\s+(?:Landkreis|Kreis)\s+"
_PLACED_BY = re.compile(f"(?:{_PLACING})$")
#: ... and, for a qualifier of a place already resolved, also "in", "im" and a comma ("Gerbrunn, Landkreis Würzburg",
#: "die Gemeinde Niederaichbach im Landkreis Landshut").
_QUALIFIER_BEFORE = re.compile(rf"(?:{_PLACING}|\bi[nm]\s+|,\s*)$")
#: Institutions named after a place: the place is not the actor.
_INSTITUTION = re.compile(
    r"\b(?:Universität|Uni|TU|Technische Universität|Hochschule|FH|Fachhochschule|HAW|IHK|Handwerkskammer|Sparkasse|"
    r"Volksbank|Amtsgericht|Landgericht|Verwaltungsgericht|Bistum|Erzbistum|Zoo|Flughafen|Klinikum|Theater|Messe|"
    r"Stadtwerke|Hauptbahnhof|Bahnhof|Agentur für Arbeit|Bundesagentur|Polizeidirektion|Polizeipräsidium|"
    r"Kreishandwerkerschaft|Arbeitsagentur|Museum|Verlag|Zeitung|Bezirksregierung|Regierungsbezirk|Landeskirche|"
    r"DRK-Kreisverb\w+|Kreisverband|Kreisverbände|Kreissportbund|Kirchenkreis|Dekanat|Naturpark|Landschaftsverband|"
    r"Metropolregion)\s+$"
)
#: The last words of the institutions above (a cheap test before the regular expression, which is anchored at
#: the end and so tried at every position).
_INSTITUTION_ENDS = ("Universität", "Uni", "TU", "Hochschule", "hochschule", "FH", "HAW", "IHK", "kammer", "Sparkasse", "Volksbank",
                     "gericht", "Bistum", "bistum", "Zoo", "Flughafen", "Klinikum", "Theater", "Messe", "Stadtwerke",
                     "ahnhof", "Arbeit", "agentur", "Polizeidirektion", "Polizeipräsidium", "Kreishandwerkerschaft",
                     "Museum", "Verlag", "Zeitung", "Bezirksregierung", "Regierungsbezirk", "Landeskirche", "verband",
                     "verbände", "Kreissportbund", "Kirchenkreis", "Dekanat", "Naturpark", "Metropolregion")
_DIGIT = re.compile(r"\d")


def _names_institution(before: str) -> bool:
    words = before.split()
    return bool(words) and before[-1:].isspace() and (words[-1].endswith(_INSTITUTION_ENDS) or "Kreisverb" in words[-1]) \
        and _INSTITUTION.search(before) is not None


#: Words right before a name that make it history, not a party to the event.
#: (words of the part, the part): each part's words hold one of its own, so a window is searched only with the
#: parts whose words it holds. The whole alternation, tried at every position, cost 14 µs a window.
_BACKGROUND_PARTS = (
    (("ehemal", "früher", "damal", "einstig", "ltkreis", "lt-kreis"),
     r"\b(?:ehemalige[nmrs]?|frühere[nmrs]?|damalige[nmrs]?|einstige[nmrs]?|Alt-?kreis\w*)\s+(?:\w+\s+)?$"),
    (("eispiel", "z.", "etwa", "u.", "darunter"),
     r"\b(?:beispielsweise|zum Beispiel|z\.\s?B\.|etwa|u\.\s?a\.|darunter auch)\s+(?:mit\s+|in\s+|aus\s+|die\s+|der\s+)?$"),
    (("ommunen", "emeinden", "tädte", "orte", "itglied", "inwohner"),
     r"\b(?:Kommunen|Gemeinden|Städte[n]?|Orte[n]?|Mitglieder[n]?|Einwohner\w*)\s+(?:im|aus dem|des)\s+"
     r"(?:(?:Landkreis|Lkr\.|Kreis|LK)\s*)?$"),
    # firms from a place are not the place: „Interessierte Unternehmen aus Jena und Gera haben angefragt“; nor
    # are observers, onlookers or the federal relief agency's local unit („das Technische Hilfswerk aus Ulm“)
    (("nehmen", "firmen", "betrieb", "investor", "ndler", "eobachter", "uschauer", "ilfswerk", "thw"),
     r"\b(?:Unternehmen|Firmen|Betriebe[n]?|Investoren|Händler[n]?|Beobachter(?:innen)?|Zuschauer(?:innen)?|"
     r"Hilfswerk(?:e?s)?|THW)\s+(?:\w+\s+)?aus\s+(?:der\s+|dem\s+|den\s+)?$"),
    # nor are people from it in a police report („ein 34-jähriger Autofahrer aus Kirchheim“), nor the towns a
    # road runs between („auf der B 27 zwischen Bad Hersfeld und Niederaula“, „die Kreisstraße zwischen …“)
    (("jährig", "fahrer", "gänger", "mann", "frau", "täter", "verdächtig"),
     r"\b(?:\d+-[Jj]ährige[nr]?|(?:Auto|Rad|Motorrad|Lkw-|Bei)?[Ff]ahrer(?:in)?|Fußgänger(?:in)?|Mann|Frau|"
     r"Tatverdächtige[nr]?|Täter(?:in)?)\s+(?:\w+\s+)?aus\s+(?:der\s+|dem\s+|den\s+)?$"),
    (("zwischen",),
     r"\b(?:[ABLK]|St|Bundesstraße|Landesstraße|Kreisstraße|Staatsstraße|Autobahn|Bundesautobahn)\s*\d*\s+zwischen\s+$"),
    # where a place lies, not who takes part: "grenzt an die Nachbarkreise A, B", "in Nachbarschaft zum Landkreis C"
    (("grenz", "achbarschaft", "liegt", "umgeben"),
     r"\b(?:grenz(?:t|en)\s+an|Nachbarschaft\s+zu[mr]?|liegt\s+(?:im|in\s+der|zwischen)|umgeben\s+von)\s+(?:\w+\s+){0,2}$"),
    # a model named for comparison: "nach dem Vorbild des Landkreises C", "Vorbild ist die Kooperation der Städte D und E"
    (("vorbild", "schon", "bereits", "hnlich", "odell"),
     r"\b(?:nach\s+dem\s+Vorbild|Vorbild\s+(?:ist|sind|war|waren)|wie\s+(?:schon|bereits)\s+(?:in|bei)|ähnlich\s+wie|"
     r"Modelle?\s+gibt\s+es\s+(?:bereits\s+|schon\s+)?in)\b[^.;!?\n]{0,40}$"),
    # a similar thing elsewhere: „Eine ähnliche Vereinbarung gibt es bereits zwischen den Städten C und D“
    # („Ähnliche Zusammenschlüsse hätten sich bereits in den Regionen C und D bewährt“)
    (("hnlich", "ergleichbar"),
     r"\b(?:ähnliche[nsm]?|vergleichbare[nsm]?)\s+\w+\s+(?:gibt\s+es|besteh(?:t|en)|existier(?:t|en)|"
     r"(?:haben|hätten|hat|hatte|hatten)\s+sich)\b[^.;!?\n]{0,40}$"),
)
_BACKGROUND = re.compile("|".join(part for _, part in _BACKGROUND_PARTS), re.IGNORECASE)
_BACKGROUND_PART_RES = tuple(re.compile(part, re.IGNORECASE) for _, part in _BACKGROUND_PARTS)
_BACKGROUND_PART_WORDS = sorted({w for words, _ in _BACKGROUND_PARTS for w in words})
_BACKGROUND_PART_OF = [tuple(i for i, (words, _) in enumerate(_BACKGROUND_PARTS) if w in words)
                       for w in _BACKGROUND_PART_WORDS]
_BACKGROUND_PART_SCAN = ahocorasick_rs.AhoCorasick(_BACKGROUND_PART_WORDS)


def _background_before(before: str) -> bool:
    """``_BACKGROUND.search(before)``, with only the parts whose words the window holds."""
    parts = {i for w, _, _ in _BACKGROUND_PART_SCAN.find_matches_as_indexes(before.lower(), overlapping=True)
             for i in _BACKGROUND_PART_OF[w]}
    return any(_BACKGROUND_PART_RES[i].search(before) for i in sorted(parts))


#: The same said after the names: „Bereits 2019 hatten die Kreise C und D ein ähnliches Modell eingeführt“.
_SIMILAR_AFTER = re.compile(r"[^.;!?\n]{0,60}?\b(?:ein|eine|einen)\s+(?:ähnliche[nsm]?|vergleichbare[nsm]?)\s", re.IGNORECASE)
#: Capitalised words before a bare name that still let it be a place ("Rosenstadt Forst").
#: A word ending in a place noun, also in the plural („die Marktgemeinden Arberg, Bechhofen“).
#: „die niederländische Gemeinde Berg en Dal“, „der polnische Partnerkreis …“: the text says the place is
#: abroad, so a German namesake (the Gemeinde Berg) is not meant.
#: The place nouns after a country's adjective: „die polnische Partnerstadt“, „der tschechische Bezirk“.
_ABROAD_NOUNS = frozenset(
    ["Partnerstadt", "Partnergemeinde", "Partnerkommune", "Partnerkreis", "Partnerlandkreis", "Partnerregion",
     "Nachbarstadt", "Nachbargemeinde", "Stadt", "Gemeinde", "Kommune", "Landkreis", "Landkreises", "Kreis", "Kreises",
     "Region", "Provinz", "Bezirk", "Bezirks", "Bezirkes"])
_ABROAD_NOUN = "(?:" + "|".join(sorted(_ABROAD_NOUNS, key=lambda w: (-len(w), w))) + ")"
_ABROAD_ADJECTIVE = (r"\b(?:" + "|".join(sorted((w for w in COUNTRIES if w.islower() and w != "schlesisch"),
                                                  key=len, reverse=True))
                     + r")(?:e|en|er|es)\s+")  # (Silesia reaches into Germany: „die schlesische Stadt Görlitz“)
_ABROAD_BEFORE = re.compile(_ABROAD_ADJECTIVE + _ABROAD_NOUN + r"\s+$")
_ABROAD_BEFORE_NOUN = re.compile(_ABROAD_ADJECTIVE + "$")  # the mention itself starts with the noun („Gemeinde Berg“)
_STARTS_WITH_NOUN = re.compile(_ABROAD_NOUN + r"\s")
#: „Bergen (Norwegen)“, „Lemberg in der Ukraine“: the country right after the name puts it abroad. (Not after
#: a comma, which lists: „Sachsen, Polen und Tschechien“; not Silesia, which reaches into Germany.)
_ABROAD_AFTER = re.compile(r"\s*(?:\(\s*|in\s+(?:der\s+|den\s+|dem\s+)?)(?P<country>" + "|".join(
    sorted((w for w in COUNTRIES if w[:1].isupper() and w != "Schlesien"), key=len, reverse=True)) + r")\b")
_PLACE_NOUN = re.compile(
    r"(?:stadt|städte|städten|gemeinde|gemeinden|dorf|dörfer|kommune|kommunen|metropole|zentrum|town|region|regionen|"
    r"kreis|kreise|kreisen|markt|märkte|märkten|ort|orte|orten|bezirk|bezirke|amt|ämter|bad|flecken)$",
    re.IGNORECASE)  # "Ostseebad Binz", "Flecken Ottersberg" (Lower Saxony's market towns)
#: State and federal offices before a person's name: "Bundesminister Karl Lauterbach", "Ministerpräsident …".
_STATE_OFFICES = (r"(?:Bundes|Landes|Staats|Innen|Finanz|Kultus|Sozial|Wirtschafts|Verkehrs|Umwelt|Gesundheits|Justiz)?"
                  r"[Mm]inister(?:in)?|Ministerpräsident(?:in)?|(?:Bundes)?[Kk]anzler(?:in)?|Abgeordnete[r]?")
_TITLES = re.compile(
    r"^(?:(?:Ober|Bezirks)?[Bb]ürgermeister(?:in)?|Landr(?:at|ätin)|OB|Dr\.|Prof\.|Herr|Frau|Herrn|Beigeordnete[r]?|"
    rf"Dezernent(?:in)?|Stadtrat|Stadträtin|Kreisrat|Kreisrätin|Amtsleiter(?:in)?|Staatssekretär(?:in)?|{_STATE_OFFICES})$"
)
#: "Bezirksbürgermeister Oliver Igel": the surname after an office and a first name names a person
#: everywhere in the text ("so Igel"), also where no office stands before it.
_OFFICES = (  # the lookahead on the offices' first letters lets the engine skip other positions fast
    r"(?=[A-ZÄÖÜb])\b(?:(?:Ober|Bezirks)?[Bb]ürgermeister(?:in)?|Landr(?:at|ätin)|Beigeordnete[r]?|Dezernent(?:in)?|Stadtr(?:at|ätin)|"
    rf"Kreisr(?:at|ätin)|Amtsleiter(?:in)?|Amtsdirektor(?:in)?|Staatssekretär(?:in)?|{_STATE_OFFICES}|Herr|Frau)\s+"
)
#: "Bürgermeister Haag bedauerte": an office, one name, then the sentence goes on in lower case: that
#: name is a surname (group "first" then holds it, "surname" is None); "(Oberbürgermeister Sangerhausen)"
#: in a caption stays the town. One pattern for both readings: each scan costs 1.5 % of the extraction.
_PERSON_NAMED = re.compile(
    _OFFICES + r"(?:(?:Dr|Prof)\.\s+)*(?P<first>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)\s+"
    r"(?:(?P<surname>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)\b|(?=[a-zäöü]))"
)
#: Every way an office of ``_OFFICES`` can begin (its lookahead admits capitals and "b" only): the pattern is
#: tried only there (35–65 µs a text against 6).
_PERSON_NAMED_STARTS = LiteralStarts(_PERSON_NAMED, [
    "Ober", "Bezirks", "Bürgermeister", "bürgermeister", "Landr", "Beigeordnete", "Dezernent", "Stadtr", "Kreisr",
    "Amtsleiter", "Amtsdirektor", "Staats", "Bundes", "Landes", "Innen", "Finanz", "Kultus", "Sozial", "Wirtschafts",
    "Verkehrs", "Umwelt", "Gesundheits", "Justiz", "Minister", "Kanzler", "Abgeordnete", "Herr", "Frau"])


def persons_named(text: str) -> list[re.Match]:
    """The matches of ``_PERSON_NAMED.finditer(text)``."""
    return _PERSON_NAMED_STARTS.finditer(text)


_OFFICE_WORDS = re.compile(r"^(?:(?:Ober)?[Bb]ürgermeister\w*|Landr\w+|OB|Rathaus|Kreis\w*|Stadt\w*|Gemeinde\w*|Amt\w*)$")
#: Prepositions that take nouns but rarely a bare town name ("an Wiesen", "über Brücken").
_NOUN_PREPOSITIONS = frozenset(["an", "auf", "über", "unter", "hinter", "vor", "neben", "durch", "ohne", "gegen"])
_LOWER_FUNCTION = frozenset(
    ["und", "oder", "sowie", "aber", "über", "unter", "hinter", "gegen", "wieder", "wider", "nach", "in", "im", "aus", "bei", "mit", "von", "vom", "zu", "zum", "zur", "für", "an", "am", "auf", "zwischen", "neben", "vor", "durch", "um", "ab", "bis", "seit", "samt", "nahe", "ob", "weder", "noch", "als", "wie", "denn",
     # adverbs and prepositions that end like an adjective: „unter anderem Lemgo“, „insbesondere Haan“
     "anderem", "insbesondere", "außerdem", "zudem", "trotzdem", "nachdem", "seitdem", "außer", "ohne", "gegenüber",
     "wegen", "inmitten", "immer", "gerade", "heute", "später"]
)
_CITY_AND = re.compile(r"\b(?:Stadt|Hansestadt|Städte)\s+und\s+(?:des\s+|der\s+|dem\s+)?$")
_KREIS_AND = re.compile(r"(?<![\w-])(?:Land)?[Kk]reis(?:es)?\s+und\s+(?:der\s+|die\s+)?(?:Stadt\s+|Hansestadt\s+)?$")
#: Unmatched words worth a fuzzy look: Kreis-like endings, or right after a Kreis word.
_KREISLIKE_END = re.compile(r"k(?:e?reis|ries|reiß|reiss|res)\b")
_AFTER_KREIS_WORD = re.compile(r"reis(?:e|es|en)?\s+(?:\w+\s+)?([A-ZÄÖÜ][\wäöüß-]{7,})")

#: A Gemeinde whose bare name is this frequent a German word (Zipf, wordfreq) is read as the word
#: ("Ohne", "Weil", "Waren", "Wissen", "Wald", "Bescheid") unless the text marks it as a place.
COMMON_WORD_ZIPF = 4.4
#: Gemeinden this large are named as places even when the name is a frequent word (Hannover).
COMMON_WORD_KEEP_KM2 = 150.0
#: After a word that ends like an adjective („der gesamträumlichen Lage“, „aus Salz gefertigt“) a name reads as
#: a noun when it is a German word (Zipf ≥ 4: Lage 5.2, Salz 4.3, Einig 4.3); a verb ends so too, and
#: „besuchte Lemgo“ is the town (town names stay under 4: Lemgo 3.3, Bautzen 3.7, Saarbrücken 3.9).
WORD_AFTER_ADJECTIVE_ZIPF = 4.0

#: A list-mate close by draws an ambiguous name towards it: weight, and the distance (km) of 1/e.
LIST_MATE_WEIGHT = 1.0
#: How far a qualifier may stand from the name it places: "Gerbrunn (bei Würzburg)", "Bergen (Landkreis Celle)".
QUALIFIER_GAP_CHARS = 16
#: A Kreis or Land in brackets right after a name outweighs a namesake named elsewhere (+1.5).
PLACED_WEIGHT = 3.0
LIST_MATE_KM = 40.0

LEAD_CHARS = 350  # title and lead: whoever is named here is what the text is about
_PREFIX_WORDS = frozenset(["Landkreis", "Landkreises", "Kreis", "Kreises", "Lkr.", "LK", "Lk.", "Krs.", "Kr.", "Landratsamt", "Kreisverwaltung", "Kreishaus", "Stadt", "Hansestadt", "Gemeinde", "Markt", "Städteregion", "Region", "Stadtkreis", "Landeshauptstadt", "Bezirk"])
_TOWN_WORDS = frozenset(["Stadt", "Hansestadt", "Gemeinde", "Markt", "Landeshauptstadt"])
_UNNAMED_KREIS = re.compile(
    r"\b(?:(?:der|den|dem|des)\s+(?:Land)?[Kk]reis(?:es)?|Landr(?:at|ätin)|Kreishaus|Kreisverwaltung|Landratsamt)\b"
    r"(?!\s+(?:[A-ZÄÖÜ][\wäöüß-]+\s+)?[A-ZÄÖÜ][\wäöüß-]+\b(?!\s+[a-zäöüß]))"
)
ROLE_PARTICIPANT = "participant"
ROLE_LOCATION = "location"
ROLE_MENTIONED = "mentioned"


@dataclass(slots=True)
class Linked:
    """One mention with its chosen region and the evidence for it."""

    start: int
    end: int
    text: str
    ags: str
    level: str
    score: float
    margin: float
    cue: str | None = None  # "kreis" / "city" / None
    venue: bool = False
    address: bool = False
    qualifier_of: int | None = None  # index of the mention this one locates
    background: bool = False
    institution: bool = False  # "Universität Kassel": names an institution, not the authority
    in_list: bool = False  # coordinated with another place: "A, B und C"
    list_size: int = 1  # places in that list ("A, B und C": 3)
    list_start: int = -1  # where that list starts: the same for all its places
    kind: str = ""  # gazetteer kind of the chosen variant: official, short, prefixed, alias, fuzzy …
    n_candidates: int = 1  # how many regions the name could stand for


@dataclass(slots=True)
class Authority:
    """A linked region with its role in the reported event."""

    ags: str
    name: str
    level: str
    role: str
    confidence: float
    mentions: list[Linked] = field(default_factory=list)


def _may_be_actor(before: str) -> bool:
    """Cheap precheck for _ACTOR_BEFORE (regexes anchored at the end are slow in Python)."""
    tail = before[-14:]
    end = before.rstrip()
    return ("mit " in tail or "zwischen " in tail or end.endswith(("(", "aus", "von der", "vom"))
            or end.endswith(",") and "(" in before[-45:])


#: Substrings of the lower-cased text before a mention without which _BACKGROUND cannot match.
_BACKGROUND_HINTS = ("ehemal", "früher", "damal", "einstig", "ltkreis", "lt-kreis", "eispiel", "z.", "etwa", "u.", "darunter",
                     "ommunen", "emeinden", "tädte", "orte", "itglied", "inwohner", "renz", "achbarschaft", "liegt", "umgeben",
                     "orbild", "ie schon", "ie bereits", "hnlich", "ergleichbar", "odell", "nehmen", "firmen",
                     "betrieb", "investor", "ndler", "eobachter", "uschauer", "ilfswerk", "thw", "jährig", "fahrer", "gänger", "mann ", "frau ", "täter", "verdächtig",
                     "zwischen")


#: The Kreis that approves as supervisory authority takes no part: „Der Landkreis Zwickau als Rechtsaufsicht
#: hatte sie genehmigt“, „die Genehmigung durch das Landratsamt Mittelsachsen“, „die Kommunalaufsicht des
#: Kreises Dithmarschen“, „Das Landratsamt Meißen hat die Vereinbarung genehmigt“ (approving, not agreeing:
#: „zugestimmt“ stays out, a Kreis that agrees may be a party).
_SUPERVISOR_AFTER = re.compile(r"\s*,?\s*als\s+(?:zuständige\s+)?(?:Rechts|Kommunal|Fach)?[Aa]ufsicht"
                               r"|\s+(?:hat|hatte|muss|musste|soll|wird)\s+(?:\w+\s+){0,5}(?:genehmigt|genehmigen)\b")
_SUPERVISOR_BEFORE = re.compile(r"(?:\bGenehmigung|\bgenehmigt|\bZustimmung|[Aa]ufsicht)\s+(?:des|der|durch\s+(?:das|den|die))\s+"
                                r"(?:(?:Land)?[Kk]reises\s+|Landratsamt(?:e?s)?\s+)?$")


def _supervises(text: str, before: str, end: int) -> bool:
    return bool(_SUPERVISOR_AFTER.match(text, end, end + 60) or ("ehmig" in before or "ufsicht" in before or
                                                                   "ustimmung" in before) and _SUPERVISOR_BEFORE.search(before))


#: one scan in C, not 44 tests (a regex alternation of the hints tried all of them at every position: 2.4 µs
#: a window against 0.3)
_BACKGROUND_HINT = ahocorasick_rs.AhoCorasick(list(_BACKGROUND_HINTS))


def _background_after(text: str, end: int) -> bool:
    """The sentence goes on to call what the place did similar („… ein ähnliches Modell eingeführt“), or
    to say that it takes no part („Für die Stadt Salzgitter ist eine Beteiligung nicht geplant“)."""
    window = text[end: end + 90]
    return ("hnlich" in window or "ergleichbar" in window) and _SIMILAR_AFTER.match(window) is not None \
        or "nicht" in window and _NO_PART_AFTER.match(window) is not None


#: The rest of a place's sentence says it takes no part: „ist eine Beteiligung zunächst nicht geplant“,
#: „beteiligt sich nicht“, „nimmt nicht teil“, „ist nicht mehr dabei“ („ist nicht nur beteiligt“ is no such).
_NO_PART_AFTER = re.compile(
    r"[^.;!?\n]{0,60}?\b(?:(?:Beteiligung|Teilnahme|Beitritt|Mitgliedschaft)\s+(?:\w+\s+){0,3}nicht\s+"
    r"(?:geplant|vorgesehen|beabsichtigt|gewünscht)|beteilig\w*\s+sich\s+(?:\w+\s+)?nicht\b|"
    r"(?:nimmt|nehmen|nahm|nahmen)\s+(?:\w+\s+)?nicht\s+teil|(?:ist|sind|war|waren)\s+(?:\w+\s+)?nicht\s+"
    r"(?:mehr\s+|länger\s+)?(?:beteiligt|dabei)\b)", re.IGNORECASE)


def _council_of(text: str, start: int, name: str, places) -> bool:
    """„Der Stadtrat Heidenau stimmte zu“, „dem Stadtrat Halle und dem Kreistag“: with an article before it, a
    council word and a place's name are that place's council, not a councillor named like the town."""
    return text.startswith(("Stadtrat ", "Kreisrat "), start) and text[max(0, start - 4): start].lower() in (
        "der ", "dem ", "des ") and name in places


def _may_be_background(before: str) -> bool:
    return bool(_BACKGROUND_HINT.find_matches_as_indexes(before[-45:].lower()))


#: Compiled once for :meth:`PlaceLinker._not_a_place`, which runs for every mention.
_WORD_OR_ABBREV = re.compile(r"[\wäöüßÄÖÜ.]+")
_NEXT_CAPITAL_WORD = re.compile(r"\s+([A-ZÄÖÜ][\wäöüß-]+)")
_NEXT_NAME = re.compile(r"\s([A-ZÄÖÜ][\wäöüß]+)")
_NEXT_NAME_ON_LINE = re.compile(r"[ \t]([A-ZÄÖÜ][\wäöüß]+)")
_ENDS_SENTENCE = re.compile(r"[.!?:\n\"]\s*$")


#: Punctuation right before a name: the word before it is not its article or adjective.
_PHRASE_END = frozenset(",;:")


def _prev_token(text: str, start: int) -> str:
    words = text[max(0, start - 30): start].split()
    return words[-1].strip(",.;:()\"'") if words else ""


class PlaceLinker:
    """Links place names in a text to AGS, using one loaded :class:`Gazetteer`."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self.regions = gazetteer.regions
        kreis_names = {}
        for variant, cands in gazetteer.variants.items():
            if any(c.level == "kreis" for c in cands) and len(variant) >= 7:
                kreis_names[variant] = cands
        self._kreis_variants = list(kreis_names)
        self._kreis_by_shape: dict[tuple[str, int], list[str]] = defaultdict(list)
        for v in kreis_names:
            self._kreis_by_shape[(v[0], len(v))].append(v)
        self._fuzzy_cache: dict[tuple[str, float], tuple | None] = {}
        self._common: dict[str, float] = {}
        self._long_variants = [v for v in gazetteer.variants if len(v) >= 8 and " " not in v.strip()]
        self._by_first_word: dict[str, list[str]] = defaultdict(list)
        for v in gazetteer.variants:
            if " " in v:
                self._by_first_word[v.split(" ", 1)[0]].append(v)
        self._longer_names: dict[tuple[str, int], list[str]] = {}  # see _longer_than

    # -- finding --------------------------------------------------------------------

    def mentions(self, text: str) -> list[Mention]:
        found = self.gaz.find(text)
        found = self._demonyms(text, found)
        found = self._repair_hyphenated(text, found)
        found = self._repair_qualifier(text, found)
        found = self._repair_unmatched(text, found)
        return sorted(found, key=lambda m: m.start)

    def _demonyms(self, text: str, found: list[Mention]) -> list[Mention]:
        """„Bautzener Landrat“: the demonym (Bautzen + er, Dresd(en) + ner, Breme(n) + r) before an office."""
        covered = [(m.start, m.end) for m in found]
        spans = []
        for office in demonym_office_starts(text):
            d = _DEMONYM.search(text, max(0, office - 60), office)
            if d is not None:
                spans.append(d.span(1))
        spans += [d.span(1) for d in _DEMONYM_PEOPLE.finditer(text)]
        extra = []
        for start, end in spans:
            if any(s < end and start < e for s, e in covered):
                continue
            word = text[start:end]
            for stem in (word[:-2], word[:-3] + "en", word[:-1] + "n"):
                cands = [c for c in self.gaz.lookup(stem) if c.kind in ("official", "short") and c.level in ("kreis", "gemeinde")]
                if cands:
                    extra.append(Mention(start, end, word, [Candidate(c.ags, "demonym", c.level) for c in cands]))
                    covered.append((start, end))
                    break
        return found + extra if extra else found

    def _repair_hyphenated(self, text: str, found: list[Mention]) -> list[Mention]:
        """"Bernkastell-Wittlich": the tail matched alone; the whole word is a typo of a Kreis."""
        out = []
        for m in found:
            if m.start == 0 or text[m.start - 1] != "-":
                out.append(m)
                continue
            word = re.search(r"[\wÄÖÜäöüß]+(?:-[\wÄÖÜäöüß]+)*$", text[max(0, m.start - 40): m.start] + m.text)
            full_start = m.start - (len(word.group()) - len(m.text)) if word else m.start
            if full_start < m.start and text[m.start - 1] == "-":
                whole = text[full_start: m.end]
                hit = self._fuzzy_kreis(whole, 90)
                if hit:
                    out.append(Mention(full_start, m.end, whole, list(self.gaz.lookup(hit[0]))))
                    continue
                if out and out[-1].end == m.start - 1:
                    out.append(m)  # "Bautzen-Görlitz-Hoyerswerda": places joined by hyphens
                continue  # a place name glued to another word is not a mention on its own
            out.append(m)
        return out

    def _fuzzy_kreis(self, word: str, cutoff: float):
        """Closest Kreis name variant with the same initial (typos rarely hit the first letter)."""
        key = (word, cutoff)
        if key not in self._fuzzy_cache:
            choices = [v for n in range(len(word) - 3, len(word) + 4) for v in self._kreis_by_shape.get((word[:1], n), ())]
            hit = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=cutoff) if choices else None
            if len(self._fuzzy_cache) > 50_000:
                self._fuzzy_cache.clear()
            self._fuzzy_cache[key] = hit
        return self._fuzzy_cache[key]

    def _longer_than(self, first: str, length: int) -> list[str]:
        """Gazetteer names that start with the word ``first`` and are longer than ``length``, in
        gazetteer order (an index over the gazetteer, built as names are asked for)."""
        key = (first, length)
        names = self._longer_names.get(key)
        if names is None:
            names = self._longer_names[key] = [v for v in self._by_first_word.get(first, []) if len(v) > length]
        return names

    def _repair_qualifier(self, text: str, found: list[Mention]) -> list[Mention]:
        """"Neustadt an der Waaldnaab": the name matched, its misspelt qualifier did not."""
        out = []
        for m in found:
            tail = _QUALIFIER_TAIL.match(text, m.end, m.end + 40)
            if tail and m.text in self.gaz.variants:
                first = m.text.split(" ")[0]
                phrase = m.text + tail.group(0)
                options = self._longer_than(first, len(m.text) + 3)
                hit = process.extractOne(phrase, options, scorer=fuzz.ratio, score_cutoff=90) if options else None
                if hit and hit[0] != phrase:
                    out.append(Mention(m.start, m.end + len(tail.group(0)), phrase, list(self.gaz.lookup(hit[0]))))
                    continue
            out.append(m)
        return out

    def _repair_unmatched(self, text: str, found: list[Mention]) -> list[Mention]:
        """Words that look like Kreis names ("Saalekereis") or follow a Kreis cue ("Landkreise Bernkastell")."""
        covered = [(m.start, m.end) for m in found]
        spans = []
        for ending in _KREISLIKE_END.finditer(text):
            start = ending.start()
            while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "-"):
                start -= 1
            if ending.end() - start >= 7 and text[start].isupper():
                spans.append((start, ending.end()))
        spans += [(w.start(1), w.end(1)) for w in _AFTER_KREIS_WORD.finditer(text)]
        extra = []
        for start, end in spans:
            if any(s <= start < e or s < end <= e for s, e in covered):
                continue
            word = text[start:end]
            hit = self._fuzzy_kreis(word, 88)
            if hit and hit[0] != word:
                extra.append(Mention(start, end, word, list(self.gaz.lookup(hit[0]))))
                covered.append((start, end))
        return found + extra

    # -- resolving ------------------------------------------------------------------

    def _list_cues(self, text: str, mentions: list[Mention]) -> list[str | None]:
        """Kreis/city cue per mention, propagated along lists ("die Landkreise A, B und C")."""
        cues: list[str | None] = []
        for i, m in enumerate(mentions):
            before = text[max(0, m.start - 45): m.start]
            after = text[m.end: m.end + 25]
            cue = None
            verband = _VERBAND_CUE.search(before[-32:])
            if verband:
                cue = "verband:" + _VERBAND_KINDS[verband["kind"]]
            elif (_may_be_kreis_cue(before[-28:]) and _KREIS_CUE.search(before[-28:])) or _KREIS_AFTER.match(after):
                cue = "kreis"
            elif _CITY_CUE.search(before[-28:]) or _CITY_AFTER.match(after):
                cue = "city"
            elif i > 0 and cues[i - 1] and _LIST_SEP.match(text[mentions[i - 1].end: m.start]):
                cue = cues[i - 1]
            elif "reise" in before and _KREIS_LIST.search(before):
                cue = "kreis"  # "mit den Landkreisen SÜW und Germersheim": a list whose first item is unknown
            elif ("Städte" in before or "emeinden" in before or "Kommunen" in before or "Märkte" in before) and _CITY_LIST.search(before):
                cue = "city"
            elif _may_be_actor(before) and _ACTOR_BEFORE.search(before) and not _MASTHEAD_BEFORE.search(before):
                cue = "actor"  # "Urte Steinberg (Pinneberg)", "Partnerschaft mit Giengen"
            cues.append(cue)
        return cues

    def _prior(self, cand: Candidate, mention: Mention) -> float:
        r = self.regions.get(cand.ags)
        if cand.level == "verband":
            return 0.6
        if r is None:
            return 0.0
        if cand.level == "land":
            return 4.0 if mention.text in (r.name, r.name + "s") else 0.3  # "Sachsen(s)": the Land
        if cand.level == "kreis":
            if r.kreisfrei:
                return 1.2
            explicit = cand.kind in ("prefixed", "alias") or "kreis" in mention.text.lower() or cand.kind == "official" and r.name != mention.text
            return 1.3 if explicit else 0.8
        size = math.log1p(r.area_km2 or 1) / 6
        return (0.7 if r.bez == "Stadt" else 0.4) + size

    def link(self, text: str, near: tuple[tuple[float, float], ...] = ()) -> list[Linked]:
        """Mentions linked to regions. ``near``: (lon, lat) of places abroad the text names, which
        draw a name several German places share towards the one close to them (Frankfurt next
        to Słubice is Frankfurt (Oder))."""
        mentions = self.mentions(text)
        cues = self._list_cues(text, mentions)
        surnames = set()
        for pm in persons_named(text):
            if pm["surname"] is None:
                if not _council_of(text, pm.start(), pm["first"], self.gaz.variants):
                    surnames.add(pm["first"])  # "Bürgermeister Haag bedauerte"
            elif not (_PLACE_NOUN.search(pm["first"]) or _OFFICE_WORDS.match(pm["first"]) or pm["first"] in self.gaz.variants):
                surnames.add(pm["surname"])
        # the candidates of every mention that reads as a place (None: a noun, a person, no candidate);
        # decided first, so a surname ("Bürgermeisterin Bettina Kist") anchors no region
        options = [self._options(text, m, i, cues, surnames) for i, m in enumerate(mentions)]
        # a name the text once puts abroad („die tschechische Region Karlsbad“) is that place also where it
        # stands bare („Bezirk Karlsbad“ in the headline)
        abroad = {m.text for m, cands in zip(mentions, options, strict=True) if cands is None and _marked_abroad(text, m)}
        if abroad:
            options = [None if m.text in abroad else cands for m, cands in zip(mentions, options, strict=True)]
        # anchors: regions named without ambiguity
        anchors: set[str] = set()
        for m, cands in zip(mentions, options, strict=True):
            real = [c for c in m.candidates if c.level in ("kreis", "gemeinde")] if cands else []
            if len(real) == 1 and real[0].kind != "stem":
                anchors.add(real[0].ags)
        # Kreise that hold a named Gemeinde (a named Kreis itself is handled as "explicit")
        anchor_kreise = {self.regions[a].kreis_ags for a in anchors if a in self.regions and len(a) == 8}
        anchor_laender = [a[:2] for a in anchors]
        for cands in options:
            if not cands or len(cands) < 2:
                continue
            # "Fulda" is the Stadt or the Landkreis Fulda: either way the text is about that Kreis
            kreise = {c.ags if c.level == "kreis" else getattr(self.regions.get(c.ags), "kreis_ags", None) for c in cands}
            if len(kreise) == 1 and None not in kreise:
                anchor_kreise |= kreise
                anchor_laender.append(next(iter(kreise))[:2])
        # a Land the text names ("in Hessen") draws names that several Länder share
        anchor_laender += [c.ags for m, cands in zip(mentions, options, strict=True) if cands and len(cands) == 1
                           for c in cands if c.level == "land" and c.ags not in ("02", "04", "11")]
        anchor_points = [(self.regions[a].lon, self.regions[a].lat) for a in anchors if a in self.regions]
        anchor_points += near
        kreis_doc = sum(1 for c in cues if c == "kreis")
        city_doc = sum(1 for c in cues if c == "city")
        # names joined in a list ("Lauf und Sasbach") are places near each other, also when each is ambiguous
        mates: dict[int, list[int]] = defaultdict(list)
        for j in range(len(mentions) - 1):
            if options[j] and options[j + 1] and len(options[j]) + len(options[j + 1]) > 2 and \
                    _LIST_SEP.match(text[mentions[j].end: mentions[j + 1].start]):
                mates[j].append(j + 1)
                mates[j + 1].append(j)
        # a Kreis or Land in brackets right after an ambiguous name places it ("Bergen (Landkreis Celle)")
        placed: dict[int, str] = {}
        for j in range(len(mentions) - 1):
            nxt = options[j + 1]
            gap = text[mentions[j].end: mentions[j + 1].start]
            if options[j] and len(options[j]) > 1 and nxt and len(nxt) == 1 and nxt[0].level in ("kreis", "land") \
                    and len(gap) <= QUALIFIER_GAP_CHARS and ")" not in gap and _PLACED_BY.search(gap):
                placed[j] = nxt[0].ags
        # names that resolve unambiguously somewhere in the text (per candidate ags)
        explicit_ags = {c.ags for m, cands in zip(mentions, options, strict=True) if cands and len(m.candidates) == 1
                        for c in m.candidates}

        linked: list[Linked] = []
        venue_list_at = -1  # a venue list that starts with a name read as its Kreis: „in Soest, Lippstadt und Werl“
        for i, m in enumerate(mentions):
            cands = options[i]
            if not cands:
                continue
            before = text[max(0, m.start - 60): m.start]
            scores = {}
            for c in cands:
                r = self.regions.get(c.ags)
                s = self._prior(c, m)
                if len(cands) == 1:  # nothing to choose between
                    scores[c.ags] = (s + 2.0, c)
                    break
                is_kreis = c.level == "kreis" and r is not None and not r.kreisfrei
                is_city = c.level == "gemeinde" or (r is not None and c.level == "kreis" and r.kreisfrei)
                if cues[i] == "kreis" or cues[i] == "actor" and _LANDRAT_CAPTION.search(before):
                    s += 2.0 if is_kreis else (-1.0 if is_city else 0)
                elif cues[i] == "city" or cues[i] == "actor" and _MAYOR_CAPTION.search(before):
                    s += 2.0 if is_city else (-1.0 if is_kreis else 0)
                elif is_kreis and kreis_doc > city_doc or is_city and city_doc > kreis_doc:
                    s += 0.4
                if r is not None:
                    if c.ags in explicit_ags and len(cands) > 1:
                        s += 1.5
                    if (r.kreis_ags or c.ags) in anchor_kreise:
                        s += 1.2
                    if anchor_laender:
                        s += 0.8 * anchor_laender.count(c.ags[:2]) / len(anchor_laender)
                    if anchor_points:
                        d = min(distance_km(r.lon, r.lat, lon, lat) for lon, lat in anchor_points)
                        s += 1.0 * math.exp(-d / 80)
                    if i in placed and (c.ags.startswith(placed[i]) or (r.kreis_ags or "").startswith(placed[i])):
                        s += PLACED_WEIGHT
                    if i in mates:
                        s += LIST_MATE_WEIGHT * self._near_mates(r, [options[j] for j in mates[i]])
                    if c.level == "land" and c.ags in ("02", "04", "11"):
                        s -= 1.0  # a city-state is named as the city
                scores[c.ags] = (s, c)
            ranked = sorted(scores.values(), key=lambda t: t[0], reverse=True)
            best_score, best = ranked[0]
            margin = best_score - ranked[1][0] if len(ranked) > 1 else 3.0
            best_region = self.regions.get(best.ags)
            town = best.level == "gemeinde" or (best_region is not None and bool(best_region.kreisfrei))
            # "in Roßleben, Bleicherode und Menteroda": a list after a venue word is a list of venues, also
            # through a town's name read as its Kreis („in Soest, Lippstadt, Unna und Schwerte“)
            namesake = not town and any(c.level == "gemeinde" and c.ags[:5] == best.ags for c in cands)
            in_venue_list = (town or namesake) and (bool(_VENUE_BEFORE.search(before)) or bool(
                linked and (linked[-1].venue or venue_list_at == linked[-1].start)
                and _LIST_SEP.match(text[linked[-1].end: m.start])))
            venue = town and in_venue_list
            if namesake and in_venue_list:
                venue_list_at = m.start  # the town's name, read as its Kreis
            tail = before[-24:]
            address = _DIGIT.search(tail) is not None and _ADDRESS_BEFORE.search(tail) is not None
            linked.append(
                Linked(m.start, m.end, m.text, best.ags, best.level, best_score, margin, cues[i], venue, address,
                       background=_may_be_background(before) and _background_before(before)
                       or _supervises(text, before, m.end) or _background_after(text, m.end),
                       institution=_names_institution(before[-32:]), kind=best.kind, n_candidates=len(cands))
            )
        self._qualifiers(text, linked)
        run: list[Linked] = linked[:1]
        for a, b in zip(linked, linked[1:], strict=False):
            gap = text[a.end: b.start]
            if a.institution and gap in ("-", "/"):
                b.institution = True  # one institution's name: "Sparkasse Celle-Gifhorn", "Universität Duisburg-Essen"
            if _LIST_SEP.match(gap) or a.cue == b.cue == "actor" and _CAPTION_SEP.match(gap) \
                    or "\n" in gap and _bullet_pair(text, a.start, a.end, b.start):
                a.in_list = b.in_list = True
                b.background = b.background or a.background  # "beispielsweise mit A, B und C"
                run.append(b)
            else:
                run = [b]
            for lk in run:
                lk.list_size = len(run)
                lk.list_start = run[0].start
        linked = self._drop_common_words(text, linked)
        linked += self._both_kinds(text, linked)
        self._harmonise(linked)
        self._one_town_per_name(linked)
        return sorted(linked, key=lambda lk: lk.start)

    def zipf(self, word: str) -> float:
        """How frequent a one-word name is in German text (Zipf scale): stored with the gazetteer; asked of
        wordfreq (cached) only with a database built before the frequencies were stored."""
        if self.gaz.zipf is not None:
            return self.gaz.zipf.get(word, 0.0)  # under 3: no German word
        z = self._common.get(word)
        if z is None:
            from wordfreq import zipf_frequency

            z = self._common[word] = zipf_frequency(word.lower(), "de")
        return z

    def is_common_word(self, word: str) -> bool:
        """The word is among the frequent words of German text."""
        return self.zipf(word) >= COMMON_WORD_ZIPF

    def _drop_common_words(self, text: str, linked: list[Linked]) -> list[Linked]:
        """Drop bare mentions of small Gemeinden that read as a frequent word ("über Wissen und Sinn").

        Kept when something marks a place: a cue (Stadt, Gemeinde, Bürgermeister aus), a venue or
        address, a list with other places ("Baunach, Lauter und Gerach"), or the same name with a cue
        elsewhere in the text. Written for unseen texts: a town name that is also a common word costs
        precision wherever it turns up, and the labelled corpus holds too few to learn it from.
        """
        cued = {lk.text for lk in linked if lk.cue}
        out = []
        for lk in linked:
            region = self.regions.get(lk.ags)
            if (lk.level == "gemeinde" and not lk.cue and not (lk.venue or lk.address or lk.in_list)
                    and lk.qualifier_of is None and " " not in lk.text and lk.kind in ("official", "short", "genitive")
                    and lk.text not in cued and region is not None and not region.kreisfrei
                    and (region.area_km2 or 0) < COMMON_WORD_KEEP_KM2 and self.is_common_word(lk.text)):
                continue
            out.append(lk)
        return out

    def _options(self, text: str, m: Mention, i: int, cues: list[str | None], surnames: set[str]) -> list[Candidate] | None:
        """The candidates a mention may stand for, or None where it reads as a noun or a person.
        A Verband cue ("die Ämter Lebus, Rhinow") keeps the Verbände of that name, else it is dropped."""
        cands = [c for c in m.candidates if c.kind != "stem" or cues[i] == "kreis" and c.level != "verband"]
        if cues[i] and cues[i].startswith("verband:"):
            assoc = [c for c in self.gaz.lookup(f"{cues[i][8:]} {m.text}") if c.level == "verband"]
            if assoc:
                cands = assoc
            else:
                cues[i] = None
        if not cands:
            return None
        if _marked_abroad(text, m):
            return None
        if self._not_a_place(text, m, cands, _prev_token(text, m.start)) or self._surname(text, m, cands, surnames):
            return None
        return cands

    def _near_mates(self, region, mates: list[list[Candidate]]) -> float:
        """1 when a list-mate can be a place right next to ``region``, falling off with the distance."""
        best = 0.0
        for cands in mates:
            for c in cands:
                other = self.regions.get(c.ags)
                if other is not None and other.ags != region.ags and other.lon is not None and region.lon is not None:
                    best = max(best, math.exp(-distance_km(region.lon, region.lat, other.lon, other.lat) / LIST_MATE_KM))
        return best

    def _both_kinds(self, text: str, linked: list[Linked]) -> list[Linked]:
        """"Stadt und Landkreis Kaiserslautern": one name, two authorities."""
        extra = []
        for lk in linked:
            before = text[max(0, lk.start - 30): lk.start]
            region = self.regions.get(lk.ags)
            if region is None:
                continue
            if _CITY_AND.search(before) and lk.level == "kreis" and not region.kreisfrei:
                want = "city"
            elif _KREIS_AND.search(before) and (lk.level == "gemeinde" or region.kreisfrei):
                want = "kreis"
            else:
                continue
            name = base_name(region.name) if lk.level == "kreis" else region.name
            options = []
            for c in self.gaz.lookup(name) or self.gaz.lookup(lk.text.split(" ")[-1]):
                r = self.regions.get(c.ags)
                if r is None or c.ags == lk.ags:
                    continue
                is_city = c.level == "gemeinde" or bool(r.kreisfrei)
                if (want == "city") == is_city and c.level != "land":
                    options.append((self._km(region, r), len(options), c))
            if options:  # the namesake nearest the named one: Stadt Rosenheim, not the Rosenheim in the Westerwald
                c = min(options)[2]
                extra.append(Linked(lk.start, lk.end, lk.text, c.ags, c.level, lk.score, lk.margin, want))
        return extra

    @staticmethod
    def _km(a, b) -> float:
        """Distance of two regions' centres; unknown coordinates count as far."""
        if a.lon is None or b.lon is None:
            return 1e9
        return distance_km(a.lon, a.lat, b.lon, b.lat)

    def _surname(self, text: str, m: Mention, cands: list[Candidate], surnames: set[str]) -> bool:
        """A bare Gemeinde name that the text also gives as a person's surname is that person, and
        one right before such a surname is their first name ("Achim Haag")."""
        if not surnames or not all(c.level == "gemeinde" and c.kind in ("official", "short", "genitive") for c in cands):
            return False
        if m.text in surnames:
            return True
        nxt = _NEXT_NAME.match(text, m.end, m.end + 30)
        return bool(nxt and nxt.start(1) == m.end + 1 and nxt.group(1) in surnames)

    def _not_a_place(self, text: str, m: Mention, cands: list[Candidate], prev: str) -> bool:
        """Bare one-word names that read as a noun, an adjective phrase or a person's name."""
        bare = " " not in m.text and all(c.kind in ("official", "short", "genitive") for c in cands)
        if not bare:
            return False
        kreis_or_city = any(
            c.level == "kreis" and not self.regions[c.ags].kreisfrei for c in cands if c.ags in self.regions
        )
        before_words = _WORD_OR_ABBREV.findall(text, max(0, m.start - 60), m.start)[-2:]
        nxt_word = _NEXT_CAPITAL_WORD.match(text, m.end, m.end + 40)
        if before_words and _TITLES.match(before_words[-1]) and nxt_word:
            return True  # "Landrat Karl Roth": a first name
        if len(before_words) == 2 and _TITLES.match(before_words[0]) and before_words[1][:1].isupper():
            return True  # "Landrat Karl Roth": a surname
        if kreis_or_city:
            return False  # "der Hochsauerlandkreis": Kreis names take articles
        after = text[m.end: m.end + 1]
        if after.isalpha() or after == "-" or (m.start > 0 and text[m.start - 1] == "-"):
            return True  # part of a compound: "Brand- und", "Karl-Josef"
        low = prev.lower()
        # a comma, colon or semicolon ends the phrase: in "lädt ein: Erkrath, Haan" the word before
        # governs no noun (after a full stop the capital says nothing: "werde. Einig war man sich")
        governed = text[max(0, m.start - 3): m.start].rstrip()[-1:] not in _PHRASE_END
        if governed and (low in _DETERMINERS or low in _NOUN_PREPOSITIONS):
            return True  # "das Essen", "im Hof", "vorbei an Wiesen"
        if governed and prev.islower() and low not in _LOWER_FUNCTION and low.endswith(("e", "en", "er", "es", "em")) \
                and self.zipf(m.text) >= WORD_AFTER_ADJECTIVE_ZIPF:
            return True  # "der gesamträumlichen Lage"; a verb ends so too: "besuchte Lemgo", "haben Berka"
        gap = text[max(0, m.start - len(prev) - 2): m.start]
        head = text[max(0, m.start - len(prev) - 4): max(0, m.start - len(prev) - 1)]
        sentence_start = (not head.strip() and m.start - len(prev) - 1 <= 0) or bool(_ENDS_SENTENCE.search(head)) if prev else True
        person_or_adjective = prev and prev[0].isupper() and "(" not in gap and "," not in gap and not sentence_start
        if person_or_adjective and not (_PLACE_NOUN.search(prev) or _OFFICE_WORDS.match(prev) or prev in self.gaz.variants):
            return True  # "Alexander Vogt", "Bayerischer Wald"
        # "Karl Roth": a first name; a headline's last word is a place, not the first name of the next
        # line's first word ("Partnerschaft mit Haan\nDie Stadt …")
        starts_line = not text[text.rfind("\n", 0, m.start) + 1: m.start].strip()
        nxt = (_NEXT_NAME if starts_line else _NEXT_NAME_ON_LINE).match(text, m.end, m.end + 30)
        return bool(
            nxt and not _OFFICE_WORDS.match(nxt.group(1)) and nxt.group(1) not in self.gaz.variants
            and all(c.level == "gemeinde" for c in cands)
            and text[m.end + len(nxt.group(0)): m.end + len(nxt.group(0)) + 1] in (" ", ",", ".")
        )

    def _qualifiers(self, text: str, linked: list[Linked]) -> None:
        """Mark mentions that only locate the one before: "Gerbrunn (bei Würzburg)"."""
        for i in range(1, len(linked)):
            prev, cur = linked[i - 1], linked[i]
            gap = text[prev.end: cur.start]
            if len(gap) <= QUALIFIER_GAP_CHARS and _QUALIFIER_BEFORE.search(gap) and not _LIST_SEP.match(gap):
                inside = cur.ags == prev.ags[: len(cur.ags)] or (
                    prev.ags in self.regions and cur.ags in (self.regions[prev.ags].kreis_ags, prev.ags[:2])
                )
                if inside or gap.strip().startswith(("(", "bei", "nahe")):
                    cur.qualifier_of = i - 1

    def _harmonise(self, linked: list[Linked]) -> None:
        """The same bare name in one text means the same place, unless cues say otherwise."""
        by_text: dict[str, list[Linked]] = defaultdict(list)
        for lk in linked:
            if lk.text.split(" ")[0] not in _PREFIX_WORDS:  # "Landkreis X" says what it is
                by_text[lk.text.rstrip("s")].append(lk)
        for group in by_text.values():
            if len(group) < 2:
                continue
            totals: dict[str, float] = defaultdict(float)
            for lk in group:
                totals[lk.ags] += lk.score + (2 if lk.cue else 0)
            best = max(totals, key=totals.get)
            region = self.regions.get(best)
            best_is_kreis = region is not None and region.level == "kreis" and not region.kreisfrei
            for lk in group:
                if lk.cue is None and lk.ags != best and not (lk.venue and best_is_kreis):
                    lk.ags = best  # (a venue, "in Bamberg", is the town beside "die Landkreise … Bamberg")

    def _one_town_per_name(self, linked: list[Linked]) -> None:
        """One text means one town by one name: „in den Gemeinden Altdorf, Burgthann …“ placed Altdorf
        beside Burgthann, so a later „Gemeinde Altdorf“ is that Altdorf, not another one. A kind word
        before the name (Stadt, Gemeinde, Markt) or a cue tells the level, not which of the towns."""
        groups: dict[str, list[Linked]] = defaultdict(list)
        for lk in linked:
            region = self.regions.get(lk.ags)
            if lk.n_candidates > 1 and region is not None and (lk.level == "gemeinde" or region.kreisfrei):
                words = lk.text.split(" ")
                name = " ".join(words[1:]) if len(words) > 1 and words[0] in _TOWN_WORDS else lk.text
                groups[name].append(lk)
        for name, group in groups.items():
            if len({lk.ags for lk in group}) < 2:
                continue
            totals: dict[str, float] = defaultdict(float)
            for lk in group:
                totals[lk.ags] += lk.score
            best = max(totals, key=totals.get)
            if any(c.ags == best for c in self.gaz.lookup(name)):
                for lk in group:
                    lk.ags, lk.level = best, self.regions[best].level

    # -- roles ------------------------------------------------------------------------

    def authorities(self, text: str, relevant: bool = True, near: tuple[tuple[float, float], ...] = ()) -> list[Authority]:
        """Linked regions with roles: participant, location or mentioned (``near``: see :meth:`link`)."""
        linked = self.link(text, near)
        grouped: dict[str, list[Linked]] = defaultdict(list)
        for lk in linked:
            grouped[_canonical(lk.ags, self.regions)].append(lk)
        out = []
        for ags, mentions in grouped.items():
            region = self.regions.get(ags)
            name = region.name if region is not None else self.gaz.association_names.get(ags, mentions[0].text)
            level = region.level if region is not None else "verband"
            actor = [
                m for m in mentions
                if not (m.venue or m.address or m.background or m.institution) and m.qualifier_of is None
            ]
            salient = [m for m in actor if self._salient(m, region, len(actor))]
            if level == "land" and ags not in ("02", "04", "11") or not relevant:
                role = ROLE_MENTIONED
            elif salient:
                role = ROLE_PARTICIPANT
            elif any(m.venue or m.address for m in mentions):
                role = ROLE_LOCATION
            else:
                role = ROLE_MENTIONED
            out.append(Authority(ags, name, level, role, _confidence(mentions), mentions))
        if relevant:
            out += self._implied_kreise(text, out)
        return out

    @staticmethod
    def _salient(m: Linked, region, n_actor: int) -> bool:
        """A place the text presents as acting: in the lead, with a cue, in a list, or named twice."""
        if m.start < LEAD_CHARS or m.cue or m.in_list or n_actor >= 2:
            return True
        if region is not None and m.text != region.name and m.text.split(" ")[0] in _PREFIX_WORDS:
            return True  # "Stadt Osnabrück", "Landkreis Uelzen"
        return region is not None and region.level == "kreis" and not region.kreisfrei

    def _implied_kreise(self, text: str, found: list[Authority]) -> list[Authority]:
        """"der Landkreis", "Landrat …" without a name: the Kreis named like a participating town."""
        if any(a.level == "kreis" and a.role == ROLE_PARTICIPANT and not self.regions[a.ags].kreisfrei
               for a in found if a.ags in self.regions):
            return []
        if not _UNNAMED_KREIS.search(text):
            return []
        have = {a.ags for a in found}
        extra = []
        for a in found:
            region = self.regions.get(a.ags)
            if a.role != ROLE_PARTICIPANT or region is None:
                continue
            for kreis in self._namesake_kreise(region):
                if kreis not in have:
                    have.add(kreis)
                    extra.append(Authority(kreis, self.regions[kreis].name, "kreis", ROLE_PARTICIPANT, 0.5, []))
        return extra

    def _namesake_kreise(self, region) -> list[str]:
        """Landkreise named like a town: its own Kreis (Lüneburg) or a neighbour (Osnabrück)."""
        base = base_name(region.name)
        return [
            c.ags for c in self.gaz.lookup(base)
            if c.level == "kreis" and c.ags in self.regions and not self.regions[c.ags].kreisfrei
            and (region.kreisfrei or c.ags == region.kreis_ags)
        ]


def _canonical(ags: str, regions) -> str:
    """City-states are named by their Kreis-level AGS (Berlin 11000, Hamburg 02000, Bremen 04011)."""
    if ags in ("02", "11"):
        return ags + "000" if ags == "11" else "02000"
    if ags == "04":
        return "04011"  # "Bremen": the city, as the annotation names it (Bremerhaven is named as such)
    return ags


def abroad_country(text: str, start: int, end: int) -> str | None:
    """The country code of the country the text puts the place at [start, end) in: its adjective before
    it („die ukrainische Partnerstadt Lemberg“, „die niederländische Gemeinde Berg“) or the country
    right after it („Bergen (Norwegen)“); None without such a mark."""
    before = _abroad_noun_before(text, start) and _ABROAD_BEFORE.search(text, max(0, start - 50), start) or (
        _STARTS_WITH_NOUN.match(text, start, end) and _ABROAD_BEFORE_NOUN.search(text, max(0, start - 30), start))
    if before:
        adjective = before.group().split()[0]
        return next(COUNTRIES[w] for w in (adjective[:-2], adjective[:-1]) if w in COUNTRIES)
    after = _ABROAD_AFTER.match(text, end)
    return COUNTRIES[after["country"]] if after else None


def _abroad_noun_before(text: str, start: int) -> bool:
    """Can ``_ABROAD_BEFORE`` match before ``start``: a space, and before it one of its nouns as a whole word?
    (Tried at every position of its window, the expression alone cost 1.5 µs a mention.)"""
    if start == 0 or not text[start - 1].isspace():
        return False
    words = text[max(0, start - 50): start].split()
    return bool(words) and words[-1] in _ABROAD_NOUNS


def _marked_abroad(text: str, m: Mention) -> bool:
    return abroad_country(text, m.start, m.end) is not None


def _confidence(mentions: list[Linked]) -> float:
    margin = max(m.margin for m in mentions)
    support = min(len(mentions), 4) / 4
    return round(min(1.0, 0.45 + 0.12 * min(margin, 3.0) + 0.2 * support), 2)


def distance_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Kilometres between two points (equirectangular: exact enough within a few hundred km)."""
    dx = (lon1 - lon2) * 111.3 * math.cos(math.radians((lat1 + lat2) / 2))
    dy = (lat1 - lat2) * 111.3
    return math.hypot(dx, dy)
