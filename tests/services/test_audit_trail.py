"""The audit trail the services write as people work, and its CSV export, on every store."""

import csv
import io
from datetime import date

import pytest

from eia_app.domain.assessment import Assessment
from eia_app.domain.audit import AuditAction
from eia_app.services import review
from eia_app.services.assessments import save_assessment
from eia_app.services.audit import audit_csv, audit_events, record_event
from eia_app.services.export import record_export, stored_export_source
from tests.export.builders import consultation_data

REF = "EIA-2026-0042"


def draft() -> Assessment:
    return Assessment.model_validate(consultation_data() | {"status": "draft"})


def test_each_step_of_an_assessment_is_recorded_with_who_and_which_version(any_repository):
    repo = any_repository
    save_assessment(repo, draft(), saved_by="Priya", actor_email="priya@council.example")
    review.submit_for_review(repo, REF, by="Priya")
    review.comment(repo, REF, by="Sam", text="Cite the caseload\ndata.")
    review.approve(repo, REF, by="Sam", today=date(2026, 3, 2))
    review.publish(repo, REF, by="Sam", today=date(2026, 3, 3))
    record_export(repo, stored_export_source(repo, REF), by="Sam", what="Word EIA")
    record_event(repo, AuditAction.ROLE_CHANGED, actor="Admin", detail="Sam: reviewer")

    steps = [(e.reference, e.version, e.action, e.actor) for e in audit_events(repo)]
    assert steps == [
        (REF, 1, AuditAction.CREATED, "Priya"),
        (REF, 2, AuditAction.SUBMITTED, "Priya"),
        (REF, 2, AuditAction.COMMENTED, "Sam"),
        (REF, 3, AuditAction.APPROVED, "Sam"),
        (REF, 4, AuditAction.PUBLISHED, "Sam"),
        (REF, 4, AuditAction.EXPORTED, "Sam"),
        ("", None, AuditAction.ROLE_CHANGED, "Admin"),
    ]
    events = audit_events(repo, REF)
    assert len(events) == 6
    assert events[0].actor_email == "priya@council.example"
    assert events[2].detail == "Cite the caseload data."
    assert "Status" in events[1].detail


def test_an_assessment_read_from_a_file_records_no_export(any_repository, tmp_path):
    from eia_app.services.export import ExportSource

    record_export(any_repository, ExportSource(draft()), by="Sam", what="file.docx")
    assert audit_events(any_repository) == []


def test_the_csv_neutralises_formulas_in_every_text_cell(any_repository):
    record_event(
        any_repository,
        AuditAction.ROLE_CHANGED,
        actor='=HYPERLINK("http://x")',
        actor_email="+1@x",
        detail="@SUM(A1)",
    )
    rows = list(csv.reader(io.StringIO(audit_csv(audit_events(any_repository)))))
    assert rows[0] == ["at", "reference", "version", "action", "actor", "actor_email", "detail"]
    assert rows[1][3:] == ["role changed", '\'=HYPERLINK("http://x")', "'+1@x", "'@SUM(A1)"]


def test_every_version_has_its_entry_with_the_same_number_and_time(any_repository):
    first = save_assessment(any_repository, draft(), saved_by="Priya Shah")
    changed = first.assessment.model_copy(
        update={"purpose": first.assessment.purpose.model_copy(update={"summary": "A second save"})}
    )
    second = save_assessment(any_repository, changed, saved_by="Priya Shah", actor_email="p@x.uk")

    trail = audit_events(any_repository, first.info.reference)
    assert [(e.action, e.version, e.at) for e in trail] == [
        (AuditAction.CREATED, 1, first.info.saved_at),
        (AuditAction.SAVED, 2, second.info.saved_at),
    ]
    assert trail[1].actor_email == second.info.saved_by_email == "p@x.uk"


def test_a_save_whose_audit_entry_cannot_be_written_stores_no_version(database_engine):
    from sqlalchemy import event

    from eia_app.storage import SqlAlchemyAssessmentRepository
    from eia_app.storage.tables import AuditEventRow

    repo = SqlAlchemyAssessmentRepository(database_engine)
    first = save_assessment(repo, draft(), saved_by="Priya Shah")
    changed = first.assessment.model_copy(
        update={"purpose": first.assessment.purpose.model_copy(update={"summary": "Never stored"})}
    )

    def disk_full(*_args: object) -> None:
        raise RuntimeError("the audit table cannot be written")

    # A legal record: a version the trail does not mention must not exist at all.
    event.listen(AuditEventRow, "before_insert", disk_full)
    try:
        with pytest.raises(RuntimeError):
            save_assessment(repo, changed, saved_by="Priya Shah", base_version=1)
    finally:
        event.remove(AuditEventRow, "before_insert", disk_full)

    assert [v.version for v in repo.versions(first.info.reference)] == [1]
    assert [e.version for e in audit_events(repo, first.info.reference)] == [1]
