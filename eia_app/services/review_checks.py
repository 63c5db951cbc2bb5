"""Which review steps a person can take now, and why not: what the review page offers.

The status rules are in :mod:`eia_app.domain.review` and the role rules in
:mod:`eia_app.domain.permissions`; the roles are checked first, so someone who may
never take a step is told that rather than the status rule.
"""

from dataclasses import dataclass

from eia_app.domain.people import PeopleStore
from eia_app.domain.permissions import Action, Actor, can
from eia_app.domain.repository import AssessmentRepository
from eia_app.domain.review import refusal
from eia_app.domain.versions import ReviewAction
from eia_app.services.access import subject

STEPPED_ACTIONS = (
    ReviewAction.SUBMITTED,
    ReviewAction.RETURNED,
    ReviewAction.APPROVED,
    ReviewAction.PUBLISHED,
)
"""The steps that move the status on, in the order the app offers them."""

PERMISSION_FOR: dict[ReviewAction, Action] = {
    ReviewAction.SUBMITTED: Action.SUBMIT,
    ReviewAction.COMMENTED: Action.COMMENT,
    ReviewAction.RETURNED: Action.RETURN,
    ReviewAction.APPROVED: Action.APPROVE,
    ReviewAction.PUBLISHED: Action.PUBLISH,
}
"""Each review step -> the permission it needs (see :mod:`eia_app.domain.permissions`)."""


@dataclass(frozen=True)
class StepCheck:
    """Whether one review step can be taken now, and why not if it cannot.

    Attributes:
        action: The step.
        reason: Why it is not allowed, in one sentence; None when it is.
    """

    action: ReviewAction
    reason: str | None

    @property
    def allowed(self) -> bool:
        """Whether the step can be taken."""
        return self.reason is None


def step_checks(
    repo: AssessmentRepository,
    reference: str,
    *,
    actor: str,
    person: Actor | None = None,
    people: PeopleStore | None = None,
) -> list[StepCheck]:
    """Say which status-changing steps the actor can take on the current version, and why not.

    A return for changes is checked as if a comment were written: the comment is
    asked for when the step is taken. The person's roles are checked first, so
    someone who may never take a step is told that rather than the status rule.

    Args:
        repo: Where assessments are stored.
        reference: The assessment's reference.
        actor: Who would take the step.
        person: The signed-in person with their roles; None checks the status rules only.
        people: The people store, for who the assessment is shared with.

    Returns:
        One check per step in :data:`STEPPED_ACTIONS`.
    """
    current = repo.get(reference)
    about = subject(repo, people, reference) if person is not None else None
    checks = []
    for action in STEPPED_ACTIONS:
        decision = can(person, PERMISSION_FOR[action], about) if person is not None else None
        reason = decision.reason if decision is not None and not decision.allowed else None
        checks.append(
            StepCheck(
                action,
                reason
                or refusal(
                    current.assessment.status,
                    action,
                    actor=actor,
                    author=current.info.saved_by,
                    comment="(to be written)",
                    actor_email=person.email if person is not None else "",
                    author_email=current.info.saved_by_email,
                ),
            )
        )
    return checks
