"""``eia validate`` reports the due-regard problems the app's check shows, field by field."""

from datetime import date

import pytest

from eia_app.domain.details import Stage
from eia_app.services.assessments import check_assessment
from tests.cli.assessment_helpers import (
    _isolated_library,  # noqa: F401  (autouse fixture)
    run,
    write,
)
from tests.factories import make_assessment, make_final_assessment

SECOND_AIM_CLAIMS_MARRIAGE = [
    {"aim": "eliminate_discrimination", "analysis": "Less unlawful exclusion."},
    {"aim": "advance_equality", "analysis": "It advances equality for married couples."},
    {"aim": "foster_good_relations", "analysis": "Children learn together."},
]


@pytest.mark.parametrize(
    ("assessment", "stage", "field", "fragment"),
    [
        pytest.param(
            make_assessment(consultation__plan__short_period_reason=None),
            Stage.CONSULTATION,
            "consultation.plan.short_period_reason",
            "shorter than 12 weeks: it runs for 8 weeks",
            id="short consultation without a reason",
        ),
        pytest.param(
            make_assessment(psed=SECOND_AIM_CLAIMS_MARRIAGE),
            Stage.CONSULTATION,
            "psed[1].analysis",
            "only the aim to eliminate discrimination applies",
            id="marriage under the second aim",
        ),
        pytest.param(
            make_final_assessment(consultation__plan__end_date=date(2025, 9, 30)),
            Stage.FINAL,
            "consultation.plan.end_date",
            "must close before the decision",
            id="consultation closed after the decision",
        ),
        pytest.param(
            make_final_assessment(consultation__plan__accessible_formats=[]),
            Stage.FINAL,
            "consultation.plan.accessible_formats",
            "Choose the accessible formats",
            id="no accessible formats",
        ),
    ],
)
def test_validate_names_the_due_regard_problem_as_the_app_does(
    tmp_path, assessment, stage, field, fragment
):
    result = run("validate", str(write(tmp_path / "eia.json", assessment)), "--stage", stage.value)

    assert result.exit_code == 1, result.output
    problem = next(line for line in result.output.splitlines() if f"({field})" in line)
    assert problem.startswith("error: ")
    assert fragment in problem
    # The app's check page lists the same issues, in the same words and order.
    app = check_assessment(assessment, stage, today=date.today())
    assert result.output.strip().splitlines()[:-1] == [issue.as_line() for issue in app]
