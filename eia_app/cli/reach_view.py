"""Plain-text rendering of a reach result (schema ``eia.reach/1``) for the terminal."""

from __future__ import annotations

from collections.abc import Iterator

from eia_app.domain.publication import NOT_AVAILABLE, SUPPRESSED, SYMBOL_LEGEND
from eia_app.domain.reach import CategoryFigures, CharacteristicReach, OpinionCrosstab, ReachResult

HEADINGS = ("Category", "Count", "Share", "95% CI", "Population", "Ratio", "Flag")
WIDTHS = (44, 12, 7, 13, 10, 6, 17)


def _percent(value: float | None) -> str:
    """A share from 0 to 1 as a percentage with one decimal place, or [x]."""
    return NOT_AVAILABLE if value is None else f"{100 * value:.1f}%"


def _interval(entry: CategoryFigures) -> str:
    """The confidence interval of a share, for example ``12.0-15.3%``."""
    if entry.ci_low is None or entry.ci_high is None:
        return NOT_AVAILABLE
    return f"{100 * entry.ci_low:.1f}-{100 * entry.ci_high:.1f}%"


def _number(value: int | None) -> str:
    """A count with thousands separators, or [c] when withheld."""
    return SUPPRESSED if value is None else f"{value:,}"


def _cells(entry: CategoryFigures, indent: str = "") -> tuple[str, ...]:
    """The printed cells of one category row; a withheld row shows [c] throughout."""
    if entry.withheld:
        hidden = (SUPPRESSED, SUPPRESSED, SUPPRESSED)
        return (indent + entry.label, *hidden, _percent(entry.baseline_share), SUPPRESSED, "")
    return (
        indent + entry.label,
        _number(entry.count),
        _percent(entry.share),
        _interval(entry),
        _percent(entry.baseline_share),
        NOT_AVAILABLE if entry.ratio is None else f"{entry.ratio:.2f}",
        entry.flag.words if entry.flag else "",
    )


def _line(cells: tuple[str, ...]) -> str:
    """Pad cells to the column widths: the label left-aligned, numbers right-aligned."""
    label = cells[0] if len(cells[0]) <= WIDTHS[0] else cells[0][: WIDTHS[0] - 1] + "…"
    rest = (cell.rjust(width) for cell, width in zip(cells[1:], WIDTHS[1:], strict=True))
    return "  " + label.ljust(WIDTHS[0]) + " " + " ".join(rest)


def _unrecognised(cid: str, block: CharacteristicReach) -> Iterator[str]:
    """Lines listing answers that could not be placed, with a hint how to place them."""
    if not block.unrecognised:
        return
    listed = ", ".join(f'"{raw}" ({_number(n)})' for raw, n in block.unrecognised.items())
    yield f"  Unrecognised answers: {listed}"
    example = next(iter(block.unrecognised))
    yield f'  To count them, add --assign "{cid}:{example}=CATEGORY_ID" (one per answer).'


def _test(block: CharacteristicReach) -> Iterator[str]:
    """The goodness-of-fit line, when a test could be run."""
    test = block.test
    if test.p_value is not None and test.chi2 is not None:
        yield (
            f"  Chi-square {test.chi2:.1f}, df {test.df}, p = {test.p_value:.3g} "
            "(respondents against the baseline)"
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
        f"  Answered {_number(block.answered)} | Prefer not to say "
        f"{_number(block.prefer_not_to_say)} | Not answered {_number(block.not_answered)}"
    )
    yield _line(HEADINGS)
    for entry in block.categories:
        yield _line(_cells(entry))
        for detail in block.detail:
            if detail.parent == entry.id:
                yield _line(_cells(detail, indent="  "))
    yield from _test(block)
    for note in block.notes:
        yield f"  Note: {note}"
    yield from _unrecognised(cid, block)


def _flagged(table: OpinionCrosstab, labels: dict[str, str]) -> list[str]:
    """Groups flagged in one crosstab, as "Young people (agree less)"."""
    return [
        f"{labels.get(row.group, row.group)} ({row.flag.words})" for row in table.rows if row.flag
    ]


def opinion_lines(result: ReachResult) -> Iterator[str]:
    """Lines naming, for each opinion question, the groups whose answers differ.

    Args:
        result: A reach result.

    Yields:
        Lines of text without newlines.
    """
    if not result.opinions:
        return
    yield ""
    yield "Opinion questions: groups whose answers differ from other respondents"
    for question, by_characteristic in result.opinions.items():
        yield f"  {question}"
        found = False
        for cid, table in by_characteristic.items():
            block = result.characteristics.get(cid)
            labels = {c.id: c.label for c in block.categories} if block else {}
            flagged = _flagged(table, labels)
            if flagged:
                found = True
                yield f"    {block.label if block else cid}: {', '.join(flagged)}"
        if not found:
            yield "    No group's answers differ beyond chance."


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
    if baseline.default:
        yield "  Use --baseline to compare with another area (see `eia baselines`)."
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
    for name, part in (result.splits or {}).items():
        lines.append("")
        lines.append(f"=== {name}: {part.respondents:,} respondents ===")
        for cid, block in part.characteristics.items():
            lines.extend(characteristic_lines(cid, block))
    return "\n".join(lines) + "\n"
