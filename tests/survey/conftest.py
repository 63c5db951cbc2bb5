"""Helpers for the survey-reading tests: where the fixtures are, and compact views of tallies."""

from pathlib import Path

import pytest

from eia_app.analysis.category_counts import CharacteristicTally
from eia_app.analysis.survey import read_survey, recognise_questions
from tests.survey.engine import tally_survey

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "surveys"


def category_counts(tally: CharacteristicTally) -> dict[str, int]:
    """Category id -> count, in the tally's order."""
    return {category.id: category.count for category in tally.categories}


def detail_counts(tally: CharacteristicTally) -> dict[str, int]:
    """Detailed category id -> count, leaving out zero counts."""
    return {category.id: category.count for category in tally.detail if category.count}


@pytest.fixture
def fixtures_dir() -> Path:
    """Folder holding the synthetic survey exports."""
    return FIXTURES


@pytest.fixture
def tallies_of():
    """Read a fixture, recognise its questions and tally it."""

    def run(name: str, sheet: str | None = None) -> dict[str, CharacteristicTally]:
        survey = read_survey(FIXTURES / name, sheet)
        return tally_survey(survey, recognise_questions(survey))

    return run
