"""The reach result as table rows of text: one source for the terminal and the app.

Both shells show the same cells, with the Government Analysis Function's symbols
(``[c]``, ``[x]``, ``[z]``) where a figure is withheld, missing or not applicable.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from eia_app.domain.publication import NOT_APPLICABLE, NOT_AVAILABLE, SUPPRESSED
from eia_app.domain.reach import (
    CategoryFigures,
    CharacteristicReach,
    OpinionCrosstab,
    Opinions,
    ReachResult,
)
from eia_app.domain.reach_findings import category_finding, flag_sentence

CATEGORY_HEADINGS = (
    "Category", "Count", "Share", "Likely range", "Population", "Ratio", "Finding",
)  # fmt: skip


@dataclass(frozen=True)
class ReachView:
    """The part of a result being shown: everyone, or one group of a split.

    Attributes:
        group: The split group's name, or None for all respondents.
        respondents: Rows counted.
        characteristics: Characteristic id -> reach.
        opinions: Opinion question -> characteristic id -> crosstab.
    """

    group: str | None
    respondents: int
    characteristics: Mapping[str, CharacteristicReach]
    opinions: Opinions


def view_of(result: ReachResult, group: str | None = None) -> ReachView:
    """Pick everyone, or one group of a split (for example parents and carers only).

    Args:
        result: The analysis.
        group: An answer of the split column (a key of ``result.splits``); None for all.

    Returns:
        The figures to show.

    Raises:
        KeyError: If the result has no such group.
    """
    if group is None:
        return ReachView(None, result.respondents, result.characteristics, result.opinions)
    part = (result.splits or {})[group]
    return ReachView(group, part.respondents, part.characteristics, part.opinions)


def percent(value: float | None) -> str:
    """A share from 0 to 1 as a percentage with one decimal place, or [x]."""
    return NOT_AVAILABLE if value is None else f"{100 * value:.1f}%"


def interval(entry: CategoryFigures) -> str:
    """The confidence interval of a share, for example ``12.0-15.3%``."""
    if entry.ci_low is None or entry.ci_high is None:
        return NOT_AVAILABLE
    return f"{100 * entry.ci_low:.1f}-{100 * entry.ci_high:.1f}%"


def number(value: int | None) -> str:
    """A count with thousands separators, or [c] when withheld."""
    return SUPPRESSED if value is None else f"{value:,}"


def category_cells(entry: CategoryFigures, indent: str = "") -> tuple[str, ...]:
    """The cells of one category row; a withheld row shows [c] throughout.

    Args:
        entry: A category (or detailed category) of a characteristic.
        indent: Put before the label of a detailed category.

    Returns:
        One cell per heading of :data:`CATEGORY_HEADINGS`.
    """
    if entry.withheld:
        hidden = (SUPPRESSED, SUPPRESSED, SUPPRESSED)
        return (
            indent + entry.label, *hidden, percent(entry.baseline_share), SUPPRESSED,
            category_finding(entry),
        )  # fmt: skip
    return (
        indent + entry.label,
        number(entry.count),
        percent(entry.share),
        interval(entry),
        percent(entry.baseline_share),
        NOT_AVAILABLE if entry.ratio is None else f"{entry.ratio:.2f}",
        category_finding(entry),
    )


def characteristic_rows(block: CharacteristicReach, indent: str = "  ") -> list[tuple[str, ...]]:
    """Every row of a characteristic's table: each category, then its detailed ones.

    Args:
        block: One characteristic of a result.
        indent: Put before the labels of detailed categories.

    Returns:
        Rows of :func:`category_cells`.
    """
    rows = []
    for entry in block.categories:
        rows.append(category_cells(entry))
        rows.extend(category_cells(d, indent) for d in block.detail if d.parent == entry.id)
    return rows


def opinion_headings(table: OpinionCrosstab) -> tuple[str, ...]:
    """Headings of an opinion table: group, respondents, each answer, agreement, flag."""
    # "Agree" can be a point of the scale, so the agree share has a heading of its own.
    return ("Group", "Answered", *table.answers, "All who agree", "Flag")


def opinion_rows(table: OpinionCrosstab, labels: Mapping[str, str]) -> list[tuple[str, ...]]:
    """The rows of an opinion question by one characteristic, as percentages of each group.

    Args:
        table: The crosstab.
        labels: Category id -> label.

    Returns:
        One row per group, matching :func:`opinion_headings`.
    """
    rows = []
    for row in table.rows:
        answers = []
        for answer in table.answers:
            value = row.row_percent.get(answer)
            withheld = row.count is None or row.counts.get(answer, 0) is None
            answers.append(
                SUPPRESSED if withheld else NOT_APPLICABLE if value is None else f"{value:.1f}%"
            )
        agree = SUPPRESSED if row.count is None else percent(row.agree_share)
        rows.append(
            (
                labels.get(row.group, row.group),
                number(row.count),
                *answers,
                agree,
                row.flag.words if row.flag else "",
            )
        )
    return rows


__all__ = [
    "CATEGORY_HEADINGS",
    "ReachView",
    "category_cells",
    "characteristic_rows",
    "flag_sentence",
    "interval",
    "number",
    "opinion_headings",
    "opinion_rows",
    "percent",
    "view_of",
]
