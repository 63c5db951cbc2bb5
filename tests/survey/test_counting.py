import numpy as np
import pandas as pd
import pytest

from eia_app.analysis.survey import SurveyData
from eia_app.analysis.survey.fast_counts import count_codes, encode


def frame(dtype: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "a": pd.Series(["x", "y", None, "x", "x", None], dtype=dtype),
            "b": pd.Series(["p", None, "p", "q", "p", None], dtype=dtype),
        }
    )


@pytest.mark.parametrize("dtype", ["str", "object"])
def test_encode_gives_zero_for_blank_and_labels_for_answers(dtype):
    codes, labels = encode(frame(dtype)["a"])
    decoded = [labels[code] for code in codes]
    assert decoded[:2] == ["x", "y"]
    assert [pd.isna(value) for value in decoded] == [False, False, True, False, False, True]
    assert codes.dtype == np.int32


@pytest.mark.parametrize("dtype", ["str", "object"])
def test_combinations_counted_from_codes_match_a_group_by(dtype):
    data = frame(dtype)
    counted = count_codes([encode(data["a"]), encode(data["b"])], ["a", "b"])
    expected = data.groupby(["a", "b"], dropna=False).size()
    as_dict = {tuple("-" if pd.isna(v) else v for v in key): n for key, n in counted.items()}
    wanted = {tuple("-" if pd.isna(v) else v for v in key): n for key, n in expected.items()}
    assert (
        as_dict
        == wanted
        == {
            ("x", "p"): 2,
            ("x", "q"): 1,
            ("y", "-"): 1,
            ("-", "p"): 1,
            ("-", "-"): 1,
        }
    )


def test_survey_counts_are_cached_per_column_combination():
    survey = SurveyData("t.csv", "plain", "utf-8", None, frame("str"))
    pair = survey.counts("a", "b")
    assert survey.counts("a", "b") is pair
    assert int(pair.sum()) == 6
    single = survey.counts("a")
    assert {("-" if pd.isna(k) else k): v for k, v in single.items()} == {"x": 3, "y": 1, "-": 2}
