"""The few statistical formulas the reach engine needs, with a light import.

``scipy.stats`` and ``statsmodels`` take over a second to import (scipy.stats builds
hundreds of distribution objects and their docstrings; statsmodels pulls in polars),
and even ``scipy.special`` takes 0.15 s; that was most of the start-up time of
``eia reach``. The formulas are short, so they are written here in numpy, step for
step as in those libraries. The statistics, expected counts and residuals are
therefore identical to the last bit; the chi-square tail (a closed form for whole
degrees of freedom) and the normal quantile (the standard library's) agree with
scipy's to about 1e-13 relative, far below the four significant figures published.
``tests/reach/test_light_stats.py`` compares every function with the libraries.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from statistics import NormalDist

import numpy as np


def chi2_tail(statistic: float, df: float) -> float:
    """Return P(X >= statistic) for a chi-square variable with whole ``df`` degrees of freedom.

    Uses the closed form of the upper regularised gamma function at half-integers:
    a finite sum of Poisson-like terms (plus ``erfc`` for odd ``df``), each term taken
    in logarithms so that a huge statistic gives a tiny p-value rather than 0/0.
    """
    if statistic <= 0:
        return 1.0
    half, whole = float(statistic) / 2.0, int(df)
    log_half = math.log(half)
    if whole % 2 == 0:
        base = 0.0
        logs = [-half + k * log_half - math.lgamma(k + 1) for k in range(whole // 2)]
    else:
        base = math.erfc(math.sqrt(half))
        logs = [
            -half + (k - 0.5) * log_half - math.lgamma(k + 0.5) for k in range(1, whole // 2 + 1)
        ]
    if not logs:
        return base
    top = max(logs)
    return base + math.exp(top) * math.fsum(math.exp(value - top) for value in logs)


def normal_quantile_upper(tail: float) -> float:
    """The z with P(Z > z) = ``tail`` for a standard normal Z (1.96 for 0.025)."""
    return -NormalDist().inv_cdf(tail)


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
    crit = normal_quantile_upper(alpha / 2.0)
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
