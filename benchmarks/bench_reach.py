"""Benchmark ``eia reach`` against plain pandas on a large synthetic export.

Usage::

    python benchmarks/bench_reach.py [--rows 1000000] [--repeat 3] [--keep]

One run generates the export (``make_large_survey.py``) in a temporary folder,
then times, each in its own child process:

* **reach**: ``analyse_survey(path)`` followed by ``json.dumps`` of the document,
  which is what ``eia reach --format json`` does apart from printing;
* **pandas**: ``pd.read_csv(path)`` and ``value_counts()`` of every question column
  (the columns the reach analysis reads).

Each child reports the seconds spent in that work (imports excluded on both
sides); the peak memory is the child's maximum resident set size, read with
``os.wait4``. The two sides run alternately, ``--repeat`` times each; the verdict
uses the best time of each side (the least disturbed by other processes) and the
largest peak memory, and the median of the paired ratios is printed as well.
Targets: reach time <= 2.0 x pandas time, and reach peak memory < 2 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAX_RATIO = 2.0
MAX_PEAK_MB = 2048.0
METADATA = ("Response ID", "Submitted")


def _reach(path: Path) -> dict[str, object]:
    """Child work: the reach analysis as ``eia reach`` runs it."""
    from eia_app.services.reach import analyse_survey

    started = time.perf_counter()
    document = analyse_survey(path)
    text = json.dumps(document)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "respondents": document["respondents"], "bytes": len(text)}


def _pandas(path: Path) -> dict[str, object]:
    """Child work: plain pandas reading the file and counting the same columns."""
    import pandas as pd

    started = time.perf_counter()
    frame = pd.read_csv(path)
    counts = [frame[c].value_counts() for c in frame.columns if c not in METADATA]
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "respondents": len(frame), "columns": len(counts)}


CHILD_WORK = {"reach": _reach, "pandas": _pandas}


def _run_child(kind: str, path: Path) -> tuple[dict[str, object], float]:
    """Run one measurement in a fresh interpreter; return its report and peak RSS in MB."""
    command = [sys.executable, __file__, "--child", kind, str(path)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"The {kind} child failed (exit {process.returncode}).")
    peak_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
    return json.loads(output.strip().splitlines()[-1]), peak_mb


def _measure(path: Path, repeat: int) -> dict[str, dict[str, float]]:
    """Best time and largest peak memory of each side over ``repeat`` interleaved runs.

    The sides alternate (pandas, reach, pandas, reach ...) so that a burst of load
    from other processes on the machine hits both alike.
    """
    results: dict[str, dict[str, list[float]]] = {
        kind: {"seconds": [], "peak_mb": []} for kind in CHILD_WORK
    }
    for _ in range(repeat):
        for kind in ("pandas", "reach"):
            report, peak = _run_child(kind, path)
            seconds = float(report["seconds"])  # type: ignore[arg-type]
            results[kind]["seconds"].append(seconds)
            results[kind]["peak_mb"].append(peak)
            print(f"  {kind:<6} {seconds:.2f} s, peak {peak:,.0f} MB", flush=True)
    summary = {
        kind: {"seconds": min(values["seconds"]), "peak_mb": max(values["peak_mb"])}
        for kind, values in results.items()
    }
    pairs = zip(results["reach"]["seconds"], results["pandas"]["seconds"], strict=True)
    summary["paired"] = {"median_ratio": statistics.median(r / p for r, p in pairs)}
    return summary


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def _report(
    rows: int, reach: dict[str, float], plain: dict[str, float], median_ratio: float
) -> bool:
    """Print the figures and PASS/FAIL lines; return True when both targets are met."""
    ratio = reach["seconds"] / plain["seconds"]
    time_ok = ratio <= MAX_RATIO
    memory_ok = reach["peak_mb"] < MAX_PEAK_MB
    print(f"\nRows: {rows:,}")
    print(f"reach analysis : {reach['seconds']:.2f} s, peak memory {reach['peak_mb']:,.0f} MB")
    print(f"pandas baseline: {plain['seconds']:.2f} s, peak memory {plain['peak_mb']:,.0f} MB")
    print(f"{_verdict(time_ok)}: time ratio {ratio:.2f}, best against best (target <= {MAX_RATIO})")
    print(f"      median ratio of the paired runs: {median_ratio:.2f} (shows load on the machine)")
    print(
        f"{_verdict(memory_ok)}: reach peak memory {reach['peak_mb']:,.0f} MB "
        f"(target < {MAX_PEAK_MB:,.0f} MB)"
    )
    return time_ok and memory_ok


def _generate(rows: int, folder: Path) -> Path:
    """Write the synthetic export with the generator script, timing it."""
    sys.path.insert(0, str(HERE))
    from make_large_survey import write

    started = time.perf_counter()
    path = write(rows, folder / f"survey_{rows}.csv")
    size = path.stat().st_size / 1e6
    print(f"Generated {rows:,} rows ({size:,.0f} MB) in {time.perf_counter() - started:.1f} s")
    return path


def main(argv: list[str] | None = None) -> int:
    """Generate the export, measure both sides and print PASS/FAIL."""
    parser = argparse.ArgumentParser(description="Benchmark eia reach against plain pandas.")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the generated file")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind, path = args.child
        print(json.dumps(CHILD_WORK[kind](Path(path))))
        return 0
    folder = Path(tempfile.mkdtemp(prefix="eia-bench-"))
    try:
        path = _generate(args.rows, folder)
        measured = _measure(path, args.repeat)
        ok = _report(
            args.rows, measured["reach"], measured["pandas"], measured["paired"]["median_ratio"]
        )
        return 0 if ok else 1
    finally:
        if args.keep:
            print(f"Kept {folder}")
        else:
            for item in folder.iterdir():
                item.unlink()
            folder.rmdir()


if __name__ == "__main__":
    sys.exit(main())
