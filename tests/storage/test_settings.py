"""Reading EIA_* settings from the environment."""

from pathlib import Path

import eia_app
from eia_app.settings import default_database_url, load_settings


def test_defaults_when_nothing_is_set(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = load_settings({})

    assert (
        settings.database_url
        == f"sqlite:///{(tmp_path.resolve() / 'eia-data' / 'eia.sqlite').as_posix()}"
    )
    assert settings.user
    assert settings.examples_dir == Path(eia_app.__file__).resolve().parents[1] / "examples"


def test_reading_settings_creates_no_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    load_settings({})
    assert not (tmp_path / "eia-data").exists()


def test_values_from_the_environment(tmp_path):
    settings = load_settings(
        {
            "EIA_DATABASE_URL": "sqlite:///elsewhere.sqlite",
            "EIA_USER": " Alex Morgan ",
            "EIA_EXAMPLES_DIR": str(tmp_path),
        }
    )
    assert settings.database_url == "sqlite:///elsewhere.sqlite"
    assert settings.user == "Alex Morgan"
    assert settings.examples_dir == tmp_path


def test_blank_values_fall_back_to_defaults(tmp_path):
    settings = load_settings({"EIA_DATABASE_URL": "  ", "EIA_USER": ""})
    assert settings.database_url == default_database_url()
    assert settings.user != ""


def test_os_environ_is_read_at_call_time(monkeypatch):
    monkeypatch.setenv("EIA_USER", "Jo Lee")
    assert load_settings().user == "Jo Lee"
