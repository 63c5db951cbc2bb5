"""Sentence embeddings computed on this machine: WordLlama if installed, else TF-IDF + SVD.

WordLlama's wheel ships its model weights, so it is loaded from the package's own folder
with downloads disabled: nothing is fetched and no comment leaves the machine. Without
it, scikit-learn's TF-IDF of words and word pairs reduced by a truncated SVD (latent
semantic analysis) gives coarser but still usable vectors. Both are deterministic.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

WORDLLAMA = "wordllama"
TFIDF = "tfidf-svd"
BACKENDS = (WORDLLAMA, TFIDF)
_SVD_DIMENSIONS = 100


class ThemesUnavailable(RuntimeError):
    """The optional libraries for themes are not installed."""


@lru_cache(maxsize=1)
def _wordllama() -> Any:
    """Load WordLlama's bundled model once per process, offline."""
    from importlib import resources
    from pathlib import Path

    import wordllama  # noqa: PLC0415 - heavy and optional: only when themes are asked for

    # The model's weights ship inside WordLlama's own wheel: load them from there, never
    # from the network.
    folder = Path(str(resources.files(wordllama)))
    return wordllama.WordLlama.load(cache_dir=folder, disable_download=True)


def available_backend(preferred: str | None = None) -> str:
    """The embedding backend to use: ``preferred`` if given, WordLlama when installed.

    Raises:
        ThemesUnavailable: If scikit-learn is missing (it clusters and labels in every
            case), or the preferred backend cannot be imported.
    """
    try:
        import sklearn  # noqa: F401, PLC0415
    except ImportError:
        raise ThemesUnavailable(
            "themes need scikit-learn: install the toolkit with its 'themes' extra."
        ) from None
    if preferred == TFIDF:
        return TFIDF
    try:
        import wordllama  # noqa: F401, PLC0415
    except ImportError:
        if preferred == WORDLLAMA:
            raise ThemesUnavailable("the wordllama package is not installed.") from None
        return TFIDF
    return WORDLLAMA


def _tfidf_vectors(texts: Sequence[str], seed: int) -> np.ndarray:
    from sklearn.decomposition import TruncatedSVD  # noqa: PLC0415
    from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: PLC0415

    matrix = TfidfVectorizer(
        ngram_range=(1, 2), min_df=2, stop_words="english", sublinear_tf=True
    ).fit_transform(texts)
    dimensions = min(_SVD_DIMENSIONS, matrix.shape[1] - 1, len(texts) - 1)
    if dimensions < 2:
        return np.asarray(matrix.toarray(), dtype=np.float32)
    svd = TruncatedSVD(n_components=dimensions, random_state=seed)
    return np.asarray(svd.fit_transform(matrix), dtype=np.float32)


def _weighted_wordllama(texts: Sequence[str], batch: int = 256) -> np.ndarray:
    """WordLlama token vectors averaged with inverse-document-frequency weights.

    WordLlama's own ``embed`` averages all tokens alike, so the words every comment
    shares ("my son", "the whole family", "thank you") pull comments on different
    concerns together; measured on the seeded comments, k-means then mixed two known
    themes in one theme in 8 of 18 runs. Weighting each token by its smooth IDF over
    the question's comments (as SIF and TF-IDF weighting do) lets the distinctive
    words lead.
    """
    model = _wordllama()
    table = model.embedding
    encoded = [model.tokenize(list(texts[i : i + batch])) for i in range(0, len(texts), batch)]
    frequency = np.zeros(table.shape[0], dtype=np.float64)
    for chunk in encoded:
        for item in chunk:
            ids = np.asarray(item.ids)[np.asarray(item.attention_mask) > 0]
            frequency[np.unique(np.clip(ids, 0, table.shape[0] - 1))] += 1
    idf = np.log((1.0 + len(texts)) / (1.0 + frequency)) + 1.0
    out = np.empty((len(texts), table.shape[1]), dtype=np.float32)
    row = 0
    for chunk in encoded:
        ids = np.clip(np.array([item.ids for item in chunk]), 0, table.shape[0] - 1)
        mask = np.array([item.attention_mask for item in chunk], dtype=np.float64)
        weights = idf[ids] * mask
        summed = np.einsum("btd,bt->bd", table[ids].astype(np.float64), weights)
        out[row : row + len(chunk)] = summed / np.maximum(weights.sum(axis=1, keepdims=True), 1e-9)
        row += len(chunk)
    return out


def embed(texts: Sequence[str], backend: str, seed: int = 0) -> np.ndarray:
    """Embed each text as a unit-length vector (rows), so dot products are cosines.

    Args:
        texts: The comments.
        backend: ``wordllama`` or ``tfidf-svd`` (see :func:`available_backend`).
        seed: Seed of the SVD (WordLlama needs none).

    Returns:
        A float32 array with one row per text.
    """
    vectors = _weighted_wordllama(texts) if backend == WORDLLAMA else _tfidf_vectors(texts, seed)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)
