"""The SEND strategy example, version 2: the final-stage EIA revised after consultation.

This module checks the assessment itself: its stage and completeness, what changed
since the consultation-stage version, the action plan and sign-off, and the file.
The figures it quotes are checked in ``test_send_revised_figures.py``; the shared
fixtures ``revised`` and ``reach`` are in this folder's conftest.
"""

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from eia_app.domain.assessment import Assessment
from eia_app.domain.completeness import blocking, check_completeness
from eia_app.domain.details import Stage, Status
from eia_app.domain.impact import ImpactRating
from eia_app.domain.issues import IssueLevel
from eia_app.domain.registry import Registry
from eia_app.reference.registry import load_registry
from tests.examples.send_revised import CONSULTATION_STAGE, FINAL_CABINET, REVISED, ROOT

# How an under-represented broad group is named in the action plan or in
# "you said, we did". A group flagged "under" that is missing here fails the
# test, so a change in the data cannot slip through unnoticed.
GROUP_WORDS: dict[tuple[str, str], tuple[str, ...]] = {
    ("race", "asian"): ("asian",),
    ("race", "other_ethnic_group"): ("other ethnic group",),
    ("race", "black"): ("black",),
    ("race", "mixed"): ("mixed",),
    ("sex", "male"): ("fathers", "male carers", "men "),
    ("sex", "female"): ("mothers", "women", "female carers"),
}


@pytest.fixture(scope="module")
def original() -> Assessment:
    return Assessment.model_validate_json(CONSULTATION_STAGE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(ROOT / "protected_characteristics")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_revised_example_is_the_final_stage_published_with_the_cabinet_papers(
    revised: Assessment,
) -> None:
    assert revised.stage is Stage.FINAL
    # Approved on 3 June and published on 6 June 2025, so its status says published.
    assert revised.status is Status.PUBLISHED
    assert revised.purpose.decision_route.meeting_date == FINAL_CABINET


def test_revised_example_has_no_blocking_issue_at_the_final_stage(
    revised: Assessment, registry: Registry
) -> None:
    local_ids = [group.id for group in registry.local]
    issues = check_completeness(revised, Stage.FINAL, local_group_ids=local_ids)
    assert blocking(issues) == []
    # With no "today", date checks are skipped: no warning of any kind remains.
    assert issues == []


def test_only_the_past_review_date_is_warned_about_today(
    revised: Assessment, registry: Registry
) -> None:
    local_ids = [group.id for group in registry.local]
    issues = check_completeness(
        revised, Stage.FINAL, local_group_ids=local_ids, today=date(2099, 1, 1)
    )
    assert [(i.level, i.field) for i in issues] == [(IssueLevel.WARNING, "monitoring.review_date")]


def test_revised_example_keeps_the_reference_of_the_consultation_stage(
    revised: Assessment, original: Assessment
) -> None:
    assert revised.key_details.reference == original.key_details.reference == "EIA-2025-0001"


def test_consultation_is_recorded_as_it_ran(revised: Assessment, original: Assessment) -> None:
    plan = revised.consultation.plan
    assert plan.start_date == date(2025, 2, 12)
    assert plan.end_date == date(2025, 4, 8)
    # Two days later than the plan Cabinet approved, and the note says so.
    planned = original.consultation.plan
    assert planned.start_date == date(2025, 2, 10)
    assert planned.end_date == date(2025, 4, 6)
    assert (plan.start_date - planned.start_date).days == 2
    assert (plan.end_date - planned.end_date).days == 2
    assert any("two days later" in method for method in plan.methods)
    assert {f.value for f in plan.accessible_formats} >= {"easy_read", "print"}


def test_at_least_one_rating_changed_with_reasons(
    revised: Assessment, original: Assessment
) -> None:
    before = {impact.group_id: impact for impact in original.impacts}
    changed = [i for i in revised.impacts if i.rating != before[i.group_id].rating]
    assert changed
    race = revised.impact_for("race")
    assert race is not None
    assert before["race"].rating is ImpactRating.POSITIVE
    assert race.rating is ImpactRating.NEGATIVE
    assert race.mitigation
    assert race.residual_justification
    assert "EV14" in race.evidence_refs
    assert "consultation" in (race.reasoning or "").lower()


def test_evidence_is_extended_and_every_reference_resolves(
    revised: Assessment, original: Assessment
) -> None:
    ids = [item.id for item in revised.evidence.items]
    assert ids == [f"EV{n}" for n in range(1, len(ids) + 1)]
    assert ids[: len(original.evidence.items)] == [i.id for i in original.evidence.items]
    assert {"EV14", "EV15"} <= set(ids)
    cited = {ref for impact in revised.impacts for ref in impact.evidence_refs}
    assert cited == set(ids)
    text = " ".join(_strings(revised.model_dump(mode="json")))
    assert set(re.findall(r"\bEV\d+\b", text)) <= set(ids)
    assert set(re.findall(r"\bA\d+\b", text)) <= {action.id for action in revised.actions}


def test_every_under_represented_race_and_sex_group_has_a_response(
    revised: Assessment, reach: dict[str, Any]
) -> None:
    texts = [f"{a.issue} {a.action}" for a in revised.actions]
    texts += [f"{y.you_said} {y.we_did}" for y in revised.consultation.you_said_we_did]
    written = " ".join(texts).lower()
    under = [
        (characteristic, category["id"])
        for characteristic in ("race", "sex")
        for category in reach["characteristics"][characteristic]["categories"]
        if category["parent"] is None and category["flag"] == "under"
    ]
    assert ("race", "asian") in under
    assert ("sex", "male") in under
    for key in under:
        assert key in GROUP_WORDS, f"no words listed for {key}"
        assert any(word in written for word in GROUP_WORDS[key]), key


def test_actions_progressed_and_new_ones_are_complete(
    revised: Assessment, original: Assessment
) -> None:
    old_ids = {a.id for a in original.actions}
    statuses = {a.id: a.status.value for a in revised.actions}
    assert {"done", "in_progress"} <= {statuses[i] for i in old_ids}
    new = [a for a in revised.actions if a.id not in old_ids]
    assert len(new) >= 4
    for action in new:
        assert action.owner, action.id
        assert action.success_measure, action.id
        assert action.due_date is not None, action.id
        assert action.due_date > FINAL_CABINET, action.id
        assert action.group_ids, action.id


def test_you_said_we_did_and_sign_off_come_before_cabinet(revised: Assessment) -> None:
    assert len(revised.consultation.you_said_we_did) >= 5
    assert revised.consultation.gunning_statement
    assert revised.decision.reasons
    sign_off = revised.sign_off
    dates = [sign_off.completed_by.signed_on, sign_off.reviewed_by.signed_on]
    dates.append(sign_off.approved_by.signed_on)
    assert all(d is not None for d in dates)
    assert dates == sorted(dates)  # type: ignore[type-var]
    assert sign_off.approved_by.signed_on < FINAL_CABINET  # type: ignore[operator]
    review = revised.monitoring.review_date
    assert review is not None
    assert review > FINAL_CABINET
    assert revised.quality.change_note


def test_contact_details_stay_made_up() -> None:
    text = REVISED.read_text(encoding="utf-8")
    emails = set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text))
    assert emails == {"send.strategy@example.gov.uk"}


def test_file_is_two_space_indented_utf8_json() -> None:
    raw = REVISED.read_bytes()
    text = raw.decode("utf-8")
    assert text.startswith('{\n  "schema_version": 1,')
    assert text.endswith("}\n")
