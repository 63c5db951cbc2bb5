"""Opening the library through the services layer and seeding it with the examples."""

from pathlib import Path

import pytest

from eia_app.domain.details import Stage
from eia_app.domain.errors import InvalidAssessmentError
from eia_app.services import workspace
from eia_app.services.workspace import (
    EXAMPLE_LOADER,
    EXAMPLE_SET,
    close_repositories,
    example_files,
    open_repository,
    open_workspace,
    seed_examples,
)
from eia_app.storage import InMemoryAssessmentRepository, StorageError
from tests.factories import make_assessment, make_final_assessment


@pytest.fixture(autouse=True)
def _fresh_cache():
    close_repositories()
    yield
    close_repositories()


@pytest.fixture
def examples_dir(tmp_path: Path) -> Path:
    """An examples folder whose file names sort against the stage order."""
    folder = tmp_path / "examples"
    example_set = folder / EXAMPLE_SET
    example_set.mkdir(parents=True)
    # Alphabetically the revised (final) file comes first; seeding must still save it second.
    revised = make_final_assessment(key_details__title="SEND Strategy (revised)")
    (example_set / "eia_a_revised_post_consultation.json").write_text(revised.model_dump_json())
    (example_set / "eia_b_consultation_stage.json").write_text(make_assessment().model_dump_json())
    other = make_assessment(key_details__reference="EIA-2024-0007", stage="screening")
    (example_set / "eia_c_screening.json").write_text(other.model_dump_json())
    # Neither of these is an example assessment.
    (example_set / "survey_eia_settings.json").write_text("{not json")
    (example_set / "eia_notes.txt").write_text("notes")
    return folder


def test_open_repository_migrates_and_is_shared_per_url(sqlite_url):
    repo = open_repository(sqlite_url)
    assert repo.count() == 0
    assert open_repository(sqlite_url) is repo


def test_open_repository_reads_the_url_setting(monkeypatch, sqlite_url):
    monkeypatch.setenv("EIA_DATABASE_URL", sqlite_url)
    repo = open_repository()
    assert repo is open_repository(sqlite_url)


def test_open_repository_reports_a_bad_url_and_caches_nothing(tmp_path):
    with pytest.raises(StorageError):
        open_repository(f"sqlite:///{tmp_path.as_posix()}")
    assert workspace._repositories == {}


def test_example_files_are_only_eia_json_files_in_the_set(examples_dir):
    names = [path.name for path in example_files(examples_dir)]
    assert names == [
        "eia_a_revised_post_consultation.json",
        "eia_b_consultation_stage.json",
        "eia_c_screening.json",
    ]


def test_example_files_of_a_missing_folder_is_empty(tmp_path):
    assert example_files(tmp_path / "nowhere") == []


def test_seeding_saves_examples_in_stage_order(examples_dir):
    repo = InMemoryAssessmentRepository()

    saved = seed_examples(repo, examples_dir)

    assert saved == ["EIA-2024-0007", "EIA-2025-0001"]
    history = repo.versions("EIA-2025-0001")
    assert [info.saved_by for info in history] == [EXAMPLE_LOADER, EXAMPLE_LOADER]
    assert repo.get("EIA-2025-0001", 1).assessment.stage is Stage.CONSULTATION
    assert repo.get("EIA-2025-0001", 2).assessment.stage is Stage.FINAL
    assert history[0].change_summary == "First version"
    assert history[1].change_summary.startswith("Changed:")


def test_seeding_a_library_that_has_assessments_does_nothing(examples_dir):
    repo = InMemoryAssessmentRepository()
    repo.add_version(make_assessment(), saved_by="Alex", change_summary="First version")

    assert seed_examples(repo, examples_dir) == []
    assert repo.count() == 1
    assert len(repo.versions("EIA-2025-0001")) == 1


def test_a_broken_example_is_named_and_nothing_is_saved(examples_dir):
    (examples_dir / EXAMPLE_SET / "eia_d_broken.json").write_text('{"status": "finished"}')
    repo = InMemoryAssessmentRepository()

    with pytest.raises(InvalidAssessmentError, match="eia_d_broken.json"):
        seed_examples(repo, examples_dir)
    assert repo.count() == 0


def test_open_workspace_seeds_from_the_examples_setting(monkeypatch, sqlite_url, examples_dir):
    monkeypatch.setenv("EIA_DATABASE_URL", sqlite_url)
    monkeypatch.setenv("EIA_EXAMPLES_DIR", str(examples_dir))

    repo = open_workspace()
    assert [row.reference for row in repo.list()] == ["EIA-2024-0007", "EIA-2025-0001"]
    assert repo.get("EIA-2025-0001").info.version == 2

    # Opening again (a Streamlit rerun) adds nothing.
    assert open_workspace() is repo
    assert len(repo.versions("EIA-2025-0001")) == 2


def test_shipped_examples_seed_cleanly(project_root):
    files = example_files(project_root / "examples")
    assert [f.name for f in files] == [
        "eia_consultation_stage.json",
        "eia_revised_post_consultation.json",
    ]
    repo = InMemoryAssessmentRepository()

    saved = seed_examples(repo, project_root / "examples")

    assert saved == ["EIA-2025-0001"]
    # The consultation-stage EIA is version 1 and the revised one version 2.
    stages = [repo.get("EIA-2025-0001", n).assessment.stage.value for n in (1, 2)]
    assert stages == ["consultation", "final"]
