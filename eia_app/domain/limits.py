"""How large a survey export the toolkit accepts: the limits and their defaults.

The defaults are written here only. ``eia_app.settings`` reads an override of each
from the environment variable named in the field's metadata, and the services pass
the limits down to the readers, which refuse a file that breaks one of them.
"""

from dataclasses import dataclass, field, fields
from typing import Final

_MB: Final = 1_000_000


def _limit(default: int, variable: str, what: str, proceed: str) -> int:
    """A limit field carrying the variable that overrides it and how to name it."""
    metadata = {"variable": variable, "what": what, "proceed": proceed}
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class SurveyLimits:
    """The largest survey export the readers accept, and what a bomb looks like.

    Attributes:
        max_file_bytes: Size of the file on disk (``EIA_MAX_FILE_BYTES``).
        max_uncompressed_bytes: Total size of a workbook's parts once inflated,
            read from the zip's directory before anything is inflated
            (``EIA_MAX_UNCOMPRESSED_BYTES``).
        max_compression_ratio: Inflated size over stored size of a workbook; real
            workbooks stay well under it, zip bombs far over it
            (``EIA_MAX_COMPRESSION_RATIO``).
        max_columns: Columns in the header row (``EIA_MAX_COLUMNS``).
        max_cell_chars: Characters in one cell (``EIA_MAX_CELL_CHARS``).
        max_rows: Response rows (``EIA_MAX_ROWS``).
    """

    max_file_bytes: int = _limit(
        200 * _MB, "EIA_MAX_FILE_BYTES", "file size", "split the file or raise"
    )
    max_uncompressed_bytes: int = _limit(
        500 * _MB,
        "EIA_MAX_UNCOMPRESSED_BYTES",
        "uncompressed size",
        "save the workbook as CSV UTF-8, or raise",
    )
    max_compression_ratio: int = _limit(
        100,
        "EIA_MAX_COMPRESSION_RATIO",
        "compression ratio",
        "save the workbook again in Excel (or as CSV UTF-8), or raise",
    )
    max_columns: int = _limit(
        2_000, "EIA_MAX_COLUMNS", "number of columns", "remove unneeded columns or raise"
    )
    max_cell_chars: int = _limit(
        100_000,
        "EIA_MAX_CELL_CHARS",
        "longest cell",
        "check the file is a survey export (a quote may be unclosed), or raise",
    )
    max_rows: int = _limit(2_000_000, "EIA_MAX_ROWS", "number of rows", "split the file or raise")

    def breach(self, file: str, name: str, value: int, unit: str = "") -> str:
        """The one-line message for a file over one of the limits.

        Args:
            file: File name, as shown to the user.
            name: Field name of the limit broken (``max_columns`` ...).
            value: The file's value.
            unit: Word after the numbers ("bytes", "characters"), if any.

        Returns:
            "<file>: <what> is <value>, more than the limit of <limit>; <how to proceed>."
        """
        meta = LIMIT_FIELDS[name].metadata
        suffix = f" {unit}" if unit else ""
        return (
            f"{file}: {meta['what']} is {value:,}{suffix}, more than the limit of "
            f"{getattr(self, name):,}{suffix}; {meta['proceed']} {meta['variable']}."
        )


LIMIT_FIELDS: Final = {item.name: item for item in fields(SurveyLimits)}
"""Each limit's field, whose metadata names its variable (read in ``eia_app.settings``)."""
