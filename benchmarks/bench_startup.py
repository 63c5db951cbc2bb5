"""Benchmark how quickly the ``eia`` command line starts and finishes small jobs.

Usage::

    python benchmarks/bench_startup.py [--repeat 5]

Times, in the same run and best of ``--repeat`` each, as whole processes:
``python -c "import click"`` (the floor: an interpreter and the CLI library),
``eia --help``, ``eia validate`` on the consultation-stage SEND example and
``eia reach`` on the 1,538-row SEND survey. Each is printed beside the floor, with
its CPU time (user + system, which a busy machine inflates less than the wall
clock). A command that exits with a status other than 0 stops the run: a crash
must not pass for a quick start.
Targets: ``--help`` under 0.5 s, ``validate`` under 1 s, ``reach`` under 1.5 s.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "send_strategy_2024_27"
# As the installed ``eia`` script runs it (``[project.scripts]`` in pyproject.toml).
EIA = [sys.executable, "-c", "from eia_app.cli import run; run()"]
# Name -> (command, target in seconds or None for the floor).
RUNS = {
    "python -c 'import click'": ([sys.executable, "-c", "import click"], None),
    "eia --help": ([*EIA, "--help"], 0.5),
    "eia validate (SEND example)": (
        [*EIA, "validate", str(EXAMPLE / "eia_consultation_stage.json")],
        1.0,
    ),
    "eia reach (1,538 rows)": (
        [*EIA, "reach", str(EXAMPLE / "send_consultation_responses.csv")],
        1.5,
    ),
}


def _cpu_seconds() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def best_time(command: list[str], repeat: int) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds of ``repeat`` runs; any failure stops the run."""
    times, cpu = [], []
    for _ in range(repeat):
        started, cpu_before = time.perf_counter(), _cpu_seconds()
        done = subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
        cpu.append(_cpu_seconds() - cpu_before)
        if done.returncode != 0:
            raise SystemExit(f"{command[3:]} failed: {done.stderr.decode()[-400:]}")
    return min(times), min(cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    floor = None
    ok = True
    for name, (command, target) in RUNS.items():
        seconds, cpu = best_time(command, args.repeat)
        floor = seconds if floor is None else floor
        line = (
            f"{name:<30} {seconds:6.2f} s  ({seconds / floor:4.1f} x the floor, CPU {cpu:4.2f} s)"
        )
        if target is not None:
            met = seconds < target
            ok = ok and met
            line += f"  target < {target} s: {'met' if met else 'MISSED'}"
        print(line)
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
