"""Finding what to export: a JSON file or a stored reference, and what to compare it with."""

import json

import pytest

from eia_app.domain.errors import InvalidAssessmentError, NotFoundError
from eia_app.services.export import load_export_source
from eia_app.storage.memory import InMemoryAssessmentRepository
from tests.export.builders import consultation_data, final_data


@pytest.fixture
def repo(consultation_assessment, final_assessment):
    library = InMemoryAssessmentRepository()
    library.add_version(consultation_assessment, saved_by="Priya", change_summary="First")
    library.add_version(final_assessment, saved_by="Priya", change_summary="Final")
    return library


def test_stored_final_version_is_compared_with_its_consultation_version(repo):
    source = load_export_source("EIA-2026-0042", repo=lambda: repo)
    assert source.assessment.stage == "final"
    assert source.previous is not None
    assert source.previous.stage == "consultation"
    assert source.version.startswith("2 (saved ")


def test_compare_with_a_stored_version_number(repo):
    source = load_export_source("EIA-2026-0042", compare_with="2", repo=lambda: repo)
    assert source.previous == source.assessment


def test_a_consultation_stage_export_has_nothing_to_compare_with_by_default(
    repo, consultation_assessment
):
    repo.add_version(consultation_assessment, saved_by="Priya", change_summary="Reopened")
    source = load_export_source("EIA-2026-0042", repo=lambda: repo)
    assert source.previous is None


def test_json_file_compared_with_a_json_file(tmp_path):
    final, consultation = tmp_path / "final.json", tmp_path / "consultation.json"
    final.write_text(json.dumps(final_data()), encoding="utf-8")
    consultation.write_text(json.dumps(consultation_data()), encoding="utf-8")

    def no_library():
        raise AssertionError("the library must not be opened for files")

    source = load_export_source(str(final), compare_with=str(consultation), repo=no_library)
    assert source.previous.stage == "consultation"
    # The file's name, never its folder.
    assert source.version == "Exported from final.json"


def test_unknown_reference_and_bad_compare_with_are_clear_errors(repo, tmp_path):
    with pytest.raises(NotFoundError):
        load_export_source("EIA-2099-0001", repo=lambda: repo)
    with pytest.raises(InvalidAssessmentError, match="neither a JSON file nor a version number"):
        load_export_source("EIA-2026-0042", compare_with="latest", repo=lambda: repo)
    with pytest.raises(InvalidAssessmentError, match="no such file"):
        load_export_source(str(tmp_path / "missing.json"), repo=lambda: repo)
