"""Table rows of the report: screening, evidence, impacts, human rights and actions."""

from collections.abc import Callable
from typing import Any

from eia_app.domain.assessment import Assessment
from eia_app.domain.impact import ImpactRating
from eia_app.domain.publication import NOT_AVAILABLE
from eia_app.export.text import clean, fmt_bool, fmt_date, humanise, paragraphs, text_or

NOT_RATED = "Not rated"


def rating_label(rating: ImpactRating | None, *, short: bool = False) -> str:
    """Show an impact rating.

    Args:
        rating: The rating, or None when not yet rated.
        short: Leave out the label's bracketed note, for a label shown inside brackets.

    Returns:
        Its label, as the domain words it (:attr:`ImpactRating.label`), or "Not rated".
    """
    if rating is None:
        return NOT_RATED
    return rating.short_label if short else rating.label


def build_screening(assessment: Assessment, label_of: Callable[[str], str]) -> dict[str, Any]:
    """Format the screening section.

    Args:
        assessment: The assessment.
        label_of: Label lookup for registry ids.

    Returns:
        The ``screening`` entry of the context.
    """
    screening = assessment.screening
    return {
        "rows": [
            {
                "group": label_of(e.group_id),
                "relevance": humanise(e.relevance.value),
                "note": text_or(e.note, NOT_AVAILABLE),
            }
            for e in screening.entries
        ],
        "significant_resources": fmt_bool(screening.commits_significant_resources),
        "full_assessment_required": fmt_bool(screening.full_assessment_required),
        "reasons": paragraphs(screening.reasons),
    }


def build_evidence(assessment: Assessment, label_of: Callable[[str], str]) -> dict[str, Any]:
    """Format the evidence section.

    Args:
        assessment: The assessment.
        label_of: Label lookup for registry ids.

    Returns:
        The ``evidence`` entry of the context.
    """
    rows = []
    for item in assessment.evidence.items:
        source = ", ".join(p for p in (item.source, fmt_date(item.source_date, "")) if p)
        gaps = " ".join(
            p for p in (item.gaps, item.gap_action and f"Action: {item.gap_action}") if p
        )
        rows.append(
            {
                "id": clean(item.id),
                "title": clean(item.title),
                "source": text_or(source, NOT_AVAILABLE),
                "groups": text_or(
                    ", ".join(label_of(g) for g in item.characteristics), NOT_AVAILABLE
                ),
                "summary": text_or(item.summary, NOT_AVAILABLE),
                "quality": humanise(item.quality.value) if item.quality else NOT_AVAILABLE,
                "gaps": text_or(gaps, NOT_AVAILABLE),
            }
        )
    return {
        "rows": rows,
        "no_evidence_statement": paragraphs(
            assessment.evidence.no_evidence_statement, "No gaps in the evidence were recorded."
        ),
    }


def build_impacts(assessment: Assessment, label_of: Callable[[str], str]) -> list[dict[str, str]]:
    """Format the impact of the proposal on each group.

    Args:
        assessment: The assessment.
        label_of: Label lookup for registry ids.

    Returns:
        One row per assessed group: rating, reasoning, evidence and mitigation.
    """
    rows = []
    for impact in assessment.impacts:
        mitigation = impact.mitigation or ""
        if impact.residual_justification:
            mitigation += f" Remaining impact justified: {impact.residual_justification}"
        rows.append(
            {
                "group": label_of(impact.group_id),
                "rating": rating_label(impact.rating),
                "reasoning": text_or(impact.reasoning),
                "evidence": text_or(", ".join(impact.evidence_refs), NOT_AVAILABLE),
                "mitigation": text_or(mitigation.strip(), NOT_AVAILABLE),
            }
        )
    return rows


def build_human_rights(assessment: Assessment) -> dict[str, Any]:
    """Format the human rights section.

    Args:
        assessment: The assessment.

    Returns:
        The ``human_rights`` entry of the context.
    """
    rows = [
        {
            "article": clean(a.article),
            "right_type": humanise(a.right_type.value),
            "engaged": "Yes" if a.engaged else "No",
            "analysis": text_or(a.analysis, NOT_AVAILABLE),
            "proportionality": text_or(a.proportionality, NOT_AVAILABLE),
        }
        for a in assessment.human_rights.articles
    ]
    return {"rows": rows, "conclusion": paragraphs(assessment.human_rights.conclusion)}


def build_actions(assessment: Assessment, label_of: Callable[[str], str]) -> list[dict[str, str]]:
    """Format the action plan.

    Args:
        assessment: The assessment.
        label_of: Label lookup for registry ids.

    Returns:
        One row per action.
    """
    return [
        {
            "id": clean(a.id),
            "issue": text_or(a.issue, NOT_AVAILABLE),
            "action": clean(a.action),
            "owner": text_or(a.owner, NOT_AVAILABLE),
            "due": fmt_date(a.due_date, NOT_AVAILABLE),
            "measure": text_or(a.success_measure, NOT_AVAILABLE),
            "status": humanise(a.status.value),
            "groups": text_or(", ".join(label_of(g) for g in a.group_ids), NOT_AVAILABLE),
        }
        for a in assessment.actions
    ]
