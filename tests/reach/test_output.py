"""The eia.reach/1 characteristic entries: keys, rounding, nulls for withheld cells, JSON."""

import json

import pandas as pd

from eia_app.analysis.opinion_stats import crosstab_opinion
from eia_app.analysis.published_figures import characteristic_reach, opinion_crosstab
from eia_app.analysis.representation import analyse_characteristic
from eia_app.analysis.suppression import suppress_opinion, suppress_result
from eia_app.domain.publication import RARE_ANSWERS
from tests.reach.builders import make_tally

CATEGORY_KEYS = {"id", "label", "count", "share", "ci_low", "ci_high", "baseline_share", "ratio",
                 "gap_pp", "needed_for_parity", "flag", "suppressed"}  # fmt: skip
RESULT_KEYS = {"question", "answered", "prefer_not_to_say", "not_answered", "unrecognised",
               "categories", "detail", "test"}  # fmt: skip


def result_to_dict(result):
    return characteristic_reach(result, result.characteristic.title()).model_dump(mode="json")


def opinion_to_dict(result):
    return opinion_crosstab(result).model_dump(mode="json")


def race_result():
    tally = make_tally(
        "race", {"white": 300, "asian": 20, "black": 30, "mixed": 50, "other_ethnic_group": 3},
        detail={"white_british": ("white", 280), "white_irish": ("white", 20)},
        prefer_not_to_say=15, not_answered=5, unrecognised={"Cornish": 2},
    )  # fmt: skip
    shares = {"white": 0.70, "asian": 0.12, "black": 0.08, "mixed": 0.08,
              "other_ethnic_group": 0.02, "white_british": 0.65}  # fmt: skip
    return analyse_characteristic(tally, shares, universe="all usual residents")


def test_result_has_the_stable_keys_and_rounded_figures():
    data = result_to_dict(race_result())
    assert set(data) >= RESULT_KEYS
    assert data["answered"] == 403
    for category in data["categories"] + data["detail"]:
        assert set(category) >= CATEGORY_KEYS
    asian = next(c for c in data["categories"] if c["id"] == "asian")
    assert asian["share"] == round(20 / 403, 4)
    assert asian["ci_low"] == round(asian["ci_low"], 4)
    assert asian["needed_for_parity"] == 33  # ceil((0.12 * 403 - 20) / 0.88) = ceil(32.23)
    assert asian["flag"] == "under"
    assert set(data["test"]) >= {"chi2", "df", "p_value"}
    assert data["test"]["df"] == 4
    assert data["universe"] == "all usual residents"


def test_ratio_interval_of_the_worked_example_is_0_27_to_0_63():
    tally = make_tally("race", {"white": 300, "asian": 20, "black": 30, "mixed": 50})
    shares = {"white": 0.70, "asian": 0.12, "black": 0.08, "mixed": 0.10}
    data = result_to_dict(analyse_characteristic(tally, shares))
    asian = next(c for c in data["categories"] if c["id"] == "asian")
    assert round(asian["ratio_ci_low"], 2) == 0.27  # 0.0326 / 0.12
    assert round(asian["ratio_ci_high"], 2) == 0.63  # 0.0760 / 0.12


def test_withheld_counts_are_null_and_the_document_is_strict_json():
    data = result_to_dict(suppress_result(race_result()))
    other = next(c for c in data["categories"] if c["id"] == "other_ethnic_group")
    assert other["count"] is None
    assert other["share"] is None
    assert other["suppressed"] is True
    assert other["baseline_share"] == 0.02
    assert data["unrecognised"] == {RARE_ANSWERS: None}  # 2 people wrote it: never named
    assert data["min_count"] == 5
    json.dumps(data, allow_nan=False)


def test_a_characteristic_without_baseline_has_a_null_test():
    data = result_to_dict(
        analyse_characteristic(make_tally("pregnancy_maternity", {"yes": 6}), None)
    )
    assert (data["test"]["chi2"], data["test"]["df"], data["test"]["p_value"]) == (None,) * 3
    assert data["categories"][0]["baseline_share"] is None


def test_opinion_crosstab_dict_nulls_withheld_cells():
    counts = pd.DataFrame({"Agree": [30, 2, 28, 40], "Disagree": [20, 0, 22, 40]},
                          index=["female", "nonbinary", "male", "x"])  # fmt: skip
    data = opinion_to_dict(suppress_opinion(crosstab_opinion(counts)))
    rows = {r["group"]: r for r in data["rows"]}
    assert rows["nonbinary"]["counts"] == {"Agree": None, "Disagree": 0}
    # With two answers, protecting nonbinary cascades: male Agree (28), male Disagree,
    # female Disagree (20) and female Agree are withheld in turn; x stays.
    assert rows["female"]["row_percent"]["Agree"] is None
    assert rows["x"]["row_percent"] == {"Agree": 50.0, "Disagree": 50.0}
    assert data["agree_answers"] == ["Agree"]
    json.dumps(data, allow_nan=False)
