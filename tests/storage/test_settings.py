"""Reading EIA_* settings from the environment."""

import getpass
from pathlib import Path

import pytest

import eia_app
from eia_app.domain.errors import SettingsError
from eia_app.settings import DEFAULT_TEMPLATE_NAME, default_database_url, load_settings


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


@pytest.mark.parametrize(
    ("variable", "attribute"),
    [
        ("EIA_EXAMPLES_DIR", "examples_dir"),
        ("EIA_REGISTRY_DIR", "registry_dir"),
        ("EIA_BASELINES_DIR", "baselines_dir"),
        ("EIA_TEMPLATES_DIR", "templates_dir"),
    ],
)
def test_each_folder_is_read_from_its_own_variable(tmp_path, variable, attribute):
    defaults = load_settings({})
    settings = load_settings({variable: str(tmp_path)})
    assert getattr(settings, attribute) == tmp_path
    others = {"examples_dir", "registry_dir", "baselines_dir", "templates_dir"} - {attribute}
    assert all(getattr(settings, other) == getattr(defaults, other) for other in others)


def test_the_template_is_the_default_one_in_the_templates_folder(tmp_path):
    settings = load_settings({"EIA_TEMPLATES_DIR": str(tmp_path)})
    assert settings.template_path == tmp_path / DEFAULT_TEMPLATE_NAME


def test_default_folders_are_the_shipped_data_of_the_source_tree():
    root = Path(eia_app.__file__).resolve().parents[1]
    settings = load_settings({})
    assert settings.registry_dir == root / "protected_characteristics"
    assert settings.baselines_dir == root / "protected_characteristics" / "baselines"
    assert settings.templates_dir == root / "templates"
    assert (settings.registry_dir / "age.yaml").is_file()
    assert (settings.baselines_dir / "catalogue.csv").is_file()
    assert settings.template_path.is_file()


@pytest.mark.parametrize(
    ("value", "debug"), [(None, False), ("", False), ("0", False), ("1", True), ("yes", True)]
)
def test_debug_is_read_from_eia_debug(value, debug):
    assert load_settings({} if value is None else {"EIA_DEBUG": value}).debug is debug


def test_the_user_defaults_to_the_operating_system_user(monkeypatch):
    monkeypatch.setattr(getpass, "getuser", lambda: "jo.lee")
    assert load_settings({}).user == "jo.lee"


def test_only_settings_reads_the_environment_or_locates_files_by_module_path():
    package = Path(eia_app.__file__).resolve().parent
    readers = []
    for source in package.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        if (
            "os.environ" in text or "getenv" in text or "__file__" in text
        ) and source.name != "settings.py":
            readers.append(source.relative_to(package).as_posix())
    # ``eia serve`` hands its whole environment on to Streamlit; the chart renderer
    # honours BROWSER_PATH, a convention of the browser library, not an EIA setting.
    assert sorted(readers) == ["cli/assessment_commands.py", "export/images.py"]


OIDC = {
    "EIA_OIDC_ISSUER_URL": "https://login.microsoftonline.com/tenant-id/v2.0",
    "EIA_OIDC_CLIENT_ID": "client",
    "EIA_OIDC_CLIENT_SECRET": "secret",
    "EIA_OIDC_COOKIE_SECRET": "a-long-random-cookie-secret",
    "EIA_OIDC_REDIRECT_URI": "https://eia.council.example/oauth2callback",
}


def test_no_sign_in_provider_means_single_user_mode():
    assert load_settings({}).sign_in is None


def test_the_sign_in_provider_is_read_from_its_five_variables():
    sign_in = load_settings(
        {
            **OIDC,
            "EIA_ADMIN_EMAILS": "Ada@Council.Example; bo@council.example",
            "EIA_ALLOWED_EMAIL_DOMAINS": "@Council.Example",
        }
    ).sign_in
    assert sign_in is not None
    assert sign_in.metadata_url == (
        "https://login.microsoftonline.com/tenant-id/v2.0/.well-known/openid-configuration"
    )
    assert (sign_in.client_id, sign_in.client_secret) == ("client", "secret")
    assert sign_in.admin_emails == frozenset({"ada@council.example", "bo@council.example"})
    assert sign_in.allowed_domains == frozenset({"council.example"})


def test_a_half_configured_provider_is_refused_naming_what_is_missing():
    partial = {k: v for k, v in OIDC.items() if k != "EIA_OIDC_COOKIE_SECRET"}
    with pytest.raises(SettingsError, match="EIA_OIDC_COOKIE_SECRET not set"):
        load_settings(partial)


def test_a_redirect_uri_must_end_in_the_callback_path():
    with pytest.raises(SettingsError, match="/oauth2callback"):
        load_settings({**OIDC, "EIA_OIDC_REDIRECT_URI": "https://eia.council.example/"})
