"""The whole synthetic export: timestamps, ids, opinions, comments and monitoring answers."""

from __future__ import annotations

import numpy as np
import pandas as pd

from synthetic.child_questions import add_child_questions
from synthetic.consultation import (
    AGREE,
    CLOSES,
    COMMENT_QUESTION,
    COMMENTS,
    OPENS,
    OPINION_SHARES,
    OPINIONS,
    RESPONSES,
    TYPE_QUESTION,
    TYPES,
)
from synthetic.draw import by_type, choose
from synthetic.equality_answers import add_blanks, add_variants, monitoring_answers
from synthetic.equality_questions import ETHNIC_QUESTION


def _timestamps(rng: np.random.Generator, size: int) -> tuple[pd.Series, pd.Series]:
    """Started and Submitted times within the consultation window, in order of submission.

    Args:
        rng: Seeded random generator.
        size: Number of responses.

    Returns:
        The Started and the Submitted times as formatted strings.
    """
    span = (CLOSES - OPENS).total_seconds() - 3_600
    # More responses arrive at the start and just before the close.
    position = np.sort(rng.beta(0.8, 0.7, size=size))
    started = OPENS + pd.to_timedelta(position * span, unit="s").round("s")
    minutes = rng.gamma(3.0, 5.0, size=size).clip(2, 55)
    submitted = started + pd.to_timedelta(minutes * 60, unit="s").round("s")
    fmt = "%Y-%m-%d %H:%M:%S"
    return pd.Series(started.strftime(fmt)), pd.Series(submitted.strftime(fmt))


def _response_ids(rng: np.random.Generator, size: int) -> list[str]:
    """Citizen Space-like anonymous response ids, for example ``ANON-7KQ2-M4XD-3``.

    Args:
        rng: Seeded random generator.
        size: Number of responses.

    Returns:
        One id per response.
    """
    letters = np.array(list("ABCDEFGHJKLMNPQRSTUVWXYZ23456789"))
    chars = rng.choice(letters, size=(size, 9))
    return [f"ANON-{''.join(c[:4])}-{''.join(c[4:8])}-{c[8]}" for c in chars]


def _opinions(rng, types: np.ndarray, ethnic: np.ndarray) -> dict[str, np.ndarray]:
    """Answers to the five principle questions, with blanks and a minority-group shift.

    Args:
        rng: Seeded random generator.
        types: Respondent type of each respondent.
        ethnic: Ethnic group of each respondent.

    Returns:
        Answers by question, in the order of the principles.
    """
    minority = pd.Series(ethnic).str.startswith(("Asian", "Black")).to_numpy()
    answers = {}
    for key, question in OPINIONS.items():
        values = by_type(rng, types, AGREE, OPINION_SHARES[key])
        if key == "voice":
            # Asian and Black respondents are less sure families are heard as partners.
            doubt = minority & (rng.random(len(types)) < 0.35)
            values[doubt] = choose(rng, AGREE[2:5], (2, 5, 3), int(doubt.sum()))
        values[rng.random(len(types)) < 0.025] = ""
        answers[question] = values
    return answers


def _comments(rng: np.random.Generator, size: int) -> np.ndarray:
    """Free-text comments from about two responses in five, blank for the rest.

    Args:
        rng: Seeded random generator.
        size: Number of responses.

    Returns:
        One comment (possibly blank) per response.
    """
    comment = np.full(size, "", dtype=object)
    has_comment = rng.random(size) < 0.38
    comment[has_comment] = choose(rng, COMMENTS, np.ones(len(COMMENTS)), int(has_comment.sum()))
    return comment


def build(rng: np.random.Generator, size: int = RESPONSES) -> pd.DataFrame:
    """Build the whole synthetic export as a frame of strings (blank = not answered).

    Args:
        rng: Seeded random generator.
        size: Number of responses.

    Returns:
        One row per response, columns in the order of the questionnaire.
    """
    types = choose(rng, tuple(TYPES), tuple(TYPES.values()), size)
    started, submitted = _timestamps(rng, size)
    monitoring = monitoring_answers(rng, types)
    comment = _comments(rng, size)
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
    add_blanks(rng, frame, types)
    add_variants(rng, frame)
    # Drawn last, so that every other column is the same as before they were asked.
    return add_child_questions(rng, frame, types)
