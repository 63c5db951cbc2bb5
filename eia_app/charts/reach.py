"""Respondent-reach figures: who answered a consultation against who lives in the area.

The functions here are pure: a characteristic's results (one entry of the
``characteristics`` mapping of an ``eia.reach/1`` result) go in, a plotly
figure or a sentence comes out. The Word export renders the figures to PNG;
the app shows them interactively.

Shares in a reach result are proportions between 0 and 1; the figures and
sentences show them as percentages.
"""

from collections.abc import Mapping, Sequence
from typing import Any

import plotly.graph_objects as go

# Okabe-Ito blue and vermilion: distinguishable with the common colour-vision
# deficiencies and in greyscale; a hatch pattern on the population bars and text
# labels on every bar mean colour is never the only cue.
RESPONDENT_COLOUR = "#0072B2"
POPULATION_COLOUR = "#D55E00"
SUPPRESSED_MARK = "[c]"
FLAG_WORDS = {"under": "under-represented", "over": "over-represented"}
MAX_CATEGORIES_IN_ALT = 6


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.1f}%"


def _axis_label(category: Mapping[str, Any]) -> str:
    label = str(category.get("label") or category.get("id") or "")
    flag = category.get("flag")
    return f"{label} ({FLAG_WORDS[flag]})" if flag in FLAG_WORDS else label


def _respondent_trace(categories: Sequence[Mapping[str, Any]]) -> go.Bar:
    labels = [_axis_label(c) for c in categories]
    values, texts, plus, minus = [], [], [], []
    for cat in categories:
        share = None if cat.get("suppressed") else cat.get("share")
        values.append(0.0 if share is None else share * 100)
        texts.append(f"{SUPPRESSED_MARK} suppressed" if share is None else _pct(share))
        high, low = cat.get("ci_high"), cat.get("ci_low")
        plus.append(0.0 if share is None or high is None else (high - share) * 100)
        minus.append(0.0 if share is None or low is None else (share - low) * 100)
    return go.Bar(
        name="Respondents (with 95% interval)",
        y=labels,
        x=values,
        orientation="h",
        marker={"color": RESPONDENT_COLOUR},
        text=texts,
        textposition="outside",
        error_x={
            "type": "data",
            "array": plus,
            "arrayminus": minus,
            "color": "#222222",
            "thickness": 1.5,
            "width": 4,
        },
    )


def _population_trace(categories: Sequence[Mapping[str, Any]]) -> go.Bar:
    values = [c.get("baseline_share") for c in categories]
    return go.Bar(
        name="Population",
        y=[_axis_label(c) for c in categories],
        x=[0.0 if v is None else v * 100 for v in values],
        orientation="h",
        marker={"color": POPULATION_COLOUR, "pattern": {"shape": "/", "fgcolor": "#FFFFFF"}},
        text=["no baseline" if v is None else _pct(v) for v in values],
        textposition="outside",
    )


def build_reach_figure(label: str, result: Mapping[str, Any]) -> go.Figure:
    """Build a horizontal grouped bar chart of respondent share against population share.

    Args:
        label: Name of the characteristic, for example "Ethnic group".
        result: One characteristic of a reach result (``categories`` and counts).

    Returns:
        A figure with one pair of bars per category, in the result's order
        from top to bottom, labelled with their percentages; suppressed
        categories show the suppression mark instead of a bar.
    """
    categories = list(result.get("categories") or [])
    figure = go.Figure()
    figure.add_trace(_respondent_trace(categories))
    if any(c.get("baseline_share") is not None for c in categories):
        figure.add_trace(_population_trace(categories))
    height = max(280, 140 + 58 * len(categories))
    figure.update_layout(
        title={"text": f"{label}: respondents compared with the population", "x": 0},
        barmode="group",
        bargap=0.25,
        height=height,
        width=800,
        font={"family": "Liberation Sans, Arial, sans-serif", "size": 14, "color": "#222222"},
        plot_bgcolor="#FFFFFF",
        paper_bgcolor="#FFFFFF",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
        margin={"l": 10, "r": 30, "t": 90, "b": 50},
        xaxis={
            "title": "Share (%)",
            "ticksuffix": "%",
            "gridcolor": "#DDDDDD",
            "rangemode": "tozero",
            "range": [0, _axis_max(categories)],
        },
        yaxis={"autorange": "reversed", "automargin": True},
    )
    return figure


def _axis_max(categories: Sequence[Mapping[str, Any]]) -> float:
    tops = [c.get(key) or 0.0 for c in categories for key in ("ci_high", "share", "baseline_share")]
    return min(100.0, max(tops, default=0.1) * 100 * 1.25 + 5)


def describe_reach_chart(label: str, result: Mapping[str, Any]) -> str:
    """Write the text alternative of a reach chart.

    Args:
        label: Name of the characteristic.
        result: One characteristic of a reach result.

    Returns:
        One or a few sentences that say what the chart shows: the comparison,
        each category's figures (or, for many categories, the flagged ones),
        and where the full figures are.
    """
    categories = list(result.get("categories") or [])
    answered = result.get("answered")
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


def _describe_category(category: Mapping[str, Any]) -> str:
    label = category.get("label") or category.get("id")
    if category.get("suppressed") or category.get("share") is None:
        return f"{label}: respondent figure suppressed (small number)."
    text = f"{label}: {_pct(category.get('share'))} of respondents"
    if category.get("baseline_share") is not None:
        text += f" against {_pct(category.get('baseline_share'))} of the population"
    return text + "."


def describe_flags(categories: Sequence[Mapping[str, Any]]) -> str:
    """Name the under- and over-represented categories in a sentence.

    Args:
        categories: Category entries of a reach result.

    Returns:
        A sentence such as "Under-represented: Asian, Black." or "" when none are flagged.
    """
    sentences = []
    for flag, words in FLAG_WORDS.items():
        names = [str(c.get("label") or c.get("id")) for c in categories if c.get("flag") == flag]
        if names:
            sentences.append(f"{words.capitalize()}: {_join(names)}.")
    return " ".join(sentences)


def _join(names: Sequence[str]) -> str:
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
