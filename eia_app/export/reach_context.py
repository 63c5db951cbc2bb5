"""The consultation-reach part of the report context, from an ``eia.reach/1`` result."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from eia_app.charts.reach import FLAG_WORDS, SUPPRESSED_MARK, describe_flags, describe_reach_chart
from eia_app.export.text import clean, humanise, join_words

REACH_SCHEMA = "eia.reach/1"
DASH = "–"  # shown where a figure does not apply (no baseline)


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


def _pct(value: Any) -> str:
    return DASH if value is None else f"{float(value) * 100:.1f}%"


def _format_row(category: Mapping[str, Any]) -> dict[str, str]:
    label = clean(str(category.get("label") or category.get("id") or ""))
    baseline = _pct(category.get("baseline_share"))
    if category.get("suppressed") or category.get("count") is None:
        return {
            "label": label,
            "count": SUPPRESSED_MARK,
            "share": SUPPRESSED_MARK,
            "interval": SUPPRESSED_MARK,
            "baseline": baseline,
            "gap": SUPPRESSED_MARK,
            "parity": SUPPRESSED_MARK,
            "flag": "Suppressed",
        }
    gap = category.get("gap_pp")
    parity = category.get("needed_for_parity")
    return {
        "label": label,
        "count": f"{int(category['count']):,}",
        "share": _pct(category.get("share")),
        "interval": f"{_pct(category.get('ci_low'))} to {_pct(category.get('ci_high'))}",
        "baseline": baseline,
        "gap": DASH if gap is None else f"{float(gap):+.1f} pp",
        "parity": f"{int(parity):,}" if parity else DASH,
        "flag": humanise(FLAG_WORDS.get(category.get("flag") or "", "in line")),
    }


def _test_sentence(test: Mapping[str, Any] | None) -> str:
    if not test or test.get("p_value") is None:
        return ""
    p_value = float(test["p_value"])
    shown = "p < 0.001" if p_value < 0.001 else f"p = {p_value:.3f}"
    return (
        f"Overall difference from the population: chi-squared {float(test['chi2']):.1f} "
        f"with {test['df']} degrees of freedom, {shown}."
    )


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _count(value: Any) -> str:
    return SUPPRESSED_MARK if value is None else f"{int(value):,}"


def _counts_sentence(result: Mapping[str, Any]) -> str:
    sentence = (
        f"{_count(result.get('answered', 0))} respondents answered; "
        f"{_count(result.get('prefer_not_to_say', 0))} preferred not to say and "
        f"{_count(result.get('not_answered', 0))} did not answer"
    )
    # Counts of unplaced answers may themselves be suppressed (null).
    unrecognised = list((result.get("unrecognised") or {}).values())
    known = sum(int(n) for n in unrecognised if n is not None)
    if known:
        sentence += f"; {known:,} answers could not be placed in a category"
    elif unrecognised:
        sentence += "; a few answers could not be placed in a category"
    return sentence + "."


def _under_sentence(label: str, categories: list[Mapping[str, Any]]) -> str:
    flagged = describe_flags(categories)
    if flagged:
        return flagged
    return "No category was flagged as under- or over-represented."


def build_characteristic(char_id: str, label: str, result: Mapping[str, Any]) -> dict[str, Any]:
    """Format one characteristic's reach results for the report.

    Args:
        char_id: Registry id of the characteristic.
        label: Its label.
        result: Its entry in the reach result.

    Returns:
        Heading, sentences, table rows and a chart slot.
    """
    categories = list(result.get("categories") or [])
    alt = describe_reach_chart(label, result)
    notes = [s for s in (_counts_sentence(result), _test_sentence(result.get("test"))) if s]
    if categories and all(c.get("baseline_share") is None for c in categories):
        notes.append("There is no population figure to compare with for this characteristic.")
    elif result.get("universe"):
        notes.append(f"Population compared with: {result['universe']}.")
    notes += [_sentence(str(note)) for note in result.get("notes") or [] if note]
    return {
        "id": char_id,
        "label": clean(label),
        "question": clean(str(result.get("question") or "Not recorded.")),
        "flag_sentence": clean(_under_sentence(label, categories)),
        "notes": [clean(n) for n in notes],
        "rows": [_format_row(c) for c in categories],
        "detail_rows": [_format_row(c) for c in result.get("detail") or []],
        "chart": ChartSlot(key=char_id, alt=clean(alt), title=f"{clean(label)}: reach chart"),
        "chart_alt": clean(alt),
    }


THRESHOLD_TEXT = {
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
    if key in THRESHOLD_TEXT:
        template = THRESHOLD_TEXT[key]
        return template.format(value=value) if template else ""
    return f"{humanise(key)}: {value}"


def _baseline_notes(baseline: Mapping[str, Any]) -> list[str]:
    notes = [str(baseline["note"])] if baseline.get("note") else []
    if baseline.get("source"):
        notes.append(f"Population figures: {baseline['source']}.")
    return notes


def _assumptions(reach: Mapping[str, Any]) -> list[str]:
    baseline = reach.get("baseline") or {}
    thresholds = reach.get("thresholds") or {}
    level = float(thresholds.get("confidence") or 0.95) * 100
    lines = [
        f"Population baseline: {baseline.get('label') or 'not stated'}"
        + (f" ({baseline['universe']})." if baseline.get("universe") else "."),
        *_baseline_notes(baseline),
        f"Shares are of respondents who answered each question; the intervals are {level:g}% "
        "Wilson intervals.",
        suppression_statement(reach.get("min_count")),
    ]
    if thresholds:
        lines.append(
            "A category is flagged as under- or over-represented when "
            + join_words(t for t in (_threshold_text(k, v) for k, v in thresholds.items()) if t)
            + "."
        )
    return [clean(line) for line in lines]


def build_reach_context(reach: Mapping[str, Any] | None, label_of: Any) -> dict[str, Any]:
    """Format a whole reach result for the report.

    Args:
        reach: An ``eia.reach/1`` result, or None when no survey was analysed.
        label_of: Function from a registry id to its label.

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
    source = reach.get("source") or {}
    characteristics = [
        build_characteristic(char_id, str(result.get("label") or label_of(char_id)), result)
        for char_id, result in (reach.get("characteristics") or {}).items()
    ]
    return {
        "available": True,
        "summary": f"The survey had {int(reach.get('respondents') or 0):,} respondents. "
        f"For each characteristic below, a chart compares the share of respondents in each "
        f"group with the share of the population, and a table gives the same figures.",
        "source": clean(
            f"Survey file: {source.get('file') or 'not stated'}"
            + (f", sheet {source['sheet']}" if source.get("sheet") else "")
            + "."
        ),
        "assumptions": _assumptions(reach),
        "characteristics": characteristics,
    }


def suppression_statement(min_count: Any) -> str:
    """Say how small numbers were treated, including when they were not suppressed.

    Args:
        min_count: The threshold the reach results were produced with.

    Returns:
        One sentence for the assumptions paragraph.
    """
    if isinstance(min_count, int) and min_count <= 1:
        return (
            "Small numbers: these results were produced without suppression, for internal "
            "analysis; small counts are shown and this document should not be published as it is."
        )
    threshold = min_count if min_count is not None else "the threshold"
    return (
        f"Small numbers: counts below {threshold} are shown as {SUPPRESSED_MARK}, with any "
        "figure from which they could be worked out, to protect the privacy of respondents."
    )
