"""Do groups answer an opinion question differently? Crosstab, test and flags.

Rows are groups (the categories of a characteristic), columns the ordered answers.
The test of independence is Pearson's chi-square (``scipy.stats.chi2_contingency``).

Flag rule: the answers are collapsed to "agree" (columns naming agreement or
support, not "disagree" or "neither") against everything else, and a group is
flagged ``more_agree`` or ``less_agree`` when its adjusted residual in that 2-column
table is beyond +/-``z`` (1.96 by default, a 5% two-sided level for one group).
With no agree column, a group is flagged ``differs`` when any of its cells has an
adjusted residual beyond +/-``z``. Residuals are statsmodels' standardised
(adjusted) residuals. Responses are self-selected: a flag says the answers differ
beyond chance among respondents, not that the population differs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd
from scipy.stats import chi2_contingency
from statsmodels.stats.contingency_tables import Table
from statsmodels.stats.proportion import proportion_confint

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
    table = counts.loc[counts.sum(axis=1) > 0, counts.sum(axis=0) > 0]
    if table.shape[0] < 2 or table.shape[1] < 2:
        return None
    result = chi2_contingency(table.to_numpy(), correction=False)
    return (
        float(result.statistic),
        int(result.dof),
        float(result.pvalue),
        float(result.expected_freq.min()),
    )


def _residuals(counts: pd.DataFrame) -> pd.DataFrame:
    """Adjusted (standardised) residuals of each cell; NaN where a row or column is empty."""
    table = counts.loc[counts.sum(axis=1) > 0, counts.sum(axis=0) > 0]
    if table.shape[0] < 2 or table.shape[1] < 2:
        return pd.DataFrame(float("nan"), index=counts.index, columns=counts.columns)
    residuals = Table(table.to_numpy(dtype=float, copy=True), shift_zeros=False).standardized_resids
    frame = pd.DataFrame(residuals, index=table.index, columns=table.columns)
    return frame.reindex(index=counts.index, columns=counts.columns)


def _group(
    name: str, row: pd.Series, agree: Sequence[str], residuals: pd.Series, z: float
) -> OpinionGroup:
    """Summarise one group's answers and flag it."""
    total = int(row.sum())
    if not agree:
        differs = bool((residuals.abs() > z).any())
        return OpinionGroup(name, total, None, None, None, None, "differs" if differs else None)
    agreeing = int(row[list(agree)].sum())
    share = agreeing / total if total else None
    low, high = proportion_confint(agreeing, total, method="wilson") if total else (None, None)
    residual = residuals.get("agree")
    flag = None
    if residual is not None and pd.notna(residual) and abs(residual) > z:
        flag = "more_agree" if residual > 0 else "less_agree"
    value = float(residual) if residual is not None and pd.notna(residual) else None
    return OpinionGroup(name, total, share, low, high, value, flag)


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
    totals = counts.sum(axis=1)
    row_percent = counts.div(totals.where(totals > 0), axis=0) * 100
    residuals = _residuals(counts)
    collapsed = pd.DataFrame({
        "agree": counts[list(agree_cols)].sum(axis=1),
        "other": counts.drop(columns=list(agree_cols)).sum(axis=1),
    })  # fmt: skip
    collapsed_res = _residuals(collapsed) if agree_cols else residuals
    groups = tuple(
        _group(str(name), counts.loc[name], agree_cols, collapsed_res.loc[name], z)
        for name in counts.index
    )
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
