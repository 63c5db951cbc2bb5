import pandas as pd
import pytest

from eia_app.analysis.survey import read_survey
from eia_app.analysis.survey.fast_reader import read_large_utf8
from eia_app.analysis.survey.shaping import shape

from .conftest import FIXTURES

UTF8_FIXTURES = [
    "citizen_space.csv",
    "smartsurvey.csv",
    "surveymonkey.csv",
    "qualtrics.csv",
    "google_forms.csv",
    "gss_disability.csv",
    "gender_identity_reversed.csv",
]


@pytest.mark.parametrize("name", UTF8_FIXTURES)
def test_fast_reader_gives_the_same_survey_as_the_careful_reader(name):
    path = FIXTURES / name
    fast = read_large_utf8(path, path.read_bytes()[:65_536], minimum=0)
    assert fast is not None
    careful = read_survey(path)
    frame, options = shape(fast.responses, fast.layout, fast.rows)
    assert fast.layout.name == careful.layout
    assert fast.encoding == careful.encoding
    assert options == careful.multi_options
    assert list(frame.columns) == list(careful.frame.columns)
    pd.testing.assert_frame_equal(
        frame.astype(object), careful.frame.astype(object), check_dtype=False
    )


def test_fast_reader_declines_text_that_is_not_utf8(tmp_path):
    path = tmp_path / "cp1252.csv"
    path.write_bytes("a,b\n\u00a35,x\n".encode("cp1252") * 10)
    assert read_large_utf8(path, path.read_bytes(), minimum=0) is None


def test_fast_reader_declines_ragged_rows(tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_bytes(b"a,b\n1,2\n1,2\n1,2\n" + b"1,2,3\n" * 3)
    assert read_large_utf8(path, path.read_bytes(), minimum=0) is None


def test_answer_columns_are_categoricals_and_metadata_stays_text():
    survey = read_survey(FIXTURES / "citizen_space.csv")
    assert isinstance(survey.frame["What is your sex?"].dtype, pd.CategoricalDtype)
    assert not isinstance(survey.frame["Response ID"].dtype, pd.CategoricalDtype)
    assert survey.frame["What is your sex?"].iloc[0] == "Female"


def test_fast_reader_keeps_line_breaks_inside_quoted_answers(tmp_path):
    path = tmp_path / "comments.csv"
    path.write_text(
        'What is your sex?,Comments\nFemale,"first line\nsecond line"\nMale,short\n'
        'Female,"a, b"\n,"x\n\ny"\n',
        encoding="utf-8",
    )
    fast = read_large_utf8(path, path.read_bytes(), minimum=0)
    assert fast is not None
    frame, _ = shape(fast.responses, fast.layout, fast.rows)
    assert frame["Comments"].tolist() == ["first line\nsecond line", "short", "a, b", "x\n\ny"]
    assert frame["What is your sex?"].isna().tolist() == [False, False, False, True]


def test_large_file_with_line_breaks_in_answers_across_parse_blocks(tmp_path):
    rows = "".join(f'{n},Female,"comment {n}\nsecond line, with a comma"\n' for n in range(60_000))
    path = tmp_path / "spanning.csv"
    path.write_text("ID,What is your sex?,Comment\n" + rows, encoding="utf-8")
    assert path.stat().st_size > 2 * (1 << 20)
    survey = read_survey(path)
    assert survey.respondents == 60_000
    assert survey.frame["Comment"].iloc[59_999] == "comment 59999\nsecond line, with a comma"
    assert survey.counts("What is your sex?").to_dict() == {"Female": 60_000}
