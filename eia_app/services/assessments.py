"""Use cases on assessments: read, check, save and list; called by the UI and the CLI."""

from datetime import date
from pathlib import Path

from pydantic import ValidationError

from eia_app.analysis.file_limits import check_size, load_json
from eia_app.domain.assessment import Assessment
from eia_app.domain.audit import AuditAction
from eia_app.domain.changes import describe_changes
from eia_app.domain.completeness import check_completeness
from eia_app.domain.details import Stage
from eia_app.domain.errors import InvalidAssessmentError, NotFoundError
from eia_app.domain.issues import Issue, describe_file_issues, issues_from_validation_error
from eia_app.domain.limits import JsonLimits
from eia_app.domain.repository import AssessmentRepository
from eia_app.domain.versions import (
    AssessmentFilter,
    AssessmentSummary,
    StoredAssessment,
    VersionInfo,
)
from eia_app.services.audit import audit_event
from eia_app.services.reference import local_group_ids


def parse_assessment(
    text: str, source: str = "the assessment", limits: JsonLimits | None = None
) -> Assessment:
    """Read an assessment from JSON text.

    Args:
        text: JSON produced by ``export-json`` or written by hand.
        source: Name used in error messages, usually the file name.
        limits: Nesting and text-length limits (default: the defaults).

    Returns:
        The assessment.

    Raises:
        InvalidAssessmentError: If the text is not JSON, is over a limit or does not
            fit the model; the message names the line, the limit or every field at fault.
    """
    data = load_json(text, source, limits or JsonLimits(), InvalidAssessmentError)
    try:
        return Assessment.model_validate(data)
    except ValidationError as bad:
        raise InvalidAssessmentError(
            describe_file_issues(issues_from_validation_error(bad, Assessment), source)
        ) from None


def read_assessment_file(path: Path, limits: JsonLimits | None = None) -> Assessment:
    """Read an assessment from a JSON file.

    Args:
        path: The file to read.
        limits: Size, nesting and text limits (default: the defaults); the size is
            checked before the file is read.

    Returns:
        The assessment.

    Raises:
        InvalidAssessmentError: If the file is missing, unreadable, over a limit or invalid.
    """
    limits = limits or JsonLimits()
    if path.exists():
        check_size(path, limits, "max_json_bytes", InvalidAssessmentError)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InvalidAssessmentError(f"{path}: no such file.") from None
    except (OSError, UnicodeDecodeError) as bad:
        raise InvalidAssessmentError(f"{path}: cannot be read ({bad}).") from None
    return parse_assessment(text, source=path.name, limits=limits)


def assessment_to_json(assessment: Assessment) -> str:
    """Serialise an assessment as the JSON that :func:`parse_assessment` reads.

    Args:
        assessment: The assessment.

    Returns:
        Indented JSON text.
    """
    return assessment.model_dump_json(indent=2)


def check_assessment(
    assessment: Assessment,
    stage: Stage | None = None,
    *,
    today: date | None = None,
    registry_dir: Path | None = None,
) -> list[Issue]:
    """Return every completeness problem of an assessment for a stage.

    The app and ``eia validate`` both call this, so the local groups an assessment
    must cover come from the same registry for both and their verdicts agree.

    Args:
        assessment: The assessment.
        stage: Stage to check; defaults to the assessment's own.
        today: Date for checks such as a passed review date.
        registry_dir: Registry folder whose local groups must be assessed; defaults
            to the ``registry_dir`` setting (``EIA_REGISTRY_DIR``).

    Returns:
        All issues, blocking and not.

    Raises:
        RegistryError: If the registry cannot be loaded.
    """
    return check_completeness(
        assessment, stage, local_group_ids=local_group_ids(registry_dir), today=today
    )


def save_assessment(
    repo: AssessmentRepository,
    assessment: Assessment,
    *,
    saved_by: str,
    base_version: int | None = None,
    actor_email: str = "",
    action: AuditAction | None = None,
) -> StoredAssessment:
    """Save a new version of an assessment, recording what changed and who saved it.

    Args:
        repo: Where assessments are stored.
        assessment: The assessment to save; it must have a reference.
        saved_by: Name of the person saving.
        base_version: The version the person started from (0 for a new assessment);
            by default the latest version as read here, so that the change summary
            always describes the version it follows.
        actor_email: The saver's e-mail from the sign-in, when known: kept with the
            version (the rules on own work and self-approval compare it) and in the
            audit trail.
        action: What the audit trail calls this save; by default "created" for the
            first version and "saved" for the others.

    Returns:
        The stored version.

    Raises:
        InvalidAssessmentError: If the assessment has no reference.
        VersionConflictError: If someone saved a version after ``base_version``;
            nothing is saved, and the error names who and when.
    """
    reference = assessment.key_details.reference
    if not reference:
        raise InvalidAssessmentError(
            "Key details > EIA reference is empty: give the assessment a reference such as "
            "EIA-2025-0001 before saving."
        )
    try:
        latest = repo.get(reference)
        previous, latest_number = latest.assessment, latest.info.version
    except NotFoundError:
        previous, latest_number = None, 0
    summary = describe_changes(previous, assessment)
    base = latest_number if base_version is None else base_version
    # The store gives the entry the version's number and time, and writes both at once.
    entry = audit_event(
        action or (AuditAction.CREATED if base == 0 else AuditAction.SAVED),
        actor=saved_by,
        actor_email=actor_email,
        reference=reference,
        detail=summary,
    )
    return repo.add_version(
        assessment,
        saved_by=saved_by or "unknown",
        change_summary=summary,
        base_version=base,
        saved_by_email=actor_email,
        audit=entry,
    )


def load_assessment(
    repo: AssessmentRepository, reference: str, version: int | None = None
) -> StoredAssessment:
    """Load the current (or a given) version of an assessment.

    Args:
        repo: Where assessments are stored.
        reference: The assessment's reference.
        version: A version number, or None for the current one.

    Returns:
        The stored version.
    """
    return repo.get(reference, version)


def version_history(repo: AssessmentRepository, reference: str) -> list[VersionInfo]:
    """Return every saved version of an assessment, oldest first.

    Args:
        repo: Where assessments are stored.
        reference: The assessment's reference.

    Returns:
        The version history.
    """
    return repo.versions(reference)


def list_assessments(
    repo: AssessmentRepository, criteria: AssessmentFilter | None = None
) -> list[AssessmentSummary]:
    """List the current version of each assessment that matches the criteria.

    Args:
        repo: Where assessments are stored.
        criteria: Optional filter on status, directorate and review date.

    Returns:
        Summaries ordered by reference.
    """
    return repo.list(criteria)
