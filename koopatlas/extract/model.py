"""Learned weights for the extractor's decisions, and how they are fitted.

Five logistic-regression models over the sparse features of :mod:`features`:

* ``role``: does a linked authority take part (per candidate, binary);
* ``relevance``: does the document report cooperation (per document, binary);
* ``year``: is this candidate year the event's year (per candidate, binary; the best wins);
* ``topic``: is this topic one of the document's topics (per document × topic, binary, pooled
  over topics with a bias per topic);
* ``event_type``: which kind of event (per document, multinomial).

Prediction is a sparse dot product in plain Python (no numpy, no scikit-learn at run time),
so the extractor stays fast and starts without the training stack. Fitting uses
scikit-learn; the weights are written as JSON (``model.json`` beside this module):
derived numbers only, never the texts they were learned from.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("model.json")
FORMAT = 1

Features = dict[str, float]


def _dot(weights: dict[str, float], intercept: float, x: Features) -> float:
    """Intercept plus the sparse dot product (a plain loop: the hot path of every decision)."""
    z = intercept
    for k, v in x.items():
        w = weights.get(k)
        if w is not None:
            z += w * v
    return z


@dataclass
class LinearModel:
    """Logistic regression: binary (one class "1") or multinomial (one weight dict per class)."""

    classes: list[str]
    weights: dict[str, dict[str, float]]
    intercepts: dict[str, float]

    def scores(self, x: Features) -> dict[str, float]:
        return {c: _dot(w, self.intercepts[c], x) for c, w in self.weights.items()}

    def probability(self, x: Features) -> float:
        """P(positive) of a binary model."""
        z = _dot(self.weights["1"], self.intercepts["1"], x)
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def distribution(self, x: Features) -> dict[str, float]:
        """P(class) of a multinomial model."""
        s = self.scores(x)
        top = max(s.values())
        exp = {c: math.exp(v - top) for c, v in s.items()}
        total = sum(exp.values())
        return {c: v / total for c, v in exp.items()}

    def strongest(self, n: int = 8) -> list[tuple[str, str, float]]:
        """(class, feature, weight) with the largest absolute weights: what the model relies on."""
        rows = [(c, k, v) for c, w in self.weights.items() for k, v in w.items() if k != "bias"]
        return sorted(rows, key=lambda r: -abs(r[2]))[:n]

    def as_json(self) -> dict:
        return {"classes": self.classes, "weights": self.weights, "intercepts": self.intercepts}

    @classmethod
    def from_json(cls, data: dict) -> LinearModel:
        return cls(list(data["classes"]), {c: dict(w) for c, w in data["weights"].items()}, dict(data["intercepts"]))


@dataclass
class Thresholds:
    """Decision thresholds on the models' probabilities."""

    role: float = 0.5
    relevance: float = 0.5
    # topics F1 under CV (mean of the usual four / eight fresh fold assignments) by threshold: 0.30 0.728 / 0.718,
    # 0.35 0.736 / 0.725, 0.36 0.738 / 0.725, 0.375 0.736 / 0.728, 0.39 0.736 / 0.728, 0.40 0.730 / 0.728
    topic: float = 0.375


@dataclass
class Model:
    role: LinearModel
    relevance: LinearModel
    year: LinearModel
    topic: LinearModel
    event_type: LinearModel
    thresholds: Thresholds = field(default_factory=Thresholds)
    meta: dict = field(default_factory=dict)

    PARTS = ("role", "relevance", "year", "topic", "event_type")

    def save(self, path: Path = MODEL_PATH) -> None:
        data = {"format": FORMAT, "meta": self.meta, "thresholds": self.thresholds.__dict__}
        data |= {part: getattr(self, part).as_json() for part in self.PARTS}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> Model:
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no model file; run `python -m koopatlas train`")
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError(f"{path}: model format {data.get('format')} is not {FORMAT}; run `python -m koopatlas train`")
        parts = {part: LinearModel.from_json(data[part]) for part in cls.PARTS}
        return cls(**parts, thresholds=Thresholds(**data.get("thresholds", {})), meta=data.get("meta", {}))


# --- fitting -----------------------------------------------------------------------------------------

#: Inverse L2 strength per model: small data, so weights are kept modest.
REGULARISATION = {"role": 1.0, "relevance": 0.5, "year": 1.0, "topic": 1.0, "event_type": 0.3}


def fit(rows: list[Features], labels: list[str], c: float) -> LinearModel:
    """Logistic regression over sparse feature dicts (deterministic: lbfgs, fixed order)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sparse=True, sort=True)
    x = vec.fit_transform(rows)
    classes = sorted(set(labels))
    if len(classes) < 2:  # nothing to learn: a constant model
        const = 10.0 if classes and classes[0] == "1" else -10.0
        return LinearModel(["0", "1"], {"1": {}}, {"1": const})
    clf = LogisticRegression(C=c, max_iter=5000)
    clf.fit(x, labels)
    names = vec.get_feature_names_out()

    def weights(row) -> dict[str, float]:
        return {str(n): round(float(w), 5) for n, w in zip(names, row, strict=True) if abs(w) >= 1e-5}

    if len(clf.classes_) == 2:
        first, second = (str(k) for k in clf.classes_)
        model = LinearModel([first, second], {second: weights(clf.coef_[0])}, {second: round(float(clf.intercept_[0]), 5)})
        if second != "1":  # two event types only: the first as the zero of a softmax, so distribution() works
            model.weights[first], model.intercepts[first] = {}, 0.0
        return model
    return LinearModel(
        [str(k) for k in clf.classes_],
        {str(k): weights(clf.coef_[i]) for i, k in enumerate(clf.classes_)},
        {str(k): round(float(clf.intercept_[i]), 5) for i, k in enumerate(clf.classes_)},
    )
