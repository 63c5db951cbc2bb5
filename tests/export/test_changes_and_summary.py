"""What changed since consultation, and the Cabinet summary, computed from the data."""

from eia_app.domain.changes import build_changes
from eia_app.export.summary import build_equality_implications
from eia_app.services.export import export_summary
from tests.export.docx_checks import heading_levels, open_docx


def test_changes_between_consultation_and_final_versions(consultation_assessment, final_assessment):
    changes = build_changes(consultation_assessment, final_assessment)
    assert [(r.group_id, r.before, r.after) for r in changes.ratings] == [
        ("age", "unknown", "negative")
    ]
    assert [(m.group_id, m.kind) for m in changes.mitigations] == [("age", "added")]
    assert [a.id for a in changes.actions_added] == ["A3"]
    assert changes.actions_removed == []
    assert [e.id for e in changes.evidence_added] == ["EV2"]
    assert len(changes.you_said_we_did_added) == 1
    assert not changes.is_empty


def test_removed_action_and_evidence_are_reported(consultation_assessment, final_assessment):
    changes = build_changes(final_assessment, consultation_assessment)
    assert [a.id for a in changes.actions_removed] == ["A3"]
    assert [e.id for e in changes.evidence_removed] == ["EV2"]


def test_same_version_has_no_changes(final_assessment):
    assert build_changes(final_assessment, final_assessment).is_empty


def test_equality_implications_paragraph_comes_from_the_data(final_assessment, reach_result):
    text = build_equality_implications(
        final_assessment,
        reach=reach_result,
        labels={"disability": "Disability", "age": "Age", "carers": "Carers"},
    )
    assert "EIA-2026-0042" in text
    assert "negative impact on disability, age and carers" in text
    assert "400 responses" in text
    assert "under-represented among respondents: " in text
    reach_part = text.split("under-represented among respondents: ")[1]
    assert "Asian, Asian British or Asian Welsh (" in reach_part
    assert "Male (" in reach_part
    assert "Adjust the proposal" in text
    assert "section 149 of the Equality Act 2010" in text


def test_one_page_summary_is_an_accessible_document(final_assessment, consultation_assessment):
    result = export_summary(final_assessment, previous=consultation_assessment)
    doc = open_docx(result.docx)
    # Title; then impact, risks, actions and decision.
    assert heading_levels(doc) == [0, 1, 1, 1, 1]
    assert doc.core_properties.language == "en-GB"
    rows = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert rows[0] == ["Impact", "Groups"]
    # Age changed from unknown at the consultation stage, and says so.
    assert ["Negative", "Disability; Age (was unknown); Carers"] in rows
