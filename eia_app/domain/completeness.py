"""Completeness check: every problem that keeps an assessment from a stage.

The rules are data (a table of required fields per stage) plus a few checks
that look across sections, such as evidence references that point nowhere.
Every problem is returned; the check never stops at the first.
"""

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

from eia_app.domain.assessment import Assessment
from eia_app.domain.characteristics import PSED_AIM_LABELS, CharacteristicId
from eia_app.domain.decision import Outcome
from eia_app.domain.details import Stage
from eia_app.domain.impact import ImpactRating
from eia_app.domain.issues import Issue, IssueLevel
from eia_app.domain.labels import field_label

# (dotted field path, first stage that needs it).
REQUIRED_FIELDS: tuple[tuple[str, Stage], ...] = (
    ("key_details.title", Stage.SCREENING),
    ("key_details.reference", Stage.SCREENING),
    ("key_details.directorate", Stage.SCREENING),
    ("key_details.lead_officer.name", Stage.SCREENING),
    ("purpose.summary", Stage.SCREENING),
    ("screening.full_assessment_required", Stage.SCREENING),
    ("screening.reasons", Stage.SCREENING),
    ("key_details.service", Stage.CONSULTATION),
    ("key_details.date_started", Stage.CONSULTATION),
    ("key_details.implementing_officer.name", Stage.CONSULTATION),
    ("purpose.what_is_changing", Stage.CONSULTATION),
    ("purpose.intended_outcomes", Stage.CONSULTATION),
    ("purpose.who_is_affected", Stage.CONSULTATION),
    ("purpose.decision_route.decision_maker", Stage.CONSULTATION),
    ("purpose.decision_route.meeting_date", Stage.CONSULTATION),
    ("evidence.items", Stage.CONSULTATION),
    ("consultation.plan.start_date", Stage.CONSULTATION),
    ("consultation.plan.end_date", Stage.CONSULTATION),
    ("consultation.plan.methods", Stage.CONSULTATION),
    ("human_rights.conclusion", Stage.CONSULTATION),
    ("decision.outcome", Stage.CONSULTATION),
    ("decision.summary", Stage.CONSULTATION),
    ("monitoring.arrangements", Stage.CONSULTATION),
    ("sign_off.completed_by.name", Stage.CONSULTATION),
    ("consultation.respondents_summary", Stage.FINAL),
    ("consultation.what_people_said", Stage.FINAL),
    ("consultation.you_said_we_did", Stage.FINAL),
    ("consultation.gunning_statement", Stage.FINAL),
    ("decision.reasons", Stage.FINAL),
    ("actions", Stage.FINAL),
    ("monitoring.review_date", Stage.FINAL),
    ("sign_off.reviewed_by.name", Stage.FINAL),
    ("sign_off.approved_by.name", Stage.FINAL),
    ("sign_off.approved_by.signed_on", Stage.FINAL),
)


def check_completeness(
    assessment: Assessment,
    stage: Stage | None = None,
    *,
    local_group_ids: Iterable[str],
    today: date | None = None,
) -> list[Issue]:
    """List every problem that keeps an assessment from being complete for a stage.

    Args:
        assessment: The assessment to check (a draft is fine).
        stage: The stage to check against; defaults to the assessment's own stage.
        local_group_ids: Local groups of interest the council asks to be assessed, from
            its registry; the domain keeps no list of its own.
        today: Reference date for date checks; None skips checks against today.

    Returns:
        All issues found, errors (blocking) and warnings, in section order.
    """
    target = Stage(stage) if stage is not None else assessment.stage
    checks: tuple[Callable[[], Iterator[Issue]], ...] = (
        lambda: _missing_fields(assessment, target),
        lambda: _screening_coverage(assessment, target, tuple(local_group_ids)),
        lambda: _impact_coverage(assessment, target, tuple(local_group_ids)),
        lambda: _impact_details(assessment, target),
        lambda: _psed_coverage(assessment, target),
        lambda: _evidence_references(assessment),
        lambda: _decision_consistency(assessment, target),
        lambda: _dates(assessment, today),
    )
    return [issue for check in checks for issue in check()]


def blocking(issues: Iterable[Issue]) -> list[Issue]:
    """Return only the issues that block the stage.

    Args:
        issues: Issues from :func:`check_completeness`.

    Returns:
        The errors among them.
    """
    return [issue for issue in issues if issue.blocking]


def _value_at(assessment: Assessment, path: str) -> Any:
    value: Any = assessment
    for part in path.split("."):
        value = getattr(value, part)
    return value


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list) and len(value) == 0)


def _error(field: str, message: str, label: str | None = None) -> Issue:
    return Issue(
        level=IssueLevel.ERROR, field=field, label=label or field_label(field), message=message
    )


def _warning(field: str, message: str, label: str | None = None) -> Issue:
    return Issue(
        level=IssueLevel.WARNING, field=field, label=label or field_label(field), message=message
    )


def _missing_fields(assessment: Assessment, stage: Stage) -> Iterator[Issue]:
    for path, needed_from in REQUIRED_FIELDS:
        if needed_from.rank <= stage.rank and _is_empty(_value_at(assessment, path)):
            yield _error(path, f"Fill this in: it is required at the {stage.value} stage.")


def _all_group_ids(local_group_ids: tuple[str, ...]) -> list[str]:
    return [c.value for c in CharacteristicId] + list(local_group_ids)


def _screening_coverage(
    assessment: Assessment, stage: Stage, local_group_ids: tuple[str, ...]
) -> Iterator[Issue]:
    screened = {entry.group_id for entry in assessment.screening.entries}
    for group_id in _all_group_ids(local_group_ids):
        if group_id not in screened:
            yield _error(
                "screening.entries",
                f"Add a screening judgement for '{group_id}' (use 'unknown' if there is no data).",
            )


def _impact_coverage(
    assessment: Assessment, stage: Stage, local_group_ids: tuple[str, ...]
) -> Iterator[Issue]:
    if stage.rank < Stage.CONSULTATION.rank:
        return
    for group_id in _all_group_ids(local_group_ids):
        if assessment.impact_for(group_id) is None:
            yield _error(
                "impacts", f"Assess the impact on '{group_id}': rate it and give your reasons."
            )


def _impact_details(assessment: Assessment, stage: Stage) -> Iterator[Issue]:
    if stage.rank < Stage.CONSULTATION.rank:
        return
    for index, impact in enumerate(assessment.impacts):
        where = f"impacts[{index}]"
        label = f"Impact on {impact.group_id}"
        if impact.rating is None:
            yield _error(f"{where}.rating", "Choose a rating.", label)
        if _is_empty(impact.reasoning):
            yield _error(f"{where}.reasoning", "Explain the rating and cite evidence.", label)
        if impact.rating == ImpactRating.NEGATIVE and _is_empty(impact.mitigation):
            yield _error(
                f"{where}.mitigation",
                "A negative impact needs a mitigation, or a justification if none is possible.",
                label,
            )
        if impact.rating == ImpactRating.UNKNOWN:
            yield _warning(
                f"{where}.rating",
                "The impact is unknown: add an evidence gap and an action that will settle it.",
                label,
            )


def _psed_coverage(assessment: Assessment, stage: Stage) -> Iterator[Issue]:
    if stage.rank < Stage.CONSULTATION.rank:
        return
    answered = {p.aim for p in assessment.psed if not _is_empty(p.analysis)}
    for aim, label in PSED_AIM_LABELS.items():
        if aim not in answered:
            yield _error("psed", f"Explain how the proposal bears on the aim: {label}.")


def _evidence_references(assessment: Assessment) -> Iterator[Issue]:
    known = {item.id for item in assessment.evidence.items}
    for index, impact in enumerate(assessment.impacts):
        for ref in impact.evidence_refs:
            if ref not in known:
                yield _error(
                    f"impacts[{index}].evidence_refs",
                    f"Evidence '{ref}' is cited but not listed: add it under Evidence or "
                    "remove the reference.",
                    f"Impact on {impact.group_id}",
                )


def _decision_consistency(assessment: Assessment, stage: Stage) -> Iterator[Issue]:
    decision = assessment.decision
    if decision.outcome == Outcome.CONTINUE_DESPITE_ADVERSE and _is_empty(decision.justification):
        yield _error(
            "decision.justification",
            "Continuing despite an adverse impact needs a justification: the legitimate aim "
            "and why the means are proportionate.",
        )
    if stage is not Stage.FINAL:
        return
    for index, impact in enumerate(assessment.impacts):
        if impact.rating == ImpactRating.NEGATIVE and _is_empty(impact.residual_justification):
            yield _warning(
                f"impacts[{index}].residual_justification",
                "Say whether any adverse impact remains after mitigation and, if so, why it is "
                "justified.",
                f"Impact on {impact.group_id}",
            )


def _dates(assessment: Assessment, today: date | None) -> Iterator[Issue]:
    review = assessment.monitoring.review_date
    if today is not None and review is not None and review < today:
        yield _warning(
            "monitoring.review_date",
            "The review date has passed: review the assessment or set a new date.",
        )
    for index, action in enumerate(assessment.actions):
        if action.owner is None or action.due_date is None:
            yield _error(
                f"actions[{index}]",
                f"Action {action.id} needs an owner and a due date.",
                f"Action {action.id}",
            )
