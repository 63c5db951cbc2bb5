"""Census 2021 readers for ``build_baselines.py``: age, 16+ cross-tab margins, quiz data."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

COLUMNS = ["area_code", "characteristic", "universe", "category_id", "count", "source"]

# Category labels of the ONS cross-tabulations -> canonical ids; None = excluded
# (does not apply / not answered), so shares are of substantive answers only.
RM_TABLES: dict[str, tuple[str, str, dict[str, str | None]]] = {
    "sex": ("sexual_age_sex.csv", "Sex (2 categories)", {"Female": "female", "Male": "male"}),
    "sexual_orientation": (
        "sexual_religion.csv",
        "Sexual orientation (6 categories)",
        {
            "Straight or Heterosexual": "heterosexual",
            "Gay or Lesbian": "gay_or_lesbian",
            "Bisexual": "bisexual",
            "All other sexual orientations": "other_sexual_orientation",
        },
    ),
    "gender_reassignment": (
        "sexual_genmod.csv",
        "Gender identity (7 categories)",
        {
            "Gender identity the same as sex registered at birth": "same_as_birth_sex",
            "Gender identity different from sex registered at birth but no specific identity given": "different_from_birth_sex",  # noqa: E501
            "Trans woman": "different_from_birth_sex",
            "Trans man": "different_from_birth_sex",
            "All other gender identities": "different_from_birth_sex",
        },
    ),
    "disability": (
        "sexual_disability.csv",
        "Disability - Equality act disabled (4 categories)",
        {
            "Disabled under the Equality Act: Day-to-day activities limited a lot": "disabled",
            "Disabled under the Equality Act: Day-to-day activities limited a little": "disabled",
            "Not disabled under the Equality Act": "not_disabled",
        },
    ),
    "religion_belief": (
        "sexual_religion.csv",
        "Religion (10 categories)",
        {
            "No religion": "no_religion",
            "Christian": "christian",
            "Buddhist": "buddhist",
            "Hindu": "hindu",
            "Jewish": "jewish",
            "Muslim": "muslim",
            "Sikh": "sikh",
            "Other religion": "other_religion",
        },
    ),
    "race": (
        "sexual_ethnic_group.csv",
        "Ethnic group (8 categories)",
        {
            "Asian, Asian British or Asian Welsh": "asian",
            "Black, Black British, Black Welsh, Caribbean or African": "black",
            "Mixed or Multiple ethnic groups": "mixed",
            "White: English, Welsh, Scottish, Northern Irish or British": "white",
            "White: Irish": "white",
            "White: Gypsy or Irish Traveller, Roma or Other White": "white",
            "Other ethnic group": "other_ethnic_group",
        },
    ),
    "race_detail": (
        "sexual_ethnic_group.csv",
        "Ethnic group (8 categories)",
        {
            "White: English, Welsh, Scottish, Northern Irish or British": "white_british",
            "White: Irish": "white_irish",
            "White: Gypsy or Irish Traveller, Roma or Other White": "white_gypsy_roma_or_other",
            "Asian, Asian British or Asian Welsh": "asian",
            "Black, Black British, Black Welsh, Caribbean or African": "black",
            "Mixed or Multiple ethnic groups": "mixed",
            "Other ethnic group": "other_ethnic_group",
        },
    ),
    "marriage_civil_partnership": (
        "sexual_legal_partnership.csv",
        "Marital and civil partnership status (7 categories)",
        {
            "Never married and never registered a civil partnership": "never_married_or_civil_partnered",  # noqa: E501
            "Married": "married_or_civil_partnership",
            "In a registered civil partnership": "married_or_civil_partnership",
            "Separated, but still legally married or still legally in a civil partnership": "separated",  # noqa: E501
            "Divorced or formerly in a civil partnership which is now legally dissolved": "divorced_or_dissolved",  # noqa: E501
            "Widowed or surviving partner from a civil partnership": "widowed_or_surviving_partner",
        },
    ),
    "carers": (
        "sexual_unpaid_carer.csv",
        "Unpaid care (5 categories)",
        {
            "Provides no unpaid care": "not_carer",
            "Provides 19 or less hours unpaid care a week": "carer",
            "Provides 20 to 49 hours unpaid care a week": "carer",
            "Provides 50 or more hours unpaid care a week": "carer",
        },
    ),
}

AREA = "Lower tier local authorities Code"


def read_ts007(folder: Path, geo: str) -> pd.DataFrame:
    """Read one TS007 file with short column names (``Total``, ``Aged 4 years``...)."""
    frame = pd.read_csv(folder / f"census2021-ts007-{geo}.csv")
    frame.columns = [c.replace("Age: ", "").replace("; measures: Value", "") for c in frame.columns]
    return frame


def single_year_columns(frame: pd.DataFrame) -> dict[str, str]:
    """Map TS007 single-year columns to age ids ``0`` ... ``99`` and ``100+``."""
    ids = {"Aged under 1 year": "0", "Aged 1 year": "1", "Aged 100 years and over": "100+"}
    ids.update({f"Aged {n} years": str(n) for n in range(2, 100)})
    return {column: ids[column] for column in frame.columns if column in ids}


def age_counts(folder: Path) -> pd.DataFrame:
    """Return all-ages single-year counts for every area in the four TS007 files."""
    parts = []
    for geo in ("ltla", "utla", "rgn", "ctry"):
        frame = read_ts007(folder, geo)
        years = single_year_columns(frame)
        assert len(years) == 101, geo
        assert (frame[list(years)].sum(axis=1) == frame["Total"]).all(), geo
        long = frame.melt(
            id_vars=["geography code"],
            value_vars=list(years),
            var_name="column",
            value_name="count",
        )
        parts.append(
            pd.DataFrame(
                {
                    "area_code": long["geography code"],
                    "characteristic": "age",
                    "universe": "all",
                    "category_id": long["column"].map(years),
                    "count": long["count"],
                    "source": "TS007",
                }
            )
        )
    return pd.concat(parts, ignore_index=True).drop_duplicates(["area_code", "category_id"])


def area_names(folder: Path) -> dict[str, str]:
    """Return the name of every area code in the TS007 files."""
    names: dict[str, str] = {}
    for geo in ("ctry", "rgn", "utla", "ltla"):
        frame = read_ts007(folder, geo)
        names.update(zip(frame["geography code"], frame["geography"], strict=True))
    return names


def rm_table(folder: Path, characteristic: str) -> pd.DataFrame:
    """Return the 16+ margin of one ONS LTLA cross-tabulation as canonical counts."""
    file, dimension, mapping = RM_TABLES[characteristic]
    frame = pd.read_csv(folder / "ons_rm_ltla" / file)
    frame = frame.assign(category_id=frame[dimension].map(mapping)).dropna(subset=["category_id"])
    sums = frame.groupby([AREA, "category_id"], as_index=False, sort=False)["Observation"].sum()
    return pd.DataFrame(
        {
            "area_code": sums[AREA],
            "characteristic": characteristic,
            "universe": "16+",
            "category_id": sums["category_id"],
            "count": sums["Observation"],
            "source": "RM-16+",
        }
    )


def census_tables(folder: Path) -> list[pd.DataFrame]:
    """Return the 16+ tables of every LTLA (sex, race, religion, disability...)."""
    # In race_detail only White: British and White: Irish are survey detail categories;
    # the other rows keep the full 16+ denominator for the detail shares.
    return [rm_table(folder, characteristic) for characteristic in RM_TABLES]


def quiz_tables(folder: Path) -> list[pd.DataFrame]:
    """Return all-ages sex, ethnic group and religion (from ONS percentages) and veterans."""
    quiz = pd.read_csv(folder / "ons_derived" / "census-quiz-data-2021-v9.csv")
    quiz = quiz[quiz["code"].str.match(r"^(E0[6-9]|W06)")]
    population = quiz["population_total"]
    specs = {
        "sex": {"female": "sex_female_perc", "male": "sex_male_perc"},
        "race": {
            "white": "ethnicity_white_perc",
            "mixed": "ethnicity_mixed_perc",
            "asian": "ethnicity_asian_perc",
            "black": "ethnicity_black_perc",
        },
        "religion_belief": {
            f: f"religion_{c}_perc"
            for f, c in [
                ("no_religion", "Noreligion"),
                ("christian", "Christian"),
                ("buddhist", "Buddhist"),
                ("hindu", "Hindu"),
                ("jewish", "Jewish"),
                ("muslim", "Muslim"),
                ("sikh", "Sikh"),
            ]
        },
    }
    residuals = {
        "race": ("other_ethnic_group", []),
        "religion_belief": ("other_religion", ["religion_Religionnotstated_perc"]),
    }
    parts = []
    for characteristic, columns in specs.items():
        percents = quiz[list(columns.values())].set_axis(list(columns), axis=1)
        if characteristic in residuals:
            other, extra = residuals[characteristic]
            used = percents.sum(axis=1) + quiz[extra].sum(axis=1)
            percents[other] = (100 - used).clip(lower=0)
        counts = percents.mul(population, axis=0).div(100).round().astype("int64")
        counts["area_code"] = quiz["code"]
        long = counts.melt(id_vars="area_code", var_name="category_id", value_name="count")
        parts.append(long.assign(characteristic=characteristic, universe="all", source="QUIZ"))
    parts.append(veterans(folder, quiz))
    return [part[COLUMNS] for part in parts]


def veterans(folder: Path, quiz: pd.DataFrame) -> pd.DataFrame:
    """Return people aged 16+ who previously served in the UK armed forces, and the rest."""
    ages = read_ts007(folder, "ltla").set_index("geography code")
    years = {a: c for c, a in single_year_columns(ages).items()}
    adults = ages[[years[str(n)] for n in range(16, 100)] + [years["100+"]]].sum(axis=1)
    served = quiz.set_index("code")["armed_forces_total"].astype("int64")
    rows = []
    for code, count in served.items():
        rows.append((code, "armed_forces_community", int(count)))
        rows.append((code, "not_armed_forces_community", int(adults[code] - count)))
    frame = pd.DataFrame(rows, columns=["area_code", "category_id", "count"])
    return frame.assign(characteristic="armed_forces", universe="16+", source="TS071-QUIZ")


def assign_to_parents(folder: Path, geo: str, prefix: str, parent_prefix: str) -> dict[str, str]:
    """Work out which parent area each lower-tier area belongs to, from the age tables.

    Each parent's age counts equal the sum of its children's counts,
    up to perturbation; a 0/1 assignment minimising the absolute differences
    (solved exactly with ``scipy.optimize.milp``) recovers the lookup.
    """
    children = read_ts007(folder, "ltla")
    children = children[children["geography code"].str.startswith(prefix)]
    parents = read_ts007(folder, geo)
    parents = parents[parents["geography code"].str.startswith(parent_prefix)]
    years = list(single_year_columns(children))
    # Five-year bands keep the problem small; they separate areas as well as single years.
    x = np.add.reduceat(children[years].to_numpy(float), np.arange(0, len(years), 5), axis=1)
    y = np.add.reduceat(parents[years].to_numpy(float), np.arange(0, len(years), 5), axis=1)
    chosen = _solve_assignment(x, y)
    residual = np.abs(chosen.T @ x - y).sum(axis=1)
    assert residual.max() < 0.01 * y.sum(axis=1).min(), residual.max()
    codes = parents["geography code"].to_numpy()
    return dict(zip(children["geography code"], codes[chosen.argmax(axis=1)], strict=True))


def _parent_major(n_parent: int, n_year: int) -> np.ndarray:
    """Reorder kron rows from (year, parent) order to (parent, year) order."""
    return np.arange(n_parent * n_year).reshape(n_year, n_parent).T.ravel()


def _solve_assignment(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Solve min sum |A^T x - y| over 0/1 matrices A with one parent per child."""
    n_child, n_year = x.shape
    n_parent = y.shape[0]
    n_assign = n_child * n_parent
    n_dev = n_parent * n_year
    cost = np.concatenate([np.zeros(n_assign), np.ones(2 * n_dev)])
    one_parent = sparse.hstack(
        [
            sparse.kron(sparse.eye(n_child), np.ones((1, n_parent))),
            sparse.csr_matrix((n_child, 2 * n_dev)),
        ]
    )
    # balance[(parent, year), (child, parent)] = x[child, year]
    balance = sparse.hstack(
        [
            sparse.kron(x.T, sparse.eye(n_parent)).tocsr()[_parent_major(n_parent, n_year)],
            -sparse.eye(n_dev),
            sparse.eye(n_dev),
        ]
    )
    constraints = [
        LinearConstraint(one_parent, 1, 1),
        LinearConstraint(balance, y.ravel(), y.ravel()),
    ]
    integrality = np.concatenate([np.ones(n_assign), np.zeros(2 * n_dev)])
    upper = np.concatenate([np.ones(n_assign), np.full(2 * n_dev, np.inf)])
    result = milp(cost, constraints=constraints, integrality=integrality, bounds=Bounds(0, upper))
    assert result.success, result.message
    return result.x[:n_assign].reshape(n_child, n_parent).round().astype(int)
