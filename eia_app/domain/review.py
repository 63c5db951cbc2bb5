"""The review rules: which step moves an assessment to which status, and who may take it.

An assessment moves draft -> in review -> approved -> published. A reviewer can
return it to draft with a comment saying what to change, and anyone can comment at
any time. Whoever approves a version must not be the person who saved it: the
approval is the second pair of eyes the council's equality scheme asks for.

``under_review`` is a published assessment whose periodic review has begun (its
monitoring review date came round and it is being checked against what happened).
It is a working state like a draft, so it can be submitted for review again; no
step in this module enters it.

Pure: no storage, no clock, no framework. The services apply these rules to stored
versions; the app asks :func:`refusal` which buttons to offer and why not.
"""

from datetime import date
from enum import StrEnum

from eia_app.domain.details import Status
from eia_app.domain.errors import ReviewError
from eia_app.domain.versions import ReviewAction

DUE_SOON_DAYS = 30
"""An assessment whose review date is this close (or closer) is due for review."""

TRANSITIONS: dict[tuple[Status, ReviewAction], Status] = {
    (Status.DRAFT, ReviewAction.SUBMITTED): Status.IN_REVIEW,
    (Status.UNDER_REVIEW, ReviewAction.SUBMITTED): Status.IN_REVIEW,
    (Status.IN_REVIEW, ReviewAction.RETURNED): Status.DRAFT,
    (Status.IN_REVIEW, ReviewAction.APPROVED): Status.APPROVED,
    (Status.APPROVED, ReviewAction.PUBLISHED): Status.PUBLISHED,
}
"""(status now, step) -> status after it. Commenting never changes the status."""

STATUS_WORDS: dict[Status, str] = {
    Status.DRAFT: "a draft",
    Status.IN_REVIEW: "in review",
    Status.APPROVED: "approved",
    Status.PUBLISHED: "published",
    Status.UNDER_REVIEW: "under review",
}

# Why a step is refused in a status it does not apply to, in the words people use.
_WRONG_STATUS: dict[ReviewAction, str] = {
    ReviewAction.SUBMITTED: "Only a draft can be submitted for review",
    ReviewAction.RETURNED: "Only an assessment in review can be returned for changes",
    ReviewAction.APPROVED: "Only an assessment in review can be approved",
    ReviewAction.PUBLISHED: "Only an approved assessment can be published",
}

SELF_APPROVAL = "You saved this version, so someone else must approve it."
COMMENT_NEEDED = {
    ReviewAction.RETURNED: "Say what needs to change before returning it for changes.",
    ReviewAction.COMMENTED: "Write a comment first.",
}


class DueState(StrEnum):
    """Whether an assessment's review date has come."""

    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    NOT_DUE = "not_due"
    NO_DATE = "no_date"


DUE_LABELS: dict[DueState, str] = {
    DueState.OVERDUE: "Overdue",
    DueState.DUE_SOON: f"Due within {DUE_SOON_DAYS} days",
    DueState.NOT_DUE: "Not due",
    DueState.NO_DATE: "No review date",
}


def same_person(first: str, second: str) -> bool:
    """Return whether two recorded names are the same person (ignoring case and spaces).

    Args:
        first: A name as recorded.
        second: Another name as recorded.

    Returns:
        True if they match once case and surrounding spaces are ignored.
    """
    return first.strip().casefold() == second.strip().casefold()


def same_saver(name: str, email: str, other_name: str, other_email: str) -> bool:
    """Return whether two people who saved or acted are the same person.

    When both signed in, their e-mails decide: two colleagues may share a name, and a
    name can change in the directory. Otherwise (single-user mode, the command line,
    versions saved before e-mails were recorded) the names decide, erring towards
    "the same", which refuses a self-approval rather than allowing one.

    Args:
        name: The first person's recorded name.
        email: Their e-mail from the sign-in; empty if none.
        other_name: The second person's recorded name.
        other_email: Their e-mail; empty if none.

    Returns:
        True if they are the same person as far as the records tell.
    """
    if email.strip() and other_email.strip():
        return same_person(email, other_email)
    return any(same_person(mine, other_name) for mine in (name, email) if mine.strip())


def refusal(
    status: Status,
    action: ReviewAction,
    *,
    actor: str,
    author: str,
    comment: str = "",
    actor_email: str = "",
    author_email: str = "",
) -> str | None:
    """Return why a review step is not allowed now, or None if it is.

    Args:
        status: Status of the current stored version.
        action: The step asked for.
        actor: Who is taking the step.
        author: Who saved the current version (its ``saved_by``).
        comment: What the actor wrote; a return and a comment need one.
        actor_email: The actor's e-mail from the sign-in; empty if none.
        author_email: The author's e-mail as the version records it; empty if none.

    Returns:
        One plain sentence saying why not, or None when the step is allowed.
    """
    if action in COMMENT_NEEDED and not comment.strip():
        return COMMENT_NEEDED[action]
    if action is ReviewAction.COMMENTED:
        return None
    if (status, action) not in TRANSITIONS:
        return f"{_WRONG_STATUS[action]}; this version is {STATUS_WORDS[status]}."
    if action is ReviewAction.APPROVED and same_saver(actor, actor_email, author, author_email):
        return SELF_APPROVAL
    return None


def next_status(
    status: Status,
    action: ReviewAction,
    *,
    actor: str,
    author: str,
    comment: str = "",
    actor_email: str = "",
    author_email: str = "",
) -> Status:
    """Return the status a review step leads to.

    Args:
        status: Status of the current stored version.
        action: The step asked for.
        actor: Who is taking the step.
        author: Who saved the current version (its ``saved_by``).
        comment: What the actor wrote; a return and a comment need one.
        actor_email: The actor's e-mail from the sign-in; empty if none.
        author_email: The author's e-mail as the version records it; empty if none.

    Returns:
        The new status (unchanged for a comment).

    Raises:
        ReviewError: If the step is not allowed; the message says why.
    """
    reason = refusal(
        status,
        action,
        actor=actor,
        author=author,
        comment=comment,
        actor_email=actor_email,
        author_email=author_email,
    )
    if reason:
        raise ReviewError(reason)
    return TRANSITIONS.get((status, action), status)


def review_due(review_date: date | None, today: date) -> DueState:
    """Return whether a review date has passed, is close, or is some way off.

    Args:
        review_date: When the assessment is to be reviewed, if set.
        today: Today's date.

    Returns:
        Overdue once the date has passed; due soon from :data:`DUE_SOON_DAYS`
        days before it until the day itself; otherwise not due (or no date).
    """
    if review_date is None:
        return DueState.NO_DATE
    if review_date < today:
        return DueState.OVERDUE
    if (review_date - today).days <= DUE_SOON_DAYS:
        return DueState.DUE_SOON
    return DueState.NOT_DUE
