"""Topics from the taxonomy in data/topics.toml (data, so analysts extend it without code)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from koopatlas import config


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    pattern: re.Pattern[str]


def load_topics(path: Path | None = None) -> list[Topic]:
    path = path or config.DATA_DIR / "topics.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    topics = []
    for tid, spec in data.items():
        parts = [r"(?<![\wäöüß])" + re.escape(t.strip()) for t in spec.get("terms", []) if t.strip()]
        parts += [re.escape(t) for t in spec.get("inner", [])]
        topics.append(Topic(tid, spec["label"], re.compile("|".join(parts), re.IGNORECASE)))
    return topics


def topic_labels(path: Path | None = None) -> dict[str, str]:
    return {t.id: t.label for t in load_topics(path)}


def score_topics(text: str, topics: list[Topic]) -> dict[str, int]:
    """Number of signal words per topic (every occurrence counts)."""
    scores = {}
    for topic in topics:
        n = sum(1 for _ in topic.pattern.finditer(text))
        if n:
            scores[topic.id] = n
    return scores


#: A topic must reach this share of the strongest topic's score: texts touch many
#: topics in passing, the annotated ones are those the text dwells on.
RELATIVE_THRESHOLD = 0.2


def choose_topics(text: str, topics: list[Topic], title: str = "", max_topics: int = 8) -> list[str]:
    """Topics whose signals (title counting three times) reach a share of the strongest."""
    body = score_topics(text, topics)
    head = score_topics(title, topics) if title else {}
    scores = {t: body.get(t, 0) + 2 * head.get(t, 0) for t in set(body) | set(head)}
    if not scores:
        return []
    top = max(scores.values())
    chosen = [t for t, v in scores.items() if v >= RELATIVE_THRESHOLD * top]
    chosen.sort(key=lambda t: -scores[t])
    return chosen[:max_topics]
