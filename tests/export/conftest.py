"""Fixtures for the export tests: a consultation-stage and a final assessment, and reach results."""

import json
from typing import Any

import pytest

from eia_app.domain.assessment import Assessment
from tests.export.builders import HERE, consultation_data, final_data, require_browser


@pytest.fixture
def consultation_assessment() -> Assessment:
    return Assessment.model_validate(consultation_data())


@pytest.fixture
def final_assessment() -> Assessment:
    return Assessment.model_validate(final_data())


@pytest.fixture
def reach_result() -> dict[str, Any]:
    return json.loads((HERE / "reach_result.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def charted_report() -> bytes:
    """The final assessment exported once with its charts and changes (shared: Chromium is slow)."""
    require_browser()
    from eia_app.services.export import export_assessment

    result = export_assessment(
        Assessment.model_validate(final_data()),
        reach=json.loads((HERE / "reach_result.json").read_text(encoding="utf-8")),
        previous=Assessment.model_validate(consultation_data()),
    )
    assert result.warnings == []
    return result.docx
