"""Write a reach result (schema ``eia.reach/1``) as a long CSV or an XLSX workbook.

Both writers are safe against formula injection: any text cell that a spreadsheet
could read as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) gets a leading apostrophe. Numbers, including true negative
numbers, stay numbers. A figure that is missing is written with the Government
Analysis Function's symbol: ``[c]`` withheld, ``[x]`` not available. Only aggregate
counts are written, never a respondent row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eia_app.domain.publication import NOT_AVAILABLE, SUPPRESSED, SYMBOL_LEGEND
from eia_app.domain.reach import CategoryFigures, CharacteristicReach, ReachResult

if TYPE_CHECKING:
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
# Fields that are blank, not missing, when they have no value (no flag is not a gap).
OPTIONAL_FIELDS = frozenset({"flag"})


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


def _figure(entry: CategoryFigures, name: str) -> Cell:
    value = getattr(entry, name)
    if value is not None or name in OPTIONAL_FIELDS:
        return str(value) if name == "flag" and value is not None else value
    return SUPPRESSED if entry.withheld else NOT_AVAILABLE


def _count(value: int | None) -> Cell:
    return SUPPRESSED if value is None else value


def _category_row(
    group: str, cid: str, question: str, level: str, entry: CategoryFigures
) -> list[Cell]:
    """One long-format row for a category or detailed category."""
    values = [_figure(entry, name) for name in CATEGORY_FIELDS]
    return [group, cid, question, level, entry.id, entry.label, *values]


def _characteristic_rows(group: str, cid: str, block: CharacteristicReach) -> Iterator[list[Cell]]:
    """Long-format rows for one characteristic: totals, categories, detail, unrecognised."""
    question = block.question
    blank = [None] * (len(CATEGORY_FIELDS) - 1)
    totals = ("answered", "prefer_not_to_say", "not_answered")
    for total in totals:
        yield [group, cid, question, "total", total, None, _count(getattr(block, total)), *blank]
    for entry in block.categories:
        yield _category_row(group, cid, question, "category", entry)
    for entry in block.detail:
        yield _category_row(group, cid, question, "detail", entry)
    for raw, count in block.unrecognised.items():
        yield [group, cid, question, "unrecognised", None, raw, _count(count), *blank]


CHILD_GROUP = "About the child"


def _groups(result: ReachResult) -> Iterator[tuple[str, Mapping[str, CharacteristicReach]]]:
    """The whole survey, each split group, the child's questions, then each respondent group."""
    yield OVERALL, result.characteristics
    for name, part in (result.splits or {}).items():
        yield str(name), part.characteristics
    if result.cohort is not None:
        yield CHILD_GROUP, result.cohort.characteristics
    for name, part in (result.respondent_groups.groups if result.respondent_groups else {}).items():
        yield name, part.characteristics


def long_rows(result: ReachResult) -> Iterator[list[Cell]]:
    """Every row of the long table: one per group x characteristic x category.

    Args:
        result: A reach result as returned by ``analyse_survey``.

    Yields:
        Rows in the order of ``COLUMNS``; withheld figures are ``[c]``.
    """
    for group, characteristics in _groups(result):
        for cid, block in characteristics.items():
            yield from _characteristic_rows(group, cid, block)


def render_csv(document: ReachResult) -> str:
    """Render the long table as CSV text, every text cell neutralised and quoted.

    Args:
        document: A reach result.

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


def _summary_rows(result: ReachResult) -> Iterator[list[Cell]]:
    """Rows of the summary sheet: source, baseline, settings, then one per characteristic."""
    source, baseline = result.source, result.baseline
    yield ["Schema", result.schema_id]
    yield ["Respondents", result.respondents]
    yield from ([f"Source {key}", getattr(source, key)] for key in ("file", "encoding", "sheet"))
    yield ["Source layout", source.layout.value]
    for key in ("id", "label", "universe", "note"):
        yield [f"Baseline {key}", getattr(baseline, key)]
    yield ["Minimum count shown", result.min_count]
    for key, value in result.thresholds.model_dump().items():
        yield [f"Threshold {key}", value]
    for symbol, words in SYMBOL_LEGEND.items():
        yield [f"Symbol {symbol}", words]
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
    for cid, block in result.characteristics.items():
        test = block.test
        missing = [NOT_AVAILABLE if v is None else v for v in (test.chi2, test.df, test.p_value)]
        yield [
            cid,
            block.question,
            _count(block.answered),
            _count(block.prefer_not_to_say),
            _count(block.not_answered),
            *missing,
        ]


def _opinion_rows(result: ReachResult) -> Iterator[list[Cell]]:
    """Rows of the opinions sheet: question x characteristic x category x answer."""
    yield ["Question", "Characteristic", "Category", "Answer", "Count"]
    for question, by_characteristic in result.opinions.items():
        for cid, table in by_characteristic.items():
            for row in table.rows:
                for answer, count in row.counts.items():
                    yield [question, cid, row.group, answer, _count(count)]


def _append(sheet: Any, rows: Iterator[list[Cell]]) -> None:
    """Append rows to a worksheet, neutralising every text cell."""
    for row in rows:
        sheet.append([neutralise(cell) for cell in row])


def build_workbook(document: ReachResult) -> Workbook:
    """Build the XLSX workbook: a summary sheet, one sheet per characteristic, opinions.

    Args:
        document: A reach result.

    Returns:
        An openpyxl workbook (not yet saved).
    """
    # Imported here: openpyxl costs a tenth of a second, and only the XLSX output needs it.
    from openpyxl import Workbook

    workbook = Workbook()
    summary = workbook.active
    used: set[str] = set()
    summary.title = sheet_title("Summary", used)
    _append(summary, _summary_rows(document))
    rows = list(long_rows(document))
    # One sheet per characteristic asked about anyone: the respondent's own, then any
    # asked only about the child (each sheet holds every group's rows for it).
    asked = list(document.characteristics)
    if document.cohort is not None:
        asked += [cid for cid in document.cohort.characteristics if cid not in asked]
    for cid in asked:
        sheet = workbook.create_sheet(sheet_title(cid, used))
        _append(sheet, iter([list(COLUMNS), *(row for row in rows if row[1] == cid)]))
    if document.opinions:
        _append(workbook.create_sheet(sheet_title("Opinions", used)), _opinion_rows(document))
    return workbook


def write_csv(document: ReachResult, path: Path) -> None:
    """Write the long CSV with a byte order mark, so that Excel reads it as UTF-8.

    Args:
        document: A reach result.
        path: Output file.
    """
    path.write_text(render_csv(document), encoding="utf-8-sig", newline="")


def write_xlsx(document: ReachResult, path: Path) -> None:
    """Write the XLSX workbook.

    Args:
        document: A reach result.
        path: Output file.
    """
    build_workbook(document).save(path)
