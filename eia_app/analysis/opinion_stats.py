"""Do groups answer an opinion question differently? Crosstab, test and flags.

Rows are groups (the categories of a characteristic), columns the ordered answers.
The test of independence is Pearson's chi-square (as ``scipy.stats.chi2_contingency``).

Flag rule: the answers are collapsed to "agree" (columns naming agreement or
support, not "disagree" or "neither") against everything else, and a group is
flagged ``more_agree`` or ``less_agree`` when its adjusted residual in that 2-column
table is beyond +/-``z`` (1.96 by default, a 5% two-sided level for one group).
With no agree column, a group is flagged ``differs`` when any of its cells has an
adjusted residual beyond +/-``z``. Residuals are the standardised (adjusted)
residuals of ``statsmodels.stats.contingency_tables.Table``, computed over the
non-empty rows and columns (the formulas live in :mod:`eia_app.analysis.light_stats`,
which gives the same figures without importing those libraries). Responses are
self-selected: a flag says the answers differ beyond chance among respondents, not
that the population differs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from eia_app.analysis.light_stats import adjusted_residuals, chi2_independence, wilson_interval

Z_FLAG = 1.96


@dataclass(frozen=True)
class OpinionGroup:
    """One group's answers, summarised.

    Attributes:
        group: Group (row) id.
        count: Respondents in the group who answered (None when withheld).
        agree_share: Share answering an agree column (None if there is none or it is withheld).
        ci_low: Lower end of the Wilson 95% interval of the agree share.
        ci_high: Upper end of the interval.
        agree_residual: Adjusted residual of the group's agree count (agree vs the rest).
        flag: ``more_agree``, ``less_agree``, ``differs`` or None.
    """

    group: str
    count: int | None
    agree_share: float | None
    ci_low: float | None
    ci_high: float | None
    agree_residual: float | None
    flag: str | None


@dataclass(frozen=True)
class OpinionResult:
    """A crosstab of answers by group with its test.

    Attributes:
        counts: Rows = groups, columns = answers (unsuppressed).
        row_percent: Percentage of each group giving each answer.
        residuals: Adjusted residual of every cell.
        groups: One summary per group, in row order.
        chi2: Chi-square statistic of independence (None when it cannot be computed).
        df: Degrees of freedom.
        p_value: p-value of the test.
        min_expected: Smallest expected count.
        agree_columns: Columns counted as agreement.
        withheld: Cells withheld from publication (all False until suppressed).
        notes: Caveats.
    """

    counts: pd.DataFrame
    row_percent: pd.DataFrame
    residuals: pd.DataFrame
    groups: tuple[OpinionGroup, ...]
    chi2: float | None
    df: int | None
    p_value: float | None
    min_expected: float | None
    agree_columns: tuple[str, ...]
    withheld: pd.DataFrame
    notes: tuple[str, ...] = field(default=())


def agree_columns(columns: Sequence[str]) -> tuple[str, ...]:
    """Return the answer columns that express agreement or support."""
    found = []
    for column in columns:
        text = str(column).casefold()
        if "disagree" in text or "neither" in text or "oppose" in text or "not " in text:
            continue
        if "agree" in text or "support" in text:
            found.append(column)
    return tuple(found)


def _test(counts: pd.DataFrame) -> tuple[float, int, float, float] | None:
    """Chi-square test of independence over the non-empty rows and columns."""
    values = counts.to_numpy()
    table = values[values.sum(axis=1) > 0][:, values.sum(axis=0) > 0]
    if table.shape[0] < 2 or table.shape[1] < 2:
        return None
    statistic, dof, p_value, expected = chi2_independence(table)
    return statistic, int(dof), p_value, float(expected.min())


def _adjusted(values: np.ndarray) -> np.ndarray:
    """Adjusted (standardised) residuals of every cell; NaN where a row or column is empty.

    Empty rows and columns are left out before the residuals are computed: their
    margins are zero, so their residuals would be 0/0, and below 2 x 2 non-empty there
    is no test to speak of (NaN everywhere). Zero cells are kept as zeros (statsmodels'
    default would replace them by 0.5, which changes all the residuals).
    """
    out = np.full(values.shape, np.nan)
    rows, cols = values.sum(axis=1) > 0, values.sum(axis=0) > 0
    if rows.sum() < 2 or cols.sum() < 2:
        return out
    out[np.ix_(rows, cols)] = adjusted_residuals(values[np.ix_(rows, cols)])
    return out


def _flag(residual: float, z: float) -> str | None:
    """``more_agree`` or ``less_agree`` when the agree residual is beyond +/-z."""
    if np.isnan(residual) or abs(residual) <= z:
        return None
    return "more_agree" if residual > 0 else "less_agree"


def _groups(
    counts: pd.DataFrame, agree: Sequence[str], cells: np.ndarray, z: float
) -> tuple[OpinionGroup, ...]:
    """Summarise and flag every group (row) at once.

    Works on arrays rather than row by row: a crosstab is computed for every opinion
    question by every characteristic, so per-row pandas overhead adds up.
    """
    values = counts.to_numpy()
    totals = values.sum(axis=1)
    names = [str(name) for name in counts.index]
    if not agree:
        differs = (np.abs(np.nan_to_num(cells, nan=0.0)) > z).any(axis=1)
        return tuple(
            OpinionGroup(name, int(total), None, None, None, None, "differs" if d else None)
            for name, total, d in zip(names, totals, differs, strict=True)
        )
    positions = counts.columns.get_indexer(pd.Index(list(agree)))
    agreeing = values[:, positions].sum(axis=1)
    residual = _adjusted(np.column_stack([agreeing, totals - agreeing]))[:, 0]
    low, high = np.full(len(totals), np.nan), np.full(len(totals), np.nan)
    answered = totals > 0
    if answered.any():
        low[answered], high[answered] = wilson_interval(agreeing[answered], totals[answered])
    return tuple(
        OpinionGroup(
            name, int(totals[i]),
            int(agreeing[i]) / int(totals[i]) if totals[i] else None,
            float(low[i]) if totals[i] else None,
            float(high[i]) if totals[i] else None,
            None if np.isnan(residual[i]) else float(residual[i]),
            _flag(residual[i], z),
        )
        for i, name in enumerate(names)
    )  # fmt: skip


def crosstab_opinion(
    counts: pd.DataFrame,
    *,
    agree: Sequence[str] | None = None,
    z: float = Z_FLAG,
) -> OpinionResult:
    """Test whether groups answer an opinion question differently and flag the groups that do.

    Args:
        counts: Rows = groups, columns = ordered answers, values = counts.
        agree: Columns meaning agreement; by default found from the column names.
        z: Residual beyond which a group is flagged.

    Returns:
        Row percentages, the chi-square test, adjusted residuals and a summary per group.
    """
    counts = counts.fillna(0).astype(int)
    agree_cols = tuple(agree) if agree is not None else agree_columns(list(counts.columns))
    values = counts.to_numpy()
    totals = values.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        percent = values / np.where(totals > 0, totals, np.nan)[:, None] * 100
    row_percent = pd.DataFrame(percent, index=counts.index, columns=counts.columns)
    cells = _adjusted(values)
    residuals = pd.DataFrame(cells, index=counts.index, columns=counts.columns)
    groups = _groups(counts, agree_cols, cells, z)
    test = _test(counts)
    notes = []
    if test is not None and test[3] < 5:
        notes.append("Some expected counts are below 5; the chi-square p-value is approximate.")
    chi2, df, p_value, min_expected = test if test else (None, None, None, None)
    withheld = pd.DataFrame(False, index=counts.index, columns=counts.columns)
    return OpinionResult(
        counts, row_percent, residuals, groups, chi2, df, p_value, min_expected, agree_cols,
        withheld, tuple(notes),
    )  # fmt: skip
