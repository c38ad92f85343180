"""Counting over many sets at once with Python ints as bit sets.

A set of items numbered 0..n-1 is an int whose bit i is set when item i is in it. Python's ints
are arbitrary-precision and their `&`, `|`, `^` run in C over whole machine words, so one
operation handles a few thousand items. Two indexes use this: near-identical titles (`titles.py`:
which titles share enough words with this one) and related papers (`render/related.py`: which
papers share the most tags and categories with this one). No library does this without NumPy,
which the plugin does not otherwise need.
"""

from __future__ import annotations


def at_least(masks: list[int], count: int) -> int:
    """The bits set in at least `count` (1 or more) of `masks`.

    The masks are added into a binary counter held as bit slices (slice k holds bit k of every
    position's count), then compared with `count` from the highest slice down.
    """
    slices: list[int] = []
    for carry in masks:
        for k, bits in enumerate(slices):
            slices[k] = bits ^ carry
            carry &= bits
            if not carry:
                break
        else:
            if carry:
                slices.append(carry)
    if count >= 1 << len(slices):
        return 0
    above = 0  # positions whose count is already known to be greater than `count`
    equal = -1  # positions whose count agrees with `count` on every slice so far
    for k in range(len(slices) - 1, -1, -1):
        if count >> k & 1:
            equal &= slices[k]
        else:
            above |= equal & slices[k]
            equal &= ~slices[k]
    return above | equal


def members(bits: int, limit: int | None = None) -> list[int]:
    """The item numbers in `bits`, lowest first; only the first `limit` if given."""
    out: list[int] = []
    while bits and (limit is None or len(out) < limit):
        low = bits & -bits
        out.append(low.bit_length() - 1)
        bits ^= low
    return out
