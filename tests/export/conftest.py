"""Fixtures for the export tests: a consultation-stage and a final assessment, and reach results."""

import pytest

from eia_app.domain.assessment import Assessment
from eia_app.domain.reach import ReachResult
from tests.export.builders import consultation_data, final_data, require_browser
from tests.export.survey import transport_reach


@pytest.fixture
def consultation_assessment() -> Assessment:
    return Assessment.model_validate(consultation_data())


@pytest.fixture
def final_assessment() -> Assessment:
    return Assessment.model_validate(final_data())


@pytest.fixture(scope="session")
def reach_result(tmp_path_factory: pytest.TempPathFactory) -> ReachResult:
    """Reach results written by the engine from a small survey (computed once)."""
    return transport_reach(tmp_path_factory.mktemp("reach"))


@pytest.fixture(scope="session")
def charted_report(reach_result: ReachResult) -> bytes:
    """The final assessment exported once with its charts and changes (shared: Chromium is slow)."""
    require_browser()
    from eia_app.services.export import export_assessment

    result = export_assessment(
        Assessment.model_validate(final_data()),
        reach=reach_result,
        previous=Assessment.model_validate(consultation_data()),
    )
    assert result.warnings == []
    return result.docx
