"""Benchmark ``eia reach`` against the fastest plain reading of the same files.

Usage::

    python benchmarks/bench_reach.py [--rows 1000000] [--cp1252-rows N]
                                     [--xlsx-rows 100000] [--repeat 3] [--keep]

Needs polars and fastexcel: ``pip install -e ".[bench]"``.

One run generates three exports (``make_large_survey.py``) in a temporary folder:

* a UTF-8 CSV (``--rows``), which the reader takes by its fast path;
* a Windows-1252 CSV with free-text answers holding "£", curly quotes and line
  breaks inside quotes (``--cp1252-rows``, the same as ``--rows`` by default),
  which makes the reader detect the encoding and parse quotes across lines;
* an XLSX workbook with the same columns (``--xlsx-rows``).

For each file it times, each in its own child process:

* **reach**: ``analyse_survey(path)`` followed by serialising the document to
  JSON, which is what ``eia reach --format json`` does apart from printing;
* the plain passes (the floors), each reading the whole file and counting the
  answers of every question column (the columns the reach analysis reads):
  pandas ``read_csv`` with the C engine and with ``engine="pyarrow"``, and
  polars ``read_csv``; for the workbook, pandas ``read_excel(engine="calamine")``
  and polars ``read_excel`` (calamine through fastexcel). A floor that cannot
  read a file is printed as not applicable, with the reason.

Each child reports the seconds spent in that work (imports excluded); the peak
memory is the child's maximum resident set size, read with ``os.wait4``. The
sides run in turn, ``--repeat`` times each; the verdict uses the best time of
each side (the least disturbed by other processes) and the largest peak memory.
The ratio of reach to each floor is printed, and the ratio to the fastest floor
(the honest floor) is judged. Every floor must count the same rows as reach,
and the same columns and answers as the other floors, or the run fails.

Targets, on every file: reach time <= 2.0 x the fastest floor, and reach peak
memory < 2 GB. The exit status is 1 when any target is missed or any child
fails, 2 when polars is not installed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# The sides' work, beside this script (its folder is first on sys.path when it runs).
from reach_sides import METADATA, run_child_work  # noqa: E402

HERE = Path(__file__).resolve().parent
MAX_RATIO = 2.0
MAX_PEAK_MB = 2048.0
INSTALL = 'pip install -e ".[bench]"'
FORMATS = {
    "utf8": "UTF-8 CSV",
    "cp1252": "Windows-1252 CSV, quoted multi-line answers",
    "xlsx": "XLSX workbook",
}
FLOORS = ("pandas", "pandas-pyarrow", "polars")
LABELS = {
    ("reach", "csv"): "reach (analyse_survey + JSON)",
    ("reach", "xlsx"): "reach (analyse_survey + JSON)",
    ("pandas", "csv"): "pandas read_csv, C engine",
    ("pandas", "xlsx"): "pandas read_excel, calamine",
    ("pandas-pyarrow", "csv"): "pandas read_csv, pyarrow engine",
    ("pandas-pyarrow", "xlsx"): "pandas read_csv, pyarrow engine",
    ("polars", "csv"): "polars read_csv",
    ("polars", "xlsx"): "polars read_excel, calamine",
}


# --- Parent: generate, run the children, judge --------------------------------------


@dataclass(frozen=True)
class BenchFile:
    """One generated export and what every side must find in it."""

    kind: str
    path: Path
    rows: int
    questions: int

    @property
    def family(self) -> str:
        """``xlsx`` or ``csv``, to name the readers."""
        return "xlsx" if self.kind == "xlsx" else "csv"


@dataclass
class Side:
    """The runs of one side on one file."""

    name: str
    seconds: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)
    report: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    not_applicable: str | None = None

    @property
    def measured(self) -> bool:
        """True when every run succeeded and at least one ran."""
        return bool(self.seconds) and self.error is None and self.not_applicable is None

    @property
    def best(self) -> float:
        """Best (least disturbed) time in seconds."""
        return min(self.seconds)

    @property
    def peak(self) -> float:
        """Largest peak memory in MB."""
        return max(self.peaks)


class ChildFailed(Exception):
    """A child process exited with an error."""


def _run_child(side: str, bench: BenchFile) -> tuple[dict[str, Any], float]:
    """Run one measurement in a fresh interpreter; return its report and peak RSS in MB."""
    command = [sys.executable, __file__, "--child", side, bench.kind, str(bench.path)]
    with tempfile.TemporaryFile(mode="w+") as errors:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True)
        assert process.stdout is not None
        output = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            lines = errors.read().strip().splitlines() or ["(no message)"]
            raise ChildFailed(f"exit {process.returncode}: {lines[-1]}")
    peak_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
    return json.loads(output.strip().splitlines()[-1]), peak_mb


def _run_once(side: Side, bench: BenchFile) -> None:
    """Run one side once, recording its time, failure or inapplicability."""
    try:
        report, peak = _run_child(side.name, bench)
    except ChildFailed as failure:
        side.error = str(failure)
        print(f"  {side.name:<15} FAILED ({failure})", flush=True)
        return
    if "not_applicable" in report:
        side.not_applicable = str(report["not_applicable"])
        print(f"  {side.name:<15} not applicable", flush=True)
        return
    side.seconds.append(float(report["seconds"]))
    side.peaks.append(peak)
    side.report = report
    print(f"  {side.name:<15} {side.seconds[-1]:.2f} s, peak {peak:,.0f} MB", flush=True)


def _measure(bench: BenchFile, repeat: int) -> dict[str, Side]:
    """Run every side ``repeat`` times, in turn, so load from elsewhere hits all alike."""
    sides = {name: Side(name) for name in (*FLOORS, "reach")}
    for _ in range(repeat):
        for side in sides.values():
            if side.error is None and side.not_applicable is None:
                _run_once(side, bench)
    return sides


def _agreement(bench: BenchFile, sides: dict[str, Side]) -> list[str]:
    """Problems with what the sides counted; empty when they all agree."""
    problems = []
    for side in sides.values():
        if side.measured and side.report["rows"] != bench.rows:
            problems.append(f"{side.name} counted {side.report['rows']:,} rows, not {bench.rows:,}")
    floors = [sides[name] for name in FLOORS if sides[name].measured]
    for floor in floors:
        if floor.report["columns"] != bench.questions:
            problems.append(
                f"{floor.name} counted {floor.report['columns']} question columns, "
                f"not {bench.questions}"
            )
    answers = {floor.name: floor.report["answers"] for floor in floors}
    if len(set(answers.values())) > 1:
        problems.append("the floors counted different answers: " + json.dumps(answers))
    return problems


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def _print_sides(bench: BenchFile, sides: dict[str, Side]) -> None:
    """One line per side: best time, peak memory and reach's ratio to it."""
    reach = sides["reach"]
    for side in (reach, *(sides[name] for name in FLOORS)):
        label = LABELS[(side.name, bench.family)]
        if side.not_applicable is not None:
            print(f"  {label:<32} not applicable: {side.not_applicable}")
        elif not side.measured:
            print(f"  {label:<32} FAILED: {side.error}")
        else:
            ratio = ""
            if side is not reach and reach.measured:
                ratio = f"   reach / this = {reach.best / side.best:.2f}"
            print(f"  {label:<32} {side.best:6.2f} s, peak {side.peak:6,.0f} MB{ratio}")


def _judge_time(bench: BenchFile, sides: dict[str, Side]) -> tuple[bool, str]:
    """Compare reach with the fastest floor; return the verdict and a summary."""
    reach = sides["reach"]
    floors = [sides[name] for name in FLOORS if sides[name].measured]
    if not reach.measured or not floors:
        print("  FAIL: no ratio (a side failed or no floor could read the file)")
        return False, "no ratio"
    fastest = min(floors, key=lambda floor: floor.best)
    ratio = reach.best / fastest.best
    label = LABELS[(fastest.name, bench.family)]
    ok = ratio <= MAX_RATIO
    print(
        f"  {_verdict(ok)}: ratio to the fastest plain pass ({label}) {ratio:.2f} "
        f"(target <= {MAX_RATIO})"
    )
    pairs = zip(reach.seconds, fastest.seconds, strict=False)
    median = statistics.median(r / f for r, f in pairs)
    print(f"        median of the paired ratios: {median:.2f} (shows load on the machine)")
    return ok, f"{ratio:.2f} x {label}"


def _report(bench: BenchFile, sides: dict[str, Side]) -> tuple[bool, str]:
    """Print the figures and PASS/FAIL lines of one file; return the verdict and a summary."""
    _print_sides(bench, sides)
    time_ok, summary = _judge_time(bench, sides)
    reach = sides["reach"]
    memory_ok = reach.measured and reach.peak < MAX_PEAK_MB
    if reach.measured:
        print(
            f"  {_verdict(memory_ok)}: reach peak memory {reach.peak:,.0f} MB "
            f"(target < {MAX_PEAK_MB:,.0f} MB)"
        )
    failed = [s.name for s in sides.values() if s.error is not None]
    problems = _agreement(bench, sides) + [f"{name} failed" for name in failed]
    for problem in problems:
        print(f"  FAIL: {problem}")
    if not problems:
        print(f"  PASS: every side counted {bench.rows:,} rows; the floors agree on the answers")
    return time_ok and memory_ok and not problems, summary


def _write_export(kind: str, rows: int, path: Path) -> int:
    """Child work: write one export; print the seconds taken and its question columns."""
    sys.path.insert(0, str(HERE))
    import make_large_survey as maker

    started = time.perf_counter()
    maker.WRITERS[kind](rows, path)
    seconds = time.perf_counter() - started
    sample = maker.build(1) if kind == "utf8" else maker.build_with_comments(1)
    questions = len([c for c in sample.columns if c not in METADATA])
    print(json.dumps({"seconds": seconds, "questions": questions}))
    return 0


def _generate(kind: str, rows: int, folder: Path) -> BenchFile:
    """Write one export in a child process, so that this process stays small.

    A child's peak memory as ``os.wait4`` reports it is at least this process's own
    peak at the time it started the child (Linux carries it across ``exec``), so
    the data is never built here.
    """
    suffix = "xlsx" if kind == "xlsx" else "csv"
    path = folder / f"survey_{kind}_{rows}.{suffix}"
    command = [sys.executable, __file__, "--generate", kind, str(rows), str(path)]
    result = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"Writing the {FORMATS[kind]} failed (exit {result.returncode}).")
    written = json.loads(result.stdout.strip().splitlines()[-1])
    size = path.stat().st_size / 1e6
    print(
        f"\n== {FORMATS[kind]}: {rows:,} rows ({size:,.0f} MB, "
        f"written in {written['seconds']:.1f} s) =="
    )
    return BenchFile(kind, path, rows, int(written["questions"]))


def _missing_floors() -> list[str]:
    """The libraries of the floors that are not installed."""
    return [name for name in ("polars", "fastexcel") if importlib.util.find_spec(name) is None]


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark eia reach against plain reads.")
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows of the UTF-8 CSV")
    parser.add_argument("--cp1252-rows", type=int, help="rows of the Windows-1252 CSV")
    parser.add_argument("--xlsx-rows", type=int, default=100_000, help="rows of the workbook")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument(
        "--child", nargs=3, metavar=("SIDE", "KIND", "PATH"), help=argparse.SUPPRESS
    )
    parser.add_argument(
        "--generate", nargs=3, metavar=("KIND", "ROWS", "PATH"), help=argparse.SUPPRESS
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Generate the exports, measure every side on each and print PASS/FAIL."""
    args = _parse(argv)
    if args.child:
        side, kind, path = args.child
        return run_child_work(side, kind, Path(path))
    if args.generate:
        kind, count, path = args.generate
        return _write_export(kind, int(count), Path(path))
    missing = _missing_floors()
    if missing:
        print(f"The benchmark needs {' and '.join(missing)}; install them with: {INSTALL}")
        return 2
    rows = {"utf8": args.rows, "cp1252": args.cp1252_rows or args.rows, "xlsx": args.xlsx_rows}
    folder = Path(tempfile.mkdtemp(prefix="eia-bench-"))
    verdicts = {}
    try:
        for kind, count in rows.items():
            bench = _generate(kind, count, folder)
            verdicts[kind] = _report(bench, _measure(bench, args.repeat))
    finally:
        if args.keep:
            print(f"Kept {folder}")
        else:
            shutil.rmtree(folder)
    print("\nSummary (reach time / fastest plain pass; target <= 2.0, peak < 2 GB):")
    for kind, (ok, summary) in verdicts.items():
        print(f"  {_verdict(ok)}  {FORMATS[kind]:<44} {summary}")
    return 0 if all(ok for ok, _ in verdicts.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
