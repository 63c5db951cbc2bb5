"""The assessment commands of ``eia`` that use the library: import, list, show, export-json, serve.

Also the one-line errors for a database that cannot be used.
"""

import json
import shutil
import sys
import tomllib
from pathlib import Path

import pytest

from eia_app.cli import assessment_commands
from eia_app.domain.assessment import Assessment
from eia_app.services.workspace import EXAMPLE_SET
from tests.cli.assessment_helpers import (
    _isolated_library,  # noqa: F401  (autouse fixture)
    run,
    write,
)
from tests.factories import make_assessment

# --- import, list, show, export-json --------------------------------------------


@pytest.fixture
def two_versions(tmp_path) -> tuple[Assessment, Assessment]:
    first = make_assessment()
    second = make_assessment(status="in_review", purpose__summary="A revised summary.")
    assert run("import", str(write(tmp_path / "v1.json", first))).exit_code == 0
    assert run("import", str(write(tmp_path / "v2.json", second)), "--by", "Jo Lee").exit_code == 0
    return first, second


def test_import_saves_new_versions_and_says_what_changed(tmp_path):
    file = write(tmp_path / "eia.json", make_assessment())
    first = run("import", str(file))
    write(file, make_assessment(status="in_review"))
    second = run("import", str(file), "--by", "Jo Lee")

    assert first.output.strip() == "Saved EIA-2025-0001 version 1 (First version)."
    assert second.output.strip() == "Saved EIA-2025-0001 version 2 (Changed: Status)."


def test_import_refuses_an_assessment_without_reference(tmp_path):
    file = write(tmp_path / "eia.json", make_assessment(key_details__reference=None))
    result = run("import", str(file))
    assert result.exit_code == 1
    assert "EIA reference is empty" in result.stderr


def test_list_shows_the_current_version_as_a_table(two_versions):
    result = run("list")

    assert result.exit_code == 0
    heading, row = result.output.strip().splitlines()
    assert heading.split()[:3] == ["Reference", "Version", "Status"]
    assert row.split()[:5] == ["EIA-2025-0001", "2", "in", "review", "consultation"]
    assert "SEND Strategy 2024-27" in row


def test_list_as_json(two_versions):
    result = run("list", "--format", "json")

    rows = json.loads(result.output)
    assert [(r["reference"], r["version"], r["status"], r["saved_by"]) for r in rows] == [
        ("EIA-2025-0001", 2, "in_review", "Jo Lee")
    ]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ([], ["EIA-2025-0001", "EIA-2025-0002"]),
        (["--status", "approved"], ["EIA-2025-0002"]),
        (["--directorate", "ADULTS"], ["EIA-2025-0002"]),
        (["--review-before", "2027-01-01"], ["EIA-2025-0002"]),
        (["--status", "published"], []),
    ],
)
def test_list_filters(tmp_path, options, expected):
    run("import", str(write(tmp_path / "a.json", make_assessment())))
    other = make_assessment(
        key_details__reference="EIA-2025-0002",
        status="approved",
        key_details__directorate="Adults",
        monitoring__review_date="2026-12-31",
    )
    run("import", str(write(tmp_path / "b.json", other)))

    result = run("list", "--format", "json", *options)

    assert result.exit_code == 0
    assert [row["reference"] for row in json.loads(result.output)] == expected


def test_list_of_an_empty_library_says_so():
    result = run("list")
    assert result.exit_code == 0
    assert "No assessments match" in result.output


def test_list_rejects_a_malformed_date():
    result = run("list", "--review-before", "31/12/2026")
    assert result.exit_code == 2
    assert "--review-before" in result.output


def test_show_gives_title_history_and_completeness(two_versions):
    result = run("show", "EIA-2025-0001")

    assert result.exit_code == 0
    text = result.output
    assert text.splitlines()[0] == "SEND Strategy 2024-27"
    assert "EIA-2025-0001 (version 2 of 2)" in text
    assert "in review" in text
    assert "consultation" in text
    history = [line for line in text.splitlines() if line.startswith("  v")]
    assert len(history) == 2
    assert history[0].startswith("  v1  ")
    assert history[0].endswith("by Test Officer  First version")
    assert history[1].startswith("  v2  ")
    assert "by Jo Lee  Changed: " in history[1]
    assert "Completeness for the consultation stage: ready (0 warnings)." in text


def test_show_an_earlier_version_and_its_problems(tmp_path):
    run("import", str(write(tmp_path / "a.json", make_assessment(decision__summary=None))))
    run("import", str(write(tmp_path / "a.json", make_assessment())))

    result = run("show", "EIA-2025-0001", "--version", "1")

    assert "(version 1 of 2)" in result.output
    assert "1 blocking problem, 0 warnings." in result.output
    assert "decision.summary" in result.output


def test_show_an_unknown_reference_is_one_line():
    result = run("show", "EIA-2025-0009")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Error: No assessment with reference EIA-2025-0009. Run `eia list` to see references."
    )


def test_show_version_zero_is_a_usage_error(two_versions):
    assert run("show", "EIA-2025-0001", "--version", "0").exit_code == 2


def test_export_json_round_trips_each_version(tmp_path, two_versions):
    first, second = two_versions
    out = tmp_path / "exported.json"

    to_file = run("export-json", "EIA-2025-0001", "--version", "1", "-o", str(out))
    to_screen = run("export-json", "EIA-2025-0001")

    assert to_file.exit_code == 0
    assert "Wrote EIA-2025-0001 version 1" in to_file.output
    assert Assessment.model_validate_json(out.read_text(encoding="utf-8")) == first
    assert Assessment.model_validate_json(to_screen.output) == second


def test_export_json_to_an_unwritable_place_is_one_line(tmp_path, two_versions):
    result = run("export-json", "EIA-2025-0001", "-o", str(tmp_path / "missing" / "x.json"))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: Cannot write")
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_bad_database_url_is_one_line(monkeypatch):
    monkeypatch.setenv("EIA_DATABASE_URL", "definitely not a url")
    result = run("list")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: 'definitely not a url' is not a database URL.")
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_unopenable_database_path_is_one_line(monkeypatch, tmp_path):
    # A folder where the database file should be: no user can open that as SQLite.
    monkeypatch.setenv("EIA_DATABASE_URL", f"sqlite:///{tmp_path.as_posix()}")
    result = run("list")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: Cannot open the database")
    assert len(result.stderr.strip().splitlines()) == 1


# --- serve --------------------------------------------------------------------


@pytest.fixture
def started(monkeypatch, tmp_path):
    """Record the command ``eia serve`` replaces itself with, instead of running it."""
    calls = []

    def fake_execve(program, command, env):
        calls.append((command, env))

    app = tmp_path / "streamlit_app.py"
    app.write_text("")
    monkeypatch.setattr(assessment_commands, "STREAMLIT_APP", app)
    monkeypatch.setattr(assessment_commands.os, "execve", fake_execve)
    return calls


def test_serve_seeds_the_library_then_runs_streamlit(started, tmp_path, monkeypatch):
    examples = tmp_path / "examples"
    (examples / EXAMPLE_SET).mkdir(parents=True)
    write(examples / EXAMPLE_SET / "eia_consultation_stage.json", make_assessment())
    monkeypatch.setenv("EIA_EXAMPLES_DIR", str(examples))

    result = run("serve", "--port", "8765", "--headless")

    assert result.exit_code == 0, result.output
    [(command, env)] = started
    assert command[:4] == [sys.executable, "-m", "streamlit", "run"]
    assert command[4] == str(assessment_commands.STREAMLIT_APP)
    assert command[5:] == [
        "--browser.gatherUsageStats",
        "false",
        "--client.toolbarMode",
        "viewer",
        "--server.port",
        "8765",
        "--server.headless",
        "true",
    ]
    assert env["EIA_DATABASE_URL"].endswith("/db/eia.sqlite")
    listed = run("list", "--format", "json")
    assert [row["saved_by"] for row in json.loads(listed.output)] == ["example loader"]


def test_serve_without_options_leaves_port_and_browser_to_streamlit(started):
    # Without --port, Streamlit's own configuration or STREAMLIT_SERVER_PORT decides
    # (8501 when neither is set), so the command must not override it.
    assert run("serve").exit_code == 0
    [(command, _)] = started
    assert command[5:] == [
        "--browser.gatherUsageStats",
        "false",
        "--client.toolbarMode",
        "viewer",
    ]


def test_serve_reports_a_missing_web_app(started, monkeypatch, tmp_path):
    monkeypatch.setattr(assessment_commands, "STREAMLIT_APP", tmp_path / "gone.py")
    result = run("serve")
    assert result.exit_code == 1
    assert "The web app is missing" in result.stderr
    assert started == []


def test_the_streamlit_entrypoint_path_is_inside_the_package():
    assert assessment_commands.STREAMLIT_APP.parts[-3:] == ("eia_app", "ui", "streamlit_app.py")


def test_serve_with_a_sign_in_provider_points_streamlit_at_private_auth_secrets(
    started, monkeypatch
):
    provider = {
        "EIA_OIDC_ISSUER_URL": "https://login.microsoftonline.com/tenant-id/v2.0",
        "EIA_OIDC_CLIENT_ID": "client-id",
        "EIA_OIDC_CLIENT_SECRET": 'se"cret\\',
        "EIA_OIDC_COOKIE_SECRET": "cookie-secret",
        "EIA_OIDC_REDIRECT_URI": "https://eia.council.example/oauth2callback",
    }
    for name, value in provider.items():
        monkeypatch.setenv(name, value)

    assert run("serve").exit_code == 0

    [(command, _)] = started
    assert command[-2] == "--secrets.files"
    secrets = Path(command[-1])
    assert secrets.stat().st_mode & 0o777 == 0o600
    assert secrets.parent.stat().st_mode & 0o077 == 0
    auth = tomllib.loads(secrets.read_text())["auth"]
    assert auth == {
        "redirect_uri": "https://eia.council.example/oauth2callback",
        "cookie_secret": "cookie-secret",
        "client_id": "client-id",
        "client_secret": 'se"cret\\',
        "server_metadata_url": (
            "https://login.microsoftonline.com/tenant-id/v2.0/.well-known/openid-configuration"
        ),
    }
    shutil.rmtree(secrets.parent)


def test_serve_refuses_a_half_configured_provider(started, monkeypatch):
    monkeypatch.setenv("EIA_OIDC_ISSUER_URL", "https://login.microsoftonline.com/t/v2.0")
    result = run("serve")
    assert result.exit_code != 0
    assert "EIA_OIDC_CLIENT_ID" in result.output + result.stderr
    assert started == []
