"""Canonical categories that answers are counted into, in display order, with labels."""

from typing import Final

CATEGORY_LABELS: Final[dict[str, dict[str, str]]] = {
    "sex": {"female": "Female", "male": "Male"},
    "gender_reassignment": {
        "same_as_birth_sex": "Same as sex registered at birth",
        "different_from_birth_sex": "Different from sex registered at birth",
    },
    "sexual_orientation": {
        "heterosexual": "Straight or heterosexual",
        "gay_or_lesbian": "Gay or lesbian",
        "bisexual": "Bisexual",
        "other_sexual_orientation": "Other sexual orientation",
    },
    "disability": {"disabled": "Disabled", "not_disabled": "Not disabled"},
    "religion_belief": {
        "no_religion": "No religion",
        "christian": "Christian",
        "buddhist": "Buddhist",
        "hindu": "Hindu",
        "jewish": "Jewish",
        "muslim": "Muslim",
        "sikh": "Sikh",
        "other_religion": "Any other religion",
    },
    "race": {
        "white": "White",
        "mixed": "Mixed or multiple ethnic groups",
        "asian": "Asian or Asian British",
        "black": "Black, Black British, Caribbean or African",
        "other_ethnic_group": "Other ethnic group",
    },
    "marriage_civil_partnership": {
        "never_married_or_civil_partnered": "Never married or in a civil partnership",
        "married_or_civil_partnership": "Married or in a civil partnership",
        "separated": "Separated",
        "divorced_or_dissolved": "Divorced or civil partnership dissolved",
        "widowed_or_surviving_partner": "Widowed or surviving civil partner",
    },
    "pregnancy_maternity": {
        "pregnant_or_recent_birth": "Pregnant or given birth in the last 26 weeks",
        "not_pregnant_or_recent_birth": "Not pregnant or recently given birth",
    },
    "carers": {"carer": "Carer", "not_carer": "Not a carer"},
    "armed_forces": {
        "armed_forces_community": "Armed forces community",
        "not_armed_forces_community": "Not armed forces community",
    },
    "respondent_type": {
        "parent_carer": "Parent or carer",
        "young_person": "Young person",
        "professional": "Professional",
        "organisation": "Organisation",
        "other": "Other",
    },
}

RACE_DETAIL_LABELS: Final[dict[str, str]] = {
    "white_british": "White: English, Welsh, Scottish, Northern Irish or British",
    "white_irish": "White: Irish",
    "white_gypsy_or_irish_traveller": "White: Gypsy or Irish Traveller",
    "white_roma": "White: Roma",
    "white_other": "White: Other White",
    "mixed_white_black_caribbean": "Mixed: White and Black Caribbean",
    "mixed_white_black_african": "Mixed: White and Black African",
    "mixed_white_asian": "Mixed: White and Asian",
    "mixed_other": "Mixed: Other Mixed or Multiple",
    "asian_indian": "Asian: Indian",
    "asian_pakistani": "Asian: Pakistani",
    "asian_bangladeshi": "Asian: Bangladeshi",
    "asian_chinese": "Asian: Chinese",
    "asian_other": "Asian: Other Asian",
    "black_caribbean": "Black: Caribbean",
    "black_african": "Black: African",
    "black_other": "Black: Other Black",
    "other_arab": "Other: Arab",
    "other_any": "Other: Any other ethnic group",
}
