"""The charts of "What people told us": each question's themes by the groups that stood out.

One chart per question and characteristic in which some group raised a theme
disproportionately often, as the app's themes page draws it; the same list decides
which figures are drawn and which chart slots the report has, so the two never differ.
"""

from dataclasses import dataclass

import plotly.graph_objects as go

from eia_app.charts.themes import (
    flagged_characteristics,
    themes_by_group_figure,
    themes_by_group_text,
)
from eia_app.domain.themes import QuestionThemes, ThemesResult
from eia_app.export.reach_context import ChartSlot
from eia_app.export.text import clean


@dataclass(frozen=True)
class ThemesChart:
    """One chart of a question's themes by the groups of one characteristic.

    Attributes:
        key: The rendered image's key.
        question: The question's themes.
        characteristic: Registry id of the characteristic charted.
        label: The characteristic in words.
    """

    key: str
    question: QuestionThemes
    characteristic: str
    label: str


def themes_charts(result: ThemesResult) -> list[ThemesChart]:
    """List the charts the report gives for a published themes result.

    Args:
        result: The published themes (approved quotes only).

    Returns:
        One chart per question and characteristic with a group that stood out,
        question by question.
    """
    return [
        ThemesChart(f"themes:{index}:{characteristic}", question, characteristic, label)
        for index, question in enumerate(result.questions)
        for characteristic, label in flagged_characteristics(question).items()
    ]


def themes_figures(result: ThemesResult) -> dict[str, go.Figure]:
    """Return the figure of every chart of :func:`themes_charts`, by key.

    Args:
        result: The published themes.

    Returns:
        Plotly figures by chart key.
    """
    return {
        chart.key: themes_by_group_figure(chart.question, chart.characteristic)
        for chart in themes_charts(result)
    }


def build_themes_charts_context(result: ThemesResult) -> list[dict[str, object]]:
    """Return the chart slots of "What people told us", each with its caption.

    Args:
        result: The published themes.

    Returns:
        One entry per chart: a caption naming the question and the characteristic,
        and the slot (with its text alternative) the renderer fills with the picture.
    """
    entries: list[dict[str, object]] = []
    for chart in themes_charts(result):
        question, label = chart.question.column, chart.label
        alt = themes_by_group_text(chart.question, chart.characteristic)
        entries.append(
            {
                "caption": clean(
                    f"\u201c{question}\u201d: how many times as often each group of "
                    f"{label.lower()} raised each theme as all who answered (1 = as often)."
                ),
                "chart": ChartSlot(
                    key=chart.key,
                    alt=clean(f"Bar chart. {alt}"),
                    title=clean(f"Themes of \u201c{question}\u201d by {label.lower()}"),
                ),
                "alt": clean(alt),
            }
        )
    return entries
