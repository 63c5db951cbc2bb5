"""Plain-text rendering of a reach document (schema ``eia.reach/1``) for the terminal."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

SUPPRESSED = "[suppressed]"
HEADINGS = ("Category", "Count", "Share", "95% CI", "Population", "Ratio", "Flag")
WIDTHS = (44, 12, 7, 13, 10, 6, 6)


def _percent(value: Any) -> str:
    """A share from 0 to 1 as a percentage with one decimal place, or a dash."""
    return "-" if value is None else f"{100 * value:.1f}%"


def _interval(entry: Mapping[str, Any]) -> str:
    """The confidence interval of a share, for example ``12.0-15.3%``."""
    low, high = entry.get("ci_low"), entry.get("ci_high")
    if low is None or high is None:
        return "-"
    return f"{100 * low:.1f}-{100 * high:.1f}%"


def _number(value: Any) -> str:
    """A count with thousands separators, or the suppression marker when withheld."""
    return SUPPRESSED if value is None else f"{value:,}"


def _count(entry: Mapping[str, Any]) -> str:
    """A count with thousands separators, or the suppression marker."""
    if entry.get("suppressed") or entry.get("count") is None:
        return SUPPRESSED
    return f"{entry['count']:,}"


def _cells(entry: Mapping[str, Any], indent: str = "") -> tuple[str, ...]:
    """The printed cells of one category row."""
    ratio = entry.get("ratio")
    return (
        indent + str(entry.get("label", entry.get("id"))),
        _count(entry),
        _percent(entry.get("share")),
        _interval(entry),
        _percent(entry.get("baseline_share")),
        "-" if ratio is None else f"{ratio:.2f}",
        str(entry.get("flag") or ""),
    )


def _line(cells: tuple[str, ...]) -> str:
    """Pad cells to the column widths: the label left-aligned, numbers right-aligned."""
    label = cells[0] if len(cells[0]) <= WIDTHS[0] else cells[0][: WIDTHS[0] - 1] + "…"
    rest = (cell.rjust(width) for cell, width in zip(cells[1:], WIDTHS[1:], strict=True))
    return "  " + label.ljust(WIDTHS[0]) + " " + " ".join(rest)


def _unrecognised(cid: str, block: Mapping[str, Any]) -> Iterator[str]:
    """Lines listing answers that could not be placed, with a hint how to place them."""
    unplaced = block.get("unrecognised") or {}
    if not unplaced:
        return
    listed = ", ".join(f'"{raw}" ({_number(count)})' for raw, count in unplaced.items())
    yield f"  Unrecognised answers: {listed}"
    example = next(iter(unplaced))
    yield f'  To count them, add --assign "{cid}:{example}=CATEGORY_ID" (one per answer).'


def _test(block: Mapping[str, Any]) -> Iterator[str]:
    """The goodness-of-fit line, when a test could be run."""
    test = block.get("test") or {}
    if test.get("p_value") is not None:
        yield (
            f"  Chi-square {test['chi2']:.1f}, df {test['df']}, p = {test['p_value']:.3g} "
            "(respondents against the baseline)"
        )


def characteristic_lines(cid: str, block: Mapping[str, Any]) -> Iterator[str]:
    """Lines for one characteristic: question, totals, category table, notes.

    Args:
        cid: Registry id of the characteristic.
        block: Its entry in the document's ``characteristics``.

    Yields:
        Lines of text without newlines.
    """
    yield ""
    yield f"{block.get('label', cid)} ({cid}): {block.get('question', '')}"
    yield (
        f"  Answered {_number(block.get('answered'))} | Prefer not to say "
        f"{_number(block.get('prefer_not_to_say'))} | Not answered "
        f"{_number(block.get('not_answered'))}"
    )
    yield _line(HEADINGS)
    for entry in block.get("categories", []):
        yield _line(_cells(entry))
        for detail in block.get("detail", []):
            if detail.get("parent") == entry.get("id"):
                yield _line(_cells(detail, indent="  "))
    yield from _test(block)
    for note in block.get("notes", []):
        yield f"  Note: {note}"
    yield from _unrecognised(cid, block)


FLAG_WORDS = {
    "more_agree": "agree more",
    "less_agree": "agree less",
    "differs": "answer differently",
}


def _flagged(table: Mapping[str, Any], labels: Mapping[str, str]) -> list[str]:
    """Groups flagged in one crosstab, as "Young people (agree less)"."""
    return [
        f"{labels.get(row['group'], row['group'])} ({FLAG_WORDS.get(row['flag'], row['flag'])})"
        for row in table.get("rows", [])
        if row.get("flag")
    ]


def opinion_lines(document: Mapping[str, Any]) -> Iterator[str]:
    """Lines naming, for each opinion question, the groups whose answers differ.

    Args:
        document: A reach document.

    Yields:
        Lines of text without newlines.
    """
    opinions = document.get("opinions") or {}
    if not opinions:
        return
    characteristics = document.get("characteristics", {})
    yield ""
    yield "Opinion questions: groups whose answers differ from other respondents"
    for question, by_characteristic in opinions.items():
        yield f"  {question}"
        found = False
        for cid, table in by_characteristic.items():
            block = characteristics.get(cid, {})
            labels = {c["id"]: c["label"] for c in block.get("categories", [])}
            flagged = _flagged(table, labels)
            if flagged:
                found = True
                yield f"    {block.get('label', cid)}: {', '.join(flagged)}"
        if not found:
            yield "    No group's answers differ beyond chance."


def _header(document: Mapping[str, Any]) -> Iterator[str]:
    """Lines describing the file, the baseline and the settings."""
    source = document.get("source", {})
    baseline = document.get("baseline", {})
    where = ", ".join(str(source[k]) for k in ("layout", "encoding", "sheet") if source.get(k))
    yield f"Reach of {source.get('file')}: {document.get('respondents', 0):,} respondents ({where})"
    yield f"Baseline: {baseline.get('label')} [{baseline.get('id')}], {baseline.get('universe')}"
    if baseline.get("note"):
        yield f"  {baseline['note']}"
    if baseline.get("default"):
        yield "  Use --baseline to compare with another area (see `eia baselines`)."
    min_count = document.get("min_count", 5)
    if min_count <= 1:
        yield "Suppression is off: every count is shown (internal analysis only; do not publish)."
    else:
        yield f"Counts from 1 to {min_count - 1} are shown as {SUPPRESSED}."


def render_table(document: Mapping[str, Any]) -> str:
    """Render the whole document as a readable terminal summary.

    Args:
        document: A reach document as returned by ``analyse_survey``.

    Returns:
        The text, ending with a newline.
    """
    lines = list(_header(document))
    for cid, block in document.get("characteristics", {}).items():
        lines.extend(characteristic_lines(cid, block))
    lines.extend(opinion_lines(document))
    for name, part in document.get("splits", {}).items():
        lines.append("")
        lines.append(f"=== {name}: {part.get('respondents', 0):,} respondents ===")
        for cid, block in part.get("characteristics", {}).items():
            lines.extend(characteristic_lines(cid, block))
    return "\n".join(lines) + "\n"
