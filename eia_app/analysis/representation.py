"""Who did the consultation reach: respondent shares against a population baseline.

For each category of a characteristic: the share of substantive answers with a
Wilson interval, the baseline share, the gap in percentage points, the
representation ratio, the expected count, the responses needed for parity and an
under/over flag; for the characteristic, a chi-square goodness-of-fit test with
adjusted residuals. A consultation is self-selected, not a random sample: the
intervals and p-values describe how far the responses could be chance variation
around the baseline mix, not an estimate of opinion in the population.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from eia_app.analysis.category_counts import CategoryTally, CharacteristicTally
from eia_app.analysis.light_stats import chi2_goodness_of_fit
from eia_app.analysis.light_stats import wilson_interval as wilson_arrays
from eia_app.domain.reach import DEFAULT_SMALL_GROUP

MIN_EXPECTED = 5  # usual validity rule of thumb for the chi-square approximation


@dataclass(frozen=True)
class Thresholds:
    """When a category is flagged as under- or over-represented.

    The 0.8 ratio is the US "four-fifths" screening rule; no UK consultation
    standard exists, so every value is configurable and printed on the report.

    Attributes:
        ratio_under: Flag "under" when the ratio is below this...
        ratio_over: ...or "over" when it is above this,
        require_ci: and (if True) the Wilson interval excludes the baseline share,
        min_gap_pp: and the gap is at least this many percentage points (0 = any);
            2 by default, so that a small group is not flagged for a fraction of a point.
        confidence: Level of the Wilson intervals.
        small_group: Groups with fewer answers are reported as too few to detect a
            difference rather than as "no difference".
    """

    ratio_under: float = 0.8
    ratio_over: float = 1.25
    require_ci: bool = True
    min_gap_pp: float = 2.0
    confidence: float = 0.95
    small_group: int = DEFAULT_SMALL_GROUP


@dataclass(frozen=True)
class CategoryResult:
    """Reach figures for one category; None where a figure does not apply or is suppressed.

    Attributes:
        id: Canonical category id.
        label: Label to show.
        count: Respondents in the category.
        share: Share of the substantive answers.
        ci_low: Lower end of the Wilson interval of the share.
        ci_high: Upper end of the Wilson interval of the share.
        baseline_share: Population share (None without a baseline for the category).
        ratio: Representation ratio, share / baseline share.
        gap_pp: Share minus baseline share, in percentage points.
        expected: Answered times baseline share.
        needed_for_parity: Extra responses from this group alone to reach the baseline
            share; only for an under-represented group that is a minority of the population.
        flag: ``under``, ``over`` or None.
        adjusted_residual: (O - E) / sqrt(E (1 - p)) from the goodness-of-fit test.
        suppressed: True when the count is withheld from publication.
        parent: Broad category of a detailed category.
    """

    id: str
    label: str
    count: int | None
    share: float | None
    ci_low: float | None
    ci_high: float | None
    baseline_share: float | None = None
    ratio: float | None = None
    gap_pp: float | None = None
    expected: float | None = None
    needed_for_parity: int | None = None
    flag: str | None = None
    adjusted_residual: float | None = None
    suppressed: bool = False
    parent: str | None = None


@dataclass(frozen=True)
class GoodnessOfFit:
    """Chi-square goodness-of-fit of the answered mix against the baseline mix.

    Attributes:
        chi2: Test statistic.
        df: Degrees of freedom (compared categories - 1).
        p_value: Asymptotic p-value.
        categories: Ids of the compared categories (those with a baseline share above 0).
        min_expected: Smallest expected count.
        cohens_w: Effect size, sqrt(chi2 / n).
        rose_index: 1 - half the sum of absolute share differences (1 = same mix).
        note: Caveat on validity, or None.
    """

    chi2: float
    df: int
    p_value: float
    categories: tuple[str, ...]
    min_expected: float
    cohens_w: float
    rose_index: float
    note: str | None = None


@dataclass(frozen=True)
class CharacteristicResult:
    """Reach analysis of one characteristic.

    Attributes:
        characteristic: Registry id.
        question: The survey question.
        respondents: Everyone in the survey.
        answered: Substantive, recognised answers (the denominator of shares).
        prefer_not_to_say: Respondents who declined (None when suppressed).
        not_answered: Respondents who left it blank (None when suppressed).
        unrecognised: Raw answers that could not be placed, with counts (None when suppressed).
        categories: One result per category, in display order.
        detail: Results for detailed categories (race), if any.
        test: Goodness-of-fit test, or None (no baseline, or fewer than 2 categories).
        universe: The baseline's universe, in words.
        notes: Caveats to show with the result.
        thresholds: Flagging rule used.
        min_count: Suppression threshold applied (0 = none).
        author_notes: Advice for whoever runs the analysis, never for the document.
    """

    characteristic: str
    question: str
    respondents: int
    answered: int
    prefer_not_to_say: int | None
    not_answered: int | None
    unrecognised: Mapping[str, int | None]
    categories: tuple[CategoryResult, ...]
    detail: tuple[CategoryResult, ...] = ()
    test: GoodnessOfFit | None = None
    universe: str | None = None
    notes: tuple[str, ...] = ()
    thresholds: Thresholds = field(default_factory=Thresholds)
    min_count: int = 0
    author_notes: tuple[str, ...] = ()


def wilson_interval(count: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Return the Wilson score interval of count / n (as statsmodels computes it)."""
    low, high = wilson_arrays(count, n, alpha=1 - confidence)
    return float(low), float(high)


def needed_for_parity(count: int, n: int, p: float) -> int | None:
    """Extra responses from one group, others fixed, for its share to reach p.

    Solves (count + x) / (n + x) = p, so x = ceil((p n - count) / (1 - p)); 0 when
    the share is already at or above p, None when p is 1 (parity is unreachable).
    """
    if count >= p * n:
        return 0
    if p >= 1:
        return None
    # Rounding guards against 31.000000000004 becoming 32.
    return math.ceil(round((p * n - count) / (1 - p), 9))


def flag_for(share: float, ci: tuple[float, float], p: float, thresholds: Thresholds) -> str | None:
    """Return ``under``, ``over`` or None for a share against a baseline share p."""
    if p <= 0:
        return None
    ratio, gap = share / p, 100 * (share - p)
    if (
        ratio < thresholds.ratio_under
        and (not thresholds.require_ci or ci[1] < p)
        and gap <= -thresholds.min_gap_pp
    ):
        return "under"
    if (
        ratio > thresholds.ratio_over
        and (not thresholds.require_ci or ci[0] > p)
        and gap >= thresholds.min_gap_pp
    ):
        return "over"
    return None


def category_result(
    tally: CategoryTally, n: int, p: float | None, thresholds: Thresholds
) -> CategoryResult:
    """Compute the reach figures of one category among n substantive answers."""
    if n == 0:
        return CategoryResult(
            tally.id, tally.label, tally.count, None, None, None, p, parent=tally.parent
        )
    share = tally.count / n
    ci = wilson_interval(tally.count, n, thresholds.confidence)
    if p is None:
        return CategoryResult(tally.id, tally.label, tally.count, share, *ci, parent=tally.parent)
    flag = flag_for(share, ci, p, thresholds)
    # Parity is a target for a group that was missed, not for the majority: "4,573 more
    # needed" for a majority row only restates that others answered.
    parity = needed_for_parity(tally.count, n, p) if flag == "under" and p < 0.5 else None
    return CategoryResult(
        tally.id, tally.label, tally.count, share, *ci,
        baseline_share=p,
        ratio=share / p if p > 0 else None,
        gap_pp=100 * (share - p),
        expected=n * p,
        needed_for_parity=parity,
        flag=flag,
        parent=tally.parent,
    )  # fmt: skip


def goodness_of_fit(
    counts: Mapping[str, int], shares: Mapping[str, float]
) -> tuple[GoodnessOfFit, dict[str, float]] | None:
    """Chi-square goodness-of-fit and adjusted residuals over the categories with a share > 0.

    Expected counts use the baseline shares renormalised over the compared
    categories, so the observed and expected totals agree.

    Args:
        counts: Observed count per category.
        shares: Baseline share per category (categories without one are left out).

    Returns:
        The test and the adjusted residual per compared category, or None with
        fewer than 2 compared categories or no answers among them.
    """
    ids = [c for c in counts if shares.get(c) is not None and shares[c] > 0]
    n = sum(counts[c] for c in ids)
    if len(ids) < 2 or n == 0:
        return None
    scale = sum(shares[c] for c in ids)
    p = {c: shares[c] / scale for c in ids}
    observed = [counts[c] for c in ids]
    expected = [n * p[c] for c in ids]
    chi2, p_value = chi2_goodness_of_fit(observed, expected)
    residuals = {c: (counts[c] - n * p[c]) / math.sqrt(n * p[c] * (1 - p[c])) for c in ids}
    rose = 1 - 0.5 * sum(abs(counts[c] / n - p[c]) for c in ids)
    small = min(expected)
    note = None
    if small < MIN_EXPECTED:
        note = f"Some expected counts are below {MIN_EXPECTED}, so the test is approximate."
    test = GoodnessOfFit(
        float(chi2), len(ids) - 1, float(p_value), tuple(ids), small,
        math.sqrt(float(chi2) / n), rose, note,
    )  # fmt: skip
    return test, residuals


def _results(
    tallies: Sequence[CategoryTally],
    shares: Mapping[str, float] | None,
    thresholds: Thresholds,
) -> tuple[tuple[CategoryResult, ...], GoodnessOfFit | None]:
    """Compute the results of a set of categories and their goodness-of-fit test."""
    n = sum(t.count for t in tallies)
    shares = shares or {}
    results = [category_result(t, n, shares.get(t.id), thresholds) for t in tallies]
    fit = goodness_of_fit({t.id: t.count for t in tallies}, shares) if shares else None
    if fit is None:
        return tuple(results), None
    test, residuals = fit
    results = [_with_residual(r, residuals.get(r.id)) for r in results]
    return tuple(results), test


def _with_residual(result: CategoryResult, residual: float | None) -> CategoryResult:
    """Return the result with its adjusted residual set."""
    return replace(result, adjusted_residual=residual)


def analyse_characteristic(
    tally: CharacteristicTally,
    baseline_shares: Mapping[str, float] | None,
    *,
    thresholds: Thresholds = Thresholds(),  # noqa: B008 - frozen, so safe as a default
    universe: str | None = None,
    notes: Sequence[str] = (),
) -> CharacteristicResult:
    """Compare one characteristic's answers with a baseline.

    Args:
        tally: Counts from the survey.
        baseline_shares: Population share per category id (groups and, for race,
            detail ids), for example from ``Baseline.shares``; None when there is no
            baseline (pregnancy and maternity): counts, shares and intervals only.
        thresholds: Flagging rule.
        universe: The baseline's universe in words, shown with the result.
        notes: Further caveats (for example approximated age bands).

    Returns:
        The result, unsuppressed; see ``suppression.suppress_result`` before publishing.
    """
    categories, test = _results(tally.categories, baseline_shares, thresholds)
    detail, _ = _results(tally.detail, baseline_shares, thresholds)
    all_notes = [*tally.notes, *notes]
    if baseline_shares is None:
        all_notes.append("No population baseline: counts and shares only.")
    # A caveat on the test (small expected counts) stays with the test, for the methods.
    return CharacteristicResult(
        characteristic=tally.characteristic,
        question=tally.question,
        respondents=tally.respondents,
        answered=tally.answered,
        prefer_not_to_say=tally.prefer_not_to_say,
        not_answered=tally.not_answered,
        unrecognised=dict(tally.unrecognised),
        categories=categories,
        detail=detail,
        test=test,
        universe=universe if baseline_shares is not None else None,
        notes=tuple(all_notes),
        thresholds=thresholds,
    )
