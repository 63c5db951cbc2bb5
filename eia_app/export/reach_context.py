"""The consultation-reach part of the report context, from an ``eia.reach/1`` result."""

from dataclasses import dataclass
from typing import Any

from eia_app.charts.reach import describe_reach_chart
from eia_app.domain.opinion_findings import opinion_findings
from eia_app.domain.publication import NOT_APPLICABLE, NOT_AVAILABLE, SUPPRESSED, SYMBOL_LEGEND
from eia_app.domain.reach import (
    CategoryFigures,
    CharacteristicReach,
    ReachResult,
)
from eia_app.domain.reach_findings import category_finding, flag_sentence, gap_words
from eia_app.export.cohort_context import apart_lines, cohort_characteristics
from eia_app.export.reach_methods import beyond_chance, methods_context, rule_line, test_line
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


def _blank_row(label: str, count: str) -> dict[str, str]:
    cells = dict.fromkeys(("share", "interval", "baseline", "gap", "parity", "flag"), "")
    return {"label": label, "count": count, **cells}


def _format_row(category: CategoryFigures) -> dict[str, str]:
    label = clean(category.label)
    baseline = _pct(category.baseline_share)
    if category.withheld:
        hidden = dict.fromkeys(("count", "share", "interval", "gap", "parity"), SUPPRESSED)
        return {"label": label, **hidden, "baseline": baseline, "flag": category_finding(category)}
    gap, parity = category.gap_pp, category.needed_for_parity
    return {
        "label": label,
        "count": f"{category.count:,}",
        "share": _pct(category.share),
        "interval": f"{_pct(category.ci_low)} to {_pct(category.ci_high)}",
        "baseline": baseline,
        "gap": NOT_AVAILABLE if gap is None else gap_words(gap),
        # Parity is given only for an under-represented group that is not the majority.
        "parity": f"{parity:,}" if parity else NOT_APPLICABLE,
        "flag": category_finding(category),
    }


def reconciling_rows(result: CharacteristicReach) -> list[dict[str, str]]:
    """Rows after the categories that take the table's counts to the number of respondents.

    Args:
        result: One characteristic of a reach result.

    Returns:
        A row each for answers outside the comparison, prefer not to say, other
        answers, not answered and withheld counts, then the total of respondents.
    """
    rows = [_blank_row(words, f"{count:,}") for words, count in result.reconciliation()]
    rows.append(_blank_row("All respondents", f"{result.respondents:,}"))
    return rows


def _count(value: int | None) -> str:
    return SUPPRESSED if value is None else f"{value:,}"


def _counts_sentence(result: CharacteristicReach) -> str:
    sentence = (
        f"{_count(result.answered)} of the {result.respondents:,} respondents answered; "
        f"{_count(result.prefer_not_to_say)} preferred not to say and "
        f"{_count(result.not_answered)} did not answer"
    )
    # Counts of unplaced answers may themselves be suppressed (null).
    unrecognised = list(result.unrecognised.values())
    known = sum(int(n) for n in unrecognised if n is not None)
    if known:
        sentence += f"; {known:,} gave another answer"
    elif unrecognised:
        sentence += "; a few gave another answer"
    return sentence + "."


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def build_characteristic(char_id: str, result: CharacteristicReach) -> dict[str, Any]:
    """Format one characteristic's reach results for the report.

    Args:
        char_id: Registry id of the characteristic.
        result: Its entry in the reach result (its label is the registry's).

    Returns:
        Heading, sentences, table rows (ending with rows that reconcile the counts to
        the respondents), a chart slot and the characteristic's methods line.
    """
    label = result.label
    categories = list(result.categories)
    alt = describe_reach_chart(label, result)
    notes = [s for s in (_counts_sentence(result), beyond_chance(result.test)) if s]
    if categories and not result.has_baseline:
        notes.append("There is no population figure to compare with for this characteristic.")
    elif result.universe:
        notes.append(f"Compared with: {result.population or result.universe}.")
    notes += [_sentence(note) for note in result.notes if note]
    return {
        "id": char_id,
        "label": clean(label),
        "question": clean(result.question or "Not recorded."),
        "compared_with": clean(result.population or result.universe or "no population figure"),
        "flag_sentence": clean(flag_sentence(result)),
        "notes": [clean(n) for n in notes],
        "rows": [_format_row(c) for c in categories] + reconciling_rows(result),
        "detail_rows": [_format_row(c) for c in result.detail],
        "chart": ChartSlot(key=char_id, alt=clean(alt), title=f"{clean(label)}: reach chart"),
        "chart_alt": clean(alt),
        "method": test_line(result),
    }


def _assumptions(reach: ReachResult) -> list[str]:
    baseline = reach.baseline
    level = reach.thresholds.confidence * 100
    lines = [
        f"Population compared with: {baseline.label}"
        + (f" ({baseline.universe})." if baseline.universe else "."),
        *([baseline.note] if baseline.note else []),
        *([f"Population figures: {baseline.source}."] if baseline.source else []),
        f"Shares are of respondents who answered each question. The likely range is where "
        f"the share would fall {level:g} times in 100 if chance alone were at work.",
        suppression_statement(reach.min_count),
        "In the tables, " + join_words(f"{s} means {w}" for s, w in SYMBOL_LEGEND.items()) + ".",
        rule_line(reach.thresholds),
    ]
    return [clean(line) for line in lines]


def opinions_context(reach: ReachResult) -> list[dict[str, Any]]:
    """Each opinion question with its plain findings by group (no test statistic).

    Args:
        reach: The reach result.

    Returns:
        One entry per question: the question and its sentences.
    """
    found = opinion_findings(
        reach.opinions, reach.characteristics, small_group=reach.thresholds.small_group
    )
    return [
        {"question": clean(f.question), "sentences": [clean(s) for s in f.sentences]} for f in found
    ]


OPINIONS_INTRO = (
    "For each question, the groups whose answers differed from other respondents' by more "
    "than chance would explain, and the groups with too few responses to tell."
)


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
            "opinions": [],
            "apart": [],
            "opinions_intro": "",
            "methods": methods_context(None),
        }
    source = reach.source
    characteristics = [
        build_characteristic(char_id, result)
        for char_id, result in [*reach.characteristics.items(), *cohort_characteristics(reach)]
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
        "opinions": opinions_context(reach),
        "apart": apart_lines(reach),
        "opinions_intro": OPINIONS_INTRO,
        "methods": methods_context(reach),
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
