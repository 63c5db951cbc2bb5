"""The Audit trail page: the whole trail, role and template changes included, for
administrators only, filtered by assessment and person, and downloadable as CSV."""

import csv
import io

from eia_app.domain.audit import AuditAction
from eia_app.domain.people import PersonRoles
from eia_app.domain.permissions import Action, Actor, Role, can
from eia_app.services import access
from eia_app.services.workspace import open_workspace
from tests.ui.conftest import SEND
from tests.ui.test_app_smoke import all_text, go_to, start_app

PAGE = "audit"
ADMIN = Actor("Ada Admin", "ada@council.example", frozenset({Role.ADMINISTRATOR}))
OFFICER = Actor("Olu Officer", "olu@council.example", frozenset({Role.OFFICER}))


def give_olu_the_reviewer_role(database_url) -> None:
    """A role change: recorded against no assessment, so on no history page."""
    repo = open_workspace(database_url)
    people = access.open_people(database_url)
    people.keep_person(PersonRoles(email=ADMIN.email, name=ADMIN.name, roles=ADMIN.roles))
    people.keep_person(PersonRoles(email=OFFICER.email, name=OFFICER.name, roles=OFFICER.roles))
    access.assign_roles(
        people, by=ADMIN, email=OFFICER.email, roles=frozenset({Role.REVIEWER}), audit=repo
    )


def rows(at) -> list[dict]:
    return at.dataframe[0].value.to_dict("records")


def test_an_administrator_reads_role_changes_beside_each_assessments_entries(
    database_url, signed_in
):
    give_olu_the_reviewer_role(database_url)
    signed_in(ADMIN)
    at = go_to(start_app(), PAGE, reference=None)
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Audit trail"]
    shown = rows(at)
    assert {row["Assessment"] for row in shown} >= {SEND, "None"}
    [change] = [row for row in shown if row["Action"] == AuditAction.ROLE_CHANGED.value]
    assert (change["By"], change["E-mail"]) == ("Ada Admin", "ada@council.example")
    assert change["Detail"] == "olu@council.example: reviewer (was officer)"

    at.selectbox(key="eia.audit.scope").set_value("").run()
    assert [row["Action"] for row in rows(at)] == [AuditAction.ROLE_CHANGED.value]
    assert "1 of " in all_text(at)

    download = at.get("download_button")[0]
    assert download.proto.label == "Download the audit trail (CSV)"


def test_the_person_filter_keeps_only_their_entries(database_url, signed_in):
    give_olu_the_reviewer_role(database_url)
    signed_in(ADMIN)
    at = go_to(start_app(), PAGE, reference=None)
    at.text_input(key="eia.audit.person").input("ADA@council").run()
    assert {row["By"] for row in rows(at)} == {"Ada Admin"}
    at.text_input(key="eia.audit.person").input("nobody at all").run()
    assert len(at.dataframe) == 0
    assert "0 of " in all_text(at)


def test_an_officer_is_refused_with_the_reason_and_sees_no_entry(database_url, signed_in):
    give_olu_the_reviewer_role(database_url)
    signed_in(OFFICER)
    at = go_to(start_app(), PAGE, reference=None)
    assert not at.exception, at.exception
    assert [i.value for i in at.info] == [can(OFFICER, Action.READ_AUDIT).reason]
    assert len(at.dataframe) == 0
    assert "olu@council.example: reviewer" not in all_text(at)


def test_the_csv_names_the_assessment_of_every_entry(database_url):
    from eia_app.services.audit import audit_csv, audit_events

    give_olu_the_reviewer_role(database_url)
    table = list(csv.DictReader(io.StringIO(audit_csv(audit_events(open_workspace(database_url))))))
    assert {row["reference"] for row in table} == {SEND, ""}
