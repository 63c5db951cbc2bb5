"""Test-data builders: complete assessments with overridable parts.

``make_assessment()`` returns an assessment with no completeness issue at the
consultation stage; ``make_final_assessment()`` one with none at the final stage.
Override any part by keyword, using ``__`` (or ``.`` through ``**{...}``) to
reach nested fields::

    make_assessment(status="approved")
    make_assessment(key_details__title=None)          # a required field emptied
    make_assessment(**{"purpose.decision_route.meeting_date": None})
"""

from datetime import date
from typing import Any

from pydantic import BaseModel

from eia_app.domain.assessment import Assessment
from eia_app.domain.characteristics import CharacteristicId, PsedAim
from eia_app.services.reference import local_group_ids
from eia_app.settings import default_registry_dir

REFERENCE = "EIA-2025-0001"

# The local groups of the shipped registry, read from it: the domain keeps no list.
LOCAL_GROUP_IDS: tuple[str, ...] = local_group_ids(default_registry_dir())

# Evidence ids the impacts below cite; each exists in EVIDENCE.
EVIDENCE: list[dict[str, Any]] = [
    {
        "id": "EV1",
        "title": "SEND caseload by age, sex and ethnicity, January 2025",
        "source": "Local authority SEN2 return",
        "source_date": date(2025, 1, 16),
        "characteristics": ["age", "sex", "race", "disability"],
        "summary": "Most children with plans are boys of primary age; autism is the top need.",
        "quality": "strong",
    },
    {
        "id": "EV2",
        "title": "Parent carer forum survey",
        "source": "Parent carer forum, spring 2025",
        "source_date": date(2025, 4, 30),
        "characteristics": ["disability", "carers"],
        "summary": "Parents describe long waits for assessments and little respite.",
        "quality": "moderate",
        "gaps": "Few answers from fathers or from families new to the county.",
        "gap_action": "Targeted outreach during consultation (action A1).",
    },
]

# A varied but complete set of ratings: one negative (mitigated), the rest
# positive or neutral, so no "unknown" warning appears.
_RATINGS: dict[str, str] = {
    CharacteristicId.AGE: "positive",
    CharacteristicId.DISABILITY: "positive",
    CharacteristicId.SEX: "negative",
    "carers": "positive",
}


def all_group_ids() -> list[str]:
    """Return the nine protected characteristics then the shipped local groups."""
    return [c.value for c in CharacteristicId] + list(LOCAL_GROUP_IDS)


def make_screening_entry(group_id: str, **overrides: Any) -> dict[str, Any]:
    """Build a screening judgement for one group, as a dict ready for validation."""
    entry = {"group_id": group_id, "relevance": "medium", "note": f"Screened {group_id}."}
    return {**entry, **overrides}


def make_impact(group_id: str, **overrides: Any) -> dict[str, Any]:
    """Build a complete impact entry for one group, as a dict ready for validation."""
    rating = _RATINGS.get(group_id, "neutral")
    impact: dict[str, Any] = {
        "group_id": group_id,
        "rating": rating,
        "reasoning": f"The strategy affects {group_id} as described in the evidence.",
        "evidence_refs": ["EV1"],
    }
    if rating == "negative":
        impact["mitigation"] = "Targeted support and monitoring by sex (action A1)."
        impact["residual_justification"] = "None remains once the action is complete."
    return {**impact, **overrides}


def _consultation_stage() -> dict[str, Any]:
    groups = all_group_ids()
    return {
        "status": "draft",
        "stage": "consultation",
        "key_details": {
            "title": "SEND Strategy 2024-27",
            "reference": REFERENCE,
            "directorate": "Children and Family Services",
            "service": "SEND and Inclusion",
            "lead_officer": {"name": "Alex Morgan", "email": "alex.morgan@example.gov.uk"},
            "implementing_officer": {"name": "Sam Patel"},
            "date_started": date(2025, 1, 6),
        },
        "screening": {
            "entries": [make_screening_entry(group_id) for group_id in groups],
            "full_assessment_required": True,
            "reasons": "The strategy changes how support is given to disabled children.",
        },
        "purpose": {
            "summary": "A plan to improve support for children with special educational needs.",
            "what_is_changing": "More support in mainstream schools and earlier help.",
            "intended_outcomes": ["Needs met earlier", "More children taught locally"],
            "who_is_affected": "About 7,000 children with SEND, their families and schools.",
            "decision_route": {"decision_maker": "Cabinet", "meeting_date": date(2025, 9, 23)},
        },
        "evidence": {"items": EVIDENCE},
        "consultation": {
            "plan": {
                "start_date": date(2025, 5, 12),
                "end_date": date(2025, 7, 6),
                "methods": ["Online survey", "Drop-in sessions"],
                "accessible_formats": ["easy_read", "bsl"],
                # Eight weeks, so the due-regard check asks why it is not twelve.
                "short_period_reason": "Timed to end before the summer holidays.",
            }
        },
        "impacts": [make_impact(group_id) for group_id in groups],
        "psed": [{"aim": aim.value, "analysis": f"How the plan serves: {aim}."} for aim in PsedAim],
        "human_rights": {"conclusion": "The right to education is engaged and supported."},
        "decision": {
            "outcome": "adjust",
            "summary": "Positive overall; boys' over-representation needs watching.",
        },
        "monitoring": {
            "arrangements": "Quarterly SEND dashboard broken down by characteristic.",
            "review_date": date(2028, 9, 1),
        },
        "sign_off": {"completed_by": {"name": "Alex Morgan", "role": "Head of SEND"}},
    }


def _final_stage() -> dict[str, Any]:
    data = _consultation_stage()
    data["status"] = "approved"
    data["stage"] = "final"
    data["consultation"].update(
        respondents_summary="412 responses, most from parents of primary-age children.",
        what_people_said="Support for earlier help; worries about waiting times.",
        you_said_we_did=[
            {"you_said": "Waits are too long.", "we_did": "Added assessment capacity."}
        ],
        gunning_statement="Consulted at a formative stage for eight weeks with full information.",
    )
    data["decision"]["reasons"] = "Adjusted to add targeted support after consultation."
    data["actions"] = [
        {
            "id": "A1",
            "action": "Targeted outreach and support, monitored by sex.",
            "owner": "SEND Service Manager",
            "due_date": date(2026, 3, 31),
            "group_ids": ["sex", "carers"],
        }
    ]
    data["sign_off"].update(
        reviewed_by={"name": "Jo Lee", "role": "Equality lead"},
        approved_by={"name": "Pat Khan", "role": "Director", "signed_on": date(2025, 9, 1)},
    )
    return data


def make_assessment(**overrides: Any) -> Assessment:
    """Build an assessment complete for the consultation stage.

    Args:
        **overrides: Field paths (``a__b`` or ``"a.b"``) and their new values;
            values may be plain data or domain models.

    Returns:
        The assessment.
    """
    return _build(_consultation_stage(), overrides)


def make_final_assessment(**overrides: Any) -> Assessment:
    """Build an assessment complete for the final stage; overrides as in make_assessment."""
    return _build(_final_stage(), overrides)


def _build(data: dict[str, Any], overrides: dict[str, Any]) -> Assessment:
    for path, value in overrides.items():
        _set(data, path.replace("__", ".").split("."), value)
    return Assessment.model_validate(data)


def _set(data: dict[str, Any], parts: list[str], value: Any) -> None:
    head, *rest = parts
    if not rest:
        data[head] = value
        return
    child = data.get(head)
    if isinstance(child, BaseModel):
        child = child.model_dump()
    data[head] = child = dict(child or {})
    _set(child, rest, value)
