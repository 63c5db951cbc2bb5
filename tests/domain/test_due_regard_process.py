"""The due-regard checks of timing and process: dates, the consultation, the decision.

The same tables as ``test_due_regard.py`` (checks 4 to 10): each row builds a complete
assessment, spoils one thing, and names the field and a piece of the message.
"""

from datetime import date

import pytest

from eia_app.domain.details import Stage
from tests.domain.test_due_regard import DECIDED, ERROR, OPENS, WARNING, assert_reported
from tests.factories import make_final_assessment

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
