import pytest

from eia_app.analysis.survey import (
    QuestionMatch,
    SurveyReadError,
    mapping_from_json,
    mapping_to_json,
    read_survey,
    recognise_questions,
)
from tests.survey.engine import tally_survey

from .conftest import FIXTURES


def targets(matches: list[QuestionMatch]) -> dict[str, str]:
    return {match.column: match.target for match in matches}


def test_recognises_citizen_space_questions_from_headers_and_answers():
    matches = recognise_questions(read_survey(FIXTURES / "citizen_space.csv"))
    assert targets(matches) == {
        "Are you responding as:": "respondent_type",
        "What is your sex?": "sex",
        "What is your age?": "age",
        "What is your ethnic group?": "race",
        "What is your religion or belief?": "religion_belief",
        "Which of the following best describes your sexual orientation?": "sexual_orientation",
        "To what extent do you agree with the proposal?": "opinion",
    }
    assert all(0.5 <= match.confidence <= 1 for match in matches)
    assert all(match.reason for match in matches)


def test_recognises_the_two_gss_disability_parts():
    matches = recognise_questions(read_survey(FIXTURES / "gss_disability.csv"))
    assert [(m.target, m.part) for m in matches] == [
        ("disability", "condition"),
        ("disability", "activity"),
    ]


def test_self_identified_disability_question_is_part_self():
    survey = read_survey(FIXTURES / "plain_two_sheets.xlsx", "Responses")
    disability = [m for m in recognise_questions(survey) if m.target == "disability"]
    assert [(m.part, m.reversed) for m in disability] == [("self", False)]


def test_reversed_gender_identity_and_false_positives_are_handled():
    matches = recognise_questions(read_survey(FIXTURES / "gender_identity_reversed.csv"))
    assert targets(matches) == {
        "In what capacity are you responding?": "respondent_type",
        "Is your gender identity different to the sex you were assumed to be at birth?": (
            "gender_reassignment"
        ),
        "Do you agree with principle 3?": "opinion",
        "What is your age?": "age",
    }
    identity = matches[1]
    assert identity.reversed is True
    assert "What age group do you work with?" not in targets(matches)


def test_census_wording_of_gender_identity_is_not_reversed(tmp_path):
    path = tmp_path / "identity.csv"
    path.write_text(
        "Is the gender you identify with the same as your sex registered at birth?,"
        "What is your sex?\n"
        "Yes,Female\nNo,Male\nYes,Male\n",
        encoding="utf-8",
    )
    survey = read_survey(path)
    matches = recognise_questions(survey)
    assert [(m.target, m.reversed) for m in matches] == [
        ("gender_reassignment", False),
        ("sex", False),
    ]
    counts = {
        c.id: c.count for c in tally_survey(survey, matches)["gender_reassignment"].categories
    }
    assert counts == {"same_as_birth_sex": 2, "different_from_birth_sex": 1}


def test_write_in_columns_are_not_matched():
    matches = recognise_questions(read_survey(FIXTURES / "qualtrics.csv"))
    assert "What is your ethnic group? - Other - Text" not in targets(matches)
    assert targets(matches)["How far do you support the plan?"] == "opinion"


def test_answers_alone_identify_an_ethnicity_column_with_a_vague_header(tmp_path):
    path = tmp_path / "vague.csv"
    path.write_text(
        "Q7,Q8\nWhite British,12\nIndian,3\nBlack African,7\nArab,1\n", encoding="utf-8"
    )
    matches = recognise_questions(read_survey(path))
    assert targets(matches) == {"Q7": "race"}
    assert matches[0].confidence == pytest.approx(0.7)


def test_overrides_win_with_full_confidence():
    survey = read_survey(FIXTURES / "gender_identity_reversed.csv")
    matches = recognise_questions(
        survey,
        {
            "What is your age?": "none",
            "What age group do you work with?": "age",
            "Do you agree with principle 3?": "none",
        },
    )
    by_column = {match.column: match for match in matches}
    assert by_column["What is your age?"].target == "none"
    assert by_column["What age group do you work with?"].target == "age"
    assert by_column["What age group do you work with?"].confidence == 1.0
    tallies = tally_survey(survey, matches)
    assert {c.id: c.count for c in tallies["age"].categories} == {"0-4": 2, "5-11": 2, "12-17": 2}


def test_override_with_part_suffix(tmp_path):
    path = tmp_path / "parts.csv"
    path.write_text(
        "Health Q1,Health Q2\nYes,Yes, a lot\nNo,\n".replace("Yes, a lot", '"Yes, a lot"')
    )
    survey = read_survey(path)
    matches = recognise_questions(
        survey, {"Health Q1": "disability:condition", "Health Q2": "disability:activity"}
    )
    assert [(m.part, m.confidence) for m in matches] == [("condition", 1.0), ("activity", 1.0)]
    disability = tally_survey(survey, matches)["disability"]
    assert {c.id: c.count for c in disability.categories} == {"disabled": 1, "not_disabled": 1}


@pytest.mark.parametrize(
    ("value", "message"),
    [("ethnicity", "'ethnicity' is not a known target"), ("race:activity", "not a part of")],
)
def test_bad_override_is_refused_with_a_clear_message(value, message):
    survey = read_survey(FIXTURES / "citizen_space.csv")
    with pytest.raises(SurveyReadError, match=message):
        recognise_questions(survey, {"What is your ethnic group?": value})


def test_mapping_round_trips_through_json():
    survey = read_survey(FIXTURES / "gender_identity_reversed.csv")
    matches = recognise_questions(survey)
    overrides = mapping_from_json(mapping_to_json(matches))
    assert overrides == {
        "In what capacity are you responding?": "respondent_type",
        "Is your gender identity different to the sex you were assumed to be at birth?": (
            "gender_reassignment:reversed"
        ),
        "Do you agree with principle 3?": "opinion",
        "What is your age?": "age",
    }
    again = recognise_questions(survey, overrides)
    assert [(m.column, m.target, m.part, m.reversed) for m in again] == [
        (m.column, m.target, m.part, m.reversed) for m in matches
    ]
    assert {m.confidence for m in again} == {1.0}


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", '{"columns": {"a": 3}}'])
def test_bad_mapping_json_is_refused(text):
    with pytest.raises(SurveyReadError, match="column mapping"):
        mapping_from_json(text)


def test_likert_answers_alone_make_an_opinion_question(tmp_path):
    path = tmp_path / "likert.csv"
    path.write_text(
        "Principle 3,Comments\nStrongly agree,x\nAgree,y\nDisagree,\n"
        "Neither agree nor disagree,z\n",
        encoding="utf-8",
    )
    matches = recognise_questions(read_survey(path))
    assert [(m.column, m.target, m.confidence) for m in matches] == [
        ("Principle 3", "opinion", 0.7)
    ]


@pytest.mark.parametrize(
    ("header", "reversed_"),
    [
        ("Is the gender you identify with the same as your sex registered at birth?", False),
        ("Is your gender identity the same as the sex you were assigned at birth?", False),
        ("Is your gender identity different from the sex you were assigned at birth?", True),
        ("Is your gender identity different to the sex you were assumed to be at birth?", True),
        ("Do you identify as trans?", True),
    ],
)
def test_gender_identity_polarity_comes_from_the_header(tmp_path, header, reversed_):
    path = tmp_path / "identity.csv"
    path.write_text(f'"{header}"\nYes\nNo\nNo\n', encoding="utf-8")
    survey = read_survey(path)
    matches = recognise_questions(survey)
    assert [(m.target, m.reversed) for m in matches] == [("gender_reassignment", reversed_)]
    counts = {
        c.id: c.count for c in tally_survey(survey, matches)["gender_reassignment"].categories
    }
    expected_yes = "different_from_birth_sex" if reversed_ else "same_as_birth_sex"
    assert counts[expected_yes] == 1
