"""The consistency checks: facts of the record that must agree before export.

Each row takes the complete final-stage assessment of the factories (approved on
1 September 2025, one action due 31 March 2026, review on 1 September 2028),
spoils one fact, and names the field, a piece of the message and the level; a row
with no message is a passing case: nothing may be reported at that field.
"""

from datetime import date
from typing import Any

import pytest

from eia_app.domain.completeness import check_completeness
from eia_app.domain.consistency import check_consistency
from eia_app.domain.details import Stage
from eia_app.domain.issues import IssueLevel
from tests.factories import LOCAL_GROUP_IDS, make_assessment, make_final_assessment

ERROR, WARNING = IssueLevel.ERROR, IssueLevel.WARNING
APPROVED_ON = "sign_off.approved_by.signed_on"
PUBLISHED_ON = "quality.date_published"
REVIEW = "monitoring.review_date"


def action(id_: str, due: date, status: str = "planned") -> dict[str, Any]:
    """An action of the plan due on a date."""
    return {
        "id": id_,
        "action": "Report by sex.",
        "owner": "SEND lead",
        "due_date": due,
        "status": status,
    }


STATUS_ROWS = [
    pytest.param(
        {"status": "in_review"},
        "status",
        "The status is 'In review' but an approval date (1 September 2025) is recorded",
        WARNING,
        id="in review with an approval date",
    ),
    pytest.param(
        {"status": "draft"},
        "status",
        "The status is 'Draft' but an approval date",
        WARNING,
        id="draft with an approval date",
    ),
    pytest.param(
        {"status": "in_review", PUBLISHED_ON: date(2025, 9, 5)},
        PUBLISHED_ON,
        "The status is 'In review' but a publication date (5 September 2025) is set",
        ERROR,
        id="in review with a publication date",
    ),
    pytest.param(
        {"status": "published"},
        PUBLISHED_ON,
        "The status is 'Published' but no publication date is recorded",
        ERROR,
        id="published without a publication date",
    ),
    pytest.param(
        {"status": "published", PUBLISHED_ON: date(2025, 9, 5)},
        PUBLISHED_ON,
        None,
        ERROR,
        id="published with its date passes",
    ),
    pytest.param(
        {"status": "approved", APPROVED_ON: None},
        APPROVED_ON,
        "The status is 'Approved' but no approval date is recorded",
        ERROR,
        id="approved without an approval date",
    ),
    pytest.param(
        {"status": "published", APPROVED_ON: date(2025, 9, 10), PUBLISHED_ON: date(2025, 9, 5)},
        PUBLISHED_ON,
        "is before the approval date (10 September 2025)",
        ERROR,
        id="published before it was approved",
    ),
    pytest.param(
        {"status": "in_review", APPROVED_ON: None},
        "status",
        None,
        ERROR,
        id="in review and not yet approved passes",
    ),
    pytest.param(
        {"status": "under_review", PUBLISHED_ON: date(2025, 9, 5)},
        PUBLISHED_ON,
        None,
        ERROR,
        id="under review keeps its earlier dates",
    ),
]


@pytest.mark.parametrize(("changes", "field", "fragment", "level"), STATUS_ROWS)
def test_the_status_agrees_with_the_approval_and_publication_dates(changes, field, fragment, level):
    issues = check_consistency(make_final_assessment(**changes))
    at_field = [i for i in issues if i.field == field]
    if fragment is None:
        assert at_field == [], [i.message for i in at_field]
        return
    assert [i.level for i in at_field if fragment in i.message] == [level], [
        i.message for i in at_field
    ]


REVIEW_ROWS = [
    pytest.param(
        [action("A1", date(2026, 3, 31))],
        date(2026, 1, 1),
        "comes before open actions are due: A1 (31 March 2026)",
        id="review before an open action",
    ),
    pytest.param(
        [action("A1", date(2026, 3, 31)), action("A2", date(2026, 9, 30), "in_progress")],
        date(2026, 1, 1),
        "set a review date after 30 September 2026",
        id="the latest open action sets the date to beat",
    ),
    pytest.param(
        [action("A1", date(2026, 3, 31))],
        date(2026, 3, 31),
        None,
        id="review on the day the last action is due passes",
    ),
    pytest.param(
        [action("A1", date(2026, 3, 31), "done"), action("A2", date(2026, 4, 1), "cancelled")],
        date(2026, 1, 1),
        None,
        id="finished and cancelled actions need no later review",
    ),
    pytest.param([action("A1", date(2026, 3, 31))], None, None, id="no review date: nothing"),
]


@pytest.mark.parametrize(("actions", "review", "fragment"), REVIEW_ROWS)
def test_the_review_date_comes_after_the_actions_it_reviews(actions, review, fragment):
    assessment = make_final_assessment(actions=actions, monitoring__review_date=review)
    at_review = [i for i in check_consistency(assessment) if i.field == REVIEW]
    if fragment is None:
        assert at_review == []
        return
    assert [i.level for i in at_review if fragment in i.message] == [WARNING], [
        i.message for i in at_review
    ]


def test_before_the_final_stage_the_review_is_not_held_to_the_actions():
    # At consultation the next review is the revision after consultation, which plans again.
    early = make_assessment(
        actions=[action("A1", date(2026, 3, 31))], monitoring__review_date=date(2025, 8, 1)
    )
    assert [i.field for i in check_consistency(early)] == []
    assert REVIEW in [i.field for i in check_consistency(early, Stage.FINAL)]


def test_the_completeness_check_carries_the_consistency_problems():
    assessment = make_final_assessment(status="in_review")
    issues = check_completeness(assessment, Stage.FINAL, local_group_ids=LOCAL_GROUP_IDS)
    assert [i for i in issues if i.field == "status"] == check_consistency(assessment)


def test_the_complete_builders_are_consistent():
    assert check_consistency(make_assessment()) == []
    assert check_consistency(make_final_assessment()) == []
