"""Benchmark how quickly the app's pages redraw, with Streamlit's AppTest (no browser).

Usage::

    python benchmarks/bench_app.py [--rows 100000] [--repeat 5]

Runs the real entrypoint in-process on a temporary SQLite library seeded with the
SEND example, and times, best of ``--repeat`` each:

* the Library with no assessment open: the baseline every other time is divided by;
* opening a section page (Screening) from the Library;
* with a ``--rows``-respondent export (``make_large_survey.py``) analysed on the
  Consultation reach page, the redraw after changing the split, and after changing
  the comparison population, once both choices are cached in the session;
* upload-to-charts for the 1,538-row SEND example survey: a new session, the file
  given to the uploader, the run that analyses it and draws its charts.

Targets: the cached redraws and the section page under 300 ms each, upload-to-charts
under 3 s. Each line is printed beside the baseline, with PASS or FAIL; the exit
status is 1 if any target is missed. The first (uncached) analyses are printed too,
for information. AppTest's own overhead (building the element tree) is in every
time, the baseline's included.
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "eia_app" / "ui" / "streamlit_app.py"
SURVEY = ROOT / "examples" / "send_strategy_2024_27" / "send_consultation_responses.csv"
MAKER = Path(__file__).resolve().parent / "make_large_survey.py"
SEND = "EIA-2025-0001"
UPLOAD = "eia.reach.upload"
SPLIT = "eia.reach.split_by"
BASELINE_LABEL = "Compare the respondents with"
RESPONDENT_TYPE = "In what capacity are you responding to this consultation?"
TIMEOUT = 600
REDRAW_TARGET = 0.3
SECTION_TARGET = 0.3
UPLOAD_TARGET = 3.0


def _maker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_large_survey", MAKER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"Cannot load {MAKER.name}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _timed(step: Callable[[], object]) -> float:
    started = time.perf_counter()
    step()
    return time.perf_counter() - started


def _checked(at) -> None:
    if at.exception:
        raise SystemExit(f"The app raised: {at.exception}")


def _new_session():
    from streamlit.testing.v1 import AppTest

    # AppTest touches session state from this thread, outside a script run: harmless.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(
        logging.ERROR
    )
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    _checked(at)
    return at


def _open_reach(at) -> None:
    at.session_state["eia.current_reference"] = SEND
    at.session_state["eia.requested_page"] = "reach"
    at.run()
    _checked(at)


def _upload(at, data: bytes, name: str) -> None:
    at.file_uploader(key=UPLOAD).set_value((name, data, "text/csv"))
    at.run()
    _checked(at)


def _charts(at) -> int:
    return len(at.get("plotly_chart"))


def library_baseline(repeat: int) -> float:
    """Rerun the Library with nothing open."""
    at = _new_session()
    times = []
    for _ in range(repeat):
        times.append(_timed(at.run))
        _checked(at)
    return min(times)


def section_page(repeat: int) -> float:
    """Open the Screening section from the Library (the Library run is not timed)."""
    at = _new_session()
    at.session_state["eia.current_reference"] = SEND
    times = []
    for _ in range(repeat):
        at.session_state["eia.requested_page"] = "library"
        at.run()
        at.session_state["eia.requested_page"] = "screening"
        times.append(_timed(at.run))
        _checked(at)
        titles = [str(t.value) for t in at.title]
        assert "Screening" in titles, titles
    return min(times)


def large_reach(path: Path, repeat: int) -> dict[str, float]:
    """Analyse the large export, then time cached redraws after a split or baseline change."""
    at = _new_session()
    _open_reach(at)
    data = path.read_bytes()
    first = _timed(lambda: _upload(at, data, path.name))
    assert _charts(at), "no chart after the first analysis"

    def split(column: str) -> float:
        at.selectbox(key=SPLIT).set_value(column)
        seconds = _timed(at.run)
        _checked(at)
        return seconds

    def baseline(index: int) -> float:
        box = next(b for b in at.selectbox if b.label == BASELINE_LABEL)
        box.select_index(index)
        seconds = _timed(at.run)
        _checked(at)
        return seconds

    split_first = split(RESPONDENT_TYPE)
    split_times = []
    for _ in range(repeat):
        split_times.append(split(""))
        split_times.append(split(RESPONDENT_TYPE))
    split("")
    baseline_first = baseline(1)
    baseline_times = []
    for _ in range(repeat):
        baseline_times.append(baseline(0))
        baseline_times.append(baseline(1))
    return {
        "first": first,
        "split_first": split_first,
        "split": min(split_times),
        "baseline_first": baseline_first,
        "baseline": min(baseline_times),
    }


def upload_to_charts(repeat: int) -> float:
    """Upload the SEND example in a new session and draw its charts (nothing cached)."""
    data = SURVEY.read_bytes()
    times = []
    for _ in range(repeat):
        at = _new_session()
        _open_reach(at)
        times.append(_timed(lambda at=at: _upload(at, data, SURVEY.name)))
        assert _charts(at), "no chart after the upload"
    return min(times)


def main() -> int:
    """Run the benchmark and print the report.

    Returns:
        0 if every target is met, else 1.
    """
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="respondents in the export")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["EIA_DATABASE_URL"] = f"sqlite:///{Path(folder, 'eia.sqlite').as_posix()}"
        os.environ.setdefault("EIA_USER", "Benchmark")
        large = _maker().write(args.rows, Path(folder) / "large.csv")
        empty = library_baseline(args.repeat)
        section = section_page(args.repeat)
        reach = large_reach(large, args.repeat)
        upload = upload_to_charts(args.repeat)
        from eia_app.services.workspace import close_repositories

        close_repositories()

    rows = [
        ("Library, nothing open (baseline)", empty, None),
        ("Open a section page (Screening)", section, SECTION_TARGET),
        (f"{args.rows:,} rows: first analysis (info)", reach["first"], None),
        (f"{args.rows:,} rows: new split, first time (info)", reach["split_first"], None),
        (f"{args.rows:,} rows: change the split, cached", reach["split"], REDRAW_TARGET),
        (f"{args.rows:,} rows: new population, first (info)", reach["baseline_first"], None),
        (f"{args.rows:,} rows: change the population, cached", reach["baseline"], REDRAW_TARGET),
        ("Upload-to-charts, SEND example (1,538 rows)", upload, UPLOAD_TARGET),
    ]
    ok = True
    for name, seconds, target in rows:
        line = f"{name:<50} {seconds * 1000:8.0f} ms  ({seconds / empty:5.1f} x the baseline)"
        if target is not None:
            met = seconds < target
            ok = ok and met
            line += f"  target < {target * 1000:.0f} ms: {'PASS' if met else 'FAIL'}"
        print(line)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
