"""Colleagues who share a name, on every store: the e-mail saved with each version tells
them apart, so neither edits the other's work nor approves their own under a new name."""

import pytest

from eia_app.domain.errors import PermissionDeniedError
from eia_app.domain.permissions import Actor, Role
from eia_app.domain.review import SELF_APPROVAL
from eia_app.services import review
from eia_app.services.sections import start_assessment
from eia_app.storage.people import InMemoryPeopleStore

REF = "EIA-2026-0042"
BOTH = frozenset({Role.OFFICER, Role.REVIEWER})
SAM = Actor("Sam Patel", "sam.patel@council.example", BOTH)
NAMESAKE = Actor("Sam Patel", "sam.b.patel@council.example", BOTH)


@pytest.fixture
def started(any_repository):
    start_assessment(any_repository, "Home to school transport", REF, saved_by=SAM.name, person=SAM)
    return any_repository


def test_each_version_keeps_the_e_mail_of_whoever_saved_it(started):
    people = InMemoryPeopleStore()
    review.submit_for_review(started, REF, by=SAM.name, person=SAM, people=people)
    history = started.versions(REF)
    assert [v.saved_by_email for v in history] == [SAM.email, SAM.email]


def test_a_namesake_cannot_edit_an_assessment_that_is_not_theirs(started):
    with pytest.raises(PermissionDeniedError, match="sam.patel@council.example"):
        review.submit_for_review(
            started, REF, by=NAMESAKE.name, person=NAMESAKE, people=InMemoryPeopleStore()
        )
    assert started.get(REF).info.version == 1


def test_the_author_cannot_approve_but_a_namesake_reviewer_can(started):
    people = InMemoryPeopleStore()
    review.submit_for_review(started, REF, by=SAM.name, person=SAM, people=people)
    with pytest.raises(PermissionDeniedError, match=SELF_APPROVAL):
        review.approve(started, REF, by=SAM.name, person=SAM, people=people)

    approved = review.approve(started, REF, by=NAMESAKE.name, person=NAMESAKE, people=people)
    assert approved.assessment.status.value == "approved"
    assert approved.info.saved_by_email == NAMESAKE.email


def test_an_author_whose_name_changed_in_the_directory_still_cannot_approve(started):
    people = InMemoryPeopleStore()
    review.submit_for_review(started, REF, by=SAM.name, person=SAM, people=people)
    renamed = Actor("Sam Okafor", SAM.email, BOTH)
    with pytest.raises(PermissionDeniedError, match=SELF_APPROVAL):
        review.approve(started, REF, by=renamed.name, person=renamed, people=people)
    checks = review.step_checks(started, REF, actor=renamed.name, person=renamed, people=people)
    assert {c.action.value: c.reason for c in checks}["approved"] == SELF_APPROVAL
