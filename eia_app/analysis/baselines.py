"""Population baselines: the shipped Census 2021 and DfE EHC plan figures, or a council's own file.

Each baseline holds one or more tables per characteristic, each for one universe
(``all`` usual residents, residents aged ``16+``, or a cohort such as ``ehcp``).
Counts exclude "not answered" and "does not apply", so every share is a share of
substantive answers. Files are read lazily, once, and cached.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from eia_app.analysis.age_bands import AgeRegrouping, regroup_counts, youngest_age
from eia_app.analysis.baseline_files import (
    BaselineError,
    BaselineInfo,
    BaselineTable,
    load_catalogue,
    read_custom_file,
    read_shipped_file,
)

__all__ = [
    "DEFAULT_BASELINE_ID",
    "Baseline",
    "BaselineError",
    "BaselineInfo",
    "BaselineLibrary",
    "BaselineTable",
    "match_universe",
    "read_council_baseline",
    "regroup_age",
]

DEFAULT_BASELINE_ID = "census2021-e10000018"
ADULT_AGE = 16
_PREFERENCE = {"16+": ("16+", "all"), "all": ("all", "16+")}


@dataclass(frozen=True)
class Baseline:
    """A population to compare respondents with.

    Attributes:
        id: Baseline id, for example ``census2021-e10000018``.
        label: Name to show, for example "Leicestershire: Census 2021".
        level: ``ltla``, ``utla``, ``unitary``, ``unitary-2023``, ``region``, ``country``,
            ``cohort`` or ``custom``.
        area_code: ONS area code ("" for a custom file without one).
        area_name: Area name.
        caveats: Caveats that apply to the whole baseline.
        tables: Tables keyed by (characteristic, universe).
    """

    id: str
    label: str
    level: str
    area_code: str
    area_name: str
    caveats: tuple[str, ...]
    tables: Mapping[tuple[str, str], BaselineTable] = field(repr=False)

    @property
    def source(self) -> str:
        """Every distinct source citation, joined by "; "."""
        return "; ".join(dict.fromkeys(t.source for t in self.tables.values()))

    @property
    def characteristics(self) -> tuple[str, ...]:
        """Characteristics with at least one table."""
        return tuple(dict.fromkeys(c for c, _ in self.tables))

    @property
    def universes(self) -> dict[str, str]:
        """Universe (in words) of the default table of each characteristic."""
        return {c: self.table(c).universe_label for c in self.characteristics}  # type: ignore[union-attr]

    def table(self, characteristic: str, universe: str | None = None) -> BaselineTable | None:
        """Return the table to compare with, preferring the given universe.

        Args:
            characteristic: Registry id.
            universe: ``16+`` to prefer adult tables, ``all`` (or None) to prefer
                all-ages tables; any other table of the characteristic is the fallback.

        Returns:
            The table, or None when the baseline has nothing for the characteristic.
        """
        order = _PREFERENCE.get(universe or "all", (universe or "all",))
        for key in order:
            if (characteristic, key) in self.tables:
                return self.tables[(characteristic, key)]
        return next((t for (c, _), t in self.tables.items() if c == characteristic), None)

    def counts(self, characteristic: str, universe: str | None = None) -> dict[str, int] | None:
        """Return the counts of a characteristic's table (None if there is none)."""
        table = self.table(characteristic, universe)
        return dict(table.counts) if table else None

    def shares(
        self,
        characteristic: str,
        category_ids: Sequence[str] | None = None,
        *,
        universe: str | None = None,
    ) -> dict[str, float] | None:
        """Return population shares for the requested categories.

        Shares are of everyone in the table (substantive answers), so a survey that
        offers fewer categories is not inflated; the chi-square test renormalises
        over the categories it compares. Race detail ids (``white_british``) are
        looked up in the ``race_detail`` table. Age ids are survey bands, regrouped
        with :func:`regroup_age` over the ages the bands cover.

        Args:
            characteristic: Registry id.
            category_ids: Categories wanted; None for all of the table's categories.
            universe: Preferred universe (see :meth:`table`).

        Returns:
            Share per category id the baseline has (others are left out), or None
            when the baseline has no table for the characteristic.
        """
        table = self.table(characteristic, universe)
        if table is None:
            return None
        if characteristic == "age" and category_ids is not None:
            return regroup_counts(table.counts, category_ids).shares
        # Detail shares only from a table of the same universe, never mixed.
        detail = self.tables.get((f"{characteristic}_detail", table.universe))
        wanted = list(table.counts) if category_ids is None else list(category_ids)
        shares: dict[str, float] = {}
        for category in wanted:
            for source in (table, detail):
                if source is not None and category in source.counts and source.total:
                    shares[category] = source.counts[category] / source.total
                    break
        return shares

    def universe_label(self, characteristic: str, universe: str | None = None) -> str | None:
        """Return the universe in words of the table used for a characteristic."""
        table = self.table(characteristic, universe)
        return table.universe_label if table else None


@dataclass(frozen=True)
class BaselineLibrary:
    """The shipped baselines of one folder (the ``baselines_dir`` setting), and own files.

    Attributes:
        folder: Folder holding ``catalogue.csv`` and the baseline files.
    """

    folder: Path

    def catalogue(self) -> list[BaselineInfo]:
        """Return every shipped baseline, in catalogue order."""
        return list(load_catalogue(self.folder))

    def find(self, query: str) -> list[BaselineInfo]:
        """Find shipped baselines by id, area code or name (case-insensitive).

        Args:
            query: For example "leicestershire", "E10000018" or "Rutland".

        Returns:
            Matches, best first: exact id or code, exact name, name starting with the
            query, then any field containing it.
        """
        text = query.strip().casefold()
        if not text:
            return []
        ranked = [
            (r, i, info)
            for i, info in enumerate(self.catalogue())
            if (r := _rank(text, info)) is not None
        ]
        return [info for _, _, info in sorted(ranked, key=lambda t: (t[0], t[1]))]

    def load(self, id_or_path: str | Path) -> Baseline:
        """Load a shipped baseline by id (or area code), or a council's own file by path.

        Args:
            id_or_path: A baseline id such as ``census2021-e10000018``, an area code
                such as ``E10000018``, or the path of a CSV file (see the baselines README).

        Returns:
            The baseline (cached: loading it again is free).

        Raises:
            BaselineError: If the id is unknown or the file cannot be used.
        """
        text = str(id_or_path).strip()
        path = Path(text).expanduser()
        if isinstance(id_or_path, Path) or text.lower().endswith(".csv"):
            if not path.is_file():
                raise BaselineError(f"Baseline file {text} was not found: check the path.")
            stat = path.resolve().stat()
            return _load_custom(str(path.resolve()), stat.st_mtime_ns)
        return _load_shipped(self.folder, self._resolve_id(text))

    def _resolve_id(self, text: str) -> BaselineInfo:
        """Return the catalogue entry for an id or a Census area code."""
        key = text.casefold()
        catalogue = self.catalogue()
        for info in catalogue:
            if key == info.id.casefold():
                return info
        for info in catalogue:
            if key == info.area_code.casefold() and info.level != "cohort":
                return info
        hints = ", ".join(i.id for i in self.find(text)[:3]) or "run `eia baselines`"
        raise BaselineError(
            f"Baseline {text!r} is not known: use a baseline id ({hints}) or a file path."
        )


def _rank(text: str, info: BaselineInfo) -> int | None:
    name = info.area_name.casefold()
    if text in (info.id.casefold(), info.area_code.casefold()):
        return 0
    if text == name:
        return 1
    if name.startswith(text):
        return 2
    fields = (info.id, info.area_code, info.area_name, info.label)
    return 3 if any(text in f.casefold() for f in fields) else None


@cache
def _load_shipped(folder: Path, info: BaselineInfo) -> Baseline:
    """Read one shipped baseline file (once)."""
    tables = read_shipped_file(folder, info)
    return Baseline(
        info.id, info.label, info.level, info.area_code, info.area_name, info.caveats, tables
    )


@cache
def _load_custom(path: str, mtime_ns: int) -> Baseline:
    """Read a council's own baseline file (again only if it has changed)."""
    del mtime_ns  # part of the cache key only
    return read_council_baseline(Path(path))


def read_council_baseline(path: Path) -> Baseline:
    """Read a council's own baseline CSV, every time (nothing is cached).

    For a file that lives only as long as one analysis, such as a copy of one kept
    in the library, where caching by path would keep every copy ever read.

    Args:
        path: The CSV file (columns documented in the baselines README).

    Returns:
        The baseline, at level ``custom``.

    Raises:
        BaselineError: If the file cannot be read or a row is wrong; the message names
            the file, and the row and column where there is one.
    """
    meta, tables = read_custom_file(path)
    return Baseline(
        meta["id"],
        meta["label"],
        "custom",
        meta["area_code"],
        meta["area_name"],
        tuple(c for c in [meta["caveat"]] if c),
        tables,
    )


def match_universe(age_bands: Sequence[str]) -> str:
    """Choose the universe a survey should be compared with, from its age bands.

    Args:
        age_bands: The survey's age band ids (``16-24``, ``75+``...).

    Returns:
        ``16+`` when no band includes anyone under 16 (an adult survey, 16+ or 18+),
        otherwise ``all``. With no age question, ``all``.
    """
    if not age_bands:
        return "all"
    return "16+" if youngest_age(age_bands) >= ADULT_AGE else "all"


def regroup_age(baseline: Baseline, bands: Sequence[str]) -> AgeRegrouping:
    """Put a baseline's age counts into the survey's bands.

    Args:
        baseline: The baseline.
        bands: The survey's band ids, in display order.

    Returns:
        Counts and shares per band over the ages the bands cover, with every band
        that could only be approximated (and the band used instead).

    Raises:
        BaselineError: If the baseline has no age table.
    """
    counts = baseline.counts("age")
    if counts is None:
        raise BaselineError(
            f"Baseline {baseline.id} has no age figures: choose a Census baseline for age."
        )
    return regroup_counts(counts, bands)
