"""Cohort and area in one run: the child's questions against the cohort, the respondent's
against the area, and parents and carers reported apart from professionals."""

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import eia_app.cli.commands  # noqa: F401  (registers every command on ``cli``)
from eia_app.analysis.survey import mapping_from_json, read_survey, recognise_questions
from eia_app.cli.app import cli
from eia_app.domain.errors import EIAError, ReachError
from eia_app.domain.reach import Subject
from eia_app.domain.reach_findings import findings
from eia_app.export.reach_spreadsheet import render_csv
from eia_app.services.reach import analyse_survey, save_mapping

ROOT = Path(__file__).resolve().parents[2]
SEND = ROOT / "examples" / "send_strategy_2024_27" / "send_consultation_responses.csv"
COHORT = "ehcp2025-e10000018"
TYPE = "In what capacity are you responding?"
OWN_AGE = "What is your age?"
CHILD_AGE = "How old is your child?"
CHILD_SEX = "What is your child's sex?"
PARENT = "As a parent or carer"
PROFESSIONAL = "As a professional working with children"


def _survey(path: Path, parents: int, professionals: int) -> Path:
    """Parents answer about themselves and their child; professionals only about themselves."""
    rows = []
    for n in range(parents):
        child_age = ["0-4", "5-10", "11-15", "16-19", "20-25"][n % 5]
        rows.append([PARENT, ["16-24", "25-44", "65+"][n % 3], child_age, "Male"])
    rows += [[PROFESSIONAL, "45-64", "", ""] for _ in range(professionals)]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Response ID", TYPE, OWN_AGE, CHILD_AGE, CHILD_SEX])
        writer.writerows([n, *row] for n, row in enumerate(rows, start=1))
    return path


@pytest.fixture
def families(tmp_path: Path) -> Path:
    return _survey(tmp_path / "families.csv", parents=40, professionals=20)


def test_each_question_goes_to_the_population_it_is_about(families):
    result = analyse_survey(families, cohort=COHORT, min_count=0)
    about = {q.column: q.about for q in result.questions}
    assert about[CHILD_AGE] is Subject.CHILD
    assert about[CHILD_SEX] is Subject.CHILD
    assert about[OWN_AGE] is Subject.RESPONDENT
    # The respondent's own age is compared with the area's residents ...
    own = result.characteristics["age"]
    assert own.question == OWN_AGE
    assert own.about is Subject.RESPONDENT
    assert own.population == "Leicestershire's usual residents aged 16 and over"
    assert "sex" not in result.characteristics  # only the child's sex was asked
    # ... and the child's with the cohort, in the same run.
    assert result.cohort is not None
    assert result.cohort.baseline.id == COHORT
    child = result.cohort.characteristics["age"]
    assert child.question == CHILD_AGE
    assert child.about is Subject.CHILD
    assert [c.count for c in child.categories] == [8, 8, 8, 8, 8]
    assert child.population.startswith(
        "Leicestershire's children and young people with an EHC plan"
    )
    assert {c.id: c.count for c in result.cohort.characteristics["sex"].categories} == {
        "female": 0,
        "male": 40,
    }


def test_each_finding_names_the_population_and_whom_it_counts(families):
    result = analyse_survey(families, cohort=COHORT, min_count=0)
    child = findings(result.cohort.characteristics.values())
    own = findings(result.characteristics.values())
    assert child
    assert own
    assert all("EHC plan" in f.compared_with for f in child)
    assert all(f.compared_with.startswith("Leicestershire's usual residents") for f in own)
    girls = next(f for f in child if f.category.id == "female")
    assert "of the children respondents answered about against" in girls.words()
    assert "of respondents against" in own[0].words()


def test_the_cohort_in_the_json_output_and_its_schema(families):
    output = CliRunner().invoke(
        cli, ["reach", str(families), "--cohort", COHORT, "--min-count", "0", "--format", "json"]
    )
    assert output.exit_code == 0, output.output
    document = json.loads(output.stdout)
    assert document["cohort"]["baseline"]["id"] == COHORT
    assert document["cohort"]["characteristics"]["age"]["about"] == "child"
    assert "about" not in document["characteristics"]["age"]  # the respondent: the default
    columns = {q["column"]: q.get("about", "respondent") for q in document["questions"]}
    assert columns[CHILD_AGE] == "child"


def test_without_a_cohort_questions_about_the_child_are_not_counted(families):
    result = analyse_survey(families, min_count=0)
    assert result.cohort is None
    assert result.characteristics["age"].question == OWN_AGE
    assert CHILD_AGE not in {q.column for q in result.questions}


def test_a_mapping_says_a_question_is_about_the_child_and_keeps_it(families, tmp_path):
    survey = read_survey(families)
    overrides = {"What is your child's sex?": "sex@child", OWN_AGE: "age@respondent"}
    matches = recognise_questions(survey, overrides, subject="cohort")
    about = {m.column: m.about for m in matches}
    assert about[CHILD_SEX] == "child"
    assert about[OWN_AGE] == "respondent"
    result = analyse_survey(families, cohort=COHORT, min_count=0)
    saved = mapping_from_json(save_mapping(result, tmp_path / "m.json").read_text())
    assert saved[CHILD_AGE] == "age@child"
    assert saved[OWN_AGE] == "age"


def test_an_unknown_subject_in_a_mapping_is_refused_in_words(families):
    with pytest.raises(EIAError, match="@pupil' is not known; use @child or @respondent"):
        analyse_survey(families, cohort=COHORT, mapping={CHILD_AGE: "age@pupil"})


def test_an_area_given_as_the_cohort_is_refused(families):
    with pytest.raises(ReachError, match="--cohort: census2021-e10000018 is .* an area"):
        analyse_survey(families, cohort="census2021-e10000018")


def test_parents_and_professionals_are_reported_apart_when_both_can_be_published(families):
    result = analyse_survey(families, cohort=COHORT)
    groups = result.respondent_groups
    assert groups.column == TYPE
    assert groups.note == ""
    assert {name: part.respondents for name, part in groups.groups.items()} == {
        "Parents and carers": 40,
        "Professionals": 20,
    }
    # Each group's figures are its own: the professionals are all aged 45 to 64.
    professionals = groups.groups["Professionals"].characteristics["age"].categories
    assert {c.id: c.count for c in professionals}["45-64"] == 20
    parents = groups.groups["Parents and carers"].characteristics["age"].categories
    assert "45-64" not in {c.id for c in parents}


def test_a_group_too_small_to_publish_is_not_reported_apart_and_the_note_says_why(tmp_path):
    survey = _survey(tmp_path / "few.csv", parents=40, professionals=3)
    groups = analyse_survey(survey).respondent_groups
    assert groups.groups == {}
    assert "fewer than 5 professionals answered" in groups.note
    assert " 3 " not in groups.note  # the withheld count is not given away


def test_send_example_cli_child_questions_cite_the_cohort_and_own_questions_the_county():
    output = CliRunner().invoke(cli, ["reach", str(SEND), "--cohort", COHORT])
    assert output.exit_code == 0, output.output
    text = output.stdout
    own, child = text.split("=== About the child: compared with ")[:2]
    assert child.startswith("Leicestershire: children and young people with an EHC plan")
    # The child's questions cite the cohort ...
    child_finding = next(line for line in child.splitlines() if line.startswith("  Finding: "))
    assert "of Leicestershire's children and young people with an EHC plan" in child_finding
    assert "How old is your child or young person with SEND?" in child
    assert "What is your child's ethnic group?" in child
    # Asian children are under-reached against the children with plans, too.
    race = child.split("What is your child's ethnic group?")[1]
    assert "Under-represented: Asian, Asian British or Asian Welsh (2.6% of the children" in race
    # ... and the respondents' own questions cite the county's residents.
    compared = [line for line in own.splitlines() if line.startswith("  Compared with: ")]
    figures = [line for line in compared if "no population figure" not in line]
    assert figures
    assert all("Leicestershire's usual residents aged 16 and over" in line for line in figures)
    assert "EHC plan" not in own.split("Opinion questions:")[0].split("Baseline:")[1]
    # Parents and carers apart from professionals.
    groups = text.split("Parents and carers apart from professionals")[1]
    assert "=== Parents and carers: 846 respondents ===" in groups
    assert "=== Professionals: 382 respondents ===" in groups
    parents = groups.split("=== Professionals")[0]
    assert "Sex: Under-represented: Male (18% of respondents" in parents


def test_the_long_table_has_the_childs_rows_and_each_respondent_group(families):
    rows = list(csv.DictReader(io.StringIO(render_csv(analyse_survey(families, cohort=COHORT)))))
    groups = {row["group"] for row in rows}
    assert {"About the child", "Parents and carers", "Professionals"} <= groups
    child_sex = [
        r for r in rows if r["group"] == "About the child" and r["characteristic"] == "sex"
    ]
    assert {r["question"] for r in child_sex} == {CHILD_SEX}
    professionals = [
        r for r in rows if r["group"] == "Professionals" and r["category_id"] == "45-64"
    ]
    assert [r["count"] for r in professionals] == ["20"]


def test_a_question_asked_only_about_the_child_has_its_own_sheet_in_the_workbook(families):
    from eia_app.export.reach_spreadsheet import CHILD_GROUP, build_workbook

    result = analyse_survey(families, cohort=COHORT, min_count=0)
    # The child's sex is asked; the respondent's own sex is not.
    assert "sex" in result.cohort.characteristics
    assert "sex" not in result.characteristics
    workbook = build_workbook(result)
    assert "sex" in workbook.sheetnames
    rows = list(workbook["sex"].iter_rows(values_only=True))[1:]
    assert rows
    assert {row[0] for row in rows} == {CHILD_GROUP}
