"""The few statistical formulas the reach engine needs, with a light import.

``scipy.stats`` and ``statsmodels`` take over a second to import (scipy.stats builds
hundreds of distribution objects and their docstrings; statsmodels pulls in polars),
which was most of the start-up time of ``eia reach``. The formulas themselves are
short, so they are written here in numpy, step for step as in those libraries, and
only the two special functions are taken from ``scipy.special``, the same functions
that ``scipy.stats`` calls (``chdtrc`` for the chi-square tail, ``ndtri`` for the
normal quantile). The results are therefore identical to the last bit; the tests in
``tests/reach/test_light_stats.py`` compare them with the libraries.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.special import chdtrc, ndtri


def chi2_tail(statistic: float, df: float) -> float:
    """Return P(X >= statistic) for a chi-square variable with ``df`` degrees of freedom."""
    return float(chdtrc(np.float64(df), statistic))


def wilson_interval(
    count: np.ndarray | float, nobs: np.ndarray | float, alpha: float = 0.05
) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval of ``count / nobs``, clipped to [0, 1].

    Same arithmetic as ``statsmodels.stats.proportion.proportion_confint(...,
    method="wilson")``, element by element.

    Args:
        count: Successes (scalar or array).
        nobs: Trials (scalar or array, all above zero).
        alpha: One minus the confidence level (two-sided).

    Returns:
        The lower and upper ends, as float arrays of the broadcast shape.
    """
    count_a = np.asarray(count, dtype=np.float64)
    nobs_a = np.asarray(nobs, dtype=np.float64)
    q = count_a / nobs_a
    crit = -ndtri(alpha / 2.0)
    crit2 = crit**2
    denom = 1 + crit2 / nobs_a
    center = (q + crit2 / (2 * nobs_a)) / denom
    dist = crit * np.sqrt(q * (1.0 - q) / nobs_a + crit2 / (4.0 * nobs_a**2))
    dist /= denom
    return np.clip(center - dist, 0, 1), np.clip(center + dist, 0, 1)


def chi2_goodness_of_fit(observed: Sequence[int], expected: Sequence[float]) -> tuple[float, float]:
    """Pearson's chi-square goodness-of-fit test, as ``scipy.stats.chisquare``.

    Args:
        observed: Observed counts.
        expected: Expected counts (same total as ``observed``).

    Returns:
        The statistic and its p-value on ``len(observed) - 1`` degrees of freedom.
    """
    f_obs = np.asarray(observed, dtype=np.float64)
    f_exp = np.asarray(expected, dtype=np.float64)
    statistic = np.sum((f_obs - f_exp) ** 2 / f_exp, axis=0)
    return float(statistic), chi2_tail(statistic, f_obs.size - 1)


def chi2_independence(table: np.ndarray) -> tuple[float, int, float, np.ndarray]:
    """Pearson's chi-square test of independence of a 2-D table, with no continuity correction.

    As ``scipy.stats.chi2_contingency(table, correction=False)``.

    Args:
        table: Counts, every row and column total above zero.

    Returns:
        The statistic, degrees of freedom, p-value and expected counts.
    """
    observed = np.asarray(table, dtype=np.float64)
    expected = observed.sum(axis=1, keepdims=True) * observed.sum(axis=0, keepdims=True)
    expected = expected / observed.sum()
    dof = expected.size - sum(expected.shape) + expected.ndim - 1
    if dof == 0:
        return 0.0, 0, 1.0, expected
    statistic = np.sum((observed - expected) ** 2 / expected, axis=None)
    return float(statistic), dof, chi2_tail(statistic, dof), expected


def adjusted_residuals(table: np.ndarray) -> np.ndarray:
    """Adjusted (standardised) residuals of every cell under independence.

    As ``statsmodels.stats.contingency_tables.Table(table, shift_zeros=False)
    .standardized_resids``: the Pearson residual divided by the square root of
    (1 - row share)(1 - column share).

    Args:
        table: Counts, every row and column total above zero.

    Returns:
        An array of the table's shape.
    """
    values = np.asarray(table, dtype=np.float64)
    n = values.sum()
    row, col = values.sum(1) / n, values.sum(0) / n
    fitted = values.sum() * np.outer(row, col)
    pearson = (values - fitted) / np.sqrt(fitted)
    adjusted: np.ndarray = pearson / np.sqrt(np.outer(1 - row, 1 - col))
    return adjusted
