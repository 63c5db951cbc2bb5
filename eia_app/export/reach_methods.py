"""How the reach figures were worked out: the lines of a methods appendix.

The body of the document speaks plainly ("likely range", "beyond chance"); the
test statistics, the flagging rule and the nature of a self-selected consultation
are stated here, once, for a reader who wants to check them.
"""

from collections.abc import Iterator
from typing import Any

from eia_app.domain.reach import CharacteristicReach, FitTest, ReachResult, ReachThresholds
from eia_app.export.text import clean

SIGNIFICANCE = 0.05  # the level at which a difference is called "beyond chance"

NOT_A_SAMPLE = (
    "The respondents chose to take part: a consultation is not a random sample of residents. "
    "The likely ranges and tests show whether the mix of respondents differs from the "
    "population by more than chance alone would explain; they do not estimate the views or "
    "make-up of everyone affected."
)


def p_text(p_value: float) -> str:
    """A p-value as the methods appendix writes it ("p < 0.001", "p = 0.042")."""
    return "p < 0.001" if p_value < 0.001 else f"p = {p_value:.3f}"


def beyond_chance(test: FitTest) -> str:
    """A plain sentence on the overall test, without its statistic ("" with no test)."""
    if test.p_value is None:
        return ""
    if test.p_value < SIGNIFICANCE:
        return (
            "Taken together, the mix of respondents differs from the population by more "
            "than chance would explain."
        )
    return "Taken together, the mix of respondents is within what chance would explain."


def test_line(block: CharacteristicReach) -> str:
    """One methods line: the goodness-of-fit test of one characteristic ("" with none)."""
    test = block.test
    if test.p_value is None or test.chi2 is None:
        return ""
    caveat = f" {test.note}" if test.note else ""
    against = block.universe or "the population"
    return (
        f"{block.label}: chi-squared goodness-of-fit test against {against}, "
        f"chi-squared = {test.chi2:.1f} with {test.df} degrees of freedom, {p_text(test.p_value)}."
        f"{caveat}"
    )


def _opinion_lines(reach: ReachResult) -> Iterator[str]:
    for question, by_characteristic in reach.opinions.items():
        for cid, table in by_characteristic.items():
            test = table.test
            if test.chi2 is None or test.p_value is None:
                continue
            block = reach.characteristics.get(cid)
            label = block.label if block else cid
            yield (
                f"'{question}' by {label}: chi-squared test of independence, chi-squared = "
                f"{test.chi2:.1f} with {test.df} degrees of freedom, {p_text(test.p_value)}."
            )


def rule_line(thresholds: ReachThresholds) -> str:
    """The flagging rule in words, with its settings."""
    parts = [
        f"its share of respondents divided by its share of the population is below "
        f"{thresholds.rr_under:g} (under-represented) or above {thresholds.rr_over:g} "
        "(over-represented)",
    ]
    if thresholds.require_ci_excludes_population:
        parts.append("the likely range of its share does not include the population share")
    if thresholds.min_gap_pp:
        parts.append(f"the gap is at least {thresholds.min_gap_pp:g} percentage points")
    return "A group is named as under- or over-represented only when " + ", and ".join(parts) + "."


def methods_lines(reach: ReachResult) -> list[str]:
    """Every line of the reach methods appendix.

    Args:
        reach: The reach result.

    Returns:
        The self-selection statement, the rule, the intervals, then one line per test.
    """
    level = reach.thresholds.confidence * 100
    lines = [
        NOT_A_SAMPLE,
        rule_line(reach.thresholds),
        f"A likely range is a {level:g}% Wilson score interval of a share. A difference "
        f"is called beyond chance when a chi-squared test gives p below {SIGNIFICANCE:g}; "
        "in the opinion questions, when a group's adjusted residual is beyond 1.96.",
        f"Groups with fewer than {reach.thresholds.small_group} answers are reported as too "
        "few to detect a difference.",
        "The complement of a protected group (for example people who are not carers) is shown "
        "in the tables as a comparison group and is never named as under- or over-represented.",
    ]
    lines += [line for block in reach.characteristics.values() if (line := test_line(block))]
    lines += list(_opinion_lines(reach))
    return [clean(line) for line in lines]


def methods_context(reach: ReachResult | None) -> dict[str, Any]:
    """The ``methods`` entry of the reach context (empty without a reach result)."""
    return {"lines": methods_lines(reach) if reach else [], "statement": NOT_A_SAMPLE}
