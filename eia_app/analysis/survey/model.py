"""Value types shared by the survey readers, the recogniser and the tallies."""

from dataclasses import dataclass, field
from typing import Final

import pandas as pd

from eia_app.analysis.survey import fast_counts

LAYOUTS: Final = (
    "citizen_space",
    "smartsurvey",
    "surveymonkey",
    "qualtrics",
    "microsoft_forms",
    "google_forms",
    "plain",
)

# How each platform joins the options of a multi-select answer in one cell.
LAYOUT_SEPARATORS: Final[dict[str, str]] = {
    "google_forms": ", ",
    "microsoft_forms": ";",
    "qualtrics": ",",
    "surveymonkey": "; ",
    "smartsurvey": "; ",
}
# Columns this toolkit merges itself are always joined with this separator.
MERGED_SEPARATOR: Final = "; "

# Column names (casefolded) that platforms add around the answers.
METADATA_COLUMNS: Final = frozenset(
    {
        "respondent id",
        "response id",
        "responseid",
        "collector id",
        "start date",
        "end date",
        "ip address",
        "ipaddress",
        "email address",
        "email",
        "first name",
        "last name",
        "custom data 1",
        "id",
        "start time",
        "completion time",
        "name",
        "last modified time",
        "timestamp",
        "userid",
        "user id",
        "userno",
        "started",
        "ended",
        "recorded date",
        "recordeddate",
        "startdate",
        "enddate",
        "status",
        "progress",
        "duration (in seconds)",
        "finished",
        "distribution channel",
        "distributionchannel",
        "user language",
        "userlanguage",
        "response date",
        "submitted",
        "date submitted",
        "response submitted",
        "unique id",
        "tracking link",
        "total points",
        "quiz feedback",
        "recipient last name",
        "recipient first name",
        "recipient email",
        "external data reference",
        "location latitude",
        "location longitude",
        "analyst notes",
        "tags",
    }
)


def is_metadata_column(name: str) -> bool:
    """Tell whether a column holds platform metadata rather than an answer.

    Args:
        name: Column name as read.

    Returns:
        True for response ids, timestamps, e-mail and similar columns.
    """
    return " ".join(str(name).split()).casefold() in METADATA_COLUMNS


@dataclass(frozen=True)
class SurveyData:
    """One survey export, read into a frame of answers as text.

    Attributes:
        file: File name only (no folders), used in messages.
        layout: The platform layout recognised, one of ``LAYOUTS``.
        encoding: Text encoding of a CSV file, or None for a workbook.
        sheet: Sheet read from a workbook, or None for a CSV file.
        frame: One column per question, named by the question text; every value is a
            string and blank answers are missing (NaN). Answer columns are stored as
            categoricals of their text, metadata columns (ids, times) as text.
            Treat the frame as read-only: counts of it are cached.
        multi_options: Known options of multi-select questions, by column.
        warnings: One line for each repair made while reading (NUL bytes removed,
            rows re-decoded), to show the user.
    """

    file: str
    layout: str
    encoding: str | None
    sheet: str | None
    frame: pd.DataFrame = field(repr=False, compare=False)
    multi_options: dict[str, tuple[str, ...]] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    _counts: dict[tuple[str, ...], pd.Series] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _codes: dict[str, fast_counts.Codes] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @property
    def respondents(self) -> int:
        """Number of responses (rows)."""
        return len(self.frame)

    @property
    def question_columns(self) -> tuple[str, ...]:
        """Columns that hold answers."""
        return tuple(str(c) for c in self.frame.columns if not is_metadata_column(str(c)))

    @property
    def separator(self) -> str | None:
        """How the platform joins multi-select options in one cell, if it does."""
        return LAYOUT_SEPARATORS.get(self.layout)

    def counts(self, *columns: str) -> pd.Series:
        """Count rows by the raw answers of one or more columns, blanks included.

        Results are cached, so recognition, tallies and crosstabs share one pass over
        the data; treat ``frame`` as read-only. One column is counted with
        ``value_counts``; a combination of columns from integer codes (each column
        encoded once) with one ``bincount``.

        Args:
            *columns: One or more column names.

        Returns:
            Counts indexed by the raw answer (or a tuple of answers), missing as NaN.
        """
        if columns not in self._counts:
            if len(columns) == 1:
                counted = fast_counts.count_one(self.frame[columns[0]])
            else:
                combined = fast_counts.count_codes([self._encoded(c) for c in columns], columns)
                counted = combined if combined is not None else self._grouped_size(columns)
            self._counts[columns] = counted
        return self._counts[columns]

    def _grouped_size(self, columns: tuple[str, ...]) -> pd.Series:
        grouped = self.frame.groupby(list(columns), dropna=False, sort=False, observed=True)
        return grouped.size()

    def _encoded(self, column: str) -> fast_counts.Codes:
        if column not in self._codes:
            self._codes[column] = fast_counts.encode(self.frame[column])
        return self._codes[column]


@dataclass(frozen=True)
class QuestionMatch:
    """What one survey column was recognised as.

    Attributes:
        column: Header text of the column.
        target: Registry id (``age``, ``race`` ...), ``respondent_type``, ``opinion``
            or ``none``.
        confidence: 0 to 1; overridden matches have 1.0.
        part: For disability, ``condition``, ``activity`` or ``self``; otherwise None.
        reversed: True when "Yes" means the opposite of the Census question (a
            gender-identity question asked as "different from the sex at birth").
        reason: A short explanation to show a user.
        about: ``respondent``, or ``child`` for a question about the child the
            respondent answers for ("How old is your child?").
    """

    column: str
    target: str
    confidence: float
    part: str | None = None
    reversed: bool = False
    reason: str = ""
    about: str = "respondent"
