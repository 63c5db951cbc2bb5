"""Shipped baselines: figures checked against population_baselines.md, lookups, regrouping."""

import csv
import time

import pytest

from eia_app.analysis import baselines as module
from eia_app.analysis.baselines import (
    DEFAULT_BASELINE_ID,
    BaselineError,
    BaselineLibrary,
    match_universe,
    regroup_age,
)
from eia_app.settings import load_settings

# The shipped baselines, as the services layer passes them to the engine.
LIBRARY = BaselineLibrary(load_settings().baselines_dir)
load_baseline, list_baselines, find_baselines = LIBRARY.load, LIBRARY.catalogue, LIBRARY.find

# Census 2021 TS007A five-year bands for Leicestershire (population_baselines.md, section 2).
# TS007 (single years, shipped) is perturbed separately, so bands differ by a few people.
LEICS_TS007A = {"0-4": 36021, "5-9": 40012, "50-54": 51955, "85+": 18789}
PERTURBATION = 25
NORTH_YORKSHIRE_DISTRICTS = [f"census2021-e0700016{n}" for n in range(3, 10)]


@pytest.fixture(scope="module")
def leics():
    return load_baseline(DEFAULT_BASELINE_ID)


def test_default_baseline_is_leicestershire(leics):
    assert leics.area_code == "E10000018"
    assert leics.level == "utla"
    assert "Leicestershire" in leics.label


def test_leicestershire_age_totals_match_the_census_tables(leics):
    ages = leics.counts("age")
    assert len(ages) == 101  # 0 ... 99 and 100+
    assert sum(ages.values()) == 712_371  # TS007 total
    assert sum(n for a, n in ages.items() if a == "100+" or int(a) >= 16) == 587_436
    bands = regroup_age(leics, list(LEICS_TS007A)).counts
    for band, published in LEICS_TS007A.items():
        assert abs(bands[band] - published) <= PERTURBATION


def test_leicestershire_sex_matches_the_notes(leics):
    adults = leics.counts("sex", "16+")
    assert abs(adults["female"] - 299_991) <= PERTURBATION
    assert abs(adults["male"] - 287_445) <= PERTURBATION
    everyone = leics.counts("sex", "all")
    assert everyone == {"female": 360_716, "male": 351_651}  # weighted district percentages


def test_leicestershire_has_every_characteristic_with_its_universe(leics):
    assert leics.universes["sexual_orientation"] == "usual residents aged 16 and over"
    assert leics.universes["age"] == "all usual residents"
    for characteristic in ("sex", "race", "religion_belief", "disability", "gender_reassignment",
                           "sexual_orientation", "marriage_civil_partnership", "carers",
                           "armed_forces"):  # fmt: skip
        assert leics.table(characteristic) is not None, characteristic
    assert leics.table("pregnancy_maternity") is None
    assert leics.shares("pregnancy_maternity", ["pregnant"]) is None


def test_shares_exclude_not_answered_and_use_the_table_total(leics):
    religion = leics.counts("religion_belief", "16+")
    assert "not_answered" not in religion
    shares = leics.shares("religion_belief", ["christian", "muslim"], universe="16+")
    assert shares["christian"] == pytest.approx(religion["christian"] / sum(religion.values()))
    assert abs(religion["christian"] - 285_771) <= PERTURBATION  # notes, section 4


def test_race_detail_ids_are_looked_up_in_the_detail_table(leics):
    shares = leics.shares("race", ["white", "white_british", "asian_indian"], universe="16+")
    detail = leics.counts("race_detail", "16+")
    assert shares["white_british"] == pytest.approx(detail["white_british"] / sum(detail.values()))
    assert detail["white_british"] == 496_968  # notes, section 3b
    assert "asian_indian" not in shares  # TS021 detail is not in the reference data


def test_england_is_present():
    england = load_baseline("E92000001")
    assert england.level == "country"
    assert abs(sum(england.counts("age").values()) - 56_490_048) <= PERTURBATION
    assert england.table("disability", "16+") is not None


def test_every_2021_lower_and_upper_tier_authority_has_an_age_baseline():
    catalogue = list_baselines()
    lower = [i for i in catalogue if i.level in ("ltla", "unitary")]
    upper = [i for i in catalogue if i.level in ("utla", "unitary")]
    assert len(lower) == 331
    assert len(upper) == 174
    for info in lower + upper:
        assert ("age", "all") in info.tables, info.id
    assert len(load_baseline(upper[0].id).counts("age")) == 101


def test_north_yorkshire_2023_unitary_is_the_sum_of_its_seven_districts():
    unitary = load_baseline("E06000065")
    assert unitary.level == "unitary-2023"
    districts = [load_baseline(d) for d in NORTH_YORKSHIRE_DISTRICTS]
    assert {d.area_name for d in districts} >= {"Craven", "Harrogate", "Selby"}
    for key, table in unitary.tables.items():
        summed = {c: sum(d.tables[key].counts[c] for d in districts) for c in table.counts}
        assert summed == dict(table.counts), key
    county = load_baseline("E10000023")  # 2021 county, published directly for age
    difference = sum(unitary.counts("age").values()) - sum(county.counts("age").values())
    assert abs(difference) <= PERTURBATION


def test_every_district_belongs_to_a_shipped_county(project_root):
    path = project_root / "protected_characteristics" / "baselines" / "ltla_to_utla.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 181
    counties = {i.area_code for i in list_baselines() if i.level == "utla"}
    assert {r["utla_code"] for r in rows} == counties
    assert {r["utla_name"] for r in rows if r["ltla_name"] == "Melton"} == {"Leicestershire"}


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("leicestershire", "census2021-e10000018"),
        ("E10000018", "census2021-e10000018"),
        ("Rutland", "census2021-e06000017"),
        ("rutland", "census2021-e06000017"),
        ("North Yorkshire", "census2021-e06000065"),
        ("ehcp2025-e10000018", "ehcp2025-e10000018"),
    ],
)
def test_find_baselines_by_name_code_or_id(query, first):
    assert find_baselines(query)[0].id == first


def test_find_leicestershire_also_lists_its_send_cohort_and_districts():
    ids = [i.id for i in find_baselines("Leicestershire")]
    assert "ehcp2025-e10000018" in ids
    assert "census2021-e07000134" in ids  # North West Leicestershire
    assert find_baselines("   ") == []


def test_area_code_and_id_load_the_same_baseline():
    assert load_baseline("e10000018") is load_baseline("census2021-E10000018")


def test_an_unknown_baseline_is_a_clear_error():
    with pytest.raises(BaselineError, match="Leicestershir"):
        load_baseline("Leicestershir")
    with pytest.raises(BaselineError, match="not found"):
        load_baseline("no_such_file.csv")


def test_regroup_age_to_survey_bands_exactly(leics):
    regrouping = regroup_age(leics, ["0-17", "18-24", "25-64", "65+"])
    assert regrouping.inexact == ()
    ages = leics.counts("age")
    assert regrouping.counts["18-24"] == sum(ages[str(a)] for a in range(18, 25))
    assert sum(regrouping.counts.values()) == 712_371
    assert sum(regrouping.shares.values()) == pytest.approx(1.0)


def test_regroup_age_reports_bands_it_can_only_approximate(tmp_path):
    path = tmp_path / "five_year.csv"
    bands = [f"{lo}-{lo + 4}" for lo in range(0, 85, 5)] + ["85+"]
    path.write_text(
        "characteristic,category_id,count\n" + "".join(f"age,{b},100\n" for b in bands),
        encoding="utf-8",
    )
    regrouping = regroup_age(load_baseline(path), ["0-15", "16-24", "25-34", "75+"])
    formed = {b.requested: (b.formed, b.count, b.exact) for b in regrouping.bands}
    assert formed["0-15"] == ("0-14", 300, False)
    assert formed["16-24"] == ("15-24", 200, False)
    assert formed["25-34"] == ("25-34", 200, True)
    assert formed["75+"] == ("75+", 300, True)
    assert [b.requested for b in regrouping.inexact] == ["0-15", "16-24"]
    assert "nearest band, 15-24" in regrouping.notes[1]


def test_bands_outside_a_cohorts_ages_get_no_baseline_people():
    ehcp = load_baseline("ehcp2025-e10000018")
    regrouping = regroup_age(ehcp, ["0-15", "16-25", "26+"])
    assert regrouping.counts["26+"] == 0
    assert regrouping.counts["0-15"] + regrouping.counts["16-25"] == 7196
    assert "outside the baseline's ages" in regrouping.notes[0]


def test_adult_surveys_are_compared_with_adults(leics):
    assert match_universe(["16-24", "25-34", "75+"]) == "16+"
    assert match_universe(["18-24", "25-64", "65+"]) == "16+"
    assert match_universe(["0-15", "16-24", "25+"]) == "all"
    assert match_universe([]) == "all"
    universe = match_universe(["18-24", "25-64", "65+"])
    assert leics.universe_label("sex", universe) == "usual residents aged 16 and over"
    sex = leics.counts("sex", "16+")
    assert leics.shares("sex", ["female"], universe=universe)["female"] == pytest.approx(
        sex["female"] / sum(sex.values())
    )


def test_age_shares_are_computed_over_the_ages_the_survey_covers(leics):
    ages = leics.counts("age")
    adults = sum(n for a, n in ages.items() if a == "100+" or int(a) >= 18)
    shares = leics.shares("age", ["18-24", "25+"])
    assert shares["18-24"] == pytest.approx(sum(ages[str(a)] for a in range(18, 25)) / adults)


def test_send_cohort_baseline_for_leicestershire():
    ehcp = load_baseline("ehcp2025-e10000018")
    assert ehcp.level == "cohort"
    assert ehcp.counts("sex") == {"female": 2104, "male": 5092}
    assert sum(ehcp.counts("age").values()) == 7196
    assert ehcp.counts("primary_need")["autistic_spectrum_disorder"] == 1990
    assert ehcp.counts("race")["white"] == 5594 + 12 + 12 + 11 + 170
    assert ehcp.counts("race_detail")["asian_indian"] == 204
    assert "EHC plan" in ehcp.universe_label("sex")
    england = load_baseline("ehcp2025-e92000001")
    assert england.counts("sex") == {"female": 187_502, "male": 451_239}


def test_loading_an_area_is_fast():
    module._load_shipped.cache_clear()
    start = time.perf_counter()
    baseline = load_baseline("census2021-e06000016")
    assert time.perf_counter() - start < 0.1
    assert baseline.area_name == "Leicester"


def test_a_council_file_passed_by_path_works(tmp_path):
    path = tmp_path / "my_area.csv"
    path.write_text(
        "characteristic,universe,category_id,count,source,baseline_label,universe_label\n"
        "sex,16+,female,600,Council survey 2024,My area,adults in my area\n"
        "sex,16+,male,400,,,\n"
        "sex,16+,not_answered,50,,,\n",
        encoding="utf-8",
    )
    baseline = load_baseline(str(path))
    assert baseline.label == "My area"
    assert baseline.level == "custom"
    assert baseline.shares("sex", ["female", "male"]) == {"female": 0.6, "male": 0.4}
    assert baseline.universe_label("sex") == "adults in my area"
    assert baseline.table("sex").source == "Council survey 2024"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("characteristic,count\nsex,5\n", "needs the columns"),
        ("characteristic,category_id,count\nsex,female,many\n", "whole number"),
        ("characteristic,category_id,count\nsex,female,5\nsex,female,6\n", "twice"),
    ],
)
def test_a_broken_council_file_is_a_clear_error(tmp_path, text, message):
    path = tmp_path / "broken.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BaselineError, match=message) as error:
        load_baseline(path)
    assert "broken.csv" in str(error.value)
