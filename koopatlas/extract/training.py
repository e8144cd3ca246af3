"""Fitting the model from labelled documents, and honest measurement by cross-validation.

Every labelled document is analysed once (rules, candidates, features); fitting and
scoring then only weigh features, so a 5-fold cross-validation costs seconds.
Folds hold whole *sources*: releases of one outlet or one story (``abendblatt_01``,
``abendblatt_01_b``) stay together, so the held-out fold never shares a text's twin
with the training folds.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from koopatlas.evaluate import Scores, norm_ags, read_gold
from koopatlas.extract import Analysis, Extractor, can_take_part
from koopatlas.extract import features as feats
from koopatlas.extract.model import REGULARISATION, Model, Thresholds, fit


@dataclass
class Labelled:
    gold: dict
    analysis: Analysis
    labelled_set: str = ""  # the folder it came from: held-out figures are also reported per set


def labelled_files(gold_path: Path, folder: Path) -> Iterator[tuple[dict, Path | None]]:
    """(gold label, document file) for every line of a gold.jsonl; None when the file is missing."""
    from koopatlas.sources import SUPPORTED_SUFFIXES

    for gold in read_gold(gold_path):
        path = next((folder / f"{gold['id']}{s}" for s in SUPPORTED_SUFFIXES if (folder / f"{gold['id']}{s}").is_file()), None)
        yield gold, path


def analyse_labelled(extractor: Extractor, pairs: list[tuple[Path, Path]]) -> list[Labelled]:
    """Analyse every labelled document; the gold ``url`` is passed on as the document's provenance."""
    from koopatlas.sources import SourceError, load

    out = []
    for gold_path, folder in pairs:
        for gold, path in labelled_files(gold_path, folder):
            if path is None:
                print(f"Fehler: no file for gold id {gold['id']} in {folder}", file=sys.stderr)
                continue
            try:
                doc = load(path).with_url(gold.get("url"))
            except SourceError as exc:
                print(f"Fehler: {exc}", file=sys.stderr)
                continue
            out.append(Labelled(gold, extractor.analyse(doc), str(folder)))
    return out


# --- training rows ------------------------------------------------------------------------------------


def _gold_participants(gold: dict) -> set[str]:
    return {norm_ags(p["ags"]) for p in gold.get("participants", [])}


def _role_rows(items: list[Labelled]) -> tuple[list[feats.Features], list[str]]:
    rows, labels = [], []
    for item in items:
        if not item.gold.get("relevant"):
            continue  # roles are decided only in texts about cooperation
        gold = _gold_participants(item.gold)
        for a, f in zip(item.analysis.authorities, item.analysis.candidates, strict=True):
            if not can_take_part(a):
                continue
            rows.append(f)
            labels.append("1" if norm_ags(a.ags) in gold else "0")
    return rows, labels


def _folds(items: list[Labelled], k: int, salt: str = "") -> list[list[int]]:
    """k folds of item indices, whole sources per fold, balanced by size, deterministic (per salt)."""
    groups: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        groups.setdefault(source_group(item.gold["id"]), []).append(i)
    order = sorted(groups, key=lambda g: (-len(groups[g]), hashlib.sha1((salt + g).encode()).hexdigest()))
    folds: list[list[int]] = [[] for _ in range(k)]
    for g in order:
        min(folds, key=len).extend(groups[g])
    return [sorted(f) for f in folds]


def source_group(doc_id: str) -> str:
    """``abendblatt_01_b`` → ``abendblatt``: releases of one source and story share a fold."""
    return re.sub(r"(?:_\d+)?(?:_[a-z])?$", "", doc_id) or doc_id


def fit_model(extractor: Extractor, items: list[Labelled], inner_folds: int = 3) -> Model:
    """All five models from labelled analyses (deterministic)."""
    c = REGULARISATION
    role = fit(*_role_rows(items), c=c["role"])
    # The relevance model reads the role model's view of the parties. For the documents the role
    # model was trained on, that view comes from an inner cross-fit, so relevance does not learn
    # to trust role probabilities that are better than they will be on unseen texts.
    role_p: dict[int, list[float]] = {}
    relevant_idx = [i for i, item in enumerate(items) if item.gold.get("relevant")]
    if len(relevant_idx) >= 2 * inner_folds:
        sub = [items[i] for i in relevant_idx]
        for fold in _folds(sub, inner_folds):
            held = set(fold)
            inner = fit(*_role_rows([s for j, s in enumerate(sub) if j not in held]), c=c["role"])
            for j in fold:
                role_p[relevant_idx[j]] = extractor.role_probabilities(sub[j].analysis, inner)
    rel_rows, rel_labels = [], []
    for i, item in enumerate(items):
        p = role_p[i] if i in role_p else extractor.role_probabilities(item.analysis, role)
        rel_rows.append(item.analysis.document | feats.role_summary(p))
        rel_labels.append("1" if item.gold.get("relevant") else "0")
    relevance = fit(rel_rows, rel_labels, c=c["relevance"])

    year_rows, year_labels = [], []
    for item in items:
        gold_year = item.gold.get("year")
        if gold_year is None or not any(y.year == gold_year for y in item.analysis.years):
            continue  # nothing to rank: the right year is not among the candidates
        for y in item.analysis.years:
            year_rows.append(y.features)
            year_labels.append("1" if y.year == gold_year else "0")
    year = fit(year_rows, year_labels, c=c["year"])

    topic_rows, topic_labels, type_rows, type_labels = [], [], [], []
    for item in items:
        if not item.gold.get("relevant"):
            continue
        gold_topics = set(item.gold.get("topics", []))
        for tid, f in item.analysis.topics.items():
            topic_rows.append(f)
            topic_labels.append("1" if tid in gold_topics else "0")
        if item.gold.get("event_type"):
            gold = _gold_participants(item.gold)
            parties = [a for a in item.analysis.authorities if norm_ags(a.ags) in gold]
            type_rows.append(extractor.type_features(item.analysis, parties))
            type_labels.append(item.gold["event_type"])
    topic = fit(topic_rows, topic_labels, c=c["topic"])
    event_type = fit(type_rows, type_labels, c=c["event_type"])
    meta = {"documents": len(items), "relevant": len(relevant_idx), "regularisation": c}
    return Model(role, relevance, year, topic, event_type, Thresholds(), meta)


# --- scoring ------------------------------------------------------------------------------------------


def score(extractor: Extractor, items: list[Labelled], model: Model) -> Scores:
    """Scores of ``model`` on the given analyses (the extractor's own model is restored after)."""
    saved = extractor.model
    extractor.model = model
    try:
        scores = Scores()
        for item in items:
            scores.add(item.gold, extractor.decide(item.analysis).as_gold())
        return scores
    finally:
        extractor.model = saved


@dataclass
class CrossValidation:
    """Held-out scores over all folds, the same split by labelled set, and the training scores."""

    held_out: Scores
    by_set: dict[str, Scores]
    training: Scores


def cross_validate(extractor: Extractor, items: list[Labelled], k: int, salt: str = "") -> CrossValidation:
    """Every document scored by the model fitted on the other k-1 folds; beside it the training scores
    of the model fitted on everything.

    ``salt`` draws another assignment of sources to folds: repeating with a few salts shows how
    much of a difference between two versions is the luck of one assignment. The held-out figures
    per labelled set show how a set does when the models learn from all sets, as the shipped one does
    (the corpus's excerpts look like unseen releases; the seeds are long and easy).
    """
    held_out = Scores()
    by_set: dict[str, Scores] = {}
    for fold in _folds(items, k, salt):
        held = set(fold)
        model = fit_model(extractor, [item for i, item in enumerate(items) if i not in held])
        for i in fold:
            part = score(extractor, [items[i]], model)
            held_out.merge(part)
            by_set.setdefault(items[i].labelled_set, Scores()).merge(part)
    training = score(extractor, items, fit_model(extractor, items))
    return CrossValidation(held_out, by_set, training)
