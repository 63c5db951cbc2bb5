"""What each child process of ``bench_reach.py`` measures: reach, and the plain passes.

Each function runs in a fresh interpreter (``bench_reach.py --child SIDE KIND PATH``)
and reports, as the last line of JSON it prints, the seconds spent in the work (imports
excluded) and what it counted, so that the parent can check the sides agree.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

METADATA = ("Response ID", "Submitted")
PANDAS_ENCODING = {"utf8": "utf-8", "cp1252": "cp1252"}
POLARS_ENCODING = {"utf8": "utf8", "cp1252": "windows-1252"}


class NotApplicable(Exception):
    """The library cannot read this kind of file at all."""


# --- Child work: each function runs in a fresh interpreter --------------------------


def _document_summary(document: Any) -> tuple[str, int]:
    """JSON text (as ``eia reach --format json`` writes it) and respondent count of a result."""
    return document.model_dump_json(indent=2), document.respondents


def _reach(kind: str, path: Path) -> dict[str, Any]:
    """Child work: the reach analysis as ``eia reach`` runs it."""
    from eia_app.domain.limits import SurveyLimits
    from eia_app.services.reach import analyse_survey

    # The full-size files are over the default file-size limit (200 MB): raised to the
    # file's size here, as a council would with EIA_MAX_FILE_BYTES.
    limits = SurveyLimits(max_file_bytes=max(SurveyLimits().max_file_bytes, path.stat().st_size))
    started = time.perf_counter()
    text, respondents = _document_summary(analyse_survey(path, limits=limits))
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "rows": respondents, "bytes": len(text)}


def _pandas_counts(frame: Any) -> dict[str, int]:
    """Count the answers of every question column (blank cells are missing)."""
    counts = [frame[c].value_counts() for c in frame.columns if c not in METADATA]
    return {
        "rows": len(frame),
        "columns": len(counts),
        "answers": int(sum(c.sum() for c in counts)),
    }


def _polars_counts(frame: Any) -> dict[str, int]:
    """Count the answers of every question column, leaving out blanks as pandas does."""
    import polars as pl

    counts = [frame[c].value_counts() for c in frame.columns if c not in METADATA]
    # polars keeps a quoted empty cell as "" and counts nulls: drop both from the counts.
    answered = [c.filter(pl.nth(0).is_not_null() & (pl.nth(0) != "")) for c in counts]
    return {
        "rows": frame.height,
        "columns": len(counts),
        "answers": int(sum(c["count"].sum() for c in answered)),
    }


def _pandas(kind: str, path: Path) -> dict[str, Any]:
    """Child work: pandas with its default readers (C engine; calamine for XLSX)."""
    import pandas as pd

    started = time.perf_counter()
    if kind == "xlsx":
        frame = pd.read_excel(path, engine="calamine")
    else:
        frame = pd.read_csv(path, encoding=PANDAS_ENCODING[kind])
    counted = _pandas_counts(frame)
    return {"seconds": time.perf_counter() - started, **counted}


def _pandas_pyarrow(kind: str, path: Path) -> dict[str, Any]:
    """Child work: pandas ``read_csv(engine="pyarrow")``."""
    import pandas as pd

    if kind == "xlsx":
        raise NotApplicable("the pyarrow engine reads CSV only")
    started = time.perf_counter()
    try:
        frame = pd.read_csv(path, engine="pyarrow", encoding=PANDAS_ENCODING[kind])
    except pd.errors.ParserError as error:
        if "newlines_in_values" not in str(error):
            raise
        first = str(error).split(".")[0]
        raise NotApplicable(
            f"quoted answers hold line breaks; pandas cannot turn on pyarrow's "
            f"newlines_in_values ({first})"
        ) from None
    counted = _pandas_counts(frame)
    return {"seconds": time.perf_counter() - started, **counted}


def _polars(kind: str, path: Path) -> dict[str, Any]:
    """Child work: polars ``read_csv`` (``read_excel`` with calamine for XLSX)."""
    import polars as pl

    started = time.perf_counter()
    if kind == "xlsx":
        frame = pl.read_excel(path, engine="calamine")
    else:
        frame = pl.read_csv(path, encoding=POLARS_ENCODING[kind])
    counted = _polars_counts(frame)
    return {"seconds": time.perf_counter() - started, **counted}


CHILD_WORK = {
    "reach": _reach,
    "pandas": _pandas,
    "pandas-pyarrow": _pandas_pyarrow,
    "polars": _polars,
}


def run_child_work(side: str, kind: str, path: Path) -> int:
    """Run one side's work and print its report as the last line of JSON."""
    try:
        report = CHILD_WORK[side](kind, path)
    except NotApplicable as reason:
        report = {"not_applicable": str(reason)}
    print(json.dumps(report))
    return 0
