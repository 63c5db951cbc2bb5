"""Each respondent's categories, by characteristic, coded as the reach tables code them."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from eia_app.analysis.survey.by_characteristic import build_coder
from eia_app.analysis.survey.model import QuestionMatch, SurveyData
from eia_app.analysis.themes.by_group import Characteristic
from eia_app.domain.registry import GroupDefinition


def code_respondents(
    survey: SurveyData,
    matches: Sequence[QuestionMatch],
    groups: Sequence[GroupDefinition],
    rows: np.ndarray,
) -> list[Characteristic]:
    """The coded categories of the chosen rows, for every characteristic asked about.

    Each distinct answer is coded once, with the same coders (and so the same
    categories, labels and vocabulary) as the reach tables.

    Args:
        survey: The survey.
        matches: Recognised columns.
        groups: The registry's groups, in display order.
        rows: Positions of the rows to code (the commenters), in order.

    Returns:
        One ``Characteristic`` per group the survey asks about.
    """
    out = []
    for group in groups:
        coder = build_coder(survey, matches, group)
        if coder is None:
            continue
        frame = survey.frame.iloc[rows][list(coder.columns)].astype(object)
        cache: dict[object, tuple[str, ...]] = {}
        members = []
        for values in frame.itertuples(index=False, name=None):
            key = values[0] if len(values) == 1 else tuple(values)
            key = "" if key is None or (isinstance(key, float) and np.isnan(key)) else key
            if key not in cache:
                cache[key] = coder.code(np.nan if key == "" else key).categories
            members.append(cache[key])
        out.append(
            Characteristic(
                id=group.id,
                label=group.label,
                categories={c: coder.label(c) for c in coder.category_ids()},
                members=members,
                complement=group.complement,
            )
        )
    return out
