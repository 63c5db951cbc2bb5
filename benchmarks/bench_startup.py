"""Benchmark how quickly the ``eia`` command line starts and finishes small jobs.

Usage::

    python benchmarks/bench_startup.py [--repeat 5]

Times, in the same run and best of ``--repeat`` each, as whole processes:
``python -c "import click"`` (the floor: an interpreter and the CLI library),
``eia --help``, ``eia validate`` on the consultation-stage SEND example and
``eia reach`` on the 1,538-row SEND survey. Each is printed beside the floor.
Targets: ``--help`` under 0.5 s, ``validate`` under 1 s, ``reach`` under 1.5 s.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "send_strategy_2024_27"
# As the installed ``eia`` script runs it (``[project.scripts]`` in pyproject.toml).
EIA = [sys.executable, "-c", "from eia_app.cli import run; run()"]
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


def best_time(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{command[3:]} failed: {done.stderr.decode()[-400:]}")
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    floor = None
    ok = True
    for name, (command, target) in RUNS.items():
        seconds = best_time(command, args.repeat)
        floor = seconds if floor is None else floor
        line = f"{name:<30} {seconds:6.2f} s  ({seconds / floor:4.1f} x the floor)"
        if target is not None:
            met = seconds < target
            ok = ok and met
            line += f"  target < {target} s: {'met' if met else 'MISSED'}"
        print(line)
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
