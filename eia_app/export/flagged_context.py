"""The body's short account of reach: one chart and one table of the flagged groups."""

from typing import Any

from eia_app.charts.flagged import (
    MAX_FLAGGED_IN_CHART,
    FlaggedGroup,
    describe_flagged_chart,
    flagged_groups,
)
from eia_app.domain.reach import ReachResult
from eia_app.export.reach_context import ChartSlot
from eia_app.export.text import clean

FLAGGED_CHART_KEY = "_flagged"


def _row(group: FlaggedGroup) -> dict[str, str]:
    points = abs(group.gap_points)
    direction = "above" if group.gap_points > 0 else "below"
    return {
        "group": clean(group.label),
        "characteristic": clean(group.characteristic),
        "count": f"{group.count:,}",
        "share": f"{group.share * 100:.1f}%",
        "baseline": f"{group.baseline * 100:.1f}%",
        "difference": f"{points:.1f} percentage points {direction}",
        "finding": group.flag.words.capitalize(),
    }


def build_flagged_context(reach: ReachResult | None) -> dict[str, Any]:
    """Format the flagged groups for the body of the report.

    Args:
        reach: An ``eia.reach/1`` result, or None when no survey was analysed.

    Returns:
        The ``flagged`` entry of the context: a chart slot, table rows and a
        sentence saying how many more groups the appendix lists.
    """
    groups = flagged_groups(reach) if reach else []
    shown = groups[:MAX_FLAGGED_IN_CHART]
    more = len(groups) - len(shown)
    if not groups:
        intro = "No group was flagged as under- or over-represented among respondents."
    else:
        intro = (
            f"{len(groups)} group{'s were' if len(groups) != 1 else ' was'} flagged as under- "
            "or over-represented among respondents. The chart and table show "
            + (f"the {len(shown)} with the largest differences" if more else "them")
            + "; Appendix A gives the full figures for every characteristic."
        )
    alt = describe_flagged_chart(groups) if groups else ""
    return {
        "available": bool(groups),
        "intro": intro,
        "chart": ChartSlot(
            key=FLAGGED_CHART_KEY, alt=clean(alt), title="Groups under- or over-reached"
        ),
        "rows": [_row(g) for g in shown],
        "more": f"{more} more flagged group{'s are' if more != 1 else ' is'} listed in Appendix A."
        if more
        else "",
    }
