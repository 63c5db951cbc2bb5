"""The task list: sections in form order, each with a status from the completeness rules.

No Streamlit here: the statuses are computed from an assessment and a stage alone.
"""

from datetime import date

import pytest

from eia_app.domain.assessment import Assessment
from eia_app.domain.details import Stage
from eia_app.domain.impact import ImpactRating
from eia_app.services.sections import SECTIONS
from eia_app.services.tasks import TaskStatus, task_list
from tests.factories import (
    LOCAL_GROUP_IDS,
    all_group_ids,
    make_assessment,
    make_final_assessment,
    make_screening_entry,
)

NOT_STARTED = TaskStatus.NOT_STARTED
IN_PROGRESS = TaskStatus.IN_PROGRESS
COMPLETED = TaskStatus.COMPLETED
CANNOT_START_YET = TaskStatus.CANNOT_START_YET

EVERY_SECTION = [s.id for s in SECTIONS]
AFTER_SCREENING = EVERY_SECTION[EVERY_SECTION.index("screening") + 1 :]
SHORT_PATH = ["key_details", "quality", "screening", "sign_off"]


def tasks(assessment: Assessment, stage: Stage | None = None):
    return {t.section_id: t for t in task_list(assessment, stage, LOCAL_GROUP_IDS)}


def no_full_assessment(**overrides) -> Assessment:
    """A complete assessment whose screening found every group of low relevance, and said no."""
    return make_final_assessment(
        screening__entries=[make_screening_entry(g, relevance="low") for g in all_group_ids()],
        screening__full_assessment_required=False,
        **overrides,
    )


@pytest.mark.parametrize(
    ("assessment", "stage", "expected"),
    [
        pytest.param(
            Assessment(),
            Stage.SCREENING,
            {"key_details": NOT_STARTED, "quality": NOT_STARTED, "screening": NOT_STARTED}
            | dict.fromkeys(AFTER_SCREENING, CANNOT_START_YET),
            id="a new draft: nothing started, later sections wait for screening",
        ),
        pytest.param(
            make_assessment(),
            Stage.CONSULTATION,
            dict.fromkeys(EVERY_SECTION, COMPLETED)
            # Nothing is entered in these three, and nothing is asked for yet.
            | dict.fromkeys(("previous_review", "combined", "actions"), NOT_STARTED),
            id="complete for consultation",
        ),
        pytest.param(
            make_assessment(purpose__summary=None),
            Stage.CONSULTATION,
            {"purpose": IN_PROGRESS, "key_details": COMPLETED, "evidence": COMPLETED},
            id="content with a blocking issue is in progress",
        ),
        pytest.param(
            make_assessment(consultation__plan__short_period_reason=None),
            Stage.CONSULTATION,
            {"consultation": IN_PROGRESS, "purpose": COMPLETED},
            id="a due-regard check counts like a required field",
        ),
        pytest.param(
            make_assessment(evidence__items=[], impacts=[]),
            Stage.CONSULTATION,
            {"evidence": NOT_STARTED, "impacts": NOT_STARTED},
            id="empty sections are not started even when required",
        ),
        pytest.param(
            make_assessment(screening__reasons=None),
            Stage.CONSULTATION,
            {"key_details": COMPLETED, "screening": IN_PROGRESS}
            | dict.fromkeys(AFTER_SCREENING, CANNOT_START_YET),
            id="everything after an unfinished screening cannot start yet",
        ),
        pytest.param(
            make_assessment(),
            Stage.FINAL,
            {"consultation": IN_PROGRESS, "decision": IN_PROGRESS, "actions": NOT_STARTED},
            id="the stage chooses the rules",
        ),
        pytest.param(
            make_assessment(stage="final"),
            None,
            {"consultation": IN_PROGRESS, "decision": IN_PROGRESS},
            id="no stage means the assessment's own",
        ),
        pytest.param(
            no_full_assessment(),
            Stage.SCREENING,
            dict.fromkeys(SHORT_PATH, COMPLETED),
            id="short path complete",
        ),
        pytest.param(
            no_full_assessment(screening__reasons=None),
            Stage.SCREENING,
            {"screening": IN_PROGRESS, "sign_off": CANNOT_START_YET},
            id="short path: sign-off waits for the screening reasons",
        ),
        pytest.param(
            no_full_assessment(sign_off__approved_by__name=None),
            Stage.SCREENING,
            {"screening": COMPLETED, "sign_off": IN_PROGRESS},
            id="short path: sign-off is asked for at screening",
        ),
    ],
)
def test_each_section_gets_the_status_its_rules_give(assessment, stage, expected):
    found = tasks(assessment, stage)
    assert {section: found[section].status for section in expected} == expected


@pytest.mark.parametrize(
    ("assessment", "ids"),
    [
        pytest.param(make_assessment(), EVERY_SECTION, id="full assessment needed"),
        pytest.param(
            make_assessment(screening__full_assessment_required=None),
            EVERY_SECTION,
            id="not yet decided",
        ),
        pytest.param(no_full_assessment(), SHORT_PATH, id="no full assessment needed"),
    ],
)
def test_the_short_path_leaves_out_the_full_assessment(assessment, ids):
    entries = task_list(assessment, Stage.FINAL, LOCAL_GROUP_IDS)
    assert [e.section_id for e in entries] == ids
    assert [e.title for e in entries] == [s.title for s in SECTIONS if s.id in ids]


def test_each_task_counts_the_problems_under_its_fields():
    draft = make_assessment(purpose__summary=None, purpose__who_is_affected=None)
    found = tasks(draft, Stage.CONSULTATION)
    assert (found["purpose"].problems, found["key_details"].problems) == (2, 0)
    # Screening coverage problems count against screening, not against the sections after it.
    unscreened = tasks(Assessment(), Stage.SCREENING)
    assert unscreened["screening"].problems == len(all_group_ids()) + 2
    assert unscreened["purpose"].problems == 1


def test_warnings_are_counted_but_do_not_hold_a_section_back():
    complete = make_assessment()
    age, *others = complete.impacts
    unknown_age = age.model_copy(
        update={"rating": ImpactRating.UNKNOWN, "mitigation": "Ask (action A1)."}
    )
    draft = complete.model_copy(update={"impacts": [unknown_age, *others]})
    found = tasks(draft, Stage.CONSULTATION)["impacts"]
    assert (found.status, found.problems, found.warnings) == (COMPLETED, 0, 1)
    assert found.status_label == "Completed"


@pytest.mark.parametrize(
    ("changes", "section", "problems", "warnings"),
    [
        pytest.param({"status": "in_review"}, "quality", 0, 1, id="in review though approved"),
        pytest.param(
            {"status": "draft", "quality__date_published": date(2025, 9, 5)},
            "quality",
            1,
            1,
            id="a draft with approval and publication dates",
        ),
        pytest.param(
            {"status": "published", "quality__date_published": None},
            "quality",
            1,
            0,
            id="published without a date",
        ),
        pytest.param(
            {"monitoring__review_date": date(2026, 1, 1)},
            "monitoring",
            0,
            1,
            id="review before the action is due",
        ),
    ],
)
def test_consistency_problems_count_in_their_section(changes, section, problems, warnings):
    entry = tasks(make_final_assessment(**changes), Stage.FINAL)[section]
    assert (entry.problems, entry.warnings) == (problems, warnings)
    assert entry.status is (IN_PROGRESS if problems else COMPLETED)
