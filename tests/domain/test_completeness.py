"""The completeness check: every problem found, each naming the field and what to do."""

from datetime import date
from typing import Any

import pytest

from eia_app.domain.assessment import Assessment
from eia_app.domain.completeness import blocking, check_completeness
from eia_app.domain.details import Stage
from eia_app.domain.impact import ImpactRating
from eia_app.domain.issues import IssueLevel
from eia_app.domain.labels import field_label
from tests.factories import (
    LOCAL_GROUP_IDS,
    all_group_ids,
    make_assessment,
    make_final_assessment,
    make_screening_entry,
)


def check(assessment, stage=None, **kwargs):
    """Check against the shipped registry's local groups, as the app and CLI do."""
    return check_completeness(assessment, stage, local_group_ids=LOCAL_GROUP_IDS, **kwargs)


def test_a_complete_consultation_stage_assessment_has_no_blocking_issue():
    assert blocking(check(make_assessment(), Stage.CONSULTATION)) == []


def test_a_complete_final_assessment_has_no_blocking_issue():
    assert blocking(check(make_final_assessment(), Stage.FINAL)) == []


@pytest.mark.parametrize(
    ("override", "field", "stage"),
    [
        ({"key_details__title": None}, "key_details.title", Stage.SCREENING),
        ({"key_details__reference": None}, "key_details.reference", Stage.SCREENING),
        ({"purpose__summary": ""}, "purpose.summary", Stage.SCREENING),
        ({"purpose__intended_outcomes": []}, "purpose.intended_outcomes", Stage.CONSULTATION),
        (
            {"purpose__decision_route__meeting_date": None},
            "purpose.decision_route.meeting_date",
            Stage.CONSULTATION,
        ),
        ({"evidence__items": [], "impacts": []}, "evidence.items", Stage.CONSULTATION),
        ({"consultation__plan__end_date": None}, "consultation.plan.end_date", Stage.CONSULTATION),
        ({"decision__outcome": None}, "decision.outcome", Stage.CONSULTATION),
        ({"sign_off__completed_by__name": None}, "sign_off.completed_by.name", Stage.CONSULTATION),
    ],
    ids=lambda value: value.value if isinstance(value, Stage) else None,
)
def test_an_emptied_required_field_blocks_its_stage_and_is_named(override, field, stage):
    issues = blocking(check(make_assessment(**override), stage))
    assert field in [issue.field for issue in issues]
    issue = next(issue for issue in issues if issue.field == field)
    assert issue.label == field_label(field)
    assert "required" in issue.message or "Fill" in issue.message


@pytest.mark.parametrize(
    ("field", "first_stage"),
    [
        ("consultation.what_people_said", Stage.FINAL),
        ("consultation.you_said_we_did", Stage.FINAL),
        ("sign_off.approved_by.name", Stage.FINAL),
        ("actions", Stage.FINAL),
    ],
)
def test_fields_needed_only_after_consultation_do_not_block_earlier(field, first_stage):
    draft = make_assessment(**{field: [] if field.endswith(("said_we_did", "actions")) else None})
    assert field not in [i.field for i in blocking(check(draft, Stage.CONSULTATION))]
    assert field in [i.field for i in blocking(check(draft, first_stage))]


def test_every_problem_is_reported_not_only_the_first():
    issues = check(Assessment(), Stage.CONSULTATION)
    fields = {issue.field for issue in issues}
    # Required fields from several sections, plus coverage of all 14 groups.
    assert {"key_details.title", "purpose.summary", "decision.outcome"} <= fields
    coverage = [i for i in issues if i.field == "screening.entries"]
    assert len(coverage) == 14
    assert len([i for i in issues if i.field == "impacts"]) == 14
    assert len([i for i in issues if i.field == "psed"]) == 3


def test_a_missing_group_impact_is_named():
    complete = make_assessment()
    without_race = complete.model_copy(
        update={"impacts": [i for i in complete.impacts if i.group_id != "race"]}
    )
    messages = [i.message for i in blocking(check(without_race, Stage.CONSULTATION))]
    assert any("'race'" in message for message in messages)


def test_negative_impact_without_mitigation_blocks():
    complete = make_assessment()
    impacts = [
        i.model_copy(update={"rating": ImpactRating.NEGATIVE, "mitigation": None})
        if i.group_id == "age"
        else i
        for i in complete.impacts
    ]
    issues = blocking(check(complete.model_copy(update={"impacts": impacts})))
    assert [i.field for i in issues if i.field.endswith(".mitigation")]


def test_unknown_rating_with_an_answer_is_a_warning_not_a_block():
    complete = make_assessment()
    impacts = [
        i.model_copy(
            update={"rating": ImpactRating.UNKNOWN, "mitigation": "Survey faith groups (A2)."}
        )
        if i.group_id == "religion_belief"
        else i
        for i in complete.impacts
    ]
    issues = check(complete.model_copy(update={"impacts": impacts}), Stage.CONSULTATION)
    unknown = [i for i in issues if i.field.endswith(".rating")]
    assert [i.level for i in unknown] == [IssueLevel.WARNING]
    assert blocking(issues) == []


def test_evidence_cited_but_not_listed_is_an_error():
    complete = make_assessment()
    impacts = [
        i.model_copy(update={"evidence_refs": ["EV99"]}) if i.group_id == "sex" else i
        for i in complete.impacts
    ]
    issues = check(complete.model_copy(update={"impacts": impacts}))
    assert any("EV99" in i.message for i in blocking(issues))


def test_continuing_despite_adverse_impact_needs_a_justification():
    draft = make_assessment(
        decision__outcome="continue_despite_adverse", decision__justification=None
    )
    assert "decision.justification" in [i.field for i in blocking(check(draft))]


def test_a_passed_review_date_is_flagged_against_today():
    # After the last action is due (31 March 2026), so only the date itself is judged.
    draft = make_final_assessment(monitoring__review_date=date(2026, 6, 1))
    warnings = check(draft, Stage.FINAL, today=date(2026, 6, 2))
    assert "monitoring.review_date" in [i.field for i in warnings]
    assert "monitoring.review_date" not in [
        i.field for i in check(draft, Stage.FINAL, today=date(2026, 5, 31))
    ]


def test_field_titles_follow_the_model():
    assert field_label("purpose.decision_route.meeting_date") == (
        "Purpose, aims and scope > Decision route > Meeting date"
    )


# --- The short path: screening finds no full assessment is needed -------------------


def short_path_assessment(stage: Stage, **screening: Any) -> Assessment:
    """Only key details, a screening that says "no full assessment", and the sign-off."""
    complete = make_final_assessment()
    entries = [make_screening_entry(g, relevance="low") for g in all_group_ids()]
    fields = {
        "entries": entries,
        "full_assessment_required": False,
        "reasons": "A change of office hours only.",
    }
    return Assessment.model_validate(
        {
            # Signed off and approved, so the status says so (see the consistency checks).
            "status": "approved",
            "stage": stage,
            "key_details": complete.key_details.model_dump(),
            "screening": {**fields, **screening},
            "sign_off": complete.sign_off.model_dump(),
        }
    )


@pytest.mark.parametrize("stage", list(Stage), ids=lambda s: s.value)
def test_the_short_path_asks_only_for_screening_and_sign_off(stage):
    short = short_path_assessment(stage)
    assert blocking(check(short, stage)) == []
    # The same empty sections block the full path.
    full = short.model_copy(
        update={"screening": short.screening.model_copy(update={"full_assessment_required": True})}
    )
    assert "purpose.summary" in [i.field for i in blocking(check(full, stage))]


@pytest.mark.parametrize(
    ("spoil", "field", "fragment"),
    [
        pytest.param({"reasons": None}, "screening.reasons", "Give the reasons", id="no reasons"),
        pytest.param(
            {"entries": [make_screening_entry(g, relevance="low") for g in all_group_ids()][1:]},
            "screening.entries",
            "'age'",
            id="a group not screened",
        ),
        pytest.param(
            {"entries": [make_screening_entry(g, relevance="unknown") for g in all_group_ids()]},
            "screening.full_assessment_required",
            "so a full assessment is needed",
            id="relevance unknown",
        ),
    ],
)
def test_the_short_path_still_needs_a_sound_screening(spoil, field, fragment):
    issues = blocking(check(short_path_assessment(Stage.SCREENING, **spoil), Stage.SCREENING))
    assert any(i.field == field and fragment in i.message for i in issues), issues


@pytest.mark.parametrize(
    "field",
    ["sign_off.completed_by.name", "sign_off.approved_by.name", "sign_off.approved_by.signed_on"],
)
def test_the_short_path_needs_its_sign_off_already_at_screening(field):
    short = short_path_assessment(Stage.SCREENING)
    _, person, name = field.split(".")
    approval = getattr(short.sign_off, person).model_copy(update={name: None})
    unsigned = short.model_copy(
        update={"sign_off": short.sign_off.model_copy(update={person: approval})}
    )
    assert field in [i.field for i in blocking(check(unsigned, Stage.SCREENING))]
