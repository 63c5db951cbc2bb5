"""Opinion crosstabs: test of independence, adjusted residuals and group flags."""

import math

import pandas as pd
import pytest

from eia_app.analysis.opinion_stats import agree_columns, crosstab_opinion
from eia_app.analysis.suppression import suppress_opinion

LIKERT = ["Strongly agree", "Agree", "Neither agree nor disagree", "Disagree",
          "Strongly disagree", "Don't know"]  # fmt: skip


def test_agree_columns_are_found_from_their_names():
    assert agree_columns(LIKERT) == ("Strongly agree", "Agree")


def test_two_by_two_statistics_match_hand_computed_values():
    counts = pd.DataFrame({"Agree": [30, 10], "Disagree": [10, 30]}, index=["a", "b"])
    result = crosstab_opinion(counts)
    # Every expected count is 20: chi2 = 4 * 10^2 / 20 = 20 with 1 df.
    assert result.chi2 == pytest.approx(20.0)
    assert result.df == 1
    # Adjusted residual = (30 - 20) / sqrt(20 * (1 - 40/80) * (1 - 40/80)) = 4.472.
    assert result.residuals.at["a", "Agree"] == pytest.approx(10 / math.sqrt(5))
    assert result.row_percent.at["a", "Agree"] == pytest.approx(75.0)
    assert [g.flag for g in result.groups] == ["more_agree", "less_agree"]


def test_a_zero_cell_is_taken_as_zero_not_shifted():
    # statsmodels' Table replaces zeros by 0.5 unless told not to; that would move this value.
    counts = pd.DataFrame({"Agree": [20, 0], "Disagree": [10, 10]}, index=["a", "b"])
    result = crosstab_opinion(counts)
    # n = 40; E(a, Agree) = 30 * 20 / 40 = 15; row share 30/40, column share 20/40.
    expected = 15.0
    sd = math.sqrt(expected * (1 - 30 / 40) * (1 - 20 / 40))
    assert result.residuals.at["a", "Agree"] == pytest.approx((20 - expected) / sd)
    assert result.residuals.at["b", "Agree"] == pytest.approx(-(20 - expected) / sd)


@pytest.mark.filterwarnings("error")  # no 0/0 is computed, so eia reach prints no warnings
def test_empty_rows_and_columns_have_no_residual_and_leave_the_others_unchanged():
    full = pd.DataFrame({"Agree": [30, 10], "Disagree": [10, 30]}, index=["a", "b"])
    padded = pd.DataFrame(
        {"Agree": [30, 0, 10], "Don't know": [0, 0, 0], "Disagree": [10, 0, 30]},
        index=["a", "nobody", "b"],
    )
    result = crosstab_opinion(padded)
    assert result.residuals.loc["nobody"].isna().all()
    assert result.residuals["Don't know"].isna().all()
    pd.testing.assert_frame_equal(
        result.residuals.loc[["a", "b"], ["Agree", "Disagree"]], crosstab_opinion(full).residuals
    )
    nobody = next(g for g in result.groups if g.group == "nobody")
    assert (nobody.count, nobody.agree_share, nobody.agree_residual, nobody.flag) == (
        0, None, None, None,
    )  # fmt: skip
    assert result.chi2 == pytest.approx(20.0)


@pytest.mark.filterwarnings("error")
def test_a_single_answering_group_has_no_residuals_or_test():
    # Over one group, E = O only up to rounding (1/49 * 49 != 1 in floating point) and the
    # variance is 0, so an unguarded formula gives +/-inf and a spurious flag.
    counts = pd.DataFrame({"Agree": [1, 0], "Disagree": [48, 0]}, index=["a", "b"])
    result = crosstab_opinion(counts)
    assert result.residuals.isna().all().all()
    assert result.chi2 is None
    assert [g.flag for g in result.groups] == [None, None]


def test_only_the_group_that_clearly_differs_is_flagged():
    agree = [30, 30, 30, 5, 30, 30, 30]
    counts = pd.DataFrame(
        {"Agree": agree, "Disagree": [50 - a for a in agree]},
        index=["a", "b", "c", "d", "e", "f", "g"],
    )
    result = crosstab_opinion(counts)
    flags = {g.group: g.flag for g in result.groups}
    assert flags == {"a": None, "b": None, "c": None, "d": "less_agree", "e": None,
                     "f": None, "g": None}  # fmt: skip
    d = next(g for g in result.groups if g.group == "d")
    # Agree overall 185/350; expected for d = 50*185/350 = 26.43.
    expected = 50 * 185 / 350
    sd = math.sqrt(expected * (1 - 50 / 350) * (1 - 185 / 350))
    assert d.agree_residual == pytest.approx((5 - expected) / sd)
    assert d.agree_share == pytest.approx(0.1)
    assert result.p_value < 0.001


def test_without_agree_columns_a_group_with_a_large_cell_residual_differs():
    counts = pd.DataFrame({"Bus": [40, 40, 5], "Car": [10, 10, 45]}, index=["x", "y", "z"])
    result = crosstab_opinion(counts)
    assert result.agree_columns == ()
    assert {g.group: g.flag for g in result.groups}["z"] == "differs"


def test_suppressed_crosstab_withholds_small_groups_and_their_agree_share():
    counts = pd.DataFrame(
        {"Agree": [30, 2, 28], "Neither": [10, 1, 10], "Disagree": [15, 0, 3]},
        index=["female", "nonbinary", "male"],
    )
    result = suppress_opinion(crosstab_opinion(counts))
    groups = {g.group: g for g in result.groups}
    assert groups["nonbinary"].count is None
    assert groups["male"].agree_share is None  # its Agree cell protects nonbinary's
    assert groups["female"].agree_share == pytest.approx(30 / 55)
    assert result.withheld.at["nonbinary", "Agree"]
    assert not result.withheld.at["nonbinary", "Disagree"]  # a true zero stays
    assert pd.isna(result.row_percent.at["male", "Agree"])
