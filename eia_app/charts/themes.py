"""A chart of each theme by group: how many times as often a group raised it, with its words.

One horizontal bar per shown group of one characteristic, grouped by theme, the length
being the ratio of the group's rate to everyone's (1 = as often as commenters as a whole).
The text alternative says the same in sentences, for a screen reader and the Word report.
"""

from __future__ import annotations

import plotly.graph_objects as go

from eia_app.charts.reach import POPULATION_COLOUR, RESPONDENT_COLOUR
from eia_app.domain.reach_findings import percent
from eia_app.domain.themes import QuestionThemes


def _rows(question: QuestionThemes, characteristic: str) -> list[tuple[str, str, float, bool]]:
    """(theme, group, ratio, flagged) for every shown, non-complement row of one characteristic."""
    out = []
    for theme in question.themes:
        for block in theme.by_characteristic:
            if block.characteristic != characteristic:
                continue
            for row in block.rows:
                if row.ratio is not None and not row.complement:
                    out.append((theme.label, row.label, row.ratio, row.finding))
    return out


def flagged_characteristics(question: QuestionThemes) -> dict[str, str]:
    """The characteristics in which some group raised a theme disproportionately often.

    Args:
        question: A question's themes.

    Returns:
        Registry id -> label, in the order the themes first show them.
    """
    return {
        block.characteristic: block.label
        for theme in question.themes
        for block in theme.by_characteristic
        if any(row.finding for row in block.rows)
    }


def themes_by_group_figure(question: QuestionThemes, characteristic: str) -> go.Figure:
    """Bars of each group's rate ratio, theme by theme, flagged groups in the darker colour.

    Args:
        question: A question's themes.
        characteristic: Registry id of the characteristic to chart (for example ``race``).

    Returns:
        The figure (empty when no group has figures to show).
    """
    rows = _rows(question, characteristic)
    figure = go.Figure(
        go.Bar(
            x=[ratio for *_, ratio, _ in rows],
            y=[[theme for theme, *_ in rows], [group for _, group, *_ in rows]],
            orientation="h",
            marker_color=[
                RESPONDENT_COLOUR if flagged else POPULATION_COLOUR for *_, flagged in rows
            ],
            hovertemplate="%{y}: %{x:.1f} times the rate of all commenters<extra></extra>",
        )
    )
    figure.add_vline(x=1, line_dash="dot")
    figure.update_layout(
        xaxis_title="Times as often as all who commented (1 = the same)",
        height=max(240, 28 * len(rows) + 120),
        margin={"l": 10, "r": 10, "t": 30, "b": 40},
        showlegend=False,
    )
    return figure


def themes_by_group_text(question: QuestionThemes, characteristic: str) -> str:
    """The chart's text alternative: each theme's flagged groups, or that none stood out."""
    sentences = []
    for theme in question.themes:
        flagged = [
            f"{row.label} ({percent(row.rate)} against {percent(row.overall_rate)})"
            for block in theme.by_characteristic
            if block.characteristic == characteristic
            for row in block.rows
            if row.finding
        ]
        if flagged:
            sentences.append(f"{theme.label}: raised more often by {', '.join(flagged)}.")
    if not sentences:
        return "No group raised any theme disproportionately often."
    return " ".join(sentences)
