"""The review rules, table by table: every (status, step) pair, self-approval, due dates."""

from datetime import date, timedelta

import pytest

from eia_app.domain.details import Status
from eia_app.domain.errors import ReviewError
from eia_app.domain.review import (
    SELF_APPROVAL,
    DueState,
    next_status,
    refusal,
    review_due,
)
from eia_app.domain.versions import ReviewAction as A

S = Status
AUTHOR, REVIEWER = "Priya Shah", "Sam Jones"

# status now, step, status after (None: refused). Every pair of the two enums is listed.
TABLE = [
    (S.DRAFT, A.SUBMITTED, S.IN_REVIEW),
    (S.DRAFT, A.RETURNED, None),
    (S.DRAFT, A.APPROVED, None),
    (S.DRAFT, A.PUBLISHED, None),
    (S.DRAFT, A.COMMENTED, S.DRAFT),
    (S.IN_REVIEW, A.SUBMITTED, None),
    (S.IN_REVIEW, A.RETURNED, S.DRAFT),
    (S.IN_REVIEW, A.APPROVED, S.APPROVED),
    (S.IN_REVIEW, A.PUBLISHED, None),
    (S.IN_REVIEW, A.COMMENTED, S.IN_REVIEW),
    (S.APPROVED, A.SUBMITTED, None),
    (S.APPROVED, A.RETURNED, None),
    (S.APPROVED, A.APPROVED, None),
    (S.APPROVED, A.PUBLISHED, S.PUBLISHED),
    (S.APPROVED, A.COMMENTED, S.APPROVED),
    (S.PUBLISHED, A.SUBMITTED, None),
    (S.PUBLISHED, A.RETURNED, None),
    (S.PUBLISHED, A.APPROVED, None),
    (S.PUBLISHED, A.PUBLISHED, None),
    (S.PUBLISHED, A.COMMENTED, S.PUBLISHED),
    (S.UNDER_REVIEW, A.SUBMITTED, S.IN_REVIEW),
    (S.UNDER_REVIEW, A.RETURNED, None),
    (S.UNDER_REVIEW, A.APPROVED, None),
    (S.UNDER_REVIEW, A.PUBLISHED, None),
    (S.UNDER_REVIEW, A.COMMENTED, S.UNDER_REVIEW),
]


def test_the_table_covers_every_status_and_step():
    assert {(status, action) for status, action, _ in TABLE} == {(s, a) for s in S for a in A}


@pytest.mark.parametrize(("status", "action", "after"), TABLE)
def test_each_step_from_each_status(status, action, after):
    def take():
        return next_status(status, action, actor=REVIEWER, author=AUTHOR, comment="Looks fine.")

    if after is None:
        with pytest.raises(ReviewError, match="; this version is "):
            take()
    else:
        assert take() is after


@pytest.mark.parametrize("actor", [AUTHOR, "priya shah", "  Priya Shah "])
def test_the_author_cannot_approve_their_own_version(actor):
    with pytest.raises(ReviewError) as refused:
        next_status(S.IN_REVIEW, A.APPROVED, actor=actor, author=AUTHOR)
    assert (
        str(refused.value)
        == SELF_APPROVAL
        == ("You saved this version, so someone else must approve it.")
    )


@pytest.mark.parametrize(
    ("action", "status", "message"),
    [
        (A.RETURNED, S.IN_REVIEW, "Say what needs to change before returning it for changes."),
        (A.COMMENTED, S.DRAFT, "Write a comment first."),
    ],
)
@pytest.mark.parametrize("blank", ["", "   "])
def test_a_return_and_a_comment_need_words(action, status, message, blank):
    assert refusal(status, action, actor=REVIEWER, author=AUTHOR, comment=blank) == message


@pytest.mark.parametrize(
    ("actor_is_author", "action"),
    [(True, A.SUBMITTED), (True, A.RETURNED), (True, A.PUBLISHED), (False, A.APPROVED)],
)
def test_only_approval_depends_on_who_saved_the_version(actor_is_author, action):
    status = {A.SUBMITTED: S.DRAFT, A.PUBLISHED: S.APPROVED}.get(action, S.IN_REVIEW)
    actor = AUTHOR if actor_is_author else REVIEWER
    assert refusal(status, action, actor=actor, author=AUTHOR, comment="Why") is None


def test_refusals_say_what_the_status_is_in_words():
    assert refusal(S.APPROVED, A.SUBMITTED, actor=AUTHOR, author=AUTHOR) == (
        "Only a draft can be submitted for review; this version is approved."
    )
    assert refusal(S.DRAFT, A.PUBLISHED, actor=AUTHOR, author=AUTHOR) == (
        "Only an approved assessment can be published; this version is a draft."
    )


TODAY = date(2025, 6, 1)


@pytest.mark.parametrize(
    ("days_from_today", "state"),
    [
        (None, DueState.NO_DATE),
        (-1, DueState.OVERDUE),
        (-400, DueState.OVERDUE),
        (0, DueState.DUE_SOON),
        (30, DueState.DUE_SOON),
        (31, DueState.NOT_DUE),
        (365, DueState.NOT_DUE),
    ],
)
def test_review_due(days_from_today, state):
    review = None if days_from_today is None else TODAY + timedelta(days=days_from_today)
    assert review_due(review, TODAY) is state
