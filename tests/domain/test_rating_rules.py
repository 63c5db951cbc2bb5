"""The ratings that say what is known: "unknown (no evidence yet)" and "positive with a risk".

Each row rates one group (sex) with one of the two ratings, gives or withholds
evidence, a mitigation and an action linked to the group, and names the field
the problem must point at with a piece of its message; a row with no message is
a passing case. The helpers are those of the due-regard tables.
"""

from datetime import date
from typing import Any

import pytest

from eia_app.domain.assessment import Assessment
from eia_app.domain.completeness import check_completeness
from eia_app.domain.details import Stage
from eia_app.domain.due_regard import linked_actions
from eia_app.domain.impact import ImpactRating
from tests.domain.test_due_regard import ERROR, WARNING, assert_reported, group_index, impacts_with
from tests.factories import LOCAL_GROUP_IDS, make_assessment

SEX = group_index("sex")
RATING, EVIDENCE, MITIGATION = (
    f"impacts[{SEX}].{name}" for name in ("rating", "evidence_refs", "mitigation")
)


def action(group_ids: list[str], status: str = "planned") -> dict[str, Any]:
    """An action of the plan concerning the groups given."""
    return {
        "id": "A1",
        "action": "Collect SEND data by sex from the case records.",
        "owner": "SEND data lead",
        "due_date": date(2025, 12, 31),
        "status": status,
        "group_ids": group_ids,
    }


def rated(
    rating: str, *, actions: list[dict[str, Any]] | None = None, **changes: Any
) -> Assessment:
    """The complete consultation-stage assessment with sex rated as given."""
    impact = {"rating": rating, "mitigation": None, "residual_justification": None, **changes}
    return make_assessment(impacts=impacts_with("sex", **impact), actions=actions or [])


UNKNOWN_ROWS = [
    pytest.param(
        rated("unknown", evidence_refs=[]),
        EVIDENCE,
        "choose the evidence that shows what is missing, or add an action",
        ERROR,
        id="no evidence and no action",
    ),
    pytest.param(
        rated("unknown", evidence_refs=[], actions=[action(["sex"])]),
        EVIDENCE,
        None,
        ERROR,
        id="an action linked to the group is enough without evidence",
    ),
    pytest.param(
        rated("unknown", evidence_refs=[], actions=[action(["race"])]),
        EVIDENCE,
        "add an action for this group",
        ERROR,
        id="an action for another group does not count",
    ),
    pytest.param(
        rated("unknown", evidence_refs=[], actions=[action(["sex"], status="cancelled")]),
        EVIDENCE,
        "add an action for this group",
        ERROR,
        id="a cancelled action does not count",
    ),
    pytest.param(
        rated("unknown"),
        EVIDENCE,
        None,
        ERROR,
        id="evidence is enough to pass the check",
    ),
    pytest.param(
        rated("unknown"),
        RATING,
        "add an action for this group (under Groups concerned) that will find the evidence",
        WARNING,
        id="evidence but nothing to settle it is a warning",
    ),
    pytest.param(
        rated("unknown", actions=[action(["sex"])]),
        RATING,
        None,
        WARNING,
        id="evidence and an action: nothing to report",
    ),
    pytest.param(
        rated("unknown", evidence_refs=[]),
        MITIGATION,
        None,
        ERROR,
        id="an unknown impact is not asked for a mitigation",
    ),
]


@pytest.mark.parametrize(("assessment", "field", "fragment", "level"), UNKNOWN_ROWS)
def test_an_unknown_rating_needs_evidence_or_an_action_to_find_it(
    assessment, field, fragment, level
):
    assert_reported(assessment, Stage.CONSULTATION, field, fragment, level)


AT_RISK_ROWS = [
    pytest.param(
        rated("positive_with_risk"),
        MITIGATION,
        "Say how the risk of a negative impact will be reduced, or add an action",
        id="no mitigation and no action",
    ),
    pytest.param(
        rated("positive_with_risk", mitigation="Termly review of placements by sex."),
        MITIGATION,
        None,
        id="a mitigation passes",
    ),
    pytest.param(
        rated("positive_with_risk", actions=[action(["sex", "carers"])]),
        MITIGATION,
        None,
        id="an action linked to the group passes",
    ),
    pytest.param(
        rated("positive_with_risk", actions=[action(["race"])]),
        MITIGATION,
        "add an action for this group ('sex' under Groups concerned)",
        id="an action for another group does not count",
    ),
    pytest.param(
        rated("positive_with_risk", residual_justification="The benefit outweighs it."),
        MITIGATION,
        "Say how the risk of a negative impact will be reduced",
        id="a justification alone does not answer a risk",
    ),
    pytest.param(
        rated("positive_with_risk", evidence_refs=[], mitigation="Termly review."),
        EVIDENCE,
        "Choose the evidence behind this risk",
        id="a risk needs evidence, like a negative impact",
    ),
]


@pytest.mark.parametrize(("assessment", "field", "fragment"), AT_RISK_ROWS)
def test_a_positive_rating_with_a_risk_needs_a_mitigation_or_an_action(assessment, field, fragment):
    assert_reported(assessment, Stage.CONSULTATION, field, fragment, ERROR)


@pytest.mark.parametrize("rating", ["unknown", "positive_with_risk"])
def test_the_new_ratings_are_not_judged_at_screening(rating):
    issues = check_completeness(
        rated(rating, evidence_refs=[]), Stage.SCREENING, local_group_ids=LOCAL_GROUP_IDS
    )
    assert [i for i in issues if i.field.startswith(f"impacts[{SEX}]")] == []


def test_linked_actions_are_those_naming_the_group_and_still_standing():
    assessment = make_assessment(
        actions=[
            action(["sex"]) | {"id": "A1"},
            action(["race"]) | {"id": "A2"},
            action(["sex"], status="cancelled") | {"id": "A3"},
            action(["sex", "age"], status="done") | {"id": "A4"},
        ]
    )
    assert [a.id for a in linked_actions(assessment, "sex")] == ["A1", "A4"]


@pytest.mark.parametrize(
    ("rating", "label", "open_"),
    [
        (ImpactRating.POSITIVE, "Positive", False),
        (ImpactRating.POSITIVE_WITH_RISK, "Positive with a risk of negative", True),
        (ImpactRating.NEUTRAL, "Neutral", False),
        (ImpactRating.NEGATIVE, "Negative", True),
        (ImpactRating.UNKNOWN, "Unknown (no evidence yet)", True),
        (ImpactRating.NOT_RELEVANT, "Not relevant", False),
    ],
)
def test_each_rating_has_its_label_guidance_and_whether_it_leaves_harm_open(rating, label, open_):
    assert rating.label == label
    assert rating.guidance.strip()
    assert rating.needs_answer is open_
