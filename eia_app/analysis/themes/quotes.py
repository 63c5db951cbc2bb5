"""Candidate quotes: the redacted comments nearest each theme's centre.

A comment near the centre says what the theme is about in a commenter's own words.
Candidates are redacted first (``redact``), duplicates and very short comments are
skipped, and a quote names a group only when that group raised the theme at least
``min_count`` times, so that a quote cannot single out one of a handful of people.
Nothing here publishes a quote: the officer approves each one (``Quote.approved``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from eia_app.analysis.themes.redact import redact
from eia_app.domain.themes import ByCharacteristic, Quote

QUOTES_PER_THEME = 3
MIN_WORDS = 6


def quote_id(text: str) -> str:
    """A stable id of a redacted quote, so an approval survives a re-run on the same file."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _attribution(
    index: int, members: Sequence[Sequence[tuple[str, ...]]], blocks: Sequence[ByCharacteristic]
) -> str | None:
    """The first flagged group the writer belongs to, if shown and large enough."""
    for block, coded in zip(blocks, members, strict=True):
        for row in block.rows:
            if row.finding and row.category in coded[index]:
                return row.label
    return None


def candidates(
    texts: Sequence[str],
    labels: np.ndarray,
    similarity: np.ndarray,
    theme: int,
    *,
    members: Sequence[Sequence[tuple[str, ...]]] = (),
    blocks: Sequence[ByCharacteristic] = (),
    per_theme: int = QUOTES_PER_THEME,
) -> tuple[Quote, ...]:
    """The redacted comments of one theme closest to its centre, none approved yet.

    Args:
        texts: Every comment of the question.
        labels: Theme index of each comment.
        similarity: Cosine similarity of each comment to its theme's centre.
        theme: The theme.
        members: Coded categories of each commenter, per characteristic, in the
            order of ``blocks``.
        blocks: The theme's suppressed breakdowns: only a shown, flagged row (whose
            count is at least the minimum) may be named with a quote.
        per_theme: Quotes to offer.

    Returns:
        Up to ``per_theme`` quotes, closest first.
    """
    inside = np.flatnonzero(labels == theme)
    order = inside[np.lexsort((inside, -similarity[inside]))]
    seen: set[str] = set()
    out = []
    for index in order:
        text = redact(" ".join(texts[index].split()))
        if len(text.split()) < MIN_WORDS or text.casefold() in seen:
            continue
        seen.add(text.casefold())
        attribution = _attribution(int(index), members, blocks) if blocks else None
        out.append(Quote(id=quote_id(text), text=text, attribution=attribution))
        if len(out) == per_theme:
            break
    return tuple(out)
