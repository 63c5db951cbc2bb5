"""Multi-select questions: merging one-column-per-option exports and finding known options."""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from eia_app.analysis.survey.model import MERGED_SEPARATOR

# Sub-header labels that mark a plain answer column rather than an option.
_ANSWER_LABELS = frozenset({"", "response", "open-ended response", "responses", "answer"})


def _is_write_in(label: str) -> bool:
    folded = label.casefold()
    return folded.startswith("other") or "please specify" in folded


@dataclass(frozen=True)
class SpreadQuestion:
    """One question spread over neighbouring columns under a two-row header.

    Attributes:
        question: Question text (forward-filled over continuation columns).
        positions: Column positions in the raw frame.
        labels: Sub-header label of each column.
    """

    question: str
    positions: tuple[int, ...]
    labels: tuple[str, ...]

    @property
    def options(self) -> tuple[str, ...]:
        """Labels of the tick-box options (not the answer or write-in columns)."""
        return tuple(
            label
            for label in self.labels
            if label.casefold() not in _ANSWER_LABELS and not _is_write_in(label)
        )


def group_spread_columns(top: Sequence[str], sub: Sequence[str]) -> list[SpreadQuestion]:
    """Group columns under their question, filling blank question cells forward.

    Args:
        top: Question row (blank over continuation columns).
        sub: Option-label row.

    Returns:
        Questions in column order.
    """
    groups: list[SpreadQuestion] = []
    for position, (question, label) in enumerate(zip(top, sub, strict=True)):
        if question.strip() or not groups:
            groups.append(SpreadQuestion(question.strip(), (position,), (label.strip(),)))
        else:
            last = groups[-1]
            groups[-1] = SpreadQuestion(
                last.question, (*last.positions, position), (*last.labels, label.strip())
            )
    return groups


def merge_spread(frame: pd.DataFrame, group: SpreadQuestion) -> pd.Series:
    """Merge a spread-out question into one column of answers.

    A ticked option column contributes its option label; a plain answer or write-in
    column contributes the text written. Several answers are joined with "; ".

    Args:
        frame: Responses, columns by position.
        group: The spread-out question.

    Returns:
        One text value per response; missing where nothing was given.
    """
    options = set(group.options)
    joined = pd.Series("", index=frame.index, dtype="str")
    for position, label in zip(group.positions, group.labels, strict=True):
        cells = frame.iloc[:, position]
        given = cells.notna().to_numpy()
        written = cells.astype(object).fillna("").to_numpy()
        text = np.full(len(cells), label) if label in options else written
        piece = np.where(given, np.char.add(text.astype(str), MERGED_SEPARATOR), "")
        joined = joined + pd.Series(piece, index=frame.index, dtype="str")
    joined = joined.str.slice(0, -len(MERGED_SEPARATOR))
    return joined.where(joined != "", np.nan)


def semicolon_options(column: pd.Series) -> tuple[str, ...]:
    """Options of a Microsoft Forms multi-select column ("A;B;"), from its distinct cells.

    Args:
        column: Answers of one column.

    Returns:
        The distinct options, in order of first appearance; empty when no cell ends
        with ";" (not a multi-select question).
    """
    distinct = column.dropna().unique()
    if not any(str(cell).endswith(";") for cell in distinct):
        return ()
    pieces = (piece.strip() for cell in distinct for piece in str(cell).split(";"))
    return tuple(dict.fromkeys(piece for piece in pieces if piece))
