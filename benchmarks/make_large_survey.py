"""Write a large synthetic consultation export for benchmarking: ``make_large_survey.py N OUT``.

The questions and answer options are those of the SEND strategy example
(``examples/send_strategy_2024_27``), so recognition works as it does there, but
each answer is drawn independently from fixed shares, which keeps generation
vectorised: one million rows take a few seconds. Every row is invented.

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


def main(argv: list[str] | None = None) -> None:
    """Parse ``N OUT`` and write the file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", nargs="?", type=int, default=DEFAULT_ROWS)
    parser.add_argument("out", nargs="?", type=Path, default=Path("benchmarks/output/large.csv"))
    args = parser.parse_args(argv)
    started = time.perf_counter()
    path = write(args.rows, args.out)
    size = path.stat().st_size / 1e6
    took = time.perf_counter() - started
    print(f"Wrote {args.rows:,} rows ({size:,.0f} MB) to {path} in {took:.1f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
