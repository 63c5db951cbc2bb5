"""Answer vocabularies: how people write each canonical category (data, not code)."""

from typing import Final

PREFER_NOT_TO_SAY: Final = "prefer_not_to_say"
NOT_ANSWERED: Final = "not_answered"
DONT_KNOW: Final = "dont_know"

# Non-answers, recognised for every question.
NON_RESPONSES: Final[dict[str, str]] = {
    "Prefer not to say": PREFER_NOT_TO_SAY,
    "Prefer not to answer": PREFER_NOT_TO_SAY,
    "Prefer not to disclose": PREFER_NOT_TO_SAY,
    "I prefer not to say": PREFER_NOT_TO_SAY,
    "I'd rather not say": PREFER_NOT_TO_SAY,
    "I would rather not say": PREFER_NOT_TO_SAY,
    "Rather not say": PREFER_NOT_TO_SAY,
    "Don't wish to answer": PREFER_NOT_TO_SAY,
    "Do not wish to answer": PREFER_NOT_TO_SAY,
    "I don't wish to answer": PREFER_NOT_TO_SAY,
    "I do not wish to say": PREFER_NOT_TO_SAY,
    "Not stated": PREFER_NOT_TO_SAY,
    "Refused": PREFER_NOT_TO_SAY,
    "Don't know": DONT_KNOW,
    "Do not know": DONT_KNOW,
    "Not known": DONT_KNOW,
    "Not sure": DONT_KNOW,
    "": NOT_ANSWERED,
    "NA": NOT_ANSWERED,
    "N/A": NOT_ANSWERED,
    "Not applicable": NOT_ANSWERED,
    "-99": NOT_ANSWERED,
    "Not asked": NOT_ANSWERED,
}

# Whole-answer labels per characteristic. Yes/No questions also accept any answer
# starting "Yes" or "No" (see YES_NO).
LABELS: Final[dict[str, dict[str, str]]] = {
    "sex": {
        "Female": "female",
        "F": "female",
        "Woman": "female",
        "Women": "female",
        "Girl": "female",
        "Female (including trans women)": "female",
        "Male": "male",
        "M": "male",
        "Man": "male",
        "Men": "male",
        "Boy": "male",
        "Male (including trans men)": "male",
    },
    "gender_reassignment": {
        "Trans woman": "different_from_birth_sex",
        "Trans man": "different_from_birth_sex",
        "Non-binary": "different_from_birth_sex",
        "Transgender": "different_from_birth_sex",
        "Trans": "different_from_birth_sex",
    },
    "sexual_orientation": {
        "Straight/Heterosexual": "heterosexual",
        "Heterosexual/Straight": "heterosexual",
        "Straight": "heterosexual",
        "Heterosexual": "heterosexual",
        "Gay or Lesbian": "gay_or_lesbian",
        "Lesbian or Gay": "gay_or_lesbian",
        "Gay man": "gay_or_lesbian",
        "Gay woman": "gay_or_lesbian",
        "Gay woman/lesbian": "gay_or_lesbian",
        "Lesbian/gay woman": "gay_or_lesbian",
        "Lesbian": "gay_or_lesbian",
        "Gay": "gay_or_lesbian",
        "Bisexual": "bisexual",
        "Bi": "bisexual",
        "Other sexual orientation": "other_sexual_orientation",
        "Other": "other_sexual_orientation",
        "Pansexual": "other_sexual_orientation",
        "Asexual": "other_sexual_orientation",
        "Queer": "other_sexual_orientation",
        "All other sexual orientations": "other_sexual_orientation",
        "Prefer to self-describe": "other_sexual_orientation",
        "I use another term": "other_sexual_orientation",
    },
    "religion_belief": {
        "No religion": "no_religion",
        "None": "no_religion",
        "Atheist": "no_religion",
        "Agnostic": "no_religion",
        "Humanist": "no_religion",
        "Free thinker": "no_religion",
        "No religion or belief": "no_religion",
        "Atheism": "no_religion",
        "Christian": "christian",
        "Christianity": "christian",
        "Christian (all denominations)": "christian",
        "Church of England": "christian",
        "Catholic": "christian",
        "Roman Catholic": "christian",
        "Anglican": "christian",
        "Church of Scotland": "christian",
        "Church in Wales": "christian",
        "Methodist": "christian",
        "Baptist": "christian",
        "Protestant": "christian",
        "Orthodox Christian": "christian",
        "Pentecostal": "christian",
        "Buddhist": "buddhist",
        "Buddhism": "buddhist",
        "Hindu": "hindu",
        "Hinduism": "hindu",
        "Jewish": "jewish",
        "Judaism": "jewish",
        "Muslim": "muslim",
        "Islam": "muslim",
        "Sikh": "sikh",
        "Sikhism": "sikh",
        "Any other religion": "other_religion",
        "Other religion": "other_religion",
        "Other": "other_religion",
        "Any other religion or belief": "other_religion",
        "Pagan": "other_religion",
        "Jain": "other_religion",
        "Baha'i": "other_religion",
        "Bahai": "other_religion",
        "Rastafarian": "other_religion",
        "Spiritual": "other_religion",
        "Spiritualist": "other_religion",
        "Wicca": "other_religion",
        "Zoroastrian": "other_religion",
    },
    "marriage_civil_partnership": {
        "Single": "never_married_or_civil_partnered",
        "Never married": "never_married_or_civil_partnered",
        "Never married or in a civil partnership": "never_married_or_civil_partnered",
        "Never married and never registered a civil partnership": (
            "never_married_or_civil_partnered"
        ),
        "Married": "married_or_civil_partnership",
        "Married or in a civil partnership": "married_or_civil_partnership",
        "In a registered civil partnership": "married_or_civil_partnership",
        "In a civil partnership": "married_or_civil_partnership",
        "Civil partnership": "married_or_civil_partnership",
        "Civil partner": "married_or_civil_partnership",
        "Separated": "separated",
        "Divorced": "divorced_or_dissolved",
        "Dissolved": "divorced_or_dissolved",
        "Formerly in a civil partnership now legally dissolved": "divorced_or_dissolved",
        "Formerly in a civil partnership which is now legally dissolved": ("divorced_or_dissolved"),
        "Civil partnership dissolved": "divorced_or_dissolved",
        "Widowed": "widowed_or_surviving_partner",
        "Widow": "widowed_or_surviving_partner",
        "Widower": "widowed_or_surviving_partner",
        "Surviving partner": "widowed_or_surviving_partner",
        "Surviving civil partner": "widowed_or_surviving_partner",
        "Surviving partner from a civil partnership": "widowed_or_surviving_partner",
        "Surviving partner from a registered civil partnership": ("widowed_or_surviving_partner"),
    },
}

# Labels that also match when more words follow ("Separated but still legally married").
PREFIX_LABELS: Final[dict[str, dict[str, str]]] = {
    "marriage_civil_partnership": {
        "Single": "never_married_or_civil_partnered",
        "Never married": "never_married_or_civil_partnered",
        "Married": "married_or_civil_partnership",
        "In a civil partnership": "married_or_civil_partnership",
        "In a registered civil partnership": "married_or_civil_partnership",
        "Separated": "separated",
        "Divorced": "divorced_or_dissolved",
        "Formerly in a civil partnership": "divorced_or_dissolved",
        "Widowed": "widowed_or_surviving_partner",
        "Surviving partner": "widowed_or_surviving_partner",
    },
    "race": {
        "Any other White background": "white_other",
        "Any other Mixed": "mixed_other",
        "Any other Asian": "asian_other",
        "Any other Black": "black_other",
        "Any other ethnic group": "other_any",
    },
    "sexual_orientation": {"Other": "other_sexual_orientation"},
    "religion_belief": {
        "Other": "other_religion",
        "Any other religion": "other_religion",
        "Christian": "christian",
    },
}

# Yes/No questions: what an answer beginning "Yes" or "No" means.
YES_NO: Final[dict[str, dict[str, str]]] = {
    "carers": {"yes": "carer", "no": "not_carer"},
    "armed_forces": {"yes": "armed_forces_community", "no": "not_armed_forces_community"},
    "pregnancy_maternity": {
        "yes": "pregnant_or_recent_birth",
        "no": "not_pregnant_or_recent_birth",
    },
    "gender_reassignment": {"yes": "same_as_birth_sex", "no": "different_from_birth_sex"},
    "disability:self": {"yes": "disabled", "no": "not_disabled"},
    "disability:condition": {"yes": "yes", "no": "no"},
    "disability:activity": {"yes": "yes", "no": "not_at_all"},
}
REVERSED_YES_NO: Final[dict[str, str]] = {
    "same_as_birth_sex": "different_from_birth_sex",
    "different_from_birth_sex": "same_as_birth_sex",
}

# Extra whole-answer labels for the parts of the two-part disability question.
DISABILITY_PART_LABELS: Final[dict[str, dict[str, str]]] = {
    "activity": {
        "Yes, a lot": "a_lot",
        "Yes, limited a lot": "a_lot",
        "A lot": "a_lot",
        "Yes, a little": "a_little",
        "Yes, limited a little": "a_little",
        "A little": "a_little",
        "Not at all": "not_at_all",
        "No, not at all": "not_at_all",
    },
}

# Equality Act status when the condition part is "Yes", by the activity answer. A "No"
# to the condition part is not disabled whatever follows; other pairs are not answered.
DISABILITY_WITH_CONDITION: Final[dict[str, str]] = {
    "a_lot": "disabled",
    "a_little": "disabled",
    "yes": "disabled",
    "not_at_all": "not_disabled",
}

# Who is responding: the first keyword found in the answer decides.
RESPONDENT_KEYWORDS: Final[tuple[tuple[str, str], ...]] = (
    ("on behalf of", "organisation"),
    ("organisation", "organisation"),
    ("organization", "organisation"),
    ("business", "organisation"),
    ("charity", "organisation"),
    ("group", "organisation"),
    ("young carer", "young_person"),
    ("young person", "young_person"),
    ("child", "young_person"),
    ("pupil", "young_person"),
    ("student", "young_person"),
    ("parent", "parent_carer"),
    ("carer", "parent_carer"),
    ("guardian", "parent_carer"),
    ("professional", "professional"),
    ("practitioner", "professional"),
    ("staff", "professional"),
    ("teacher", "professional"),
    ("worker", "professional"),
    ("employee", "professional"),
    ("councillor", "professional"),
    ("resident", "other"),
    ("member of the public", "other"),
    ("other", "other"),
)

# Disability status when only one part of the two-part question was asked.
SINGLE_PART_STATUS: Final[dict[str, str]] = {
    "yes": "disabled",
    "a_lot": "disabled",
    "a_little": "disabled",
    "no": "not_disabled",
    "not_at_all": "not_disabled",
}
