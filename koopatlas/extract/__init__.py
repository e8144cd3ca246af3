"""From a cleaned document to a cooperation event with linked participants.

:class:`Extractor` loads the gazetteer and topic taxonomy once and then extracts
documents quickly; :meth:`Event.as_gold` gives the JSON of ../shared/ANNOTATION.md.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from koopatlas.extract import dates, fields, topics
from koopatlas.extract.places import ROLE_LOCATION, ROLE_PARTICIPANT, Authority, PlaceLinker
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


class Extractor:
    """Holds the loaded gazetteer and taxonomy; :meth:`extract` is cheap per document."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.linker = PlaceLinker(gazetteer)
        self.topics = topics.TopicMatcher(topics.load_topics())
        # one automaton for topic, cooperation and event-type words: each text is scanned once
        self.signals = TermMatcher(
            fields.SIGNAL_WORD_START | {f"topic:{t.id}": t.terms for t in self.topics.topics},
            fields.SIGNAL_ANYWHERE | {f"topic:{t.id}": t.inner for t in self.topics.topics},
        )

    @classmethod
    def from_db(cls, con) -> Extractor:
        return cls(Gazetteer.from_db(con))

    def extract(self, doc: Document) -> Event:
        text = doc.clean_text
        title = doc.title or ""
        signals = self.signals.hits(text)
        foreign = fields.foreign_partners(text, signals)
        authorities = self.linker.authorities(text, relevant=True)
        actors = [a for a in authorities if a.role == ROLE_PARTICIPANT or (
            a.level != "land" and any(not (m.venue or m.address or m.institution) for m in a.mentions))]
        score = fields.cooperation_score(text, signals)
        relevant = fields.is_cooperation(text, len(actors), len(foreign), score)
        participants = [a for a in authorities if a.role == ROLE_PARTICIPANT]
        if relevant and not fields.is_cooperation(text, len(participants), len(foreign), score):
            relevant = False  # the places named are not parties: no cooperation between authorities
        if not relevant:
            authorities = self.linker.authorities(text, relevant=False)
            foreign = []
        year, day = dates.event_year(text, doc.published or doc.published_year)
        people = fields.people(text)
        self._attach_people(people, authorities, text)
        return Event(
            doc_id=doc.id,
            name=doc.name,
            source=doc.source,
            url=doc.url,
            title=doc.title,
            relevant=relevant,
            published=doc.published,
            year=year,
            event_date=day,
            event_type=fields.event_type(text, title, hits=signals) if relevant else None,
            topics=topics.choose_topics(text, hits=signals, prefix="topic:") if relevant else [],
            authorities=authorities,
            foreign_partners=foreign,
            funding=fields.funding(text) if relevant else [],
            people=people,
        )

    @staticmethod
    def _attach_people(people: list[fields.Person], authorities: list[Authority], text: str) -> None:
        """Give each person the authority named closest to them in the text."""
        spans = [(m.start, a.ags) for a in authorities for m in a.mentions]
        for person in people:
            pos = text.find(person.name)
            if pos >= 0 and spans:
                person.ags = min(spans, key=lambda s: abs(s[0] - pos))[1]
