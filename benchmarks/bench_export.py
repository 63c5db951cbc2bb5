"""Benchmark ``eia export`` of the revised SEND example with all its charts.

Usage::

    python benchmarks/bench_export.py [--assessment FILE] [--previous FILE]
                                      [--reach FILE | --survey FILE] [-o OUT.docx]

One export is run and its own timings are printed: the time spent on charts
(browser start plus every chart, all in one Chromium session) and on the rest
(context, rendering and post-processing). Defaults: the final-stage SEND example
if it exists (else the consultation-stage one), compared with the
consultation-stage example; reach results from ``--reach`` (saved JSON), else
from analysing the example's survey if the reach engine is installed, else a
synthetic result with one chart per registry group that has answer categories.

Targets: whole export <= 1.5 x chart time + 1 s; each chart < 0.5 s once the
browser is up.
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "send_strategy_2024_27"


def synthetic_reach() -> dict[str, Any]:
    """One characteristic per registry group with categories, with a suppressed cell each."""
    from eia_app.services.reference import get_registry

    characteristics = {}
    for group in get_registry().groups:
        if len(group.categories) < 2:
            continue
        n = len(group.categories)
        categories = []
        for index, category in enumerate(group.categories):
            count = 3 if index == n - 1 else 40 + 25 * (n - index)
            categories.append((category, count))
        answered = sum(count for _, count in categories)
        rows = [_category(c, count, answered, 1 / n) for c, count in categories]
        characteristics[group.id] = {
            "question": f"{group.label}?",
            "answered": answered,
            "prefer_not_to_say": 7,
            "not_answered": 4,
            "unrecognised": {},
            "categories": rows,
            "detail": [],
            "test": {"chi2": 12.3, "df": n - 1, "p_value": 0.01},
        }
    return {
        "schema": "eia.reach/1",
        "respondents": 1000,
        "source": {"file": "synthetic", "layout": "wide", "encoding": "utf-8", "sheet": None},
        "baseline": {"id": "synthetic", "label": "Synthetic even split", "universe": "all"},
        "min_count": 5,
        "thresholds": {"rr_under": 0.8, "rr_over": 1.25, "min_gap_pp": 2},
        "characteristics": characteristics,
    }


def _category(category: Any, count: int, answered: int, baseline: float) -> dict[str, Any]:
    if count < 5:
        return {
            "id": category.id,
            "label": category.label,
            "count": None,
            "share": None,
            "ci_low": None,
            "ci_high": None,
            "baseline_share": baseline,
            "ratio": None,
            "gap_pp": None,
            "needed_for_parity": None,
            "flag": None,
            "suppressed": True,
        }
    share = count / answered
    half = 1.96 * math.sqrt(share * (1 - share) / answered)
    ratio = share / baseline
    flag = "under" if ratio < 0.8 else "over" if ratio > 1.25 else None
    return {
        "id": category.id,
        "label": category.label,
        "count": count,
        "share": share,
        "ci_low": max(0.0, share - half),
        "ci_high": min(1.0, share + half),
        "baseline_share": baseline,
        "ratio": ratio,
        "gap_pp": (share - baseline) * 100,
        "needed_for_parity": None,
        "flag": flag,
        "suppressed": False,
    }


def load_reach(args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    if args.reach:
        return json.loads(Path(args.reach).read_text(encoding="utf-8")), str(args.reach)
    survey = Path(args.survey or EXAMPLE / "send_consultation_responses.csv")
    try:
        analyse = importlib.import_module("eia_app.services.reach").analyse_survey
    except (ImportError, AttributeError):
        return synthetic_reach(), "synthetic (reach engine not installed)"
    return analyse(survey, baseline=None), str(survey)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    final = EXAMPLE / "eia_revised_post_consultation.json"
    consultation = EXAMPLE / "eia_consultation_stage.json"
    parser.add_argument("--assessment", default=final if final.exists() else consultation)
    parser.add_argument("--previous", default=consultation)
    parser.add_argument("--reach")
    parser.add_argument("--survey")
    parser.add_argument("-o", "--output", default=None)
    args = parser.parse_args()

    from eia_app.services.assessments import read_assessment_file
    from eia_app.services.export import export_assessment

    assessment = read_assessment_file(Path(args.assessment))
    previous = read_assessment_file(Path(args.previous))
    reach, reach_source = load_reach(args)
    started = time.perf_counter()
    result = export_assessment(assessment, reach=reach, previous=previous)
    wall = time.perf_counter() - started
    if args.output:
        Path(args.output).write_bytes(result.docx)

    t = result.timings
    charts, rest = t["charts"], t["total"] - t["charts"]
    per_chart = result.chart_seconds
    slowest = max(per_chart.values(), default=0.0)
    print(f"assessment: {args.assessment}\nreach: {reach_source}")
    for warning in result.warnings:
        print(f"warning: {warning}")
    print(
        f"charts: {len(per_chart)} in {charts:.2f} s (browser start {t['browser_start']:.2f} s, "
        f"mean {(charts - t['browser_start']) / max(len(per_chart), 1):.3f} s, "
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
