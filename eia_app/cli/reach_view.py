"""Plain-text rendering of a reach result (schema ``eia.reach/1``) for the terminal."""

from __future__ import annotations

from collections.abc import Iterator

from eia_app.domain.opinion_findings import opinion_findings
from eia_app.domain.publication import RARE_ANSWERS, SUPPRESSED, SYMBOL_LEGEND
from eia_app.domain.reach import CharacteristicReach, ReachResult
from eia_app.services.reach_tables import (
    CATEGORY_HEADINGS,
    characteristic_rows,
    flag_sentence,
    number,
)

WIDTHS = (44, 12, 7, 13, 10, 6, 18)


def _line(cells: tuple[str, ...]) -> str:
    """Pad cells to the column widths: the label left-aligned, numbers right-aligned."""
    label = cells[0] if len(cells[0]) <= WIDTHS[0] else cells[0][: WIDTHS[0] - 1] + "…"
    rest = (cell.rjust(width) for cell, width in zip(cells[1:], WIDTHS[1:], strict=True))
    return "  " + label.ljust(WIDTHS[0]) + " " + " ".join(rest)


def _unrecognised(cid: str, block: CharacteristicReach) -> Iterator[str]:
    """Lines listing answers that could not be placed, with a hint how to place them."""
    if not block.unrecognised:
        return
    listed = ", ".join(f'"{raw}" ({number(n)})' for raw, n in block.unrecognised.items())
    yield f"  Unrecognised answers: {listed}"
    named = [raw for raw in block.unrecognised if raw != RARE_ANSWERS]
    if named:
        yield f'  To count them, add --assign "{cid}:{named[0]}=CATEGORY_ID" (one per answer).'
    if RARE_ANSWERS in block.unrecognised:
        yield "  Rare answers are not shown; --min-count 0 lists them for internal analysis."


def _test(block: CharacteristicReach) -> Iterator[str]:
    """The finding in plain words, then the goodness-of-fit line, when a test was run."""
    yield f"  Compared with: {block.population or block.universe or 'no population figure'}"
    for words, count in block.reconciliation():
        yield f"  {words}: {count:,}"
    yield f"  Finding: {flag_sentence(block)}"
    test = block.test
    if test.p_value is not None and test.chi2 is not None:
        note = f" {test.note}" if test.note else ""
        yield (
            f"  Method: chi-square {test.chi2:.1f}, df {test.df}, p = {test.p_value:.3g} "
            f"(respondents against the baseline).{note}"
        )


def characteristic_lines(cid: str, block: CharacteristicReach) -> Iterator[str]:
    """Lines for one characteristic: question, totals, category table, notes.

    Args:
        cid: Registry id of the characteristic.
        block: Its entry in the result's ``characteristics``.

    Yields:
        Lines of text without newlines.
    """
    yield ""
    yield f"{block.label} ({cid}): {block.question}"
    yield (
        f"  Answered {number(block.answered)} | Prefer not to say "
        f"{number(block.prefer_not_to_say)} | Not answered {number(block.not_answered)}"
    )
    yield _line(CATEGORY_HEADINGS)
    for cells in characteristic_rows(block):
        yield _line(cells)
    yield from _test(block)
    for note in block.notes:
        yield f"  Note: {note}"
    yield from _unrecognised(cid, block)


def opinion_lines(result: ReachResult) -> Iterator[str]:
    """Lines saying, for each opinion question, how groups' views differed, in plain words.

    Args:
        result: A reach result.

    Yields:
        Lines of text without newlines: the question, then one line per finding
        (groups whose answers differ, then groups too small to tell).
    """
    if not result.opinions:
        return
    yield ""
    yield "Opinion questions: how groups' views differed from other respondents'"
    found = opinion_findings(
        result.opinions, result.characteristics, small_group=result.thresholds.small_group
    )
    for question in found:
        yield f"  {question.question}"
        if not question.differences:
            yield "    No group's answers differ beyond chance."
        for sentence in question.sentences:
            yield f"    {sentence}"


def cohort_lines(result: ReachResult) -> Iterator[str]:
    """Lines for the questions about the child, compared with the cohort (with --cohort).

    Args:
        result: A reach result.

    Yields:
        Lines of text without newlines.
    """
    if result.cohort is None:
        return
    baseline = result.cohort.baseline
    yield ""
    yield f"=== About the child: compared with {baseline.label} [{baseline.id}] ==="
    if baseline.note:
        yield f"  {baseline.note}"
    for cid, block in result.cohort.characteristics.items():
        yield from characteristic_lines(cid, block)


def group_lines(result: ReachResult) -> Iterator[str]:
    """Lines for parents and carers apart from professionals: each characteristic's finding.

    Args:
        result: A reach result.

    Yields:
        Lines of text without newlines; a line saying why when the groups are too small.
    """
    groups = result.respondent_groups
    if groups is None:
        return
    yield ""
    yield f"Parents and carers apart from professionals ({groups.column}):"
    if groups.note:
        yield f"  {groups.note}"
    for name, part in groups.groups.items():
        yield f"=== {name}: {part.respondents:,} respondents ==="
        for block in part.characteristics.values():
            yield f"  {block.label}: {flag_sentence(block)}"


def _header(result: ReachResult) -> Iterator[str]:
    """Lines describing the file, the baseline and the settings."""
    source, baseline = result.source, result.baseline
    where = ", ".join(str(v) for v in (source.layout.value, source.encoding, source.sheet) if v)
    yield f"Reach of {source.file}: {result.respondents:,} respondents ({where})"
    for warning in result.warnings:
        yield f"Warning: {warning}"
    yield f"Baseline: {baseline.label} [{baseline.id}], {baseline.universe}"
    if baseline.note:
        yield f"  {baseline.note}"
    for note in result.notes_for_author:
        yield f"  For you: {note}"
    rule = result.thresholds
    ci = ", likely range excluding the population share"
    yield (
        f"Flagging rule: ratio below {rule.rr_under:g} or above {rule.rr_over:g}, gap of at "
        f"least {rule.min_gap_pp:g} percentage points"
        + (ci if rule.require_ci_excludes_population else "")
        + f"; groups under {rule.small_group} answers are too few to detect a difference "
        "(change with --threshold)."
    )
    if result.suppression_off:
        yield "Suppression is off: every count is shown (internal analysis only; do not publish)."
    else:
        yield f"Counts from 1 to {result.min_count - 1} are shown as {SUPPRESSED}."
    yield "Symbols: " + "; ".join(f"{s} {words}" for s, words in SYMBOL_LEGEND.items()) + "."


def render_table(result: ReachResult) -> str:
    """Render the whole result as a readable terminal summary.

    Args:
        result: A reach result as returned by ``analyse_survey``.

    Returns:
        The text, ending with a newline.
    """
    lines = list(_header(result))
    for cid, block in result.characteristics.items():
        lines.extend(characteristic_lines(cid, block))
    lines.extend(opinion_lines(result))
    lines.extend(cohort_lines(result))
    lines.extend(group_lines(result))
    for name, part in (result.splits or {}).items():
        lines.append("")
        lines.append(f"=== {name}: {part.respondents:,} respondents ===")
        for cid, block in part.characteristics.items():
            lines.extend(characteristic_lines(cid, block))
    return "\n".join(lines) + "\n"
