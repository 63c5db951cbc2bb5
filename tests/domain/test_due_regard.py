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


# --- 4. Due regard starts before the decision ---------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field", "fragment"),
    [
        pytest.param(
            {"key_details__date_started": DECIDED},
            "key_details.date_started",
            "enter a date before the meeting on 23 September 2025",
            id="started on the day of the decision",
        ),
        pytest.param(
            {"key_details__due_regard_started": date(2025, 10, 1)},
            "key_details.due_regard_started",
            "Due regard must come before the decision",
            id="due regard began after the decision",
        ),
        pytest.param(
            {"key_details__date_started": date(2025, 9, 22)},
            "key_details.date_started",
            None,
            id="started the day before passes",
        ),
        pytest.param(
            {"key_details__date_started": None},
            "key_details.date_started",
            "Enter the date work on this assessment started",
            id="start date missing",
        ),
    ],
)
@pytest.mark.parametrize("stage", [Stage.CONSULTATION, Stage.FINAL], ids=lambda s: s.value)
def test_the_assessment_starts_before_the_decision(overrides, field, fragment, stage):
    assert_reported(make_final_assessment(**overrides), stage, field, fragment)


# --- 5. The consultation closes before the decision ---------------------------------


@pytest.mark.parametrize(
    ("closes", "stage", "fragment"),
    [
        pytest.param(
            DECIDED, Stage.FINAL, "must close before the decision", id="closes on decision day"
        ),
        pytest.param(
            date(2025, 10, 31), Stage.FINAL, "before the meeting on 23 September", id="after"
        ),
        pytest.param(date(2025, 9, 22), Stage.FINAL, None, id="closes the day before passes"),
        # At the consultation stage the decision is whether to consult: it comes first.
        pytest.param(date(2025, 10, 31), Stage.CONSULTATION, None, id="not judged before final"),
    ],
)
def test_the_consultation_closes_before_the_decision(closes, stage, fragment):
    # Twelve weeks or more, so that no short-consultation reason is needed either way.
    assessment = make_final_assessment(
        consultation__plan__start_date=date(2025, 6, 1), consultation__plan__end_date=closes
    )
    assert_reported(assessment, stage, "consultation.plan.end_date", fragment)


# --- 6. Consultation length recorded, with a reason when under 12 weeks --------------


@pytest.mark.parametrize(
    ("closes", "reason", "stage", "field", "fragment"),
    [
        pytest.param(
            None,
            None,
            Stage.CONSULTATION,
            "consultation.plan.end_date",
            "Enter the date the consultation closes",
            id="closing date missing",
        ),
        pytest.param(
            date(2025, 7, 6),
            None,
            Stage.CONSULTATION,
            "consultation.plan.short_period_reason",
            "Give a reason why the consultation is shorter than 12 weeks: it runs for 8 weeks.",
            id="eight weeks without a reason",
        ),
        pytest.param(
            date(2025, 8, 2),
            None,
            Stage.FINAL,
            "consultation.plan.short_period_reason",
            "it runs for 11 weeks and 6 days",
            id="one day short of twelve weeks",
        ),
        pytest.param(
            date(2025, 8, 3),
            None,
            Stage.FINAL,
            "consultation.plan.short_period_reason",
            None,
            id="twelve weeks needs no reason",
        ),
        pytest.param(
            date(2025, 7, 6),
            "Timed to end before the summer holidays.",
            Stage.CONSULTATION,
            "consultation.plan.short_period_reason",
            None,
            id="eight weeks with a reason passes",
        ),
        pytest.param(
            date(2025, 7, 6),
            None,
            Stage.SCREENING,
            "consultation.plan.short_period_reason",
            None,
            id="not asked at screening",
        ),
    ],
)
def test_the_consultation_length_is_recorded_and_a_short_one_explained(
    closes, reason, stage, field, fragment
):
    assessment = make_final_assessment(
        consultation__plan__start_date=OPENS,
        consultation__plan__end_date=closes,
        consultation__plan__short_period_reason=reason,
    )
    assert_reported(assessment, stage, field, fragment)


# --- 7. Accessible formats listed ----------------------------------------------------


@pytest.mark.parametrize(
    ("formats", "stage", "fragment"),
    [
        pytest.param([], Stage.CONSULTATION, "Choose the accessible formats", id="none listed"),
        pytest.param([], Stage.FINAL, "such as Easy Read or large print", id="none at final"),
        pytest.param(["large_print"], Stage.CONSULTATION, None, id="one listed passes"),
        pytest.param([], Stage.SCREENING, None, id="not asked at screening"),
    ],
)
def test_accessible_formats_are_listed(formats, stage, fragment):
    assessment = make_final_assessment(consultation__plan__accessible_formats=formats)
    assert_reported(assessment, stage, "consultation.plan.accessible_formats", fragment)


# --- 8. "You said, we did" before the final stage ------------------------------------


@pytest.mark.parametrize(
    ("entries", "stage", "fragment"),
    [
        pytest.param([], Stage.FINAL, "Add what people said in the consultation", id="none"),
        pytest.param([], Stage.CONSULTATION, None, id="not yet at consultation"),
        pytest.param(
            [{"you_said": "More respite.", "we_did": "Added short breaks."}],
            Stage.FINAL,
            None,
            id="one entry passes",
        ),
    ],
)
def test_you_said_we_did_is_recorded_for_the_final_stage(entries, stage, fragment):
    assessment = make_final_assessment(consultation__you_said_we_did=entries)
    assert_reported(assessment, stage, "consultation.you_said_we_did", fragment)


# --- 9. Decision-maker named ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "stage", "fragment"),
    [
        pytest.param(None, Stage.CONSULTATION, "Enter who takes the decision", id="missing"),
        pytest.param(" ", Stage.FINAL, "such as Cabinet", id="blank"),
        pytest.param("Cabinet", Stage.FINAL, None, id="named passes"),
        pytest.param(None, Stage.SCREENING, None, id="not asked at screening"),
    ],
)
def test_the_decision_maker_is_named(name, stage, fragment):
    assessment = make_final_assessment(purpose__decision_route__decision_maker=name)
    assert_reported(assessment, stage, "purpose.decision_route.decision_maker", fragment)


# --- 10. Review date set, after the decision and in the future -----------------------


@pytest.mark.parametrize(
    ("review", "today", "stage", "fragment", "level"),
    [
        pytest.param(
            None, None, Stage.FINAL, "Enter the date this assessment will be reviewed", ERROR,
            id="missing at final",
        ),
        pytest.param(None, None, Stage.CONSULTATION, None, ERROR, id="not required earlier"),
        pytest.param(
            DECIDED, None, Stage.FINAL, "Enter a review date after the decision on 23 September",
            ERROR, id="on the decision day",
        ),
        pytest.param(
            date(2027, 6, 1), date(2027, 6, 2), Stage.FINAL, "not in the future", WARNING,
            id="passed",
        ),
        pytest.param(
            date(2027, 6, 1), date(2027, 6, 1), Stage.CONSULTATION, "not in the future",
            WARNING, id="today is not the future",
        ),
        pytest.param(date(2027, 6, 1), date(2027, 5, 31), Stage.FINAL, None, ERROR, id="future"),
        pytest.param(date(2027, 6, 1), None, Stage.FINAL, None, ERROR, id="no today, no check"),
    ],
)  # fmt: skip
def test_the_review_date_is_set_after_the_decision_and_in_the_future(
    review, today, stage, fragment, level
):
    assessment = make_final_assessment(monitoring__review_date=review)
    assert_reported(assessment, stage, "monitoring.review_date", fragment, level, today=today)
