"""Benchmark ``eia themes`` on 10,000 comments beside the time to read the same file.

Usage::

    python benchmarks/bench_themes.py [--comments 10000] [--repeat 2] [--backend NAME]

Writes a CSV of seeded comments (``eia_app.analysis.themes.synthetic``, five known
themes, Asian respondents raising translation five times as often) with an ethnic-group
column, then times in child processes, imports excluded:

* **themes**: ``analyse_themes(path)`` then the published JSON, as ``eia themes
  --format json`` does apart from printing;
* **read**: pandas ``read_csv`` of the same file (the floor).

Peak memory is each child's maximum resident set size (``os.wait4``). The best time
of ``--repeat`` runs is reported. Targets: themes under 30 s and under 1 GB. The
exit status is 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

MAX_SECONDS = 30.0
MAX_PEAK_MB = 1024.0
ETHNIC = "What is your ethnic group?"
COMMENT = "How would the proposals affect you or your family?"
_ETHNIC_ANSWERS = {
    "asian": "Asian, Asian British or Asian Welsh: Indian",
    "black": "Black, Black British, Black Welsh, Caribbean or African: African",
    "mixed": "Mixed or Multiple ethnic groups: White and Asian",
    "white": "White: English, Welsh, Scottish, Northern Irish or British",
}

_CHILD = {
    "themes": (
        "from pathlib import Path\n"
        "from eia_app.services.themes import analyse_themes, publishable\n"
        "import time, sys, json\n"
        "path = Path(sys.argv[1]); backend = sys.argv[2] or None\n"
        "start = time.perf_counter()\n"
        "result = publishable(analyse_themes(path, backend=backend))\n"
        "text = result.model_dump_json(by_alias=True)\n"
        "seconds = time.perf_counter() - start\n"
        "q = result.questions[0]\n"
        "print(json.dumps({'seconds': seconds, 'themes': len(q.themes), 'comments': q.commenters,"
        " 'embedding': result.embedding}))\n"
    ),
    "read": (
        "import pandas as pd, time, sys, json\n"
        "start = time.perf_counter()\n"
        "frame = pd.read_csv(sys.argv[1], dtype=str)\n"
        "seconds = time.perf_counter() - start\n"
        "print(json.dumps({'seconds': seconds, 'rows': len(frame)}))\n"
    ),
}


def write_survey(path: Path, comments: int) -> None:
    """Write the benchmark's CSV: an id, an ethnic group and one comment per row."""
    import pandas as pd

    from eia_app.analysis.themes.synthetic import make_comments

    rng = np.random.default_rng(10)
    groups = list(rng.choice(list(_ETHNIC_ANSWERS), size=comments, p=[0.1, 0.05, 0.05, 0.8]))
    written = make_comments(10, groups, {"asian": {"translation": 5.0}})
    pd.DataFrame(
        {
            "Response ID": [f"R{i:06d}" for i in range(comments)],
            ETHNIC: [_ETHNIC_ANSWERS[g] for g in groups],
            COMMENT: [c.text for c in written],
        }
    ).to_csv(path, index=False)


def run_child(side: str, path: Path, backend: str) -> tuple[dict, float]:
    """Run one side in a child process; return its report and peak memory in MB."""
    process = subprocess.Popen(
        [sys.executable, "-c", _CHILD[side], str(path), backend],
        stdout=subprocess.PIPE,
        text=True,
    )
    _, status, usage = os.wait4(process.pid, 0)
    out = process.stdout.read() if process.stdout else ""
    if status != 0:
        raise SystemExit(f"{side} failed (status {status})")
    return json.loads(out.strip().splitlines()[-1]), usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--backend", default="", help="wordllama or tfidf-svd (default: best)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "comments.csv"
        started = time.perf_counter()
        write_survey(path, args.comments)
        print(f"wrote {args.comments:,} comments in {time.perf_counter() - started:.1f} s "
              f"({path.stat().st_size / 1e6:.1f} MB)")  # fmt: skip
        best: dict[str, tuple[dict, float]] = {}
        for _ in range(args.repeat):
            for side in ("read", "themes"):
                report, peak = run_child(side, path, args.backend)
                if side not in best or report["seconds"] < best[side][0]["seconds"]:
                    best[side] = (report, max(peak, best.get(side, (None, 0.0))[1]))
    (themes, themes_peak), (read, read_peak) = best["themes"], best["read"]
    print(f"read (pandas):  {read['seconds']:7.2f} s   peak {read_peak:7.0f} MB")
    print(f"themes:         {themes['seconds']:7.2f} s   peak {themes_peak:7.0f} MB   "
          f"({themes['themes']} themes of {themes['comments']:,} comments, "
          f"{themes['embedding']})")  # fmt: skip
    print(f"themes / read:  {themes['seconds'] / read['seconds']:7.1f} x")
    ok = themes["seconds"] < MAX_SECONDS and themes_peak < MAX_PEAK_MB
    print(f"targets (< {MAX_SECONDS:.0f} s, < {MAX_PEAK_MB:.0f} MB): {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
