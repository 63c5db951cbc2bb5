"""Build the report context: every value a template can show, already formatted.

The context is plain data (dicts, lists and strings, plus chart slots that the
renderer fills). Templates only loop and test; they never format. The names
below are the whole interface to a template and are documented in
``templates/README.md``.
"""

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from eia_app.domain.assessment import Assessment
from eia_app.domain.audit import AuditEvent
from eia_app.domain.changes import Changes
from eia_app.domain.characteristics import PSED_AIM_LABELS
from eia_app.domain.consultation import ACCESSIBLE_FORMAT_LABELS
from eia_app.domain.decision import OUTCOME_LABELS, Approval
from eia_app.domain.details import Person
from eia_app.domain.publication import NOT_AVAILABLE
from eia_app.domain.reach import ReachResult
from eia_app.domain.theme_edits import told_us_all
from eia_app.domain.themes import ThemesResult
from eia_app.export.audit_context import version_record_rows
from eia_app.export.changes_context import build_changes_context
from eia_app.export.flagged_context import build_flagged_context
from eia_app.export.methods_context import build_methods_context
from eia_app.export.reach_context import build_reach_context
from eia_app.export.sections import (
    build_actions,
    build_evidence,
    build_human_rights,
    build_impacts,
    build_screening,
)
from eia_app.export.summary_content import SummaryContent, build_summary_content
from eia_app.export.text import (
    NOT_RECORDED,
    clean,
    clean_tree,
    fmt_bool,
    fmt_date,
    humanise,
    items,
    paragraphs,
    text_or,
)
from eia_app.export.themes_context import build_themes_charts_context

# Every top-level name a template may use.
CONTEXT_VARIABLES: tuple[str, ...] = (
    "doc",
    "summary",
    "details",
    "quality",
    "screening",
    "purpose",
    "previous_review",
    "evidence",
    "consultation",
    "reach",
    "flagged",
    "methods",
    "impacts",
    "psed",
    "human_rights",
    "combined",
    "decision",
    "actions",
    "monitoring",
    "sign_off",
    "changes",
    "told_us",
)

LabelLookup = Callable[[str], str]


def make_label_lookup(labels: Mapping[str, str] | None) -> LabelLookup:
    """Return a function giving the label of a registry id.

    Args:
        labels: Known labels by id (from the registry), if any.

    Returns:
        A lookup that falls back to a readable form of the id.
    """
    known = dict(labels or {})
    return lambda group_id: clean(known.get(group_id) or humanise(group_id))


def format_person(person: Person) -> str:
    """Show a person on one line: name, job title, email and phone.

    Args:
        person: The person.

    Returns:
        The details that are known, or "Not recorded.".
    """
    parts = [person.name, person.job_title, person.email, person.phone]
    return text_or(", ".join(p for p in parts if p))


def _approval_row(step: str, approval: Approval) -> dict[str, str]:
    return {
        "step": step,
        "name": text_or(approval.name),
        "role": text_or(approval.role),
        "date": fmt_date(approval.signed_on),
    }


def _doc(assessment: Assessment, version: str, today: date) -> dict[str, Any]:
    return {
        "title": text_or(assessment.title),
        "reference": text_or(assessment.key_details.reference),
        "subtitle": "Equality Impact Assessment",
        "language": "en-GB",
        "version": version,
        "status": humanise(assessment.status.value),
        "stage": humanise(assessment.stage.value),
        "generated_on": fmt_date(today),
    }


def _details(assessment: Assessment) -> dict[str, Any]:
    details = assessment.key_details
    rows = [
        ("Title of the policy or proposal", text_or(details.title)),
        ("EIA reference", text_or(details.reference)),
        ("Directorate or department", text_or(details.directorate)),
        ("Service or team", text_or(details.service)),
        ("Lead officer", format_person(details.lead_officer)),
        ("Officer responsible for implementation", format_person(details.implementing_officer)),
        ("Date started", fmt_date(details.date_started)),
        ("Date due regard began", fmt_date(details.due_regard_started)),
    ]
    contributors = [
        {
            "name": clean(c.name),
            "role": clean(c.role),
            "job_title": text_or(c.job_title, NOT_AVAILABLE),
            "organisation": text_or(c.organisation, NOT_AVAILABLE),
        }
        for c in details.contributors
    ]
    return {
        "rows": [{"label": k, "value": v} for k, v in rows],
        "contributors": contributors,
        "due_regard_approach": paragraphs(details.due_regard_approach),
    }


def _quality(
    assessment: Assessment, version: str, history: Sequence[AuditEvent] = ()
) -> dict[str, Any]:
    quality, sign_off = assessment.quality, assessment.sign_off
    rows = [
        ("Version", version),
        ("Status", humanise(assessment.status.value)),
        ("Stage", humanise(assessment.stage.value)),
        ("Date started", fmt_date(assessment.key_details.date_started)),
        ("Date completed", fmt_date(quality.date_completed)),
        ("Date published", fmt_date(quality.date_published)),
        ("What changed in this version", text_or(quality.change_note)),
        ("Reviewed by", text_or(sign_off.reviewed_by.name)),
        ("Approved by", text_or(sign_off.approved_by.name)),
        ("Approved on", fmt_date(sign_off.approved_by.signed_on)),
        *version_record_rows(history),
    ]
    return {"rows": [{"label": k, "value": v} for k, v in rows]}


def _purpose(assessment: Assessment) -> dict[str, Any]:
    purpose, route = assessment.purpose, assessment.purpose.decision_route
    return {
        "summary": paragraphs(purpose.summary),
        "what_is_changing": paragraphs(purpose.what_is_changing),
        "intended_outcomes": items(purpose.intended_outcomes),
        "how_achieved": paragraphs(purpose.how_achieved),
        "who_is_affected": paragraphs(purpose.who_is_affected),
        "related_policies": items(purpose.related_policies),
        "route_rows": [
            {"label": "Decision-maker", "value": text_or(route.decision_maker)},
            {"label": "Meeting date", "value": fmt_date(route.meeting_date)},
            {"label": "Key decision", "value": fmt_bool(route.key_decision)},
            {"label": "Other steps", "value": text_or(route.notes)},
        ],
    }


def _previous_review(assessment: Assessment) -> dict[str, Any]:
    review = assessment.previous_review
    return {
        "applicable": fmt_bool(review.applicable),
        "previous_reference": text_or(review.previous_reference),
        "actions_planned": paragraphs(review.actions_planned),
        "what_improved": paragraphs(review.what_improved),
        "further_actions": paragraphs(review.further_actions),
    }


def _consultation(assessment: Assessment, label_of: LabelLookup) -> dict[str, Any]:
    consultation, plan = assessment.consultation, assessment.consultation.plan
    formats = [ACCESSIBLE_FORMAT_LABELS[f] for f in plan.accessible_formats]
    feedback = [
        {
            "you_said": clean(y.you_said),
            "we_did": clean(y.we_did),
            "groups": text_or(", ".join(label_of(g) for g in y.group_ids), "All"),
        }
        for y in consultation.you_said_we_did
    ]
    return {
        "start_date": fmt_date(plan.start_date),
        "end_date": fmt_date(plan.end_date),
        "methods": items(plan.methods),
        "accessible_formats": formats,
        "groups_targeted": items(plan.groups_targeted),
        "lived_experience": paragraphs(plan.lived_experience),
        "prior_engagement": paragraphs(consultation.prior_engagement),
        "respondents_summary": paragraphs(consultation.respondents_summary),
        "what_people_said": paragraphs(consultation.what_people_said),
        "you_said_we_did": feedback,
        "gunning_statement": paragraphs(consultation.gunning_statement),
    }


def _decision(assessment: Assessment) -> dict[str, Any]:
    decision = assessment.decision
    outcome = OUTCOME_LABELS[decision.outcome] if decision.outcome else NOT_RECORDED
    return {
        "outcome": outcome,
        "summary": paragraphs(decision.summary),
        "reasons": paragraphs(decision.reasons),
        "justification": paragraphs(decision.justification) if decision.justification else [],
    }


def build_report_context(
    assessment: Assessment,
    *,
    reach: ReachResult | None = None,
    changes: Changes | None = None,
    labels: Mapping[str, str] | None = None,
    version: str | None = None,
    today: date | None = None,
    summary: SummaryContent | None = None,
    themes: ThemesResult | None = None,
    history: Sequence[AuditEvent] = (),
) -> dict[str, Any]:
    """Turn an assessment (and optional reach results and changes) into a report context.

    Args:
        assessment: The assessment to report.
        reach: An ``eia.reach/1`` result for the consultation section.
        changes: Differences from the consultation-stage version.
        labels: Labels of registry ids (characteristics and local groups).
        version: The version as stored, or where the assessment was exported from.
        today: The date printed as the generation date.
        summary: The summary for the first page; built here if None.
        themes: A published ``eia.themes/1`` result for "What people told us"
            (only its approved quotes are used).
        history: The assessment's audit trail; each version's steps become rows
            of the version table.

    Returns:
        A dict with exactly the keys in :data:`CONTEXT_VARIABLES`, every text
        formatted and cleaned of characters Word rejects.
    """
    label_of = make_label_lookup(labels)
    version_text = version or NOT_RECORDED
    monitoring = assessment.monitoring
    if summary is None:
        previous = changes.previous if changes else None
        summary = build_summary_content(assessment, previous=previous, label_of=label_of)
    context = {
        "doc": _doc(assessment, version_text, today or date.today()),
        "summary": summary.as_context(),
        "details": _details(assessment),
        "quality": _quality(assessment, version_text, history),
        "screening": build_screening(assessment, label_of),
        "purpose": _purpose(assessment),
        "previous_review": _previous_review(assessment),
        "evidence": build_evidence(assessment, label_of),
        "consultation": _consultation(assessment, label_of),
        "reach": build_reach_context(reach),
        "flagged": build_flagged_context(reach),
        "methods": build_methods_context(reach),
        "impacts": build_impacts(assessment, label_of),
        "psed": [
            {"aim": PSED_AIM_LABELS[p.aim], "analysis": text_or(p.analysis)}
            for p in assessment.psed
        ],
        "human_rights": build_human_rights(assessment),
        "combined": {
            "intersectional": paragraphs(assessment.combined.intersectional),
            "cumulative": paragraphs(assessment.combined.cumulative),
        },
        "decision": _decision(assessment),
        "actions": build_actions(assessment, label_of),
        "monitoring": {
            "arrangements": paragraphs(monitoring.arrangements),
            "indicators": items(monitoring.indicators),
            "review_date": fmt_date(monitoring.review_date),
        },
        "sign_off": [
            _approval_row("Completed by", assessment.sign_off.completed_by),
            _approval_row("Reviewed by", assessment.sign_off.reviewed_by),
            _approval_row("Approved by", assessment.sign_off.approved_by),
        ],
        "changes": build_changes_context(changes, label_of),
        "told_us": {
            "available": themes is not None,
            "paragraphs": told_us_all(themes) if themes is not None else [],
            "charts": build_themes_charts_context(themes) if themes is not None else [],
        },
    }
    return dict(clean_tree(context))
