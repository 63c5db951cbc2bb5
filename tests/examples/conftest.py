"""Fixtures shared by the two test modules of the revised SEND example.

The revised assessment and the reach engine run on the synthetic consultation
export, split by respondent type. Both are module-scoped, as they were when the
tests were one module.
"""

import json
from typing import Any

import pytest

from eia_app.domain.assessment import Assessment
from eia_app.services.reach import analyse_survey
from tests.examples.send_revised import RESPONDENT_TYPE, REVISED, SURVEY


@pytest.fixture(scope="module")
def revised() -> Assessment:
    return Assessment.model_validate_json(REVISED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reach() -> dict[str, Any]:
    """The reach result as the JSON document that ``eia reach --format json`` writes."""
    return json.loads(analyse_survey(SURVEY, split_by=RESPONDENT_TYPE).model_dump_json())
