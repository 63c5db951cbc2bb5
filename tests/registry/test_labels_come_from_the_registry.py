"""A council's own copy of the registry changes every label the toolkit shows.

The survey engine keeps no copy of the categories: a label changed in the registry
(through ``EIA_REGISTRY_DIR``) must show in ``eia reach``, in the Word export and in
the app.
"""

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from streamlit.testing.v1 import AppTest

import eia_app.cli.commands  # noqa: F401  (registers every command on ``cli``)
import eia_app.ui
from eia_app.cli.app import cli
from eia_app.domain.assessment import Assessment
from eia_app.services.export import export_assessment
from eia_app.services.reach import analyse_survey
from eia_app.services.reference import clear_registry_cache
from eia_app.services.workspace import close_repositories
from tests.examples.send_revised import REVISED, ROOT
from tests.examples.send_revised import SURVEY as SEND
from tests.export.docx_checks import all_text, open_docx

GROUP_LABEL = "Ethnicity and race (our wording)"
CATEGORY_LABEL = "Asian heritage (our wording)"
CARER_LABEL = "Looks after someone unpaid (our wording)"


@pytest.fixture
def council_registry(tmp_path, monkeypatch):
    """A copy of the shipped registry with three labels changed, set as the registry."""
    folder = tmp_path / "registry"
    folder.mkdir()
    for path in (ROOT / "protected_characteristics").glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    _replace(folder / "race.yaml", "label: Race\n", f"label: {GROUP_LABEL}\n")
    _replace(folder / "race.yaml", "Asian, Asian British or Asian Welsh\n", f"{CATEGORY_LABEL}\n")
    _replace(folder / "carers.yaml", "label: Provides unpaid care\n", f"label: {CARER_LABEL}\n")
    monkeypatch.setenv("EIA_REGISTRY_DIR", str(folder))
    clear_registry_cache()
    yield folder
    monkeypatch.undo()
    clear_registry_cache()


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.usefixtures("council_registry")
def test_eia_reach_shows_the_registry_labels():
    result = CliRunner().invoke(cli, ["reach", str(SEND)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert f"{GROUP_LABEL} (race): What is your ethnic group?" in result.stdout
    assert f"  {CATEGORY_LABEL}" in result.stdout
    assert f"  {CARER_LABEL}" in result.stdout
    assert "Asian, Asian British or Asian Welsh" not in result.stdout


@pytest.mark.usefixtures("council_registry")
def test_the_word_export_shows_the_registry_labels():
    reach = analyse_survey(SEND)
    revised = Assessment.model_validate_json(REVISED.read_text(encoding="utf-8"))
    report = export_assessment(revised, reach=reach, with_charts=False)
    text = all_text(open_docx(report.docx))
    assert GROUP_LABEL in text
    assert CATEGORY_LABEL in text
    assert CARER_LABEL in text
    assert "Asian, Asian British or Asian Welsh" not in text


@pytest.mark.usefixtures("council_registry")
def test_the_app_shows_the_registry_labels(tmp_path, monkeypatch):
    monkeypatch.setenv("EIA_DATABASE_URL", f"sqlite:///{(tmp_path / 'eia.sqlite').as_posix()}")
    app = str(Path(eia_app.ui.__file__).parent / "streamlit_app.py")
    try:
        at = AppTest.from_file(app, default_timeout=60).run()
        at.session_state["eia.current_reference"] = "EIA-2025-0001"
        at.session_state["eia.requested_page"] = "impacts"
        at.run()
        assert not at.exception, at.exception
        assert any(e.label.startswith(f"{GROUP_LABEL}:") for e in at.expander)
    finally:
        close_repositories()
