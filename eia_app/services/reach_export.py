"""Write a reach document (schema ``eia.reach/1``) as a long CSV or an XLSX workbook.

Both writers are safe against formula injection: any text cell that a spreadsheet
could read as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) gets a leading apostrophe. Numbers, including true negative
numbers, stay numbers. Only aggregate counts are written, never a respondent row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from openpyxl import Workbook

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0", "＝", "＋", "－", "＠")
OVERALL = "All respondents"
CATEGORY_FIELDS = (
    "count",
    "share",
    "ci_low",
    "ci_high",
    "baseline_share",
    "ratio",
    "gap_pp",
    "needed_for_parity",
    "flag",
    "suppressed",
)
COLUMNS = (
    "group",
    "characteristic",
    "question",
    "level",
    "category_id",
    "category_label",
    *CATEGORY_FIELDS,
)
_SHEET_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))

Cell = str | int | float | bool | None


def neutralise(value: Any) -> Any:
    """Make one cell safe to open in a spreadsheet.

    Args:
        value: Any cell value.

    Returns:
        Text starting with a formula trigger gets a leading ``'``; anything else,
        numbers included, is returned unchanged.
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def _category_row(
    group: str, cid: str, question: str, level: str, entry: Mapping[str, Any]
) -> list[Cell]:
    """One long-format row for a category or detailed category."""
    values = [entry.get(name) for name in CATEGORY_FIELDS]
    return [group, cid, question, level, entry.get("id"), entry.get("label"), *values]


def _characteristic_rows(group: str, cid: str, block: Mapping[str, Any]) -> Iterator[list[Cell]]:
    """Long-format rows for one characteristic: totals, categories, detail, unrecognised."""
    question = str(block.get("question", ""))
    blank = [None] * (len(CATEGORY_FIELDS) - 1)
    for total in ("answered", "prefer_not_to_say", "not_answered"):
        yield [group, cid, question, "total", total, None, block.get(total), *blank]
    for entry in block.get("categories", []):
        yield _category_row(group, cid, question, "category", entry)
    for entry in block.get("detail", []):
        yield _category_row(group, cid, question, "detail", entry)
    for raw, count in block.get("unrecognised", {}).items():
        yield [group, cid, question, "unrecognised", None, raw, count, *blank]


def _groups(document: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """The whole survey first, then each split group, with their characteristic blocks."""
    yield OVERALL, document.get("characteristics", {})
    for name, part in document.get("splits", {}).items():
        yield str(name), part.get("characteristics", {})


def long_rows(document: Mapping[str, Any]) -> Iterator[list[Cell]]:
    """Every row of the long table: one per group x characteristic x category.

    Args:
        document: A reach document as returned by ``analyse_survey``.

    Yields:
        Rows in the order of ``COLUMNS``; suppressed counts are None.
    """
    for group, characteristics in _groups(document):
        for cid, block in characteristics.items():
            yield from _characteristic_rows(group, cid, block)


def render_csv(document: Mapping[str, Any]) -> str:
    """Render the long table as CSV text, every text cell neutralised and quoted.

    Args:
        document: A reach document.

    Returns:
        The CSV text (write it with ``utf-8-sig`` so that Excel reads it as UTF-8).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in long_rows(document):
        writer.writerow(["" if cell is None else neutralise(cell) for cell in row])
    return buffer.getvalue()


def sheet_title(name: str, used: set[str]) -> str:
    """A valid, unique worksheet title (at most 31 characters, no brackets, colons and so on).

    Args:
        name: Wanted title.
        used: Titles taken so far (updated).

    Returns:
        The title to use.
    """
    base = name.translate(_SHEET_FORBIDDEN).strip("' ")[:31] or "Sheet"
    title, number = base, 2
    while title.casefold() in used:
        suffix = f" ({number})"
        title, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(title.casefold())
    return title


def _summary_rows(document: Mapping[str, Any]) -> Iterator[list[Cell]]:
    """Rows of the summary sheet: source, baseline, settings, then one per characteristic."""
    source = document.get("source", {})
    baseline = document.get("baseline", {})
    yield ["Schema", document.get("schema")]
    yield ["Respondents", document.get("respondents")]
    for key in ("file", "layout", "encoding", "sheet"):
        yield [f"Source {key}", source.get(key)]
    for key in ("id", "label", "universe", "note"):
        yield [f"Baseline {key}", baseline.get(key)]
    yield ["Minimum count shown", document.get("min_count")]
    for key, value in document.get("thresholds", {}).items():
        yield [f"Threshold {key}", value]
    yield []
    yield [
        "Characteristic",
        "Question",
        "Answered",
        "Prefer not to say",
        "Not answered",
        "Chi-square",
        "df",
        "p-value",
    ]
    for cid, block in document.get("characteristics", {}).items():
        test = block.get("test") or {}
        yield [
            cid,
            block.get("question"),
            block.get("answered"),
            block.get("prefer_not_to_say"),
            block.get("not_answered"),
            test.get("chi2"),
            test.get("df"),
            test.get("p_value"),
        ]


def _opinion_rows(document: Mapping[str, Any]) -> Iterator[list[Cell]]:
    """Rows of the opinions sheet: question x characteristic x category x answer."""
    yield ["Question", "Characteristic", "Category", "Answer", "Count"]
    for question, by_characteristic in document.get("opinions", {}).items():
        for cid, table in by_characteristic.items():
            for row in table.get("rows", []):
                for answer, count in row.get("counts", {}).items():
                    yield [question, cid, row.get("group"), answer, count]


def _append(sheet: Any, rows: Iterator[list[Cell]]) -> None:
    """Append rows to a worksheet, neutralising every text cell."""
    for row in rows:
        sheet.append([neutralise(cell) for cell in row])


def build_workbook(document: Mapping[str, Any]) -> Workbook:
    """Build the XLSX workbook: a summary sheet, one sheet per characteristic, opinions.

    Args:
        document: A reach document.

    Returns:
        An openpyxl workbook (not yet saved).
    """
    workbook = Workbook()
    summary = workbook.active
    used: set[str] = set()
    summary.title = sheet_title("Summary", used)
    _append(summary, _summary_rows(document))
    rows = list(long_rows(document))
    for cid in document.get("characteristics", {}):
        sheet = workbook.create_sheet(sheet_title(cid, used))
        _append(sheet, iter([list(COLUMNS), *(row for row in rows if row[1] == cid)]))
    if document.get("opinions"):
        _append(workbook.create_sheet(sheet_title("Opinions", used)), _opinion_rows(document))
    return workbook


def write_csv(document: Mapping[str, Any], path: Path) -> None:
    """Write the long CSV with a byte order mark, so that Excel reads it as UTF-8.

    Args:
        document: A reach document.
        path: Output file.
    """
    path.write_text(render_csv(document), encoding="utf-8-sig", newline="")


def write_xlsx(document: Mapping[str, Any], path: Path) -> None:
    """Write the XLSX workbook.

    Args:
        document: A reach document.
        path: Output file.
    """
    build_workbook(document).save(path)
