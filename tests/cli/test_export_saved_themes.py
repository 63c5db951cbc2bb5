"""``eia export REF`` on a stored assessment uses the themes saved with it in the app."""

import pytest

from eia_app.domain.assessment import Assessment
from eia_app.services.assessments import save_assessment
from eia_app.services.workspace import open_repository
from tests.cli.assessment_helpers import _isolated_library, run  # noqa: F401
from tests.export.builders import consultation_data, final_data
from tests.export.docx_checks import all_text, open_docx
from tests.themes.saved_factory import APPROVED, saved_themes

REF = "EIA-2026-0042"


@pytest.fixture
def library():
    repo = open_repository()
    save_assessment(repo, Assessment.model_validate(consultation_data()), saved_by="Priya")
    save_assessment(repo, Assessment.model_validate(final_data()), saved_by="Priya")
    return repo


def test_export_of_a_reference_says_what_people_told_us_from_the_saved_themes(library, tmp_path):
    without = tmp_path / "without.docx"
    assert run("export", REF, "--no-charts", "-o", str(without)).exit_code == 0
    library.save_themes(saved_themes(REF, version=2))
    out = tmp_path / "report.docx"
    result = run("export", REF, "--no-charts", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = all_text(open_docx(out.read_bytes()))
    assert "School transport: 50 people" in text
    assert APPROVED in text
    assert APPROVED not in all_text(open_docx(without.read_bytes()))
