"""``eia validate`` lists the consistency problems apart, saying which block and which do not."""

from datetime import date

import pytest

from eia_app.domain.details import Stage
from eia_app.services.assessments import check_assessment
from eia_app.services.export_checks import consistency_notes
from tests.cli.assessment_helpers import (
    _isolated_library,  # noqa: F401  (autouse fixture)
    run,
    write,
)
from tests.factories import make_final_assessment

HEADING = "Consistency checks before export (error: blocks; warning: check it):"
LATE_ACTION = {
    "id": "A2",
    "action": "Report outcomes by sex.",
    "owner": "SEND lead",
    "due_date": date(2029, 3, 31),
}


@pytest.mark.parametrize(
    ("changes", "level", "field", "fragment", "exit_code"),
    [
        pytest.param(
            {"status": "in_review"},
            "warning",
            "status",
            "The status is 'In review' but an approval date",
            0,
            id="in review with an approval date: a warning",
        ),
        pytest.param(
            {"status": "in_review", "quality__date_published": date(2025, 9, 5)},
            "error",
            "quality.date_published",
            "The status is 'In review' but a publication date",
            1,
            id="in review with a publication date: blocks",
        ),
        pytest.param(
            {"status": "published"},
            "error",
            "quality.date_published",
            "no publication date is recorded",
            1,
            id="published without a date: blocks",
        ),
        pytest.param(
            {"actions": [LATE_ACTION]},
            "warning",
            "monitoring.review_date",
            "comes before open actions are due: A2 (31 March 2029)",
            0,
            id="review before an action: a warning only",
        ),
    ],
)
def test_validate_lists_consistency_problems_under_their_heading(
    tmp_path, changes, level, field, fragment, exit_code
):
    assessment = make_final_assessment(**changes)
    result = run("validate", str(write(tmp_path / "eia.json", assessment)), "--stage", "final")

    assert result.exit_code == exit_code, result.output
    lines = result.output.splitlines()
    assert HEADING in lines
    after = lines[lines.index(HEADING) + 1 :]
    problem = next(line for line in after if f"({field})" in line)
    assert problem.startswith(f"  {level}: ")
    assert fragment in problem
    # Nothing is listed twice, and the order is the app's: consistency comes last.
    app = check_assessment(assessment, Stage.FINAL, today=date.today())
    shown = [line.strip() for line in lines[:-1] if line != HEADING]
    assert shown == [issue.as_line() for issue in app]


def test_a_consistent_file_has_no_consistency_heading(tmp_path):
    result = run("validate", str(write(tmp_path / "eia.json", make_final_assessment())))
    assert result.exit_code == 0, result.output
    assert HEADING not in result.output


def test_the_export_service_returns_the_same_problems_for_the_author():
    assessment = make_final_assessment(status="in_review", actions=[LATE_ACTION])
    notes = consistency_notes(assessment)
    assert [(n.level.value, n.field) for n in notes] == [
        ("warning", "status"),
        ("warning", "monitoring.review_date"),
    ]
    app = check_assessment(assessment, Stage.FINAL)
    assert notes == app[-len(notes) :]
