"""Use cases of review, approval and revision; called by the app (and later the CLI).

Each step that changes the status saves a new version through
:func:`eia_app.services.assessments.save_assessment`, so the history shows who
moved the assessment on and when, and records a :class:`ReviewEvent` with any
comment against the version it is about. The rules themselves (which step is
allowed, who may approve) are in :mod:`eia_app.domain.review`.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime

from eia_app.domain.audit import AuditAction
from eia_app.domain.decision import Approval
from eia_app.domain.details import Stage, Status
from eia_app.domain.people import PeopleStore
from eia_app.domain.permissions import Action, Actor
from eia_app.domain.repository import AssessmentRepository
from eia_app.domain.review import next_status
from eia_app.domain.version_diff import FieldDifference, field_differences
from eia_app.domain.versions import ReviewAction, ReviewEvent, StoredAssessment, VersionInfo
from eia_app.services.access import check
from eia_app.services.assessments import save_assessment
from eia_app.services.audit import record_event
from eia_app.services.review_checks import PERMISSION_FOR
from eia_app.services.review_checks import STEPPED_ACTIONS as STEPPED_ACTIONS
from eia_app.services.review_checks import StepCheck as StepCheck
from eia_app.services.review_checks import step_checks as step_checks


@dataclass(frozen=True)
class VersionReview:
    """One saved version with its status and the review steps recorded against it.

    Attributes:
        info: Who saved the version and when.
        status: The version's status.
        stage: The version's stage.
        events: Submissions, comments, returns, approvals and publications, oldest first.
    """

    info: VersionInfo
    status: Status
    stage: Stage
    events: list[ReviewEvent]


def _now() -> datetime:
    return datetime.now(UTC)


def _step(
    repo: AssessmentRepository,
    reference: str,
    action: ReviewAction,
    *,
    by: str,
    comment: str,
    update: Mapping[str, object] | None = None,
    person: Actor | None = None,
    people: PeopleStore | None = None,
) -> StoredAssessment:
    check(repo, people, person, PERMISSION_FOR[action], reference)
    current = repo.get(reference)
    status = next_status(
        current.assessment.status,
        action,
        actor=by,
        author=current.info.saved_by,
        comment=comment,
        actor_email=person.email if person is not None else "",
        author_email=current.info.saved_by_email,
    )
    changes: dict[str, object] = {"status": status, **(update or {})}
    # Based on the version checked above: a step never lands on a version nobody checked.
    stored = save_assessment(
        repo,
        current.assessment.model_copy(update=changes),
        saved_by=by,
        base_version=current.info.version,
        action=AuditAction(action.value),
        actor_email=person.email if person is not None else "",
    )
    # The event is about the version reviewed, not the one the step saved.
    repo.add_review_event(
        ReviewEvent(
            reference=reference,
            version=current.info.version,
            action=action,
            by=by,
            at=_now(),
            comment=comment.strip(),
        )
    )
    return stored


def submit_for_review(
    repo: AssessmentRepository,
    reference: str,
    *,
    by: str,
    comment: str = "",
    person: Actor | None = None,
    people: PeopleStore | None = None,
) -> StoredAssessment:
    """Send a draft for review: saves it as a new version in review.

    Args:
        repo: Where assessments are stored.
        reference: The assessment's reference.
        by: Who is submitting (they become the author of the version to approve).
        comment: A note for the reviewer, if any.
        person: The signed-in person, whose roles are checked; None checks none.
        people: The people store, for who the assessment is shared with.

    Returns:
        The new version, in review.

    Raises:
        ReviewError: If the current version is not a draft (or under review).
        NotFoundError: If there is no such assessment.
        PermissionDeniedError: If ``person``'s roles do not allow the step.
    """
    return _step(
        repo, reference, ReviewAction.SUBMITTED, by=by, comment=comment, person=person,
        people=people,
    )  # fmt: skip


def comment(
    repo: AssessmentRepository,
    reference: str,
    *,
    by: str,
    text: str,
    person: Actor | None = None,
    people: PeopleStore | None = None,
) -> ReviewEvent:
    """Record a comment on the current version; nothing is saved and the status stays.

    Args:
        repo: Where assessments are stored.
        reference: The assessment's reference.
        by: Who is commenting.
        text: The comment.
        person: The signed-in person, whose roles are checked; None checks none.
        people: The people store, for who the assessment is shared with.

    Returns:
        The recorded event.

    Raises:
        ReviewError: If the comment is empty.
        NotFoundError: If there is no such assessment.
        PermissionDeniedError: If ``person``'s roles do not allow commenting.
    """
    check(repo, people, person, Action.COMMENT, reference)
    current = repo.get(reference)
    next_status(
        current.assessment.status,
        ReviewAction.COMMENTED,
        actor=by,
        author=current.info.saved_by,
        comment=text,
    )
    event = ReviewEvent(
        reference=reference,
        version=current.info.version,
        action=ReviewAction.COMMENTED,
        by=by,
        at=_now(),
        comment=text.strip(),
    )
    repo.add_review_event(event)
    record_event(
        repo,
        AuditAction.COMMENTED,
        actor=by,
        reference=reference,
        version=current.info.version,
        actor_email=person.email if person is not None else "",
        detail=event.comment,
    )
    return event


def return_for_changes(
    repo: AssessmentRepository,
    reference: str,
    *,
    by: str,
    comment: str,
    person: Actor | None = None,
    people: PeopleStore | None = None,
) -> StoredAssessment:
    """Return an assessment in review to draft, saying what needs to change.

    Args:
        repo: Where assessments are stored.
        reference: The assessment's reference.
        by: Who is returning it.
        comment: What needs to change; required.
        person: The signed-in person, whose roles are checked; None checks none.
        people: The people store, for who the assessment is shared with.

    Returns:
        The new version, a draft again.

    Raises:
        ReviewError: If it is not in review or the comment is empty.
        NotFoundError: If there is no such assessment.
        PermissionDeniedError: If ``person``'s roles do not allow the step.
    """
    return _step(
        repo, reference, ReviewAction.RETURNED, by=by, comment=comment, person=person,
        people=people,
    )  # fmt: skip


def approve(
    repo: AssessmentRepository,
    reference: str,
    *,
    by: str,
    comment: str = "",
    today: date | None = None,
    person: Actor | None = None,
    people: PeopleStore | None = None,
) -> StoredAssessment:
    """Approve an assessment in review, signing it off in the approver's name.

    The sign-off section's "Approved by" gets the approver's name and today's
    date; the role is kept only if the same person was already named there.

    Args:
        repo: Where assessments are stored.
        reference: The assessment's reference.
        by: Who is approving; not the person who saved the version in review.
        comment: A note with the approval, if any.
        today: The sign-off date; defaults to today.
        person: The signed-in person, whose roles are checked; None checks none.
        people: The people store, for who the assessment is shared with.

    Returns:
        The new version, approved.

    Raises:
        ReviewError: If it is not in review, or ``by`` saved the version in review.
        NotFoundError: If there is no such assessment.
    """
    sign_off = repo.get(reference).assessment.sign_off
    earlier = sign_off.approved_by
    role = earlier.role if earlier.name and earlier.name.strip() == by.strip() else None
    approval = Approval(name=by, role=role, signed_on=today or date.today())
    update = {"sign_off": sign_off.model_copy(update={"approved_by": approval})}
    return _step(
        repo, reference, ReviewAction.APPROVED, by=by, comment=comment, update=update,
        person=person, people=people,
    )  # fmt: skip


def publish(
    repo: AssessmentRepository,
    reference: str,
    *,
    by: str,
    today: date | None = None,
    person: Actor | None = None,
    people: PeopleStore | None = None,
) -> StoredAssessment:
    """Publish an approved assessment, recording the date published.

    Args:
        repo: Where assessments are stored.
        reference: The assessment's reference.
        by: Who is publishing it.
        today: The publication date; defaults to today.
        person: The signed-in person, whose roles are checked; None checks none.
        people: The people store, for who the assessment is shared with.

    Returns:
        The new version, published.

    Raises:
        ReviewError: If it is not approved.
        NotFoundError: If there is no such assessment.
    """
    quality = repo.get(reference).assessment.quality
    update = {"quality": quality.model_copy(update={"date_published": today or date.today()})}
    return _step(
        repo, reference, ReviewAction.PUBLISHED, by=by, comment="", update=update,
        person=person, people=people,
    )  # fmt: skip


def review_history(repo: AssessmentRepository, reference: str) -> list[VersionReview]:
    """Return every version with its status and review steps, newest first.

    Args:
        repo: Where assessments are stored.
        reference: The assessment's reference.

    Returns:
        One entry per saved version.

    Raises:
        NotFoundError: If there is no such assessment.
    """
    events = repo.review_events(reference)
    history = []
    for info in reversed(repo.versions(reference)):
        assessment = repo.get(reference, info.version).assessment
        history.append(
            VersionReview(
                info=info,
                status=assessment.status,
                stage=assessment.stage,
                events=[event for event in events if event.version == info.version],
            )
        )
    return history


def compare_versions(
    repo: AssessmentRepository, reference: str, first: int, second: int
) -> list[FieldDifference]:
    """Compare two saved versions field by field, and word by word in long text.

    Args:
        repo: Where assessments are stored.
        reference: The assessment's reference.
        first: One version number; the older of the two is read as "before".
        second: The other version number.

    Returns:
        The fields that differ, labelled, in the form's order; empty if none do.

    Raises:
        NotFoundError: If the assessment or either version does not exist.
    """
    older, newer = sorted((first, second))
    return field_differences(
        repo.get(reference, older).assessment, repo.get(reference, newer).assessment
    )
