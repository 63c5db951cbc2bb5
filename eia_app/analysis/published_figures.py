"""Reach results as the domain's typed figures (the entries of ``eia.reach/1``).

Floats are rounded for publication: shares and interval ends to 4 decimal places
(0.1234 = 12.34%), ratios (and their interval, the Wilson bounds divided by the
baseline share) to 3, gaps in percentage points to 2, expected counts
to 1, residuals to 2, chi-square to 2 and p-values to 4 significant figures.
Withheld (suppressed) figures are null.
"""

from __future__ import annotations

import math

from eia_app.analysis.opinion_stats import OpinionResult
from eia_app.analysis.representation import CategoryResult, CharacteristicResult, GoodnessOfFit
from eia_app.domain.reach import (
    CategoryFigures,
    CharacteristicReach,
    CharacteristicThresholds,
    FitTest,
    OpinionCrosstab,
    OpinionFlag,
    OpinionRow,
    OpinionTest,
    RepresentationFlag,
)


def _round(value: float | None, places: int) -> float | None:
    """Round a float, turning None and NaN into None."""
    if value is None or math.isnan(value):
        return None
    return round(float(value), places)


def _significant(value: float | None, digits: int = 4) -> float | None:
    """Round to significant figures (p-values can be tiny)."""
    return None if value is None else float(f"{value:.{digits}g}")


def _ratio_bound(bound: float | None, share: float | None) -> float | None:
    """A Wilson bound divided by the baseline share (the ratio's interval, share held fixed)."""
    if bound is None or not share:
        return None
    return round(bound / share, 3)


def category_figures(category: CategoryResult) -> CategoryFigures:
    """Return one category's figures, rounded for publication."""
    return CategoryFigures(
        id=category.id,
        label=category.label,
        count=category.count,
        share=_round(category.share, 4),
        ci_low=_round(category.ci_low, 4),
        ci_high=_round(category.ci_high, 4),
        baseline_share=_round(category.baseline_share, 4),
        ratio=_round(category.ratio, 3),
        ratio_ci_low=_ratio_bound(category.ci_low, category.baseline_share),
        ratio_ci_high=_ratio_bound(category.ci_high, category.baseline_share),
        gap_pp=_round(category.gap_pp, 2),
        needed_for_parity=category.needed_for_parity,
        flag=RepresentationFlag(category.flag) if category.flag else None,
        suppressed=category.suppressed,
        expected=_round(category.expected, 1),
        adjusted_residual=_round(category.adjusted_residual, 2),
        parent=category.parent,
    )


def fit_test(test: GoodnessOfFit | None) -> FitTest:
    """Return the goodness-of-fit test, rounded (all null when there is none)."""
    if test is None:
        return FitTest()
    return FitTest(
        chi2=_round(test.chi2, 2),
        df=test.df,
        p_value=_significant(test.p_value),
        method="chi-square goodness of fit (asymptotic)",
        compared=tuple(test.categories),
        min_expected=_round(test.min_expected, 1),
        cohens_w=_round(test.cohens_w, 3),
        rose_index=_round(test.rose_index, 3),
        note=test.note,
    )


def characteristic_reach(result: CharacteristicResult, label: str) -> CharacteristicReach:
    """Return a characteristic's reach result as the ``eia.reach/1`` model.

    Args:
        result: A result, suppressed or not (``min_count`` says which).
        label: The characteristic's name from the registry.

    Returns:
        The typed entry of the document's ``characteristics``.
    """
    thresholds = result.thresholds
    return CharacteristicReach(
        label=label,
        question=result.question,
        answered=result.answered,
        prefer_not_to_say=result.prefer_not_to_say,
        not_answered=result.not_answered,
        unrecognised=dict(result.unrecognised),
        categories=tuple(category_figures(c) for c in result.categories),
        detail=tuple(category_figures(c) for c in result.detail),
        test=fit_test(result.test),
        characteristic=result.characteristic,
        respondents=result.respondents,
        universe=result.universe,
        notes=tuple(result.notes),
        notes_for_author=tuple(result.author_notes),
        min_count=result.min_count,
        thresholds=CharacteristicThresholds(
            ratio_under=float(thresholds.ratio_under),
            ratio_over=float(thresholds.ratio_over),
            require_ci=thresholds.require_ci,
            min_gap_pp=float(thresholds.min_gap_pp),
            confidence=float(thresholds.confidence),
        ),
    )


def opinion_crosstab(result: OpinionResult) -> OpinionCrosstab:
    """Return an opinion crosstab as the ``eia.reach/1`` model; withheld cells are null.

    Returns:
        ``answers`` (column order), ``rows`` (per group: ``group``, ``count``,
        ``counts``, ``row_percent``, ``agree_share``, interval, residual, ``flag``)
        and ``test`` (``chi2``, ``df``, ``p_value``).
    """
    answers = [str(c) for c in result.counts.columns]
    position = {str(i): n for n, i in enumerate(result.counts.index)}
    counts = result.counts.to_numpy()
    hidden = result.withheld.to_numpy()
    percents = result.row_percent.to_numpy(dtype=float)
    rows = []
    for group in result.groups:
        n = position[group.group]
        rows.append(OpinionRow(
            group=group.group,
            count=group.count,
            counts={a: (None if hidden[n, j] else int(counts[n, j]))
                    for j, a in enumerate(answers)},
            row_percent={a: (None if hidden[n, j] else _round(float(percents[n, j]), 1))
                         for j, a in enumerate(answers)},
            agree_share=_round(group.agree_share, 4),
            ci_low=_round(group.ci_low, 4),
            ci_high=_round(group.ci_high, 4),
            agree_residual=_round(group.agree_residual, 2),
            flag=OpinionFlag(group.flag) if group.flag else None,
        ))  # fmt: skip
    return OpinionCrosstab(
        answers=tuple(answers),
        agree_answers=tuple(str(c) for c in result.agree_columns),
        rows=tuple(rows),
        test=OpinionTest(
            chi2=_round(result.chi2, 2),
            df=result.df,
            p_value=_significant(result.p_value),
            min_expected=_round(result.min_expected, 1),
        ),
        notes=tuple(result.notes),
    )
