"""The installed ``eia`` script (``eia_app.cli:run``) exits promptly without losing output."""

import json
import subprocess
import sys

from tests.examples.send_revised import CONSULTATION_STAGE

RUN = [sys.executable, "-c", "from eia_app.cli import run; run()"]


def eia(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*RUN, *args], capture_output=True, text=True, timeout=120)


def test_a_long_output_reaches_the_pipe_whole(project_root):
    survey = project_root / "examples" / "send_strategy_2024_27" / "send_consultation_responses.csv"
    done = eia("reach", str(survey), "--format", "json")
    assert done.returncode == 0, done.stderr
    # Ending the process at once must not cut off buffered output: the JSON parses.
    assert json.loads(done.stdout)["respondents"] == 1538


def test_exit_statuses_are_kept():
    assert eia("--version").returncode == 0
    done = eia("validate", str(CONSULTATION_STAGE) + ".missing")
    assert done.returncode == 1
    assert "Error:" in done.stderr
    assert eia("no-such-command").returncode == 2


def test_an_exit_handler_still_runs(tmp_path):
    marker = tmp_path / "ran"
    code = (
        "import atexit, pathlib\n"
        f"atexit.register(pathlib.Path({str(marker)!r}).write_text, 'yes')\n"
        "from eia_app.cli import run\n"
        "run()\n"
    )
    done = subprocess.run([sys.executable, "-c", code, "--help"], capture_output=True, timeout=60)
    assert done.returncode == 0
    assert marker.read_text() == "yes"
