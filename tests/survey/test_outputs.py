from collections import Counter

import pandas as pd
import pytest

from eia_app.analysis.survey import (
    SurveyReadError,
    opinion_columns,
    read_survey,
    recognise_questions,
    split_survey,
)
from eia_app.analysis.survey.normalise import Question, lookup
from tests.survey.engine import opinion_crosstab_counts, tally_survey

from .conftest import FIXTURES

OPINION = "To what extent do you agree with the proposal?"
AGREE_SCALE = [
    "Strongly agree",
    "Agree",
    "Neither agree nor disagree",
    "Disagree",
    "Strongly disagree",
    "Don't know",
]


@pytest.fixture
def citizen_space():
    survey = read_survey(FIXTURES / "citizen_space.csv")
    return survey, recognise_questions(survey)


def match_for(matches, target):
    return next(match for match in matches if match.target == target)


def test_opinion_columns_lists_opinion_questions(citizen_space):
    _, matches = citizen_space
    assert opinion_columns(matches) == [OPINION]


def test_crosstab_counts_by_sex_in_scale_order(citizen_space):
    survey, matches = citizen_space
    table = opinion_crosstab_counts(survey, OPINION, match_for(matches, "sex"))
    assert list(table.columns) == AGREE_SCALE
    assert table.index.tolist() == ["female", "male"]
    assert table.loc["female"].tolist() == [2, 2, 1, 1, 0, 0]
    assert table.loc["male"].tolist() == [0, 0, 0, 1, 1, 0]


def test_crosstab_by_race_groups_and_detail(citizen_space):
    survey, matches = citizen_space
    race = match_for(matches, "race")
    groups = opinion_crosstab_counts(survey, OPINION, race)
    assert groups.index.tolist() == ["white", "mixed", "asian", "black", "other_ethnic_group"]
    assert groups.sum(axis=1).tolist() == [5, 1, 2, 1, 1]
    detail = opinion_crosstab_counts(survey, OPINION, race, detail=True)
    assert len(detail) == 19
    assert detail.loc["white_roma", "Agree"] == 1
    assert int(detail.to_numpy().sum()) == 10


def test_crosstab_with_two_part_disability(tmp_path):
    path = tmp_path / "gss.csv"
    path.write_text(
        "Do you have any physical or mental health conditions or illnesses lasting or expected "
        "to last 12 months or more?,Do any of your conditions or illnesses reduce your ability "
        "to carry out day-to-day activities?,Do you support the plan?\n"
        'Yes,"Yes, a lot",Support\nNo,,Oppose\nNo,,Support\nYes,Not at all,Strongly oppose\n',
        encoding="utf-8",
    )
    survey = read_survey(path)
    matches = recognise_questions(survey)
    parts = [m for m in matches if m.target == "disability"]
    table = opinion_crosstab_counts(survey, "Do you support the plan?", parts)
    assert table.loc["disabled"].tolist() == [0, 1, 0, 0, 0]
    assert table.loc["not_disabled"].tolist() == [0, 1, 0, 1, 1]


def test_crosstab_rejects_an_unknown_column(citizen_space):
    survey, matches = citizen_space
    with pytest.raises(SurveyReadError, match="no column called 'Nope'"):
        opinion_crosstab_counts(survey, "Nope", match_for(matches, "sex"))


def test_respondent_type_answers_are_coded_by_their_words(citizen_space):
    survey, matches = citizen_space
    column = next(m.column for m in matches if m.target == "respondent_type")
    question = Question("respondent_type")
    codes = [lookup(str(answer), question) for answer in survey.frame[column]]
    assert Counter(codes) == {
        "parent_carer": 5,
        "professional": 3,
        "young_person": 2,
        "organisation": 1,
        "other": 1,
    }
    assert lookup("Something else entirely", question) is None
    assert lookup("A teacher", question) == "professional"


def test_no_respondent_type_without_such_a_question():
    survey = read_survey(FIXTURES / "gss_disability.csv")
    assert all(m.target != "respondent_type" for m in recognise_questions(survey))


def test_split_survey_by_a_column(citizen_space):
    survey, matches = citizen_space
    parts = split_survey(survey, "Are you responding as:")
    assert {name: part.respondents for name, part in parts.items()} == {
        "Parent or carer": 5,
        "A young person": 2,
        "Professional": 3,
        "On behalf of an organisation": 1,
        "Member of the public": 1,
    }
    parents = tally_survey(parts["Parent or carer"], matches)
    assert {c.id: c.count for c in parents["sex"].categories} == {"female": 3, "male": 1}
    assert parents["sex"].respondents == 5


def test_split_survey_keeps_blank_rows_as_their_own_group():
    survey = read_survey(FIXTURES / "gss_disability.csv")
    column = survey.frame.columns[2]
    parts = split_survey(survey, column)
    assert parts["(no answer)"].respondents == 5
    assert sum(part.respondents for part in parts.values()) == 10


def test_split_survey_rejects_an_unknown_column(citizen_space):
    survey, _ = citizen_space
    with pytest.raises(SurveyReadError, match=r"^citizen_space\.csv: no column called 'Ward'"):
        split_survey(survey, "Ward")


def test_counts_are_cached_and_shared(citizen_space):
    survey, _ = citizen_space
    first = survey.counts("What is your sex?")
    assert survey.counts("What is your sex?") is first
    assert isinstance(first, pd.Series)


def test_matches_from_another_file_are_refused(citizen_space):
    _, matches = citizen_space
    other = read_survey(FIXTURES / "gss_disability.csv")
    with pytest.raises(SurveyReadError, match=r"^gss_disability\.csv: no column called"):
        tally_survey(other, matches)
    with pytest.raises(SurveyReadError, match="no column called 'What is your sex\\?'"):
        opinion_crosstab_counts(other, other.frame.columns[1], match_for(matches, "sex"))
