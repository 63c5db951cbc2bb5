"""Counting raw answers fast: one column with ``value_counts``, combinations with codes.

Counting a combination of columns (two disability parts, a characteristic by an
opinion question) works on integer codes: each column is encoded once, the codes
are combined into one key per row and counted with ``numpy.bincount``, which is
far quicker than a group-by over text.
"""

import math
from collections.abc import Sequence
from typing import Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

# Above this many possible answer combinations, counting falls back to a group-by.
MAX_COMBINATIONS: Final = 1 << 26

Codes = tuple[np.ndarray, np.ndarray]


def count_one(values: pd.Series) -> pd.Series:
    """Count the raw answers of one column, blanks (NaN) included.

    Args:
        values: One column of text answers.

    Returns:
        Counts indexed by the answer, in order of first appearance.
    """
    counted = values.value_counts(dropna=False, sort=False)
    if isinstance(values.dtype, pd.CategoricalDtype):
        counted = counted[counted > 0]  # categories nobody gave are not answers
    return counted


def _labels(uniques: Sequence[object]) -> np.ndarray:
    labels = np.empty(len(uniques) + 1, dtype=object)
    labels[0] = np.nan
    labels[1:] = list(uniques)
    return labels


def encode(values: pd.Series) -> Codes:
    """Encode a column as integer codes.

    Args:
        values: One column of text answers.

    Returns:
        (codes, labels): int32 codes, 0 for a blank answer and k for ``labels[k]``.
    """
    if isinstance(values.dtype, pd.CategoricalDtype):
        codes = np.add(values.cat.codes.to_numpy(), 1, dtype=np.int32)
        return codes, _labels(list(values.cat.categories))
    try:
        encoded = pc.dictionary_encode(pa.chunked_array(pa.array(values.array)))
        combined = encoded.combine_chunks()
        shifted = pc.fill_null(pc.add(combined.indices, 1), 0)
        codes = shifted.to_numpy(zero_copy_only=False).astype(np.int32, copy=False)
        return codes, _labels(combined.dictionary.to_pylist())
    except (pa.ArrowException, TypeError, ValueError):  # not Arrow-backed text
        numbers, uniques = pd.factorize(values, use_na_sentinel=True)
        return (numbers + 1).astype(np.int32), _labels(list(uniques))


def count_codes(encoded: Sequence[Codes], columns: Sequence[str]) -> pd.Series | None:
    """Count each combination of answers that occurs, from the columns' codes.

    Args:
        encoded: (codes, labels) of each column, as :func:`encode` returns them.
        columns: Column names, for the index levels.

    Returns:
        Counts indexed by a MultiIndex of answers (blank as NaN), or None when there
        are too many possible combinations to count this way.
    """
    sizes = [len(labels) for _, labels in encoded]
    if math.prod(sizes) > MAX_COMBINATIONS:
        return None
    key = encoded[0][0].astype(np.intp)  # a copy, in the type bincount works in
    for codes, labels in encoded[1:]:
        key *= len(labels)
        key += codes
    tallied = np.bincount(key, minlength=math.prod(sizes))
    present = np.flatnonzero(tallied)
    parts = np.unravel_index(present, sizes)
    arrays = [labels[part] for (_, labels), part in zip(encoded, parts, strict=True)]
    index = pd.MultiIndex.from_arrays(arrays, names=list(columns))
    return pd.Series(tallied[present], index=index)
