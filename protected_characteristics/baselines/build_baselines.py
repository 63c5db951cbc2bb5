"""Build the shipped population baselines from the reference baselines folder.

Usage::

    python protected_characteristics/baselines/build_baselines.py SOURCE_DIR

``SOURCE_DIR`` is the reference baselines folder: it holds the DfE EHC plan
extracts (``dfe_ehcp_2025_*.csv``) and an ``all_areas/`` folder with the Census
2021 Nomis bulk files (TS007), the ONS LTLA cross-tabulations (``ons_rm_ltla/``)
and the ONS census-quiz data (``ons_derived/``). The script writes, next to itself,
``catalogue.csv``, ``sources.csv``, ``ltla_to_utla.csv``, ``unitaries_2023.csv`` and
one long-format file per baseline in ``data/``. Run it again after changing the
sources; the outputs are committed because they are what the product ships.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_census import (  # noqa: E402
    age_counts,
    area_names,
    assign_to_parents,
    census_tables,
    quiz_tables,
)
from build_ehcp import ehcp_tables  # noqa: E402

OUT = Path(__file__).resolve().parent

# April 2023 unitary councils: each follows the boundaries of its former districts.
UNITARIES_2023: dict[str, tuple[str, list[str]]] = {
    "E06000063": ("Cumberland", ["E07000026", "E07000028", "E07000029"]),
    "E06000064": ("Westmorland and Furness", ["E07000027", "E07000030", "E07000031"]),
    "E06000065": (
        "North Yorkshire",
        ["E07000163", "E07000164", "E07000165", "E07000166", "E07000167", "E07000168", "E07000169"],
    ),
    "E06000066": ("Somerset", ["E07000187", "E07000188", "E07000189", "E07000246"]),
}

PERTURBATION = (
    "Census 2021 figures are perturbed by ONS (cell-key perturbation), table by table; "
    "figures added up from lower-tier authorities or from cross-tabulation cells can differ "
    "by a few people from the published figure for the same area."
)

# One row per source table: the universe it describes, where it comes from, how far to trust it.
SOURCES: list[dict[str, str]] = [
    {
        "source": "TS007",
        "short": "ONS Census 2021 TS007 (Nomis)",
        "universe": "all",
        "universe_label": "all usual residents",
        "citation": "ONS Census 2021, table TS007: Age by single year of age",
        "copy": "Nomis bulk file census2021-ts007, read from the copy in GitHub "
        "lrowleyabel/Census-2021",
        "status": "published",
        "caveat": "",
    },
    {
        "source": "RM-16+",
        "short": "ONS Census 2021 LTLA cross-tabulations, RM series (derived margins)",
        "universe": "16+",
        "universe_label": "usual residents aged 16 and over",
        "citation": "ONS Census 2021, custom cross-tabulations RM122 to RM188 (sexual "
        "orientation, disability, ethnic group, gender identity, legal partnership status, "
        "unpaid care and religion, by age and sex), lower-tier local authorities",
        "copy": "read from the copies in GitHub nrennie/rainbowR-VisLGBTQ",
        "status": "derived: margins of the cross-tabulations, summed for higher areas",
        "caveat": "Adults only. Gender identity estimates are official statistics in "
        "development (OSR, September 2024). Ethnic group has 8 categories: only White British "
        "and White Irish are available as detailed categories.",
    },
    {
        "source": "QUIZ",
        "short": "ONS census-quiz data 2021 v9 (derived from percentages)",
        "universe": "all",
        "universe_label": "all usual residents",
        "citation": "ONS Census 2021, tables TS008: Sex, TS021: Ethnic group and TS030: "
        "Religion (percentages of usual residents)",
        "copy": "ONS census-quiz data 2021 v9, read from GitHub ONSvisual/census-quiz",
        "status": "derived: published percentages (1 decimal place) times usual residents",
        "caveat": "Counts rebuilt from rounded percentages: groups under about 1% are "
        "imprecise. Other ethnic group and other religion are the remainder after the "
        "published groups.",
    },
    {
        "source": "TS071-QUIZ",
        "short": "ONS census-quiz data 2021 v9, TS071 veterans",
        "universe": "16+",
        "universe_label": "usual residents aged 16 and over",
        "citation": "ONS Census 2021, table TS071: Previously served in the UK armed forces; "
        "residents aged 16 and over from table TS007",
        "copy": "ONS census-quiz data 2021 v9 (armed_forces_total), read from GitHub "
        "ONSvisual/census-quiz",
        "status": "derived",
        "caveat": "Counts veterans (people who previously served), not the wider armed forces "
        "community (serving personnel, reservists and families).",
    },
    {
        "source": "DFE-EHCP-2025",
        "short": "DfE Education, health and care plans, 2025",
        "universe": "ehcp",
        "universe_label": "children and young people with an EHC plan, January 2025",
        "citation": "Department for Education, Education, health and care plans, reporting "
        "year 2025 (explore education statistics): caseload and primary need of all plans",
        "copy": "read from the copy in GitHub MastodonC/witan.sen2",
        "status": "published",
        "caveat": "A service cohort, not the general population. Unknown sex, unclassified "
        "ethnicity and unknown need are excluded. DfE groups Gypsy with Roma and reports "
        "Travellers of Irish heritage separately, so those two have their own ids.",
    },
]


def level_of(code: str, ltla: set[str], utla: set[str]) -> str:
    """Return the catalogue level for a 2021 area code."""
    if code.startswith(("E92", "W92", "K04")):
        return "country"
    if code.startswith("E12"):
        return "region"
    if code in ltla and code in utla:
        return "unitary"
    return "ltla" if code in ltla else "utla"


def parents_table(children: pd.DataFrame, mapping: dict[str, str]) -> pd.DataFrame:
    """Add up per-LTLA tables to their parent areas (counties, 2023 unitaries, countries)."""
    mapped = children.assign(area_code=children["area_code"].map(mapping)).dropna()
    keys = ["area_code", "characteristic", "universe", "category_id", "source"]
    return mapped.groupby(keys, as_index=False, sort=False)["count"].sum()


def build_mappings(source: Path, ltla_codes: list[str]) -> dict[str, dict[str, str]]:
    """Return LTLA to county, to 2023 unitary and to country mappings."""
    counties = assign_to_parents(source, "utla", prefix="E07", parent_prefix="E10")
    unitaries = {d: code for code, (_, ds) in UNITARIES_2023.items() for d in ds}
    countries = {c: ("E92000001" if c.startswith("E") else "W92000004") for c in ltla_codes}
    return {"utla": counties, "unitary-2023": unitaries, "country": countries}


def write_lookups(mappings: dict[str, dict[str, str]], names: dict[str, str]) -> None:
    """Write the derived LTLA-to-county lookup and the 2023 unitary mapping."""
    rows = [
        {"ltla_code": d, "ltla_name": names[d], "utla_code": u, "utla_name": names[u]}
        for d, u in sorted(mappings["utla"].items())
    ]
    pd.DataFrame(rows).to_csv(OUT / "ltla_to_utla.csv", index=False)
    rows = [
        {"unitary_code": u, "unitary_name": name, "ltla_code": d, "ltla_name": names[d]}
        for u, (name, districts) in UNITARIES_2023.items()
        for d in districts
    ]
    pd.DataFrame(rows).to_csv(OUT / "unitaries_2023.csv", index=False)


def all_tables(source: Path) -> tuple[pd.DataFrame, dict[str, str], dict[str, str]]:
    """Return every area's counts in long format, with area names and levels."""
    areas = source / "all_areas"
    names = area_names(areas)
    ltla = census_tables(areas) + quiz_tables(areas)
    ltla_frame = pd.concat(ltla, ignore_index=True)
    ltla_codes = sorted(ltla_frame["area_code"].unique())
    mappings = build_mappings(areas, ltla_codes)
    write_lookups(mappings, names)
    sums = [parents_table(ltla_frame, m) for m in mappings.values()]
    names.update({code: name for code, (name, _) in UNITARIES_2023.items()})
    ages = age_counts(areas)
    new_ages = parents_table(
        ages[ages["area_code"].isin(mappings["unitary-2023"])], mappings["unitary-2023"]
    )
    frame = pd.concat([ltla_frame, *sums, ages, new_ages], ignore_index=True)
    frame = frame.drop_duplicates(
        ["area_code", "characteristic", "universe", "category_id", "source"]
    )
    levels = dict.fromkeys(UNITARIES_2023, "unitary-2023")
    return frame, names, levels


def write_area_baselines(
    frame: pd.DataFrame, names: dict[str, str], levels: dict[str, str], source: Path
) -> list[dict[str, str]]:
    """Write one data file per area and return its catalogue rows."""
    ltla = set(pd.read_csv(source / "all_areas" / "census2021-ts007-ltla.csv")["geography code"])
    utla = set(pd.read_csv(source / "all_areas" / "census2021-ts007-utla.csv")["geography code"])
    rows = []
    for code, part in frame.groupby("area_code", sort=True):
        baseline_id = f"census2021-{code.lower()}"
        level = levels.get(code) or level_of(code, ltla, utla)
        rows.append(catalogue_row(baseline_id, code, names[code], level, part))
        write_data(baseline_id, part)
    return rows


def catalogue_row(
    baseline_id: str, code: str, name: str, level: str, part: pd.DataFrame, label: str = ""
) -> dict[str, str]:
    """Describe one baseline for ``catalogue.csv``."""
    label = label or f"{name}: Census 2021"
    tables = part[["characteristic", "universe", "source"]].drop_duplicates()
    described = {(s["source"], s["universe"]): s for s in SOURCES}
    chars = ";".join(f"{c}@{u}" for c, u, _ in tables.itertuples(index=False))
    by_universe: dict[str, list[str]] = {}
    for c, u, src in tables.itertuples(index=False):
        by_universe.setdefault(f"{u} = {described[(src, u)]['universe_label']}", []).append(c)
    universes = "; ".join(f"{u}: {', '.join(cs)}" for u, cs in by_universe.items())
    caveats = [PERTURBATION] if level != "cohort" else []
    if level in {"utla", "unitary-2023", "country"} and len(tables) > 1:
        caveats.append("Tables other than age are sums of the lower-tier authorities' tables.")
    return {
        "baseline_id": baseline_id,
        "label": label,
        "area_code": code,
        "area_name": name,
        "level": level,
        "file": f"data/{baseline_id}.csv",
        "tables": chars,
        "universes": universes,
        "source": "; ".join(f"{described[(k, u)]['short']} [{k}]" for k, u in _source_keys(tables)),
        "caveats": " | ".join(caveats),
    }


def _source_keys(tables: pd.DataFrame) -> list[tuple[str, str]]:
    """Return the distinct (source, universe) pairs of a baseline, in order."""
    return list(dict.fromkeys(zip(tables["source"], tables["universe"], strict=True)))


def write_data(baseline_id: str, part: pd.DataFrame) -> None:
    """Write one baseline's counts in long format."""
    columns = ["characteristic", "universe", "category_id", "count", "source"]
    out = part[columns].astype({"count": "int64"})
    (OUT / "data").mkdir(exist_ok=True)
    out.to_csv(OUT / "data" / f"{baseline_id}.csv", index=False)


def main(argv: list[str]) -> int:
    """Build every baseline file from SOURCE_DIR (the reference baselines folder)."""
    if len(argv) != 2:
        print(__doc__)
        return 2
    source = Path(argv[1])
    frame, names, levels = all_tables(source)
    rows = write_area_baselines(frame, names, levels, source)
    for code, label, part in ehcp_tables(source):
        baseline_id = f"ehcp2025-{code.lower()}"
        name = label.partition(":")[0]
        row = catalogue_row(baseline_id, code, name, "cohort", part, label)
        row["caveats"] = (
            "A service cohort (children and young people with an EHC plan), "
            "not the general population."
        )
        rows.append(row)
        write_data(baseline_id, part)
    pd.DataFrame(rows).to_csv(OUT / "catalogue.csv", index=False)
    pd.DataFrame(SOURCES).to_csv(OUT / "sources.csv", index=False)
    print(f"wrote {len(rows)} baselines to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
