"""Opinion questions cross-tabulated by characteristic, suppressed, for ``eia.reach/1``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
from scipy.stats import chi2_contingency

from eia_app.analysis.suppression import suppress_crosstab
from eia_app.analysis.survey import QuestionMatch, SurveyData, opinion_crosstab_counts

CharacteristicMatch = QuestionMatch | tuple[QuestionMatch, QuestionMatch]


def characteristic_match(
    matches: Sequence[QuestionMatch], target: str
) -> CharacteristicMatch | None:
    """The column(s) that ask about one characteristic, as the crosstab wants them.

    Args:
        matches: Recognised columns.
        target: Registry id.

    Returns:
        The most confident match; for the two-part GSS disability question the
        (condition, activity) pair; None when no column asks about it.
    """
    found = [m for m in matches if m.target == target]
    if not found:
        return None
    if target == "disability":
        parts = {m.part: m for m in sorted(found, key=lambda m: m.confidence)}
        if "condition" in parts and "activity" in parts:
            return parts["condition"], parts["activity"]
    return max(found, key=lambda m: m.confidence)


def independence_test(counts: pd.DataFrame) -> dict[str, Any]:
    """Chi-square test of independence over the rows and columns that have answers.

    Args:
        counts: Category x answer counts.

    Returns:
        chi2, df and p_value, all None when fewer than two rows or columns have answers.
    """
    table = counts.loc[counts.sum(axis=1) > 0, counts.sum(axis=0) > 0]
    if table.shape[0] < 2 or table.shape[1] < 2:
        return {"chi2": None, "df": None, "p_value": None}
    result = chi2_contingency(table.to_numpy())
    return {
        "chi2": round(float(result.statistic), 4),
        "df": int(result.dof),
        "p_value": float(f"{float(result.pvalue):.6g}"),
    }


def _row(category: str, counts: pd.Series, hidden: pd.Series, min_count: int) -> dict[str, Any]:
    """One row of a crosstab: counts (None where withheld), total and shares."""
    total = int(counts.sum())
    small_row = 0 < total < min_count
    cells = {
        str(answer): None if small_row or bool(withhold) else int(n)
        for answer, n, withhold in zip(
            counts.index, counts.to_numpy(), hidden.to_numpy(), strict=True
        )
    }
    withheld = small_row or any(value is None for value in cells.values())
    shares = {
        answer: None if n is None or not total else round(n / total, 6)
        for answer, n in cells.items()
    }
    return {
        "id": category,
        "counts": cells,
        "total": None if small_row else total,
        "shares": shares,
        "suppressed": withheld,
    }


def crosstab_section(counts: pd.DataFrame, min_count: int) -> dict[str, Any]:
    """Serialise one crosstab with small cells (and rows with a small total) withheld.

    Args:
        counts: Category x answer counts from ``opinion_crosstab_counts``.
        min_count: Suppression threshold.

    Returns:
        columns, rows (id, counts, total, shares, suppressed) and the test.
    """
    hidden = suppress_crosstab(counts, min_count)
    return {
        "columns": [str(c) for c in counts.columns],
        "rows": [_row(str(r), counts.loc[r], hidden.loc[r], min_count) for r in counts.index],
        "test": independence_test(counts),
    }


def opinion_sections(
    survey: SurveyData,
    matches: Sequence[QuestionMatch],
    questions: Sequence[str],
    characteristics: Sequence[str],
    min_count: int,
) -> dict[str, dict[str, Any]]:
    """Every opinion question by every characteristic found.

    Args:
        survey: The survey (or a split group).
        matches: Recognised columns.
        questions: Headers of the opinion questions.
        characteristics: Registry ids of the characteristics tallied.
        min_count: Suppression threshold.

    Returns:
        Opinion header -> characteristic id -> crosstab section.
    """
    sections: dict[str, dict[str, Any]] = {}
    for question in questions:
        by_characteristic = {}
        for cid in characteristics:
            match = characteristic_match(matches, cid)
            if match is not None:
                counts = opinion_crosstab_counts(survey, question, match)
                by_characteristic[cid] = crosstab_section(counts, min_count)
        sections[question] = by_characteristic
    return sections
