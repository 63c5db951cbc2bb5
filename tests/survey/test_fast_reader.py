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


@pytest.mark.parametrize(("name", "encoding"), [("plain_cp1252.csv", "cp1252"),
                                                ("plain_utf16.csv", "utf-16")])  # fmt: skip
def test_text_in_another_encoding_reads_the_same_from_memory_as_carefully(name, encoding):
    from eia_app.analysis.survey.encoding import repair_text
    from eia_app.analysis.survey.fast_reader import read_large_text

    path = FIXTURES / name
    repaired = repair_text(path.read_bytes())
    assert repaired.encoding.startswith(encoding)
    fast = read_large_text(repaired.data, repaired.encoding, minimum=0)
    assert fast is not None
    careful = read_survey(path)  # a small file: the careful reader reads it
    frame, options = shape(fast.responses, fast.layout, fast.rows)
    assert (fast.layout.name, fast.encoding) == (careful.layout, careful.encoding)
    assert options == careful.multi_options
    pd.testing.assert_frame_equal(
        frame.astype(object), careful.frame.astype(object), check_dtype=False
    )


def large_windows_export(path, rows: int, *, mixed: bool = False):
    """A Windows-1252 export with "£", curly quotes and line breaks inside quoted answers;
    with ``mixed``, UTF-8 but for every 1,000th row."""
    lines = [b"ID,What is your sex?,Comment\n"]
    for n in range(rows):
        text = f'{n},{"Female" if n % 3 else "Male"},"Cost £{n} – “too much”\nsecond line"\n'
        windows = not mixed or n % 1_000 == 7
        lines.append(text.encode("cp1252" if windows else "utf-8"))
    path.write_bytes(b"".join(lines))
    return path


def careful_only(monkeypatch):
    from eia_app.analysis.survey import readers

    monkeypatch.setattr(readers, "read_large_text", lambda *args: None)


@pytest.mark.parametrize("mixed", [False, True], ids=["windows-1252", "utf-8-with-bad-rows"])
def test_a_large_export_in_another_encoding_reads_fast_and_the_same(tmp_path, monkeypatch, mixed):
    from eia_app.analysis.survey import readers

    path = large_windows_export(tmp_path / "large.csv", 20_000, mixed=mixed)
    assert path.stat().st_size > 65_536
    taken = []
    real = readers.read_large_text
    monkeypatch.setattr(readers, "read_large_text", lambda *a: taken.append(real(*a)) or taken[0])
    fast = read_survey(path)
    assert len(taken) == 1
    assert taken[0] is not None, "the fast path was not taken"
    careful_only(monkeypatch)
    careful = read_survey(path)

    assert (fast.encoding, fast.warnings) == (careful.encoding, careful.warnings)
    assert fast.respondents == careful.respondents == 20_000
    assert fast.frame["Comment"].iloc[19_999] == "Cost £19999 – “too much”\nsecond line"
    pd.testing.assert_frame_equal(
        fast.frame.astype(object), careful.frame.astype(object), check_dtype=False
    )
    if mixed:
        assert "20 rows were not UTF-8 and were read as Windows-1252" in fast.warnings[0]


def test_answers_with_line_breaks_in_the_first_records_are_parsed_quote_aware_at_once(
    tmp_path, monkeypatch
):
    from eia_app.analysis.survey import fast_reader

    attempts = []
    real = fast_reader._parse
    monkeypatch.setattr(
        fast_reader, "_parse", lambda *args: attempts.append(args[-1]) or real(*args)
    )
    spanning = tmp_path / "spanning.csv"
    spanning.write_text(
        "ID,What is your sex?,Comment\n"
        + "".join(f'{n},Female,"line one\nline two"\n' for n in range(5_000)),
        encoding="utf-8",
    )
    plain = tmp_path / "plain.csv"
    plain.write_text(
        "ID,What is your sex?,Comment\n" + "".join(f"{n},Male,short\n" for n in range(5_000)),
        encoding="utf-8",
    )
    assert read_large_utf8(spanning, spanning.read_bytes()[:65_536], minimum=0) is not None
    assert attempts == [True]
    attempts.clear()
    assert read_large_utf8(plain, plain.read_bytes()[:65_536], minimum=0) is not None
    assert attempts == [False]
