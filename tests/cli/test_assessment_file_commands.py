"""The assessment commands of ``eia`` that work on files: validate and schema.

Also the real entry point, run in a separate process.
"""

import json
import os

import pytest

from eia_app.domain.assessment import Assessment
from tests.cli.assessment_helpers import (
    _isolated_library,  # noqa: F401  (autouse fixture)
    run,
    run_main,
    write,
)
from tests.factories import make_assessment, make_final_assessment

# --- validate -----------------------------------------------------------------


def test_validate_accepts_a_complete_assessment(tmp_path):
    result = run("validate", str(write(tmp_path / "eia.json", make_assessment())))

    assert result.exit_code == 0, result.output
    assert "eia.json: ready for the consultation stage: 0 blocking problem(s)" in result.output


def test_validate_names_an_emptied_required_field(tmp_path):
    file = write(tmp_path / "eia.json", make_assessment(purpose__who_is_affected=None))

    result = run("validate", str(file))

    assert result.exit_code == 1
    assert "purpose.who_is_affected" in result.output
    assert "Who is affected" in result.output
    assert "1 blocking problem(s)" in result.output


def test_validate_checks_the_stage_asked_for(tmp_path):
    file = write(tmp_path / "eia.json", make_assessment())

    later = run("validate", str(file), "--stage", "final")
    earlier = run("validate", str(file), "--stage", "screening")

    assert later.exit_code == 1
    assert "consultation.gunning_statement" in later.output
    assert "not ready for the final stage" in later.output
    assert earlier.exit_code == 0


def test_validate_prints_one_line_per_issue_and_a_count(tmp_path):
    file = write(tmp_path / "eia.json", make_final_assessment(actions=[], decision__reasons=None))

    result = run("validate", str(file))

    lines = result.output.strip().splitlines()
    assert lines[:-1] == [
        "error: Decision > Reasons (decision.reasons): Fill this in: it is required at the "
        "final stage.",
        "error: Action plan (actions): Fill this in: it is required at the final stage.",
    ]
    assert lines[-1].endswith("2 blocking problem(s), 0 warning(s).")


def test_validate_rejects_an_unknown_stage(tmp_path):
    result = run("validate", str(write(tmp_path / "eia.json", make_assessment())), "--stage", "x")
    assert result.exit_code == 2


def test_invalid_json_is_one_line_naming_the_file(tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text('{"status": "draft",', encoding="utf-8")

    result = run("validate", str(bad))

    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Error: broken.json is not valid JSON")
    assert "Traceback" not in result.output


def test_a_wrong_value_names_the_file_and_field(tmp_path):
    bad = tmp_path / "eia.json"
    bad.write_text(json.dumps({"status": "finished"}), encoding="utf-8")

    result = run("validate", str(bad))

    assert result.exit_code == 1
    assert "eia.json: field 'status'" in result.stderr


def test_a_missing_file_is_one_line(tmp_path):
    result = run("validate", str(tmp_path / "absent.json"))
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("absent.json: no such file.")


# --- schema -------------------------------------------------------------------


def test_schema_prints_the_json_schema_of_an_assessment():
    result = run("schema")

    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema == Assessment.model_json_schema()
    assert {"key_details", "impacts", "sign_off"} <= set(schema["properties"])


# --- the real entry point, in a separate process ------------------------------


@pytest.fixture
def process_env() -> dict[str, str]:
    """The environment as the autouse fixture left it, for a child process."""
    return dict(os.environ)


def test_entry_point_exit_codes_and_messages(tmp_path, process_env):
    complete = write(tmp_path / "ok.json", make_assessment())
    incomplete = write(tmp_path / "no.json", make_assessment(key_details__title=None))
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")

    assert run_main("validate", str(complete), env=process_env).returncode == 0
    failed = run_main("validate", str(incomplete), env=process_env)
    assert failed.returncode == 1
    assert "key_details.title" in failed.stdout
    invalid = run_main("validate", str(broken), env=process_env)
    assert invalid.returncode == 1
    assert invalid.stderr.strip().startswith("Error: broken.json is not valid JSON")
    assert "Traceback" not in invalid.stderr
    assert run_main("show", env=process_env).returncode == 2


def test_entry_point_reports_a_bad_database_without_traceback(process_env):
    process_env["EIA_DATABASE_URL"] = "nonsense"
    finished = run_main("list", env=process_env)
    assert finished.returncode == 1
    assert finished.stderr.strip().splitlines() == [
        "Error: 'nonsense' is not a database URL. Set EIA_DATABASE_URL to a SQLAlchemy URL such "
        "as sqlite:///eia-data/eia.sqlite."
    ]
