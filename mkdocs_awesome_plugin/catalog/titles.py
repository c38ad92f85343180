"""Near-identical titles: which pairs of titles in a catalogue are at least `TITLE_RATIO` alike.

The similarity is difflib's ratio on normalised titles (`quality.normalize_title`); this module
finds the pairs without scoring every pair with difflib, using rapidfuzz to rule pairs out, and
remembers them between builds while `mkdocs serve` runs.
"""

from __future__ import annotations

import difflib
import functools
import math
import threading
import weakref
from collections.abc import Iterable

from .bitsets import at_least, members

TITLE_RATIO = 0.9



@functools.cache
def _indel():
    # imported on first use: a build whose checks come from the cache never loads rapidfuzz
    from rapidfuzz.distance import Indel

    return Indel


@functools.cache
def _process():
    from rapidfuzz import process

    return process

class TitleIndex:
    """Pairs of near-identical normalised titles, updated incrementally.

    The rule: two titles are near-identical when difflib's ratio is at least `ratio` and they
    share at least 70% of each one's tokens (words and adjacent word pairs, `_tokens`;
    `MIN_SHARED_WORDS`). A pair 90% alike character by character but sharing fewer tokens (edits
    in several words, or a very short title) is not what a reader would call the same title.

    Scoring every pair with difflib is quadratic: at 10,000 entries, minutes. Two filters keep
    difflib to a few pairs, both exact (they only drop pairs the rule cannot keep):
    - the token rule, counted for all titles at once: each token has a bit mask of the titles
      that hold it, and adding one title's masks bit-slice by bit-slice (`bitsets.at_least`)
      gives every title sharing enough tokens with it, in whole-int operations, not per pair;
    - rapidfuzz's Indel similarity, 2 x (longest common subsequence) / (both lengths): difflib's
      matching blocks are a common subsequence, so it is never below difflib's ratio.
    When only a few titles are new (`mkdocs serve` after an edit), rapidfuzz compares them with
    every title in C, which is quicker than building the token masks. rapidfuzz replaced
    hand-written bigram and `quick_ratio` bounds, and the masks replaced prefix filtering on rare
    tokens (docs/performance.md, "Similar titles").

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
        # Both ways find the same pairs (each only drops pairs the rule cannot keep). A few new
        # titles, as while `mkdocs serve` runs: rapidfuzz against every title, in C. Many (a
        # first build): the token index, which compares far fewer pairs than all of them.
        if len(new) <= max(16, len(titles) // 20):
            self._score_few(titles, new)
        else:
            self._score_many(titles, new)

    def _keep_if_similar(self, title: str, other: str, matcher: difflib.SequenceMatcher) -> None:
        """Score a pair that passed the token rule: rapidfuzz's bound, then difflib."""
        ratio = self.ratio
        if _indel().normalized_similarity(title, other, score_cutoff=ratio) < ratio:
            return
        # difflib's ratio depends a little on the order; always the sorted order
        first, second = (other, title) if other < title else (title, other)
        matcher.set_seqs(first, second)
        score = matcher.ratio()
        if score >= ratio:
            self._similar.setdefault(title, {})[other] = score
            self._similar.setdefault(other, {})[title] = score

    def _score_few(self, titles: list[str], new: set[str]) -> None:
        tokens: dict[str, frozenset[str]] = {}
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        ratio = self.ratio
        for title in sorted(new):
            self.compared += 1
            # each pair once: against the old titles, and the new ones after it
            choices = [t for t in titles if t not in new or t > title]
            close = _process().extract(
                title, choices, scorer=_indel().normalized_similarity, score_cutoff=ratio, limit=None
            )
            if not close:
                continue
            words = tokens.setdefault(title, _tokens(title))
            need = _need(len(words))
            for other, _bound, _index in close:
                other_words = tokens.setdefault(other, _tokens(other))
                if len(words & other_words) >= max(need, _need(len(other_words))):
                    self._keep_if_similar(title, other, matcher)

    def _score_many(self, titles: list[str], new: set[str]) -> None:
        # Bit-parallel token counting: each token has a bit mask of the titles holding it
        # (a Python int, bit i = titles[i]). Adding a title's token masks into a counter kept as
        # bit slices counts, for every other title at once, how many tokens the two share; the
        # titles sharing at least `need` are the candidates. Exact, and done in whole-int
        # operations: 10,000 synthetic titles 0.6 s against 13 s for prefix filtering, whose
        # postings grow long when titles share a small vocabulary (docs/performance.md).
        words = [_tokens(t) for t in titles]
        masks: dict[str, int] = {}
        fresh = 0
        for i, (title, ws) in enumerate(zip(titles, words, strict=True)):
            bit = 1 << i
            if title in new:
                fresh |= bit
            for w in ws:
                masks[w] = masks.get(w, 0) | bit
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        for i, (title, ws) in enumerate(zip(titles, words, strict=True)):
            # each pair once, with the later title; an old title only with later new ones
            later = (fresh if not fresh >> i & 1 else -1) & ~((2 << i) - 1)
            if fresh >> i & 1:
                self.compared += 1
            if not later:
                continue
            need = _need(len(ws))
            for j in members(at_least([masks[w] & later for w in ws], need)):
                if len(ws & words[j]) >= max(need, _need(len(words[j]))):
                    self._keep_if_similar(title, titles[j], matcher)

    def state(self) -> tuple:
        """What the index holds, to be `restore`d in another process (a build's cache)."""
        with self._lock:
            return (self.ratio, frozenset(self._titles),
                    {title: dict(others) for title, others in self._similar.items()})

    def restore(self, state: object) -> bool:
        """Hold what `state()` gave, when this index is empty and was made with the same ratio;
        the next `update` then scores only the titles that are new since."""
        if not (isinstance(state, tuple) and len(state) == 3 and state[0] == self.ratio
                and isinstance(state[1], frozenset) and isinstance(state[2], dict)):
            return False
        with self._lock:
            if self._titles:
                return False
            self._titles, self._similar = set(state[1]), state[2]
        return True

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
