"""The SEND example shows good practice where a legal reviewer would press it.

Each test pins one fact (not a whole sentence): the disability rating and the
High Needs link behind it, the trigger measures, a timeliness target with its
baseline, the ratings that say the evidence is missing, the review date against
the actions, the status against its dates, what the children's sessions said and
how fathers' reach is measured.
"""

from datetime import date

import pytest

from eia_app.domain.assessment import Assessment
from eia_app.domain.consistency import check_consistency
from eia_app.domain.decision import ActionStatus
from eia_app.domain.details import Stage, Status
from eia_app.domain.due_regard import linked_actions
from eia_app.domain.impact import ImpactRating
from tests.examples.send_revised import CONSULTATION_STAGE, FINAL_CABINET, REVISED

BOTH = [pytest.param(CONSULTATION_STAGE, id="consultation"), pytest.param(REVISED, id="revised")]


def load(path) -> Assessment:
    return Assessment.model_validate_json(path.read_text(encoding="utf-8"))


def action(assessment: Assessment, action_id: str):
    return next(a for a in assessment.actions if a.id == action_id)


@pytest.mark.parametrize("path", BOTH)
def test_disability_is_positive_with_a_risk_tied_to_the_high_needs_deficit(path):
    disability = load(path).impact_for("disability")
    assert disability is not None
    assert disability.rating is ImpactRating.POSITIVE_WITH_RISK
    assert "High Needs deficit" in (disability.reasoning or "")
    assert "£102m" in (disability.reasoning or "")
    assert "EV13" in disability.evidence_refs


def test_the_revised_version_sets_trigger_measures_that_the_board_acts_on():
    revised = load(REVISED)
    disability = revised.impact_for("disability")
    assert disability is not None
    assert "Trigger measures" in (disability.mitigation or "")
    triggers = action(revised, "A17")
    assert "disability" in triggers.group_ids
    for measure in ("exclusions", "part-time timetables", "SEND Tribunal"):
        assert measure in triggers.action
    assert "two terms in a row" in triggers.action
    assert any("Trigger measures" in i and "A17" in i for i in revised.monitoring.indicators)


def test_timeliness_has_a_target_against_the_20_week_limit_and_a_baseline_to_confirm():
    revised = load(REVISED)
    target = action(revised, "A18")
    assert "within 20 weeks" in (target.success_measure or "")
    assert "at least 25%" in (target.success_measure or "")
    # The latest published rate is the starting point; 2025's is still to be confirmed.
    assert "4.3%" in (target.issue or "")
    assert "Confirm the 2025 baseline" in target.action
    assert any("20 weeks" in i and "A18" in i for i in revised.monitoring.indicators)


@pytest.mark.parametrize("path", BOTH)
@pytest.mark.parametrize(
    ("group_id", "finder"), [("armed_forces", "A7"), ("rural_communities", "A8")]
)
def test_groups_with_no_evidence_are_rated_unknown_with_an_action_to_find_it(
    path, group_id, finder
):
    assessment = load(path)
    impact = assessment.impact_for(group_id)
    assert impact is not None
    assert impact.rating is ImpactRating.UNKNOWN
    assert finder in [a.id for a in linked_actions(assessment, group_id)]
    assert f"action {finder}" in (impact.reasoning or "")


def test_only_race_changed_rating_between_the_versions():
    before = {i.group_id: i.rating for i in load(CONSULTATION_STAGE).impacts}
    changed = [i.group_id for i in load(REVISED).impacts if i.rating != before[i.group_id]]
    assert changed == ["race"]


def test_the_review_comes_after_the_decision_and_every_open_action():
    revised = load(REVISED)
    review = revised.monitoring.review_date
    assert review == date(2026, 9, 30)
    assert review > FINAL_CABINET
    open_ = [
        a for a in revised.actions if a.status in (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)
    ]
    assert all(a.due_date is not None and a.due_date <= review for a in open_)
    assert "30 September 2026" in (revised.monitoring.arrangements or "")


@pytest.mark.parametrize(
    ("path", "stage"), [(CONSULTATION_STAGE, Stage.CONSULTATION), (REVISED, Stage.FINAL)]
)
def test_both_versions_are_consistent_before_export(path, stage):
    assert check_consistency(load(path), stage) == []


def test_the_revised_version_is_published_after_its_approval():
    revised = load(REVISED)
    assert revised.status is Status.PUBLISHED
    approved = revised.sign_off.approved_by.signed_on
    published = revised.quality.date_published
    assert approved is not None
    assert published is not None
    assert approved <= published < FINAL_CABINET


def test_what_the_childrens_sessions_said_is_reported_as_the_councils_summary():
    said = load(REVISED).consultation.what_people_said or ""
    sessions = said[said.index("Children and young people also took part") :]
    assert "(action A3)" in sessions
    assert "council's summary" in sessions
    # Findings, not quotations.
    assert '"' not in sessions
    assert "“" not in sessions
    for theme in ("their own plan", "mainstream schools", "college or adult services"):
        assert theme in sessions


def test_fathers_are_measured_against_parents_not_against_the_children_with_plans():
    summary = load(REVISED).consultation.respondents_summary or ""
    assert "Fathers are measured against parents" in summary
    assert "boys hold 70.8% of EHC plans" not in summary
    assert "baseline is set by action A12" in summary
