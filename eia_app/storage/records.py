"""Pieces both repositories share, so the SQL and in-memory stores behave the same."""

from datetime import UTC, date, datetime
from typing import TypedDict

from pydantic import ValidationError

from eia_app.domain.assessment import Assessment
from eia_app.domain.errors import InvalidAssessmentError, NotFoundError
from eia_app.domain.versions import AssessmentFilter, AssessmentSummary, VersionInfo


class QueryableFields(TypedDict):
    """Copies of assessment fields kept beside the JSON so lists can be filtered."""

    title: str
    status: str
    stage: str
    directorate: str | None
    review_date: date | None


def utc_now() -> datetime:
    """Return the current time, timezone-aware in UTC."""
    return datetime.now(UTC)


def require_reference(assessment: Assessment) -> str:
    """Return the reference that identifies an assessment in storage.

    Args:
        assessment: The assessment about to be stored.

    Returns:
        Its reference.

    Raises:
        InvalidAssessmentError: If it has none.
    """
    reference = assessment.key_details.reference
    if not reference:
        raise InvalidAssessmentError(
            "Key details > EIA reference is empty: give the assessment a reference such as "
            "EIA-2025-0001 before saving."
        )
    return reference


def queryable_fields(assessment: Assessment) -> QueryableFields:
    """Return the fields that listings filter and show without reading the JSON.

    Args:
        assessment: The assessment.

    Returns:
        Title, status, stage, directorate and review date.
    """
    return QueryableFields(
        title=assessment.title,
        status=assessment.status.value,
        stage=assessment.stage.value,
        directorate=assessment.key_details.directorate,
        review_date=assessment.monitoring.review_date,
    )


def build_summary(info: VersionInfo, fields: QueryableFields) -> AssessmentSummary:
    """Combine a version's record and its queryable fields into a library row.

    Args:
        info: Who saved the version and when.
        fields: The copied fields of that version.

    Returns:
        The summary.
    """
    return AssessmentSummary.model_validate(
        {
            **fields,
            "reference": info.reference,
            "version": info.version,
            "saved_at": info.saved_at,
            "saved_by": info.saved_by,
        }
    )


def matches(summary: AssessmentSummary, criteria: AssessmentFilter) -> bool:
    """Return whether a summary meets every given criterion.

    Args:
        summary: The current version of an assessment.
        criteria: Status, directorate (case-insensitive) and latest review date.

    Returns:
        True if no criterion excludes it.
    """
    if criteria.status is not None and summary.status != criteria.status:
        return False
    if criteria.directorate and (summary.directorate or "").lower() != criteria.directorate.lower():
        return False
    if criteria.review_before is not None:
        return summary.review_date is not None and summary.review_date <= criteria.review_before
    return True


def read_payload(payload: str, reference: str, version: int) -> Assessment:
    """Parse a stored JSON payload back into an assessment.

    Args:
        payload: JSON written by ``model_dump_json``.
        reference: The assessment's reference, for the message.
        version: The version number, for the message.

    Returns:
        The assessment.

    Raises:
        InvalidAssessmentError: If the stored text no longer fits the model.
    """
    try:
        return Assessment.model_validate_json(payload)
    except ValidationError as bad:
        raise InvalidAssessmentError(
            f"Version {version} of {reference} is stored in a form this version of the toolkit "
            f"cannot read ({bad.error_count()} problems). Upgrade the toolkit, or export and "
            "fix it with a matching version."
        ) from None


def no_assessment(reference: str) -> NotFoundError:
    """Return the error for a reference that is not stored.

    Args:
        reference: The reference asked for.

    Returns:
        The error, ready to raise.
    """
    return NotFoundError(
        f"No assessment with reference {reference}. Run `eia list` to see references."
    )


def no_version(reference: str, version: int, latest: int) -> NotFoundError:
    """Return the error for a version number an assessment does not have.

    Args:
        reference: The assessment's reference.
        version: The version asked for.
        latest: Its most recent version.

    Returns:
        The error, ready to raise.
    """
    return NotFoundError(
        f"{reference} has no version {version}; its versions are 1 to {latest}. "
        f"Run `eia show {reference}` to see its history."
    )
