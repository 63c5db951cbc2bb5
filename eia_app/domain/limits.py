"""How large a file the toolkit accepts: the limits and their defaults.

Three kinds of file arrive from users: survey exports (:class:`SurveyLimits`),
assessment and reach-result JSON (:class:`JsonLimits`) and custom Word templates
(:class:`TemplateLimits`); :class:`TimeLimits` bounds how long a step may run. The
defaults are written here only. ``eia_app.settings`` reads an override of each from
the environment variable named in the field's metadata, and the services pass the
limits down to the readers, which refuse a file that breaks one of them with
:meth:`Limits.breach`'s one line.
"""

from dataclasses import Field, dataclass, field, fields
from typing import Any, Final

_MB: Final = 1_000_000


def _limit(default: int, variable: str, what: str, proceed: str) -> int:
    """A limit field carrying the variable that overrides it and how to name it."""
    metadata = {"variable": variable, "what": what, "proceed": proceed}
    return field(default=default, metadata=metadata)


class Limits:
    """What every set of limits shares: the one-line message for a breach."""

    def breach(
        self, file: str, name: str, value: int, unit: str = "", *, at_least: bool = False
    ) -> str:
        """The one-line message for a file over one of the limits.

        Args:
            file: File name, as shown to the user.
            name: Field name of the limit broken (``max_columns`` ...).
            value: The file's value.
            unit: Word after the numbers ("bytes", "characters"), if any.
            at_least: Whether measuring stopped at ``value`` (the file has at least it).

        Returns:
            "<file>: <what> is <value>, more than the limit of <limit>; <how to proceed>."
        """
        meta = limit_fields(type(self))[name].metadata
        suffix = f" {unit}" if unit else ""
        verb = "is at least" if at_least else "is"
        return (
            f"{file}: {meta['what']} {verb} {value:,}{suffix}, more than the limit of "
            f"{getattr(self, name):,}{suffix}; {meta['proceed']} {meta['variable']}."
        )


def limit_fields(kind: type[Any]) -> dict[str, Field[Any]]:
    """Each limit's field of a limits class, whose metadata names its variable."""
    return {item.name: item for item in fields(kind)}


@dataclass(frozen=True)
class SurveyLimits(Limits):
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


@dataclass(frozen=True)
class JsonLimits(Limits):
    """The largest assessment or reach-result JSON file accepted.

    An assessment a person wrote is a few hundred kilobytes at most; the limits stop
    a wrong or hostile file before it is parsed (size, nesting) or validated (text).

    Attributes:
        max_json_bytes: Size of the file on disk (``EIA_MAX_JSON_BYTES``).
        max_json_depth: Arrays and objects nested inside one another, counted
            before parsing (``EIA_MAX_JSON_DEPTH``).
        max_text_chars: Characters in one text value (``EIA_MAX_TEXT_CHARS``).
    """

    max_json_bytes: int = _limit(
        20 * _MB,
        "EIA_MAX_JSON_BYTES",
        "file size",
        "check it is an assessment exported by the toolkit, or raise",
    )
    max_json_depth: int = _limit(
        64,
        "EIA_MAX_JSON_DEPTH",
        "nesting depth",
        "check it is an assessment exported by the toolkit, or raise",
    )
    max_text_chars: int = _limit(
        200_000,
        "EIA_MAX_TEXT_CHARS",
        "longest text",
        "shorten the text (or link to a document), or raise",
    )


@dataclass(frozen=True)
class TemplateLimits(Limits):
    """The largest custom Word template accepted, and what a zip bomb looks like.

    Attributes:
        max_template_bytes: Size of the .docx on disk (``EIA_MAX_TEMPLATE_BYTES``).
        max_template_uncompressed_bytes: Total size of its parts once inflated, read
            from the zip's directory before anything is inflated
            (``EIA_MAX_TEMPLATE_UNCOMPRESSED_BYTES``).
        max_template_compression_ratio: Inflated size over stored size
            (``EIA_MAX_TEMPLATE_COMPRESSION_RATIO``).
        max_template_parts: Files inside the .docx (``EIA_MAX_TEMPLATE_PARTS``).
    """

    max_template_bytes: int = _limit(
        50 * _MB,
        "EIA_MAX_TEMPLATE_BYTES",
        "file size",
        "make the pictures in the template smaller, or raise",
    )
    max_template_uncompressed_bytes: int = _limit(
        200 * _MB,
        "EIA_MAX_TEMPLATE_UNCOMPRESSED_BYTES",
        "uncompressed size",
        "save the template again in Word, or raise",
    )
    max_template_compression_ratio: int = _limit(
        100,
        "EIA_MAX_TEMPLATE_COMPRESSION_RATIO",
        "compression ratio",
        "save the template again in Word, or raise",
    )
    max_template_parts: int = _limit(
        1_000,
        "EIA_MAX_TEMPLATE_PARTS",
        "number of parts",
        "save the template again in Word, or raise",
    )


@dataclass(frozen=True)
class TimeLimits(Limits):
    """How long one step of a command (reading, counting, charts, Word, PDF) may take.

    A step slower than a couple of seconds is reported as it runs; one past the
    budget is abandoned with a message, so nothing hangs without a word.

    Attributes:
        step_seconds: Seconds any one step may take (``EIA_TIME_BUDGET``).
    """

    step_seconds: int = _limit(300, "EIA_TIME_BUDGET", "time taken", "raise")


LIMIT_FIELDS: Final = limit_fields(SurveyLimits)
"""Each survey limit's field, whose metadata names its variable (read in ``eia_app.settings``)."""
