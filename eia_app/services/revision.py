"""Revising an assessment after consultation: the final-stage draft and what to look at.

"Revise after consultation" starts the final-stage version from the approved
consultation-stage one, keeping everything, and lists the sections that a
consultation usually changes.
"""

from dataclasses import dataclass

from eia_app.domain.assessment import Assessment
from eia_app.domain.decision import Approval
from eia_app.domain.details import Stage, Status
from eia_app.domain.errors import ReviewError
from eia_app.domain.people import PeopleStore
from eia_app.domain.permissions import Action, Actor
from eia_app.domain.repository import AssessmentRepository
from eia_app.domain.versions import StoredAssessment
from eia_app.services.access import check
from eia_app.services.assessments import save_assessment
from eia_app.services.sections import SECTIONS

# Why each section usually changes after a consultation, in the order to work through.
# Evidence is included because the responses themselves become evidence.
REVISION_SECTIONS: tuple[tuple[str, str], ...] = (
    ("consultation", "Summarise who responded and what they said, and fill in "
     "'you said, we did' for each main theme."),
    ("evidence", "Add the consultation responses and anything people pointed you to."),
    ("impacts", "Revisit each group's impact and mitigation in the light of the responses."),
    ("actions", "Add or change actions for what the consultation showed."),
    ("decision", "Say what the final proposal is and why, after consultation."),
    ("monitoring", "Check how you will monitor the impacts people raised, and the review date."),
)  # fmt: skip


@dataclass(frozen=True)
class RevisionPrompt:
    """A section to look at when revising an assessment after consultation.

    Attributes:
        section_id: Id of the section page, from ``SECTIONS``.
        title: The section's title.
        why: What usually changes there after a consultation.
    """

    section_id: str
    title: str
    why: str


@dataclass(frozen=True)
class Revision:
    """The final-stage draft started from an approved consultation-stage version.

    Attributes:
        stored: The new version.
        from_version: The approved consultation-stage version it started from.
        prompts: The sections a consultation usually changes.
    """

    stored: StoredAssessment
    from_version: int
    prompts: list[RevisionPrompt]


def revision_prompts() -> list[RevisionPrompt]:
    """Return the sections a consultation usually changes, with what to look for.

    Returns:
        One prompt per section, titled as the section pages are.
    """
    titles = {section.id: section.title for section in SECTIONS}
    return [RevisionPrompt(sid, titles[sid], why) for sid, why in REVISION_SECTIONS]


def revisable_after_consultation(stored: StoredAssessment) -> bool:
    """Return whether a current version can be revised after consultation.

    Args:
        stored: The current version.

    Returns:
        True for an approved (or published) consultation-stage version.
    """
    assessment = stored.assessment
    return assessment.stage is Stage.CONSULTATION and assessment.status in {
        Status.APPROVED,
        Status.PUBLISHED,
    }


def revise_after_consultation(
    repo: AssessmentRepository,
    reference: str,
    *,
    saved_by: str,
    person: Actor | None = None,
    people: PeopleStore | None = None,
) -> Revision:
    """Start the final-stage draft from the approved consultation-stage version.

    Only the current version can be revised, so that no later work is thrown
    away. The new version keeps everything, but its status is draft, its stage
    final, and the review and approval sign-offs and the completion and
    publication dates are cleared: they belonged to the consultation stage.

    Args:
        repo: Where assessments are stored.
        reference: The assessment's reference.
        saved_by: Who is starting the revision.
        person: The signed-in person, who must be allowed to edit it; None checks none.
        people: The people store, for who the assessment is shared with.

    Returns:
        The new version and the sections to look at.

    Raises:
        ReviewError: If the current version is not an approved consultation-stage one.
        NotFoundError: If there is no such assessment.
        PermissionDeniedError: If ``person`` may not edit this assessment.
    """
    check(repo, people, person, Action.EDIT, reference)
    current = repo.get(reference)
    if not revisable_after_consultation(current):
        assessment = current.assessment
        raise ReviewError(
            "Only an approved consultation-stage assessment can be revised after consultation; "
            f"version {current.info.version} is at the {assessment.stage.value} stage and "
            f"{assessment.status.value.replace('_', ' ')}."
        )
    revised = _revised(current.assessment, current.info.version)
    stored = save_assessment(
        repo,
        revised,
        saved_by=saved_by,
        base_version=current.info.version,
        actor_email=person.email if person is not None else "",
    )
    return Revision(stored, current.info.version, revision_prompts())


def _revised(assessment: Assessment, version: int) -> Assessment:
    sign_off = assessment.sign_off.model_copy(
        update={"reviewed_by": Approval(), "approved_by": Approval()}
    )
    quality = assessment.quality.model_copy(
        update={
            "date_completed": None,
            "date_published": None,
            "change_note": f"Revised after consultation, from approved version {version}.",
        }
    )
    return assessment.model_copy(
        update={
            "status": Status.DRAFT,
            "stage": Stage.FINAL,
            "sign_off": sign_off,
            "quality": quality,
        }
    )
