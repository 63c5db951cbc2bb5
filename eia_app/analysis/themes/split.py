"""Splitting a theme the officer says holds more than one concern.

A split re-clusters only that theme's comments: k-means on their embeddings, with the
question's seed, into the number of parts asked for. The parts are numbered largest
first (ties by k-means' own index, so the order is reproducible) and take the ids
``<id>.1``, ``<id>.2`` ..., shown where the theme was. Every comment of the theme goes
to a part: the outliers already set aside stay in "other", and no new ones are made,
so the parts add up to the theme. Each part then gets its own key phrases, counts by
group, flags and quotes from the engine, as any theme does.

A split is refused when a part would hold fewer comments than the smallest count
shown (or than the smallest theme kept), because such a part could not be published.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from eia_app.analysis.themes.cluster import MIN_THEME_SIZE, OTHER, Clustering, fit_kmeans
from eia_app.analysis.themes.label import key_phrases, theme_name
from eia_app.domain.errors import ThemeSplitError


def _refusal(label: str, parts: int, floor: int, sizes: Sequence[int]) -> str:
    made = ", ".join(str(s) for s in sizes)
    found = f" (grouping its comments again gave parts of {made})" if sizes else ""
    return (
        f"The theme “{label}” cannot be split into {parts} parts: each part needs at least "
        f"{floor} comments to be published{found}. Try fewer parts."
    )


def _split_one(
    found: Clustering,
    vectors: np.ndarray,
    index: int,
    parts: int,
    seed: int,
    floor: int,
) -> tuple[Clustering, list[int]] | list[int]:
    """Split theme ``index``: the clustering and its parts' indices, or the sizes refused."""
    members = np.flatnonzero(found.labels == index)
    if len(members) < parts * floor:
        return []
    sub = fit_kmeans(vectors[members], parts, seed, 10)
    sizes = np.bincount(sub, minlength=parts)
    order = sorted(range(parts), key=lambda i: (-sizes[i], i))
    if sizes[order[-1]] < floor:
        return [int(sizes[i]) for i in order]
    first_new = len(found.centres)
    targets = [index] + [first_new + j for j in range(parts - 1)]
    labels = found.labels.copy()
    centres = np.vstack([found.centres, np.zeros((parts - 1, vectors.shape[1]))])
    similarity = found.similarity.copy()
    for part, target in zip(order, targets, strict=True):
        rows = members[sub == part]
        labels[rows] = target
        centre = vectors[rows].mean(axis=0)
        centres[target] = centre / np.linalg.norm(centre)
        similarity[rows] = vectors[rows] @ centres[target]
    return Clustering(labels, centres, similarity, found.k, found.scores), targets


def apply_splits(
    found: Clustering,
    vectors: np.ndarray,
    splits: Mapping[str, int],
    *,
    seed: int,
    min_count: int,
    texts: Sequence[str],
    renames: Mapping[str, str] | None = None,
) -> tuple[Clustering, list[str]]:
    """Apply the officer's splits, in order, and give every theme its id.

    Args:
        found: The clustering, themes ``t1`` .. ``tN`` largest first.
        vectors: The comments' unit-length embeddings.
        splits: Theme id -> number of parts; an id that does not exist is ignored, as
            a merge of a missing theme is.
        seed: The question's seed.
        min_count: Smallest count shown: every part must reach it.
        texts: The comments, to name a refused theme as the officer saw it.
        renames: Theme id -> the officer's name, likewise.

    Returns:
        The clustering with themes renumbered so that parts sit where their theme was,
        and the id of each theme index.

    Raises:
        ThemeSplitError: When a part would be too small to publish.
    """
    ids = [f"t{i + 1}" for i in range(len(found.centres))]
    if not splits:
        return found, ids
    floor = max(min_count, MIN_THEME_SIZE)
    order = list(range(len(ids)))
    for theme_id, parts in splits.items():
        if theme_id not in ids:
            continue
        index = ids.index(theme_id)
        done = _split_one(found, vectors, index, parts, seed, floor)
        if isinstance(done, list):
            # Named as shown at this step: key phrases depend on all the themes beside it.
            words = key_phrases(texts, found.labels, len(found.centres))[index]
            label = (renames or {}).get(theme_id) or theme_name(words)
            raise ThemeSplitError(_refusal(label, parts, floor, done), theme_id)
        found, targets = done
        ids[index] = f"{theme_id}.1"
        ids += [f"{theme_id}.{j + 2}" for j in range(parts - 1)]
        where = order.index(index)
        order[where + 1 : where + 1] = targets[1:]
    return _renumbered(found, order), [ids[i] for i in order]


def _renumbered(found: Clustering, order: Sequence[int]) -> Clustering:
    """The clustering with theme ``order[i]`` renumbered ``i`` (other stays other)."""
    mapping = np.full(len(order), OTHER)
    mapping[list(order)] = np.arange(len(order))
    labels = np.where(found.labels >= 0, mapping[np.maximum(found.labels, 0)], OTHER)
    return Clustering(labels, found.centres[list(order)], found.similarity, found.k, found.scores)
