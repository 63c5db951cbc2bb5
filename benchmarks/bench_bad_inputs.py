"""Benchmark the bad-input corpus: every case through ``eia reach`` in one child process.

Usage::

    python benchmarks/bench_bad_inputs.py

The corpus (``tests/data/bad_inputs/make_bad_inputs.py``) is written to a temporary
folder; one child process then runs ``eia reach`` on every file through the real
entry point and reports the seconds spent; the peak memory is the child's maximum
resident set size, read with ``os.wait4``. Targets: the whole corpus in under 60
seconds and under 1 GB. The exit status is 1 when a target is missed or a case
ends in a traceback.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_SECONDS = 60.0
MAX_BYTES = 1_000_000_000

CHILD = """
import json, sys, time
from pathlib import Path
from click.testing import CliRunner
from eia_app.cli.app import main
from tests.survey.test_bad_inputs import CASES

folder = Path(sys.argv[1])
tracebacks = []
started = time.perf_counter()
for name, (_, _, env) in CASES.items():
    with CliRunner().isolation(env=env) as (out, err, *_):
        try:
            main(["reach", str(folder / name)])
        except SystemExit:
            pass
    if "Traceback" in out.getvalue().decode() + err.getvalue().decode():
        tracebacks.append(name)
print(json.dumps({"seconds": time.perf_counter() - started, "cases": len(CASES),
                  "tracebacks": tracebacks}))
"""


def main() -> int:
    """Run the benchmark and print the verdict; returns the exit status."""
    sys.path.insert(0, str(ROOT))
    from tests.data.bad_inputs.make_bad_inputs import make_bad_inputs

    with tempfile.TemporaryDirectory() as folder:
        make_bad_inputs(Path(folder))
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, folder], stdout=subprocess.PIPE, cwd=ROOT, env=env
        )
        assert child.stdout is not None
        output = child.stdout.read()
        _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        print(f"FAIL: the child process ended with status {status}")
        return 1
    report = json.loads(output.decode().strip().splitlines()[-1])
    peak = usage.ru_maxrss * 1024  # kilobytes on Linux
    ok = report["seconds"] < MAX_SECONDS and peak < MAX_BYTES and not report["tracebacks"]
    print(
        f"{report['cases']} cases in {report['seconds']:.1f} s (target < {MAX_SECONDS:.0f} s), "
        f"peak RSS {peak / 1e6:.0f} MB (target < {MAX_BYTES / 1e6:.0f} MB), "
        f"tracebacks: {report['tracebacks'] or 'none'}: {'PASS' if ok else 'FAIL'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
