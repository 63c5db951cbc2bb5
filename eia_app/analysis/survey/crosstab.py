"""Counts of opinion answers by characteristic category, for the statistics engine."""

from collections import Counter
from collections.abc import Sequence
from typing import cast

import pandas as pd

from eia_app.analysis.survey.answer_coders import AgeCoder, ColumnCoder, TwoPartDisabilityCoder
from eia_app.analysis.survey.by_characteristic import check_columns
from eia_app.analysis.survey.model import QuestionMatch, SurveyData
from eia_app.analysis.survey.opinion import DONT_KNOW_POINT, best_scale, opinion_label, scale_labels
from eia_app.domain.errors import SurveyReadError
from eia_app.domain.registry import GroupDefinition


def _coder(
    survey: SurveyData, match: QuestionMatch | Sequence[QuestionMatch], group: GroupDefinition
) -> ColumnCoder:
    if isinstance(match, QuestionMatch):
        if match.target == "age":
            return AgeCoder(survey, match, group, {})
        return ColumnCoder(survey, match, group, {})
    condition, activity = match
    return TwoPartDisabilityCoder(survey, (condition, activity), group, {})


def opinion_crosstab_counts(
    survey: SurveyData,
    opinion_column: str,
    characteristic_match: QuestionMatch | Sequence[QuestionMatch],
    detail: bool = False,
    *,
    group: GroupDefinition,
) -> pd.DataFrame:
    """Cross-tabulate an opinion question by a characteristic (counts only).

    Rows are the characteristic's canonical categories (zero rows included); columns
    are the points of the answer scale in order, with "Don't know" last when anyone
    chose it. Blank, prefer-not-to-say and unplaced answers on either side are left
    out. A respondent placed in several categories is counted in each.

    Args:
        survey: The survey.
        opinion_column: Header of the opinion question.
        characteristic_match: The characteristic's match, or (condition, activity)
            matches for the two-part disability question.
        detail: For race, use the 19 detailed categories instead of the 5 groups.
        group: The registry's definition of the characteristic (its categories are the rows).

    Returns:
        Integer counts, index named by the characteristic, columns by the question.

    Raises:
        SurveyReadError: If the opinion column does not exist.
    """
    if opinion_column not in survey.frame.columns:
        raise SurveyReadError(
            f"{survey.file}: no column called '{opinion_column}'; choose an opinion question."
        )
    parts = (
        [characteristic_match]
        if isinstance(characteristic_match, QuestionMatch)
        else list(characteristic_match)
    )
    check_columns(survey, parts)
    coder = _coder(survey, characteristic_match, group)
    counts = survey.counts(*coder.columns, opinion_column)
    keys = [cast(tuple[object, ...], key) for key in counts.index]
    answers = {key[-1] for key in keys if isinstance(key[-1], str)}
    scale = best_scale(answers)
    labels = {answer: opinion_label(answer, scale) for answer in answers}
    use_detail = detail and bool(coder.parents)
    cells: Counter[tuple[str, str]] = Counter()
    for key, count in zip(keys, counts.to_numpy(), strict=True):
        label = labels.get(key[-1]) if isinstance(key[-1], str) else None
        if label is None:
            continue
        outcome = coder.code(key[0] if len(key) == 2 else key[:-1])
        for category in outcome.detail if use_detail else outcome.categories:
            cells[(category, label)] += int(count)
    rows = list(coder.parents) if use_detail else coder.category_ids()
    columns = scale_labels(scale, DONT_KNOW_POINT[1] in labels.values())
    table = pd.DataFrame(
        [[cells[(row, column)] for column in columns] for row in rows],
        index=rows,
        columns=columns,
        dtype=int,
    )
    table.index.name = coder.target
    table.columns.name = opinion_column
    return table
