"""Shared set-up for the assessment command tests: an isolated library and runners."""

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import eia_app.cli.commands  # noqa: F401  (registers every command on ``cli``)
from eia_app.cli.app import cli
from eia_app.domain.assessment import Assessment
from eia_app.services.workspace import close_repositories


@pytest.fixture(autouse=True)
def _isolated_library(tmp_path, monkeypatch):
    """Point every command at a fresh SQLite file and an empty examples folder."""
    close_repositories()
    monkeypatch.setenv(
        "EIA_DATABASE_URL", f"sqlite:///{(tmp_path / 'db' / 'eia.sqlite').as_posix()}"
    )
    monkeypatch.setenv("EIA_EXAMPLES_DIR", str(tmp_path / "no-examples"))
    monkeypatch.setenv("EIA_USER", "Test Officer")
    yield
    close_repositories()


def run(*args: str):
    """Run ``eia`` with ``args`` in this process and return Click's result."""
    return CliRunner().invoke(cli, list(args))


def write(path: Path, assessment: Assessment) -> Path:
    """Write ``assessment`` as indented JSON to ``path`` and return the path."""
    path.write_text(assessment.model_dump_json(indent=2), encoding="utf-8")
    return path


def run_main(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real entry point in a new process, as a user's shell would."""
    return subprocess.run(
        [sys.executable, "-c", "from eia_app.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
