"""Respondent-reach figures: who answered a consultation against who lives in the area.

The functions here are pure: a characteristic's results (a
:class:`~eia_app.domain.reach.CharacteristicReach` of an ``eia.reach/1`` result)
go in, a plotly figure or a sentence comes out. The Word export renders the figures to PNG;
the app shows them interactively.

Shares in a reach result are proportions between 0 and 1; the figures and
sentences show them as percentages.
"""

import textwrap
from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go

from eia_app.domain.publication import NOT_AVAILABLE, SUPPRESSED
from eia_app.domain.reach import CategoryFigures, CharacteristicReach, RepresentationFlag
from eia_app.domain.reach_findings import MAX_NAMED, named_list

# Okabe-Ito blue and vermilion: distinguishable with the common colour-vision
# deficiencies and in greyscale; a hatch pattern on the population bars and text
# labels on every bar mean colour is never the only cue.
RESPONDENT_COLOUR = "#0072B2"
POPULATION_COLOUR = "#D55E00"
MAX_CATEGORIES_IN_ALT = 6
LABEL_WIDTH = 30
BAR_WIDTH = 0.38
BAR_SPACE = 0.04


def _pct(value: float | None) -> str:
    return NOT_AVAILABLE if value is None else f"{value * 100:.1f}%"


def _axis_label(category: CategoryFigures) -> str:
    label = category.label
    flag = category.finding  # a complement is never labelled as under- or over-represented
    text = f"{label} ({flag.words})" if flag else label
    return "<br>".join(textwrap.wrap(text, LABEL_WIDTH)) or text


def _respondent_share(category: CategoryFigures) -> float | None:
    return None if category.withheld else category.share


def _respondent_trace(categories: Sequence[CategoryFigures]) -> go.Bar:
    values, plus, minus = [], [], []
    for cat in categories:
        share = _respondent_share(cat)
        values.append(None if share is None else share * 100)
        high, low = cat.ci_high, cat.ci_low
        plus.append(0.0 if share is None or high is None else (high - share) * 100)
        minus.append(0.0 if share is None or low is None else (share - low) * 100)
    return go.Bar(
        name="Respondents (line: likely range)",
        y=list(range(len(categories))),
        x=values,
        orientation="h",
        width=BAR_WIDTH,
        offset=-BAR_WIDTH - BAR_SPACE / 2,
        marker={"color": RESPONDENT_COLOUR},
        error_x={
            "type": "data",
            "array": plus,
            "arrayminus": minus,
            "color": "#222222",
            "thickness": 1.5,
            "width": 4,
        },
        hovertemplate="%{x:.1f}%<extra>Respondents</extra>",
    )


def _population_trace(categories: Sequence[CategoryFigures]) -> go.Bar:
    values = [c.baseline_share for c in categories]
    return go.Bar(
        name="Population",
        y=list(range(len(categories))),
        x=[0.0 if v is None else v * 100 for v in values],
        orientation="h",
        width=BAR_WIDTH,
        offset=BAR_SPACE / 2,
        # "overlay": the bar is filled with the colour and hatched in white on top; the
        # default ("replace") would leave only white hatching, invisible on white.
        marker={
            "color": POPULATION_COLOUR,
            "pattern": {"shape": "/", "fgcolor": "#FFFFFF", "fillmode": "overlay"},
        },
        hovertemplate="%{x:.1f}%<extra>Population</extra>",
    )


def _value_labels(categories: Sequence[CategoryFigures], baseline: bool) -> list[dict[str, Any]]:
    # Text labels sit beyond the end of each bar and its interval line, so they
    # never overlap the whiskers.
    notes = []
    middle = BAR_WIDTH / 2 + BAR_SPACE / 2
    for index, cat in enumerate(categories):
        share = _respondent_share(cat)
        end = max(share or 0.0, (cat.ci_high or 0.0) if share is not None else 0.0)
        text = f"{SUPPRESSED} withheld" if share is None else _pct(share)
        notes.append(_label_note(end, index - middle, text))
        if baseline:
            base = cat.baseline_share
            text = f"{NOT_AVAILABLE} no figure" if base is None else _pct(base)
            notes.append(_label_note(float(base or 0.0), index + middle, text))
    return notes


def _label_note(end: float, y: float, text: str) -> dict[str, Any]:
    return {
        "x": end * 100,
        "y": y,
        "text": text,
        "showarrow": False,
        "xanchor": "left",
        "xshift": 6,
        "font": {"size": 13, "color": "#222222"},
    }


def build_reach_figure(label: str, result: CharacteristicReach) -> go.Figure:
    """Build a horizontal paired bar chart of respondent share against population share.

    Args:
        label: Name of the characteristic, for example "Ethnic group".
        result: One characteristic of a reach result (``categories`` and counts).

    Returns:
        A figure with one pair of bars per category, in the result's order
        from top to bottom, each labelled with its percentage; the respondent
        bar carries its likely range (Wilson interval); suppressed categories show the
        suppression mark instead of a bar.
    """
    categories = list(result.categories)
    baseline = result.has_baseline
    figure = go.Figure()
    figure.add_trace(_respondent_trace(categories))
    if baseline:
        figure.add_trace(_population_trace(categories))
    top = _axis_max(categories)
    figure.update_layout(
        title={
            "text": f"{label}: respondents compared with the population",
            "x": 0.01,
            "xref": "container",
            "y": 0.97,
            "yref": "container",
            "yanchor": "top",
        },
        showlegend=True,
        height=max(300, 150 + 62 * len(categories)),
        width=800,
        font={"family": "Liberation Sans, Arial, sans-serif", "size": 14, "color": "#222222"},
        plot_bgcolor="#FFFFFF",
        paper_bgcolor="#FFFFFF",
        legend={
            "orientation": "h",
            "xref": "container",
            "x": 0.01,
            "yref": "container",
            "y": 0.88,
            "yanchor": "top",
        },
        margin={"l": 10, "r": 20, "t": 95, "b": 50},
        annotations=_value_labels(categories, baseline),
        xaxis={
            "title": "Share (%)",
            "range": [0, top],
            "gridcolor": "#DDDDDD",
            "tickvals": [v for v in range(0, 101, 20) if v <= top],
            "ticktext": [f"{v}%" for v in range(0, 101, 20) if v <= top],
        },
        yaxis={
            "autorange": "reversed",
            "automargin": True,
            "tickvals": list(range(len(categories))),
            "ticktext": [_axis_label(c) for c in categories],
        },
    )
    return figure


def _axis_max(categories: Sequence[CategoryFigures]) -> float:
    tops = [v or 0.0 for c in categories for v in (c.ci_high, c.share, c.baseline_share)]
    # Room to the right of the longest bar for its text label.
    return max(tops, default=0.1) * 100 + 22


def describe_reach_chart(label: str, result: CharacteristicReach) -> str:
    """Write the text alternative of a reach chart.

    Args:
        label: Name of the characteristic.
        result: One characteristic of a reach result.

    Returns:
        One or a few sentences that say what the chart shows: the comparison,
        each category's figures (or, for many categories, the flagged ones),
        and where the full figures are.
    """
    categories = list(result.categories)
    answered = result.answered
    opening = (
        f"Bar chart comparing the share of respondents in each {label} category "
        f"with the share of the population"
        + (f", based on {answered} respondents who answered." if answered is not None else ".")
    )
    if len(categories) <= MAX_CATEGORIES_IN_ALT:
        parts = [_describe_category(c) for c in categories]
        body = " ".join(parts)
    else:
        body = f"It shows {len(categories)} categories."
    flagged = describe_flags(categories)
    tail = "The same figures are in the table that follows."
    return " ".join(part for part in (opening, body, flagged, tail) if part)


def _describe_category(category: CategoryFigures) -> str:
    label = category.label
    if category.withheld or category.share is None:
        return f"{label}: respondent figure withheld (small number)."
    text = f"{label}: {_pct(category.share)} of respondents"
    if category.baseline_share is not None:
        text += f" against {_pct(category.baseline_share)} of the population"
    return text + "."


def describe_flags(categories: Sequence[CategoryFigures]) -> str:
    """Name the under- and over-represented categories in a sentence.

    Args:
        categories: Category entries of a reach result.

    Returns:
        A sentence such as "Under-represented: Asian, Black." or "" when none are
        flagged; the complement of a protected group is never named, and at most
        five groups are named, largest gap first.
    """
    sentences = []
    for flag in RepresentationFlag:
        chosen = sorted(
            (c for c in categories if c.finding is flag), key=lambda c: -abs(c.gap_pp or 0.0)
        )
        names = [c.label for c in chosen[:MAX_NAMED]]
        if names:
            more = len(chosen) - len(names)
            sentences.append(
                f"{flag.words.capitalize()}: {named_list(names, more, 'in the table')}."
            )
    return " ".join(sentences)
