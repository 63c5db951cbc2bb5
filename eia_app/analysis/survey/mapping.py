"""Saving and reusing a column mapping (which header is which question)."""

import json
from collections.abc import Iterable
from typing import Protocol

from eia_app.domain.errors import SurveyReadError

FORMAT = "eia-survey-mapping"
VERSION = 1


class MappedColumn(Protocol):
    """A column and what it asks: a recognised match, or the ``questions`` of a result."""

    @property
    def column(self) -> str:
        """Header of the column."""

    @property
    def target(self) -> str:
        """What it asks."""

    @property
    def part(self) -> str | None:
        """Part of a two-part question."""

    @property
    def reversed(self) -> bool:
        """Whether yes means the opposite of the Census question."""


def _value(match: MappedColumn) -> str:
    # A question about the child keeps "@child", so that a reused mapping compares it
    # with the cohort again.
    about = "@child" if getattr(match, "about", "respondent") == "child" else ""
    if match.target == "disability" and match.part:
        return f"disability:{match.part}{about}"
    if match.target == "gender_reassignment":
        return f"gender_reassignment:{'reversed' if match.reversed else 'same'}{about}"
    return match.target + about


def mapping_to_json(matches: Iterable[MappedColumn]) -> str:
    """Write matches as a mapping that :func:`mapping_from_json` reads back.

    Args:
        matches: Matches, usually after a user has checked them.

    Returns:
        JSON text: {"format", "version", "columns": {header: "target[:part]"}}.
    """
    columns = {match.column: _value(match) for match in matches}
    document = {"format": FORMAT, "version": VERSION, "columns": columns}
    return json.dumps(document, indent=2, ensure_ascii=False)


def mapping_from_json(text: str) -> dict[str, str]:
    """Read a saved mapping, in the overrides format of ``recognise_questions``.

    Args:
        text: JSON written by :func:`mapping_to_json` (or a plain {header: target} object).

    Returns:
        Header -> "target[:part]".

    Raises:
        SurveyReadError: If the text is not a mapping.
    """
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise SurveyReadError(
            f"The column mapping is not valid JSON (line {error.lineno}); save it again "
            "from the toolkit."
        ) from None
    columns = document.get("columns", document) if isinstance(document, dict) else None
    if not isinstance(columns, dict) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in columns.items()
    ):
        raise SurveyReadError(
            'The column mapping must map each column header to a target such as "race"; '
            "save it again from the toolkit."
        )
    return dict(columns)
