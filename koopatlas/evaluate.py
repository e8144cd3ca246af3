"""Scores of the extractor against gold labels (../shared/ANNOTATION.md).

Participants are compared as sets of AGS per document; a kreisfreie Stadt counts
the same whether given with 5 digits (05113) or 8 (05113000).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, fields
from pathlib import Path


def norm_ags(ags: str) -> str:
    """05113000 (the Gemeinde of a kreisfreie Stadt) → 05113; everything else as is."""
    return ags[:5] if len(ags) == 8 and ags.endswith("000") else ags


@dataclass
class Scores:
    documents: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    relevance_correct: int = 0
    year_total: int = 0
    year_correct: int = 0
    topic_tp: int = 0
    topic_fp: int = 0
    topic_fn: int = 0
    type_total: int = 0
    type_correct: int = 0
    foreign_tp: int = 0
    foreign_fp: int = 0
    foreign_fn: int = 0
    title_total: int = 0
    title_correct: int = 0
    errors: dict[str, list[str]] = field(default_factory=dict)

    @staticmethod
    def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def participants(self) -> tuple[float, float, float]:
        return self._f1(self.tp, self.fp, self.fn)

    @property
    def topic_f1(self) -> float:
        return self._f1(self.topic_tp, self.topic_fp, self.topic_fn)[2]

    @property
    def relevance_accuracy(self) -> float:
        return self.relevance_correct / self.documents if self.documents else 0.0

    @property
    def year_accuracy(self) -> float:
        return self.year_correct / self.year_total if self.year_total else 0.0

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.type_total if self.type_total else 0.0

    def add(self, gold: dict, pred: dict) -> None:
        self.documents += 1
        errs: list[str] = []
        g = {norm_ags(p["ags"]) for p in gold.get("participants", [])}
        p = {norm_ags(x["ags"]) for x in pred.get("participants", [])}
        self.tp += len(g & p)
        self.fp += len(p - g)
        self.fn += len(g - p)
        names = {norm_ags(x["ags"]): x.get("name", "") for x in gold.get("participants", []) + pred.get("participants", [])}
        errs += [f"participant missed: {a} {names.get(a, '')}" for a in sorted(g - p)]
        errs += [f"participant extra: {a} {names.get(a, '')}" for a in sorted(p - g)]
        if bool(gold.get("relevant")) == bool(pred.get("relevant")):
            self.relevance_correct += 1
        else:
            errs.append(f"relevant: gold {gold.get('relevant')} predicted {pred.get('relevant')}")
        if gold.get("year") is not None:
            self.year_total += 1
            if gold["year"] == pred.get("year"):
                self.year_correct += 1
            else:
                errs.append(f"year: gold {gold['year']} predicted {pred.get('year')}")
        gt, pt = set(gold.get("topics", [])), set(pred.get("topics", []))
        self.topic_tp += len(gt & pt)
        self.topic_fp += len(pt - gt)
        self.topic_fn += len(gt - pt)
        if gt != pt:
            errs.append(f"topics: missed {sorted(gt - pt)} extra {sorted(pt - gt)}")
        if gold.get("event_type") is not None:
            self.type_total += 1
            if gold["event_type"] == pred.get("event_type"):
                self.type_correct += 1
            else:
                errs.append(f"event_type: gold {gold['event_type']} predicted {pred.get('event_type')}")
        gf, pf = gold.get("foreign_partners", []), pred.get("foreign_partners", [])
        matched = _match_foreign(gf, pf)
        self.foreign_tp += matched
        self.foreign_fp += len(pf) - matched
        self.foreign_fn += len(gf) - matched
        if matched < max(len(gf), len(pf)):
            errs.append(f"foreign partners: gold {gf} predicted {pf}")
        if gold.get("title"):
            self.title_total += 1
            if _same_title(gold["title"], pred.get("title")):
                self.title_correct += 1
            else:
                errs.append(f"title: gold {gold['title']!r} predicted {pred.get('title')!r}")
        if errs:
            self.errors[gold["id"]] = errs

    def merge(self, other: Scores) -> None:
        """Add another set of documents' counts (the folds of a cross-validation)."""
        for f in fields(self):
            if f.type in ("int", int):
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        self.errors.update(other.errors)

    def headline(self) -> dict[str, float]:
        """The five figures the targets are set on."""
        return {
            "participant_f1": self.participants[2],
            "relevance": self.relevance_accuracy,
            "year": self.year_accuracy,
            "topic_f1": self.topic_f1,
            "event_type": self.type_accuracy,
        }

    @property
    def foreign(self) -> tuple[float, float, float]:
        return self._f1(self.foreign_tp, self.foreign_fp, self.foreign_fn)

    def report(self, verbose: bool = False) -> str:
        p, r, f = self.participants
        fp_, fr, ff = self.foreign
        lines = []
        if verbose:
            for doc, errs in sorted(self.errors.items()):
                lines.append(doc)
                lines += [f"    {e}" for e in errs]
        lines += [
            f"documents: {self.documents}",
            f"participants: P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {self.tp}, fp {self.fp}, fn {self.fn})",
            f"relevance accuracy: {self.relevance_accuracy:.3f}",
            f"year accuracy: {self.year_accuracy:.3f} ({self.year_correct}/{self.year_total} documents with a gold year)",
            f"topic micro-F1: {self.topic_f1:.3f}",
            f"event-type accuracy: {self.type_accuracy:.3f} ({self.type_correct}/{self.type_total})",
            f"foreign partners: P {fp_:.3f}  R {fr:.3f}  F1 {ff:.3f}  (tp {self.foreign_tp}, fp {self.foreign_fp}, fn {self.foreign_fn})",
        ]
        if self.title_total:
            lines.append(f"title accuracy: {self.title_correct / self.title_total:.3f} ({self.title_correct}/{self.title_total})")
        return "\n".join(lines)


def _split_foreign(entry: str) -> tuple[str, str]:
    """"Słubice (PL)" → ("słubice", "PL"); the country is the last bracket."""
    m = re.match(r"^(.*)\(([A-Z]{2})[^)]*\)\s*$", entry)
    return (m[1], m[2]) if m else (entry, "")


def _fold(text: str) -> str:
    from koopatlas.extract.foreign import fold

    return fold(text).lower()


def _match_foreign(gold: list[str], pred: list[str]) -> int:
    """Pairs of the same country whose names share a word (Landkreis Krakau ~ Krakau / Kraków)."""
    from rapidfuzz import fuzz

    free = [_split_foreign(g) for g in gold]
    n = 0
    for p in pred:
        name, cc = _split_foreign(p)
        for i, (gname, gcc) in enumerate(free):
            if gcc == cc and fuzz.token_set_ratio(_fold(gname), _fold(name)) >= 80 or (
                    gcc == cc and fuzz.partial_ratio(_fold(gname), _fold(name)) >= 90):
                free.pop(i)
                n += 1
                break
    return n


def _same_title(gold: str, pred: str | None) -> bool:
    """Equal up to spacing, quotes and a trailing full stop."""
    def norm(t: str) -> str:
        return re.sub(r"[\s\"„“”'’.]+", " ", t).strip().lower()
    return pred is not None and norm(gold) == norm(pred)


def read_gold(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def side_by_side(cv: Scores, training: Scores, k: int) -> str:
    """The eval figures of held-out folds next to the training figures of the same data."""
    def row(label: str, a: str, b: str) -> str:
        return f"{label:<28}{a:>22}{b:>22}"

    def prf(s: Scores) -> str:
        p, r, f = s.participants
        return f"{p:.3f} / {r:.3f} / {f:.3f}"

    lines = [
        f"documents: {cv.documents} ({k}-fold cross-validation over documents, sources kept in one fold)",
        row("", "cross-validated", "training"),
        row("participants P / R / F1", prf(cv), prf(training)),
        row("relevance accuracy", f"{cv.relevance_accuracy:.3f}", f"{training.relevance_accuracy:.3f}"),
        row("year accuracy", f"{cv.year_accuracy:.3f} ({cv.year_correct}/{cv.year_total})",
            f"{training.year_accuracy:.3f} ({training.year_correct}/{training.year_total})"),
        row("topic micro-F1", f"{cv.topic_f1:.3f}", f"{training.topic_f1:.3f}"),
        row("event-type accuracy", f"{cv.type_accuracy:.3f} ({cv.type_correct}/{cv.type_total})",
            f"{training.type_accuracy:.3f} ({training.type_correct}/{training.type_total})"),
    ]
    for name, s in (("CV", cv), ("training", training)):
        h = s.headline()
        lines.append(f"{name}: participants F1 {h['participant_f1']:.3f} · relevance {h['relevance']:.3f} · "
                     f"year {h['year']:.3f} · topics F1 {h['topic_f1']:.3f} · event type {h['event_type']:.3f}")
    return "\n".join(lines)
