"""Reach statistics against hand-computed values (consultation_analysis.md, section 3)."""

import math

import pytest

from eia_app.analysis.representation import (
    Thresholds,
    analyse_characteristic,
    goodness_of_fit,
    needed_for_parity,
    wilson_interval,
)
from tests.reach.builders import make_tally

WORKED_SHARES = {"white": 0.70, "asian": 0.12, "black": 0.08, "mixed": 0.10}
WORKED_COUNTS = {"white": 300, "asian": 20, "black": 30, "mixed": 50}


def hand_wilson(x, n, z=1.959963984540054):
    s = x / n
    centre = (s + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(s * (1 - s) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


@pytest.fixture
def worked():
    return analyse_characteristic(make_tally("race", WORKED_COUNTS), WORKED_SHARES)


def by_id(result):
    return {c.id: c for c in result.categories}


def test_wilson_interval_of_the_worked_example_is_3_26_to_7_60_percent():
    low, high = wilson_interval(20, 400)
    assert low == pytest.approx(0.0326, abs=5e-5)
    assert high == pytest.approx(0.0760, abs=5e-5)
    assert (low, high) == pytest.approx(hand_wilson(20, 400))


def test_wilson_interval_of_zero_successes_starts_at_zero():
    low, high = wilson_interval(0, 10)
    assert low == pytest.approx(0.0, abs=1e-12)
    assert high == pytest.approx(3.8415 / 13.8415, abs=1e-4)  # z^2 / (n + z^2)


def test_worked_example_share_gap_ratio_expected_and_parity(worked):
    asian = by_id(worked)["asian"]
    assert asian.share == pytest.approx(0.05)
    assert asian.gap_pp == pytest.approx(-7.0)
    assert asian.ratio == pytest.approx(0.05 / 0.12)
    assert round(asian.ratio, 2) == 0.42
    assert asian.expected == pytest.approx(48.0)
    assert asian.needed_for_parity == 32  # (0.12*400 - 20) / 0.88 = 31.8 -> 32
    assert asian.flag == "under"


def test_worked_example_goodness_of_fit(worked):
    test = worked.test
    assert test.chi2 == pytest.approx(20.39, abs=0.005)
    assert test.df == 3
    assert test.p_value == pytest.approx(1.41e-4, abs=5e-7)
    assert test.cohens_w == pytest.approx(0.23, abs=0.005)
    assert test.rose_index == pytest.approx(0.925)
    residuals = [by_id(worked)[c].adjusted_residual for c in WORKED_COUNTS]
    assert residuals == pytest.approx([2.18, -4.31, -0.37, 1.67], abs=0.005)


@pytest.mark.parametrize(
    ("count", "n", "p", "expected"),
    [
        (20, 400, 0.12, 32),
        (97, 398, 0.491, 194),  # (195.418 - 97) / 0.509 = 193.36
        (30, 400, 0.08, 3),  # (32 - 30) / 0.92 = 2.17
        (48, 400, 0.12, 0),  # exactly at parity
        (60, 400, 0.12, 0),  # above
        (5, 10, 1.0, None),  # parity unreachable
    ],
)
def test_responses_needed_for_parity(count, n, p, expected):
    assert needed_for_parity(count, n, p) == expected


def test_parity_closes_the_gap():
    x = needed_for_parity(20, 400, 0.12)
    assert (20 + x) / (400 + x) >= 0.12 > (20 + x - 1) / (400 + x - 1)


def test_over_representation_is_flagged_when_the_interval_excludes_the_baseline():
    result = analyse_characteristic(make_tally("sex", {"female": 50, "male": 50}),
                                    {"female": 0.2, "male": 0.8})  # fmt: skip
    assert by_id(result)["female"].flag == "over"  # ratio 2.5, Wilson low 0.40 > 0.2
    assert by_id(result)["male"].flag == "under"


def test_large_ratio_with_a_wide_interval_is_not_flagged():
    # 2 of 10 against 10%: ratio 2.0 but the Wilson interval (0.057, 0.51) includes 0.1.
    result = analyse_characteristic(make_tally("sex", {"female": 2, "male": 8}),
                                    {"female": 0.1, "male": 0.9})  # fmt: skip
    assert by_id(result)["female"].flag is None


def test_thresholds_are_configurable(worked):
    strict = analyse_characteristic(
        make_tally("race", WORKED_COUNTS), WORKED_SHARES, thresholds=Thresholds(min_gap_pp=10)
    )
    assert by_id(strict)["asian"].flag is None  # gap of 7 pp is below 10
    loose = analyse_characteristic(
        make_tally("race", WORKED_COUNTS), WORKED_SHARES,
        thresholds=Thresholds(ratio_over=1.2, require_ci=False),
    )  # fmt: skip
    assert by_id(loose)["mixed"].flag == "over"  # ratio 1.25 > 1.2


def test_chi_square_renormalises_baseline_shares_over_compared_categories():
    fit, residuals = goodness_of_fit({"white": 300, "asian": 20, "other": 5},
                                     {"white": 0.7, "asian": 0.12})  # fmt: skip
    n, pw, pa = 320, 0.7 / 0.82, 0.12 / 0.82
    chi2 = (300 - n * pw) ** 2 / (n * pw) + (20 - n * pa) ** 2 / (n * pa)
    assert fit.chi2 == pytest.approx(chi2)
    assert fit.df == 1
    assert fit.categories == ("white", "asian")
    assert residuals["asian"] == pytest.approx((20 - n * pa) / math.sqrt(n * pa * (1 - pa)))


def test_without_a_baseline_only_counts_shares_and_intervals_are_given():
    result = analyse_characteristic(
        make_tally("pregnancy_maternity", {"pregnant": 4, "not_pregnant": 96}), None
    )
    pregnant = by_id(result)["pregnant"]
    assert pregnant.share == pytest.approx(0.04)
    assert (pregnant.ci_low, pregnant.ci_high) == pytest.approx(hand_wilson(4, 100))
    assert pregnant.baseline_share is None
    assert pregnant.ratio is None
    assert pregnant.flag is None
    assert result.test is None
    assert any("No population baseline" in note for note in result.notes)


def test_fewer_than_two_compared_categories_give_no_test():
    result = analyse_characteristic(make_tally("sex", {"female": 10, "male": 5}), {"female": 0.5})
    assert result.test is None
    assert by_id(result)["male"].baseline_share is None


def test_detail_categories_are_analysed_among_detail_answers():
    tally = make_tally(
        "race", {"white": 90, "asian": 10},
        detail={"white_british": ("white", 80), "white_irish": ("white", 10),
                "asian_indian": ("asian", 10)},
    )  # fmt: skip
    result = analyse_characteristic(tally, {"white": 0.9, "asian": 0.1, "white_british": 0.8})
    detail = {c.id: c for c in result.detail}
    assert detail["white_british"].share == pytest.approx(0.8)
    assert detail["white_british"].parent == "white"
    assert detail["white_irish"].baseline_share is None


def test_small_expected_counts_are_noted():
    result = analyse_characteristic(make_tally("sex", {"female": 8, "male": 2}),
                                    {"female": 0.5, "male": 0.5})  # fmt: skip
    assert result.test.min_expected == pytest.approx(5.0)
    tiny = analyse_characteristic(make_tally("sex", {"female": 4, "male": 2}),
                                  {"female": 0.5, "male": 0.5})  # fmt: skip
    assert tiny.test.note
    assert "approximate" in tiny.test.note
