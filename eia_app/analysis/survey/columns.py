"""Coding the distinct answers of a survey column (shared by recognition and tallying)."""

from collections.abc import Mapping

import pandas as pd

from eia_app.analysis.survey.model import MERGED_SEPARATOR, SurveyData
from eia_app.analysis.survey.normalise import AnswerMapper, Question

# Cap on the distinct answers looked at when weighing evidence (free-text columns can
# have one distinct answer per respondent; the most common answers are enough).
EVIDENCE_SAMPLE = 300


def separator_for(survey: SurveyData, column: str) -> str | None:
    """How options are joined in the cells of a column, if they may be joined.

    Args:
        survey: The survey.
        column: Column name.

    Returns:
        The separator, or None for a single-answer column.
    """
    if column in survey.multi_options and survey.layout in ("surveymonkey", "smartsurvey"):
        return MERGED_SEPARATOR
    return survey.separator


def mapper_for(
    survey: SurveyData,
    column: str,
    question: Question,
    assignments: Mapping[str, str] | None = None,
) -> AnswerMapper:
    """Build the answer mapper for one column.

    Args:
        survey: The survey.
        column: Column name.
        question: What the column asks.
        assignments: Raw answer -> category id chosen by the user.

    Returns:
        A mapper that knows the column's separator and options.
    """
    return AnswerMapper(
        question,
        separator=separator_for(survey, column),
        options=survey.multi_options.get(column, ()),
        assignments=assignments,
    )


Answers = list[tuple[str, int]]


def top_answers(counts: pd.Series, limit: int = EVIDENCE_SAMPLE) -> Answers:
    """The most common non-blank answers, with their counts, as plain Python values.

    Args:
        counts: Counts by raw answer.
        limit: How many distinct answers to keep.

    Returns:
        At most ``limit`` (answer, count) pairs.
    """
    answered = counts[counts.index.notna()]
    if len(answered) > limit:
        answered = answered.nlargest(limit)
    return [(str(answer), int(count)) for answer, count in answered.items()]
