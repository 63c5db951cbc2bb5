"""The app and the CLI record the same name for the same person: the ``user`` setting."""

import getpass

import pytest
from click.testing import CliRunner

import eia_app.cli.commands  # noqa: F401  (registers every command on ``cli``)
from eia_app.cli.app import cli
from eia_app.services.assessments import assessment_to_json, load_assessment
from eia_app.services.workspace import close_repositories, open_workspace
from tests.ui.test_app_smoke import DIRECTORATE_KEY, SEND, go_to, save_button, start_app


@pytest.fixture
def database_url(tmp_path, monkeypatch):
    url = f"sqlite:///{(tmp_path / 'eia.sqlite').as_posix()}"
    monkeypatch.setenv("EIA_DATABASE_URL", url)
    yield url
    close_repositories()


def _saved_by_app_and_cli(database_url: str, tmp_path) -> tuple[str, str]:
    at = go_to(start_app(), "key_details")
    at.text_input(key=DIRECTORATE_KEY).input("Renamed by the app")
    save_button(at).click().run()
    assert not at.exception, at.exception
    by_app = load_assessment(open_workspace(database_url), SEND).info.saved_by

    current = load_assessment(open_workspace(database_url), SEND).assessment
    details = current.key_details.model_copy(update={"directorate": "Renamed by the CLI"})
    path = tmp_path / "eia.json"
    path.write_text(assessment_to_json(current.model_copy(update={"key_details": details})))
    result = CliRunner().invoke(cli, ["import", str(path)])
    assert result.exit_code == 0, result.output
    by_cli = load_assessment(open_workspace(database_url), SEND).info.saved_by
    return by_app, by_cli


def test_without_eia_user_both_record_the_operating_system_user(
    database_url, tmp_path, monkeypatch
):
    monkeypatch.delenv("EIA_USER", raising=False)
    monkeypatch.setattr(getpass, "getuser", lambda: "jo.lee")
    assert _saved_by_app_and_cli(database_url, tmp_path) == ("jo.lee", "jo.lee")


def test_with_eia_user_both_record_that_name(database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("EIA_USER", "Alex Morgan")
    assert _saved_by_app_and_cli(database_url, tmp_path) == ("Alex Morgan", "Alex Morgan")
