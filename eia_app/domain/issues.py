"""Problems found in an assessment, a form or a file, collected rather than raised one at a time.

:class:`Issue` is the one problem type of the toolkit: completeness checks, form
errors and file errors are all issues, and :func:`issues_from_validation_error` is
the one translator from a pydantic error into issues a person can act on.
"""

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ValidationError

from eia_app.domain.assessment import Assessment
from eia_app.domain.fields import PATTERN_HINTS, StrictModel
from eia_app.domain.labels import WHOLE_ASSESSMENT, field_label, format_path

WHOLE_DOCUMENT = "(whole document)"
"""How a file error about the document as a whole names its field."""


class IssueLevel(StrEnum):
    """How serious a problem is: an error blocks the stage, a warning does not."""

    ERROR = "error"
    WARNING = "warning"


class Issue(StrictModel):
    """One problem, written for the person who can fix it.

    Attributes:
        level: Whether the problem blocks (a stage, a save, a load).
        field: Dotted path of the field, for example ``key_details.title`` or
            ``actions[0].owner``; empty for the document as a whole.
        label: The field's human label, used in messages.
        message: What is wrong and what to do about it.
    """

    level: IssueLevel
    field: str
    label: str
    message: str

    @property
    def blocking(self) -> bool:
        """Whether this issue stops the assessment moving to its stage."""
        return self.level is IssueLevel.ERROR

    def as_line(self) -> str:
        """Return the issue as one line of text for a terminal or log."""
        return f"{self.level.value}: {self.label} ({self.field}): {self.message}"

    def as_sentence(self) -> str:
        """Return the issue as a form shows it: the label, then what to do."""
        return f"{self.label}: {self.message}"

    def as_file_problem(self) -> str:
        """Return the issue as a file error shows it: the field as written in the file."""
        return f"field '{self.field or WHOLE_DOCUMENT}' ({self.label}): {self.message}"


def issues_from_validation_error(
    error: ValidationError, model: type[BaseModel] = Assessment, *, whole: str = WHOLE_ASSESSMENT
) -> list[Issue]:
    """Turn a pydantic error into blocking issues that name each field and what to do.

    Args:
        error: Raised by validating data into ``model``.
        model: The model that was validated; its field titles label the issues.
        whole: Label for a problem with the data as a whole.

    Returns:
        One issue per pydantic error, in pydantic's order.
    """
    return [
        Issue(
            level=IssueLevel.ERROR,
            field=format_path(tuple(detail["loc"])),
            label=field_label(tuple(detail["loc"]), model, whole=whole),
            message=_message(detail),
        )
        for detail in error.errors()
    ]


def describe_file_issues(issues: Iterable[Issue], source: str, *, one_line: bool = False) -> str:
    """Write file errors as text naming the file, each field and what to do.

    Args:
        issues: Issues from :func:`issues_from_validation_error`.
        source: The file's name.
        one_line: Join the problems with "; " after one mention of the file, for
            messages that must stay on one line; otherwise one line per problem.

    Returns:
        For example "eia.json: field 'status' (Status): Choose one of the options: ...".
    """
    problems = [issue.as_file_problem() for issue in issues]
    if one_line:
        return f"{source}: " + "; ".join(p.removesuffix(".") for p in problems) + "."
    return "\n".join(f"{source}: {problem}" for problem in problems)


def _message(detail: Mapping[str, Any]) -> str:
    kind = str(detail["type"])
    ctx = detail.get("ctx") or {}
    if kind == "missing":
        in_row = any(isinstance(part, int) for part in detail["loc"])
        return "This is required: fill it in" + (", or remove the row." if in_row else ".")
    if kind == "extra_forbidden":
        return "There is no such field here: remove it or correct its name."
    if kind == "string_pattern_mismatch":
        return PATTERN_HINTS.get(str(ctx.get("pattern")), "This is not in the expected format.")
    if kind == "string_too_long":
        return f"Use {ctx.get('max_length')} characters or fewer."
    if kind in ("enum", "literal_error"):
        return f"Choose one of the options: {ctx.get('expected', '')}."
    if kind.startswith("date"):
        return "Enter a real date, for example 27/03/2025 (2025-03-27 in a file)."
    if kind == "value_error":
        text = str(detail["msg"]).removeprefix("Value error, ")
        return _sentence(text)
    return _sentence(str(detail["msg"]))


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")
