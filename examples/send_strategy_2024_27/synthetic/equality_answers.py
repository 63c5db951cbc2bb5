"""Answers to the equality monitoring questions, then the blanks and typing variants."""

from __future__ import annotations

import numpy as np
import pandas as pd

from synthetic.consultation import ORGANISATION
from synthetic.draw import by_type, choose, yes_no
from synthetic.equality_questions import (
    AGE_BANDS,
    AGE_QUESTION,
    AGE_SHARES,
    ASIAN_RELIGION_SHARES,
    CARER_QUESTION,
    CARER_YES,
    DISABILITY_QUESTION,
    DISABILITY_YES,
    ETHNIC_QUESTION,
    ETHNIC_SHARES,
    FORCES_QUESTION,
    FORCES_SHARES,
    GENDER_QUESTION,
    GENDER_SHARES,
    LIMITATION_QUESTION,
    LIMITATION_SHARES,
    MARITAL_ADULT,
    MARITAL_OPTIONS,
    MARITAL_QUESTION,
    MONITORING,
    ORIENTATION_QUESTION,
    ORIENTATION_SHARES,
    PNTS,
    PREGNANCY_QUESTION,
    RELIGION_QUESTION,
    RELIGION_SHARES,
    SEX_QUESTION,
    SEX_SHARES,
    VARIANTS,
)


def _from_shares(rng, shares: dict, size: int) -> np.ndarray:
    """Draw ``size`` answers from a mapping of answer to relative weight.

    Args:
        rng: Seeded random generator.
        shares: Relative weight of each answer.
        size: Number of answers to draw.

    Returns:
        An object array of answers.
    """
    return choose(rng, tuple(shares), tuple(shares.values()), size)


def _disability(rng, types: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The two-part GSS disability question; part two only for those answering Yes.

    Args:
        rng: Seeded random generator.
        types: Respondent type of each respondent.

    Returns:
        The answers to part one and to part two (blank when not asked).
    """
    first = yes_no(rng, types, DISABILITY_YES, pnts=0.05)
    second = np.full(len(types), "", dtype=object)
    yes = first == "Yes"
    second[yes] = _from_shares(rng, LIMITATION_SHARES, int(yes.sum()))
    second[yes & (rng.random(len(types)) < 0.03)] = ""
    return first, second


def _religion(rng, ethnic: np.ndarray) -> np.ndarray:
    """Religion, drawn separately for Asian respondents so faith follows ethnicity.

    Args:
        rng: Seeded random generator.
        ethnic: Ethnic group of each respondent.

    Returns:
        One religion answer per respondent.
    """
    asian = pd.Series(ethnic).str.startswith("Asian").to_numpy()
    out = _from_shares(rng, RELIGION_SHARES, len(ethnic))
    out[asian] = _from_shares(rng, ASIAN_RELIGION_SHARES, int(asian.sum()))
    return out


def _marital(rng, age: np.ndarray) -> np.ndarray:
    """Legal partnership status; everyone under 18 has never married.

    Args:
        rng: Seeded random generator.
        age: Age band of each respondent.

    Returns:
        One status per respondent.
    """
    out = choose(rng, MARITAL_OPTIONS, MARITAL_ADULT, len(age))
    young = np.isin(age, ("Under 16", "16-17"))
    out[young] = MARITAL_OPTIONS[0]
    young_adult = (age == "18-24") & (rng.random(len(age)) < 0.85)
    out[young_adult] = MARITAL_OPTIONS[0]
    return out


def _pregnancy(rng, sex: np.ndarray, age: np.ndarray) -> np.ndarray:
    """Pregnancy and maternity: a few women aged 18 to 44 say Yes.

    Args:
        rng: Seeded random generator.
        sex: Sex of each respondent.
        age: Age band of each respondent.

    Returns:
        One answer per respondent.
    """
    out = choose(rng, ("No", PNTS), (96, 4), len(sex))
    could = (sex == "Female") & np.isin(age, ("18-24", "25-34", "35-44"))
    out[could & (rng.random(len(sex)) < 0.06)] = "Yes"
    return out


def _sex(rng, types: np.ndarray) -> np.ndarray:
    """Sex, with shares that depend on the respondent type.

    Args:
        rng: Seeded random generator.
        types: Respondent type of each respondent.

    Returns:
        One answer per respondent.
    """
    sex = np.empty(len(types), dtype=object)
    for kind, shares in SEX_SHARES.items():
        rows = types == kind
        sex[rows] = _from_shares(rng, shares, int(rows.sum()))
    return sex


def monitoring_answers(rng, types: np.ndarray) -> dict[str, np.ndarray]:
    """All equality monitoring answers, before blanks and variants are added.

    Args:
        rng: Seeded random generator.
        types: Respondent type of each respondent.

    Returns:
        Answers by question, in the order of the questionnaire.
    """
    n = len(types)
    age = by_type(rng, types, AGE_BANDS, AGE_SHARES)
    sex = _sex(rng, types)
    first, second = _disability(rng, types)
    ethnic = _from_shares(rng, ETHNIC_SHARES, n)
    return {
        AGE_QUESTION: age,
        SEX_QUESTION: sex,
        GENDER_QUESTION: _from_shares(rng, GENDER_SHARES, n),
        ORIENTATION_QUESTION: _from_shares(rng, ORIENTATION_SHARES, n),
        DISABILITY_QUESTION: first,
        LIMITATION_QUESTION: second,
        ETHNIC_QUESTION: ethnic,
        RELIGION_QUESTION: _religion(rng, ethnic),
        MARITAL_QUESTION: _marital(rng, age),
        PREGNANCY_QUESTION: _pregnancy(rng, sex, age),
        CARER_QUESTION: yes_no(rng, types, CARER_YES, pnts=0.03),
        FORCES_QUESTION: _from_shares(rng, FORCES_SHARES, n),
    }


def add_blanks(rng, frame: pd.DataFrame, types: np.ndarray) -> None:
    """Leave monitoring questions blank: often for organisations, sometimes for anyone.

    Args:
        rng: Seeded random generator.
        frame: The responses, changed in place.
        types: Respondent type of each respondent.
    """
    n = len(frame)
    skipped_all = (types == ORGANISATION) & (rng.random(n) < 0.55)
    skipped_all |= rng.random(n) < 0.025
    under_16 = frame[AGE_QUESTION].to_numpy() == "Under 16"
    for question in MONITORING:
        blank = skipped_all | (rng.random(n) < 0.02)
        if question in (GENDER_QUESTION, ORIENTATION_QUESTION):
            blank |= under_16 & (rng.random(n) < 0.6)
        frame.loc[blank, question] = ""


def add_variants(rng, frame: pd.DataFrame) -> None:
    """Replace a few answers with typing variants and unplaceable answers.

    Args:
        rng: Seeded random generator.
        frame: The responses, changed in place.
    """
    for question, answer, how_many, variant in VARIANTS:
        rows = np.flatnonzero(frame[question].to_numpy() == answer)
        chosen = rng.choice(rows, size=how_many, replace=False)
        frame.loc[frame.index[chosen], question] = variant
