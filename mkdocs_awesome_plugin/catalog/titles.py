"""Near-identical titles: which pairs of titles in a catalogue are at least `TITLE_RATIO` alike.

The similarity is difflib's ratio on normalised titles (`quality.normalize_title`); this module
finds the pairs without comparing every title with every other, and remembers them between
builds while `mkdocs serve` runs.
"""

from __future__ import annotations

import difflib
import math
import threading
import weakref
from collections.abc import Iterable

TITLE_RATIO = 0.9


class TitleIndex:
    """Pairs of near-identical normalised titles, updated incrementally.

    Comparing every title with every other is quadratic: at 10,000 entries, minutes of difflib.
    So difflib only scores *candidate* pairs, those that share at least 70% of the tokens (words
    and adjacent word pairs, `_tokens`) of each title (`MIN_SHARED_WORDS`). They are found without
    looking at every pair by prefix filtering: order each title's tokens from rarest to most
    common across all titles; two titles that share at least `t` tokens must share one of their
    first `len - t + 1` tokens, so only those are indexed and looked up, and common words
    ("segment", "sam") rarely are. A pair 90% alike character by character but sharing less than
    that (edits in several words, or a very short title) is not reported: not the near-identical titles a
    reader would notice.

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
        words = {t: _tokens(t) for t in titles}
        grams = {t: _Bigrams(t) for t in titles}
        # ratio >= r needs at least (1.5r - 1)(len_a + len_b) - 1 shared bigrams (see _Bigrams)
        factor = 1.5 * self.ratio - 1
        frequency: dict[str, int] = {}
        for ws in words.values():
            for w in ws:
                frequency[w] = frequency.get(w, 0) + 1
        postings: dict[str, list[str]] = {}
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        ratio = self.ratio
        for title in titles:
            ws = words[title]
            need = _need(len(ws))
            prefix = sorted(ws, key=lambda w: (frequency[w], w))[: len(ws) - need + 1]
            is_new = title in new
            if is_new:
                self.compared += 1
            seen: set[str] = set()
            for w in prefix:
                for other in postings.get(w, ()):
                    if other in seen or not (is_new or other in new):
                        continue
                    seen.add(other)
                    ows = words[other]
                    if len(ws & ows) < max(need, _need(len(ows))):
                        continue
                    n, m = len(title), len(other)
                    if 2 * min(n, m) < ratio * (n + m):  # difflib's real_quick_ratio bound
                        continue
                    if grams[title].shared_at_most(grams[other]) < factor * (n + m) - 1:
                        continue
                    matcher.set_seqs(other, title)
                    if matcher.quick_ratio() < ratio:
                        continue
                    score = matcher.ratio()
                    if score >= ratio:
                        self._similar.setdefault(title, {})[other] = score
                        self._similar.setdefault(other, {})[title] = score
            for w in prefix:
                postings.setdefault(w, []).append(title)

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


class _Bigrams:
    """A title's pairs of adjacent characters, to rule out most pairs of titles cheaply.

    Why it is safe: difflib's ratio is 2M/L, with M characters in matching blocks and L the two
    lengths together. Blocks are separated by at least one unmatched character, so there are at
    most D + 1 of them, D = L - 2M; the bigrams inside blocks, M - (D + 1) of them, occur in both
    titles. So ratio >= r implies at least 3M - L - 1 >= (1.5r - 1)L - 1 shared bigrams (counted
    with repeats). `shared_at_most` bounds that count from above with a bit mask of the distinct
    bigrams (one C-level AND and popcount), adding back what hash collisions and repeats can hide.
    """

    __slots__ = ("mask", "lost", "repeats")

    def __init__(self, text: str) -> None:
        grams = [text[i : i + 2] for i in range(len(text) - 1)]
        distinct = set(grams)
        mask = 0
        for gram in distinct:
            mask |= 1 << ((ord(gram[0]) * 131 + ord(gram[1])) & 4095)
        self.mask = mask
        self.lost = len(distinct) - mask.bit_count()  # distinct bigrams sharing a bit
        self.repeats = len(grams) - len(distinct)

    def shared_at_most(self, other: _Bigrams) -> int:
        return (
            (self.mask & other.mask).bit_count() + min(self.lost, other.lost)
            + min(self.repeats, other.repeats)
        )


_MEMOS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_MEMOS_LOCK = threading.Lock()


def memo_for(owner: object) -> TitleIndex:
    """The `TitleIndex` that lives as long as `owner` (the plugin's `EntryCache`)."""
    with _MEMOS_LOCK:
        index = _MEMOS.get(owner)
        if index is None:
            index = _MEMOS[owner] = TitleIndex()
        return index
