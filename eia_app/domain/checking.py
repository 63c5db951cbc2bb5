"""Small helpers shared by the completeness and due-regard checks.

Both kinds of check build :class:`Issue` objects the same way, so a field is
labelled and judged empty alike whichever check found the problem.
"""

from datetime import date
from typing import Any

from eia_app.domain.assessment import Assessment
from eia_app.domain.issues import Issue, IssueLevel
from eia_app.domain.labels import field_label


def value_at(assessment: Assessment, path: str) -> Any:
    """Return the value at a dotted path without list rows, such as ``consultation.plan``.

    Args:
        assessment: The assessment.
        path: Attribute names joined by dots.

    Returns:
        The value found there.
    """
    value: Any = assessment
    for part in path.split("."):
        value = getattr(value, part)
    return value


def is_empty(value: Any) -> bool:
    """Return whether a field holds no answer: None, an empty or blank string, an empty list.

    Args:
        value: A field's value.

    Returns:
        True if nothing has been entered.
    """
    if isinstance(value, str):
        # A space typed into a text box is not an answer.
        return not value.strip()
    return value is None or (isinstance(value, list) and len(value) == 0)


def error(field: str, message: str, label: str | None = None) -> Issue:
    """Build a blocking issue for a field.

    Args:
        field: Dotted path of the field to fix.
        message: What is wrong and how to fix it.
        label: Label to show instead of the field's title path.

    Returns:
        The issue.
    """
    return Issue(
        level=IssueLevel.ERROR, field=field, label=label or field_label(field), message=message
    )


def warning(field: str, message: str, label: str | None = None) -> Issue:
    """Build a non-blocking issue for a field; arguments as for :func:`error`.

    Args:
        field: Dotted path of the field concerned.
        message: What may be wrong and what to do.
        label: Label to show instead of the field's title path.

    Returns:
        The issue.
    """
    return Issue(
        level=IssueLevel.WARNING, field=field, label=label or field_label(field), message=message
    )


def long_date(day: date) -> str:
    """Write a date as GOV.UK style asks in text, for example "7 February 2025".

    Args:
        day: The date.

    Returns:
        Day, month name and year.
    """
    return f"{day.day} {day:%B %Y}"
