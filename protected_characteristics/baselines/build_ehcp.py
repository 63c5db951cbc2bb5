"""DfE EHC plan (January 2025) readers for ``build_baselines.py``: the SEND cohort baselines."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd

PERIOD = 202425  # the January 2025 caseload

ETHNICITY = {
    "White - White British": "white_british",
    "White - Irish": "white_irish",
    # DfE groups Gypsy with Roma and reports Irish Travellers apart, so neither maps
    # onto the Census categories; they keep their own ids (counted in the White total).
    "White - Gypsy/Roma": "white_gypsy_roma_dfe",
    "White - Traveller of Irish heritage": "white_irish_traveller_dfe",
    "White - Any other White background": "white_other",
    "Mixed - White and Black Caribbean": "mixed_white_black_caribbean",
    "Mixed - White and Black African": "mixed_white_black_african",
    "Mixed - White and Asian": "mixed_white_asian",
    "Mixed - Any other Mixed background": "mixed_other",
    "Asian - Indian": "asian_indian",
    "Asian - Pakistani": "asian_pakistani",
    "Asian - Bangladeshi": "asian_bangladeshi",
    "Asian - Chinese": "asian_chinese",
    "Asian - Any other Asian background": "asian_other",
    "Black - Black Caribbean": "black_caribbean",
    "Black - Black African": "black_african",
    "Black - Any other Black background": "black_other",
    "Any other ethnic group": "other_any",
}
GROUP = {
    "white": "white_",
    "mixed": "mixed_",
    "asian": "asian_",
    "black": "black_",
    "other_ethnic_group": "other_",
}
NEEDS = {
    "number_asd": "autistic_spectrum_disorder",
    "number_semh": "social_emotional_mental_health",
    "number_slcn": "speech_language_communication",
    "number_mld": "moderate_learning_difficulty",
    "number_sld": "severe_learning_difficulty",
    "number_pmld": "profound_multiple_learning_difficulty",
    "number_spld": "specific_learning_difficulty",
    "number_pd": "physical_disability",
    "number_hi": "hearing_impairment",
    "number_vi": "visual_impairment",
    "number_msi": "multi_sensory_impairment",
    "number_oth": "other_difficulty_or_disability",
}
AREAS = {"E10000018": "Leicestershire", "E92000001": "England"}


def _age_id(label: str) -> str:
    """Turn a DfE age label (``age 7``, ``under 3``) into an age category id."""
    return "0-2" if label == "under 3" else label.removeprefix("age ")


def caseload_rows(caseload: pd.DataFrame) -> list[tuple[str, str, int]]:
    """Return (characteristic, category_id, count) rows for sex, ethnic group and age."""
    rows: list[tuple[str, str, int]] = []
    columns = ["breakdown_topic", "breakdown", "ehcplans"]
    for topic, breakdown, count in caseload[columns].itertuples(index=False):
        if topic == "Sex" and breakdown in ("Female", "Male"):
            rows.append(("sex", breakdown.lower(), int(count)))
        elif topic == "Ethnicity" and breakdown in ETHNICITY:
            rows.append(("race_detail", ETHNICITY[breakdown], int(count)))
        elif topic == "Child or young persons age":
            rows.append(("age", _age_id(breakdown), int(count)))
    return rows


def race_groups(rows: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """Add the five ethnic groups up from the detail categories."""
    detail = [(cat, n) for char, cat, n in rows if char == "race_detail"]
    return [
        ("race", group, sum(n for cat, n in detail if cat.startswith(prefix)))
        for group, prefix in GROUP.items()
    ]


def complete_ages(rows: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """Give every age from ``0-2`` to ``25`` a row (DfE omits ages with no plans)."""
    present = {cat for char, cat, _ in rows if char == "age"}
    ids = ["0-2", *[str(n) for n in range(3, 26)]]
    return rows + [("age", i, 0) for i in ids if i not in present]


def ehcp_tables(source: Path) -> Iterator[tuple[str, str, pd.DataFrame]]:
    """Yield (area code, label, long counts) for the Leicestershire and England EHCP cohorts."""
    caseload = pd.read_csv(source / "dfe_ehcp_2025_caseload_leics_england.csv")
    needs = pd.read_csv(source / "dfe_ehcp_2025_sen_needs_all_plans_leics_england.csv")
    for code, name in AREAS.items():
        rows = complete_ages(caseload_rows(_select(caseload, code)))
        rows += race_groups(rows)
        total = _select(needs, code)
        total = total[total["breakdown_topic"] == "All EHC plans"].iloc[0]
        rows += [("primary_need", need, int(total[column])) for column, need in NEEDS.items()]
        frame = pd.DataFrame(rows, columns=["characteristic", "category_id", "count"])
        frame = frame.assign(universe="ehcp", source="DFE-EHCP-2025")
        label = f"{name}: children and young people with an EHC plan, January 2025"
        yield code, label, frame


def _select(frame: pd.DataFrame, code: str) -> pd.DataFrame:
    """Return the January 2025 rows of one area (England rows have no LA code)."""
    rows = frame[frame["time_period"] == PERIOD]
    if code == "E92000001":
        return rows[rows["geographic_level"] == "National"]
    return rows[rows["new_la_code"] == code]
