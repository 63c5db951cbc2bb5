"""Section bodies laid out by group or aim: impact on each group, and the PSED aims."""

from typing import Any

import streamlit as st

from eia_app.domain.assessment import Assessment
from eia_app.domain.characteristics import PSED_AIM_LABELS, PsedAim
from eia_app.domain.impact import GroupImpact, ImpactRating, PsedAimAssessment
from eia_app.domain.registry import GroupDefinition
from eia_app.services.reference import get_registry
from eia_app.services.sections import Section
from eia_app.ui.components import FormContext, heading
from eia_app.ui.form_fields import FieldKind, describe_fields, option_label
from eia_app.ui.plain import plain
from eia_app.ui.state import widget_key
from eia_app.ui.widgets import render_field

_IMPACT_FIELDS = {f.name: f for f in describe_fields(GroupImpact)}
_PSED_HELP = PsedAimAssessment.model_fields["analysis"].description or ""


def render_impacts(
    section: Section, assessment: Assessment, context: FormContext
) -> dict[str, Any]:
    """Draw one block per registry group: guidance, rating, reasons, evidence, mitigation.

    Args:
        section: The impacts section.
        assessment: The assessment as loaded.
        context: Section, problems and group options.

    Returns:
        ``{"impacts": [...]}``: an entry for every group that had one or now has
        an answer, then any entries for groups the registry no longer lists.
    """
    registry = get_registry()
    st.caption(Assessment.model_fields["impacts"].description or "")
    evidence_ids = [item.id for item in assessment.evidence.items]
    entries = []
    for title, groups in (
        ("Protected characteristics", registry.protected),
        ("Local groups of interest", registry.local),
    ):
        heading(title, 2)
        for group in groups:
            entry = _render_group(group, assessment.impact_for(group.id), evidence_ids, context)
            if entry is not None:
                entries.append(entry)
    known = {group.id for group in registry.groups}
    kept = [i.model_dump() for i in assessment.impacts if i.group_id not in known]
    if kept:
        st.info(
            "Entries for groups no longer in the registry are kept unchanged: "
            + ", ".join(plain(entry["group_id"]) for entry in kept)
        )
    return {"impacts": entries + kept}


def render_psed(section: Section, assessment: Assessment, context: FormContext) -> dict[str, Any]:
    """Draw one answer per aim of the Public Sector Equality Duty.

    Args:
        section: The PSED section.
        assessment: The assessment as loaded.
        context: Section, problems and group options.

    Returns:
        ``{"psed": [...]}`` with an entry for each aim that is answered.
    """
    st.caption(Assessment.model_fields["psed"].description or "")
    current = {entry.aim: entry.analysis for entry in assessment.psed}
    answers = []
    for aim in PsedAim:
        path = f"psed.{aim.value}.analysis"
        start = context.start_value(path, FieldKind.LONG_TEXT, None, current.get(aim))
        text = st.text_area(
            PSED_AIM_LABELS[aim],
            value=start or "",
            help=_PSED_HELP,
            key=widget_key(context.section_id, path),
        )
        if text.strip() or aim in current:
            answers.append({"aim": aim, "analysis": text.strip() or None})
    return {"psed": answers}


def _render_group(
    group: GroupDefinition,
    impact: GroupImpact | None,
    evidence_ids: list[str],
    context: FormContext,
) -> dict[str, Any] | None:
    values: dict[str, Any] = impact.model_dump() if impact else {"group_id": group.id}
    rating = option_label(impact.rating if impact else None)
    with st.expander(f"{group.label}: {rating}"):
        st.markdown(f"**Who this covers:** {group.definition}")
        if group.prompts:
            st.markdown("**Questions to consider:**\n" + "\n".join(f"- {p}" for p in group.prompts))
        entered: dict[str, Any] = {"group_id": group.id}
        base = f"impacts.{group.id}"
        entered["rating"] = render_field(
            _IMPACT_FIELDS["rating"], values.get("rating"), f"{base}.rating", context, 3
        )
        if entered["rating"] is not None:
            # What the chosen rating asks for, worded once in the domain.
            st.caption(ImpactRating(entered["rating"]).guidance)
        entered["reasoning"] = render_field(
            _IMPACT_FIELDS["reasoning"], values.get("reasoning"), f"{base}.reasoning", context, 3
        )
        entered["evidence_refs"] = _evidence_refs(
            values.get("evidence_refs") or [], evidence_ids, f"{base}.evidence_refs", context
        )
        for name in ("mitigation", "residual_justification"):
            entered[name] = render_field(
                _IMPACT_FIELDS[name], values.get(name), f"{base}.{name}", context, 3
            )
    has_answer = any(entered[name] for name in entered if name != "group_id")
    return entered if impact is not None or has_answer else None


def _evidence_refs(
    current: list[str], evidence_ids: list[str], path: str, context: FormContext
) -> list[str]:
    form_field = _IMPACT_FIELDS["evidence_refs"]
    options = evidence_ids + [ref for ref in current if ref not in evidence_ids]
    guidance = form_field.help
    if not evidence_ids:
        guidance += " No evidence items are listed yet: add them on the Evidence page."
    start = context.start_value(path, FieldKind.CHOICES, None, current) or []
    options += [ref for ref in start if ref not in options]
    return st.multiselect(
        form_field.title,
        options,
        default=start,
        help=guidance,
        key=widget_key(context.section_id, path),
    )
