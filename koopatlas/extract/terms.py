"""Counting signal words of several labels in one pass (Aho-Corasick over lower-cased text).

Used for topics, event types and cooperation signals: lists of literal terms are
far faster to match this way than as one large case-insensitive regex.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import ahocorasick_rs


class TermMatcher:
    """Finds terms per label; a term in ``word_start`` lists must begin a word.

    ``not_after`` names false friends of terms matched inside words: "reise" is no journey in
    "Kreise" or "Preise", "treffen" no meeting in "betreffen". A hit right after one of the
    term's listed letters is skipped, also a hit right after a listed word and its space ("die kommunale
    Familie" is all the municipalities, no family). ``not_before`` names the letters after a term that make it
    another word: "müll" is no waste in "Müller", "bus" no bus in "Busch" (both common surnames).
    """

    def __init__(self, word_start: Mapping[str, Sequence[str]], anywhere: Mapping[str, Sequence[str]] | None = None,
                 not_after: Mapping[str, Sequence[str]] | None = None,
                 not_before: Mapping[str, Sequence[str]] | None = None):
        self.not_after = {term.lower(): tuple(p.lower() for p in prefixes) for term, prefixes in (not_after or {}).items()}
        self.not_before = {term.lower(): tuple(p.lower() for p in suffixes) for term, suffixes in (not_before or {}).items()}
        entries: dict[str, list[tuple[str, bool]]] = {}
        for label, terms in word_start.items():
            for term in terms:
                entries.setdefault(term.lower(), []).append((label, True))
        for label, terms in (anywhere or {}).items():
            for term in terms:
                entries.setdefault(term.lower(), []).append((label, False))
        #: per pattern of the automaton: the term, its (label, needs a word start) owners and its false friends
        self._patterns = [(term, tuple(owners), self.not_after.get(term), self.not_before.get(term))
                          for term, owners in entries.items() if term]
        self.automaton = ahocorasick_rs.AhoCorasick([p[0] for p in self._patterns]) if self._patterns else None

    def hits(self, text: str) -> list[tuple[str, str, int]]:
        """(label, term, start) for every occurrence; one hit per label and position."""
        low = text.lower()
        seen: set[tuple[str, int]] = set()
        out = []
        patterns = self._patterns
        # in the order of their ends, the longer of two with one end first (as a trie walk reports them),
        # so the first term to claim a label and start is the same on every run
        found = self.automaton.find_matches_as_indexes(low, overlapping=True) if self.automaton else []
        found.sort(key=_end_then_longest)
        for idx, start, stop in found:
            term, owners, not_after, not_before = patterns[idx]
            word_start = start == 0 or not low[start - 1].isalnum()
            if not_after is not None and low.endswith(not_after, 0, start):
                continue  # (letters match only inside a word; a listed word with its space also before one)
            if not_before is not None and low.startswith(not_before, stop):
                continue
            for label, needs_start in owners:
                if (needs_start and not word_start) or (label, start) in seen:
                    continue
                seen.add((label, start))
                out.append((label, term, start))
        return out

    def counts(self, text: str) -> dict[str, int]:
        out: dict[str, int] = {}
        for label, _, _ in self.hits(text):
            out[label] = out.get(label, 0) + 1
        return out


def _end_then_longest(match: tuple[int, int, int]) -> tuple[int, int]:
    return match[2], match[1]


class LiteralStarts:
    """``pattern.finditer(text)`` for a pattern whose every match begins with one of ``literals``: the
    pattern is tried only where a literal begins, not at every position of the text. Python's engine
    tries an alternation of words (offices, titles) at every capital letter; one scan for the
    literals is a few microseconds."""

    def __init__(self, pattern: re.Pattern, literals: Iterable[str]) -> None:
        self.pattern = pattern
        self.automaton = ahocorasick_rs.AhoCorasick(sorted(set(literals)))

    def finditer(self, text: str) -> list[re.Match]:
        out = []
        last = 0
        match = self.pattern.match
        for start in sorted({start for _, start, _ in self.automaton.find_matches_as_indexes(text, overlapping=True)}):
            if start >= last and (m := match(text, start)):
                out.append(m)
                last = m.end()
        return out
