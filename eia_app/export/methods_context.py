"""The methods appendix: how the reach figures were worked out, with the test statistics.

Test statistics are for the reader who wants to check the method; the body of
the report says in plain words what they show. So they appear only here, next
to the statement that a self-selected consultation is not a random sample.
"""

import re
from typing import Any

from eia_app.domain.publication import SUPPRESSED, SYMBOL_LEGEND
from eia_app.domain.reach import FitTest, ReachResult
from eia_app.export.reach_context import suppression_statement
from eia_app.export.reach_methods import p_text, rule_line
from eia_app.export.text import clean

SELF_SELECTED = (
    "Anyone could answer the consultation, so its respondents chose themselves: they are not "
    "a random sample of residents. The tests below ask whether the mix of respondents differs "
    "from the population by more than chance would explain in a random sample of the same "
    "size. A large difference shows who the consultation reached less or more; it does not "
    "show what the people it missed think."
)
SMALL_EXPECTED = 5
# Sentences of the baseline's note that describe how the software chose it; they are
# told to the author (see :func:`author_notes`), not printed in the document.
PROCESS_OPENINGS = ("No baseline was chosen",)


# Where the toolkit keeps its copies of a table is not a citation: the publisher's table is.
_COPY_PART = re.compile(r"^\s*cop(?:y|ies) kept\b", re.IGNORECASE)
_COPY_NOTE = re.compile(r"\s*\((?:[^()]*\bGitHub\b[^()]*)\)", re.IGNORECASE)


def publisher_citation(source: str) -> str:
    """Cite the publishers' tables only, leaving out where copies of them are kept.

    Args:
        source: The baseline's citations, parts separated by semicolons.

    Returns:
        The citations without the parts that name a copy's location.
    """
    parts = [_COPY_NOTE.sub("", part).strip() for part in source.split(";")]
    return "; ".join(p for p in parts if p and not _COPY_PART.match(p))


def _sentences(text: str) -> list[str]:
    parts = [p.strip() for p in text.replace(". ", ".\n").splitlines()]
    return [p for p in parts if p]


def baseline_caveats(reach: ReachResult) -> list[str]:
    """The baseline note's caveats, without sentences about how it was chosen.

    Args:
        reach: The reach result.

    Returns:
        The sentences for the reader.
    """
    return [s for s in _sentences(reach.baseline.note) if not s.startswith(PROCESS_OPENINGS)]


def author_notes(reach: ReachResult | None) -> list[str]:
    """What the author should know about the reach figures, shown on screen, not in the document.

    Args:
        reach: The reach result, if any.

    Returns:
        Sentences for the author.
    """
    if reach is None:
        return []
    # The engine's own advice (how the baseline was chosen, each table's caveats),
    # then any process sentence an older saved result still carries in its note.
    notes = list(reach.notes_for_author)
    notes += [
        s
        for s in _sentences(reach.baseline.note)
        if s.startswith(PROCESS_OPENINGS) and not any(n.startswith(s[:-1]) for n in notes)
    ]
    if reach.min_count <= 1:
        notes.append(
            "The reach figures were produced without small-number suppression: do not "
            "publish this document as it is."
        )
    return notes


def _test_row(label: str, test: FitTest) -> dict[str, str] | None:
    if test.chi2 is None or test.p_value is None:
        return None
    freedom = f"{test.df} degree{'s' if test.df != 1 else ''} of freedom"
    caveats = []
    if test.min_expected is not None and test.min_expected < SMALL_EXPECTED:
        caveats.append(
            f"some expected counts are below {SMALL_EXPECTED}, so the p-value is approximate"
        )
    return {
        "characteristic": clean(label),
        "result": f"chi-squared {test.chi2:.1f}, {freedom}, {p_text(test.p_value)}",
        "effect": "" if test.cohens_w is None else f"{test.cohens_w:.2f}",
        "note": clean(caveats[0].capitalize() + ".") if caveats else "",
    }


def build_methods_context(reach: ReachResult | None) -> dict[str, Any]:
    """Format the methods appendix.

    Args:
        reach: An ``eia.reach/1`` result, or None when no survey was analysed.

    Returns:
        The ``methods`` entry of the context: method lines, one row of test
        results per characteristic, and the table legend.
    """
    if reach is None:
        return {"available": False, "lines": [], "tests": [], "legend": []}
    baseline = reach.baseline
    level = reach.thresholds.confidence * 100
    lines = [
        SELF_SELECTED,
        f"Respondents are compared with {baseline.label}"
        + (f", {baseline.universe}." if baseline.universe else "."),
        *baseline_caveats(reach),
        *(
            [f"Population figures: {publisher_citation(baseline.source)}."]
            if baseline.source
            else []
        ),
        f"Shares are of the respondents who answered each question. The likely range of a "
        f"share is its {level:g}% Wilson score interval.",
        rule_line(reach.thresholds),
        "The test for each characteristic is a chi-squared goodness-of-fit test of the "
        "respondents' answers against the population shares; the effect size is Cohen's w "
        "(0.1 small, 0.3 medium, 0.5 large).",
        suppression_statement(reach.min_count),
    ]
    tests = [
        row for row in (_test_row(r.label, r.test) for r in reach.characteristics.values()) if row
    ]
    return {
        "available": True,
        "lines": [clean(line) for line in lines],
        "tests": tests,
        "legend": symbol_legend(),
    }


def symbol_legend(min_count: int | None = None) -> list[str]:
    """The legend of the table symbols, one line per symbol.

    Args:
        min_count: The smallest count shown, to say what "small" means for ``[c]``.

    Returns:
        Lines such as "[c] confidential: ...".
    """
    lines = []
    for symbol, words in SYMBOL_LEGEND.items():
        text = f"{symbol} {words}"
        if symbol == SUPPRESSED and min_count and min_count > 1:
            text += f" (fewer than {min_count})"
        lines.append(text)
    return lines
