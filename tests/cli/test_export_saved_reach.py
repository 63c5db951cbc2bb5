"""``eia export REF`` on a stored assessment uses the reach result saved with it in the app."""

from datetime import UTC, datetime

import pytest

from eia_app.domain.assessment import Assessment
from eia_app.domain.versions import SavedReach
from eia_app.services.assessments import save_assessment
from eia_app.services.workspace import open_repository
from tests.cli.assessment_helpers import _isolated_library, run  # noqa: F401
from tests.export.builders import consultation_data, final_data
from tests.export.docx_checks import all_text, open_docx
from tests.export.survey import transport_reach

REF = "EIA-2026-0042"
MALE_FLAG = "Under-represented: Male ("


@pytest.fixture
def library(tmp_path):
    repo = open_repository()
    save_assessment(repo, Assessment.model_validate(consultation_data()), saved_by="Priya")
    save_assessment(repo, Assessment.model_validate(final_data()), saved_by="Priya")
    return repo


def save_reach(repo, reach):
    repo.save_reach(
        SavedReach(
            reference=REF,
            version=2,
            reach=reach,
            saved_by="Priya",
            saved_at=datetime(2026, 5, 1, tzinfo=UTC),
        )
    )


def test_export_of_a_reference_uses_the_saved_reach(library, tmp_path):
    save_reach(library, transport_reach(tmp_path))
    out = tmp_path / "report.docx"
    result = run("export", REF, "--no-charts", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = all_text(open_docx(out.read_bytes()))
    assert MALE_FLAG in text
    assert "What changed after consultation" in text


def test_the_summary_of_a_reference_uses_the_saved_reach_too(library, tmp_path):
    run_without = run("export", REF, "--summary", "-o", str(tmp_path / "before.docx"))
    save_reach(library, transport_reach(tmp_path))
    run_with = run("export", REF, "--summary", "-o", str(tmp_path / "after.docx"))
    assert run_without.exit_code == run_with.exit_code == 0
    responses = "The consultation received 400 responses"
    assert responses not in run_without.output
    assert responses in run_with.output


def test_without_a_saved_reach_the_report_has_no_reach_figures(library, tmp_path):
    out = tmp_path / "report.docx"
    result = run("export", REF, "--no-charts", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert MALE_FLAG not in all_text(open_docx(out.read_bytes()))
