import pytest

from eia_app.analysis.survey.age import age_bands, band_id, parse_band
from eia_app.analysis.survey.normalise import AnswerMapper, Question, lookup
from eia_app.analysis.survey.text import fold, key_of

RACE = [
    ("White - English/Welsh/Scottish/Northern Irish/British", "white_british"),
    ("English, Welsh, Scottish, Northern Irish or British", "white_british"),
    ("White \u2013 English / Welsh / Scottish / Northern Irish / British", "white_british"),
    ("White - English, Scottish, Welsh, Northern Irish or British", "white_british"),
    ("White British", "white_british"),
    ("White -British", "white_british"),
    ("British", "white_british"),
    ("White: Irish", "white_irish"),
    ("White Irish", "white_irish"),
    ("Irish", "white_irish"),
    ("Gypsy or Irish Traveller", "white_gypsy_or_irish_traveller"),
    ("Gypsy, Traveller or Irish Traveller", "white_gypsy_or_irish_traveller"),
    ("White - Gypsy or Irish Traveller", "white_gypsy_or_irish_traveller"),
    ("Roma", "white_roma"),
    ("White - Roma", "white_roma"),
    ("Any other White background (please specify)", "white_other"),
    ("Any other white background (please say)", "white_other"),
    ("White - Any other White background", "white_other"),
    ("Other White", "white_other"),
    ("Mixed/multiple ethnic groups - White and Asian", "mixed_white_asian"),
    ("Mixed - White and Black Caribbean", "mixed_white_black_caribbean"),
    ("Mixed \u2013 White and Black African", "mixed_white_black_african"),
    ("Mixed (White and Asian)", "mixed_white_asian"),
    ("Any other Mixed or Multiple ethnic background", "mixed_other"),
    ("Any other mixed/multiple ethnic background", "mixed_other"),
    ("Mixed - Any mixed background", "mixed_other"),
    ("Other Mixed", "mixed_other"),
    ("Asian or Asian British: Indian", "asian_indian"),
    ("Asian or Asian British \u2013 Indian", "asian_indian"),
    ("Indian or British Indian", "asian_indian"),
    ("Pakistani", "asian_pakistani"),
    ("Asian, Asian British or Asian Welsh: Bangladeshi", "asian_bangladeshi"),
    ("Chinese", "asian_chinese"),
    ("Other Ethnic Groups - Chinese", "asian_chinese"),
    ("Any other Asian background", "asian_other"),
    ("Any other Asian/Asian British background", "asian_other"),
    ("Black/ African/ Caribbean/ Black British - African", "black_african"),
    ("Black or Black British - African", "black_african"),
    ("Black African", "black_african"),
    ("Black or Black British \u2013 Caribbean", "black_caribbean"),
    ("Caribbean", "black_caribbean"),
    ("Any other Black, Black British, or Caribbean background", "black_other"),
    ("Any other Black/African/Caribbean background", "black_other"),
    ("Other Black", "black_other"),
    ("Arab", "other_arab"),
    ("Other ethnic group: Arab", "other_arab"),
    ("Any other ethnic group", "other_any"),
    ("Other Ethnic Groups - Any other ethnic group", "other_any"),
    ("White", "white"),
    ("Asian or Asian British", "asian"),
    ("Black or Black British", "black"),
]

OTHERS = [
    ("sex", "Female", "female"),
    ("sex", "Woman", "female"),
    ("sex", "F", "female"),
    ("sex", " female ", "female"),
    ("sex", "Male", "male"),
    ("sex", "Man", "male"),
    ("sex", "M", "male"),
    ("sexual_orientation", "Straight/Heterosexual", "heterosexual"),
    ("sexual_orientation", "Heterosexual/Straight", "heterosexual"),
    ("sexual_orientation", "Straight or heterosexual", "heterosexual"),
    ("sexual_orientation", "Straight", "heterosexual"),
    ("sexual_orientation", "Gay or Lesbian", "gay_or_lesbian"),
    ("sexual_orientation", "Gay man", "gay_or_lesbian"),
    ("sexual_orientation", "Lesbian / gay woman", "gay_or_lesbian"),
    ("sexual_orientation", "Gay woman/lesbian", "gay_or_lesbian"),
    ("sexual_orientation", "Bisexual", "bisexual"),
    ("sexual_orientation", "Bi", "bisexual"),
    ("sexual_orientation", "Pansexual", "other_sexual_orientation"),
    ("sexual_orientation", "Asexual", "other_sexual_orientation"),
    ("sexual_orientation", "Queer", "other_sexual_orientation"),
    ("sexual_orientation", "Other sexual orientation (please specify)", "other_sexual_orientation"),
    ("religion_belief", "Christianity", "christian"),
    ("religion_belief", "Christianity (all denominations)", "christian"),
    ("religion_belief", "Muslim (Islam)", "muslim"),
    ("religion_belief", "Church of England", "christian"),
    ("religion_belief", "Catholic", "christian"),
    ("religion_belief", "Roman Catholic", "christian"),
    ("religion_belief", "Islam", "muslim"),
    ("religion_belief", "Muslim", "muslim"),
    ("religion_belief", "Judaism", "jewish"),
    ("religion_belief", "Sikhism", "sikh"),
    ("religion_belief", "Hinduism", "hindu"),
    ("religion_belief", "Buddhism", "buddhist"),
    ("religion_belief", "Atheist", "no_religion"),
    ("religion_belief", "Agnostic", "no_religion"),
    ("religion_belief", "Humanist", "no_religion"),
    ("religion_belief", "None", "no_religion"),
    ("religion_belief", "Pagan", "other_religion"),
    ("religion_belief", "Jain", "other_religion"),
    ("religion_belief", "Baha'i", "other_religion"),
    ("religion_belief", "Baha\u2019i", "other_religion"),
    ("religion_belief", "Any other religion (please specify)", "other_religion"),
    ("marriage_civil_partnership", "Single", "never_married_or_civil_partnered"),
    ("marriage_civil_partnership", "Never married", "never_married_or_civil_partnered"),
    ("marriage_civil_partnership", "Married", "married_or_civil_partnership"),
    (
        "marriage_civil_partnership",
        "In a registered civil partnership",
        "married_or_civil_partnership",
    ),
    ("marriage_civil_partnership", "Separated but still legally married", "separated"),
    ("marriage_civil_partnership", "Divorced", "divorced_or_dissolved"),
    ("marriage_civil_partnership", "Dissolved", "divorced_or_dissolved"),
    ("marriage_civil_partnership", "Widowed", "widowed_or_surviving_partner"),
    ("marriage_civil_partnership", "Surviving partner", "widowed_or_surviving_partner"),
    (
        "marriage_civil_partnership",
        "Never married and never registered a civil partnership",
        "never_married_or_civil_partnered",
    ),
    (
        "marriage_civil_partnership",
        "Separated, but still legally in a civil partnership",
        "separated",
    ),
    (
        "marriage_civil_partnership",
        "Formerly in a civil partnership which is now legally dissolved",
        "divorced_or_dissolved",
    ),
    (
        "marriage_civil_partnership",
        "Surviving partner from a registered civil partnership",
        "widowed_or_surviving_partner",
    ),
    (
        "marriage_civil_partnership",
        "Widowed or surviving partner from a civil partnership",
        "widowed_or_surviving_partner",
    ),
    ("pregnancy_maternity", "Yes", "pregnant_or_recent_birth"),
    ("pregnancy_maternity", "No", "not_pregnant_or_recent_birth"),
    ("carers", "Yes, 20 or more hours a week", "carer"),
    ("carers", "No", "not_carer"),
    ("armed_forces", "Yes - I am a veteran", "armed_forces_community"),
    ("armed_forces", "No", "not_armed_forces_community"),
    ("gender_reassignment", "Yes", "same_as_birth_sex"),
    ("gender_reassignment", "No", "different_from_birth_sex"),
    ("gender_reassignment", "Trans man", "different_from_birth_sex"),
    ("gender_reassignment", "Non-binary", "different_from_birth_sex"),
    ("respondent_type", "Parent or carer", "parent_carer"),
    ("respondent_type", "As a parent/carer of a child with SEND", "parent_carer"),
    ("respondent_type", "A young person", "young_person"),
    ("respondent_type", "Young carer", "young_person"),
    ("respondent_type", "Professional working with children", "professional"),
    ("respondent_type", "On behalf of an organisation", "organisation"),
    ("respondent_type", "Local resident", "other"),
]

NON_RESPONSES = [
    ("Prefer not to say", "prefer_not_to_say"),
    ("I'd rather not say", "prefer_not_to_say"),
    ("I\u2019d rather not say", "prefer_not_to_say"),
    ("Rather not say", "prefer_not_to_say"),
    ("Don't wish to answer", "prefer_not_to_say"),
    ("Not stated", "prefer_not_to_say"),
    ("PREFER NOT TO SAY", "prefer_not_to_say"),
    ("Don@SQ@t Know", "dont_know"),
    ("", "not_answered"),
    ("   ", "not_answered"),
    ("-", "not_answered"),
    (".", "not_answered"),
    ("N/A", "not_answered"),
    ("-99", "not_answered"),
]


@pytest.mark.parametrize(("raw", "expected"), RACE, ids=[raw for raw, _ in RACE])
def test_ethnic_group_labels(raw, expected):
    assert lookup(raw, Question("race")) == expected


@pytest.mark.parametrize(
    ("target", "raw", "expected"), OTHERS, ids=[f"{t}-{raw}" for t, raw, _ in OTHERS]
)
def test_characteristic_labels(target, raw, expected):
    assert lookup(raw, Question(target)) == expected


@pytest.mark.parametrize(
    ("raw", "expected"), NON_RESPONSES, ids=[r or "blank" for r, _ in NON_RESPONSES]
)
@pytest.mark.parametrize("target", ["sex", "race", "religion_belief", "carers"])
def test_non_responses_are_kept_distinct_for_every_question(target, raw, expected):
    assert lookup(raw, Question(target)) == expected


@pytest.mark.parametrize(
    ("raw", "part", "reversed_", "expected"),
    [
        ("Yes", "condition", False, "yes"),
        ("No", "condition", False, "no"),
        ("Yes, a lot", "activity", False, "a_lot"),
        ("Yes, limited a little", "activity", False, "a_little"),
        ("Not at all", "activity", False, "not_at_all"),
        ("Yes", "self", False, "disabled"),
        ("No", "self", False, "not_disabled"),
    ],
)
def test_disability_parts(raw, part, reversed_, expected):
    assert lookup(raw, Question("disability", part, reversed_)) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Yes", "different_from_birth_sex"),
        ("No", "same_as_birth_sex"),
        ("Trans woman", "different_from_birth_sex"),
    ],
)
def test_reversed_gender_identity_question(raw, expected):
    assert lookup(raw, Question("gender_reassignment", reversed=True)) == expected


@pytest.mark.parametrize(
    "raw", ["Cohabiting", "BAME", "Klingon", "Non-binary"], ids=["marriage", "race", "x", "sex"]
)
def test_unplaceable_answers_are_not_guessed(raw):
    target = {
        "Cohabiting": "marriage_civil_partnership",
        "BAME": "race",
        "Klingon": "religion_belief",
        "Non-binary": "sex",
    }[raw]
    assert lookup(raw, Question(target)) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Under 18", "0-17"),
        ("18 to 24", "18-24"),
        ("18-24", "18-24"),
        ("18 \u2013 24 years", "18-24"),
        ("Aged 16 to 24", "16-24"),
        ("75 and over", "75+"),
        ("75+", "75+"),
        ("65 or over", "65+"),
        ("85 or older", "85+"),
        ("Over 75", "75+"),
        ("15 and under", "0-15"),
    ],
)
def test_age_bands(raw, expected):
    assert band_id(age_bands([raw])[raw]) == expected


def test_over_n_starts_after_a_band_ending_at_n():
    bands = age_bands(["65-75", "Over 75"])
    assert band_id(bands["Over 75"]) == "76+"


def test_raw_ages_go_into_five_year_bands_or_given_bands():
    assert {a: band_id(b) for a, b in age_bands(["42", "85", "17"]).items()} == {
        "42": "40-44",
        "85": "85+",
        "17": "15-19",
    }
    given = age_bands(["42", "17"], bands=[(0, 17), (18, 64), (65, None)])
    assert {a: band_id(b) for a, b in given.items()} == {"42": "18-64", "17": "0-17"}


def test_non_age_text_is_not_a_band():
    assert parse_band("Children 0-5") is None
    assert parse_band("200") is None


@pytest.mark.parametrize(
    ("cell", "separator", "expected"),
    [
        (
            "English, Welsh, Scottish, Northern Irish or British, Irish",
            ", ",
            ("white_british", "white_irish"),
        ),
        ("English, Welsh, Scottish, Northern Irish or British", ", ", ("white_british",)),
        ("Pakistani, Any other Asian background", ", ", ("asian_pakistani", "asian_other")),
        ("White and Black Caribbean;Arab;", ";", ("mixed_white_black_caribbean", "other_arab")),
        ("Indian; Prefer not to say", "; ", ("asian_indian", "prefer_not_to_say")),
    ],
)
def test_multi_select_cells_split_by_known_options(cell, separator, expected):
    codes, unknown = AnswerMapper(Question("race"), separator=separator).map_cell(cell)
    assert (codes, unknown) == (expected, ())


def test_listed_options_win_over_naive_splitting():
    mapper = AnswerMapper(
        Question("race"), separator=", ", options=["Any other background, including Roma"]
    )
    codes, unknown = mapper.map_cell("Any other background, including Roma, Irish")
    assert codes == ("white_irish",)
    assert unknown == ("Any other background, including Roma",)


def test_folding_and_keys():
    assert fold("  Any other  White background (Please Specify) ") == "any other white background"
    assert fold("Don\u2019t\u00a0know;") == "don't know"
    assert key_of("Straight / Heterosexual") == key_of("straight or heterosexual")
