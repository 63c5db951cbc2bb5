"""The themes of one free-text question, from comments to the typed, aggregate result.

Steps: embed the comments (``embed``), group them (``cluster``), apply the officer's
edits (splits by ``split``, then merges, then renames), name each theme by its
key phrases (``label``), break each theme down by characteristic (``by_group``) and
offer redacted quotes (``quotes``). Comments stay in memory: the result holds only
names, phrases, counts and candidate quotes, which are unapproved until the officer
approves them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from eia_app.analysis.representation import Thresholds
from eia_app.analysis.themes.by_group import Characteristic, by_characteristic
from eia_app.analysis.themes.cluster import Clustering, cluster
from eia_app.analysis.themes.embed import embed
from eia_app.analysis.themes.label import key_phrases, theme_name
from eia_app.analysis.themes.quotes import candidates
from eia_app.analysis.themes.split import apply_splits
from eia_app.domain.theme_edits import ThemeEdits, merge_indices
from eia_app.domain.themes import (
    DEFAULT_MAX_THEMES,
    DEFAULT_MIN_THEMES,
    QuestionThemes,
    Theme,
    theme_findings,
)


@dataclass(frozen=True)
class ThemedQuestion:
    """The result of one question, and each comment's theme (which stays in memory).

    Attributes:
        result: The aggregate result, safe to store.
        labels: Theme index of each comment (-1 for other), for tests and the app's
            session only; never stored or written out.
    """

    result: QuestionThemes
    labels: np.ndarray


def _merged(found: Clustering, vectors: np.ndarray, merges: dict[int, int]) -> Clustering:
    """The clustering with merged themes' comments moved into the first theme of each merge."""
    if not merges:
        return found
    labels = found.labels.copy()
    for source, target in merges.items():
        labels[labels == source] = target
    centres = found.centres.copy()
    similarity = found.similarity.copy()
    for target in set(merges.values()):
        members = labels == target
        centre = vectors[members].mean(axis=0)
        centres[target] = centre / np.linalg.norm(centre)
        similarity[members] = vectors[members] @ centres[target]
    return Clustering(labels, centres, similarity, found.k, found.scores)


def theme_question(
    column: str,
    texts: Sequence[str],
    characteristics: Sequence[Characteristic] = (),
    *,
    backend: str,
    seed: int = 0,
    k: int | None = None,
    low: int = DEFAULT_MIN_THEMES,
    high: int = DEFAULT_MAX_THEMES,
    min_count: int = 0,
    thresholds: Thresholds = Thresholds(),  # noqa: B008 - frozen, so safe as a default
    edits: ThemeEdits | None = None,
) -> ThemedQuestion:
    """Find, name and break down the themes of one question's comments.

    Args:
        column: The question (its header).
        texts: The non-blank comments, one per commenter.
        characteristics: Each characteristic's coded answers, in the order of ``texts``.
        backend: Embedding backend (``embed.available_backend``).
        seed: Seed: the same comments and seed give the same themes.
        k: A fixed number of themes; None chooses one in [low, high].
        low: Fewest themes to consider.
        high: Most themes to consider.
        min_count: Smallest count shown; also the smallest theme kept.
        thresholds: The reach tables' flagging rule.
        edits: The officer's splits, merges, renames and approvals, reapplied by theme
            id in that order (splits first, so a merge or a rename may name a part).

    Returns:
        The themes, largest first (a split theme's parts where it was), with
        unapproved quote candidates, and the labels.

    Raises:
        ThemeSplitError: When a split would give a part too small to publish.
    """
    clean = [" ".join(str(t).split()) for t in texts]
    vectors = embed(clean, backend, seed)
    found = cluster(vectors, low=low, high=high, seed=seed, k=k, min_size=min_count)
    renames = edits.renames if edits else {}
    found, ids = apply_splits(
        found, vectors, edits.splits if edits else {}, seed=seed, min_count=min_count,
        texts=clean, renames=renames,
    )  # fmt: skip
    merges = merge_indices(edits, ids)
    found = _merged(found, vectors, merges)
    approved = set(edits.approved_quotes) if edits else set()
    phrases = key_phrases(clean, found.labels, len(found.centres))
    breakdowns = [
        by_characteristic(found.labels, len(found.centres), c, min_count=min_count,
                          thresholds=thresholds)
        for c in characteristics
    ]  # fmt: skip
    members = [c.members for c in characteristics]
    themes = []
    for index, words in enumerate(phrases):
        if index in merges:
            continue
        label = renames.get(ids[index]) or theme_name(words)
        blocks = tuple(b[index] for b in breakdowns)
        count = int((found.labels == index).sum())
        themes.append(
            Theme(
                id=ids[index],
                label=label,
                key_phrases=tuple(words),
                count=count,
                share=count / len(clean),
                by_characteristic=blocks,
                findings=theme_findings(label, blocks),
                quotes=tuple(
                    q.model_copy(update={"approved": q.id in approved})
                    for q in candidates(
                        clean,
                        found.labels,
                        found.similarity,
                        index,
                        members=members,
                        blocks=blocks,
                    )
                ),  # fmt: skip
            )
        )
    other = int((found.labels < 0).sum())
    result = QuestionThemes(
        column=column,
        commenters=len(clean),
        themes=tuple(themes),
        # Shown whatever its size: it is commenters minus the themes (all published), and it
        # is tied to no group, so a small number identifies nobody.
        other=other,
        chosen_k=found.k,
        k_range=(low, high) if k is None else (k, k),
        silhouette={key: round(value, 4) for key, value in found.scores.items()},
    )
    return ThemedQuestion(result, found.labels)
