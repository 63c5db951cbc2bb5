"""Slow steps are reported as they run; a step past the time budget is abandoned with a message."""

import threading
import time

import pytest

from eia_app.export.pdf import PdfTimeoutError
from eia_app.services import export as export_service
from eia_app.services import reach as reach_service
from eia_app.services.progress import Steps, TimeBudgetError
from tests.entry_point import run_eia

QUICK = {"announce_after": 0.05, "every": 0.1}


def test_a_slow_step_is_reported_on_the_callers_thread_and_its_result_returned():
    lines, threads = [], []

    def report(line: str) -> None:
        lines.append(line)
        threads.append(threading.current_thread())

    steps = Steps(report=report, **QUICK)
    assert steps.run("drawing the charts", lambda: time.sleep(0.32) or "done") == "done"
    assert lines[0].startswith("Drawing the charts... (0 s)")
    assert lines[1].startswith("Still drawing the charts... ")
    assert 2 <= len(lines) <= 4
    assert set(threads) == {threading.current_thread()}


def test_a_quick_step_says_nothing():
    lines: list[str] = []
    assert Steps(report=lines.append).run("counting the answers", lambda: 42) == 42
    assert lines == []


def test_a_step_past_its_budget_gives_up_promptly_with_advice():
    started = time.monotonic()
    with pytest.raises(TimeBudgetError) as raised:
        Steps(budget=0.2).run(
            "drawing the charts", lambda: time.sleep(30), advice="leave them out with --no-charts"
        )
    assert time.monotonic() - started < 2
    assert str(raised.value) == (
        "Drawing the charts did not finish within the time budget of 0.2 s; leave them out "
        "with --no-charts, or raise EIA_TIME_BUDGET (seconds)."
    )


def test_an_error_in_a_step_reaches_the_caller_unchanged():
    def fail() -> None:
        raise ValueError("bad cell")

    with pytest.raises(ValueError, match="bad cell"):
        Steps(report=print, budget=5).run("reading the file", fail)


def slow(seconds: float, real):
    def wrapper(*args, **kwargs):
        time.sleep(seconds)
        return real(*args, **kwargs)

    return wrapper


def test_eia_reach_shows_progress_while_reading_a_slow_file(project_root, monkeypatch):
    monkeypatch.setattr(reach_service, "read_survey", slow(2.3, reach_service.read_survey))
    survey = project_root / "examples/send_strategy_2024_27/send_consultation_responses.csv"
    code, out, err = run_eia(["reach", str(survey), "--format", "json"], {})
    assert code == 0, err
    assert "Reading send_consultation_responses.csv... (2 s)" in err.splitlines()
    assert out.startswith("{")  # progress goes to stderr, never into the output


def test_eia_reach_gives_up_past_the_budget_with_status_1(project_root, monkeypatch):
    monkeypatch.setattr(reach_service, "read_survey", slow(60, reach_service.read_survey))
    survey = project_root / "examples/send_strategy_2024_27/send_consultation_responses.csv"
    started = time.monotonic()
    code, out, err = run_eia(["reach", str(survey)], {"EIA_TIME_BUDGET": "1"})
    assert time.monotonic() - started < 10
    assert code == 1
    assert err.strip() == (
        "Error: Reading send_consultation_responses.csv did not finish within the time budget "
        "of 1 s; save it as CSV UTF-8 with only the columns needed, or raise EIA_TIME_BUDGET "
        "(seconds)."
    )
    assert out == ""


def test_eia_export_gives_up_on_charts_past_the_budget(project_root, monkeypatch, tmp_path):
    monkeypatch.setattr(export_service, "_draw_charts", slow(60, export_service._draw_charts))
    example = project_root / "examples/send_strategy_2024_27"
    args = ["export", str(example / "eia_consultation_stage.json"), "-o", str(tmp_path / "o.docx")]
    args += ["--survey", str(example / "send_consultation_responses.csv")]
    started = time.monotonic()
    # Each step has the budget; 8 s lets counting finish on a loaded machine, while the
    # stalled charts (60 s) cannot.
    code, _, err = run_eia(args, {"EIA_TIME_BUDGET": "8"})
    assert time.monotonic() - started < 40
    assert code == 1
    assert err.strip().splitlines()[-1] == (
        "Error: Drawing the charts did not finish within the time budget of 8 s; leave them "
        "out with --no-charts, or raise EIA_TIME_BUDGET (seconds)."
    )
    assert not (tmp_path / "o.docx").exists()


def test_a_pdf_conversion_stopped_at_the_budget_says_so(tmp_path, monkeypatch):
    seen = {}

    def stopped(docx_path, out_dir, timeout=180.0):
        seen["timeout"] = timeout
        raise PdfTimeoutError("LibreOffice took more than 3 s")

    monkeypatch.setattr(export_service, "convert_to_pdf", stopped)
    with pytest.raises(TimeBudgetError, match="Converting to PDF with LibreOffice did not finish"):
        export_service.export_pdf(tmp_path / "report.docx", steps=Steps(budget=3))
    assert seen["timeout"] == 3  # LibreOffice itself is stopped at the budget
