"""The light statistics module gives the figures scipy and statsmodels give.

Statistics, expected counts and residuals are the same arithmetic, so they must match
to the last bit; the chi-square tail and the normal quantile are computed another
way, so they must match to 1e-12 relative (the report shows four significant figures).
"""

import numpy as np
import pytest
from scipy.special import chdtrc
from scipy.stats import chi2_contingency, chisquare
from statsmodels.stats.contingency_tables import Table
from statsmodels.stats.proportion import proportion_confint

from eia_app.analysis.light_stats import (
    adjusted_residuals,
    chi2_goodness_of_fit,
    chi2_independence,
    chi2_tail,
    wilson_interval,
)

CLOSE = 1e-12

TABLES = [
    np.array([[12, 30, 7], [40, 3, 9]]),
    np.array([[1, 0, 5, 2], [3, 9, 0, 1], [25, 30, 31, 2]]),
    np.array([[500, 1], [2, 700]]),
]


@pytest.mark.parametrize("table", TABLES)
def test_independence_test_matches_scipy(table):
    expected = chi2_contingency(table, correction=False)
    statistic, dof, p_value, frequencies = chi2_independence(table)
    assert statistic == float(expected.statistic)
    assert dof == expected.dof
    assert p_value == pytest.approx(float(expected.pvalue), rel=CLOSE)
    assert np.array_equal(frequencies, expected.expected_freq)


def test_independence_of_a_one_row_table_has_no_degrees_of_freedom():
    assert chi2_independence(np.array([[3, 4, 5]]))[:3] == (0.0, 0, 1.0)


@pytest.mark.parametrize("table", TABLES)
def test_adjusted_residuals_match_statsmodels_bit_for_bit(table):
    # Zero cells stay zero: statsmodels' shift_zeros would change every residual.
    wanted = Table(table, shift_zeros=False).standardized_resids
    assert np.array_equal(adjusted_residuals(table), wanted)


def test_goodness_of_fit_matches_scipy():
    observed = [120, 33, 7, 840]
    expected = [1000 * share for share in (0.11, 0.05, 0.012, 0.828)]
    wanted = chisquare(observed, expected)
    statistic, p_value = chi2_goodness_of_fit(observed, expected)
    assert statistic == float(wanted.statistic)
    assert p_value == pytest.approx(float(wanted.pvalue), rel=CLOSE)


@pytest.mark.parametrize("df", [1, 2, 3, 4, 7, 18, 19, 72, 119])
@pytest.mark.parametrize("statistic", [0.0, 0.004, 0.9, 3.84, 12.5, 80.0, 810.86, 1700.0])
def test_the_chi_square_tail_matches_scipy_for_whole_degrees_of_freedom(df, statistic):
    # 1700 on 119 df is about 1e-280: the terms are summed in logarithms, not underflowed.
    wanted = float(chdtrc(df, statistic))
    assert chi2_tail(statistic, df) == pytest.approx(wanted, rel=CLOSE, abs=1e-300)


def test_wilson_interval_matches_statsmodels_for_arrays_and_scalars():
    counts, totals = np.array([0, 1, 17, 250, 99]), np.array([4, 9, 40, 251, 99])
    low, high = wilson_interval(counts, totals)
    want_low, want_high = proportion_confint(counts, totals, method="wilson")
    assert low == pytest.approx(want_low, rel=CLOSE, abs=1e-15)
    assert high == pytest.approx(want_high, rel=CLOSE)
    # representation.py passes 1 - 0.95, which is not exactly 0.05 in floating point.
    low, high = wilson_interval(17, 40, alpha=1 - 0.95)
    wanted = proportion_confint(17, 40, alpha=1 - 0.95, method="wilson")
    assert (float(low), float(high)) == pytest.approx(wanted, rel=CLOSE)
    assert 0 <= float(low) < 17 / 40 < float(high) <= 1
