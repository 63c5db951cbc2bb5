"""Recognising a platform's export layout from its first rows, and the rows to use as headers."""

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

Rows = Sequence[Sequence[str]]


def _cells(row: Sequence[str]) -> set[str]:
    return {" ".join(cell.split()).casefold() for cell in row}


def _has(row: Sequence[str], *names: str) -> bool:
    return set(names) <= _cells(row)


def _any(row: Sequence[str], *names: str) -> bool:
    return bool(set(names) & _cells(row))


def _is_import_id_row(row: Sequence[str]) -> bool:
    cells = [cell for cell in row if cell.strip()]
    if not cells:
        return False
    for cell in cells:
        try:
            value = json.loads(cell)
        except ValueError:
            return False
        if not isinstance(value, dict) or "ImportId" not in value:
            return False
    return True


@dataclass(frozen=True)
class Layout:
    """How one platform's export is laid out.

    Attributes:
        name: Layout id (see ``LAYOUTS``).
        header_rows: Rows above the first response.
        question_row: Which of the header rows holds the question text.
        sub_row: Which header row holds option labels under a spread-out question.
    """

    name: str
    header_rows: int = 1
    question_row: int = 0
    sub_row: int | None = None


def _qualtrics(rows: Rows) -> Layout | None:
    third = rows[2] if len(rows) > 2 else []
    if third and _is_import_id_row(third):
        return Layout("qualtrics", header_rows=3, question_row=1)
    signature = _any(rows[0], "responseid", "response id") and _any(
        rows[0], "startdate", "start date"
    )
    if signature and len(rows) > 1 and _any(rows[1], "response id", "start date"):
        return Layout("qualtrics", header_rows=2, question_row=1)
    return None


def _surveymonkey(rows: Rows) -> Layout | None:
    if _has(rows[0], "respondent id", "collector id"):
        return Layout("surveymonkey", header_rows=2, sub_row=1)
    return None


def _smartsurvey(rows: Rows) -> Layout | None:
    if _any(rows[0], "userid", "user id") and _any(rows[0], "ip address", "started"):
        if len(rows) > 1 and not rows[1][0].strip():
            return Layout("smartsurvey", header_rows=2, sub_row=1)
        return Layout("smartsurvey")
    return None


def _microsoft_forms(rows: Rows) -> Layout | None:
    if _has(rows[0], "id", "start time", "completion time"):
        return Layout("microsoft_forms")
    return None


def _google_forms(rows: Rows) -> Layout | None:
    first = rows[0][0] if rows[0] else ""
    return Layout("google_forms") if first.strip().casefold() == "timestamp" else None


def _citizen_space(rows: Rows) -> Layout | None:
    return Layout("citizen_space") if _any(rows[0], "response id", "response reference") else None


_RECOGNISERS: Final = (
    _qualtrics,
    _surveymonkey,
    _smartsurvey,
    _microsoft_forms,
    _google_forms,
    _citizen_space,
)


def recognise_layout(rows: Rows) -> Layout:
    """Recognise the platform from the first rows of an export.

    Args:
        rows: The first three or four rows, cells as text ("" for blank).

    Returns:
        The layout; ``plain`` (one header row) when no platform signature is found.
    """
    for recogniser in _RECOGNISERS:
        if layout := recogniser(rows):
            return layout
    return Layout("plain")


_SELECTED_CHOICE: Final = re.compile(r"\s+-\s+Selected Choice$")
_QUIZ: Final = re.compile(r"^(Points - |Feedback - |Total points$|Quiz feedback$)")


def clean_header(text: str, layout: str) -> str:
    """Tidy one header cell: collapse whitespace and drop platform suffixes."""
    cleaned = " ".join(text.split())
    if layout == "qualtrics":
        cleaned = _SELECTED_CHOICE.sub("", cleaned)
    return cleaned


def is_dropped_column(header: str, layout: str) -> bool:
    """Tell whether a column carries no answers (Microsoft Forms quiz scoring)."""
    return layout == "microsoft_forms" and bool(_QUIZ.match(header))


def unique_names(names: Sequence[str]) -> list[str]:
    """Make header names unique and non-empty ("Question (2)", "Column 7")."""
    seen: dict[str, int] = {}
    result = []
    for position, name in enumerate(names, start=1):
        name = name or f"Column {position}"
        seen[name] = seen.get(name, 0) + 1
        result.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return result
