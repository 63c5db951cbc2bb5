"""Sign-in and roles as the services apply them: who gets in, and the same refusals as the app."""

import pytest

from eia_app.domain.errors import PermissionDeniedError
from eia_app.domain.permissions import Actor, Role
from eia_app.domain.review import SELF_APPROVAL
from eia_app.services import access, review
from eia_app.services.reach import analyse_survey
from eia_app.storage.memory import InMemoryAssessmentRepository
from eia_app.storage.people import InMemoryPeopleStore
from tests.services.test_review import AUTHOR, REF, draft

OFFICER = Actor(AUTHOR, "priya@council.example", frozenset({Role.OFFICER}))
REVIEWER = Actor("Sam Jones", "sam@council.example", frozenset({Role.REVIEWER}))


@pytest.fixture
def people():
    return InMemoryPeopleStore()


@pytest.fixture
def repo():
    library = InMemoryAssessmentRepository()
    library.add_version(draft(), saved_by=AUTHOR, change_summary="First version")
    return library


def test_the_first_person_in_becomes_administrator_and_the_next_an_officer(people):
    first = access.sign_in(people, name="Ada", email="Ada@Council.Example")
    second = access.sign_in(people, name="Bo", email="bo@council.example")
    assert first.roles == frozenset({Role.ADMINISTRATOR, Role.OFFICER})
    assert second.roles == frozenset({Role.OFFICER})
    assert (first.name, first.email) == ("Ada", "ada@council.example")


def test_admin_emails_make_an_administrator_even_after_the_first(people):
    access.sign_in(people, name="Ada", email="ada@council.example")
    named = access.sign_in(
        people,
        name="Cy",
        email="cy@council.example",
        admin_emails=frozenset({"cy@council.example"}),
    )
    assert Role.ADMINISTRATOR in named.roles


def test_the_name_comes_from_the_latest_token(people):
    access.sign_in(people, name="Ada", email="ada@council.example")
    again = access.sign_in(people, name="Ada Lovelace", email="ada@council.example")
    assert again.name == "Ada Lovelace"
    assert people.person("ada@council.example").name == "Ada Lovelace"


def test_an_address_outside_the_allowed_domains_is_refused_and_not_kept(people):
    with pytest.raises(PermissionDeniedError, match="not an address of this council"):
        access.sign_in(
            people,
            name="Eve",
            email="eve@elsewhere.example",
            allowed_domains=frozenset({"council.example"}),
        )
    assert people.people() == []


def test_a_token_without_an_email_is_refused(people):
    with pytest.raises(PermissionDeniedError, match="did not give an e-mail"):
        access.sign_in(people, name="Nobody", email="")


def test_only_an_administrator_assigns_roles_and_one_must_remain(people):
    admin = access.sign_in(people, name="Ada", email="ada@council.example")
    officer = access.sign_in(people, name="Bo", email="bo@council.example")
    with pytest.raises(PermissionDeniedError, match="Only an administrator can assign roles"):
        access.assign_roles(people, by=officer, email="bo@council.example", roles=frozenset(Role))
    access.assign_roles(
        people, by=admin, email="bo@council.example", roles=frozenset({Role.REVIEWER})
    )
    assert people.person("bo@council.example").roles == frozenset({Role.REVIEWER})
    with pytest.raises(PermissionDeniedError, match="Someone must remain an administrator"):
        access.assign_roles(people, by=admin, email="ada@council.example", roles=frozenset())
    with pytest.raises(PermissionDeniedError, match="has not signed in yet"):
        access.assign_roles(people, by=admin, email="zed@council.example", roles=frozenset())


def test_a_role_change_is_recorded_in_the_audit_trail_with_who_made_it(people):
    from eia_app.domain.audit import AuditAction
    from eia_app.services.audit import audit_events

    trail = InMemoryAssessmentRepository()
    admin = access.sign_in(people, name="Ada", email="ada@council.example")
    access.sign_in(people, name="Bo", email="bo@council.example")
    roles = frozenset({Role.REVIEWER, Role.OFFICER})
    access.assign_roles(people, by=admin, email="bo@council.example", roles=roles, audit=trail)
    # The same roles again change nothing, so nothing more is recorded.
    access.assign_roles(people, by=admin, email="bo@council.example", roles=roles, audit=trail)
    (event,) = audit_events(trail)
    assert event.action is AuditAction.ROLE_CHANGED
    assert (event.actor, event.actor_email) == ("Ada", "ada@council.example")
    assert event.detail == "bo@council.example: officer, reviewer (was officer)"


def test_the_services_refuse_an_officer_approving_whatever_the_app_shows(repo, people):
    review.submit_for_review(repo, REF, by=AUTHOR, person=OFFICER, people=people)
    with pytest.raises(PermissionDeniedError, match="Only a reviewer can approve"):
        review.approve(repo, REF, by="Bo", person=OFFICER.__class__(
            "Bo", "bo@council.example", frozenset({Role.OFFICER})), people=people)  # fmt: skip
    assert repo.get(REF).assessment.status == "in_review"


def test_a_reviewer_cannot_approve_the_version_they_saved(repo, people):
    both = Actor("Sam Jones", "sam@council.example", frozenset({Role.OFFICER, Role.REVIEWER}))
    people.share(REF, "sam@council.example")
    review.submit_for_review(repo, REF, by=both.name, person=both, people=people)
    with pytest.raises(PermissionDeniedError, match=SELF_APPROVAL):
        review.approve(repo, REF, by=both.name, person=both, people=people)
    approved = review.approve(repo, REF, by="Rae", person=REVIEWER.__class__(
        "Rae", "rae@council.example", frozenset({Role.REVIEWER})), people=people)  # fmt: skip
    assert approved.assessment.status == "approved"


def test_an_officer_cannot_submit_someone_elses_assessment_until_it_is_shared(repo, people):
    other = Actor("Bo", "bo@council.example", frozenset({Role.OFFICER}))
    with pytest.raises(PermissionDeniedError, match="not yours"):
        review.submit_for_review(repo, REF, by="Bo", person=other, people=people)
    people.share(REF, "bo@council.example")
    assert review.submit_for_review(repo, REF, by="Bo", person=other, people=people).info.version


def test_the_review_page_checks_say_why_a_role_may_not_take_a_step(repo, people):
    review.submit_for_review(repo, REF, by=AUTHOR)
    checks = {
        c.action: c
        for c in review.step_checks(repo, REF, actor=AUTHOR, person=OFFICER, people=people)
    }
    assert "Only a reviewer can approve" in (checks["approved"].reason or "")
    own = {
        c.action: c
        for c in review.step_checks(repo, REF, actor=REVIEWER.name, person=REVIEWER, people=people)
    }
    assert own["approved"].allowed


def test_only_an_officer_starts_an_assessment(repo):
    from eia_app.services.sections import start_assessment

    with pytest.raises(PermissionDeniedError, match="Only an officer can create"):
        start_assessment(repo, "New", "EIA-2026-0900", saved_by="Sam Jones", person=REVIEWER)
    stored = start_assessment(repo, "New", "EIA-2026-0900", saved_by=AUTHOR, person=OFFICER)
    assert stored.info.version == 1


def test_saving_a_working_copy_needs_the_assessment_to_be_yours_or_shared(repo, people):
    from eia_app.services.working_copies import keep_changes, save_changes

    other = Actor("Bo", "bo@council.example", frozenset({Role.OFFICER}))
    keep_changes(
        repo, REF, "Bo", based_on_version=1, entered={"key_details.service": "Bo's edit"},
        saved={"key_details.service": repo.get(REF).assessment.key_details.service},
    )  # fmt: skip
    with pytest.raises(PermissionDeniedError, match="not yours"):
        save_changes(repo, REF, "Bo", person=other, people=people)
    assert repo.get(REF).info.version == 1
    access.share(repo, people, by=OFFICER, reference=REF, email="bo@council.example")
    saved = save_changes(repo, REF, "Bo", person=other, people=people)
    assert saved is not None
    assert saved.assessment.key_details.service == "Bo's edit"


def test_only_someone_who_may_edit_shares_it(repo, people):
    other = Actor("Bo", "bo@council.example", frozenset({Role.OFFICER}))
    with pytest.raises(PermissionDeniedError, match="not yours"):
        access.share(repo, people, by=other, reference=REF, email="bo@council.example")
    assert people.shared_with(REF) == frozenset()


def test_suppression_off_is_published_only_by_an_administrator(repo, tmp_path):
    from eia_app.services.downloads import export_downloads
    from eia_app.services.reach_upload import save_reach_for
    from tests.export.survey import write_transport_survey

    unsuppressed = analyse_survey(write_transport_survey(tmp_path / "s.csv"), min_count=0)
    admin = Actor(AUTHOR, "priya@council.example", frozenset({Role.ADMINISTRATOR, Role.OFFICER}))
    with pytest.raises(PermissionDeniedError, match="turn suppression off"):
        save_reach_for(repo, REF, 1, unsuppressed, {}, AUTHOR, person=OFFICER)
    assert repo.latest_reach(REF) is None
    save_reach_for(repo, REF, 1, unsuppressed, {}, AUTHOR, person=admin)
    with pytest.raises(PermissionDeniedError, match="Only an administrator can turn"):
        export_downloads(repo, REF, with_charts=False, person=OFFICER)
    assert export_downloads(repo, REF, with_charts=False, person=admin).reach_csv


def test_suppressed_figures_are_saved_and_published_by_anyone(repo, tmp_path):
    from eia_app.services.downloads import export_downloads
    from eia_app.services.reach_upload import save_reach_for
    from tests.export.survey import write_transport_survey

    suppressed = analyse_survey(write_transport_survey(tmp_path / "s.csv"))
    save_reach_for(repo, REF, 1, suppressed, {}, AUTHOR, person=OFFICER)
    assert export_downloads(repo, REF, with_charts=False, person=OFFICER).reach_csv


def test_saving_reach_and_revising_need_the_right_to_edit(repo, people, tmp_path):
    from eia_app.services.reach_upload import save_reach_for
    from eia_app.services.revision import revise_after_consultation
    from tests.export.survey import write_transport_survey

    other = Actor("Bo", "bo@council.example", frozenset({Role.OFFICER}))
    reach = analyse_survey(write_transport_survey(tmp_path / "s.csv"))
    with pytest.raises(PermissionDeniedError, match="not yours"):
        save_reach_for(repo, REF, 1, reach, {}, "Bo", person=other, people=people)
    with pytest.raises(PermissionDeniedError, match="not yours"):
        revise_after_consultation(repo, REF, saved_by="Bo", person=other, people=people)
    assert repo.latest_reach(REF) is None
    assert repo.get(REF).info.version == 1


def test_a_signed_in_step_records_the_email_from_the_token_in_the_audit_trail(repo, people):
    from eia_app.domain.audit import AuditAction
    from eia_app.services.audit import audit_events

    review.submit_for_review(repo, REF, by=AUTHOR, person=OFFICER, people=people)
    review.comment(repo, REF, by=AUTHOR, text="Ready for a look", person=OFFICER, people=people)
    events = {event.action: event for event in audit_events(repo, REF)}
    assert events[AuditAction.SUBMITTED].actor_email == OFFICER.email
    assert events[AuditAction.COMMENTED].actor_email == OFFICER.email
