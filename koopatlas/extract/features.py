"""Features for the learned decisions: evidence the rules compute, as numbers.

The rules of :mod:`places`, :mod:`dates`, :mod:`topics` and :mod:`fields` find the
candidates (authorities, years, topics, event types) and the evidence around them;
these functions turn that evidence into sparse feature dicts, and
:mod:`koopatlas.extract.model` weighs them with weights learned from labelled
documents. Features are general signs (a cue word, a list, the lead, a genre word),
never the names of particular places or documents.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from dataclasses import dataclass
from urllib.parse import urlparse

from koopatlas.extract import dates, topics
from koopatlas.extract.places import LEAD_CHARS, ROLE_LOCATION, ROLE_PARTICIPANT, Authority
from koopatlas.extract.terms import LiteralStarts

Features = dict[str, float]

_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=\n)|(?=\s))")  # ". " or a line end; a class first lets the engine skip ahead

#: Genres of a press feed that name several places without reporting cooperation.
GENRE_WORDS: dict[str, tuple[str, ...]] = {  # word starts, lower case
    "police": ("polizei", "unfall", "verletzt", "festgenommen", "einbruch", "täter", "zeugen", "kollision", "fahrer",
               "pkw", "lkw", "diebstahl", "brand ", "feuerwehr wurde", "rettungswagen", "ermittl"),
    "traffic": ("sperrung", "gesperrt", "umleitung", "vollsperrung", "baustelle", "fahrbahn", "bauarbeiten"),
    "calendar": ("tagesordnung", "sitzungstermin", "öffentliche sitzung", "termine", "sitzung des", "top "),
    "honour": ("ehrung", "geehrt", "verdienst", "ausgezeichnet", "auszeichnung", "ehrennadel", "jubilar", "preisträger",
               "gewinner", "sieger", "preisverleihung", "wettbewerbs", "ehrenurkunde", "dankurkunde", "medaille",
               "ehrenbürger", "ehrenbrief", "nachruf", "verstorben", "verstarb", "trauert", "trauer um", "beileid",
               "ehrendes andenken"),
    "culture": ("ausstellung", "vernissage", "galerie", "konzert", "lesung", "museum", "künstler"),
    "job": ("stellenausschreibung", "wir suchen", "bewerbung", "(m/w/d)", "vollzeit", "teilzeit", "stellenangebot"),
    "minutes": ("protokoll", "beschlussvorlage", "niederschrift", "drucksache", "antrag der", "fraktion"),
    "politics": ("landtag", "bundestag", "abgeordnete", "partei", "wahlkreis", "koalition", "opposition", "cdu", "spd",
                 "grüne", "fdp", "afd", "linke"),
    "state": ("minister", "ministerium", "staatssekretär", "landesregierung", "ministerpräsident", "staatsregierung"),
    "funding": ("förderbescheid", "fördermittel", "zuwendung", "bewilligt", "fördergeld", "erhalten jeweils", "jeweils"),
    "wish": ("wünsch", "fordert", "fordern", "appell", "kritik", "kritisier"),
    "twinning": ("partnerstadt", "partnerstädte", "städtepartnerschaft", "partnerschaft", "partnergemeinde",
                 "partnerkreis", "partnerlandkreis", "freundschaft"),
}


@dataclass
class DocContext:
    """What every feature function of one document needs, computed once."""

    text: str
    title_end: int
    sentence_ends: list[int]
    coop_starts: list[int]
    coop_sentences: set[int]
    person_starts: list[int]  # offices of people: Landrat, Bürgermeister …
    signals: list[tuple[str, str, int]]

    @classmethod
    def build(cls, text: str, signals: list[tuple[str, str, int]]) -> DocContext:
        first_break = text.find("\n")
        title_end = first_break if 0 < first_break < 300 else min(len(text), 160)
        ends = [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
        coop = sorted(start for label, _, start in signals if label == "coop")
        coop_sentences = {bisect.bisect_right(ends, p) for p in coop}
        persons = [m.start() for m in _PERSON_NEAR.finditer(text)]
        return cls(text, title_end, ends, coop, coop_sentences, persons, signals)

    def person_near(self, start: int, end: int) -> bool:
        """An office word (Landrat, Bürgermeister) within 45 characters before or 30 after a mention."""
        i = bisect.bisect_left(self.person_starts, start - 45)
        return i < len(self.person_starts) and self.person_starts[i] <= end + 30

    def sentence(self, pos: int) -> int:
        return bisect.bisect_right(self.sentence_ends, pos)

    def sentence_start(self, index: int) -> int:
        return self.sentence_ends[index - 1] if index > 0 else 0

    def coop_distance(self, pos: int) -> int:
        """Characters to the nearest cooperation word (10 000 when there is none)."""
        if not self.coop_starts:
            return 10_000
        i = bisect.bisect_left(self.coop_starts, pos)
        near = [abs(self.coop_starts[j] - pos) for j in (i - 1, i) if 0 <= j < len(self.coop_starts)]
        return min(near)


def _bucket(name: str, value: float, edges: tuple[float, ...]) -> str:
    """One-hot bucket: "name<=edge" for the first edge the value stays under."""
    for edge in edges:
        if value <= edge:
            return f"{name}<={edge:g}"
    return f"{name}>{edges[-1]:g}"


# --- participant role -------------------------------------------------------------------------------


def kind_of(region, level: str) -> str:
    """land / landkreis / kreisfrei / gemeinde / verband: the level as a press release sees it."""
    if level == "kreis":
        return "kreisfrei" if region is not None and region.kreisfrei else "landkreis"
    return level


def sentence_members(authorities: list[Authority], ctx: DocContext) -> list[set[int]]:
    """The sentences each authority is named in (computed once per document)."""
    return [{ctx.sentence(m.start) for m in a.mentions} for a in authorities]


@dataclass
class Neighbours:
    """What every candidate's features need to know about all the others, computed once per text
    (counting them per candidate was a fifth of the candidate features' time)."""

    firsts: list[int]  # sorted first positions of the authorities named in the text
    ags: set[str]
    town_kreise: set[str]  # Kreise with a named Gemeinde or Verband

    @classmethod
    def of(cls, authorities: list[Authority]) -> Neighbours:
        return cls(sorted(min(m.start for m in o.mentions) for o in authorities if o.mentions),
                   {o.ags for o in authorities}, {o.ags[:5] for o in authorities if len(o.ags) > 5})


_DOMAIN_KREIS = re.compile(r"^(?:landkreis|kreis|lkr?|lra)-|-(?:landkreis|kreis)$")
_DOMAIN_TOWN = re.compile(r"^(?:stadt|gemeinde|markt|vg|amt)-")
_DOMAIN_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", " ": "-", "/": "-", ".": "", "(": "", ")": ""})


def _domain_name(name: str) -> set[str]:
    """How an authority's name reads in a web address: „Frankfurt (Oder)“ → frankfurt-oder, frankfurt."""
    low = name.lower()
    return {low.translate(_DOMAIN_LETTERS).replace("--", "-"), low.split(" (")[0].translate(_DOMAIN_LETTERS)}


def publisher(url: str | None, authorities: list[Authority], regions) -> str | None:
    """The AGS of the named authority whose web site published the text (www.landkreis-goerlitz.de,
    osnabrueck.de, webris.stralsund.de): its own press releases report what it takes part in.
    A town's address names the town where a Kreis has the same name; a „landkreis-“ address the Kreis."""
    if not url or not authorities:
        return None
    labels = [x for x in urlparse(url).netloc.lower().split(":")[0].split(".") if x != "www"]
    if len(labels) < 2:
        return None
    core = labels[-2]
    stripped = _DOMAIN_TOWN.sub("", _DOMAIN_KREIS.sub("", core))
    kreis_only = stripped != core and bool(_DOMAIN_KREIS.search(core))
    town_only = stripped != core and not kreis_only
    matches = []
    for a in authorities:  # (a Land that publishes, stk.brandenburg.de, is no party anyway: can_take_part)
        names = _domain_name(a.name)
        if core in names or (stripped != core and stripped in names):
            region = regions.get(a.ags)
            is_kreis = a.level == "kreis" and not (region is not None and region.kreisfrei)
            if (kreis_only and not is_kreis) or (town_only and is_kreis):
                continue
            matches.append((is_kreis and not kreis_only, a.ags))  # a town before a Kreis of its name
    return min(matches)[1] if matches else None


def candidate_features(a: Authority, ctx: DocContext, region, others: list[Authority], fuzzy: bool,
                       sentences: set[int], sentence_counts: dict[int, int], max_mentions: int,
                       neighbours: Neighbours | None = None, published_by: str | None = None) -> Features:
    """Evidence that the authority ``a`` takes part in the reported event (not only named)."""
    neighbours = neighbours or Neighbours.of(others)
    f: Features = {"bias": 1.0, f"level={kind_of(region, a.level)}": 1.0, f"rule={a.role}": 1.0}
    if published_by == a.ags:
        f["publisher"] = 1.0
    ms = a.mentions
    if not ms:
        f["implied"] = 1.0  # "der Landkreis" without a name, derived from a participating town
        return f
    n = len(ms)
    f["log_mentions"] = math.log1p(n)
    f[_bucket("mentions", n, (1, 2, 4))] = 1.0
    first = min(m.start for m in ms)
    f["first_pos"] = first / max(len(ctx.text), 1)
    f["in_title"] = float(first < ctx.title_end)
    f["in_lead"] = float(first < LEAD_CHARS)
    cues = {(m.cue or "none").split(":")[0] for m in ms}
    for cue in cues:
        f[f"cue={cue}"] = 1.0
    venue = address = background = institution = in_list = qualifier = placed = 0
    for m in ms:
        venue += m.venue
        address += m.address
        background += m.background
        institution += m.institution
        in_list += m.in_list and not m.background
        qualifier += m.qualifier_of is not None
        placed += m.venue or m.address
    f["venue"], f["address"], f["background"] = venue / n, address / n, background / n
    f["institution"], f["in_list"], f["qualifier"] = institution / n, in_list / n, qualifier / n
    f["only_qualifier"] = float(qualifier == n)
    # a pair, or the members of a region; a background list („grenzt an die Nachbarkreise A, B und C“) is none
    f[_bucket("list_size", max(1 if m.background else m.list_size for m in ms), (1, 2, 4))] = 1.0
    f["all_venue"] = float(placed == n)
    f["ambiguous"] = float(max(m.n_candidates for m in ms) > 1)
    f["margin"] = min(max(m.margin for m in ms), 3.0) / 3
    f["fuzzy"] = float(fuzzy)
    f["confidence"] = a.confidence
    kinds = {m.kind for m in ms}
    for kind in kinds:
        f[f"variant={kind or 'none'}"] = 1.0
    f["prefixed_text"] = float(any(" " in m.text and m.text.split(" ")[0][:1].isupper() and m.kind == "prefixed" for m in ms))
    dist = min(ctx.coop_distance(m.start) for m in ms)
    f[_bucket("coop_dist", dist, (40, 120, 400))] = 1.0
    # sentence_counts counts every authority per sentence, this one included
    f["shares_sentence"] = sum(1 for s in sentences if sentence_counts.get(s, 0) > 1) / len(sentences)
    f["coop_sentence"] = sum(1 for s in sentences if s in ctx.coop_sentences) / len(sentences)
    f["person_near"] = float(any(ctx.person_near(m.start, m.end) for m in ms))
    f["most_mentioned"] = float(n >= max_mentions)
    f["log_candidates"] = math.log1p(len(others))
    earlier = bisect.bisect_left(neighbours.firsts, first)  # the others named before this one
    f[_bucket("named_after", earlier, (0, 1, 3))] = 1.0  # how many authorities the text names before this one
    kreis = region.kreis_ags if region is not None and a.level in ("gemeinde", "verband") else None
    f["kreis_named_too"] = float(bool(kreis) and kreis in neighbours.ags)
    # a town named as such („die Gemeinden Hiltpoltstein und Weißenohe“) takes part also where its Kreis is named
    # (as a funder, its supervisor): participants F1 +0.0007 on both sets of fold assignments; the same for a
    # listed town lost 0.0024 / 0.0006
    if f["kreis_named_too"] and any(m.cue and m.cue.startswith(("city", "verband")) for m in ms):
        f["kreis_named_too:cued"] = 1.0
    f["has_named_towns"] = float(a.level == "kreis" and a.ags in neighbours.town_kreise)
    return f


#: An office word; tried only where one begins (an alternation alone is tried at every capital letter).
_PERSON_NEAR = LiteralStarts(
    re.compile(r"(?:Landr(?:at|ätin)|Bürgermeister(?:in)?|bürgermeister(?:in)?|OB|Amtsdirektor(?:in)?|Kreisdirektor|"
               r"Dezernent)\b"),
    ["Landr", "Bürgermeister", "bürgermeister", "OB", "Amtsdirektor", "Kreisdirektor", "Dezernent"])


#: Several authorities named as a group rather than by name: „die beiden Städte“, „drei Landkreise“,
#: „Stadt und Kreis“. In a sentence with a cooperation word it names the parties of a cooperation even
#: when no place name stands there („Anfang 2022 fusionieren die beiden Behörden von Stadt und Kreis“).
_GENERIC_PARTIES = re.compile(
    r"\b(?:(?:beide|beiden|beider|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|\d{1,2}|benachbarten)\s+"
    r"(?:[a-zäöü]\w+en\s+)?(?:Nachbar|Partner|Mitglieds|Verbands)?(?:städte|Städte|gemeinden|Gemeinden|kommunen|Kommunen|"
    r"landkreise|Landkreise|Kreise|Städten|Kreisen|Landkreisen|Ämter|Verwaltungen|Jobcenter|Behörden)"
    r"|Stadt und (?:Land)?[Kk]reis|(?:Land)?[Kk]reis und Stadt|Städte und Gemeinden|Stadt und Gemeinde"
    r"|(?:Land)?[Kk]reis und (?:Kommunen|Gemeinden))\b")
#: A piece of every noun of ``_GENERIC_PARTIES``: a sentence without one cannot match (its regex
#: starts with a word boundary and is tried at every position).
_GENERIC_PARTY_NOUNS = ("tädte", "emeinden", "ommunen", "reise", "Ämter", "Verwaltungen", "Jobcenter", "Behörden",
                        "Stadt und", "reis und")


def _names_generic_parties(text: str, start: int, end: int) -> bool:
    window = text[start:end]
    return any(noun in window for noun in _GENERIC_PARTY_NOUNS) and _GENERIC_PARTIES.search(text, start, end) is not None


# --- relevance --------------------------------------------------------------------------------------


def document_features(ctx: DocContext, authorities: list[Authority], n_foreign: int, coop_score: float,
                      genre_hits: dict[str, int], foreign_starts: tuple[int, ...] = ()) -> Features:
    """Document-level evidence for "this text reports cooperation between local authorities".
    ``foreign_starts``: where places abroad are named; a partner abroad is a party of a pair sentence."""
    f: Features = {"bias": 1.0}
    labels = [label for label, _, _ in ctx.signals]
    coop_terms = {term[:8] for label, term, _ in ctx.signals if label == "coop"}
    f["coop_terms"] = min(len(coop_terms), 8) / 8
    f["coop_score"] = max(min(coop_score, 6.0), -4.0) / 6
    f["coop_in_title"] = float(any(start < ctx.title_end for label, _, start in ctx.signals if label == "coop"))
    for label in set(labels):
        if label.startswith("not:"):
            f[label] = 1.0
        elif label.startswith("type:"):
            f[label] = min(labels.count(label), 4) / 4
    for genre, count in genre_hits.items():
        f[f"genre:{genre}"] = min(count, 4) / 4
    actors = [a for a in authorities if a.level != "land" and a.mentions]
    cued = [a for a in actors if any(m.cue for m in a.mentions)]
    rule_participants = [a for a in authorities if a.role == ROLE_PARTICIPANT]
    f[_bucket("authorities", len(actors), (0, 1, 2, 4, 8))] = 1.0
    f[_bucket("rule_participants", len(rule_participants), (0, 1, 2, 4))] = 1.0
    f["cued_share"] = len(cued) / len(actors) if actors else 0.0
    f["venue_share"] = sum(1 for a in authorities if a.role == ROLE_LOCATION) / max(len(authorities), 1)
    # (the number of distinct Kreise as buckets was tried and dropped: it overlaps with the authorities'
    # count and made cross-validation worse on fresh fold assignments, relevance 0.918 without, 0.912 with)
    laender = {a.ags[:2] for a in actors}
    f["several_laender"] = float(len(laender) > 1)
    f["foreign"] = float(n_foreign > 0)
    pair_sentences = 0
    coop_sentences = ctx.coop_sentences
    by_sentence: dict[int, set[str]] = {}
    for a in actors:
        for m in a.mentions:
            by_sentence.setdefault(ctx.sentence(m.start), set()).add(a.ags)
    for start in foreign_starts:  # „Frankfurt (Oder) und Słubice beschlossen gemeinsam …“
        by_sentence.setdefault(ctx.sentence(start), set()).add("abroad")
    for s, members in by_sentence.items():
        if len(members) >= 2 and s in coop_sentences:
            pair_sentences += 1
    f[_bucket("coop_pair_sentences", pair_sentences, (0, 1, 3))] = 1.0
    if any(_names_generic_parties(ctx.text, ctx.sentence_start(s), ctx.sentence_ends[s]) for s in coop_sentences):
        f["generic_parties"] = 1.0
    f["log_length"] = math.log1p(len(ctx.text)) / 10
    return f


def foreign_features(ctx: DocContext, mentions, members: list[set[int]]) -> Features:
    """How the text names places abroad: with a partner or region word, in the lead, beside a German party."""
    if not mentions:
        return {}
    german = set().union(*members) if members else set()
    sentences = {ctx.sentence(m.start) for m in mentions}
    return {
        "foreign_cue": float(any(m.cue for m in mentions)),
        "foreign_lead": float(any(m.start < LEAD_CHARS for m in mentions)),
        "foreign_coop_sentence": float(bool(sentences & ctx.coop_sentences)),
        "foreign_beside_german": float(bool(sentences & german)),
        _bucket("foreign_places", len(mentions), (1, 2, 4)): 1.0,
    }


def role_summary(probabilities: list[float]) -> Features:
    """How many candidates the role model believes in: the relevance model's view of the parties."""
    ps = sorted(probabilities, reverse=True) + [0.0, 0.0]
    return {
        "role_sum": min(sum(probabilities), 8.0) / 8,
        "role_first": ps[0],
        "role_second": ps[1],
        "role_confident": min(sum(1 for p in probabilities if p >= 0.5), 6) / 6,
    }


def genre_counts(signals: list[tuple[str, str, int]]) -> dict[str, int]:
    """Occurrences of each genre's words, from the signal hits (labels "genre:…")."""
    out: dict[str, int] = {}
    for label, _, _ in signals:
        if label.startswith("genre:"):
            out[label[6:]] = out.get(label[6:], 0) + 1
    return out


# --- year -------------------------------------------------------------------------------------------


@dataclass(slots=True)
class YearCandidate:
    year: int
    day: object  # datetime.date | None: the most specific date given for this year
    features: Features


def year_candidates(text: str, title_end: int, published, today) -> list[YearCandidate]:
    """Every year the text (or its publication date) offers, with the evidence around each mention."""
    pub = dates.as_date(published)
    pub_year = pub.year if pub else None
    hits = [h for h in dates.find_dates(text) if 1990 <= h.year <= today.year + 2]
    anniversary = dates.anniversary_year(text, today)
    by_year: dict[int, list] = {}
    for h in hits:
        by_year.setdefault(h.year, []).append(h)
    years = set(by_year) | ({pub_year} if pub_year else set()) | ({anniversary} if anniversary else set())
    context = {id(h): _hit_context(text, h) for h in hits}
    # "Das nächste Treffen ist 2023 geplant": the reported event is likely the year before
    before_plan = {h.year - 1 for h in hits if context[id(h)]["future_sentence"]} - years
    years |= before_plan
    if not years:
        return []
    total = len(text)
    hit_scores = [dates.rule_score(text, h, total, pub) for h in hits]
    rule_scores = dict.fromkeys(years, -5.0)
    for h, score in zip(hits, hit_scores, strict=True):
        rule_scores[h.year] = max(rule_scores[h.year], score)
    best_rule = dates.choose_year(text, hits, hit_scores, anniversary, pub)[0]  # the rules' choice, as evidence
    out = []
    for y in sorted(years):
        hs = by_year.get(y, [])
        f: Features = {"bias": 1.0}
        f["in_text"] = float(bool(hs))
        f["log_count"] = math.log1p(len(hs))
        f["share"] = len(hs) / max(len(hits), 1)
        f["published"] = float(pub_year == y)
        f["no_published"] = float(pub_year is None)
        if pub_year:
            f[_bucket("after_published", y - pub_year, (-3, -2, -1, 0, 1))] = 1.0
        f["anniversary"] = float(anniversary == y)
        f["before_plan"] = float(y in before_plan)
        f["rule_best"] = float(best_rule == y)
        f["rule_score"] = max(min(rule_scores[y], 8.0), -5.0) / 8
        f["latest"] = float(y == max(years))
        f["earliest"] = float(y == min(years) and len(years) > 1)
        f["future"] = float(y > today.year)
        if hs:
            first = min(h.start for h in hs)
            f["first_pos"] = first / max(total, 1)
            f["in_title"] = float(first < title_end)
            f["in_head"] = float(first < 300)
            f["full_date"] = float(any(h.day for h in hs))
            f["month"] = float(any(not text[h.start: h.end].isdigit() for h in hs))
            for name in _YEAR_CONTEXT_NAMES:
                f[name] = sum(1 for h in hs if context[id(h)][name]) / len(hs)
        day = next((h.day for h in sorted(hs, key=lambda h: h.start) if h.day), None)
        out.append(YearCandidate(y, day, f))
    return out


_PROGRAMME_BEFORE = re.compile(r"(?:Masterplan|Programm|Strategie|Agenda|Vision|Ziel|Konzept|Wahl|Kommunalwahl|Haushalt\w*)\s*$", re.I)
_FOUNDING_WORDS = re.compile(r"\b(?:gegründet|Gründung|gründeten|seit|besteht|entstand|ins Leben gerufen)\b", re.I)
_PAST_WORDS = re.compile(r"\b(?:bereits|schon|damals|einst|zuletzt|früher|vergangenen|letzten)\b", re.I)

_RANGE_AFTER = re.compile(r"\s*[-–/]\s*(?:19|20)?\d\d\b")


def _hit_context(text: str, h) -> dict[str, bool]:
    """Where one year mention stands: words before and after it, the kind of sentence."""
    before = text[max(0, h.start - 40): h.start]
    sentence = dates.sentence_of(text, h.start, h.end)
    return {
        "passing_before": bool(dates.PASSING_BEFORE.search(before)),
        "passing_after": bool(dates.PASSING_AFTER.match(text[h.end: h.end + 25])),  # (its "^" fails at a pos)
        "programme_before": bool(_PROGRAMME_BEFORE.search(before)),
        "event_sentence": bool(dates.EVENT_WORDS.search(sentence)),
        "founding_sentence": bool(_FOUNDING_WORDS.search(sentence)),
        "future_sentence": bool(dates.FUTURE_WORDS.search(sentence)),
        "past_sentence": bool(_PAST_WORDS.search(sentence)),
        "range": bool(_RANGE_AFTER.match(text, h.end, h.end + 8)),
    }


_YEAR_CONTEXT_NAMES = ("passing_before", "passing_after", "programme_before", "event_sentence", "founding_sentence",
                       "future_sentence", "past_sentence", "range")


# --- topics and event type -----------------------------------------------------------------------------


@functools.lru_cache(maxsize=256)
def _absent(tid: str) -> Features:
    """Only the topic's own bias. An indicator "absent" beside it took the many texts that never
    name a topic off the shared intercept (−2.6 with it, −3.9 without), so a topic named once in
    passing needed less evidence; without it cross-validated topics F1 went 0.711 → 0.721 on fresh
    fold assignments."""
    return {"bias": 1.0, f"topic={tid}": 1.0}


def is_absent(row: Features) -> bool:
    """The row of a topic the text never names (every named topic has a score)."""
    return "log_score" not in row


#: A ministry's name: „Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen“ names no topic of the
#: event (a literal first: the engine skips ahead to it).
_MINISTRY = re.compile(r"inisterium\s+(?:für|des|der)\s+(?:(?:[A-ZÄÖÜ][\w-]*|und|für|des|der|,)\s*)+")


#: A street or square in an address: „Bahnhofstraße 9“, „Am Sportplatz 5“, „Krankenhausallee“ name no topic. Found
#: from the words' ends with str.find (a regular expression over every position cost 72 µs a text).
_STREET_ENDS = ("straße", "strasse", "allee", "gasse")
_SQUARE_ENDS = ("platz", "weg", "ring", "damm")  # only with a house number: „Radweg 3 Kilometer“ is a path
_HOUSE_NUMBER = re.compile(r"\s+\d{1,4}[a-z]?\b(?!\s*(?:km|Kilometer|m\b|Meter|Prozent|%|Euro|Mio|Millionen))")


def _street_spans(text: str) -> list[tuple[int, int]]:
    ends: list[tuple[int, int]] = []
    n = len(text)
    for word in _STREET_ENDS + ("str.",):
        i = text.find(word)
        while i != -1:
            end = i + len(word)
            if word == "str." or end == n or not (text[end].isalnum() or text[end] == "_"):
                ends.append((i, end))
            i = text.find(word, end)
    for word in _SQUARE_ENDS:
        i = text.find(word)
        while i != -1:
            number = _HOUSE_NUMBER.match(text, i + len(word))
            if number:
                ends.append((i, number.end()))
            i = text.find(word, i + len(word))
    spans = []
    for i, end in ends:
        start = i
        while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "-"):
            start -= 1
        if start < i and text[start].isupper():
            spans.append((start, end))
    return spans


def _topic_signals(text: str, signals: list[tuple[str, str, int]],
                   names: list[tuple[int, int]] = ()) -> list[tuple[str, str, int]]:
    """The signal hits without the topic words inside ministries', streets' and authorities' names
    („Verwaltungsgemeinschaft Hollfeld“ names an authority, not the topic)."""
    spans = [m.span() for m in _MINISTRY.finditer(text)] if "inisterium" in text else []
    spans += _street_spans(text)
    spans += names
    if not spans:
        return signals
    starts, ends = _merged(spans)  # a bisect per hit: testing every span per hit cost 2 % of the extraction
    return [h for h in signals if not (h[0].startswith("topic:") and _inside(starts, ends, h[2]))]


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Starts and ends of the union of the spans, sorted and without overlaps."""
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(spans):
        if ends and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def _inside(starts: list[int], ends: list[int], pos: int) -> bool:
    j = bisect.bisect_right(starts, pos) - 1
    return j >= 0 and pos < ends[j]


def topic_features(text: str, ctx: DocContext, topic_ids: list[str],
                   names: list[tuple[int, int]] = ()) -> dict[str, Features]:
    """Per topic: how strongly and where the text speaks of it (pooled model, one bias per topic).
    ``names``: spans of the authorities' names."""
    signals = _topic_signals(text, ctx.signals, list(names))
    scores = topics.weighted_scores(text, signals, prefix="topic:")
    terms: dict[str, set[str]] = {}
    title_hits: dict[str, int] = {}
    lead_hits: dict[str, int] = {}
    for label, term, start in signals:
        if label.startswith("topic:"):
            tid = label[6:]
            terms.setdefault(tid, set()).add(term)
            if start < ctx.title_end:
                title_hits[tid] = title_hits.get(tid, 0) + 1
            if start < LEAD_CHARS:
                lead_hits[tid] = lead_hits.get(tid, 0) + 1
    lead_top = max(lead_hits.values(), default=0)
    top = max(scores.values(), default=0.0)
    total = sum(scores.values()) or 1.0
    order = sorted(scores, key=lambda t: -scores[t])
    out = {}
    for tid in topic_ids:
        s = scores.get(tid, 0.0)
        if not s:
            out[tid] = _absent(tid)  # the same (read-only) features in every text that never names the topic
            continue
        f: Features = {"bias": 1.0, f"topic={tid}": 1.0}
        f["log_score"] = math.log1p(s) / 3
        f["share_of_top"] = s / top
        f["share_of_all"] = s / total
        f["distinct_terms"] = min(len(terms.get(tid, ())), 6) / 6
        f["in_title"] = float(title_hits.get(tid, 0) > 0)
        f["lead_share"] = lead_hits.get(tid, 0) / lead_top if lead_top else 0.0
        f[_bucket("rank", order.index(tid) + 1, (1, 2, 3, 5))] = 1.0
        f[f"topic={tid}:share"] = s / top
        for term in terms.get(tid, ()):
            f[f"term:{term}"] = 1.0  # which of the taxonomy's words are reliable signs
        out[tid] = f
    return out


def type_features(ctx: DocContext) -> Features:
    """Evidence for the kind of event: type words in the lead and the body. (The headline is part of
    the lead; type words of the title as features of their own made cross-validation worse:
    0.747 → 0.755 without them, mean of eight fold assignments.)"""
    f: Features = {"bias": 1.0}
    body: dict[str, float] = {}
    lead: dict[str, float] = {}
    for label, term, start in ctx.signals:
        if label.startswith("type:"):
            body[label] = body.get(label, 0.0) + 1
            f[f"word:{term}"] = 1.0  # which of the type words are reliable signs
            if start < 600:
                lead[label] = lead.get(label, 0.0) + 1
    top = max(body.values(), default=0.0)
    for label, v in body.items():
        f[f"body:{label}"] = min(v, 6) / 6
        f[f"top:{label}"] = float(v == top)
    for label, v in lead.items():
        f[f"lead:{label}"] = min(v, 3) / 3
    # a flag for a partner abroad was dropped: the parties' count includes them, and without the flag
    # cross-validated event type went 0.757 → 0.763 on fresh fold assignments
    return f


def main_topic(topic_rows: dict[str, Features]) -> Features:
    """The topic the text speaks of most (its share of the strongest topic is 1): a twinning is mostly
    culture and encounter, an agreement often the administration's own services."""
    return {f"main_topic={tid}": 1.0 for tid, row in topic_rows.items() if row.get("share_of_top", 0.0) >= 0.999}


def party_features(n_parties: int, kinds: set[str]) -> Features:
    """How many parties and of which kind: twinning is between towns, networks have many members."""
    f: Features = {_bucket("parties", n_parties, (1, 2, 4, 8)): 1.0}
    for kind in kinds:
        f[f"party={kind}"] = 1.0
    return f
