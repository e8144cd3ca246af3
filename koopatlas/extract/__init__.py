"""From a cleaned document to a cooperation event with linked participants.

Two steps: :meth:`Extractor.analyse` runs the rules (linking, dates, signal words) and
turns their evidence into features; :meth:`Extractor.decide` weighs the features with
the learned :class:`~koopatlas.extract.model.Model` (relevance, roles, year, topics,
event type). Training and cross-validation reuse one analysis per document.
:meth:`Event.as_gold` gives the JSON of ../shared/ANNOTATION.md.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from koopatlas.extract import features as feats
from koopatlas.extract import fields, topics
from koopatlas.extract.foreign import ForeignMatcher, ForeignMention, ForeignPlace, countries_in, fold
from koopatlas.extract.model import MODEL_PATH, LinearModel, Model
from koopatlas.extract.places import ROLE_LOCATION, ROLE_MENTIONED, ROLE_PARTICIPANT, Authority, PlaceLinker
from koopatlas.extract.terms import TermMatcher
from koopatlas.gazetteer import Gazetteer
from koopatlas.sources import Document


@dataclass
class Event:
    """The extracted cooperation event of one document."""

    doc_id: str
    name: str
    source: str
    url: str | None
    title: str | None
    relevant: bool
    published: date | None
    year: int | None
    event_date: date | None
    event_type: str | None
    topics: list[str]
    authorities: list[Authority]
    foreign_partners: list[tuple[str, str]]
    funding: list[fields.Funding] = field(default_factory=list)
    people: list[fields.Person] = field(default_factory=list)

    @property
    def event_id(self) -> str:
        return self.doc_id

    def with_role(self, role: str) -> list[Authority]:
        return [a for a in self.authorities if a.role == role]

    def as_gold(self) -> dict:
        """The annotation-guide fields (plus extras) as one JSON-ready dict."""

        def entry(a: Authority) -> dict:
            return {"ags": a.ags, "name": a.name, "confidence": a.confidence}

        return {
            "id": self.name,
            "url": self.url,
            "relevant": self.relevant,
            "published": self.published.isoformat() if self.published else None,
            "year": self.year,
            "participants": [entry(a) for a in self.with_role(ROLE_PARTICIPANT)],
            "locations": [entry(a) for a in self.with_role(ROLE_LOCATION)],
            "foreign_partners": [f"{n} ({c})" for n, c in self.foreign_partners],
            "topics": self.topics,
            "event_type": self.event_type,
            "mentioned": [entry(a) for a in self.authorities if a.role not in (ROLE_PARTICIPANT, ROLE_LOCATION)],
            "funding": [asdict(f) for f in self.funding],
            "people": [asdict(p) for p in self.people],
            "doc_id": self.doc_id,
            "title": self.title,
        }


_CITY_STATES = ("02", "02000", "04", "11", "11000")
#: A relevant text names at least two parties; the weakest of them may be under the role threshold.
SECOND_PARTY_FLOOR = 0.2
#: A place listed with a chosen party takes part from this role probability on (0.3 / 0.4 / 0.5 were tried:
#: participants F1 0.9055 / 0.9057 / 0.9059 on the usual fold assignments, 0.9051 / 0.9054 / 0.9038 on fresh
#: ones; 0.5 is the role threshold, so no change).
LIST_MATE_FLOOR = 0.4


def can_take_part(a: Authority) -> bool:
    """Länder other than the city-states are never parties: the annotation counts local authorities."""
    return a.level != "land" or a.ags in _CITY_STATES


def _one_region(a: str, b: str) -> bool:
    """„Powiat Gryfino“ in the headline and „Powiat Gryfiński“ (its adjective) in the text: one region abroad,
    named by the same region word and a place name with the same first five letters."""
    word_a, _, place_a = a.partition(" ")
    word_b, _, place_b = b.partition(" ")
    stem = fold(place_a)[:5]
    return bool(place_a and place_b) and word_a == word_b and len(stem) == 5 and fold(place_b).startswith(stem)


def only_in_institutions(a: Authority) -> bool:
    """A place named only in institutions' names („Universität Kassel“, „Sparkasse Celle-Gifhorn“) is no
    party: the annotation leaves universities, banks and companies out. The learned role model sees
    too few of them (three in the corpus) to weigh this, so it is a rule at decision time."""
    return bool(a.mentions) and all(m.institution for m in a.mentions)


@dataclass
class Analysis:
    """Everything the rules found in one document, as candidates with features."""

    doc: Document
    ctx: feats.DocContext
    authorities: list[Authority]
    candidates: list[feats.Features]  # one per authority
    document: feats.Features
    foreign: list[tuple[str, str]]
    years: list[feats.YearCandidate]
    topics: dict[str, feats.Features]
    type_base: feats.Features
    people: list[fields.Person]


def list_mates(authorities: list[Authority], role_p: list[float], chosen: list[int]) -> list[int]:
    """Places listed together with a chosen party ("die Gemeinden Hiltpoltstein und Weißenohe") that the
    role model nearly believes in: one list, one role. Background lists ("etwa A und B") take no part."""
    lists: dict[int, set[int]] = {}
    for i, a in enumerate(authorities):
        for m in a.mentions:
            if m.list_size > 1 and not m.background:
                lists.setdefault(m.list_start, set()).add(i)
    taken = set(chosen)
    extra: list[int] = []
    for members in lists.values():
        if members & taken:
            extra += [i for i in sorted(members - taken) if role_p[i] >= LIST_MATE_FLOOR and i not in extra]
    return extra


class Extractor:
    """Holds the loaded gazetteer, taxonomy and model; :meth:`extract` is cheap per document."""

    def __init__(self, gazetteer: Gazetteer, model: Model | None = None, foreign: ForeignMatcher | None = None) -> None:
        self.linker = PlaceLinker(gazetteer)
        self.foreign = foreign
        self._absent_for: Model | None = None
        self._absent_p: dict[str, float] = {}
        self.topics = topics.TopicMatcher(topics.load_topics())
        self.topic_ids = [t.id for t in self.topics.topics]
        #: None only before the first `train`: analysing needs no model, deciding does.
        self.model = model if model is not None else (Model.load() if MODEL_PATH.is_file() else None)
        # one automaton for topic, cooperation and event-type words: each text is scanned once
        self.signals = TermMatcher(
            fields.SIGNAL_WORD_START | {f"topic:{t.id}": t.terms for t in self.topics.topics}
            | {f"genre:{g}": words for g, words in feats.GENRE_WORDS.items()},
            fields.SIGNAL_ANYWHERE | {f"topic:{t.id}": t.inner for t in self.topics.topics}
            | {"subject": topics.SUBJECT_WORDS},
            fields.TYPE_FALSE_FRIENDS | topics.TOPIC_NOT_AFTER,
            topics.TOPIC_FALSE_FRIENDS | fields.SIGNAL_NOT_BEFORE,
        )

    @classmethod
    def from_db(cls, con, model: Model | None = None) -> Extractor:
        gazetteer = Gazetteer.from_db(con)
        return cls(gazetteer, model, ForeignMatcher.from_db(con, gazetteer.variants))

    def extract(self, doc: Document) -> Event:
        return self.decide(self.analyse(doc))

    # -- evidence ------------------------------------------------------------------------------

    def analyse(self, doc: Document) -> Analysis:
        text = doc.clean_text
        signals = fields.reflexive_meetings(text, self.signals.hits(text))
        ctx = feats.DocContext.build(text, signals)
        authorities = self.linker.authorities(text, relevant=True)
        people = fields.people(text)
        surnames = {p.name.split(" ")[-1] for p in people}
        foreign, foreign_mentions = self.foreign_partners(text, signals, authorities, surnames)
        near = tuple(dict.fromkeys((fm.place.lon, fm.place.lat) for fm in foreign_mentions if fm.place.lon is not None))
        if near:  # the places abroad may settle which of several same-named German places is meant
            relinked = self.linker.authorities(text, relevant=True, near=near)
            if [a.ags for a in relinked] != [a.ags for a in authorities]:
                authorities = relinked
                foreign, foreign_mentions = self.foreign_partners(text, signals, authorities, surnames)
        regions = self.linker.regions
        variants = self.linker.gaz.variants
        members = feats.sentence_members(authorities, ctx)
        per_sentence: dict[int, int] = {}
        for sentences in members:
            for s in sentences:
                per_sentence[s] = per_sentence.get(s, 0) + 1
        most = max((len(a.mentions) for a in authorities), default=0)
        neighbours = feats.Neighbours.of(authorities)
        published_by = feats.publisher(doc.url, authorities, regions)
        candidates = [
            feats.candidate_features(a, ctx, regions.get(a.ags), authorities,
                                     any(m.text not in variants for m in a.mentions), sentences, per_sentence, most,
                                     neighbours, published_by)
            for a, sentences in zip(authorities, members, strict=True)
        ]
        score = fields.cooperation_score(text, signals)
        document = feats.document_features(ctx, authorities, len(foreign), score, feats.genre_counts(signals),
                                           tuple(fm.start for fm in foreign_mentions))
        document |= feats.foreign_features(ctx, foreign_mentions, members)
        years = feats.year_candidates(text, ctx.title_end, doc.published or doc.published_year, date.today())
        type_base = feats.type_features(ctx)
        type_base[f"rule={fields.event_type(text, doc.title or '', hits=signals)}"] = 1.0
        return Analysis(doc, ctx, authorities, candidates, document, foreign, years,
                        feats.topic_features(text, ctx, self.topic_ids,
                                             [(m.start, m.end) for a in authorities for m in a.mentions]),
                        type_base, people)

    def foreign_partners(self, text: str, signals, authorities: list[Authority],
                         surnames: set[str] = frozenset()) -> tuple[list[tuple[str, str]], list[ForeignMention]]:
        """(name, country code) of the places abroad the text names with evidence, and their mentions.
        A person's surname ("Landrat Dr. Theophil Gallo") is no place."""
        out: dict[str, str] = {}
        mentions: list[ForeignMention] = []
        if self.foreign is not None:
            taken = [(m.start, m.end) for a in authorities for m in a.mentions]
            regions = self.linker.regions
            german = tuple((m.start, regions[a.ags].lon, regions[a.ags].lat) for a in authorities for m in a.mentions
                           if a.ags in regions and regions[a.ags].lon is not None)
            mentions = self.foreign.find(text, countries_in(signals), taken, surnames, german)
            for fm in mentions:
                out.setdefault(fm.label, fm.place.country)
        known = {fold(name.split(" / ")[0].split(" ")[-1]) for name in out}  # "Wałcz" and "Walcz" are one place
        labels = [fold(name) for name in out]
        for name, country, (start, end) in fields.foreign_partner_spans(text, signals):  # "Region Woronesch (Russland)"
            if fold(name.split(" ")[-1]) not in known and not any(fold(name) in label for label in labels) \
                    and not self.linker.gaz.lookup(name) \
                    and not any(_one_region(name, kept) for kept in out):  # "Bagnolo San" is part of "Bagnolo San Vito"
                out.setdefault(name, country)
                # named with a region word or its country: a cued mention for the relevance features
                mentions.append(ForeignMention(start, end, name, ForeignPlace(name, country, 0, "region"), name, cue=True))
        return list(out.items()), mentions

    # -- decisions -----------------------------------------------------------------------------

    def role_probabilities(self, an: Analysis, role: LinearModel | None = None) -> list[float]:
        role = role or self.model.role
        return [role.probability(f) if can_take_part(a) and not only_in_institutions(a) else 0.0
                for a, f in zip(an.authorities, an.candidates, strict=True)]

    def relevance_features(self, an: Analysis, role_p: list[float]) -> feats.Features:
        return an.document | feats.role_summary(role_p)

    def decide(self, an: Analysis) -> Event:
        if self.model is None:
            raise FileNotFoundError(f"{MODEL_PATH}: no model file; run `python -m koopatlas train`")
        model, th = self.model, self.model.thresholds
        role_p = self.role_probabilities(an)
        p_relevant = model.relevance.probability(self.relevance_features(an, role_p))
        order = sorted(range(len(role_p)), key=lambda i: -role_p[i])
        chosen = [i for i in order if role_p[i] >= th.role]
        # cooperation needs two parties, at least one German: a partner abroad counts as one
        need = 1 if an.foreign else 2
        while len(chosen) < need and len(order) > len(chosen) and role_p[order[len(chosen)]] >= SECOND_PARTY_FLOOR:
            chosen.append(order[len(chosen)])
        chosen += list_mates(an.authorities, role_p, chosen)
        relevant = p_relevant >= th.relevance and len(chosen) >= need and not fields.is_job_ad(an.ctx.text)
        authorities = [
            Authority(a.ags, a.name, a.level, self._role(a, i in chosen, relevant),
                      round(role_p[i], 2) if relevant and i in chosen else a.confidence, a.mentions)
            for i, a in enumerate(an.authorities)
        ]
        year, day = self.decide_year(an)
        topics_, event_type = ([], None)
        if relevant:
            topics_ = self.decide_topics(an)
            event_type = self.decide_type(an, [authorities[i] for i in chosen])
        self._attach_people(an.people, authorities, an.ctx.text)
        doc = an.doc
        return Event(
            doc_id=doc.id, name=doc.name, source=doc.source, url=doc.url, title=doc.title, relevant=relevant,
            published=doc.published, year=year, event_date=day, event_type=event_type, topics=topics_,
            authorities=authorities, foreign_partners=an.foreign if relevant else [],
            funding=fields.funding(an.ctx.text) if relevant else [], people=an.people,
        )

    @staticmethod
    def _role(a: Authority, participant: bool, relevant: bool) -> str:
        if not relevant:
            return ROLE_MENTIONED
        if participant:
            return ROLE_PARTICIPANT
        # a Kreis named only to locate a town („die Gemeinde Oyten im Landkreis Verden“) is no venue
        placed = [m for m in a.mentions if m.qualifier_of is None]
        if placed and all(m.venue or m.address for m in placed) or a.role == ROLE_LOCATION:
            return ROLE_LOCATION
        return ROLE_MENTIONED

    def decide_year(self, an: Analysis) -> tuple[int | None, date | None]:
        if not an.years:
            return None, None
        best = max(an.years, key=lambda c: (self.model.year.probability(c.features), c.year))
        return best.year, best.day

    def decide_topics(self, an: Analysis) -> list[str]:
        # a topic the text never names has the same features in every text: score it once per model
        if self._absent_for is not self.model:
            self._absent_for, self._absent_p = self.model, {}
        p = {}
        for t, f in an.topics.items():
            if feats.is_absent(f):
                if t not in self._absent_p:
                    self._absent_p[t] = self.model.topic.probability(f)
                p[t] = self._absent_p[t]
            else:
                p[t] = self.model.topic.probability(f)
        chosen = [t for t in p if p[t] >= self.model.thresholds.topic]
        return sorted(chosen, key=lambda t: -p[t])

    def type_features(self, an: Analysis, parties: list[Authority]) -> feats.Features:
        kinds = {feats.kind_of(self.linker.regions.get(a.ags), a.level) for a in parties}
        return an.type_base | feats.party_features(len(parties) + len(an.foreign), kinds) | feats.main_topic(an.topics)

    def decide_type(self, an: Analysis, parties: list[Authority]) -> str | None:
        dist = self.model.event_type.distribution(self.type_features(an, parties))
        return max(dist, key=lambda c: (dist[c], c))

    @staticmethod
    def _attach_people(people: list[fields.Person], authorities: list[Authority], text: str) -> None:
        """Give each person the authority named closest to them in the text."""
        spans = [(m.start, a.ags) for a in authorities for m in a.mentions]
        for person in people:
            pos = text.find(person.name)
            if pos >= 0 and spans:
                person.ags = min(spans, key=lambda s: abs(s[0] - pos))[1]
