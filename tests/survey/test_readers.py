from pathlib import Path

import pandas as pd
import pytest

from eia_app.analysis.survey import SurveyReadError, list_sheets, read_survey
from eia_app.domain.errors import EIAError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "surveys"


@pytest.mark.parametrize(
    ("name", "sheet", "layout", "encoding", "respondents"),
    [
        ("citizen_space.csv", None, "citizen_space", "utf-8-sig", 12),
        ("citizen_space.xlsx", None, "citizen_space", None, 12),
        ("smartsurvey.csv", None, "smartsurvey", "utf-8", 8),
        ("surveymonkey.csv", None, "surveymonkey", "utf-8", 8),
        ("surveymonkey.xlsx", None, "surveymonkey", None, 8),
        ("qualtrics.csv", None, "qualtrics", "utf-8-sig", 8),
        ("microsoft_forms.xlsx", None, "microsoft_forms", None, 6),
        ("google_forms.csv", None, "google_forms", "utf-8", 6),
        ("plain_utf16.csv", None, "plain", "utf-16", 6),
        ("plain_cp1252.csv", None, "plain", "cp1252", 4),
        ("plain_two_sheets.xlsx", "Responses", "plain", None, 5),
        ("gss_disability.csv", None, "plain", "utf-8", 10),
        ("gender_identity_reversed.csv", None, "plain", "utf-8", 6),
    ],
)
def test_recognises_layout_and_encoding(name, sheet, layout, encoding, respondents):
    survey = read_survey(FIXTURES / name, sheet)
    assert survey.file == name
    assert survey.layout == layout
    assert survey.encoding == encoding
    assert survey.respondents == respondents


def test_reads_every_answer_as_text_and_blanks_as_missing():
    survey = read_survey(FIXTURES / "plain_utf16.csv")
    religion = survey.frame["What is your religion?"]
    assert religion.tolist() == ["None", "NA", "Sikh", "Hinduism", "Judaism", "Buddhist"]
    assert pd.api.types.is_string_dtype(religion)
    assert survey.frame["Comments"].isna().sum() == 4
    assert survey.frame["Comments"].iloc[0] == "Café opening hours matter"


def test_windows_1252_keeps_pound_sign_curly_quotes_and_dashes():
    survey = read_survey(FIXTURES / "plain_cp1252.csv")
    comments = survey.frame["Any other comments?"].tolist()
    assert comments[0] == "\u201cGreat idea\u201d \u2013 costs £5"
    assert comments[1] == "I\u2019d pay £10 more"
    assert survey.frame["What is your age?"].iloc[0] == "18 \u2013 24"


def test_utf16_tab_separated_export_is_split_into_columns():
    survey = read_survey(FIXTURES / "plain_utf16.csv")
    assert list(survey.frame.columns) == ["What is your religion?", "Age", "Comments"]


@pytest.mark.parametrize("name", ["surveymonkey.csv", "surveymonkey.xlsx"])
def test_surveymonkey_option_columns_are_merged_into_one_question(name):
    survey = read_survey(FIXTURES / name)
    column = "What is your ethnic group? (tick all that apply)"
    assert survey.multi_options[column] == (
        "English, Welsh, Scottish, Northern Irish or British",
        "Irish",
        "Indian",
        "African",
        "Prefer not to say",
    )
    answers = survey.frame[column].tolist()
    assert answers[1] == "English, Welsh, Scottish, Northern Irish or British; Irish"
    assert answers[5] == "Polish"
    assert pd.isna(answers[7])
    assert list(survey.frame.columns)[:2] == ["Respondent ID", "Collector ID"]
    assert survey.question_columns == ("What is your sex?", "What is your age?", column)


def test_smartsurvey_spread_question_is_merged_and_headers_filled_forward():
    survey = read_survey(FIXTURES / "smartsurvey.csv")
    column = "How did you hear about this consultation?"
    assert survey.multi_options == {column: ("Newsletter", "Social media", "Word of mouth")}
    assert survey.frame[column].tolist()[:3] == [
        "Newsletter",
        "Social media; Word of mouth",
        "Word of mouth",
    ]
    assert survey.frame[column].isna().sum() == 3


def test_qualtrics_uses_question_text_row_and_drops_import_ids():
    survey = read_survey(FIXTURES / "qualtrics.csv")
    columns = list(survey.frame.columns)
    assert "What is your ethnic group? (Please select all that apply)" in columns
    assert "What is your ethnic group? - Other - Text" in columns
    assert "Response ID" in columns
    assert "Response ID" not in survey.question_columns
    assert not survey.frame.iloc[0].astype(str).str.contains("ImportId").any()


def test_microsoft_forms_drops_quiz_columns_and_lists_semicolon_options():
    survey = read_survey(FIXTURES / "microsoft_forms.xlsx")
    assert "Total points" not in survey.frame.columns
    assert "Points - What is your sex?" not in survey.frame.columns
    options = survey.multi_options["What is your ethnic group? Select all that apply."]
    assert options[:3] == ("Indian", "White and Black Caribbean", "Arab")
    assert len(options) == 7


def test_workbook_sheets_are_listed_and_chosen():
    path = FIXTURES / "plain_two_sheets.xlsx"
    assert list_sheets(path) == ["About", "Responses"]
    with pytest.raises(SurveyReadError, match="sheet 'About' has headers but no responses"):
        read_survey(path)
    assert read_survey(path, "Responses").frame.columns[0] == "Marital status"


def test_missing_sheet_error_lists_the_sheets():
    with pytest.raises(SurveyReadError) as caught:
        read_survey(FIXTURES / "plain_two_sheets.xlsx", "Answers")
    message = str(caught.value)
    assert message.startswith("plain_two_sheets.xlsx:")
    assert "'Answers'" in message
    assert "About, Responses" in message


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.csv", b"", "empty"),
        ("blank.csv", b"  \r\n\r\n", "empty"),
        ("garbage.csv", bytes(range(256)) * 4, "binary data"),
        ("fake.xlsx", b"PK\x03\x04 this is not really a workbook", "Excel workbook"),
        ("headers_only.csv", b"What is your sex?,What is your age?\r\n", "no responses"),
        ("ragged.csv", b"a,b\r\n1,2\r\n1,2,3,4\r\n", "same number of columns"),
    ],
)
def test_bad_input_raises_survey_read_error_naming_the_file(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SurveyReadError) as caught:
        read_survey(path)
    message = str(caught.value)
    assert message.startswith(f"{name}:")
    assert expected in message
    assert "\n" not in message
    assert isinstance(caught.value, EIAError)


def test_missing_file_raises_survey_read_error(tmp_path):
    with pytest.raises(SurveyReadError, match=r"^nowhere\.csv: file not found"):
        read_survey(tmp_path / "nowhere.csv")


def test_utf8_without_bom_and_with_bom_read_the_same(tmp_path):
    text = "What is your sex?,Comment\r\nFemale,Café\r\n"
    (tmp_path / "bom.csv").write_bytes(text.encode("utf-8-sig"))
    (tmp_path / "plain.csv").write_bytes(text.encode("utf-8"))
    with_bom = read_survey(tmp_path / "bom.csv")
    without = read_survey(tmp_path / "plain.csv")
    assert (with_bom.encoding, without.encoding) == ("utf-8-sig", "utf-8")
    assert with_bom.frame.equals(without.frame)
    assert list(with_bom.frame.columns) == ["What is your sex?", "Comment"]


def test_utf16_big_endian_and_semicolon_delimiter(tmp_path):
    text = "What is your sex?;Comment\nMale;a, b\n"
    (tmp_path / "be.csv").write_bytes(text.encode("utf-16"))
    survey = read_survey(tmp_path / "be.csv")
    assert survey.frame["Comment"].tolist() == ["a, b"]


def test_ragged_row_error_names_the_line(tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_bytes(b"a,b\r\n1,2\r\n1,2,3,4\r\n")
    with pytest.raises(SurveyReadError, match="line 3"):
        read_survey(path)


def test_large_utf8_file_is_read_straight_from_disk(tmp_path):
    rows = "".join(f"{n},Female,Caf\u00e9 {n}\n" for n in range(20_000))
    path = tmp_path / "large.csv"
    path.write_bytes(("Response ID,What is your sex?,Comment\n" + rows).encode("utf-8"))
    survey = read_survey(path)
    assert (survey.encoding, survey.layout, survey.respondents) == (
        "utf-8",
        "citizen_space",
        20_000,
    )
    assert survey.frame["Comment"].iloc[-1] == "Caf\u00e9 19999"
    assert survey.frame["Response ID"].iloc[7] == "7"


def test_large_file_with_windows_1252_late_in_the_file_falls_back(tmp_path):
    rows = "".join(f"{n},Male,ok\n" for n in range(20_000)) + "20000,Female,\u00a35 fee\n"
    path = tmp_path / "late.csv"
    path.write_bytes(("ID,What is your sex?,Comment\n" + rows).encode("cp1252"))
    survey = read_survey(path)
    assert survey.encoding == "cp1252"
    assert survey.frame["Comment"].iloc[-1] == "\u00a35 fee"
    assert survey.respondents == 20_001


def test_sheet_names_match_ignoring_case():
    survey = read_survey(FIXTURES / "plain_two_sheets.xlsx", " responses ")
    assert survey.sheet == "Responses"


def test_empty_sheet_raises_survey_read_error(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "Blank"
    workbook.save(tmp_path / "blank.xlsx")
    with pytest.raises(SurveyReadError, match=r"^blank\.xlsx: no rows found"):
        read_survey(tmp_path / "blank.xlsx")
