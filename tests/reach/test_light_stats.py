"""The light statistics module gives exactly the figures scipy and statsmodels give."""

import numpy as np
import pytest
from scipy.stats import chi2_contingency, chisquare
from statsmodels.stats.contingency_tables import Table
from statsmodels.stats.proportion import proportion_confint

from eia_app.analysis.light_stats import (
    adjusted_residuals,
    chi2_goodness_of_fit,
    chi2_independence,
    wilson_interval,
)

TABLES = [
    np.array([[12, 30, 7], [40, 3, 9]]),
    np.array([[1, 0, 5, 2], [3, 9, 0, 1], [25, 30, 31, 2]]),
    np.array([[500, 1], [2, 700]]),
]


@pytest.mark.parametrize("table", TABLES)
def test_independence_test_matches_scipy_bit_for_bit(table):
    expected = chi2_contingency(table, correction=False)
    statistic, dof, p_value, frequencies = chi2_independence(table)
    assert statistic == float(expected.statistic)
    assert dof == expected.dof
    assert p_value == float(expected.pvalue)
    assert np.array_equal(frequencies, expected.expected_freq)


def test_independence_of_a_one_row_table_has_no_degrees_of_freedom():
    assert chi2_independence(np.array([[3, 4, 5]]))[:3] == (0.0, 0, 1.0)


@pytest.mark.parametrize("table", TABLES)
def test_adjusted_residuals_match_statsmodels_bit_for_bit(table):
    # Zero cells stay zero: statsmodels' shift_zeros would change every residual.
    wanted = Table(table, shift_zeros=False).standardized_resids
    assert np.array_equal(adjusted_residuals(table), wanted)


def test_goodness_of_fit_matches_scipy_bit_for_bit():
    observed = [120, 33, 7, 840]
    expected = [1000 * share for share in (0.11, 0.05, 0.012, 0.828)]
    wanted = chisquare(observed, expected)
    assert chi2_goodness_of_fit(observed, expected) == (
        float(wanted.statistic),
        float(wanted.pvalue),
    )


def test_wilson_interval_matches_statsmodels_for_arrays_and_scalars():
    counts, totals = np.array([0, 1, 17, 250, 99]), np.array([4, 9, 40, 251, 99])
    low, high = wilson_interval(counts, totals)
    want_low, want_high = proportion_confint(counts, totals, method="wilson")
    assert np.array_equal(low, want_low)
    assert np.array_equal(high, want_high)
    # representation.py passes 1 - 0.95, which is not exactly 0.05 in floating point.
    low, high = wilson_interval(17, 40, alpha=1 - 0.95)
    assert (float(low), float(high)) == proportion_confint(17, 40, alpha=1 - 0.95, method="wilson")
    assert 0 <= float(low) < 17 / 40 < float(high) <= 1
