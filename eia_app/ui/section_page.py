"""A section page: the section's fields in one form, saved as a new version."""

from collections.abc import Callable
from functools import partial
from typing import Any

import streamlit as st

from eia_app.domain.assessment import Assessment
from eia_app.domain.errors import EIAError
from eia_app.domain.issues import Issue
from eia_app.domain.versions import StoredAssessment
from eia_app.services.assessments import load_assessment, save_assessment
from eia_app.services.reference import get_registry
from eia_app.services.sections import (
    FormInvalidError,
    Section,
    apply_section,
    get_section,
    section_changed,
    section_values,
)
from eia_app.ui import components, group_pages, row_editor, state
from eia_app.ui.components import FormContext
from eia_app.ui.form_fields import FieldKind, describe_fields
from eia_app.ui.state import widget_key
from eia_app.ui.tables import render_table
from eia_app.ui.widgets import render_field, render_model

SectionRenderer = Callable[[Section, Assessment, FormContext], dict[str, Any]]


def render(section_id: str) -> None:
    """Draw a section page: title, open assessment, the form and its Save button.

    Args:
        section_id: Id of the section in ``SECTIONS``.
    """
    section = get_section(section_id)
    st.title(section.title)
    stored = components.load_current()
    if stored is None:
        return
    components.assessment_caption(stored)
    components.show_flash()
    _start_editing(section.id, stored)
    _show_conflict(section.id)
    problems = _problems(section.id)
    if problems:
        components.error_summary(problems)
    context = _context(section.id, stored.assessment, problems)
    with st.form(f"eia.section_form.{section.id}", enter_to_submit=False):
        renderer = _RENDERERS.get(section.id, render_generic)
        values = renderer(section, stored.assessment, context)
        if problems:
            # Repeated by the button, where the person is when the page comes back.
            labels = "; ".join(p.label for p in problems)
            st.error(f"Nothing was saved. Fix the problems listed at the top of the page: {labels}")
        submitted = st.form_submit_button("Save", type="primary")
    if submitted:
        _save(section, stored, values)
    _row_editors(section, stored, context)


def render_generic(
    section: Section, assessment: Assessment, context: FormContext
) -> dict[str, Any]:
    """Draw the section's top-level fields from the model's titles and descriptions.

    Args:
        section: The section.
        assessment: The assessment as loaded.
        context: Section, problems and group options.

    Returns:
        The entered values keyed by top-level field name.
    """
    current = section_values(assessment, section)
    fields = {f.name: f for f in describe_fields(Assessment)}
    entered: dict[str, Any] = {}
    for name in section.fields:
        form_field = fields[name]
        if len(section.fields) == 1 and form_field.kind is FieldKind.MODEL:
            # The page title already names the model or table: no second heading.
            st.caption(form_field.help)
            entered[name] = render_model(form_field.target, current[name] or {}, name, context, 2)
        elif len(section.fields) == 1 and form_field.kind is FieldKind.TABLE:
            components.table_problems(context, name, form_field.title)
            entered[name] = render_table(form_field, current[name] or [], name, context)
        else:
            entered[name] = render_field(form_field, current[name], name, context, 2)
    return entered


def _row_editors(section: Section, stored: StoredAssessment, context: FormContext) -> None:
    """Draw a row editor for each list on the page; save the list when a row changes."""
    for path, table_field in context.tables:
        current = section_values(stored.assessment, section)
        rows = row_editor.value_at(current, path) or []
        edited = row_editor.render(table_field, rows, path, context)
        if edited is not None:
            row_editor.set_value_at(current, path, edited)
            keep = len(edited) == len(rows)
            _save(section, stored, current, partial(row_editor.reset, context, path, keep))


def _start_editing(section_id: str, stored: StoredAssessment) -> None:
    """Remember which version a freshly drawn form starts from, and drop stale messages."""
    prefix = widget_key(section_id, "")
    fresh = not any(str(key).startswith(prefix) for key in st.session_state)
    if fresh or _base_key(section_id) not in st.session_state:
        st.session_state[_base_key(section_id)] = stored.info.version
        st.session_state.pop(_problems_key(section_id), None)
        st.session_state.pop(_conflict_key(section_id), None)


def _show_conflict(section_id: str) -> None:
    message = st.session_state.get(_conflict_key(section_id))
    if message:
        st.error(message)
        st.button(
            "Discard my changes and show the latest version",
            key="eia.discard",
            on_click=_discard,
            args=(section_id,),
        )


def _discard(section_id: str) -> None:
    prefix = widget_key(section_id, "")
    for key in [k for k in st.session_state if str(k).startswith(prefix)]:
        del st.session_state[key]
    for key in (_base_key(section_id), _conflict_key(section_id), _problems_key(section_id)):
        st.session_state.pop(key, None)


def _edited_elsewhere(section: Section, stored: StoredAssessment) -> bool:
    """Whether someone saved a change to this section after this person's form was drawn."""
    base = st.session_state.get(_base_key(section.id), stored.info.version)
    if base == stored.info.version:
        return False
    older = load_assessment(state.repository(), stored.info.reference, base)
    if not section_changed(older.assessment, stored.assessment, section):
        return False
    st.session_state[_conflict_key(section.id)] = (
        f"{stored.info.saved_by} saved version {stored.info.version}, which changes this "
        f"section, while you were editing version {base}. Nothing was saved, so that their "
        "work is not overwritten. Your answers are still on the page: copy anything you need, "
        "then discard your changes to see their version."
    )
    return True


def _save(
    section: Section,
    stored: StoredAssessment,
    values: dict[str, Any],
    on_saved: Callable[[], None] | None = None,
) -> None:
    problems_key = _problems_key(section.id)
    if _edited_elsewhere(section, stored):
        st.rerun()
    try:
        updated = apply_section(stored.assessment, values)
    except FormInvalidError as invalid:
        st.session_state[problems_key] = invalid.problems
        st.rerun()
    st.session_state.pop(problems_key, None)
    if updated == stored.assessment:
        state.flash(
            f"Nothing has changed since version {stored.info.version}, so nothing was saved."
        )
        st.rerun()
    try:
        saved = save_assessment(state.repository(), updated, saved_by=state.saved_by())
    except EIAError as problem:
        st.error(f"The assessment could not be saved: {problem} Your answers are still here.")
        return
    st.session_state[_base_key(section.id)] = saved.info.version
    if on_saved is not None:
        on_saved()
    state.flash(f"Saved as version {saved.info.version}.")
    st.rerun()


def _base_key(section_id: str) -> str:
    return f"eia.base_version.{section_id}"


def _conflict_key(section_id: str) -> str:
    return f"eia.conflict.{section_id}"


def _problems_key(section_id: str) -> str:
    return f"eia.problems.{section_id}"


def _problems(section_id: str) -> list[Issue]:
    return list(st.session_state.get(_problems_key(section_id), []))


def _context(section_id: str, assessment: Assessment, problems: list[Issue]) -> FormContext:
    registry = get_registry()
    labels = {group.id: group.label for group in registry.groups}
    known = list(labels)
    used = [e.group_id for e in assessment.screening.entries]
    used += [i.group_id for i in assessment.impacts]
    used += [g for item in assessment.evidence.items for g in item.characteristics]
    used += [g for action in assessment.actions for g in action.group_ids]
    used += [g for point in assessment.consultation.you_said_we_did for g in point.group_ids]
    options = known + sorted({g for g in used if g not in labels})
    return FormContext(
        section_id=section_id,
        problems={p.field: p.message for p in problems},
        group_options=options,
        group_labels=labels,
    )


_RENDERERS: dict[str, SectionRenderer] = {
    "impacts": group_pages.render_impacts,
    "psed": group_pages.render_psed,
}
