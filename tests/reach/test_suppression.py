"""Small-number suppression: primary, secondary, race consistency, derived figures, presets."""

import pandas as pd
import pytest

from eia_app.analysis.representation import analyse_characteristic
from eia_app.analysis.suppression import (
    primary,
    suppress_crosstab,
    suppress_hierarchy,
    suppress_result,
)
from eia_app.domain.publication import RARE_ANSWERS, SUPPRESSION_PRESETS, resolve_min_count
from tests.reach.builders import make_tally

RACE_GROUPS = {"white": 90, "mixed": 6, "asian": 12, "black": 3, "other_ethnic_group": 0}
RACE_DETAIL = {
    "white_british": ("white", 80), "white_irish": ("white", 4), "white_other": ("white", 6),
    "mixed_white_asian": ("mixed", 6), "asian_indian": ("asian", 7),
    "asian_pakistani": ("asian", 5), "black_african": ("black", 3),
}  # fmt: skip
RACE_SHARES = {
    "white": 0.85,
    "mixed": 0.03,
    "asian": 0.08,
    "black": 0.02,
    "other_ethnic_group": 0.02,
}


def hidden(result):
    return {c.id for c in (*result.categories, *result.detail) if c.suppressed}


def test_counts_from_one_to_four_are_withheld_but_zero_and_five_are_not():
    assert primary({"a": 0, "b": 1, "c": 4, "d": 5, "e": 40}, 5) == {"b", "c"}


def test_a_lone_withheld_cell_takes_the_next_smallest_non_zero_cell_with_it():
    result = suppress_result(
        analyse_characteristic(
            make_tally("sex", {"female": 50, "male": 20, "other": 3, "x": 0}), None
        )
    )
    assert hidden(result) == {"other", "male"}  # the zero is never chosen


def test_two_withheld_cells_need_no_secondary_suppression():
    result = suppress_result(
        analyse_characteristic(make_tally("sex", {"female": 50, "male": 20, "a": 3, "b": 2}), None)
    )
    assert hidden(result) == {"a", "b"}


def test_race_groups_and_details_are_withheld_consistently():
    detail = {k: n for k, (_, n) in RACE_DETAIL.items()}
    parents = {k: p for k, (p, _) in RACE_DETAIL.items()}
    groups, details = suppress_hierarchy(RACE_GROUPS, detail, parents, 5)
    # black (3) is primary; mixed (6) is the next smallest group.
    assert groups == {"black", "mixed"}
    # white_irish (4) and black_african (3) are primary; white_other protects white_irish
    # within White; mixed_white_asian stops Mixed being the sum of its shown details.
    assert details == {"white_irish", "white_other", "black_african", "mixed_white_asian"}


def test_a_withheld_detail_takes_a_sibling_from_its_own_group():
    groups, details = suppress_hierarchy(
        {"white": 50, "black": 30, "asian": 20},
        {"white_british": 50, "black_african": 27, "black_other": 3, "asian_indian": 20},
        {"white_british": "white", "black_african": "black", "black_other": "black",
         "asian_indian": "asian"},
        5,
    )  # fmt: skip
    assert "black_other" in details
    assert "black_african" in details  # so black_other is not 30 minus black_african
    assert groups == set()


def test_a_withheld_detail_that_is_its_groups_only_detail_withholds_the_group():
    # Chinese (3) is the only Asian detail, so no sibling can protect it. The rule
    # treats a group as the sum of its details (here 17 gave only "Asian"), so it
    # conservatively withholds the group, which then takes Mixed (the next smallest
    # group) with it; across all details, Mixed: other protects Chinese.
    groups, details = suppress_hierarchy(
        {"white": 40, "mixed": 30, "asian": 20},
        {"white_british": 40, "mixed_other": 30, "asian_chinese": 3},
        {"white_british": "white", "mixed_other": "mixed", "asian_chinese": "asian"},
        5,
    )
    assert groups == {"asian", "mixed"}
    assert details == {"asian_chinese", "mixed_other"}


def test_every_withheld_cell_has_a_withheld_sibling():
    detail = {k: n for k, (_, n) in RACE_DETAIL.items()}
    parents = {k: p for k, (p, _) in RACE_DETAIL.items()}
    groups, details = suppress_hierarchy(RACE_GROUPS, detail, parents, 5)
    assert len(groups) != 1
    for group in RACE_GROUPS:
        children = [d for d in detail if parents[d] == group]
        withheld = [d for d in children if d in details]
        if group in groups:
            assert withheld  # the group is not the sum of its shown details
        else:
            assert len(withheld) != 1


def test_derived_figures_are_withheld_with_the_count_but_the_baseline_share_stays():
    tally = make_tally("race", RACE_GROUPS,
                       detail=dict(RACE_DETAIL.items()))  # fmt: skip
    result = suppress_result(analyse_characteristic(tally, RACE_SHARES))
    black = next(c for c in result.categories if c.id == "black")
    assert black.suppressed
    assert black.count is None
    assert black.share is None
    assert black.ci_low is None
    assert black.ci_high is None
    assert black.ratio is None
    assert black.gap_pp is None
    assert black.needed_for_parity is None
    assert black.flag is None
    assert black.adjusted_residual is None
    assert black.baseline_share == pytest.approx(0.02)
    assert any("withheld" in note for note in result.notes)
    assert result.min_count == 5


def test_min_count_zero_turns_suppression_off():
    tally = make_tally("race", RACE_GROUPS, detail=RACE_DETAIL, prefer_not_to_say=2)
    result = suppress_result(analyse_characteristic(tally, RACE_SHARES), 0)
    assert hidden(result) == set()
    assert result.prefer_not_to_say == 2


def test_presets():
    assert SUPPRESSION_PRESETS == {"default": 5, "nhs": 8, "strict": 10}
    assert resolve_min_count("nhs") == 8
    assert resolve_min_count(3) == 3
    with pytest.raises(ValueError, match="preset"):
        resolve_min_count("lenient")
    result = suppress_result(
        analyse_characteristic(make_tally("sex", {"female": 40, "male": 7, "a": 9}), None), "nhs"
    )
    assert hidden(result) == {"male", "a"}  # 7 < 8 is primary, 9 protects it
    strict = suppress_result(
        analyse_characteristic(make_tally("sex", {"female": 40, "male": 9, "a": 12}), None),
        "strict",
    )
    assert hidden(strict) == {"male", "a"}


def test_small_prefer_not_to_say_blank_and_unrecognised_counts_are_withheld():
    tally = make_tally("sex", {"female": 40, "male": 30}, prefer_not_to_say=3, not_answered=12,
                       unrecognised={"Cornish": 2, "Yorkshire": 9})  # fmt: skip
    result = suppress_result(analyse_characteristic(tally, None))
    assert result.prefer_not_to_say is None
    # "Cornish" (2 people) is too rare to name: it is counted under RARE_ANSWERS.
    assert result.unrecognised == {RARE_ANSWERS: None, "Yorkshire": 9}
    assert result.not_answered == 12


def test_a_lone_small_non_response_count_takes_the_next_smallest_with_it():
    tally = make_tally("sex", {"female": 40, "male": 30}, prefer_not_to_say=3, not_answered=12)
    result = suppress_result(analyse_characteristic(tally, None))
    assert result.prefer_not_to_say is None
    assert result.not_answered is None


def test_crosstab_secondary_suppression_runs_over_rows_and_columns():
    counts = pd.DataFrame({"agree": [20, 3, 15], "disagree": [10, 8, 2]}, index=["a", "b", "c"])
    mask = suppress_crosstab(counts, 5)
    # 3 and 2 are primary; row b then needs 8, row c needs 15; each column then has two.
    assert mask.to_dict() == {
        "agree": {"a": False, "b": True, "c": True},
        "disagree": {"a": False, "b": True, "c": True},
    }
    assert not suppress_crosstab(counts, 0).to_numpy().any()


def test_the_test_is_recomputed_with_withheld_categories_merged():
    shares = {"white": 0.7, "asian": 0.12, "black": 0.08, "mixed": 0.1}
    tally = make_tally("race", {"white": 300, "asian": 20, "black": 3, "mixed": 50})
    result = suppress_result(analyse_characteristic(tally, shares))
    assert hidden(result) == {"black", "asian"}
    # Published: white 300, mixed 50 and the withheld pair's known total 23 (p = 0.2).
    n = 373
    observed = {"white": (300, 0.7), "mixed": (50, 0.1), "[c]": (23, 0.2)}
    chi2 = sum((o - n * p) ** 2 / (n * p) for o, p in observed.values())
    assert result.test.chi2 == pytest.approx(chi2)
    assert result.test.df == 2
    assert result.test.categories == ("white", "mixed", "[c]")
    white = next(c for c in result.categories if c.id == "white")
    assert white.adjusted_residual == pytest.approx((300 - n * 0.7) / (n * 0.7 * 0.3) ** 0.5)


def test_a_withheld_count_that_cannot_be_protected_is_noted():
    result = suppress_result(
        analyse_characteristic(make_tally("sex", {"female": 3, "male": 0}), None)
    )
    assert hidden(result) == {"female"}
    # Advice to merge categories is for the author, not a note printed with the table.
    assert any("merge categories" in note for note in result.author_notes)
    assert not any("merge categories" in note for note in result.notes)
