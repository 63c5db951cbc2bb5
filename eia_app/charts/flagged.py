"""One chart of the groups a consultation under- or over-reached, for the body of the report.

The full reach charts (one per characteristic) belong in an appendix; the body
shows only the groups that were flagged, largest gap first, so a reader sees at
a glance who the consultation missed. Which groups are flagged is decided by
the reach engine: this module only reads each category's ``flag``.
"""

import textwrap
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go

from eia_app.charts.reach import POPULATION_COLOUR, RESPONDENT_COLOUR
from eia_app.domain.reach import ReachResult, RepresentationFlag

MAX_FLAGGED_IN_CHART = 12
LABEL_WIDTH = 34


@dataclass(frozen=True)
class FlaggedGroup:
    """A category that was flagged, with the figures the chart shows.

    Attributes:
        characteristic: The characteristic's label, for example "Ethnic group".
        label: The category's label, for example "Asian, Asian British or Asian Welsh".
        flag: Under- or over-represented.
        share: Share of respondents, 0 to 1.
        baseline: Share of the population, 0 to 1.
        count: Respondents in the category.
    """

    characteristic: str
    label: str
    flag: RepresentationFlag
    share: float
    baseline: float
    count: int

    @property
    def gap_points(self) -> float:
        """Share of respondents minus share of the population, in percentage points."""
        return (self.share - self.baseline) * 100


def flagged_groups(reach: ReachResult) -> list[FlaggedGroup]:
    """List the flagged categories that have figures to show, largest gap first.

    Args:
        reach: An ``eia.reach/1`` result.

    Returns:
        Every flagged category with a published share and a population share.
    """
    groups = [
        FlaggedGroup(
            result.label,
            category.label,
            category.flag,
            category.share,
            category.baseline_share,
            category.count,
        )
        for result in reach.characteristics.values()
        for category in result.categories
        if category.flag is not None
        and not category.withheld
        and category.share is not None
        and category.baseline_share is not None
        and category.count is not None
    ]
    return sorted(groups, key=lambda g: -abs(g.gap_points))


def _axis_label(group: FlaggedGroup) -> str:
    text = f"{group.label} ({group.characteristic.lower()}), {group.flag.words}"
    return "<br>".join(textwrap.wrap(text, LABEL_WIDTH)) or text


def _bar(name: str, groups: list[FlaggedGroup], values: list[float], colour: str) -> go.Bar:
    hatched = name == "Population"
    marker: dict[str, Any] = {"color": colour}
    if hatched:
        marker["pattern"] = {"shape": "/", "fgcolor": "#FFFFFF", "fillmode": "overlay"}
    return go.Bar(
        name=name,
        y=[_axis_label(g) for g in groups],
        x=[v * 100 for v in values],
        orientation="h",
        marker=marker,
        text=[f"{v * 100:.1f}%" for v in values],
        textposition="outside",
        cliponaxis=False,
    )


def build_flagged_figure(groups: list[FlaggedGroup]) -> go.Figure:
    """Paired bars (respondents, population) for each flagged group, largest gap on top.

    Args:
        groups: From :func:`flagged_groups`; only the first
            :data:`MAX_FLAGGED_IN_CHART` are drawn.

    Returns:
        The figure; colour is never the only cue (hatched population bars, a
        text label on every bar, the flag in every axis label).
    """
    shown = groups[:MAX_FLAGGED_IN_CHART]
    figure = go.Figure()
    figure.add_trace(_bar("Respondents", shown, [g.share for g in shown], RESPONDENT_COLOUR))
    figure.add_trace(_bar("Population", shown, [g.baseline for g in shown], POPULATION_COLOUR))
    top = max((max(g.share, g.baseline) for g in shown), default=0.1) * 100 + 15
    figure.update_layout(
        title={"text": "Groups the consultation under- or over-reached", "x": 0.01},
        barmode="group",
        height=max(320, 140 + 58 * len(shown)),
        width=800,
        font={"family": "Liberation Sans, Arial, sans-serif", "size": 13, "color": "#222222"},
        plot_bgcolor="#FFFFFF",
        paper_bgcolor="#FFFFFF",
        legend={"orientation": "h", "x": 0.01, "y": 1.0, "yanchor": "bottom"},
        margin={"l": 10, "r": 20, "t": 90, "b": 50},
        xaxis={"title": "Share (%)", "range": [0, top], "gridcolor": "#DDDDDD"},
        yaxis={"autorange": "reversed", "automargin": True},
    )
    return figure


def describe_flagged_chart(groups: list[FlaggedGroup]) -> str:
    """Write the text alternative of the flagged-groups chart.

    Args:
        groups: From :func:`flagged_groups`.

    Returns:
        Sentences naming each group drawn with its two shares.
    """
    shown = groups[:MAX_FLAGGED_IN_CHART]
    parts = [
        f"{g.label} ({g.characteristic.lower()}): {g.share * 100:.1f}% of respondents "
        f"against {g.baseline * 100:.1f}% of the population, {g.flag.words}."
        for g in shown
    ]
    return " ".join(
        [
            f"Bar chart of the {len(shown)} groups with the largest differences between "
            "respondents and the population, largest first.",
            *parts,
            "The same figures are in the table that follows.",
        ]
    )
