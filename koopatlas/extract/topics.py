"""Topics from the taxonomy in data/topics.toml (data, so analysts extend it without code)."""

from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from koopatlas import config
from koopatlas.extract.terms import TermMatcher

#: Letters after a topic word that make it another word: a surname (Müller, Busch), a verb („es handelt
#: sich um“), the wage agreement, not the fare („Tarifabschluss“), a tramp, not a tram, foster care, not
#: nursing („Pflegefamilie“, „Pflegeeltern“, „Pflegekind“: the youth office's work), or a town's holdings in
#: companies, not citizens' participation („Beteiligungsgesellschaft“, „Beteiligungsbericht“). („pflegen“
#: stays: carers „pflegen Angehörige“; as a false friend it cost topics 0.012 under CV.)
TOPIC_FALSE_FRIENDS = {"müll": ("er",), "beteiligungs": ("gesellschaft", "management", "bericht", "verwaltung"),
                       "pflege": ("familie", "eltern", "kind", "mutter", "vater"), "bus": ("ch",), "tram": ("p",),
                       "handel": ("t", "n"), "steuer": ("ung",), "sport": ("al",),
                       "tarif": ("abschl", "vertr", "verhandl", "lich", "beschäftigt", "runde", "partner", "bindung",
                                 "lohn", "gehalt", "konflikt", "streit")}

#: Letters before a word inside a compound that make it another word: a career is no railway
#: („Laufbahn“), the mood of a talk no climate („Gesprächsklima“), office hours no traffic
#: („Publikumsverkehr“), waste management no economy („Abfallwirtschaft“). (Landwirtschaft stays
#: Wirtschaft: without it topics lost 0.003 under CV.)
TOPIC_NOT_AFTER = {"bahn": ("lauf", "eis", "renn", "kegel", "bowling"),
                   "klima": ("gesprächs", "betriebs", "arbeits", "investitions", "verhandlungs"),
                   "sport": ("tran",),  # Transport
                   "verkehr": ("publikums", "zahlungs", "schrift", "rechts"),
                   "kultur": ("streit", "willkommens", "gründungs", "unternehmens", "führungs", "fehler", "diskussions",
                              "verwaltungs"),
                   "wirtschaft": ("abfall", "kreislauf", "forstbe"),
                   "entwicklung": ("personal", "organisations", "weiter", "fort", "dienst"),
                   "familie": ("kommunale ", "kommunalen ")}  # „die kommunale Familie“: all the municipalities


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    terms: tuple[str, ...]  # match at the start of a word
    inner: tuple[str, ...]  # match anywhere, also inside compounds


class TopicMatcher(TermMatcher):
    """All topic terms in one automaton."""

    def __init__(self, topics: list[Topic]) -> None:
        self.topics = topics
        super().__init__({t.id: t.terms for t in topics}, {t.id: t.inner for t in topics},
                         not_after=TOPIC_NOT_AFTER, not_before=TOPIC_FALSE_FRIENDS)

    def scores(self, text: str) -> dict[str, int]:
        """Occurrences of signal words per topic; a word counts once per topic."""
        return self.counts(text)


def load_topics(path: Path | None = None) -> list[Topic]:
    path = path or config.DATA_DIR / "topics.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [
        Topic(
            tid,
            spec["label"],
            tuple(t.strip().lower() for t in spec.get("terms", []) if t.strip()),
            tuple(t.strip().lower() for t in spec.get("inner", []) if t.strip()),
        )
        for tid, spec in data.items()
    ]


def topic_labels(path: Path | None = None) -> dict[str, str]:
    return {t.id: t.label for t in load_topics(path)}


#: Signal words count more in the lead and in sentences that name a subject of the talks.
LEAD_CHARS = 400
LEAD_BONUS = 0.5
SUBJECT_BONUS = 0.5
#: Words of a sentence that names a subject of the talks; matched anywhere in a word by the
#: extractor's one signal automaton under the label "subject" (a regular expression over the
#: lower-cased text cost 2 % of the extraction).
SUBJECT_WORDS = ("them", "bereich", "schwerpunkt", "handlungsfeld", "geht es", "ging es", "befass", "gesprächs",
                 "fragen", "aufgaben", "zusammenarbeit", "kooperation", "projekt", "ziel")
_SENTENCE_END = re.compile(r"[.!?\n]")


def weighted_scores(text: str, hits: list[tuple[str, str, int]], prefix: str = "") -> dict[str, float]:
    """Topic scores from term hits (label, term, start); labels may carry a prefix ("topic:").
    The hits' "subject" labels (:data:`SUBJECT_WORDS`) mark the sentences that name a subject."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    subject = {bisect.bisect_right(ends, start) for label, _, start in hits if label == "subject"}
    scores: dict[str, float] = {}
    for label, _, start in hits:
        if prefix and not label.startswith(prefix):
            continue
        weight = 1.0 + (LEAD_BONUS if start < LEAD_CHARS else 0.0)
        if bisect.bisect_right(ends, start) in subject:
            weight += SUBJECT_BONUS
        key = label[len(prefix):]
        scores[key] = scores.get(key, 0.0) + weight
    return scores
