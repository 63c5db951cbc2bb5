"""The sign-in secrets ``eia serve`` writes for Streamlit: private, and not left behind."""

import os
import stat

import pytest

from eia_app.domain.errors import SettingsError
from eia_app.services import sign_in_config
from eia_app.settings import SignIn


def provider(secret: str = "s3cret") -> SignIn:
    return SignIn(
        issuer_url="https://login.example/tenant/v2.0",
        client_id="eia-toolkit",
        client_secret=secret,
        cookie_secret="a-long-random-cookie-secret",
        redirect_uri="https://eia.council.example/oauth2callback",
    )


@pytest.fixture
def temp_base(tmp_path, monkeypatch):
    monkeypatch.setattr(sign_in_config.tempfile, "gettempdir", lambda: str(tmp_path))
    return tmp_path


def test_the_secrets_are_readable_by_their_owner_alone(temp_base):
    path = sign_in_config.write_auth_secrets(provider())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert 'client_secret = "s3cret"' in path.read_text(encoding="utf-8")


def test_restarts_rewrite_one_file_and_other_settings_get_their_own(temp_base):
    first = sign_in_config.write_auth_secrets(provider())
    again = sign_in_config.write_auth_secrets(provider())
    other = sign_in_config.write_auth_secrets(provider("another"))
    assert first == again != other
    assert sorted(p.name for p in first.parent.iterdir()) == sorted({first.name, other.name})
    assert list(temp_base.iterdir()) == [first.parent]


def test_a_folder_open_to_others_is_refused(temp_base):
    folder = sign_in_config.private_folder()
    os.chmod(folder, 0o777)
    with pytest.raises(SettingsError, match="not a private folder"):
        sign_in_config.write_auth_secrets(provider())
    assert list(folder.iterdir()) == []


def test_a_link_planted_where_the_folder_goes_is_refused(temp_base, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("attacker")
    (temp_base / f"eia-auth-{sign_in_config.getpass.getuser()}").symlink_to(elsewhere)
    with pytest.raises(SettingsError, match="not a private folder"):
        sign_in_config.write_auth_secrets(provider())
    assert list(elsewhere.iterdir()) == []


def test_eia_serve_says_what_to_do_about_an_open_folder_and_starts_nothing(
    temp_base, tmp_path, monkeypatch
):
    from tests.cli.assessment_helpers import run

    for name, value in {
        "EIA_DATABASE_URL": f"sqlite:///{(tmp_path / 'db' / 'eia.sqlite').as_posix()}",
        "EIA_EXAMPLES_DIR": str(tmp_path / "no-examples"),
        "EIA_OIDC_ISSUER_URL": "https://login.example/tenant/v2.0",
        "EIA_OIDC_CLIENT_ID": "eia-toolkit",
        "EIA_OIDC_CLIENT_SECRET": "s3cret",
        "EIA_OIDC_COOKIE_SECRET": "a-long-random-cookie-secret",
        "EIA_OIDC_REDIRECT_URI": "https://eia.council.example/oauth2callback",
    }.items():
        monkeypatch.setenv(name, value)
    os.chmod(sign_in_config.private_folder(), 0o777)
    started = []
    monkeypatch.setattr(os, "execve", lambda *args: started.append(args))

    result = run("serve", "--headless")

    assert result.exit_code == 1, result.output
    assert "is not a private folder of this user" in result.output
    assert "Traceback" not in result.output
    assert started == []
