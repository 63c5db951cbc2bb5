"""The Word EIA's version table summarises the audit trail: who created, saved,
approved and published each version; comments and exports stay out of it."""

from datetime import UTC, date, datetime

from eia_app.domain.assessment import Assessment
from eia_app.domain.audit import AuditAction, AuditEvent
from eia_app.export.audit_context import MAX_VERSIONS, version_record_rows
from eia_app.services import review
from eia_app.services.assessments import save_assessment
from eia_app.services.export import export_assessment, stored_export_source
from eia_app.storage.memory import InMemoryAssessmentRepository
from tests.export.builders import consultation_data
from tests.export.docx_checks import open_docx, table_rows_text

REF = "EIA-2026-0042"


def event(version: int, action: AuditAction, actor: str, day: int = 2) -> AuditEvent:
    return AuditEvent(
        reference=REF,
        version=version,
        action=action,
        actor=actor,
        at=datetime(2026, 3, day, 10, tzinfo=UTC),
    )


def test_each_version_gets_a_row_naming_its_steps():
    rows = version_record_rows(
        [
            event(1, AuditAction.CREATED, "Priya"),
            event(1, AuditAction.COMMENTED, "Sam"),
            event(2, AuditAction.SUBMITTED, "Priya"),
            event(2, AuditAction.EXPORTED, "Sam"),
            event(3, AuditAction.APPROVED, "Sam", day=3),
        ]
    )
    assert rows == [
        ("Version 1", "created by Priya on 2 March 2026"),
        ("Version 2", "submitted by Priya on 2 March 2026"),
        ("Version 3", "approved by Sam on 3 March 2026"),
    ]


def test_a_long_history_shows_the_latest_versions_and_counts_the_rest():
    rows = version_record_rows([event(n, AuditAction.SAVED, "Jo") for n in range(1, 21)])
    assert rows[0] == ("Earlier versions", f"{20 - MAX_VERSIONS} more, in the audit trail")
    assert rows[1][0] == f"Version {20 - MAX_VERSIONS + 1}"
    assert rows[-1][0] == "Version 20"


def test_the_exported_report_carries_the_record_of_versions():
    repo = InMemoryAssessmentRepository()
    draft = Assessment.model_validate(consultation_data() | {"status": "draft"})
    save_assessment(repo, draft, saved_by="Priya")
    review.submit_for_review(repo, REF, by="Priya")
    review.approve(repo, REF, by="Sam", today=date(2026, 3, 2))
    source = stored_export_source(repo, REF)

    report = export_assessment(
        source.assessment, with_charts=False, version=source.version, history=source.history
    )

    rows = {tuple(row[:2]) for row in table_rows_text(open_docx(report.docx))}
    today = datetime.now(UTC).date()
    stamp = f"{today.day} {today:%B %Y}"
    assert ("Version 1", f"created by Priya on {stamp}") in rows
    assert ("Version 3", f"approved by Sam on {stamp}") in rows
