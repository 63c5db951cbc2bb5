"""Reading baseline files: the shipped catalogue and data files, and councils' own CSV files."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from eia_app.domain.errors import EIAError

Describe = Callable[[str, str], tuple[str, str, str]]

REQUIRED_COLUMNS = ("characteristic", "category_id", "count")
# Rows that are not substantive answers; shares are of substantive answers only.
EXCLUDED_CATEGORIES = frozenset(
    {"not_answered", "does_not_apply", "prefer_not_to_say", "not_stated", "unknown"}
)
UNIVERSE_LABELS = {
    "all": "all usual residents",
    "16+": "usual residents aged 16 and over",
    "18+": "usual residents aged 18 and over",
}


class BaselineError(EIAError):
    """A baseline is unknown or its file cannot be used; the message says how to fix it."""


@dataclass(frozen=True)
class BaselineTable:
    """Counts of one characteristic in one universe.

    Attributes:
        characteristic: Registry id, for example ``sex`` or ``race_detail``.
        universe: Universe key: ``all``, ``16+``, ``ehcp`` or a custom key.
        universe_label: The universe in words, for example "usual residents aged 16 and over".
        source: Citation of the source table.
        caveat: What to bear in mind when comparing with it ("" if nothing).
        counts: Count per category id (substantive answers only).
    """

    characteristic: str
    universe: str
    universe_label: str
    source: str
    caveat: str
    counts: Mapping[str, int]

    @property
    def total(self) -> int:
        """All people counted in the table."""
        return sum(self.counts.values())


@dataclass(frozen=True)
class BaselineInfo:
    """One entry of the shipped catalogue.

    Attributes:
        id: Baseline id, for example ``census2021-e10000018``.
        label: Name to show.
        area_code: ONS area code.
        area_name: Area name.
        level: ``ltla``, ``utla``, ``unitary``, ``unitary-2023``, ``region``,
            ``country`` or ``cohort``.
        file: Data file, relative to the baselines folder.
        tables: (characteristic, universe) pairs the file holds.
        caveats: Caveats for the whole baseline.
        universes: The universes in words, with the characteristics in each.
        source: Short citations of the source tables (full ones in ``sources.csv``).
    """

    id: str
    label: str
    area_code: str
    area_name: str
    level: str
    file: str
    tables: tuple[tuple[str, str], ...]
    caveats: tuple[str, ...]
    universes: str = ""
    source: str = ""

    @property
    def characteristics(self) -> tuple[str, ...]:
        """Characteristics the baseline has figures for."""
        return tuple(dict.fromkeys(c for c, _ in self.tables))


def _read_rows(path: Path) -> list[dict[str, str]]:
    """Read a CSV file as dicts, turning read errors into a BaselineError."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise BaselineError(
            f"Baseline file {path.name} could not be read ({error}): save it as a UTF-8 CSV."
        ) from error


@cache
def load_catalogue(folder: Path) -> tuple[BaselineInfo, ...]:
    """Read ``catalogue.csv`` of the shipped baselines (once)."""
    path = folder / "catalogue.csv"
    if not path.is_file():
        raise BaselineError(
            f"Baseline catalogue {path.name} is missing: run build_baselines.py with the "
            "reference baselines folder."
        )
    return tuple(_info(row) for row in _read_rows(path))


def _info(row: Mapping[str, str]) -> BaselineInfo:
    """Turn one catalogue row into a BaselineInfo."""
    tables = tuple((c, u) for c, _, u in (t.partition("@") for t in row["tables"].split(";") if t))
    caveats = tuple(c.strip() for c in row["caveats"].split(" | ") if c.strip())
    return BaselineInfo(
        row["baseline_id"],
        row["label"],
        row["area_code"],
        row["area_name"],
        row["level"],
        row["file"],
        tables,
        caveats,
        row.get("universes", ""),
        row.get("source", ""),
    )


@cache
def load_sources(folder: Path) -> dict[tuple[str, str], dict[str, str]]:
    """Read ``sources.csv``: citation, universe label and caveat per (source, universe)."""
    return {(r["source"], r["universe"]): r for r in _read_rows(folder / "sources.csv")}


def read_shipped_file(folder: Path, info: BaselineInfo) -> dict[tuple[str, str], BaselineTable]:
    """Read one shipped data file into tables keyed by (characteristic, universe)."""
    sources = load_sources(folder)
    rows = _read_rows(folder / info.file)

    def describe(source: str, universe: str) -> tuple[str, str, str]:
        meta = sources.get((source, universe), {})
        label = meta.get("universe_label") or UNIVERSE_LABELS.get(universe, universe)
        return label, meta.get("citation", source), meta.get("caveat", "")

    return _tables(rows, describe, info.file)


def read_custom_file(path: Path) -> tuple[dict[str, str], dict[tuple[str, str], BaselineTable]]:
    """Read a council's own baseline CSV (columns documented in the baselines README).

    Returns:
        The baseline's metadata (id, label, area_code, area_name, caveat) and its tables.

    Raises:
        BaselineError: If a required column is missing, a count is not a whole
            number, or a category appears twice.
    """
    rows = _read_rows(path)
    columns = set(rows[0]) if rows else set()
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise BaselineError(
            f"Baseline file {path.name} needs the columns {', '.join(REQUIRED_COLUMNS)}: "
            f"add {', '.join(missing)} (one row per category)."
        )

    def describe(source: str, universe: str) -> tuple[str, str, str]:
        row = next(r for r in rows if (r.get("universe") or "all") == universe)
        label = row.get("universe_label") or UNIVERSE_LABELS.get(universe, universe)
        return label, source or f"council file {path.name}", row.get("caveat") or ""

    for row in rows:
        row.setdefault("universe", "all")
        row["universe"] = row["universe"] or "all"
    tables = _tables(rows, describe, path.name)
    return _custom_meta(path, rows), tables


def _custom_meta(path: Path, rows: list[dict[str, str]]) -> dict[str, str]:
    """Take the baseline's metadata from the first non-empty value of each column."""

    def first(column: str, default: str) -> str:
        return next((r[column] for r in rows if r.get(column)), default)

    return {
        "id": first("baseline_id", path.stem),
        "label": first("baseline_label", f"Council baseline: {path.stem}"),
        "area_code": first("area_code", ""),
        "area_name": first("area_name", ""),
        "caveat": first("baseline_caveat", ""),
    }


def _count(value: str, name: str, row: Mapping[str, str], line: int) -> int:
    """Read a count, which must be a whole number of people, at least 0."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = -1.0
    if number < 0 or not number.is_integer():
        raise BaselineError(
            f"Baseline file {name}, row {line}, column count: {value!r} for "
            f"{row.get('characteristic')}/{row.get('category_id')} is not a whole number "
            "of people; correct it."
        )
    return int(number)


def _tables(
    rows: Iterable[Mapping[str, str]], describe: Describe, name: str
) -> dict[tuple[str, str], BaselineTable]:
    """Group rows into BaselineTable objects keyed by (characteristic, universe)."""
    counts: dict[tuple[str, str], dict[str, int]] = {}
    sources: dict[tuple[str, str], str] = {}
    first_seen: dict[tuple[str, str, str], int] = {}
    # Row numbers as a spreadsheet shows them: the header is row 1.
    for line, row in enumerate(rows, start=2):
        key = ((row["characteristic"] or "").strip(), (row["universe"] or "").strip())
        category = (row["category_id"] or "").strip()
        if category in EXCLUDED_CATEGORIES:
            continue
        table = counts.setdefault(key, {})
        if category in table:
            raise BaselineError(
                f"Baseline file {name}, row {line}, column category_id: {key[0]}/{category} "
                f"appears twice (first on row {first_seen[(*key, category)]}); keep one row."
            )
        first_seen[(*key, category)] = line
        table[category] = _count(row["count"], name, row, line)
        sources.setdefault(key, (row.get("source") or "").strip())
    return {
        key: BaselineTable(key[0], key[1], *describe(sources[key], key[1]), counts[key])
        for key in counts
    }
