"""Review, approval and revision on the in-memory library: each step is a new version."""

from datetime import date

import pytest

from eia_app.domain.assessment import Assessment
from eia_app.domain.details import Stage, Status
from eia_app.domain.errors import ReviewError
from eia_app.domain.review import DueState
from eia_app.domain.versions import ReviewAction
from eia_app.services import library, review
from eia_app.services import revision as revision_service
from tests.export.builders import consultation_data

REF = "EIA-2026-0042"
AUTHOR, REVIEWER = "Priya Shah", "Sam Jones"
TODAY = date(2026, 3, 2)


def draft(**changes) -> Assessment:
    data = consultation_data() | {"status": "draft"} | changes
    return Assessment.model_validate(data)


@pytest.fixture
def repo(any_repository):
    """A library holding one draft: in memory, on SQLite and on PostgreSQL."""
    any_repository.add_version(draft(), saved_by=AUTHOR, change_summary="First version")
    return any_repository


def status(repo) -> Status:
    return repo.get(REF).assessment.status


def test_submit_saves_a_new_version_in_review_and_records_the_event(repo):
    stored = review.submit_for_review(repo, REF, by=AUTHOR, comment="Ready for a look.")
    assert (stored.info.version, stored.info.saved_by) == (2, AUTHOR)
    assert status(repo) is Status.IN_REVIEW
    assert "Status" in stored.info.change_summary
    [event] = repo.review_events(REF)
    assert (event.version, event.action, event.by, event.comment) == (
        1,
        ReviewAction.SUBMITTED,
        AUTHOR,
        "Ready for a look.",
    )


def test_a_comment_is_kept_against_the_current_version_and_saves_nothing(repo):
    review.submit_for_review(repo, REF, by=AUTHOR)
    event = review.comment(repo, REF, by=REVIEWER, text="  Cite the caseload data.  ")
    assert (event.version, event.comment) == (2, "Cite the caseload data.")
    assert len(repo.versions(REF)) == 2
    with pytest.raises(ReviewError, match="Write a comment first"):
        review.comment(repo, REF, by=REVIEWER, text=" ")


def test_return_needs_a_comment_and_makes_a_draft_again(repo):
    review.submit_for_review(repo, REF, by=AUTHOR)
    with pytest.raises(ReviewError, match="Say what needs to change"):
        review.return_for_changes(repo, REF, by=REVIEWER, comment="")
    assert status(repo) is Status.IN_REVIEW
    review.return_for_changes(repo, REF, by=REVIEWER, comment="Add the survey results.")
    assert status(repo) is Status.DRAFT
    assert repo.review_events(REF)[-1].action is ReviewAction.RETURNED


def test_the_author_is_refused_and_another_user_approves_with_sign_off(repo):
    review.submit_for_review(repo, REF, by=AUTHOR)
    with pytest.raises(ReviewError, match="You saved this version, so someone else must"):
        review.approve(repo, REF, by=AUTHOR)
    assert status(repo) is Status.IN_REVIEW
    assert len(repo.versions(REF)) == 2

    stored = review.approve(repo, REF, by=REVIEWER, comment="Approved.", today=TODAY)
    assert stored.assessment.status is Status.APPROVED
    assert stored.info.saved_by == REVIEWER
    approved_by = stored.assessment.sign_off.approved_by
    assert (approved_by.name, approved_by.signed_on, approved_by.role) == (REVIEWER, TODAY, None)
    assert repo.review_events(REF)[-1].version == 2  # the version that was approved


def test_checks_offer_only_allowed_steps_and_say_why_not(repo):
    review.submit_for_review(repo, REF, by=AUTHOR)
    as_author = {c.action: c for c in review.step_checks(repo, REF, actor=AUTHOR)}
    as_reviewer = {c.action: c for c in review.step_checks(repo, REF, actor=REVIEWER)}
    assert as_author[ReviewAction.APPROVED].reason == (
        "You saved this version, so someone else must approve it."
    )
    assert as_reviewer[ReviewAction.APPROVED].allowed
    assert as_reviewer[ReviewAction.RETURNED].allowed
    assert not as_reviewer[ReviewAction.SUBMITTED].allowed
    assert not as_reviewer[ReviewAction.PUBLISHED].allowed


def test_publish_only_after_approval_and_records_the_date(repo):
    with pytest.raises(ReviewError, match="Only an approved assessment can be published"):
        review.publish(repo, REF, by=AUTHOR, today=TODAY)
    review.submit_for_review(repo, REF, by=AUTHOR)
    review.approve(repo, REF, by=REVIEWER, today=TODAY)
    stored = review.publish(repo, REF, by=AUTHOR, today=TODAY)
    assert stored.assessment.status is Status.PUBLISHED
    assert stored.assessment.quality.date_published == TODAY


def test_history_lists_versions_newest_first_with_their_events(repo):
    review.submit_for_review(repo, REF, by=AUTHOR)
    review.comment(repo, REF, by=REVIEWER, text="One question.")
    review.approve(repo, REF, by=REVIEWER)
    history = review.review_history(repo, REF)
    assert [(v.info.version, v.status) for v in history] == [
        (3, Status.APPROVED),
        (2, Status.IN_REVIEW),
        (1, Status.DRAFT),
    ]
    assert [e.action for e in history[1].events] == [
        ReviewAction.COMMENTED,
        ReviewAction.APPROVED,
    ]
    assert [e.action for e in history[2].events] == [ReviewAction.SUBMITTED]


def test_compare_versions_labels_fields_whichever_order_they_are_given(repo):
    review.submit_for_review(repo, REF, by=AUTHOR)
    for first, second in [(1, 2), (2, 1)]:
        [difference] = review.compare_versions(repo, REF, first, second)
        assert (difference.label, difference.before, difference.after) == (
            "Status",
            "draft",
            "in_review",
        )


def approved_consultation(repo):
    review.submit_for_review(repo, REF, by=AUTHOR)
    review.approve(repo, REF, by=REVIEWER, today=TODAY)


def test_revise_after_consultation_starts_a_final_stage_draft(repo):
    approved_consultation(repo)
    revision = revision_service.revise_after_consultation(repo, REF, saved_by=AUTHOR)
    new = revision.stored.assessment
    assert (new.stage, new.status) == (Stage.FINAL, Status.DRAFT)
    assert revision.from_version == 3
    assert revision.stored.info.version == 4
    assert new.sign_off.approved_by.name is None
    assert new.quality.date_completed is None
    assert new.impacts == repo.get(REF, 3).assessment.impacts
    assert [p.section_id for p in revision.prompts] == [
        "consultation",
        "evidence",
        "impacts",
        "actions",
        "decision",
        "monitoring",
    ]
    assert revision.prompts[0].title == "Consultation"


@pytest.mark.parametrize("steps", ["draft", "final"])
def test_revise_is_refused_unless_the_current_version_is_an_approved_consultation(repo, steps):
    if steps == "final":
        approved_consultation(repo)
        revision_service.revise_after_consultation(repo, REF, saved_by=AUTHOR)
    with pytest.raises(ReviewError, match="Only an approved consultation-stage assessment"):
        revision_service.revise_after_consultation(repo, REF, saved_by=AUTHOR)


def test_library_rows_show_owner_review_date_and_whether_due(repo):
    other = consultation_data()
    other["key_details"] |= {"reference": "EIA-2026-0043", "lead_officer": {}}
    other["monitoring"] = {"review_date": "2026-03-20"}
    repo.add_version(Assessment.model_validate(other), saved_by=AUTHOR, change_summary="")
    late = draft(monitoring={"review_date": "2026-03-01"})
    repo.add_version(late, saved_by=AUTHOR, change_summary="")
    rows = library.library_rows(repo, TODAY)
    assert [(r.reference, r.owner, r.review_date, r.due, r.status) for r in rows] == [
        (REF, "Priya Shah", date(2026, 3, 1), DueState.OVERDUE, Status.DRAFT),
        ("EIA-2026-0043", "Not given", date(2026, 3, 20), DueState.DUE_SOON, Status.IN_REVIEW),
    ]
