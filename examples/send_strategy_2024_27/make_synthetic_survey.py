"""Write a synthetic Citizen Space-style export for the SEND and Inclusion Strategy 2024-27.

Every row is invented: answers are drawn with a fixed seed from made-up
distributions, so the file holds no personal data. It exists so that the
respondent-reach analysis has something realistic to work on:

* a respondent-type question where parents and carers dominate;
* five agreement questions, one per strategy principle, on which young people
  and some other groups take distinctly different views;
* the GSS / Census 2021 equality monitoring questions, with "Prefer not to say",
  blanks, a few typing variants and a couple of answers nobody could place;
* fewer Asian respondents than Leicestershire's population would suggest, and
  tiny groups (Roma, Arab, Sikh ...) so that suppression has work to do.

Run it from anywhere; it rewrites ``send_consultation_responses.csv`` next to
itself. The output is identical on every run.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

SEED = 2025
RESPONSES = 1_538
OUTPUT = Path(__file__).with_name("send_consultation_responses.csv")
OPENS = pd.Timestamp("2025-02-12 09:00")
CLOSES = pd.Timestamp("2025-04-08 23:59")

PNTS = "Prefer not to say"

TYPE_QUESTION = "In what capacity are you responding to this consultation?"
PARENT = "As a parent or carer of a child or young person with SEND"
YOUNG = "As a young person with SEND"
PROFESSIONAL = "As a professional working with children and young people"
ORGANISATION = "On behalf of an organisation, school or setting"
OTHER = "Other"
TYPES = {PARENT: 0.55, YOUNG: 0.10, PROFESSIONAL: 0.25, ORGANISATION: 0.05, OTHER: 0.05}

AGREE = (
    "Strongly agree",
    "Agree",
    "Neither agree nor disagree",
    "Disagree",
    "Strongly disagree",
    "Don't know",
)
_LEAD = "To what extent do you agree or disagree that"
OPINIONS = {
    "early": f"{_LEAD} children and young people's needs should be identified and met as "
    "early as possible?",
    "mainstream": f"{_LEAD} most children and young people with SEND should be supported in "
    "their local mainstream school or setting?",
    "voice": f"{_LEAD} children, young people and families should be equal partners in "
    "decisions about their support?",
    "together": f"{_LEAD} education, health and care services should work together so "
    "families only have to tell their story once?",
    "adulthood": f"{_LEAD} preparation for adulthood should start from Year 9 and cover "
    "work, independent living, friendships and health?",
}
# Answer shares (in AGREE order) by principle and respondent type.
OPINION_SHARES = {
    "early": {
        PARENT: (55, 35, 4, 2, 1, 3),
        YOUNG: (40, 38, 10, 4, 2, 6),
        PROFESSIONAL: (62, 32, 3, 1, 1, 1),
        ORGANISATION: (58, 36, 3, 1, 1, 1),
        OTHER: (45, 35, 8, 4, 3, 5),
    },
    "mainstream": {
        PARENT: (10, 24, 18, 26, 19, 3),
        YOUNG: (4, 10, 14, 34, 34, 4),
        PROFESSIONAL: (22, 40, 16, 14, 6, 2),
        ORGANISATION: (18, 36, 20, 16, 8, 2),
        OTHER: (12, 26, 22, 20, 14, 6),
    },
    "voice": {
        PARENT: (48, 34, 8, 5, 3, 2),
        YOUNG: (62, 28, 5, 2, 1, 2),
        PROFESSIONAL: (35, 42, 14, 5, 2, 2),
        ORGANISATION: (38, 40, 12, 6, 2, 2),
        OTHER: (40, 36, 12, 5, 3, 4),
    },
    "together": {
        PARENT: (58, 30, 5, 3, 2, 2),
        YOUNG: (36, 34, 14, 4, 2, 10),
        PROFESSIONAL: (50, 38, 7, 3, 1, 1),
        ORGANISATION: (52, 36, 7, 3, 1, 1),
        OTHER: (44, 34, 10, 4, 2, 6),
    },
    "adulthood": {
        PARENT: (34, 40, 14, 6, 2, 4),
        YOUNG: (12, 24, 18, 22, 16, 8),
        PROFESSIONAL: (40, 42, 10, 5, 1, 2),
        ORGANISATION: (38, 44, 10, 5, 1, 2),
        OTHER: (30, 38, 16, 7, 3, 6),
    },
}
COMMENT_QUESTION = (
    "Is there anything else you would like to tell us about the draft strategy, including "
    "how it might affect you, your family or people with protected characteristics?"
)
COMMENTS = (
    "Waiting times for assessments are far too long.",
    "Please make the plan available in an easy read version.",
    "Mainstream schools need more training and more staff before this can work.",
    "Transport to specialist provision is a real worry for families like ours.",
    "Good to see co-production mentioned, but it needs to be real, not a tick box.",
    "Support at 16 and 19 drops off a cliff; transition planning must start earlier.",
    "Information should be translated into community languages.",
    "I agree with the principles, but where is the funding?",
    "Short breaks and respite are missing from the strategy.",
    "Health services, especially therapies, are the weakest link.",
    'The phrase "inclusion" must include children who cannot cope in large classes.',
    "Annual reviews are often late, so plans are out of date.\nPlease fix this first.",
)

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


def _choose(rng: np.random.Generator, options: tuple[str, ...], weights, size: int) -> np.ndarray:
    """Draw ``size`` answers from ``options`` with relative ``weights``."""
    p = np.asarray(weights, dtype=float)
    return rng.choice(np.asarray(options, dtype=object), size=size, p=p / p.sum())


def _by_type(rng, types: np.ndarray, options: tuple[str, ...], shares: dict) -> np.ndarray:
    """Draw one answer per respondent, with shares that depend on the respondent type."""
    out = np.empty(len(types), dtype=object)
    for kind, weights in shares.items():
        rows = types == kind
        out[rows] = _choose(rng, options, weights, int(rows.sum()))
    return out


def _yes_no(rng, types: np.ndarray, yes_by_type: dict[str, float], pnts: float) -> np.ndarray:
    """A Yes/No/Prefer not to say answer with a type-dependent share of Yes."""
    out = np.empty(len(types), dtype=object)
    for kind, yes in yes_by_type.items():
        rows = types == kind
        weights = (yes * (1 - pnts), (1 - yes) * (1 - pnts), pnts)
        out[rows] = _choose(rng, ("Yes", "No", PNTS), weights, int(rows.sum()))
    return out


def _timestamps(rng: np.random.Generator, size: int) -> tuple[pd.Series, pd.Series]:
    """Started and Submitted times within the consultation window, in order of submission."""
    span = (CLOSES - OPENS).total_seconds() - 3_600
    # More responses arrive at the start and just before the close.
    position = np.sort(rng.beta(0.8, 0.7, size=size))
    started = OPENS + pd.to_timedelta(position * span, unit="s").round("s")
    minutes = rng.gamma(3.0, 5.0, size=size).clip(2, 55)
    submitted = started + pd.to_timedelta(minutes * 60, unit="s").round("s")
    fmt = "%Y-%m-%d %H:%M:%S"
    return pd.Series(started.strftime(fmt)), pd.Series(submitted.strftime(fmt))


def _response_ids(rng: np.random.Generator, size: int) -> list[str]:
    """Citizen Space-like anonymous response ids, for example ``ANON-7KQ2-M4XD-3``."""
    letters = np.array(list("ABCDEFGHJKLMNPQRSTUVWXYZ23456789"))
    chars = rng.choice(letters, size=(size, 9))
    return [f"ANON-{''.join(c[:4])}-{''.join(c[4:8])}-{c[8]}" for c in chars]


def _opinions(rng, types: np.ndarray, ethnic: np.ndarray) -> dict[str, np.ndarray]:
    """Answers to the five principle questions, with blanks and a minority-group shift."""
    minority = pd.Series(ethnic).str.startswith(("Asian", "Black")).to_numpy()
    answers = {}
    for key, question in OPINIONS.items():
        values = _by_type(rng, types, AGREE, OPINION_SHARES[key])
        if key == "voice":
            # Asian and Black respondents are less sure families are heard as partners.
            doubt = minority & (rng.random(len(types)) < 0.35)
            values[doubt] = _choose(rng, AGREE[2:5], (2, 5, 3), int(doubt.sum()))
        values[rng.random(len(types)) < 0.025] = ""
        answers[question] = values
    return answers


def _disability(rng, types: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The two-part GSS disability question; part two only for those answering Yes."""
    first = _yes_no(rng, types, DISABILITY_YES, pnts=0.05)
    second = np.full(len(types), "", dtype=object)
    yes = first == "Yes"
    second[yes] = _choose(
        rng, tuple(LIMITATION_SHARES), tuple(LIMITATION_SHARES.values()), int(yes.sum())
    )
    second[yes & (rng.random(len(types)) < 0.03)] = ""
    return first, second


def _religion(rng, ethnic: np.ndarray) -> np.ndarray:
    """Religion, drawn separately for Asian respondents so faith follows ethnicity."""
    asian = pd.Series(ethnic).str.startswith("Asian").to_numpy()
    out = _choose(rng, tuple(RELIGION_SHARES), tuple(RELIGION_SHARES.values()), len(ethnic))
    out[asian] = _choose(
        rng, tuple(ASIAN_RELIGION_SHARES), tuple(ASIAN_RELIGION_SHARES.values()), int(asian.sum())
    )
    return out


def _marital(rng, age: np.ndarray) -> np.ndarray:
    """Legal partnership status; everyone under 18 has never married."""
    out = _choose(rng, MARITAL_OPTIONS, MARITAL_ADULT, len(age))
    young = np.isin(age, ("Under 16", "16-17"))
    out[young] = MARITAL_OPTIONS[0]
    young_adult = (age == "18-24") & (rng.random(len(age)) < 0.85)
    out[young_adult] = MARITAL_OPTIONS[0]
    return out


def _pregnancy(rng, sex: np.ndarray, age: np.ndarray) -> np.ndarray:
    """Pregnancy and maternity: a few women aged 18 to 44 say Yes."""
    out = _choose(rng, ("No", PNTS), (96, 4), len(sex))
    could = (sex == "Female") & np.isin(age, ("18-24", "25-34", "35-44"))
    out[could & (rng.random(len(sex)) < 0.06)] = "Yes"
    return out


def _monitoring(rng, types: np.ndarray) -> dict[str, np.ndarray]:
    """All equality monitoring answers, before blanks and variants are added."""
    n = len(types)
    age = _by_type(rng, types, AGE_BANDS, AGE_SHARES)
    sex = np.empty(n, dtype=object)
    for kind, shares in SEX_SHARES.items():
        rows = types == kind
        sex[rows] = _choose(rng, tuple(shares), tuple(shares.values()), int(rows.sum()))
    first, second = _disability(rng, types)
    ethnic = _choose(rng, tuple(ETHNIC_SHARES), tuple(ETHNIC_SHARES.values()), n)
    return {
        AGE_QUESTION: age,
        SEX_QUESTION: sex,
        GENDER_QUESTION: _choose(rng, tuple(GENDER_SHARES), tuple(GENDER_SHARES.values()), n),
        ORIENTATION_QUESTION: _choose(
            rng, tuple(ORIENTATION_SHARES), tuple(ORIENTATION_SHARES.values()), n
        ),
        DISABILITY_QUESTION: first,
        LIMITATION_QUESTION: second,
        ETHNIC_QUESTION: ethnic,
        RELIGION_QUESTION: _religion(rng, ethnic),
        MARITAL_QUESTION: _marital(rng, age),
        PREGNANCY_QUESTION: _pregnancy(rng, sex, age),
        CARER_QUESTION: _yes_no(rng, types, CARER_YES, pnts=0.03),
        FORCES_QUESTION: _choose(rng, tuple(FORCES_SHARES), tuple(FORCES_SHARES.values()), n),
    }


def _add_blanks(rng, frame: pd.DataFrame, types: np.ndarray) -> None:
    """Leave monitoring questions blank: often for organisations, sometimes for anyone."""
    n = len(frame)
    skipped_all = (types == ORGANISATION) & (rng.random(n) < 0.55)
    skipped_all |= rng.random(n) < 0.025
    under_16 = frame[AGE_QUESTION].to_numpy() == "Under 16"
    for question in MONITORING:
        blank = skipped_all | (rng.random(n) < 0.02)
        if question in (GENDER_QUESTION, ORIENTATION_QUESTION):
            blank |= under_16 & (rng.random(n) < 0.6)
        frame.loc[blank, question] = ""


def _add_variants(rng, frame: pd.DataFrame) -> None:
    """Replace a few answers with typing variants and unplaceable answers."""
    for question, answer, how_many, variant in VARIANTS:
        rows = np.flatnonzero(frame[question].to_numpy() == answer)
        chosen = rng.choice(rows, size=how_many, replace=False)
        frame.loc[frame.index[chosen], question] = variant


def build(rng: np.random.Generator, size: int = RESPONSES) -> pd.DataFrame:
    """Build the whole synthetic export as a frame of strings (blank = not answered).

    Args:
        rng: Seeded random generator.
        size: Number of responses.

    Returns:
        One row per response, columns in the order of the questionnaire.
    """
    types = _choose(rng, tuple(TYPES), tuple(TYPES.values()), size)
    started, submitted = _timestamps(rng, size)
    monitoring = _monitoring(rng, types)
    comment = np.full(size, "", dtype=object)
    has_comment = rng.random(size) < 0.38
    comment[has_comment] = _choose(rng, COMMENTS, np.ones(len(COMMENTS)), int(has_comment.sum()))
    frame = pd.DataFrame(
        {
            "Response ID": _response_ids(rng, size),
            "Started": started,
            "Submitted": submitted,
            TYPE_QUESTION: types,
            **_opinions(rng, types, monitoring[ETHNIC_QUESTION]),
            COMMENT_QUESTION: comment,
            **monitoring,
        }
    ).astype(object)
    _add_blanks(rng, frame, types)
    _add_variants(rng, frame)
    return frame


def main() -> None:
    """Write the CSV as UTF-8 with a byte order mark, as Citizen Space does."""
    frame = build(np.random.default_rng(SEED))
    frame.to_csv(OUTPUT, index=False, encoding="utf-8-sig", lineterminator="\r\n")
    print(f"Wrote {len(frame):,} synthetic responses to {OUTPUT.name}")


if __name__ == "__main__":
    main()
