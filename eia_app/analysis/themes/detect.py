"""Which columns of a survey hold free text: long answers, mostly different from each other.

A closed question has a few answers repeated many times; a free-text question has long
answers that are mostly distinct. A column is free text when its mean answer is at
least ``MIN_MEAN_LENGTH`` characters long, it has at least ``MIN_DISTINCT_ANSWERS``
different answers, and at least ``MIN_DISTINCT`` of its answers are different. The
share is low enough for a large consultation where many people write the same short
remark ("No further comments."): a closed question, however long its options, has a
share near 0 (the SEND example's respondent-type question: 5 answers in 1,538).
Metadata columns (ids, times, e-mail) are never free text, nor are columns the
recogniser matched to a question.
"""

from __future__ import annotations

from collections.abc import Collection

import pandas as pd

from eia_app.analysis.survey.model import SurveyData, is_metadata_column
from eia_app.domain.themes import FreeTextColumn

MIN_DISTINCT_ANSWERS = 10
MIN_MEAN_LENGTH = 25
MIN_DISTINCT = 0.3


def describe(values: pd.Series, column: str) -> FreeTextColumn:
    """Answer count, share of distinct answers and mean length of one column."""
    text = values.dropna().astype(str).str.strip()
    text = text[text != ""]
    answers = len(text)
    return FreeTextColumn(
        column=column,
        answers=answers,
        distinct_share=round(text.nunique() / answers, 3) if answers else 0.0,
        mean_length=round(float(text.str.len().mean()), 1) if answers else 0.0,
    )


def is_free_text(described: FreeTextColumn) -> bool:
    """Whether a described column looks like a free-text question."""
    return (
        described.mean_length >= MIN_MEAN_LENGTH
        and round(described.distinct_share * described.answers) >= MIN_DISTINCT_ANSWERS
        and described.distinct_share >= MIN_DISTINCT
    )


def free_text_columns(survey: SurveyData, recognised: Collection[str] = ()) -> list[FreeTextColumn]:
    """The survey's free-text columns, in the order of the file.

    Args:
        survey: The survey read.
        recognised: Columns matched to an equality or opinion question.

    Returns:
        One description per free-text column.
    """
    out = []
    for column in survey.frame.columns:
        name = str(column)
        if is_metadata_column(name) or name in recognised:
            continue
        described = describe(survey.frame[column], name)
        if is_free_text(described):
            out.append(described)
    return out
