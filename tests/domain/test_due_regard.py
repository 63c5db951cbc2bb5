"""The due-regard checks: one table per check, each row one thing wrong (or right).

Every row builds a complete assessment from the factories, spoils one thing,
checks it at a stage and names the field the problem must point at and a piece
of the message that says how to fix it. A row with no message is a passing case:
nothing may be reported at that field.
"""

from datetime import date
from typing import Any

import pytest

from eia_app.domain.assessment import Assessment
from eia_app.domain.completeness import blocking, check_completeness
from eia_app.domain.details import Stage
from eia_app.domain.issues import IssueLevel
from tests.factories import (
    LOCAL_GROUP_IDS,
    all_group_ids,
    make_assessment,
    make_final_assessment,
    make_impact,
    make_screening_entry,
)

ERROR, WARNING = IssueLevel.ERROR, IssueLevel.WARNING

# The factories' decision meeting and consultation dates, which several rows move.
DECIDED = date(2025, 9, 23)
OPENS = date(2025, 5, 12)

MARRIAGE = "marriage_civil_partnership"


def group_index(group_id: str) -> int:
    """Row of a group's entry in the factories' screening and impact lists."""
    return all_group_ids().index(group_id)


def impacts_with(group_id: str, **changes: Any) -> list[dict[str, Any]]:
    """The factories' impacts, with one group's entry changed."""
    return [make_impact(g, **changes) if g == group_id else make_impact(g) for g in all_group_ids()]


def screening_with(group_id: str, **changes: Any) -> list[dict[str, Any]]:
    """The factories' screening entries, with one group's entry changed (or dropped if None)."""
    entries = []
    for g in all_group_ids():
        if g != group_id:
            entries.append(make_screening_entry(g))
        elif changes:
            entries.append(make_screening_entry(g, **changes))
    return entries


def psed_with(advance_equality: str) -> list[dict[str, str]]:
    """Answers to the three aims, with the second aim's answer given."""
    return [
        {"aim": "eliminate_discrimination", "analysis": "Less unlawful exclusion of pupils."},
        {"aim": "advance_equality", "analysis": advance_equality},
        {"aim": "foster_good_relations", "analysis": "Children learn together."},
    ]


def assert_reported(
    assessment: Assessment,
    stage: Stage,
    field: str,
    fragment: str | None,
    level: IssueLevel = ERROR,
    today: date | None = None,
) -> None:
    """Check the one expectation of a table row."""
    issues = check_completeness(assessment, stage, local_group_ids=LOCAL_GROUP_IDS, today=today)
    at_field = [issue for issue in issues if issue.field == field]
    if fragment is None:
        assert at_field == [], [issue.message for issue in at_field]
        return
    matching = [issue for issue in at_field if fragment in issue.message]
    assert matching, [issue.message for issue in at_field] or "nothing at this field"
    assert [issue.level for issue in matching] == [level]


def test_the_complete_builders_pass_every_due_regard_check():
    today = date(2025, 10, 1)
    consultation = check_completeness(
        make_assessment(), Stage.CONSULTATION, local_group_ids=LOCAL_GROUP_IDS, today=today
    )
    final = check_completeness(
        make_final_assessment(), Stage.FINAL, local_group_ids=LOCAL_GROUP_IDS, today=today
    )
    assert blocking(consultation) == []
    assert blocking(final) == []


# --- 1. Every characteristic addressed, or marked not relevant with a reason ------


@pytest.mark.parametrize(
    ("overrides", "stage", "field", "fragment"),
    [
        pytest.param(
            {"screening__entries": screening_with("religion_belief")},
            Stage.SCREENING,
            "screening.entries",
            "Add a screening judgement for 'religion_belief'",
            id="a characteristic not screened",
        ),
        pytest.param(
            {"screening__entries": screening_with(MARRIAGE, relevance="none", note=None)},
            Stage.SCREENING,
            f"screening.entries[{group_index(MARRIAGE)}].note",
            f"Give a reason why the proposal is not relevant to '{MARRIAGE}'",
            id="screened not relevant without a reason",
        ),
        pytest.param(
            {"screening__entries": screening_with(MARRIAGE, relevance="none", note="   ")},
            Stage.SCREENING,
            f"screening.entries[{group_index(MARRIAGE)}].note",
            "Give a reason why",
            id="a blank reason is no reason",
        ),
        pytest.param(
            {"screening__entries": screening_with(MARRIAGE, relevance="none")},
            Stage.SCREENING,
            f"screening.entries[{group_index(MARRIAGE)}].note",
            None,
            id="screened not relevant with a reason passes",
        ),
        pytest.param(
            {"impacts": [make_impact(g) for g in all_group_ids() if g != "race"]},
            Stage.CONSULTATION,
            "impacts",
            "Assess the impact on 'race'",
            id="a characteristic not assessed",
        ),
        pytest.param(
            {"impacts": impacts_with(MARRIAGE, rating="not_relevant", reasoning=None)},
            Stage.CONSULTATION,
            f"impacts[{group_index(MARRIAGE)}].reasoning",
            f"Give a reason why the proposal is not relevant to '{MARRIAGE}'",
            id="impact not relevant without a reason",
        ),
        pytest.param(
            {"impacts": impacts_with(MARRIAGE, rating="not_relevant")},
            Stage.CONSULTATION,
            f"impacts[{group_index(MARRIAGE)}].reasoning",
            None,
            id="impact not relevant with a reason passes",
        ),
        pytest.param(
            {"impacts": impacts_with(MARRIAGE, rating="not_relevant", reasoning=None)},
            Stage.SCREENING,
            f"impacts[{group_index(MARRIAGE)}].reasoning",
            None,
            id="impacts are not asked for at screening",
        ),
    ],
)
def test_every_characteristic_is_addressed_or_not_relevant_with_a_reason(
    overrides, stage, field, fragment
):
    assert_reported(make_assessment(**overrides), stage, field, fragment)


# --- 2. Negative impacts: evidence, and a mitigation or a justification ----------
# (unknown and "positive with a risk of negative": tests/domain/test_rating_rules.py)

SEX = group_index("sex")


@pytest.mark.parametrize(
    ("changes", "stage", "field", "fragment", "level"),
    [
        pytest.param(
            {"evidence_refs": []},
            Stage.CONSULTATION,
            f"impacts[{SEX}].evidence_refs",
            "Choose the evidence behind this negative impact",
            ERROR,
            id="negative without evidence",
        ),
        pytest.param(
            {"mitigation": None, "residual_justification": None},
            Stage.CONSULTATION,
            f"impacts[{SEX}].mitigation",
            "Say how the negative impact will be removed or reduced",
            ERROR,
            id="negative without mitigation or justification",
        ),
        pytest.param(
            {"mitigation": None},
            Stage.CONSULTATION,
            f"impacts[{SEX}].mitigation",
            None,
            ERROR,
            id="negative justified but not mitigated passes",
        ),
        pytest.param(
            {"evidence_refs": [], "mitigation": None, "residual_justification": None},
            Stage.SCREENING,
            f"impacts[{SEX}].mitigation",
            None,
            ERROR,
            id="impacts are not judged at screening",
        ),
    ],
)
def test_a_negative_impact_has_evidence_and_an_answer(changes, stage, field, fragment, level):
    assessment = make_assessment(impacts=impacts_with("sex", **changes))
    assert_reported(assessment, stage, field, fragment, level)


# --- 3. Marriage and civil partnership: only the first aim of the duty -------------


@pytest.mark.parametrize(
    ("psed", "stage", "field", "fragment"),
    [
        pytest.param(
            psed_with("It advances equality for married couples and civil partners."),
            Stage.CONSULTATION,
            "psed[1].analysis",
            "Take marriage and civil partnership out of this answer",
            id="marriage claimed under the second aim",
        ),
        pytest.param(
            psed_with("Families of every shape, including those in a Civil Partnership."),
            Stage.FINAL,
            "psed[1].analysis",
            "section 149(7)",
            id="civil partnership claimed, any capitalisation",
        ),
        pytest.param(
            [
                {"aim": "eliminate_discrimination", "analysis": "No marriage bar in staff terms."},
                {"aim": "advance_equality", "analysis": "Needs met earlier."},
                {"aim": "foster_good_relations", "analysis": "Children learn together."},
            ],
            Stage.CONSULTATION,
            "psed[0].analysis",
            None,
            id="marriage under the first aim passes",
        ),
        pytest.param(
            psed_with("It advances equality for married couples."),
            Stage.SCREENING,
            "psed[1].analysis",
            None,
            id="the aims are not asked for at screening",
        ),
    ],
)
def test_marriage_and_civil_partnership_only_against_the_first_aim(psed, stage, field, fragment):
    build = make_final_assessment if stage is Stage.FINAL else make_assessment
    assert_reported(build(psed=psed), stage, field, fragment)
