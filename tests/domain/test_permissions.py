"""The permission rules, table by table: each role against each action, and ownership."""

import pytest

from eia_app.domain.permissions import (
    Action,
    Actor,
    Role,
    Subject,
    can,
    single_user,
)
from eia_app.domain.review import SELF_APPROVAL

OFFICER = Actor("Olu Officer", "olu@council.example", frozenset({Role.OFFICER}))
REVIEWER = Actor("Rae Reviewer", "rae@council.example", frozenset({Role.REVIEWER}))
ADMIN = Actor("Ada Admin", "ada@council.example", frozenset({Role.ADMINISTRATOR}))
NOBODY = Actor("Nell Reader", "nell@council.example", frozenset())
OLU_OWNS = Subject(author="Olu Officer", owner="Olu Officer")
SOMEONE_ELSES = Subject(author="Kim Other", owner="Kim Other")

ROLE_TABLE = [
    # actor, action, allowed
    (OFFICER, Action.CREATE, True),
    (REVIEWER, Action.CREATE, False),
    (ADMIN, Action.CREATE, False),
    (OFFICER, Action.COMMENT, True),
    (REVIEWER, Action.COMMENT, True),
    (NOBODY, Action.COMMENT, False),
    (OFFICER, Action.APPROVE, False),
    (REVIEWER, Action.APPROVE, True),
    (ADMIN, Action.APPROVE, False),
    (OFFICER, Action.RETURN, False),
    (REVIEWER, Action.RETURN, True),
    (OFFICER, Action.PUBLISH, False),
    (REVIEWER, Action.PUBLISH, True),
    (OFFICER, Action.ASSIGN_ROLES, False),
    (REVIEWER, Action.ASSIGN_ROLES, False),
    (ADMIN, Action.ASSIGN_ROLES, True),
    (ADMIN, Action.MANAGE_TEMPLATES, True),
    (OFFICER, Action.MANAGE_TEMPLATES, False),
    (ADMIN, Action.MANAGE_BASELINES, True),
    (REVIEWER, Action.MANAGE_BASELINES, False),
    (ADMIN, Action.READ_AUDIT, True),
    (REVIEWER, Action.READ_AUDIT, False),
    (OFFICER, Action.READ_AUDIT, False),
    (ADMIN, Action.PUBLISH_UNSUPPRESSED, True),
    (OFFICER, Action.PUBLISH_UNSUPPRESSED, False),
    (REVIEWER, Action.PUBLISH_UNSUPPRESSED, False),
]


@pytest.mark.parametrize(("actor", "action", "allowed"), ROLE_TABLE)
def test_each_role_may_take_only_its_own_actions(actor, action, allowed):
    decision = can(actor, action, SOMEONE_ELSES if action is Action.APPROVE else None)
    assert decision.allowed is allowed
    assert (decision.reason is None) is allowed


def test_a_refusal_names_the_role_needed_in_plain_words():
    decision = can(OFFICER, Action.APPROVE, SOMEONE_ELSES)
    assert decision.reason == (
        "Only a reviewer can approve this assessment; ask an administrator if you need that role."
    )
    assert "an administrator can assign roles" in (can(REVIEWER, Action.ASSIGN_ROLES).reason or "")


OWNERSHIP_TABLE = [
    # subject, action, allowed
    (OLU_OWNS, Action.EDIT, True),
    (OLU_OWNS, Action.SUBMIT, True),
    (SOMEONE_ELSES, Action.EDIT, False),
    (SOMEONE_ELSES, Action.SUBMIT, False),
    (Subject("Kim Other", "Kim Other", frozenset({"olu@council.example"})), Action.EDIT, True),
    (Subject("Kim Other", "Kim Other", frozenset({"OLU@Council.Example "})), Action.EDIT, True),
    (Subject("Kim Other", "Kim Other", frozenset({"pat@council.example"})), Action.EDIT, False),
    (SOMEONE_ELSES, Action.COMMENT, True),
]


@pytest.mark.parametrize(("subject", "action", "allowed"), OWNERSHIP_TABLE)
def test_an_officer_edits_only_their_own_or_shared_assessments(subject, action, allowed):
    decision = can(OFFICER, action, subject)
    assert decision.allowed is allowed
    if not allowed:
        assert "not yours" in (decision.reason or "")
        assert "Kim Other" in (decision.reason or "")


SELF_APPROVAL_TABLE = [
    # actor, author of the version in review
    (REVIEWER, "Rae Reviewer"),
    (REVIEWER, "rae reviewer "),
    (REVIEWER, "rae@council.example"),
    (Actor("Both", "both@council.example", frozenset(Role)), "Both"),
    (single_user("Sam"), "Sam"),
]


@pytest.mark.parametrize(("actor", "author"), SELF_APPROVAL_TABLE)
def test_nobody_approves_a_version_they_saved_whatever_their_roles(actor, author):
    decision = can(actor, Action.APPROVE, Subject(author=author, owner="Kim Other"))
    assert decision == decision.__class__(False, SELF_APPROVAL)


def test_single_user_mode_holds_every_role_and_owns_everything():
    alone = single_user("Sam")
    for action in Action:
        assert can(alone, action, SOMEONE_ELSES).allowed, action


SAM_A = Actor("Sam Patel", "sam.patel@council.example", frozenset({Role.OFFICER, Role.REVIEWER}))
SAM_B = Actor("Sam Patel", "sam.b.patel@council.example", frozenset({Role.OFFICER, Role.REVIEWER}))
SAVED_BY_SAM_A = Subject(
    author="Sam Patel",
    owner="Sam Patel",
    author_email="sam.patel@council.example",
    owner_email="sam.patel@council.example",
)


def test_a_namesake_neither_owns_nor_is_the_author_when_e_mails_were_recorded():
    # Two colleagues called Sam Patel: the e-mails, not the shared name, tell them apart.
    assert can(SAM_A, Action.EDIT, SAVED_BY_SAM_A).allowed
    assert not can(SAM_B, Action.EDIT, SAVED_BY_SAM_A).allowed
    assert can(SAM_B, Action.APPROVE, SAVED_BY_SAM_A).allowed
    assert can(SAM_A, Action.APPROVE, SAVED_BY_SAM_A).reason == SELF_APPROVAL


def test_an_author_whose_name_changed_still_cannot_approve_their_own_version():
    renamed = Actor("Sam Okafor", "sam.patel@council.example", frozenset({Role.REVIEWER}))
    assert can(renamed, Action.APPROVE, SAVED_BY_SAM_A).reason == SELF_APPROVAL


def test_a_refusal_to_edit_names_the_owner_and_their_e_mail():
    reason = can(SAM_B, Action.EDIT, SAVED_BY_SAM_A).reason or ""
    assert "(Sam Patel, sam.patel@council.example)" in reason


def test_versions_saved_without_an_e_mail_fall_back_to_the_name():
    legacy = Subject(author="Sam Patel", owner="Sam Patel")
    # Without an e-mail to tell them apart, a namesake counts as the author: refusing a
    # genuine approval is recoverable, allowing a self-approval is not.
    assert can(SAM_B, Action.APPROVE, legacy).reason == SELF_APPROVAL
    assert can(SAM_B, Action.EDIT, legacy).allowed
