"""The questions about the child, asked of parents and carers only, and their invented answers.

A SEND consultation asks parents and carers about the child or young person they answer
for, so that the children's mix can be compared with the children who have EHC plans
(the cohort), while the respondents' own answers are compared with the county's
residents. The answers are drawn after every other column, so the rest of the export
is the same with or without them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from synthetic.consultation import PARENT
from synthetic.draw import choose
from synthetic.equality_questions import ETHNIC_QUESTION, ETHNIC_SHARES, PNTS

CHILD_AGE_QUESTION = "How old is your child or young person with SEND?"
CHILD_AGE_BANDS = ("0-4", "5-10", "11-15", "16-19", "20-25")
# Parents of younger children answered more often than the cohort's age mix would suggest.
CHILD_AGE_SHARES = (10, 38, 32, 15, 5)
CHILD_SEX_QUESTION = "What is your child's sex?"
CHILD_SEX_SHARES = {"Male": 68, "Female": 30, PNTS: 2}
CHILD_ETHNIC_QUESTION = "What is your child's ethnic group?"
# A child's ethnic group is mostly the parent's; some children of White British parents
# have a Mixed background.
CHILD_MIXED = (
    "Mixed or Multiple ethnic groups: White and Black Caribbean",
    "Mixed or Multiple ethnic groups: White and Asian",
)
CHILD_MIXED_SHARE = 0.06
CHILD_QUESTIONS = (CHILD_AGE_QUESTION, CHILD_SEX_QUESTION, CHILD_ETHNIC_QUESTION)
SKIPPED = 0.04  # parents who left the questions about their child blank


def _ethnic_groups(rng: np.random.Generator, parents: np.ndarray) -> np.ndarray:
    """The child's ethnic group, from the parent's answer."""
    children = parents.copy()
    unknown = np.isin(children, ["", PNTS, "I'd rather not say", "Human"])
    options = tuple(k for k in ETHNIC_SHARES if k != PNTS)
    weights = [ETHNIC_SHARES[k] for k in options]
    children[unknown] = choose(rng, options, weights, int(unknown.sum()))
    british = children == "White: English, Welsh, Scottish, Northern Irish or British"
    mixed = british & (rng.random(len(children)) < CHILD_MIXED_SHARE)
    children[mixed] = choose(rng, CHILD_MIXED, (1, 1), int(mixed.sum()))
    return children


def add_child_questions(rng: np.random.Generator, frame: pd.DataFrame, types) -> pd.DataFrame:
    """Add the three questions about the child; blank for anyone but parents and carers.

    Args:
        rng: Seeded random generator (used after every other column is drawn).
        frame: The responses.
        types: Respondent type of each respondent.

    Returns:
        The frame with the three columns added at the end.
    """
    size = len(frame)
    asked = (np.asarray(types) == PARENT) & (rng.random(size) >= SKIPPED)
    count = int(asked.sum())
    columns = {question: np.full(size, "", dtype=object) for question in CHILD_QUESTIONS}
    columns[CHILD_AGE_QUESTION][asked] = choose(rng, CHILD_AGE_BANDS, CHILD_AGE_SHARES, count)
    sexes = tuple(CHILD_SEX_SHARES)
    columns[CHILD_SEX_QUESTION][asked] = choose(
        rng, sexes, [CHILD_SEX_SHARES[s] for s in sexes], count
    )
    parents = frame[ETHNIC_QUESTION].to_numpy(dtype=object)[asked]
    columns[CHILD_ETHNIC_QUESTION][asked] = _ethnic_groups(rng, parents)
    return frame.assign(**columns).astype(object)
