"""A section page: the section's fields, kept as typed, saved as a new version on Save."""

from collections.abc import Callable
from functools import partial
from typing import Any

import streamlit as st

from eia_app.domain.assessment import Assessment
from eia_app.domain.errors import EIAError
from eia_app.domain.issues import Issue
from eia_app.domain.permissions import Action
from eia_app.domain.versions import StoredAssessment
from eia_app.services import access
from eia_app.services.assessments import load_assessment, save_assessment
from eia_app.services.reference import get_registry
from eia_app.services.sections import (
    SECTIONS,
    FormInvalidError,
    Section,
    apply_section,
    get_section,
    section_changed,
    section_values,
)
from eia_app.services.working_copies import (
    ChangedElsewhereError,
    forget_row,
    keep_mine,
    load_working_copy,
    save_changes,
)
from eia_app.ui import components, group_pages, row_editor, state
from eia_app.ui.components import FormContext
from eia_app.ui.form_fields import FieldKind, describe_fields
from eia_app.ui.plain import plain
from eia_app.ui.tables import render_table
from eia_app.ui.widgets import render_field, render_model
from eia_app.ui.working_copy_view import (
    base_key,
    conflict_key,
    problems_key,
    show_conflict,
    start_editing,
)

SectionRenderer = Callable[[Section, Assessment, FormContext], dict[str, Any]]


def render(section_id: str) -> None:
    """Draw a section page: title, save status, the fields, Back and the Save buttons.

    Widgets are not in an ``st.form``: each change reruns the page, and the
    start of the next run keeps the values as the person's working copy (see
    :func:`~eia_app.ui.working_copy_view.keep_typing`), so a refresh or a closed tab loses nothing.

    Args:
        section_id: Id of the section in ``SECTIONS``.
    """
    section = get_section(section_id)
    st.title(section.title)
    stored = components.load_current()
    if stored is None:
        return
    components.assessment_summary(stored)
    status = st.container()
    components.show_flash()
    copy = load_working_copy(state.repository(), stored.info.reference, state.saved_by())
    base = start_editing(section.id, stored, copy)
    show_conflict(section.id, copy)
    problems = _problems(section.id)
    if problems:
        components.error_summary(problems)
    context = _context(section.id, stored.assessment, problems)
    context.kept = dict(copy.values) if copy else {}
    context.row_drafts = dict(copy.rows) if copy else {}
    renderer = _RENDERERS.get(section.id, render_generic)
    renderer(section, stored.assessment, context)
    if problems:
        # Repeated by the buttons, where the person is when the page comes back.
        labels = "; ".join(p.label for p in problems)
        st.error(f"Nothing was saved. Fix the problems listed at the top of the page: {labels}")
    # A copy: the row editors below draw widgets too, but save each row on its own.
    state.remember_editing(state.Editing(stored.info.reference, base, dict(context.drawn)))
    with status:
        components.save_status(stored, copy)
    editable = state.may(Action.EDIT, stored.info.reference)
    if not editable.allowed:
        # Shown where the Save buttons would be: the person can read but not save.
        st.info(f"You can read this section but not save changes: {editable.reason}")
        return
    _buttons(section, stored)
    _row_editors(section, stored, context)
    state.remember_rows(context.rows_drawn)


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


def _buttons(section: Section, stored: StoredAssessment) -> None:
    """Back, Save and Save and continue: the GOV.UK question-page buttons."""
    previous, following = neighbours(section.id)
    with st.container(horizontal=True):
        # Back needs no save: the start of the next run keeps what was typed.
        st.button("Back", key="eia.back", on_click=state.request_page, args=(previous,))
        save = st.button("Save", key="eia.save")
        save_and_continue = st.button("Save and continue", key="eia.continue", type="primary")
    if save or save_and_continue:
        _save(section, stored, following if save_and_continue else None)


def neighbours(section_id: str) -> tuple[str, str]:
    """Return the pages before and after a section: the Library and the check at the ends.

    Args:
        section_id: Id of the section in ``SECTIONS``.

    Returns:
        ``(previous page id, next page id)``.
    """
    ids = [state.LIBRARY_PAGE, *(s.id for s in SECTIONS), state.CHECK_PAGE]
    where = ids.index(section_id)
    return ids[where - 1], ids[where + 1]


def _row_editors(section: Section, stored: StoredAssessment, context: FormContext) -> None:
    """Draw a row editor for each list on the page; save the list when a row changes."""
    for path, table_field in context.tables:
        current = section_values(stored.assessment, section)
        rows = row_editor.value_at(current, path) or []
        edited = row_editor.render(table_field, rows, path, context)
        if edited is not None:
            row_editor.set_value_at(current, path, edited)
            keep = len(edited) == len(rows)
            reset = partial(row_editor.reset, context, path, keep)
            _save_rows(section, stored, current, path, reset)


def _edited_elsewhere(section: Section, stored: StoredAssessment) -> bool:
    """Whether someone saved a change to this section after this person's page was drawn."""
    base = st.session_state.get(base_key(section.id), stored.info.version)
    if base == stored.info.version:
        return False
    older = load_assessment(state.repository(), stored.info.reference, base)
    if not section_changed(older.assessment, stored.assessment, section):
        return False
    st.session_state[conflict_key(section.id)] = (
        f"{plain(stored.info.saved_by)} saved version {stored.info.version}, which changes this "
        f"section, while you were editing version {base}. Nothing was saved, so that their "
        "work is not overwritten. Copy anything you need, then discard your changes to see "
        "their version."
    )
    return True


def _save(section: Section, stored: StoredAssessment, then: str | None) -> None:
    """Save the working copy (every page's typing) as a new version, then maybe move on.

    Args:
        section: The page the button is on; problems are shown there.
        stored: The version the page shows.
        then: The page to go to after a save, or None to stay.
    """
    problems_at = problems_key(section.id)
    reference, user = stored.info.reference, state.saved_by()
    try:
        saved = save_changes(
            state.repository(), reference, user, person=state.actor(), people=state.people()
        )
    except ChangedElsewhereError as clash:
        st.session_state[conflict_key(section.id)] = str(clash)
        st.rerun()
    except FormInvalidError as invalid:
        st.session_state[problems_at] = invalid.problems
        st.rerun()
    except EIAError as problem:
        st.error(f"The assessment could not be saved: {problem} Your answers are still here.")
        return
    st.session_state.pop(problems_at, None)
    st.session_state.pop(conflict_key(section.id), None)
    if saved is None:
        state.flash(
            f"Nothing has changed since version {stored.info.version}, so nothing was saved."
        )
    else:
        # What the page remembered compares with the old version: drop it, so the
        # next run does not keep the saved values as changes again.
        state.take_editing()
        st.session_state[base_key(section.id)] = saved.info.version
        state.flash(f"Saved as version {saved.info.version}.")
    if then is not None:
        state.request_page(then)
    st.rerun()


def _save_rows(
    section: Section,
    stored: StoredAssessment,
    values: dict[str, Any],
    list_path: str,
    on_saved: Callable[[], None],
) -> None:
    """Save a list changed in a row editor straight away, as a new version."""
    problems_at = problems_key(section.id)
    if _edited_elsewhere(section, stored):
        st.rerun()
    try:
        updated = apply_section(stored.assessment, values)
    except FormInvalidError as invalid:
        st.session_state[problems_at] = invalid.problems
        st.rerun()
    st.session_state.pop(problems_at, None)
    try:
        access.check(
            state.repository(), state.people(), state.actor(), Action.EDIT, stored.info.reference
        )
        saved = save_assessment(
            state.repository(),
            updated,
            saved_by=state.saved_by(),
            actor_email=state.actor().email,
        )
    except EIAError as problem:
        st.error(f"The row could not be saved: {problem} Your answers are still here.")
        return
    repo, user = state.repository(), state.saved_by()
    forget_row(repo, stored.info.reference, user, list_path)
    copy = load_working_copy(repo, stored.info.reference, user)
    if copy is not None and copy.based_on_version == stored.info.version:
        # The person's own row save must not look like someone else's newer version.
        keep_mine(repo, stored.info.reference, user)
    st.session_state[base_key(section.id)] = saved.info.version
    on_saved()
    state.flash(f"Saved as version {saved.info.version}.")
    st.rerun()


def _problems(section_id: str) -> list[Issue]:
    return list(st.session_state.get(problems_key(section_id), []))


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
