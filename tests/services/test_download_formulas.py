"""Every spreadsheet the app offers for download neutralises formulas.

The app offers two spreadsheet downloads (Export page): the reach tables as CSV and as
XLSX. A survey answer that a spreadsheet would run as a formula goes through the path the
app takes (save the reach with a version, prepare the downloads); neither file may hold
a formula afterwards.
"""

import csv
import io
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook

from eia_app.domain.assessment import Assessment
from eia_app.domain.versions import SavedReach
from eia_app.services.downloads import export_downloads
from eia_app.services.reach import analyse_survey
from eia_app.storage.memory import InMemoryAssessmentRepository
from tests.export.builders import consultation_data
from tests.reach.test_reach_service import INJECTED, write_injected_survey

REF = "EIA-2026-0042"
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def downloads(tmp_path):
    repo = InMemoryAssessmentRepository()
    repo.add_version(
        Assessment.model_validate(consultation_data()), saved_by="Priya", change_summary="First"
    )
    reach = analyse_survey(write_injected_survey(tmp_path / "injected.csv"))
    repo.save_reach(SavedReach(reference=REF, version=1, reach=reach, saved_by="Priya",
                               saved_at=datetime(2026, 5, 1, tzinfo=UTC)))  # fmt: skip
    return export_downloads(repo, REF, with_charts=False)


def test_the_reach_csv_download_holds_no_formula(downloads):
    text = downloads.reach_csv.decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'" + INJECTED in cells
    for cell in cells:
        if cell.startswith(TRIGGERS):
            float(cell)  # only a true number (a negative gap) may start with a trigger


def test_the_reach_xlsx_download_holds_no_formula(downloads):
    workbook = load_workbook(io.BytesIO(downloads.reach_xlsx))
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert not any(cell.data_type == "f" for cell in cells)
    assert any(cell.value == "'" + INJECTED for cell in cells)
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert not any(text.startswith(TRIGGERS) for text in texts)
