"""Near-identical titles: which pairs of titles in a catalogue are at least `TITLE_RATIO` alike.

The similarity is difflib's ratio on normalised titles (`quality.normalize_title`); this module
finds the pairs without scoring every pair with difflib, using rapidfuzz to rule pairs out, and
remembers them between builds while `mkdocs serve` runs.
"""

from __future__ import annotations

import bisect
import difflib
import math
import threading
import weakref
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import Indel

TITLE_RATIO = 0.9


class TitleIndex:
    """Pairs of near-identical normalised titles, updated incrementally.

    The rule: two titles are near-identical when difflib's ratio is at least `ratio` and they
    share at least 70% of each one's tokens (words and adjacent word pairs, `_tokens`;
    `MIN_SHARED_WORDS`). A pair 90% alike character by character but sharing fewer tokens (edits
    in several words, or a very short title) is not what a reader would call the same title.

    Scoring every pair with difflib is quadratic: at 10,000 entries, minutes. So rapidfuzz (C++)
    first finds, for each new title, the others whose Indel similarity reaches `ratio`: that is
    2 x (longest common subsequence) / (both lengths), and difflib's matching blocks are a common
    subsequence, so it is never below difflib's ratio and no pair is lost. difflib then scores
    only those few, after the token rule. rapidfuzz replaced a hand-written prefix-filter index
    (docs/performance.md, "Similar titles"): the same pairs and scores, faster, and ~100 times
    faster when one title changes.

    The index remembers the pairs it scored and, given the next set of titles, scores only pairs
    with a new title. `mkdocs serve` keeps one per plugin instance (see `memo_for`).
    """

    def __init__(self, ratio: float = TITLE_RATIO) -> None:
        self.ratio = ratio
        self._titles: set[str] = set()
        self._similar: dict[str, dict[str, float]] = {}
        self._lock = threading.Lock()
        self.compared = 0  # titles compared against the rest, for tests and benchmarks

    def update(self, titles: Iterable[str]) -> None:
        """Make the index hold exactly `titles`, scoring only pairs with a new title."""
        wanted = set(titles)
        with self._lock:
            for gone in self._titles - wanted:
                for other in self._similar.pop(gone, {}):
                    self._similar.get(other, {}).pop(gone, None)
            new = wanted - self._titles
            self._titles = wanted
            if new:
                self._score(sorted(wanted), new)

    def _score(self, titles: list[str], new: set[str]) -> None:
        tokens: dict[str, frozenset[str]] = {}
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        ratio = self.ratio
        # Indel similarity 2*LCS/(n+m) >= ratio needs the shorter title to be at least
        # ratio/(2-ratio) of the longer: only titles of near length are handed to rapidfuzz
        order = sorted(titles, key=lambda t: (len(t), t))
        lengths = [len(t) for t in order]
        all_new = len(new) == len(order)
        for i, title in enumerate(order):
            if title not in new:
                continue
            self.compared += 1
            n = len(title)
            hi = bisect.bisect_right(lengths, math.floor(n * (2 - ratio) / ratio + 1e-9))
            # each pair once: a new title against the titles after it in `order`, and against
            # the old titles before it
            choices = order[i + 1 : hi]
            if not all_new:
                lo = bisect.bisect_left(lengths, math.ceil(n * ratio / (2 - ratio) - 1e-9))
                choices += [t for t in order[lo:i] if t not in new]
            close = process.extract(
                title, choices, scorer=Indel.normalized_similarity, score_cutoff=ratio, limit=None
            )
            if not close:
                continue
            words = tokens.setdefault(title, _tokens(title))
            need = _need(len(words))
            for other, _bound, _index in close:
                other_words = tokens.setdefault(other, _tokens(other))
                if len(words & other_words) < max(need, _need(len(other_words))):
                    continue
                # difflib's ratio depends a little on the order; always the sorted order
                first, second = (other, title) if other < title else (title, other)
                matcher.set_seqs(first, second)
                score = matcher.ratio()
                if score >= ratio:
                    self._similar.setdefault(title, {})[other] = score
                    self._similar.setdefault(other, {})[title] = score

    def similar(self, title: str) -> dict[str, float]:
        """The other known titles near-identical to `title`, with their ratio."""
        return dict(self._similar.get(title, {}))


# near-identical titles share at least 70% of each title's tokens (see _tokens)
MIN_SHARED_WORDS = 0.7


def _tokens(title: str) -> frozenset[str]:
    """A normalised title's words and pairs of adjacent words.

    The pairs make the index selective where titles reuse a small vocabulary ("segment anything
    for video"): two titles rarely share a pair of words unless they share a phrase. A number
    standing alone is joined to the word before it, so that `sam 2` and `sam2` are one token.
    """
    words: list[str] = []
    for word in title.split():
        if word.isdigit() and words:
            words[-1] += word
        else:
            words.append(word)
    return frozenset(words) | frozenset(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))


def _need(word_count: int) -> int:
    """How many distinct words a title must share with another to be compared with it."""
    return max(1, math.ceil(word_count * MIN_SHARED_WORDS))


_MEMOS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_MEMOS_LOCK = threading.Lock()


def memo_for(owner: object) -> TitleIndex:
    """The `TitleIndex` that lives as long as `owner` (the plugin's `EntryCache`)."""
    with _MEMOS_LOCK:
        index = _MEMOS.get(owner)
        if index is None:
            index = _MEMOS[owner] = TitleIndex()
        return index
