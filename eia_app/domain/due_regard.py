"""Due-regard checks: the tests a court would apply to an assessment, as data checks.

The Public Sector Equality Duty (Equality Act 2010, s149) is met by paying due
regard before and during a decision, with rigour, for every protected
characteristic. These checks look across fields for the gaps that most often
show it was not: groups left out, harm with no evidence or answer, dates in the
wrong order, a short consultation with no reason. Each check takes the stage it
is judged for, because some facts (such as the closing date of a consultation
before the decision) can only be known at a later stage.

Every message says what is wrong and how to fix it, in the words of the form.
"""

import re
from collections.abc import Iterator
from datetime import date

from eia_app.domain.assessment import Assessment
from eia_app.domain.characteristics import PSED_AIM_LABELS, PsedAim
from eia_app.domain.checking import error, is_empty, long_date, warning
from eia_app.domain.decision import Action, ActionStatus
from eia_app.domain.details import Stage
from eia_app.domain.impact import ImpactRating
from eia_app.domain.issues import Issue
from eia_app.domain.scope import Relevance

RECOMMENDED_CONSULTATION_WEEKS = 12
"""Common practice for a public consultation; not a legal minimum, so shorter needs a reason."""

# Screening answers that call for a full assessment: "unknown" means there is not
# enough evidence to rule harm out, and "high" means harm is likely.
_NEEDS_FULL_ASSESSMENT = (Relevance.UNKNOWN, Relevance.HIGH)

# Section 149(7): for marriage and civil partnership only the first aim applies.
_MARRIAGE_WORDS = re.compile(r"\bmarriage\b|\bmarried\b|\bcivil partner", re.IGNORECASE)


def screening_reasons(assessment: Assessment) -> Iterator[Issue]:
    """Every group screened as not relevant has a reason.

    Args:
        assessment: The assessment.

    Yields:
        An error at ``screening.entries[i].note`` for each entry without one.
    """
    for index, entry in enumerate(assessment.screening.entries):
        if entry.relevance is Relevance.NONE and is_empty(entry.note):
            yield error(
                f"screening.entries[{index}].note",
                f"Give a reason why the proposal is not relevant to '{entry.group_id}'.",
                f"Screening of {entry.group_id}",
            )


def screening_conclusion(assessment: Assessment) -> Iterator[Issue]:
    """A decision to skip the full assessment agrees with the screening answers.

    Args:
        assessment: The assessment.

    Yields:
        An error at ``screening.full_assessment_required`` for each group whose
        relevance is unknown or high while no full assessment is planned.
    """
    if assessment.screening.full_assessment_required is not False:
        return
    for entry in assessment.screening.entries:
        if entry.relevance in _NEEDS_FULL_ASSESSMENT:
            yield error(
                "screening.full_assessment_required",
                f"The relevance to '{entry.group_id}' is {entry.relevance.value}, so a full "
                "assessment is needed: answer yes, or find the evidence and update the screening.",
            )


def not_relevant_reasons(assessment: Assessment, stage: Stage) -> Iterator[Issue]:
    """Every impact rated not relevant says why, from the consultation stage.

    Args:
        assessment: The assessment.
        stage: The stage checked.

    Yields:
        An error at ``impacts[i].reasoning`` for each such entry without reasons.
    """
    if stage.rank < Stage.CONSULTATION.rank:
        return
    for index, impact in enumerate(assessment.impacts):
        if impact.rating is ImpactRating.NOT_RELEVANT and is_empty(impact.reasoning):
            yield error(
                f"impacts[{index}].reasoning",
                f"Give a reason why the proposal is not relevant to '{impact.group_id}'.",
                f"Impact on {impact.group_id}",
            )


def adverse_impacts(assessment: Assessment, stage: Stage) -> Iterator[Issue]:
    """Every rating that leaves a harm open is backed and answered, as the rating asks.

    - negative: evidence, and a mitigation or a justification;
    - positive with a risk of negative: evidence, and a mitigation or an action
      linked to the group that watches the risk;
    - unknown (no evidence yet): evidence (such as an item that names the gap) or an
      action linked to the group that will find it; with evidence but no such action,
      a warning, because nothing will settle it.

    An action is linked to a group when its "groups concerned" name the group and it
    has not been cancelled.

    Args:
        assessment: The assessment.
        stage: The stage checked; impacts are first asked for at consultation.

    Yields:
        Errors at ``impacts[i].evidence_refs`` and ``impacts[i].mitigation``, and a
        warning at ``impacts[i].rating`` for an unknown impact nothing will settle.
    """
    if stage.rank < Stage.CONSULTATION.rank:
        return
    for index, impact in enumerate(assessment.impacts):
        if impact.rating is None or not impact.rating.needs_answer:
            continue
        where, label = f"impacts[{index}]", f"Impact on {impact.group_id}"
        acted_on = bool(linked_actions(assessment, impact.group_id))
        if impact.rating is ImpactRating.UNKNOWN:
            yield from _unknown(impact.evidence_refs, acted_on, where, label)
            continue
        if not impact.evidence_refs:
            harm = "negative impact" if impact.rating is ImpactRating.NEGATIVE else "risk"
            yield error(
                f"{where}.evidence_refs",
                f"Choose the evidence behind this {harm}; if there is none, add an evidence "
                "item that says what data is missing.",
                label,
            )
        if not is_empty(impact.mitigation):
            continue
        if impact.rating is ImpactRating.NEGATIVE and is_empty(impact.residual_justification):
            yield error(
                f"{where}.mitigation",
                "Say how the negative impact will be removed or reduced, or, if it cannot be, "
                "justify going ahead under 'Justification of any remaining adverse impact'.",
                label,
            )
        if impact.rating is ImpactRating.POSITIVE_WITH_RISK and not acted_on:
            yield error(
                f"{where}.mitigation",
                "Say how the risk of a negative impact will be reduced, or add an action for "
                f"this group ('{impact.group_id}' under Groups concerned) that watches it.",
                label,
            )


def linked_actions(assessment: Assessment, group_id: str) -> list[Action]:
    """Return the actions of the plan that concern a group and still stand.

    Args:
        assessment: The assessment.
        group_id: Registry id of the group.

    Returns:
        The actions naming the group under "Groups concerned", cancelled ones left out.
    """
    return [
        action
        for action in assessment.actions
        if group_id in action.group_ids and action.status is not ActionStatus.CANCELLED
    ]


def _unknown(evidence_refs: list[str], acted_on: bool, where: str, label: str) -> Iterator[Issue]:
    if not evidence_refs and not acted_on:
        yield error(
            f"{where}.evidence_refs",
            "The impact is unknown: choose the evidence that shows what is missing, or add an "
            "action for this group (under Groups concerned) that will find the evidence.",
            label,
        )
    elif not acted_on:
        yield warning(
            f"{where}.rating",
            "The impact is unknown: add an action for this group (under Groups concerned) "
            "that will find the evidence, so the rating can be settled.",
            label,
        )


def marriage_only_first_aim(assessment: Assessment, stage: Stage) -> Iterator[Issue]:
    """Marriage and civil partnership is considered only under the aim to eliminate discrimination.

    The assessment records one answer per aim; an answer to the second or third
    aim that brings in marriage or civil partnership claims an aim the Act does
    not give it (s149(7)).

    Args:
        assessment: The assessment.
        stage: The stage checked; the aims are first asked for at consultation.

    Yields:
        An error at ``psed[i].analysis`` for each such answer.
    """
    if stage.rank < Stage.CONSULTATION.rank:
        return
    for index, answer in enumerate(assessment.psed):
        if answer.aim is PsedAim.ELIMINATE_DISCRIMINATION or answer.analysis is None:
            continue
        if _MARRIAGE_WORDS.search(answer.analysis):
            yield error(
                f"psed[{index}].analysis",
                "Take marriage and civil partnership out of this answer: only the aim to "
                "eliminate discrimination applies to it (Equality Act 2010, section 149(7)). "
                "Cover it under that aim instead.",
                f"Public Sector Equality Duty > {PSED_AIM_LABELS[answer.aim]}",
            )


def decision_timing(assessment: Assessment, stage: Stage) -> Iterator[Issue]:
    """Due regard starts before the decision, and the consultation closes before it.

    The start dates are compared at every stage once both dates are known; the
    closing date only at the final stage, because at the consultation stage the
    decision is whether to consult, taken before the consultation opens.

    Args:
        assessment: The assessment.
        stage: The stage checked.

    Yields:
        Errors at ``key_details.date_started``, ``key_details.due_regard_started``
        and ``consultation.plan.end_date``.
    """
    decided = assessment.purpose.decision_route.meeting_date
    if decided is None:
        return
    details = assessment.key_details
    for field, started in (
        ("date_started", details.date_started),
        ("due_regard_started", details.due_regard_started),
    ):
        if started is not None and started >= decided:
            yield error(
                f"key_details.{field}",
                "Due regard must come before the decision: enter a date before the meeting "
                f"on {long_date(decided)}, or correct the meeting date.",
            )
    closed = assessment.consultation.plan.end_date
    if stage is Stage.FINAL and closed is not None and closed >= decided:
        yield error(
            "consultation.plan.end_date",
            "The consultation must close before the decision so that the responses can be "
            f"considered: enter a closing date before the meeting on {long_date(decided)}, or "
            "correct the meeting date.",
        )


def consultation_length(assessment: Assessment, stage: Stage) -> Iterator[Issue]:
    """A consultation shorter than 12 weeks gives a reason, from the consultation stage.

    Args:
        assessment: The assessment.
        stage: The stage checked.

    Yields:
        An error at ``consultation.plan.short_period_reason``.
    """
    plan = assessment.consultation.plan
    if stage.rank < Stage.CONSULTATION.rank or plan.start_date is None or plan.end_date is None:
        return
    # Both the opening and the closing day count: 12 February to 8 April is 8 weeks.
    days = (plan.end_date - plan.start_date).days + 1
    if days < RECOMMENDED_CONSULTATION_WEEKS * 7 and is_empty(plan.short_period_reason):
        yield error(
            "consultation.plan.short_period_reason",
            f"Give a reason why the consultation is shorter than "
            f"{RECOMMENDED_CONSULTATION_WEEKS} weeks: it runs for {_duration(days)}.",
        )


def review_date(assessment: Assessment, stage: Stage, today: date | None) -> Iterator[Issue]:
    """The review date falls after the decision and is still to come.

    Args:
        assessment: The assessment.
        stage: The stage checked; the decision date is compared at the final stage.
        today: Reference date; None skips the comparison with today.

    Yields:
        An error at ``monitoring.review_date`` when it is not after the decision at
        the final stage; a warning when it is not in the future.
    """
    review = assessment.monitoring.review_date
    if review is None:
        return
    decided = assessment.purpose.decision_route.meeting_date
    if stage is Stage.FINAL and decided is not None and review <= decided:
        yield error(
            "monitoring.review_date",
            f"Enter a review date after the decision on {long_date(decided)}: the review "
            "looks at what the decision has done.",
        )
    if today is not None and review <= today:
        yield warning(
            "monitoring.review_date",
            "The review date is not in the future: review the assessment now, or set a later date.",
        )


def _duration(days: int) -> str:
    weeks, rest = divmod(days, 7)
    text = f"{weeks} week{'s' if weeks != 1 else ''}"
    if rest:
        text += f" and {rest} day{'s' if rest != 1 else ''}"
    return text
