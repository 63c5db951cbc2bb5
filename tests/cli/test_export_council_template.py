"""``eia export --council-template``: the command line builds from the template an
administrator uploaded in the app, as the app's export does."""

import pytest

from eia_app.services import council_files
from eia_app.services.assessments import save_assessment
from eia_app.services.audit import audit_events
from eia_app.services.workspace import open_repository
from tests.cli.assessment_helpers import _isolated_library, run  # noqa: F401
from tests.export.docx_checks import all_text, open_docx
from tests.factories import REFERENCE, make_assessment
from tests.services.test_council_files import ADMIN, MARK, word


@pytest.fixture
def library():
    repo = open_repository()
    save_assessment(repo, make_assessment(), saved_by="Olu Officer")
    council_files.upload_template(
        council_files.open_council_files(),
        repo,
        actor=ADMIN,
        file_name="house-style.docx",
        data=word(f"{MARK}: {{{{ doc.title }}}}"),
    )
    return repo


def test_the_export_is_built_from_the_uploaded_template_and_says_so(library, tmp_path):
    out = tmp_path / "eia.docx"
    result = run("export", REFERENCE, "--council-template", "house-style.docx", "--no-charts",
                 "-o", str(out))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"{MARK}: SEND Strategy 2024-27" in all_text(open_docx(out.read_bytes()))
    assert audit_events(library, REFERENCE)[-1].detail == (
        "eia.docx (council template house-style.docx)"
    )


def test_an_unknown_name_is_refused_listing_the_templates_there_are(library, tmp_path):
    out = tmp_path / "eia.docx"
    result = run("export", REFERENCE, "--council-template", "nope.docx", "-o", str(out))
    assert result.exit_code == 1
    assert "There is no council Word template called nope.docx" in result.output
    assert "(templates uploaded: house-style.docx)" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_a_file_template_and_a_council_template_together_are_refused(library, tmp_path):
    own = tmp_path / "own.docx"
    own.write_bytes(word("Mine"))
    result = run("export", REFERENCE, "--template", str(own), "--council-template",
                 "house-style.docx", "-o", str(tmp_path / "eia.docx"))  # fmt: skip
    assert result.exit_code == 2
    assert "not both" in result.output
