"""Small-number suppression of reach results and opinion crosstabs before publication.

Rules (all counts; ``min_count`` 0 turns suppression off):

* Primary: counts from 1 to ``min_count - 1`` are withheld.
* Secondary: wherever a total is published, a single withheld cell could be worked
  out as total minus the others, so when exactly one cell of a set is withheld the
  next smallest non-zero cell is withheld too. For race this runs across the five
  groups, within each group's detailed categories (whose total is the group) and
  across all detailed categories, repeated until nothing changes, so no detail cell
  can be recovered from its group and siblings and no group from its details.
* Derived figures (share, interval, ratio, gap, expected, parity, flag, residual)
  are withheld with their count; the baseline share is public and stays.
* Zeros are never withheld: a true zero identifies nobody (Ofqual and ONS publish
  true zeros), and showing that a group was not reached is the point of a reach table.
* The goodness-of-fit test is recomputed with the withheld categories merged into
  one (whose total is already known from the published figures): the statistic on
  all cells could otherwise be solved for two withheld counts with a known sum.
* Prefer-not-to-say, blank and unrecognised counts form one more set, whose total
  (respondents minus answered) is published, and are treated the same way.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import replace
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from eia_app.analysis.opinion_stats import OpinionGroup, OpinionResult
from eia_app.analysis.representation import (
    CategoryResult,
    CharacteristicResult,
    GoodnessOfFit,
    goodness_of_fit,
)
from eia_app.domain.publication import RARE_ANSWERS, resolve_min_count

Cell = TypeVar("Cell", bound=Hashable)

_DERIVED = (
    "count", "share", "ci_low", "ci_high", "ratio", "gap_pp", "expected",
    "needed_for_parity", "flag", "adjusted_residual",
)  # fmt: skip


def primary(counts: Mapping[Cell, int], min_count: int) -> set[Cell]:
    """Return the cells with a count from 1 to ``min_count - 1``."""
    return {key for key, n in counts.items() if 0 < n < min_count}


def protect_set(counts: Mapping[Cell, int], withheld: set[Cell], keys: Iterable[Cell]) -> bool:
    """Withhold one more cell of a set whose total is published if only one is withheld.

    Args:
        counts: Count per cell.
        withheld: Cells withheld so far; updated in place.
        keys: The cells of the set.

    Returns:
        True when a cell was added.
    """
    cells = list(keys)
    if sum(k in withheld for k in cells) != 1:
        return False
    candidates = [k for k in cells if k not in withheld and counts[k] > 0]
    if not candidates:
        return False  # the lone cell equals the total: nothing left to protect it with
    # Ties go to the first cell in the set's order, so results are reproducible.
    withheld.add(min(candidates, key=lambda k: counts[k]))
    return True


def suppress_hierarchy(
    groups: Mapping[str, int],
    detail: Mapping[str, int],
    parent_of: Mapping[str, str | None],
    min_count: int,
) -> tuple[set[str], set[str]]:
    """Withhold group and detail cells consistently (race: 5 groups and 19 categories).

    Args:
        groups: Count per group.
        detail: Count per detailed category.
        parent_of: Group of each detailed category.
        min_count: Threshold; counts below it (and above 0) are withheld.

    Returns:
        The withheld group ids and the withheld detail ids.
    """
    hidden_groups, hidden_detail = primary(groups, min_count), primary(detail, min_count)
    changed = True
    while changed:
        # Families first, so a withheld detail takes a sibling from its own group.
        changed = False
        for group in groups:
            children = [d for d in detail if parent_of.get(d) == group]
            changed |= _protect_family(
                group, children, groups, detail, hidden_groups, hidden_detail
            )
        changed |= protect_set(groups, hidden_groups, groups)
        changed |= protect_set(detail, hidden_detail, detail)
    return hidden_groups, hidden_detail


def _protect_family(
    group: str,
    children: list[str],
    groups: Mapping[str, int],
    detail: Mapping[str, int],
    hidden_groups: set[str],
    hidden_detail: set[str],
) -> bool:
    """Make sure neither a group nor one of its details can be worked out from the other."""
    if not children:
        return False
    hidden_children = [c for c in children if c in hidden_detail]
    if group in hidden_groups:
        # A withheld group would equal the sum of its details if all were shown.
        candidates = [c for c in children if detail[c] > 0 and c not in hidden_detail]
        if hidden_children or not candidates:
            return False
        hidden_detail.add(min(candidates, key=lambda c: (detail[c], c)))
        return True
    if protect_set(detail, hidden_detail, children):
        return True
    if len(hidden_children) == 1 and groups[group] > 0:
        hidden_groups.add(group)  # the only non-zero detail equals its group
        return True
    return False


def _withhold(result: CategoryResult) -> CategoryResult:
    """Return a category result with its count and derived figures withheld."""
    cleared: dict[str, Any] = dict.fromkeys(_DERIVED)
    return replace(result, suppressed=True, **cleared)


def _merged_test(
    result: CharacteristicResult, hidden: set[str]
) -> tuple[tuple[CategoryResult, ...], GoodnessOfFit | None]:
    """Withhold categories and recompute the test with the withheld ones merged into one."""
    if not hidden or result.test is None:
        categories = tuple(_withhold(c) if c.id in hidden else c for c in result.categories)
        return categories, result.test
    merged = "\0withheld"
    counts = {c.id: c.count or 0 for c in result.categories if c.id not in hidden}
    shares = {c.id: c.baseline_share for c in result.categories if c.id not in hidden}
    counts[merged] = sum(c.count or 0 for c in result.categories if c.id in hidden)
    shares[merged] = sum(c.baseline_share or 0.0 for c in result.categories if c.id in hidden)
    fit = goodness_of_fit(counts, {k: v for k, v in shares.items() if v is not None})
    residuals = fit[1] if fit else {}
    categories = tuple(
        _withhold(c) if c.id in hidden else replace(c, adjusted_residual=residuals.get(c.id))
        for c in result.categories
    )
    if fit is None:
        return categories, None
    test = fit[0]
    ids = tuple("[c]" if i == merged else i for i in test.categories)
    return categories, replace(test, categories=ids)


def _nonresponse(result: CharacteristicResult, min_count: int) -> dict[str, int | None]:
    """Withhold small prefer-not-to-say, blank and unrecognised counts.

    An unrecognised answer is named only when at least ``min_count`` people gave it;
    rarer ones are counted together under ``RARE_ANSWERS``, so no free text that a
    few people wrote (a name, a village, a rare faith) is published.
    """
    counts = {"\0prefer_not_to_say": result.prefer_not_to_say or 0,
              "\0not_answered": result.not_answered or 0}  # fmt: skip
    rare = 0
    for raw, n in result.unrecognised.items():
        if (n or 0) >= min_count:
            counts[raw] = n or 0
        else:
            rare += n or 0
    if rare:
        counts[RARE_ANSWERS] = rare
    hidden = primary(counts, min_count)
    while protect_set(counts, hidden, counts):
        pass
    return {key: (None if key in hidden else n) for key, n in counts.items()}


def suppress_result(
    result: CharacteristicResult, min_count: int | str = "default"
) -> CharacteristicResult:
    """Return a copy of a reach result ready to publish.

    Args:
        result: The unsuppressed result.
        min_count: Threshold or preset name; 0 turns suppression off.

    Returns:
        The result with withheld cells (count None, ``suppressed`` True), withheld
        derived figures and a note saying what was withheld.
    """
    threshold = resolve_min_count(min_count)
    if threshold == 0:
        return replace(result, min_count=0)
    groups = {c.id: c.count or 0 for c in result.categories}
    detail = {c.id: c.count or 0 for c in result.detail}
    parents = {c.id: c.parent for c in result.detail}
    hidden_groups, hidden_detail = suppress_hierarchy(groups, detail, parents, threshold)
    other = _nonresponse(result, threshold)
    notes = list(result.notes)
    author = list(result.author_notes)
    if hidden_groups or hidden_detail or None in other.values():
        notes.append(
            f"Counts from 1 to {threshold - 1} are withheld ([c]), with further cells where "
            "they could otherwise be worked out from the totals."
        )
    if len(hidden_groups) == 1:
        author.append(
            "One withheld count has no other non-zero count to be withheld with, so it can be "
            "worked out from the number answering: merge categories or do not publish "
            "this table."
        )
    categories, test = _merged_test(result, hidden_groups)
    return replace(
        result,
        categories=categories,
        test=test,
        detail=tuple(_withhold(c) if c.id in hidden_detail else c for c in result.detail),
        prefer_not_to_say=other.pop("\0prefer_not_to_say"),
        not_answered=other.pop("\0not_answered"),
        unrecognised=other,
        notes=tuple(notes),
        min_count=threshold,
        author_notes=tuple(author),
    )


def suppress_crosstab(
    counts: pd.DataFrame,
    min_count: int | str = "default",
    *,
    withhold_rows: Iterable[object] = (),
) -> pd.DataFrame:
    """Return a mask of the cells to withhold in a crosstab whose row and column totals are shown.

    Args:
        counts: Rows = groups, columns = answers, values = counts.
        min_count: Threshold or preset name; 0 turns suppression off.
        withhold_rows: Rows to withhold whole (every non-zero cell), before the
            secondary rule runs over rows and columns.

    Returns:
        A boolean frame of the same shape, True where the cell is withheld.
    """
    threshold = resolve_min_count(min_count)
    mask = pd.DataFrame(False, index=counts.index, columns=counts.columns)
    if threshold == 0:
        return mask
    values = counts.to_numpy()
    cells: dict[tuple[Any, Any], int] = {
        (r, c): int(values[i, j])
        for i, r in enumerate(counts.index)
        for j, c in enumerate(counts.columns)
    }
    hidden = primary(cells, threshold)
    whole = set(withhold_rows)
    hidden |= {(r, c) for (r, c), n in cells.items() if r in whole and n > 0}
    changed = bool(hidden)
    while changed:
        changed = False
        for r in counts.index:
            changed |= protect_set(cells, hidden, [(r, c) for c in counts.columns])
        for c in counts.columns:
            changed |= protect_set(cells, hidden, [(r, c) for r in counts.index])
    rows = {r: i for i, r in enumerate(counts.index)}
    columns = {c: j for j, c in enumerate(counts.columns)}
    flags = np.zeros(counts.shape, dtype=bool)
    for r, c in hidden:
        flags[rows[r], columns[c]] = True
    return pd.DataFrame(flags, index=counts.index, columns=counts.columns)


def suppress_opinion(result: OpinionResult, min_count: int | str = "default") -> OpinionResult:
    """Return an opinion crosstab ready to publish.

    Groups with fewer than ``min_count`` answers are withheld whole (their size
    would otherwise show a withheld reach count); other cells follow
    :func:`suppress_crosstab`. A group's agree share, interval, residual and flag
    are withheld when any of its agree cells is.

    Args:
        result: The unsuppressed crosstab.
        min_count: Threshold or preset name; 0 turns suppression off.

    Returns:
        The result with ``withheld`` set and withheld figures set to None.
    """
    threshold = resolve_min_count(min_count)
    counts = result.counts
    totals = counts.sum(axis=1)
    small_rows = set(counts.index[(totals > 0) & (totals < threshold)]) if threshold else set()
    mask = suppress_crosstab(counts, threshold, withhold_rows=small_rows)
    row_percent = result.row_percent.mask(mask)
    agree = list(result.agree_columns)
    agree_hidden = mask[agree].any(axis=1) if agree else pd.Series(False, index=mask.index)
    hidden_by_group = {str(r): bool(h) for r, h in agree_hidden.items()}
    groups = tuple(
        _withhold_group(g, hidden_by_group[g.group], g.group in small_rows)
        for g in result.groups
    )  # fmt: skip
    return replace(result, row_percent=row_percent, groups=groups, withheld=mask)


def _withhold_group(group: OpinionGroup, agree_hidden: bool, whole: bool) -> OpinionGroup:
    """Withhold a group's figures that would reveal withheld cells."""
    if whole:
        return OpinionGroup(group.group, None, None, None, None, None, None)
    if agree_hidden:
        return replace(
            group, agree_share=None, ci_low=None, ci_high=None, agree_residual=None, flag=None
        )
    return group
