"""The Export page's downloads: one call gives the report, summary, paragraph and reach files."""

import csv
import io
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook

from eia_app.domain.assessment import Assessment
from eia_app.domain.versions import SavedReach
from eia_app.services.downloads import NO_REACH, PDF_NOT_ASKED, export_downloads
from eia_app.storage.memory import InMemoryAssessmentRepository
from tests.export.builders import consultation_data, final_data, require_browser, require_program
from tests.export.docx_checks import all_text, open_docx
from tests.export.survey import transport_reach

REF = "EIA-2026-0042"


@pytest.fixture(scope="module")
def reach(tmp_path_factory):
    return transport_reach(tmp_path_factory.mktemp("reach"))


@pytest.fixture
def repo():
    library = InMemoryAssessmentRepository()
    consultation = Assessment.model_validate(consultation_data())
    library.add_version(consultation, saved_by="Priya", change_summary="First")
    library.add_version(
        Assessment.model_validate(final_data()), saved_by="Priya", change_summary="Final"
    )
    return library


def save_reach(repo, reach, version):
    repo.save_reach(
        SavedReach(
            reference=REF,
            version=version,
            reach=reach,
            saved_by="Priya",
            saved_at=datetime(2026, 5, 1, tzinfo=UTC),
        )
    )


def test_the_word_report_uses_the_saved_reach_and_the_consultation_version(repo, reach):
    save_reach(repo, reach, version=1)
    downloads = export_downloads(repo, REF, with_charts=False)
    assert (downloads.version, downloads.file_stem) == (2, f"{REF}_v2")
    assert downloads.compared
    text = all_text(open_docx(downloads.docx))
    assert "What changed after consultation" in text
    assert "Under-represented: Male (" in text
    assert "2 (saved" in text  # the stored version the report is of
    summary = all_text(open_docx(downloads.summary_docx))
    # The one-page summary is the document's own front page, drawn on its own.
    assert f"Reference {REF}." in summary
    assert "Decision by:" in summary
    assert "respond" in downloads.paragraph


def test_reach_tables_come_as_csv_and_xlsx(repo, reach):
    save_reach(repo, reach, version=2)
    downloads = export_downloads(repo, REF, with_charts=False)
    assert downloads.has_reach
    assert downloads.reach_csv is not None
    assert downloads.reach_csv.startswith(b"\xef\xbb\xbf")  # so Excel reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(downloads.reach_csv.decode("utf-8-sig"))))
    assert {"Female", "Male"} <= {row["category_label"] for row in rows}
    assert downloads.reach_xlsx is not None
    workbook = load_workbook(io.BytesIO(downloads.reach_xlsx))
    assert len(workbook.sheetnames) > 1


def test_without_a_saved_reach_there_are_no_reach_files(repo):
    downloads = export_downloads(repo, REF, with_charts=False)
    assert not downloads.has_reach
    assert downloads.reach_xlsx is None
    assert "Under-represented" not in all_text(open_docx(downloads.docx))
    assert "No consultation reach was saved" in NO_REACH


def test_an_earlier_version_is_exported_with_only_the_reach_saved_by_then(repo, reach):
    save_reach(repo, reach, version=2)
    downloads = export_downloads(repo, REF, version=1, with_charts=False)
    assert (downloads.version, downloads.has_reach, downloads.compared) == (1, False, False)
    assert (downloads.pdf, downloads.pdf_reason) == (None, PDF_NOT_ASKED)


@pytest.mark.slow
def test_the_report_has_the_reach_charts_when_a_browser_is_present(repo, reach):
    require_browser()
    save_reach(repo, reach, version=2)
    downloads = export_downloads(repo, REF)
    assert downloads.warnings == []
    # The three characteristics' charts in the appendix, and the flagged groups' chart in the body.
    assert len(open_docx(downloads.docx).inline_shapes) == 4


def test_without_libreoffice_the_pdf_reason_says_so(repo, monkeypatch):
    monkeypatch.setenv("PATH", "")
    downloads = export_downloads(repo, REF, with_charts=False, with_pdf=True)
    assert downloads.pdf is None
    assert "LibreOffice (soffice) was not found" in (downloads.pdf_reason or "")


@pytest.mark.slow
def test_with_libreoffice_a_pdf_is_made(repo):
    require_program("soffice")
    downloads = export_downloads(repo, REF, with_charts=False, with_pdf=True)
    assert downloads.pdf is not None
    assert downloads.pdf.startswith(b"%PDF")
    assert downloads.pdf_reason is None
