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
    """Number of distinct signal words per topic."""
    scores = {}
    for topic in topics:
        words = {m.group().lower() for m in topic.pattern.finditer(text)}
        if words:
            scores[topic.id] = len(words)
    return scores


def choose_topics(text: str, topics: list[Topic], title: str = "", min_hits: int = 2, max_topics: int = 6) -> list[str]:
    """Topics with enough distinct signals; one signal is enough in the title."""
    scores = score_topics(text, topics)
    title_scores = score_topics(title, topics) if title else {}
    chosen = [t for t, n in scores.items() if n >= min_hits or t in title_scores]
    chosen.sort(key=lambda t: -(scores.get(t, 0) + 2 * title_scores.get(t, 0)))
    return chosen[:max_topics]
