"""Benchmark ``eia export`` of the revised SEND example with all its charts.

Usage::

    python benchmarks/bench_export.py [--assessment FILE] [--previous FILE]
                                      [--reach FILE | --survey FILE] [-o OUT.docx]

One export is run and its own timings are printed: the time spent on charts
(browser start plus every chart, all in one Chromium session) and on the rest
(context, rendering and post-processing). Defaults: the final-stage SEND example
compared with the consultation-stage one; reach results from ``--reach`` (a file
written by ``eia reach --format json``, checked against the schema) or from the
reach engine run on ``--survey`` (by default the example's survey). There is no
stand-in: if the engine or the file fails, the benchmark fails.

Targets: whole export <= 1.5 x chart time + 1 s; each chart < 0.5 s once the
browser is up. A run that drew no chart (no Chromium, say) cannot meet the chart
target: it says so and exits with status 1.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "send_strategy_2024_27"


def load_reach(args: argparse.Namespace) -> tuple[Any, str]:
    from eia_app.services.reach import analyse_survey, read_reach_file

    if args.reach:
        return read_reach_file(Path(args.reach)), str(args.reach)
    survey = Path(args.survey or EXAMPLE / "send_consultation_responses.csv")
    return analyse_survey(survey), str(survey)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--assessment", default=EXAMPLE / "eia_revised_post_consultation.json")
    parser.add_argument("--previous", default=EXAMPLE / "eia_consultation_stage.json")
    parser.add_argument("--reach")
    parser.add_argument("--survey")
    parser.add_argument("-o", "--output", default=None)
    args = parser.parse_args()

    from eia_app.services.assessments import read_assessment_file
    from eia_app.services.export import export_assessment

    assessment = read_assessment_file(Path(args.assessment))
    previous = read_assessment_file(Path(args.previous))
    reach, reach_source = load_reach(args)
    expected = sum(1 for result in reach.characteristics.values() if result.categories)
    started = time.perf_counter()
    result = export_assessment(assessment, reach=reach, previous=previous)
    wall = time.perf_counter() - started
    if args.output:
        Path(args.output).write_bytes(result.docx)

    t = result.timings
    charts, rest = t["charts"], t["total"] - t["charts"]
    per_chart = result.chart_seconds
    print(f"assessment: {args.assessment}\nreach: {reach_source}")
    for warning in result.warnings:
        print(f"warning: {warning}")
    if len(per_chart) < expected:
        print(f"charts: {len(per_chart)} drawn of {expected} expected")
        print("FAIL: not every chart was drawn, so the chart targets cannot be judged.")
        return 1
    slowest = max(per_chart.values())
    print(
        f"charts: {len(per_chart)} in {charts:.2f} s (browser start {t['browser_start']:.2f} s, "
        f"mean {(charts - t['browser_start']) / len(per_chart):.3f} s, "
        f"slowest {slowest:.3f} s)"
    )
    print(f"rest (context, render, post-processing): {rest:.2f} s")
    print(f"total: {t['total']:.2f} s (wall {wall:.2f} s); document {len(result.docx):,} bytes")
    budget = 1.5 * charts + 1.0
    ok_total = t["total"] <= budget
    ok_chart = slowest < 0.5
    print(f"target total <= 1.5 x charts + 1 s = {budget:.2f} s: {'met' if ok_total else 'MISSED'}")
    print(f"target each chart < 0.5 s: {'met' if ok_chart else 'MISSED'}")
    return 0 if ok_total and ok_chart else 1


if __name__ == "__main__":
    sys.exit(main())
