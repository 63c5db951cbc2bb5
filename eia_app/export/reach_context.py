"""The consultation-reach part of the report context, from an ``eia.reach/1`` result."""

from dataclasses import dataclass
from typing import Any

from eia_app.charts.reach import describe_flags, describe_reach_chart
from eia_app.domain.publication import NOT_APPLICABLE, NOT_AVAILABLE, SUPPRESSED, SYMBOL_LEGEND
from eia_app.domain.reach import (
    CategoryFigures,
    CharacteristicReach,
    FitTest,
    ReachResult,
    ReachThresholds,
)
from eia_app.export.text import clean, join_words


@dataclass(frozen=True)
class ChartSlot:
    """Where a chart goes in the context; the renderer swaps in the picture.

    Attributes:
        key: Which rendered image belongs here (the characteristic id).
        alt: Text alternative stored as the picture's description.
        title: Short title stored with the picture.
    """

    key: str
    alt: str
    title: str

    def __bool__(self) -> bool:
        # An unfilled slot (no picture rendered) is falsy so that
        # ``{%p if c.chart %}`` leaves no empty paragraph behind.
        return False


def _pct(value: float | None) -> str:
    return NOT_AVAILABLE if value is None else f"{value * 100:.1f}%"


def _format_row(category: CategoryFigures) -> dict[str, str]:
    label = clean(category.label)
    baseline = _pct(category.baseline_share)
    if category.withheld:
        return {
            "label": label,
            "count": SUPPRESSED,
            "share": SUPPRESSED,
            "interval": SUPPRESSED,
            "baseline": baseline,
            "gap": SUPPRESSED,
            "parity": SUPPRESSED,
            "flag": "Withheld",
        }
    gap, parity = category.gap_pp, category.needed_for_parity
    no_baseline = category.baseline_share is None
    return {
        "label": label,
        "count": f"{category.count:,}",
        "share": _pct(category.share),
        "interval": f"{_pct(category.ci_low)} to {_pct(category.ci_high)}",
        "baseline": baseline,
        "gap": NOT_AVAILABLE if gap is None else f"{gap:+.1f} pp",
        # No extra responses are needed where the share already meets the population's.
        "parity": (NOT_AVAILABLE if no_baseline else NOT_APPLICABLE)
        if not parity
        else f"{parity:,}",
        "flag": (category.flag.words if category.flag else "in line").capitalize()
        if not no_baseline
        else NOT_AVAILABLE,
    }


def _test_sentence(test: FitTest) -> str:
    if test.p_value is None or test.chi2 is None:
        return ""
    shown = "p < 0.001" if test.p_value < 0.001 else f"p = {test.p_value:.3f}"
    return (
        f"Overall difference from the population: chi-squared {test.chi2:.1f} "
        f"with {test.df} degrees of freedom, {shown}."
    )


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _count(value: int | None) -> str:
    return SUPPRESSED if value is None else f"{value:,}"


def _counts_sentence(result: CharacteristicReach) -> str:
    sentence = (
        f"{_count(result.answered)} respondents answered; "
        f"{_count(result.prefer_not_to_say)} preferred not to say and "
        f"{_count(result.not_answered)} did not answer"
    )
    # Counts of unplaced answers may themselves be suppressed (null).
    unrecognised = list(result.unrecognised.values())
    known = sum(int(n) for n in unrecognised if n is not None)
    if known:
        sentence += f"; {known:,} answers could not be placed in a category"
    elif unrecognised:
        sentence += "; a few answers could not be placed in a category"
    return sentence + "."


def _under_sentence(categories: list[CategoryFigures]) -> str:
    flagged = describe_flags(categories)
    if flagged:
        return flagged
    return "No category was flagged as under- or over-represented."


def build_characteristic(char_id: str, result: CharacteristicReach) -> dict[str, Any]:
    """Format one characteristic's reach results for the report.

    Args:
        char_id: Registry id of the characteristic.
        result: Its entry in the reach result (its label is the registry's).

    Returns:
        Heading, sentences, table rows and a chart slot.
    """
    label = result.label
    categories = list(result.categories)
    alt = describe_reach_chart(label, result)
    notes = [s for s in (_counts_sentence(result), _test_sentence(result.test)) if s]
    if categories and not result.has_baseline:
        notes.append("There is no population figure to compare with for this characteristic.")
    elif result.universe:
        notes.append(f"Population compared with: {result.universe}.")
    notes += [_sentence(note) for note in result.notes if note]
    return {
        "id": char_id,
        "label": clean(label),
        "question": clean(result.question or "Not recorded."),
        "flag_sentence": clean(_under_sentence(categories)),
        "notes": [clean(n) for n in notes],
        "rows": [_format_row(c) for c in categories],
        "detail_rows": [_format_row(c) for c in result.detail],
        "chart": ChartSlot(key=char_id, alt=clean(alt), title=f"{clean(label)}: reach chart"),
        "chart_alt": clean(alt),
    }


THRESHOLD_TEXT: dict[str, str | None] = {
    "rr_under": "its representation ratio (share of respondents divided by share of the "
    "population) is below {value} for under-representation",
    "rr_over": "above {value} for over-representation",
    "min_gap_pp": "the gap is at least {value} percentage points",
    "require_ci_excludes_population": "the 95% interval does not include the population share",
    "confidence": None,  # stated with the intervals
}


def _threshold_text(key: str, value: Any) -> str:
    if key == "require_ci_excludes_population" and not value:
        return "the 95% interval may include the population share"
    if key == "min_gap_pp" and not value:
        return ""
    template = THRESHOLD_TEXT[key]
    return template.format(value=value) if template else ""


def _assumptions(reach: ReachResult) -> list[str]:
    baseline = reach.baseline
    thresholds: ReachThresholds = reach.thresholds
    level = thresholds.confidence * 100
    lines = [
        f"Population baseline: {baseline.label}"
        + (f" ({baseline.universe})." if baseline.universe else "."),
        *([baseline.note] if baseline.note else []),
        *([f"Population figures: {baseline.source}."] if baseline.source else []),
        f"Shares are of respondents who answered each question; the intervals are {level:g}% "
        "Wilson intervals.",
        suppression_statement(reach.min_count),
        "In the tables, " + join_words(f"{s} means {w}" for s, w in SYMBOL_LEGEND.items()) + ".",
    ]
    rule = (_threshold_text(k, v) for k, v in thresholds.model_dump().items())
    lines.append(
        "A category is flagged as under- or over-represented when "
        + join_words(t for t in rule if t)
        + "."
    )
    return [clean(line) for line in lines]


def build_reach_context(reach: ReachResult | None) -> dict[str, Any]:
    """Format a whole reach result for the report.

    Args:
        reach: An ``eia.reach/1`` result, or None when no survey was analysed.

    Returns:
        The ``reach`` entry of the context.
    """
    if not reach:
        return {
            "available": False,
            "summary": "",
            "source": "",
            "assumptions": [],
            "characteristics": [],
        }
    source = reach.source
    characteristics = [
        build_characteristic(char_id, result) for char_id, result in reach.characteristics.items()
    ]
    return {
        "available": True,
        "summary": f"The survey had {reach.respondents:,} respondents. "
        f"For each characteristic below, a chart compares the share of respondents in each "
        f"group with the share of the population, and a table gives the same figures.",
        "source": clean(
            f"Survey file: {source.file}"
            + (f", sheet {source.sheet}" if source.sheet else "")
            + "."
        ),
        "assumptions": _assumptions(reach),
        "characteristics": characteristics,
    }


def suppression_statement(min_count: int) -> str:
    """Say how small numbers were treated, including when they were not suppressed.

    Args:
        min_count: The threshold the reach results were produced with.

    Returns:
        One sentence for the assumptions paragraph.
    """
    if min_count <= 1:
        return (
            "Small numbers: these results were produced without suppression, for internal "
            "analysis; small counts are shown and this document should not be published as it is."
        )
    return (
        f"Small numbers: counts below {min_count} are shown as {SUPPRESSED}, with any "
        "figure from which they could be worked out, to protect the privacy of respondents."
    )
