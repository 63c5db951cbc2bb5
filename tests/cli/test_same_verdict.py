"""``eia validate`` and the app's check reach one verdict, from the registry in use.

The app's check-and-history page calls :func:`check_assessment`; so does the CLI. With
a council's own registry (``EIA_REGISTRY_DIR``) both must ask for its local groups.
"""

import shutil
from datetime import date

import pytest

from eia_app.domain.details import Stage
from eia_app.services.assessments import check_assessment
from eia_app.settings import default_registry_dir
from tests.cli.assessment_helpers import (
    _isolated_library,  # noqa: F401  (autouse fixture)
    run,
    write,
)
from tests.factories import make_assessment

YOUNG_CARERS = (
    "id: young_carers\nlabel: Young carers\nkind: local\n"
    "definition: Children and young people who care for someone.\n"
)


@pytest.fixture
def registry_dir(tmp_path, monkeypatch):
    folder = tmp_path / "registry"
    shutil.copytree(default_registry_dir(), folder)
    monkeypatch.setenv("EIA_REGISTRY_DIR", str(folder))
    return folder


def _cli_verdict(path) -> tuple[int, list[str]]:
    result = run("validate", str(path), "--stage", "consultation")
    lines = result.output.strip().splitlines()
    return result.exit_code, lines[:-1]


def _app_verdict(assessment) -> tuple[int, list[str]]:
    issues = check_assessment(assessment, Stage.CONSULTATION, today=date.today())
    return (1 if any(i.blocking for i in issues) else 0), [i.as_line() for i in issues]


def test_an_extra_local_group_in_the_registry_is_required_by_both(registry_dir, tmp_path):
    (registry_dir / "young_carers.yaml").write_text(YOUNG_CARERS, encoding="utf-8")
    assessment = make_assessment()  # complete for the shipped registry
    cli = _cli_verdict(write(tmp_path / "eia.json", assessment))
    assert cli == _app_verdict(assessment)
    code, lines = cli
    assert code == 1
    assert any("'young_carers'" in line for line in lines)


def test_a_local_group_the_registry_lacks_is_required_by_neither(registry_dir, tmp_path):
    (registry_dir / "care_experienced.yaml").unlink()
    complete = make_assessment()
    screening = complete.screening.model_copy(
        update={
            "entries": [e for e in complete.screening.entries if e.group_id != "care_experienced"]
        }
    )
    impacts = [i for i in complete.impacts if i.group_id != "care_experienced"]
    assessment = complete.model_copy(update={"screening": screening, "impacts": impacts})
    cli = _cli_verdict(write(tmp_path / "eia.json", assessment))
    assert cli == _app_verdict(assessment) == (0, [])
