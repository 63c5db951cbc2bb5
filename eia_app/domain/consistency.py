"""Consistency checks: facts of an assessment that must agree before it is exported.

A published assessment is a legal record, and a reader (a councillor, a barrister)
trusts the facts about its standing: a status of "in review" beside an approval
date, or a review date before the actions it is meant to review, makes the record
contradict itself. These checks compare fields with each other, not with a stage,
so most apply at every stage.

Severity follows what the contradiction does to the record:

- errors: a publication date on an assessment not yet approved, an approved or
  published status with no approval or publication date, or a publication before
  the approval; the document would state two different things about its standing,
  and nothing else asks for these dates, so the author can always put it right;
- warnings: an approval date on a draft or an assessment in review (the short
  path asks for the sign-off while the assessment is still a draft, and the review
  steps set the status afterwards, so this cannot block); and, at the final stage,
  a review date before an open action is due (an action may rightly run past a
  review, such as ongoing monitoring, so the author decides).
"""

from collections.abc import Iterator

from eia_app.domain.assessment import Assessment
from eia_app.domain.checking import error, long_date, warning
from eia_app.domain.decision import ActionStatus
from eia_app.domain.details import STATUS_LABELS, Stage, Status
from eia_app.domain.issues import Issue

# Statuses that say the assessment has not yet been approved.
_NOT_YET_APPROVED = (Status.DRAFT, Status.IN_REVIEW)
# Statuses that say it has been approved (published implies approved).
_APPROVED = (Status.APPROVED, Status.PUBLISHED)
# Actions a review can still look at: finished or dropped ones need no review date.
_OPEN_ACTIONS = (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)


def check_consistency(assessment: Assessment, stage: Stage | None = None) -> list[Issue]:
    """List every fact of an assessment that disagrees with another.

    Args:
        assessment: The assessment (a draft is fine).
        stage: The stage it is judged for; defaults to its own. The review date is
            compared with the actions only at the final stage: before the decision,
            the next review is the revision after consultation, which plans the
            actions again rather than looks at what they achieved.

    Returns:
        Errors and warnings, as the module's docstring sets out, status checks first.
    """
    target = Stage(stage) if stage is not None else assessment.stage
    issues = list(_status_and_dates(assessment))
    if target is Stage.FINAL:
        issues += _review_after_actions(assessment)
    return issues


def _status_and_dates(assessment: Assessment) -> Iterator[Issue]:
    status = assessment.status
    said = STATUS_LABELS[status]
    approved = assessment.sign_off.approved_by.signed_on
    published = assessment.quality.date_published
    if status in _NOT_YET_APPROVED and approved is not None:
        # A warning, not an error: a draft may record its sign-off by hand (the short
        # path asks for it at once), and the review steps set the status afterwards.
        yield warning(
            "status",
            f"The status is '{said}' but an approval date ({long_date(approved)}) is "
            "recorded: the document would say both. Take it through review and approval so "
            "the status says approved, or remove the date if it belongs to an earlier version.",
        )
    if status in _NOT_YET_APPROVED and published is not None:
        yield error(
            "quality.date_published",
            f"The status is '{said}' but a publication date ({long_date(published)}) is set: "
            "change the status to Published, or remove the publication date.",
        )
    if status in _APPROVED and approved is None:
        yield error(
            "sign_off.approved_by.signed_on",
            f"The status is '{said}' but no approval date is recorded: enter the date it was "
            "approved, or change the status.",
        )
    if status is Status.PUBLISHED and published is None:
        yield error(
            "quality.date_published",
            "The status is 'Published' but no publication date is recorded: enter the date it "
            "was published, or change the status.",
        )
    if approved is not None and published is not None and published < approved:
        yield error(
            "quality.date_published",
            f"The publication date ({long_date(published)}) is before the approval date "
            f"({long_date(approved)}): an assessment is approved before it is published, so "
            "correct one of the dates.",
        )


def _review_after_actions(assessment: Assessment) -> Iterator[Issue]:
    review = assessment.monitoring.review_date
    if review is None:
        return
    later = [
        action
        for action in assessment.actions
        if action.status in _OPEN_ACTIONS
        and action.due_date is not None
        and action.due_date > review
    ]
    if not later:
        return
    last = max(action.due_date for action in later if action.due_date is not None)
    names = ", ".join(f"{a.id} ({long_date(a.due_date)})" for a in later if a.due_date)
    yield warning(
        "monitoring.review_date",
        f"The review on {long_date(review)} comes before open actions are due: {names}. The "
        f"review cannot look at what they achieved: set a review date after {long_date(last)}, "
        "or say under monitoring why these actions are reviewed later.",
    )
