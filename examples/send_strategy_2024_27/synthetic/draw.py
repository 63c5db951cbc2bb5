"""Weighted random draws of answers, overall or with shares by respondent type."""

from __future__ import annotations

import numpy as np

from synthetic.equality_questions import PNTS


def choose(rng: np.random.Generator, options: tuple[str, ...], weights, size: int) -> np.ndarray:
    """Draw ``size`` answers from ``options`` with relative ``weights``.

    Args:
        rng: Seeded random generator.
        options: The answer options.
        weights: Relative weight of each option, in the same order.
        size: Number of answers to draw.

    Returns:
        An object array of answers.
    """
    p = np.asarray(weights, dtype=float)
    return rng.choice(np.asarray(options, dtype=object), size=size, p=p / p.sum())


def by_type(rng, types: np.ndarray, options: tuple[str, ...], shares: dict) -> np.ndarray:
    """Draw one answer per respondent, with shares that depend on the respondent type.

    Args:
        rng: Seeded random generator.
        types: Respondent type of each respondent.
        options: The answer options.
        shares: Relative weights of the options, by respondent type.

    Returns:
        An object array with one answer per respondent.
    """
    out = np.empty(len(types), dtype=object)
    for kind, weights in shares.items():
        rows = types == kind
        out[rows] = choose(rng, options, weights, int(rows.sum()))
    return out


def yes_no(rng, types: np.ndarray, yes_by_type: dict[str, float], pnts: float) -> np.ndarray:
    """A Yes/No/Prefer not to say answer with a type-dependent share of Yes.

    Args:
        rng: Seeded random generator.
        types: Respondent type of each respondent.
        yes_by_type: Share answering Yes among those who answer, by respondent type.
        pnts: Share answering "Prefer not to say".

    Returns:
        An object array with one answer per respondent.
    """
    out = np.empty(len(types), dtype=object)
    for kind, yes in yes_by_type.items():
        rows = types == kind
        weights = (yes * (1 - pnts), (1 - yes) * (1 - pnts), pnts)
        out[rows] = choose(rng, ("Yes", "No", PNTS), weights, int(rows.sum()))
    return out
