"""``eia import --base-version`` and ``eia audit`` on a shared SQLite or PostgreSQL library,
including twelve real ``eia import`` processes racing from the same version."""

import csv
import os
import subprocess
import sys

import pytest

from eia_app.services.workspace import close_repositories
from tests.cli.assessment_helpers import (
    _isolated_library,  # noqa: F401  (autouse fixture)
    run,
    write,
)
from tests.factories import REFERENCE, make_assessment


@pytest.fixture
def library(database_url, monkeypatch):
    """Point the commands at an empty shared database (SQLite, then PostgreSQL)."""
    close_repositories()
    monkeypatch.setenv("EIA_DATABASE_URL", database_url)
    yield database_url
    close_repositories()


def test_import_from_an_old_version_is_refused_naming_who_saved_since(library, tmp_path):
    file = write(tmp_path / "eia.json", make_assessment())
    assert run("import", str(file), "--by", "Alex", "--base-version", "0").exit_code == 0
    assert run("import", str(file), "--by", "Jo", "--base-version", "1").exit_code == 0

    refused = run("import", str(file), "--by", "Sam", "--base-version", "1")

    assert refused.exit_code == 1
    assert "Jo saved version 2 at " in refused.output
    assert "Nothing was overwritten" in refused.output
    shown = run("show", REFERENCE)
    assert "Sam" not in shown.output


@pytest.mark.slow
def test_twelve_concurrent_imports_from_one_version_save_once_and_tell_the_rest(library, tmp_path):
    first = write(tmp_path / "first.json", make_assessment())
    assert run("import", str(first), "--by", "Alex").exit_code == 0
    env = {**os.environ, "EIA_DATABASE_URL": library}
    processes = []
    for n in range(12):
        file = write(tmp_path / f"edit{n}.json", make_assessment(key_details__title=f"Edit {n}"))
        command = "from eia_app.cli import main; main()"
        processes.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    command,
                    "import",
                    str(file),
                    "--by",
                    f"user {n}",
                    "--base-version",
                    "1",
                ],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    results = [(p.wait(timeout=180), *p.communicate()) for p in processes]

    saved = [out for code, out, _ in results if code == 0]
    refused = [err for code, _, err in results if code == 1]
    assert (len(saved), len(refused)) == (1, 11), results
    assert saved[0].startswith(f"Saved {REFERENCE} version 2")
    assert all("saved version 2 at" in err and "changed after version 1" in err for err in refused)
    close_repositories()
    listed = run("audit", REFERENCE)
    assert listed.output.count(" saved ") + listed.output.count(" created ") == 2


def test_audit_prints_a_table_and_writes_a_neutralised_csv(library, tmp_path):
    file = write(tmp_path / "eia.json", make_assessment(key_details__title="=1+1 plan"))
    run("import", str(file), "--by", "=cmd|' /C calc'!A0")

    table = run("audit", REFERENCE)
    assert table.exit_code == 0, table.output
    assert "created" in table.output
    assert REFERENCE in table.output

    out = tmp_path / "audit.csv"
    written = run("audit", "--format", "csv", "-o", str(out))
    assert written.exit_code == 0, written.output
    assert f"Wrote 1 audit events to {out}." in written.output
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[1][1:5] == [REFERENCE, "1", "created", "'=cmd|' /C calc'!A0"]
    assert run("audit", "EIA-0000-0000").output.strip() == "No audit events recorded."
