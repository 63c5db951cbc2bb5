"""The SEND strategy example: a consultation-stage EIA that is complete and consistent."""

import json
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from eia_app.domain.assessment import Assessment
from eia_app.domain.characteristics import PsedAim
from eia_app.domain.completeness import blocking, check_completeness
from eia_app.domain.details import Stage, Status
from eia_app.domain.registry import Registry
from eia_app.reference.registry import load_registry

EXAMPLE = Path("examples") / "send_strategy_2024_27" / "eia_consultation_stage.json"
CABINET_FOR_CONSULTATION = date(2025, 2, 7)
CABINET_FOR_FINAL_DECISION = date(2025, 6, 17)


@pytest.fixture(scope="module")
def example_path() -> Path:
    return Path(__file__).resolve().parents[2] / EXAMPLE


@pytest.fixture(scope="module")
def send_eia(example_path: Path) -> Assessment:
    return Assessment.model_validate_json(example_path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(Path(__file__).resolve().parents[2] / "protected_characteristics")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_example_is_the_approved_consultation_stage_assessment(send_eia: Assessment) -> None:
    assert send_eia.stage is Stage.CONSULTATION
    assert send_eia.status is Status.APPROVED
    assert send_eia.key_details.reference == "EIA-2025-0001"
    assert send_eia.purpose.decision_route.meeting_date == CABINET_FOR_CONSULTATION
    assert send_eia.purpose.decision_route.key_decision is True


def test_example_has_no_issues_at_the_consultation_stage(
    send_eia: Assessment, registry: Registry
) -> None:
    local_ids = [group.id for group in registry.local]
    issues = check_completeness(send_eia, Stage.CONSULTATION, local_group_ids=local_ids)
    assert blocking(issues) == []
    assert issues == []


def test_example_lacks_only_consultation_results_for_the_final_stage(
    send_eia: Assessment, registry: Registry
) -> None:
    local_ids = [group.id for group in registry.local]
    issues = check_completeness(send_eia, Stage.FINAL, local_group_ids=local_ids)
    missing = {issue.field for issue in blocking(issues)}
    assert missing == {
        "consultation.respondents_summary",
        "consultation.what_people_said",
        "consultation.you_said_we_did",
        # Its meeting date is still the Cabinet that agreed to consult, before the
        # consultation closed; the final decision needs the later meeting.
        "consultation.plan.end_date",
    }


def test_every_registry_group_is_screened_and_assessed_once(
    send_eia: Assessment, registry: Registry
) -> None:
    group_ids = [group.id for group in registry.groups]
    screened = [entry.group_id for entry in send_eia.screening.entries]
    assessed = [impact.group_id for impact in send_eia.impacts]
    assert sorted(screened) == sorted(group_ids)
    assert sorted(assessed) == sorted(group_ids)


def test_every_group_id_used_in_the_example_exists_in_the_registry(
    send_eia: Assessment, registry: Registry
) -> None:
    known = {group.id for group in registry.groups}
    used = {impact.group_id for impact in send_eia.impacts}
    used |= {entry.group_id for entry in send_eia.screening.entries}
    used |= {gid for item in send_eia.evidence.items for gid in item.characteristics}
    used |= {gid for action in send_eia.actions for gid in action.group_ids}
    assert used <= known


def test_every_evidence_reference_resolves_and_every_item_is_used(
    send_eia: Assessment,
) -> None:
    ids = [item.id for item in send_eia.evidence.items]
    assert ids == [f"EV{n}" for n in range(1, len(ids) + 1)]
    cited = {ref for impact in send_eia.impacts for ref in impact.evidence_refs}
    assert cited <= set(ids)
    assert cited == set(ids)


def test_references_written_in_the_text_point_at_real_items(
    send_eia: Assessment,
) -> None:
    text = " ".join(_strings(send_eia.model_dump(mode="json")))
    evidence = {item.id for item in send_eia.evidence.items}
    actions = {action.id for action in send_eia.actions}
    assert set(re.findall(r"\bEV\d+\b", text)) <= evidence
    assert set(re.findall(r"\bA\d+\b", text)) <= actions


def test_consultation_runs_for_eight_weeks_after_cabinet_approves_it(
    send_eia: Assessment,
) -> None:
    plan = send_eia.consultation.plan
    assert plan.start_date == date(2025, 2, 10)
    assert plan.end_date == date(2025, 4, 6)
    assert plan.end_date - plan.start_date + timedelta(days=1) == timedelta(weeks=8)
    assert plan.start_date > CABINET_FOR_CONSULTATION
    assert plan.end_date < CABINET_FOR_FINAL_DECISION
    assert "17 June 2025" in (send_eia.purpose.decision_route.notes or "")


def test_due_regard_comes_before_the_decision(send_eia: Assessment) -> None:
    details = send_eia.key_details
    completed = send_eia.quality.date_completed
    assert details.due_regard_started is not None
    assert details.date_started is not None
    assert completed is not None
    assert details.due_regard_started <= details.date_started <= completed
    sign_off = send_eia.sign_off
    signed = [sign_off.completed_by, sign_off.reviewed_by, sign_off.approved_by]
    dates = [approval.signed_on for approval in signed]
    assert all(d is not None for d in dates)
    assert dates == sorted(dates)
    assert dates[0] == completed
    assert all(d < CABINET_FOR_CONSULTATION for d in dates if d is not None)


def test_evidence_was_available_before_the_assessment_was_completed(
    send_eia: Assessment,
) -> None:
    completed = send_eia.quality.date_completed
    assert completed is not None
    for item in send_eia.evidence.items:
        assert item.source_date is None or item.source_date <= completed, item.id


def test_actions_and_review_fall_between_completion_and_final_decision(
    send_eia: Assessment,
) -> None:
    completed = send_eia.quality.date_completed
    assert completed is not None
    assert all(a.owner and a.due_date and a.due_date >= completed for a in send_eia.actions)
    review = send_eia.monitoring.review_date
    assert review is not None
    assert completed < review < CABINET_FOR_FINAL_DECISION


def test_every_evidence_item_states_its_quality_and_gaps(send_eia: Assessment) -> None:
    for item in send_eia.evidence.items:
        assert item.quality is not None, item.id
        assert item.source, item.id
        assert item.gaps, item.id
        assert item.gap_action, item.id


def test_all_three_psed_aims_are_analysed(send_eia: Assessment) -> None:
    assert {entry.aim for entry in send_eia.psed if entry.analysis} == set(PsedAim)


def test_only_the_absolute_right_considered_is_not_engaged(send_eia: Assessment) -> None:
    articles = {a.article.split(":")[0]: a for a in send_eia.human_rights.articles}
    assert articles["Protocol 1, Article 2"].engaged
    assert not articles["Article 3"].engaged
    assert articles["Article 3"].right_type.value == "absolute"


def test_contact_details_are_made_up(example_path: Path) -> None:
    text = example_path.read_text(encoding="utf-8")
    emails = set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text))
    assert emails == {"send.strategy@example.gov.uk"}


def test_example_survives_a_json_round_trip(send_eia: Assessment, example_path: Path) -> None:
    again = Assessment.model_validate_json(send_eia.model_dump_json())
    assert again == send_eia
    assert json.loads(example_path.read_text(encoding="utf-8"))["stage"] == "consultation"
