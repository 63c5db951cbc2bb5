"""Comparing with a service cohort, and turning suppression off for internal analysis."""

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from eia_app.analysis.survey import read_survey, recognise_questions
from eia_app.cli.app import _register_commands, cli
from eia_app.export.reach_context import suppression_statement
from eia_app.services.reach import analyse_survey

EXAMPLE = (
    Path(__file__).resolve().parents[2]
    / "examples"
    / "send_strategy_2024_27"
    / "send_consultation_responses.csv"
)
CHILD_AGE = "How old is your child?"
CHILD_SEX = "Is your child male or female?"
OWN_AGE = "What is your age?"


@pytest.fixture
def parent_survey(tmp_path: Path) -> Path:
    """Parents answer about themselves and about their child (20 rows, fixed answers)."""
    path = tmp_path / "parents.csv"
    child_ages = ["0-4", "5-10", "11-15", "16-19", "20-25"] * 4
    own_ages = ["25-34", "35-44", "45-54", "35-44"] * 5
    child_sexes = ["Male"] * 14 + ["Female"] * 6
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Response ID", OWN_AGE, CHILD_AGE, CHILD_SEX])
        for n, row in enumerate(zip(own_ages, child_ages, child_sexes, strict=True), start=1):
            writer.writerow([n, *row])
    return path


def _targets(path: Path, subject: str) -> dict[str, str]:
    matches = recognise_questions(read_survey(path), subject=subject)
    return {match.column: match.target for match in matches}


def test_questions_about_a_child_are_not_the_respondents_characteristics(parent_survey):
    assert _targets(parent_survey, "respondent") == {OWN_AGE: "age"}


def test_against_a_cohort_the_childs_answers_are_recognised(parent_survey):
    found = _targets(parent_survey, "cohort")
    assert found[CHILD_AGE] == "age"
    assert found[CHILD_SEX] == "sex"


def test_cohort_baseline_compares_the_child_not_the_parent(parent_survey):
    document = analyse_survey(parent_survey, baseline="ehcp2025-e10000018", min_count=0)
    age = document.characteristics["age"]
    assert age.question == CHILD_AGE
    assert [c.id for c in age.categories] == ["0-4", "5-10", "11-15", "16-19", "20-25"]
    assert [c.count for c in age.categories] == [4, 4, 4, 4, 4]
    sex = {c.id: c.count for c in document.characteristics["sex"].categories}
    assert sex == {"female": 6, "male": 14}
    assert document.baseline.id == "ehcp2025-e10000018"


def test_min_count_zero_shows_every_count():
    published = analyse_survey(EXAMPLE)
    internal = analyse_survey(EXAMPLE, min_count=0)
    hidden = [c for c in published.characteristics["race"].detail if c.suppressed]
    assert hidden, "the example has small ethnic groups that publication suppresses"
    detail = {c.id: c for c in internal.characteristics["race"].detail}
    for cell in hidden:
        shown = detail[cell.id]
        assert shown.suppressed is False
        assert isinstance(shown.count, int)
    assert internal.min_count == 0


def test_cli_accepts_min_count_zero_and_says_suppression_is_off():
    _register_commands()
    result = CliRunner().invoke(cli, ["reach", str(EXAMPLE), "--min-count", "0"])
    assert result.exit_code == 0, result.output
    assert "Suppression is off" in result.output
    rows = [line for line in result.output.splitlines() if line.startswith("  ")]
    assert not [row for row in rows if "[c]" in row]


def test_word_export_warns_when_figures_were_not_suppressed():
    assert "should not be published" in suppression_statement(0)
    assert "counts below 5" in suppression_statement(5)
