"""Write a large synthetic consultation export for benchmarking: ``make_large_survey.py N OUT``.

The questions and answer options are those of the SEND strategy example
(``examples/send_strategy_2024_27``), so recognition works as it does there, but
each answer is drawn independently from fixed shares, which keeps generation
vectorised: one million rows take a few seconds. Every row is invented.

Three formats (``--format``):

* ``utf8`` (the default): UTF-8 CSV with a byte order mark, one line per row;
* ``cp1252``: Windows-1252 CSV, as Excel on a UK PC saves it, with a free-text
  comment column whose answers hold commas, curly quotes, "£", accents and line
  breaks inside quotes; it makes the reader detect the encoding and parse quotes
  across lines (the careful path);
* ``xlsx``: an Excel workbook with the same columns as ``cp1252``.

Do not commit the output; write it to a temporary folder or ``benchmarks/output/``
(git-ignored).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path
from types import ModuleType

import numpy as np
import pandas as pd

EXAMPLE = (
    Path(__file__).resolve().parents[1]
    / "examples"
    / "send_strategy_2024_27"
    / "make_synthetic_survey.py"
)
DEFAULT_ROWS = 1_000_000
SEED = 2025
BLANK_SHARE = 3.0
COMMENT_SHARE = 0.4
CHUNK_ROWS = 100_000
FORMATS = ("utf8", "cp1252", "xlsx")
# Free-text answers in Windows-1252: curly quotes, dashes, "£", accents, line breaks.
COMMENTS = (
    "Waiting times for assessments are far too long \u2013 18 months for us.",
    "We\u2019ve paid \u00a3450 for a private assessment; that isn\u2019t fair.",
    "The \u201cLocal Offer\u201d page is hard to find.\nPlease make it clearer.",
    "Transport to specialist provision is a real worry\u2026\nIt costs us \u00a360 a week.",
    "Our caf\u00e9 group of parents, carers and grandparents met twice \u2014 see below.",
    "Annual reviews are often late, so plans are out of date.\r\nPlease fix this first.",
    "Information should be translated (Polish, Urdu, Gujarati, Fran\u00e7ais).",
    "I agree with the principles, but where is the \u20ac/\u00a3 funding?",
)


def _example() -> ModuleType:
    """Load the example generator, the single source of question wording and options."""
    spec = importlib.util.spec_from_file_location("send_example", EXAMPLE)
    if spec is None or spec.loader is None:
        raise SystemExit(f"Cannot load the example generator {EXAMPLE.name}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _mean_shares(shares_by_type: dict, type_shares: dict) -> np.ndarray:
    """Shares averaged over respondent types, weighted by how common each type is."""
    total = np.zeros(len(next(iter(shares_by_type.values()))))
    for kind, weights in shares_by_type.items():
        values = np.asarray(tuple(weights.values()) if isinstance(weights, dict) else weights)
        total += type_shares[kind] * values / values.sum()
    return total


def _column(rng: np.random.Generator, options, weights, size: int) -> pd.Categorical:
    """Draw answers as a categorical (fast to write); a blank is one of the options."""
    labels = [*options, ""]
    p = np.append(np.asarray(weights, dtype=float) / np.sum(weights) * 100, BLANK_SHARE)
    codes = rng.choice(len(labels), size=size, p=p / p.sum())
    return pd.Categorical.from_codes(codes, categories=labels)


def _with_variants(shares: dict, variants: dict[str, tuple[str, float]]) -> dict:
    """Add typing variants of some answers, each taking a small share of the original."""
    out = dict(shares)
    for variant, (answer, fraction) in variants.items():
        out[variant] = out[answer] * fraction
        out[answer] -= out[variant]
    return out


def _characteristics(ex: ModuleType, rng: np.random.Generator, n: int) -> dict:
    """All equality monitoring columns, the second disability part only after a Yes."""
    sex_mean = _mean_shares(ex.SEX_SHARES, ex.TYPES)
    sex_shares = dict(zip(("Female", "Male", ex.PNTS), sex_mean, strict=True))
    sex = _with_variants(sex_shares, {"female": ("Female", 0.01), "Male ": ("Male", 0.02)})
    orientation = _with_variants(
        ex.ORIENTATION_SHARES, {"Straight": ("Straight/Heterosexual", 0.02)}
    )
    yes = sum(ex.TYPES[k] * v for k, v in ex.DISABILITY_YES.items())
    carer = sum(ex.TYPES[k] * v for k, v in ex.CARER_YES.items())
    first = _column(rng, ("Yes", "No", ex.PNTS), (yes * 95, (1 - yes) * 95, 5), n)
    second = _column(rng, tuple(ex.LIMITATION_SHARES), tuple(ex.LIMITATION_SHARES.values()), n)
    second[np.asarray(first) != "Yes"] = ""
    return {
        ex.AGE_QUESTION: _column(rng, ex.AGE_BANDS, _mean_shares(ex.AGE_SHARES, ex.TYPES), n),
        ex.SEX_QUESTION: _column(rng, tuple(sex), tuple(sex.values()), n),
        ex.GENDER_QUESTION: _column(
            rng, tuple(ex.GENDER_SHARES), tuple(ex.GENDER_SHARES.values()), n
        ),
        ex.ORIENTATION_QUESTION: _column(rng, tuple(orientation), tuple(orientation.values()), n),
        ex.DISABILITY_QUESTION: first,
        ex.LIMITATION_QUESTION: second,
        ex.ETHNIC_QUESTION: _column(
            rng, tuple(ex.ETHNIC_SHARES), tuple(ex.ETHNIC_SHARES.values()), n
        ),
        ex.RELIGION_QUESTION: _column(
            rng, tuple(ex.RELIGION_SHARES), tuple(ex.RELIGION_SHARES.values()), n
        ),
        ex.MARITAL_QUESTION: _column(rng, ex.MARITAL_OPTIONS, ex.MARITAL_ADULT, n),
        ex.PREGNANCY_QUESTION: _column(rng, ("Yes", "No", ex.PNTS), (2, 94, 4), n),
        ex.CARER_QUESTION: _column(
            rng, ("Yes", "No", ex.PNTS), (carer * 97, (1 - carer) * 97, 3), n
        ),
        ex.FORCES_QUESTION: _column(
            rng, tuple(ex.FORCES_SHARES), tuple(ex.FORCES_SHARES.values()), n
        ),
    }


def build(rows: int, seed: int = SEED) -> pd.DataFrame:
    """Build a synthetic export of ``rows`` responses.

    Args:
        rows: Number of responses.
        seed: Seed for ``numpy.random.default_rng``.

    Returns:
        A frame of categorical columns in questionnaire order.
    """
    ex = _example()
    rng = np.random.default_rng(seed)
    ids = pd.Series(np.arange(1, rows + 1)).map("ANON-{:08d}".format)
    seconds = np.sort(rng.integers(0, int((ex.CLOSES - ex.OPENS).total_seconds()), rows))
    submitted = (ex.OPENS + pd.to_timedelta(seconds, unit="s")).strftime("%Y-%m-%d %H:%M:%S")
    opinions = {
        question: _column(rng, ex.AGREE, _mean_shares(ex.OPINION_SHARES[key], ex.TYPES), rows)
        for key, question in ex.OPINIONS.items()
    }
    return pd.DataFrame(
        {
            "Response ID": ids,
            "Submitted": submitted,
            ex.TYPE_QUESTION: _column(rng, tuple(ex.TYPES), tuple(ex.TYPES.values()), rows),
            **opinions,
            **_characteristics(ex, rng, rows),
        }
    )


def _comments(rng: np.random.Generator, size: int) -> pd.Categorical:
    """Draw free-text comments; a share of respondents leave the box blank."""
    labels = ["", *COMMENTS]
    p = np.append(1 - COMMENT_SHARE, np.full(len(COMMENTS), COMMENT_SHARE / len(COMMENTS)))
    return pd.Categorical.from_codes(rng.choice(len(labels), size=size, p=p), categories=labels)


def build_with_comments(rows: int, seed: int = SEED) -> pd.DataFrame:
    """Build the export of :func:`build` with a free-text comment column added.

    Args:
        rows: Number of responses.
        seed: Seed for ``numpy.random.default_rng``.

    Returns:
        A frame of categorical columns; the comment column follows the opinions,
        as in the SEND example.
    """
    ex = _example()
    frame = build(rows, seed)
    position = 3 + len(ex.OPINIONS)
    frame.insert(position, ex.COMMENT_QUESTION, _comments(np.random.default_rng(seed + 1), rows))
    return frame


def _csv_bytes(frame: pd.DataFrame, header: bool) -> bytes:
    """Write a frame as UTF-8 CSV bytes with pyarrow, quoting text cells."""
    import pyarrow as pa
    import pyarrow.csv as pa_csv

    table = pa.Table.from_pandas(frame, preserve_index=False)
    table = table.cast(pa.schema([pa.field(name, pa.string()) for name in table.column_names]))
    sink = pa.BufferOutputStream()
    options = pa_csv.WriteOptions(include_header=header, quoting_style="needed")
    pa_csv.write_csv(table, sink, write_options=options)
    return sink.getvalue().to_pybytes()


def write_cp1252(rows: int, out: Path) -> Path:
    """Generate and write the export with comments as Windows-1252 CSV.

    The rows are written in chunks, each turned from UTF-8 into Windows-1252, so
    memory stays small.

    Args:
        rows: Number of responses.
        out: Output file.

    Returns:
        The path written.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    frame = build_with_comments(rows)
    with out.open("wb") as handle:
        for start in range(0, max(rows, 1), CHUNK_ROWS):
            chunk = _csv_bytes(frame.iloc[start : start + CHUNK_ROWS], header=start == 0)
            handle.write(chunk.decode("utf-8").encode("cp1252"))
    return out


def write_xlsx(rows: int, out: Path) -> Path:
    """Generate and write the export with comments as an Excel workbook.

    openpyxl writes it in write-only mode (streamed); blank answers are empty cells.

    Args:
        rows: Number of responses.
        out: Output file.

    Returns:
        The path written.
    """
    from openpyxl import Workbook

    out.parent.mkdir(parents=True, exist_ok=True)
    frame = build_with_comments(rows)
    columns = []
    for name in frame.columns:
        values = np.asarray(frame[name], dtype=object)
        values[values == ""] = None
        columns.append(values)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Responses")
    sheet.append(list(frame.columns))
    for row in zip(*columns, strict=True):
        sheet.append(row)
    workbook.save(out)
    return out


def write(rows: int, out: Path) -> Path:
    """Generate and write the export as UTF-8 CSV with a byte order mark.

    Args:
        rows: Number of responses.
        out: Output file.

    Returns:
        The path written.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    frame = build(rows)
    try:
        import pyarrow as pa
        import pyarrow.csv as pa_csv
    except ImportError:  # pragma: no cover - pandas alone is about four times slower
        frame.to_csv(out, index=False, encoding="utf-8-sig")
        return out
    table = pa.Table.from_pandas(frame, preserve_index=False)
    table = table.cast(pa.schema([pa.field(name, pa.string()) for name in table.column_names]))
    with out.open("wb") as handle:
        handle.write(b"\xef\xbb\xbf")
        pa_csv.write_csv(table, handle, write_options=pa_csv.WriteOptions(quoting_style="needed"))
    return out


WRITERS = {"utf8": write, "cp1252": write_cp1252, "xlsx": write_xlsx}


def main(argv: list[str] | None = None) -> None:
    """Parse ``N OUT`` and write the file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", nargs="?", type=int, default=DEFAULT_ROWS)
    parser.add_argument("out", nargs="?", type=Path, default=Path("benchmarks/output/large.csv"))
    parser.add_argument("--format", choices=FORMATS, default="utf8", help="file format")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    path = WRITERS[args.format](args.rows, args.out)
    size = path.stat().st_size / 1e6
    took = time.perf_counter() - started
    print(f"Wrote {args.rows:,} rows ({size:,.0f} MB) to {path} in {took:.1f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
