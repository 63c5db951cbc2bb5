"""Completeness check: every problem that keeps an assessment from a stage.

The rules are data (a table of required fields per stage) plus checks that
look across sections, such as evidence references that point nowhere, and the
due-regard checks of :mod:`eia_app.domain.due_regard`, then the consistency checks
of :mod:`eia_app.domain.consistency`. Every problem is returned; the check never
stops at the first.

When screening concludes that no full assessment is needed, the assessment takes
the short path: only the fields in :data:`SHORT_PATH_FIELDS` are asked for, and
the sign-off is asked for at once, because the screening is then the whole record.
"""

from collections.abc import Callable, Iterable, Iterator
from datetime import date

from eia_app.domain import due_regard
from eia_app.domain.assessment import Assessment
from eia_app.domain.characteristics import PSED_AIM_LABELS, CharacteristicId
from eia_app.domain.checking import error, is_empty, value_at, warning
from eia_app.domain.consistency import check_consistency
from eia_app.domain.decision import Outcome
from eia_app.domain.details import Stage
from eia_app.domain.impact import ImpactRating
from eia_app.domain.issues import Issue

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
    ("consultation.plan.accessible_formats", Stage.CONSULTATION),
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

# What to enter, for required fields whose plain "fill this in" would not say
# enough; the due-regard fields especially, in GOV.UK error-message style.
REQUIRED_MESSAGES: dict[str, str] = {
    "screening.full_assessment_required": "Say whether a full assessment is needed",
    "screening.reasons": "Give the reasons for the screening decision",
    "key_details.date_started": "Enter the date work on this assessment started",
    "purpose.decision_route.decision_maker": (
        "Enter who takes the decision, such as Cabinet, a committee or a director"
    ),
    "purpose.decision_route.meeting_date": "Enter the date of the meeting that decides",
    "consultation.plan.start_date": "Enter the date the consultation opens",
    "consultation.plan.end_date": "Enter the date the consultation closes",
    "consultation.plan.accessible_formats": (
        "Choose the accessible formats offered, such as Easy Read or large print"
    ),
    "consultation.you_said_we_did": (
        "Add what people said in the consultation and what you did about each point"
    ),
    "monitoring.review_date": "Enter the date this assessment will be reviewed",
    "sign_off.completed_by.name": "Enter the name of the person who completed the assessment",
    "sign_off.approved_by.name": "Enter the name of the person who approved the assessment",
    "sign_off.approved_by.signed_on": "Enter the date the assessment was approved",
}

SHORT_PATH_FIELDS: frozenset[str] = frozenset(
    {"status", "stage", "quality", "key_details", "screening", "sign_off"}
)
"""Top-level fields asked for when screening finds no full assessment is needed."""

# On the short path the screening decision is final, so its sign-off is needed
# whatever stage is checked.
SHORT_PATH_SIGN_OFF: tuple[str, ...] = (
    "sign_off.completed_by.name",
    "sign_off.approved_by.name",
    "sign_off.approved_by.signed_on",
)


def takes_short_path(assessment: Assessment) -> bool:
    """Return whether screening concluded that no full assessment is needed.

    Args:
        assessment: The assessment.

    Returns:
        True only for an explicit "no"; an unanswered question keeps the full path.
    """
    return assessment.screening.full_assessment_required is False


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
        All issues found, errors (blocking) and warnings, in section order. When
        screening says no full assessment is needed (:func:`takes_short_path`),
        only the short path's fields and checks apply.
    """
    target = Stage(stage) if stage is not None else assessment.stage
    groups = tuple(local_group_ids)
    checks: tuple[Callable[[], Iterator[Issue]], ...]
    if takes_short_path(assessment):
        checks = (
            lambda: _missing_fields(assessment, target, short_path=True),
            lambda: _screening_coverage(assessment, groups),
            lambda: due_regard.screening_reasons(assessment),
            lambda: due_regard.screening_conclusion(assessment),
            lambda: iter(check_consistency(assessment, target)),
        )
    else:
        checks = (
            lambda: _missing_fields(assessment, target),
            lambda: _screening_coverage(assessment, groups),
            lambda: due_regard.screening_reasons(assessment),
            lambda: due_regard.decision_timing(assessment, target),
            lambda: due_regard.consultation_length(assessment, target),
            lambda: _impact_coverage(assessment, target, groups),
            lambda: _impact_details(assessment, target),
            lambda: due_regard.not_relevant_reasons(assessment, target),
            lambda: due_regard.adverse_impacts(assessment, target),
            lambda: _psed_coverage(assessment, target),
            lambda: due_regard.marriage_only_first_aim(assessment, target),
            lambda: _evidence_references(assessment),
            lambda: _decision_consistency(assessment, target),
            lambda: due_regard.review_date(assessment, target, today),
            lambda: _actions(assessment),
            lambda: iter(check_consistency(assessment, target)),
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


def _missing_fields(
    assessment: Assessment, stage: Stage, *, short_path: bool = False
) -> Iterator[Issue]:
    needed = [path for path, first in REQUIRED_FIELDS if first.rank <= stage.rank]
    if short_path:
        needed = [p for p in needed if p.split(".")[0] in SHORT_PATH_FIELDS]
        needed += [p for p in SHORT_PATH_SIGN_OFF if p not in needed]
    for path in needed:
        if is_empty(value_at(assessment, path)):
            what = REQUIRED_MESSAGES.get(path, "Fill this in")
            yield error(path, f"{what}: it is required at the {stage.value} stage.")


def _all_group_ids(local_group_ids: tuple[str, ...]) -> list[str]:
    return [c.value for c in CharacteristicId] + list(local_group_ids)


def _screening_coverage(
    assessment: Assessment, local_group_ids: tuple[str, ...]
) -> Iterator[Issue]:
    screened = {entry.group_id for entry in assessment.screening.entries}
    for group_id in _all_group_ids(local_group_ids):
        if group_id not in screened:
            yield error(
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
            yield error(
                "impacts", f"Assess the impact on '{group_id}': rate it and give your reasons."
            )


def _impact_details(assessment: Assessment, stage: Stage) -> Iterator[Issue]:
    if stage.rank < Stage.CONSULTATION.rank:
        return
    for index, impact in enumerate(assessment.impacts):
        where = f"impacts[{index}]"
        label = f"Impact on {impact.group_id}"
        if impact.rating is None:
            yield error(f"{where}.rating", "Choose a rating.", label)
        # A "not relevant" rating is asked for its reason by the due-regard check.
        if impact.rating is not ImpactRating.NOT_RELEVANT and is_empty(impact.reasoning):
            yield error(f"{where}.reasoning", "Explain the rating and cite evidence.", label)


def _psed_coverage(assessment: Assessment, stage: Stage) -> Iterator[Issue]:
    if stage.rank < Stage.CONSULTATION.rank:
        return
    answered = {p.aim for p in assessment.psed if not is_empty(p.analysis)}
    for aim, label in PSED_AIM_LABELS.items():
        if aim not in answered:
            yield error("psed", f"Explain how the proposal bears on the aim: {label}.")


def _evidence_references(assessment: Assessment) -> Iterator[Issue]:
    known = {item.id for item in assessment.evidence.items}
    for index, impact in enumerate(assessment.impacts):
        for ref in impact.evidence_refs:
            if ref not in known:
                yield error(
                    f"impacts[{index}].evidence_refs",
                    f"Evidence '{ref}' is cited but not listed: add it under Evidence or "
                    "remove the reference.",
                    f"Impact on {impact.group_id}",
                )


def _decision_consistency(assessment: Assessment, stage: Stage) -> Iterator[Issue]:
    decision = assessment.decision
    if decision.outcome == Outcome.CONTINUE_DESPITE_ADVERSE and is_empty(decision.justification):
        yield error(
            "decision.justification",
            "Continuing despite an adverse impact needs a justification: the legitimate aim "
            "and why the means are proportionate.",
        )
    if stage is not Stage.FINAL:
        return
    for index, impact in enumerate(assessment.impacts):
        if impact.rating == ImpactRating.NEGATIVE and is_empty(impact.residual_justification):
            yield warning(
                f"impacts[{index}].residual_justification",
                "Say whether any adverse impact remains after mitigation and, if so, why it is "
                "justified.",
                f"Impact on {impact.group_id}",
            )


def _actions(assessment: Assessment) -> Iterator[Issue]:
    for index, action in enumerate(assessment.actions):
        if action.owner is None or action.due_date is None:
            yield error(
                f"actions[{index}]",
                f"Action {action.id} needs an owner and a due date.",
                f"Action {action.id}",
            )
