"""Where an export comes from: a JSON file or a stored version, and what goes with it."""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from eia_app.domain.assessment import Assessment
from eia_app.domain.audit import AuditAction, AuditEvent
from eia_app.domain.details import Stage
from eia_app.domain.errors import InvalidAssessmentError
from eia_app.domain.reach import ReachResult
from eia_app.domain.repository import AssessmentRepository
from eia_app.export.text import fmt_date
from eia_app.services.assessments import read_assessment_file
from eia_app.services.audit import audit_events, record_event
from eia_app.settings import load_settings


@dataclass(frozen=True)
class ExportSource:
    """The assessment to export, the version to compare it with, and its version label.

    Attributes:
        assessment: The assessment.
        previous: The version to compare with, if any.
        version: The stored version shown in the report, if stored.
        reach: The reach result saved with the stored version (or an earlier one), if any.
    """

    assessment: Assessment
    previous: Assessment | None = None
    version: str | None = None
    reach: ReachResult | None = None
    stored_version: int | None = None
    history: list[AuditEvent] = field(default_factory=list)


def record_export(
    repo: AssessmentRepository, source: ExportSource, *, by: str, what: str, actor_email: str = ""
) -> None:
    """Record in the audit trail that a stored version was exported; files are not recorded.

    Args:
        repo: Where assessments are stored.
        source: What was exported; nothing is recorded for an assessment read from a file.
        by: Who exported it.
        what: What was written, for example "Word EIA" or the file's name.
        actor_email: Their e-mail address, when known.
    """
    if source.stored_version is None:
        return
    record_event(
        repo,
        AuditAction.EXPORTED,
        actor=by,
        actor_email=actor_email,
        reference=source.assessment.key_details.reference or "",
        version=source.stored_version,
        detail=what,
    )


def _looks_like_file(argument: str) -> bool:
    return argument.lower().endswith(".json") or Path(argument).is_file()


def _stored_version(repo: AssessmentRepository, reference: str, version: int | None) -> str:
    info = repo.get(reference, version).info
    return f"{info.version} (saved {fmt_date(info.saved_at.date())} by {info.saved_by})"


def latest_consultation_version(
    repo: AssessmentRepository, reference: str, before: int | None = None
) -> Assessment | None:
    """Return the latest stored version of an assessment at the consultation stage.

    Args:
        repo: Where assessments are stored.
        reference: The assessment's reference.
        before: Only look at versions older than this number.

    Returns:
        That version, or None if no version was at the consultation stage.
    """
    for info in reversed(repo.versions(reference)):
        if before is not None and info.version >= before:
            continue
        stored = repo.get(reference, info.version)
        if stored.assessment.stage is Stage.CONSULTATION:
            return stored.assessment
    return None


def _previous(
    assessment: Assessment, compare_with: str | None, repo: Callable[[], AssessmentRepository]
) -> Assessment | None:
    reference = assessment.key_details.reference
    if compare_with and _looks_like_file(compare_with):
        return read_assessment_file(Path(compare_with), load_settings().json_limits)
    if compare_with:
        if not compare_with.isdigit() or not reference:
            raise InvalidAssessmentError(
                f"--compare-with {compare_with!r} is neither a JSON file nor a version number "
                "of a stored assessment: give a file such as consultation.json or a number."
            )
        return repo().get(reference, int(compare_with)).assessment
    return None


def load_export_source(
    argument: str,
    *,
    compare_with: str | None = None,
    repo: Callable[[], AssessmentRepository],
) -> ExportSource:
    """Find the assessment to export and the version to compare it with.

    Args:
        argument: A JSON file, or the reference of a stored assessment.
        compare_with: A JSON file or a stored version number; by default a stored
            final-stage assessment is compared with its latest consultation-stage version.
        repo: Opens the assessment library when it is needed.

    Returns:
        What to export.

    Raises:
        InvalidAssessmentError: If a file is missing or invalid, or ``compare_with`` is unusable.
        NotFoundError: If a stored reference or version does not exist.
    """
    if _looks_like_file(argument):
        assessment = read_assessment_file(Path(argument), load_settings().json_limits)
        previous = _previous(assessment, compare_with, repo)
        # The file's name only: a folder path says nothing to the document's readers.
        return ExportSource(assessment, previous, f"Exported from {Path(argument).name}")
    return stored_export_source(repo(), argument, compare_with=compare_with)


def stored_export_source(
    repo: AssessmentRepository,
    reference: str,
    version: int | None = None,
    *,
    compare_with: str | None = None,
) -> ExportSource:
    """Find a stored version to export, the version to compare it with, and its saved reach.

    The app's downloads and ``eia export REF`` both read a stored assessment
    through here, so they compare with the same version and use the same reach.

    Args:
        repo: Where assessments are stored.
        reference: The assessment's reference.
        version: The version to export; None for the current one.
        compare_with: A JSON file or a stored version number; by default a
            final-stage version is compared with its latest consultation-stage version.

    Returns:
        What to export, with the reach result saved with this version or an earlier one.

    Raises:
        InvalidAssessmentError: If ``compare_with`` is unusable.
        NotFoundError: If the reference or version does not exist.
    """
    stored = repo.get(reference, version)
    assessment = stored.assessment
    previous = _previous(assessment, compare_with, lambda: repo)
    if previous is None and compare_with is None and assessment.stage is Stage.FINAL:
        previous = latest_consultation_version(repo, reference, before=stored.info.version)
    label = _stored_version(repo, reference, stored.info.version)
    saved = repo.latest_reach(reference, stored.info.version)
    return ExportSource(
        assessment,
        previous,
        label,
        saved.reach if saved else None,
        stored_version=stored.info.version,
        history=audit_events(repo, reference),
    )
