"""The GSS / Census 2021 equality monitoring questions and their invented answer shares.

Shares are relative weights. ``VARIANTS`` lists the typing variants and the answers
nobody could place that are written over some drawn answers.
"""

from synthetic.consultation import ORGANISATION, OTHER, PARENT, PROFESSIONAL, YOUNG

PNTS = "Prefer not to say"

AGE_QUESTION = "What is your age?"
AGE_BANDS = (
    "Under 16",
    "16-17",
    "18-24",
    "25-34",
    "35-44",
    "45-54",
    "55-64",
    "65-74",
    "75 and over",
)
AGE_SHARES = {
    PARENT: (0, 0, 1.5, 18, 42, 28, 7.5, 2.5, 0.5),
    YOUNG: (45, 30, 25, 0, 0, 0, 0, 0, 0),
    PROFESSIONAL: (0, 0, 5, 22, 28, 27, 16, 2, 0),
    ORGANISATION: (0, 0, 3, 18, 30, 30, 17, 2, 0),
    OTHER: (2, 2, 6, 14, 20, 20, 18, 12, 6),
}

SEX_QUESTION = "What is your sex?"
SEX_SHARES = {
    PARENT: {"Female": 80, "Male": 18, PNTS: 2},
    YOUNG: {"Female": 38, "Male": 58, PNTS: 4},
    PROFESSIONAL: {"Female": 82, "Male": 16, PNTS: 2},
    ORGANISATION: {"Female": 70, "Male": 27, PNTS: 3},
    OTHER: {"Female": 62, "Male": 34, PNTS: 4},
}
GENDER_QUESTION = "Is the gender you identify with the same as your sex registered at birth?"
GENDER_SHARES = {"Yes": 96.6, "No": 1.2, PNTS: 2.2}
ORIENTATION_QUESTION = "Which of the following best describes your sexual orientation?"
ORIENTATION_SHARES = {
    "Straight/Heterosexual": 88,
    "Gay or Lesbian": 2.2,
    "Bisexual": 3.0,
    "Other sexual orientation": 0.8,
    PNTS: 6,
}
DISABILITY_QUESTION = (
    "Do you have any physical or mental health conditions or illnesses lasting or expected "
    "to last 12 months or more?"
)
DISABILITY_YES = {PARENT: 0.30, YOUNG: 0.78, PROFESSIONAL: 0.17, ORGANISATION: 0.15, OTHER: 0.32}
LIMITATION_QUESTION = (
    "Do any of your conditions or illnesses reduce your ability to carry out day-to-day activities?"
)
LIMITATION_SHARES = {"Yes, a lot": 34, "Yes, a little": 45, "Not at all": 21}

ETHNIC_QUESTION = "What is your ethnic group?"
ETHNIC_SHARES = {
    "White: English, Welsh, Scottish, Northern Irish or British": 862,
    "White: Irish": 6,
    "White: Gypsy or Irish Traveller": 2.5,
    "White: Roma": 1.3,
    "White: Any other White background": 35,
    "Mixed or Multiple ethnic groups: White and Black Caribbean": 8,
    "Mixed or Multiple ethnic groups: White and Black African": 3,
    "Mixed or Multiple ethnic groups: White and Asian": 6,
    "Mixed or Multiple ethnic groups: Any other Mixed or Multiple ethnic background": 3,
    "Asian, Asian British or Asian Welsh: Indian": 18,
    "Asian, Asian British or Asian Welsh: Pakistani": 4,
    "Asian, Asian British or Asian Welsh: Bangladeshi": 2,
    "Asian, Asian British or Asian Welsh: Chinese": 2.5,
    "Asian, Asian British or Asian Welsh: Any other Asian background": 4,
    "Black, Black British, Black Welsh, Caribbean or African: Caribbean": 4,
    "Black, Black British, Black Welsh, Caribbean or African: African": 5,
    "Black, Black British, Black Welsh, Caribbean or African: Any other Black, Black British, "
    "or Caribbean background": 1,
    "Other ethnic group: Arab": 1.5,
    "Other ethnic group: Any other ethnic group": 2,
    PNTS: 40,
}
RELIGION_QUESTION = "What is your religion?"
RELIGION_SHARES = {
    "No religion": 46,
    "Christian": 43,
    "Buddhist": 0.4,
    "Hindu": 0.3,
    "Jewish": 0.2,
    "Muslim": 0.4,
    "Sikh": 0.1,
    "Any other religion": 0.9,
    PNTS: 6,
}
ASIAN_RELIGION_SHARES = {
    "No religion": 7,
    "Christian": 6,
    "Hindu": 46,
    "Muslim": 27,
    "Sikh": 9,
    "Buddhist": 1,
    PNTS: 4,
}
MARITAL_QUESTION = "What is your legal marital or registered civil partnership status?"
MARITAL_OPTIONS = (
    "Never married and never registered a civil partnership",
    "Married",
    "In a registered civil partnership",
    "Separated, but still legally married",
    "Separated, but still legally in a civil partnership",
    "Divorced",
    "Formerly in a civil partnership which is now legally dissolved",
    "Widowed",
    "Surviving partner from a registered civil partnership",
    PNTS,
)
MARITAL_ADULT = (20, 52, 1.2, 5, 0.3, 12, 0.2, 2.5, 0.1, 6.7)
PREGNANCY_QUESTION = "Are you pregnant or have you given birth in the last 26 weeks?"
CARER_QUESTION = (
    "Do you look after, or give any help or support to, anyone because they have long-term "
    "physical or mental health conditions or illnesses, or problems related to old age?"
)
CARER_YES = {PARENT: 0.68, YOUNG: 0.06, PROFESSIONAL: 0.14, ORGANISATION: 0.10, OTHER: 0.30}
FORCES_QUESTION = (
    "Are you a member of the armed forces community (serving, reservist, veteran, or a "
    "family member of someone who is)?"
)
FORCES_SHARES = {"Yes": 4, "No": 92, PNTS: 4}

MONITORING = (
    AGE_QUESTION,
    SEX_QUESTION,
    GENDER_QUESTION,
    ORIENTATION_QUESTION,
    DISABILITY_QUESTION,
    LIMITATION_QUESTION,
    ETHNIC_QUESTION,
    RELIGION_QUESTION,
    MARITAL_QUESTION,
    PREGNANCY_QUESTION,
    CARER_QUESTION,
    FORCES_QUESTION,
)
# Typing variants and answers nobody could place: (column, rows to change, new answer).
VARIANTS = (
    (SEX_QUESTION, "Male", 7, "Male "),
    (SEX_QUESTION, "Female", 11, "female"),
    (ORIENTATION_QUESTION, "Straight/Heterosexual", 23, "Straight"),
    (RELIGION_QUESTION, PNTS, 6, "I'd rather not say"),
    (ETHNIC_QUESTION, PNTS, 4, "I'd rather not say"),
    (ETHNIC_QUESTION, "White: English, Welsh, Scottish, Northern Irish or British", 2, "Human"),
    (SEX_QUESTION, "Female", 1, "Parent"),
)
