import pytest

from eia_app.analysis.survey import (
    SurveyReadError,
    read_survey,
    recognise_questions,
)
from eia_app.analysis.survey.by_characteristic import SELF_IDENTIFIED_NOTE
from tests.survey.engine import tally_survey

from .conftest import FIXTURES, category_counts, detail_counts

CITIZEN_SPACE_RACE = {"white": 5, "mixed": 1, "asian": 2, "black": 1, "other_ethnic_group": 1}


@pytest.mark.parametrize("name", ["citizen_space.csv", "citizen_space.xlsx"])
def test_citizen_space_counts(tallies_of, name):
    tallies = tallies_of(name)
    assert set(tallies) == {"age", "race", "religion_belief", "sex", "sexual_orientation"}
    sex = tallies["sex"]
    assert category_counts(sex) == {"female": 6, "male": 3}
    assert (sex.prefer_not_to_say, sex.not_answered, sex.respondents) == (2, 1, 12)
    assert sex.question == "What is your sex?"
    age = tallies["age"]
    assert category_counts(age) == {
        "0-17": 2,
        "18-24": 2,
        "25-34": 2,
        "35-44": 2,
        "45-54": 1,
        "65-74": 1,
        "75+": 1,
    }
    assert [c.label for c in age.categories][:2] == ["Under 18", "18 to 24"]
    assert age.not_answered == 1
    race = tallies["race"]
    assert category_counts(race) == CITIZEN_SPACE_RACE
    assert detail_counts(race) == {
        "white_british": 1,
        "white_irish": 1,
        "white_gypsy_or_irish_traveller": 1,
        "white_roma": 1,
        "white_other": 1,
        "mixed_white_asian": 1,
        "asian_indian": 1,
        "asian_chinese": 1,
        "black_african": 1,
        "other_arab": 1,
    }
    assert len(race.detail) == 19
    assert {c.parent for c in race.detail} == set(CITIZEN_SPACE_RACE)
    assert (race.prefer_not_to_say, race.not_answered, race.unrecognised) == (1, 0, {"Martian": 1})
    religion = tallies["religion_belief"]
    assert category_counts(religion) == {
        "no_religion": 4,
        "christian": 3,
        "buddhist": 0,
        "hindu": 0,
        "jewish": 0,
        "muslim": 1,
        "sikh": 0,
        "other_religion": 2,
    }
    assert (religion.prefer_not_to_say, religion.unrecognised) == (1, {"Jedi": 1})
    orientation = tallies["sexual_orientation"]
    assert category_counts(orientation) == {
        "heterosexual": 3,
        "gay_or_lesbian": 3,
        "bisexual": 1,
        "other_sexual_orientation": 3,
    }
    assert (orientation.prefer_not_to_say, orientation.not_answered) == (1, 1)


def test_smartsurvey_counts_with_placeholder_blanks_and_sq_apostrophe(tallies_of):
    tallies = tallies_of("smartsurvey.csv")
    marriage = tallies["marriage_civil_partnership"]
    assert category_counts(marriage) == {
        "never_married_or_civil_partnered": 1,
        "married_or_civil_partnership": 2,
        "separated": 1,
        "divorced_or_dissolved": 1,
        "widowed_or_surviving_partner": 1,
    }
    assert marriage.unrecognised == {"Cohabiting": 1}
    assert marriage.not_answered == 1  # "Don@SQ@t Know"
    assert any("don't know" in note for note in marriage.notes)
    carers = tallies["carers"]
    assert category_counts(carers) == {"carer": 2, "not_carer": 3}
    assert (carers.prefer_not_to_say, carers.not_answered) == (1, 2)


@pytest.mark.parametrize("name", ["surveymonkey.csv", "surveymonkey.xlsx"])
def test_surveymonkey_counts_multi_choice_options_once_per_group(tallies_of, name):
    tallies = tallies_of(name)
    race = tallies["race"]
    assert category_counts(race) == {
        "white": 3,
        "mixed": 0,
        "asian": 1,
        "black": 1,
        "other_ethnic_group": 0,
    }
    assert detail_counts(race) == {
        "white_british": 2,
        "white_irish": 1,
        "white_other": 1,
        "asian_indian": 1,
        "black_african": 1,
    }
    assert (race.prefer_not_to_say, race.not_answered) == (1, 1)
    assert race.unrecognised == {"Cornish": 1}
    assert race.notes == ()
    assert category_counts(tallies["sex"]) == {"female": 4, "male": 3}
    assert category_counts(tallies["age"]) == {
        "18-24": 1,
        "25-34": 2,
        "35-44": 2,
        "45-54": 1,
        "55-64": 1,
        "65+": 1,
    }


def test_qualtrics_counts_raw_ages_in_five_year_bands_and_comma_multi_select(tallies_of):
    tallies = tallies_of("qualtrics.csv")
    sex = tallies["sex"]
    assert category_counts(sex) == {"female": 4, "male": 3}
    assert sex.not_answered == 1  # -99
    age = tallies["age"]
    assert category_counts(age) == {
        "15-19": 1,
        "20-24": 1,
        "25-29": 1,
        "30-34": 1,
        "35-39": 0,
        "40-44": 1,
        "45-49": 0,
        "50-54": 1,
        "55-59": 0,
        "60-64": 0,
        "65-69": 1,
    }
    assert age.not_answered == 1
    race = tallies["race"]
    assert category_counts(race) == {
        "white": 2,
        "mixed": 0,
        "asian": 1,
        "black": 2,
        "other_ethnic_group": 1,
    }
    assert detail_counts(race) == {
        "white_british": 2,
        "asian_indian": 1,
        "black_caribbean": 2,
        "other_arab": 1,
    }
    assert (race.prefer_not_to_say, race.not_answered, race.unrecognised) == (1, 1, {"Other": 1})
    assert race.notes == ("respondents who chose more than one category are counted in each (1)",)
    assert race.question == "What is your ethnic group? (Please select all that apply)"


def test_microsoft_forms_counts_semicolon_multi_select(tallies_of):
    tallies = tallies_of("microsoft_forms.xlsx")
    race = tallies["race"]
    assert category_counts(race) == {
        "white": 1,
        "mixed": 1,
        "asian": 1,
        "black": 1,
        "other_ethnic_group": 1,
    }
    assert detail_counts(race) == {
        "white_british": 1,
        "white_roma": 1,
        "mixed_white_black_caribbean": 1,
        "asian_indian": 1,
        "black_other": 1,
        "other_arab": 1,
    }
    assert (race.prefer_not_to_say, race.not_answered, race.unrecognised) == (1, 1, {})
    assert category_counts(tallies["carers"]) == {"carer": 2, "not_carer": 3}
    assert category_counts(tallies["sex"]) == {"female": 3, "male": 2}


def test_google_forms_splits_comma_joined_ethnicity_by_known_labels(tallies_of):
    tallies = tallies_of("google_forms.csv")
    race = tallies["race"]
    assert category_counts(race) == {
        "white": 2,
        "mixed": 1,
        "asian": 1,
        "black": 1,
        "other_ethnic_group": 1,
    }
    assert detail_counts(race) == {
        "white_british": 2,
        "white_irish": 1,
        "mixed_white_black_african": 1,
        "asian_pakistani": 1,
        "asian_other": 1,
        "black_caribbean": 1,
        "black_african": 1,
        "other_any": 1,
    }
    assert race.unrecognised == {}
    forces = tallies["armed_forces"]
    assert category_counts(forces) == {
        "armed_forces_community": 2,
        "not_armed_forces_community": 3,
    }
    assert forces.not_answered == 1
    sex = tallies["sex"]
    assert category_counts(sex) == {"female": 3, "male": 2}
    assert sex.notes == ("the question asked about gender; answers counted as sex",)


def test_plain_utf16_keeps_none_as_no_religion_and_na_as_not_answered(tallies_of):
    tallies = tallies_of("plain_utf16.csv")
    religion = tallies["religion_belief"]
    assert category_counts(religion) == {
        "no_religion": 1,
        "christian": 0,
        "buddhist": 1,
        "hindu": 1,
        "jewish": 1,
        "muslim": 0,
        "sikh": 1,
        "other_religion": 0,
    }
    assert religion.not_answered == 1
    age = tallies["age"]
    assert category_counts(age) == {"16-24": 2, "25-44": 1, "45-64": 1, "65+": 1}
    assert age.prefer_not_to_say == 1


def test_plain_cp1252_counts_en_dash_bands(tallies_of):
    tallies = tallies_of("plain_cp1252.csv")
    assert category_counts(tallies["sex"]) == {"female": 2, "male": 2}
    assert category_counts(tallies["age"]) == {"18-24": 2, "25-34": 1, "75+": 1}


def test_second_sheet_counts_and_self_identified_disability_note(tallies_of):
    tallies = tallies_of("plain_two_sheets.xlsx", "Responses")
    disability = tallies["disability"]
    assert category_counts(disability) == {"disabled": 2, "not_disabled": 2}
    assert disability.not_answered == 1
    assert disability.notes == (SELF_IDENTIFIED_NOTE,)
    pregnancy = tallies["pregnancy_maternity"]
    assert category_counts(pregnancy) == {
        "pregnant_or_recent_birth": 1,
        "not_pregnant_or_recent_birth": 3,
    }
    assert pregnancy.prefer_not_to_say == 1
    assert category_counts(tallies["marriage_civil_partnership"]) == {
        "never_married_or_civil_partnered": 1,
        "married_or_civil_partnership": 2,
        "separated": 0,
        "divorced_or_dissolved": 1,
        "widowed_or_surviving_partner": 1,
    }


def test_two_part_gss_disability_is_derived_from_both_questions(tallies_of):
    disability = tallies_of("gss_disability.csv")["disability"]
    assert category_counts(disability) == {"disabled": 2, "not_disabled": 3}
    assert disability.prefer_not_to_say == 2
    assert disability.not_answered == 2  # "Yes" with activity blank, and both blank
    assert disability.unrecognised == {"Sometimes": 1}
    assert disability.question == (
        "Do you have any physical or mental health conditions or illnesses lasting or "
        "expected to last 12 months or more? + Do any of your conditions or illnesses reduce "
        "your ability to carry out day-to-day activities?"
    )
    assert disability.respondents == 10


def test_reversed_gender_identity_question_swaps_yes_and_no(tallies_of):
    tallies = tallies_of("gender_identity_reversed.csv")
    identity = tallies["gender_reassignment"]
    assert category_counts(identity) == {"same_as_birth_sex": 3, "different_from_birth_sex": 2}
    assert identity.prefer_not_to_say == 1
    assert category_counts(tallies["age"]) == {
        "0-17": 1,
        "25-34": 1,
        "35-44": 2,
        "45-54": 1,
        "55-64": 1,
    }


def test_assignments_place_unrecognised_answers():
    survey = read_survey(FIXTURES / "surveymonkey.csv")
    matches = recognise_questions(survey)
    tallies = tally_survey(survey, matches, {"race": {"Cornish": "white_british"}})
    race = tallies["race"]
    assert race.unrecognised == {}
    assert category_counts(race)["white"] == 4
    assert detail_counts(race)["white_british"] == 3


def test_assignment_to_unknown_category_is_refused():
    survey = read_survey(FIXTURES / "citizen_space.csv")
    matches = recognise_questions(survey)
    with pytest.raises(SurveyReadError, match="'klingon' is not a category"):
        tally_survey(survey, matches, {"race": {"Martian": "klingon"}})


def test_free_text_religion_can_be_assigned():
    survey = read_survey(FIXTURES / "citizen_space.csv")
    matches = recognise_questions(survey)
    tallies = tally_survey(survey, matches, {"religion_belief": {"Jedi": "other_religion"}})
    assert category_counts(tallies["religion_belief"])["other_religion"] == 3
    assert tallies["religion_belief"].unrecognised == {}


def test_age_assignment_places_answer_in_a_band(tmp_path):
    path = tmp_path / "ages.csv"
    path.write_text("What is your age?\n18-24\nTwenty\n25-34\nOld enough\n", encoding="utf-8")
    survey = read_survey(path)
    matches = recognise_questions(survey)
    plain = tally_survey(survey, matches)["age"]
    assert plain.unrecognised == {"Twenty": 1, "Old enough": 1}
    assigned = tally_survey(
        survey, matches, {"age": {"Twenty": "18-24", "Old enough": "prefer_not_to_say"}}
    )["age"]
    assert category_counts(assigned) == {"18-24": 2, "25-34": 1}
    assert (assigned.prefer_not_to_say, assigned.unrecognised) == (1, {})


def test_raw_ages_can_be_put_into_given_bands():
    survey = read_survey(FIXTURES / "qualtrics.csv")
    matches = recognise_questions(survey)
    bands = [(0, 17), (18, 24), (25, 44), (45, 64), (65, 74), (75, None)]
    age = tally_survey(survey, matches, age_bands=bands)["age"]
    assert category_counts(age) == {
        "0-17": 1,
        "18-24": 1,
        "25-44": 3,
        "45-64": 1,
        "65-74": 1,
        "75+": 0,
    }
    assert [c.label for c in age.categories][-1] == "75 and over"
    assert age.not_answered == 1


def test_a_second_column_for_the_same_characteristic_is_noted(tmp_path):
    path = tmp_path / "twice.csv"
    path.write_text(
        "What is your sex?,What is your gender?\nFemale,Woman\nMale,Man\n", encoding="utf-8"
    )
    survey = read_survey(path)
    sex = tally_survey(survey, recognise_questions(survey))["sex"]
    assert sex.question == "What is your sex?"
    assert category_counts(sex) == {"female": 1, "male": 1}
    assert sex.notes == (
        "'What is your gender?' also looked like this question and was not counted; map it to "
        "'none' or to the right question to silence this note",
    )


def test_two_part_disability_answers_can_be_assigned():
    survey = read_survey(FIXTURES / "gss_disability.csv")
    matches = recognise_questions(survey)
    disability = tally_survey(survey, matches, {"disability": {"sometimes": "disabled"}})[
        "disability"
    ]
    assert category_counts(disability) == {"disabled": 3, "not_disabled": 3}
    assert disability.unrecognised == {}
