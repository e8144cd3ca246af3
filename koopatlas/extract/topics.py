"""Topics from the taxonomy in data/topics.toml (data, so analysts extend it without code)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from koopatlas import config
from koopatlas.extract.terms import TermMatcher


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
        super().__init__({t.id: t.terms for t in topics}, {t.id: t.inner for t in topics})

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


def score_topics(text: str, matcher: TopicMatcher) -> dict[str, int]:
    return matcher.scores(text)


#: A topic must reach this share of the strongest topic's score: texts touch many
#: topics in passing, the annotated ones are those the text dwells on.
RELATIVE_THRESHOLD = 0.2


def counts_from_hits(hits: list[tuple[str, str, int]], prefix: str = "topic:") -> dict[str, int]:
    """Topic scores from the hits of a combined automaton whose topic labels carry a prefix."""
    out: dict[str, int] = {}
    for label, _, _ in hits:
        if label.startswith(prefix):
            key = label[len(prefix):]
            out[key] = out.get(key, 0) + 1
    return out


def choose_topics(text: str, matcher: TopicMatcher, title: str = "", max_topics: int = 8,
                  body: dict[str, int] | None = None) -> list[str]:
    """Topics whose signals (title counting three times) reach a share of the strongest."""
    body = matcher.scores(text) if body is None else body
    head = matcher.scores(title) if title else {}
    scores = {t: body.get(t, 0) + 2 * head.get(t, 0) for t in set(body) | set(head)}
    if not scores:
        return []
    top = max(scores.values())
    chosen = [t for t, v in scores.items() if v >= RELATIVE_THRESHOLD * top]
    chosen.sort(key=lambda t: -scores[t])
    return chosen[:max_topics]
