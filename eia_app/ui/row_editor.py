"""Change a list's rows one at a time, with a labelled widget for every field.

This replaces an editable grid, which screen readers handle poorly: the person
chooses a row (or "Add a new row"), fills in ordinary form fields generated from
the item model, and saves or deletes that one row.
"""

from dataclasses import replace
from typing import Any

import streamlit as st
from pydantic import BaseModel

from eia_app.domain.versions import RowDraft
from eia_app.services.working_copies import json_ready
from eia_app.ui import state
from eia_app.ui.components import FormContext, heading, inline_problem
from eia_app.ui.form_fields import FieldKind, FormField, describe_fields
from eia_app.ui.state import widget_key
from eia_app.ui.tables import GROUP_LIST_FIELDS, cell_text
from eia_app.ui.widgets import render_field

NEW_ROW = "Add a new row"
CONFIRM_DELETE = "Yes, delete this row"
_LABEL_LENGTH = 60


def render(
    table_field: FormField, rows: list[dict[str, Any]], path: str, context: FormContext
) -> list[dict[str, Any]] | None:
    """Draw the row editor of one list and return the new list if a row was saved or deleted.

    The fields are ordinary widgets, not a form, so what is typed reaches the
    server as it is typed and is kept with the working copy (a refresh keeps a
    half-typed row); the row reaches the list only when "Save row" is pressed.

    Args:
        table_field: The list field; its ``target`` is the item model.
        rows: The list's current items (``model_dump()`` of each).
        path: Dotted path of the list inside the assessment.
        context: Section, problems, group options and any half-typed row.

    Returns:
        The whole list with the row added, changed or removed, ready to be
        validated and saved; None if nothing was asked for.
    """
    heading(f"Change the rows: {table_field.title}", 2)
    columns = describe_fields(table_field.target)
    key = widget_key(context.section_id, path)
    draft = context.row_drafts.get(path)
    _restore_choice(key, draft, len(rows))
    choice = st.selectbox(
        "Row to edit",
        [None, *range(len(rows))],
        key=f"{key}.row_to_edit",
        format_func=lambda i: NEW_ROW if i is None else row_label(rows[i], i, columns, context),
        help=f"Choose a row of {table_field.title} to change or delete, or add a new row.",
    )
    index = len(rows) if choice is None else choice
    current = {} if choice is None else rows[choice]
    kept = draft.values if draft is not None and draft.row == choice else {}
    with st.container(border=True):
        row_path = f"{path}[{index}]"
        entered, drawn = _render_row(table_field.target, current, kept, row_path, context)
        context.rows_drawn[path] = state.RowEditing(choice, drawn)
        saved = st.button("Save row", type="primary", key=f"{key}.save_row")
        confirmed = choice is not None and st.checkbox(CONFIRM_DELETE, key=f"{key}.confirm")
        deleted = choice is not None and st.button("Delete row", key=f"{key}.delete_row")
    if saved:
        item = {name: value for name, value in entered.items() if value is not None}
        return [*rows[:index], item, *rows[index + 1 :]]
    if deleted and not confirmed:
        st.error(f"Nothing was deleted. Tick “{CONFIRM_DELETE}”, then press Delete row again.")
    elif deleted:
        return [*rows[:index], *rows[index + 1 :]]
    return None


def _restore_choice(key: str, draft: RowDraft | None, count: int) -> None:
    """On a fresh page, choose the row the half-typed draft belongs to."""
    choice_key = f"{key}.row_to_edit"
    if draft is None or choice_key in st.session_state:
        return
    if draft.row is None or draft.row < count:
        st.session_state[choice_key] = draft.row


def reset(context: FormContext, path: str, keep_choice: bool) -> None:
    """Forget a row editor's typed values, so that it shows the saved rows again.

    Args:
        context: The form context of the page.
        path: Dotted path of the list.
        keep_choice: Whether to keep the chosen row (after a change) rather than
            go back to "Add a new row" (after an addition or a deletion).
    """
    key = widget_key(context.section_id, path)
    stale = [k for k in st.session_state if str(k).startswith(f"{key}[")]
    stale.append(f"{key}.confirm")
    if not keep_choice:
        stale.append(f"{key}.row_to_edit")
    for name in stale:
        st.session_state.pop(name, None)


def row_label(
    row: dict[str, Any], index: int, columns: list[FormField], context: FormContext
) -> str:
    """Name a row by its first two filled-in fields, like "EV3: Census 2021 ...".

    Args:
        row: The row's values.
        index: Its position, used when nothing is filled in.
        columns: The item model's fields.
        context: For the labels of group ids.

    Returns:
        A short, readable label.
    """
    texts = [cell_text(row.get(c.name), c, context) for c in columns]
    filled = [" ".join(text.split()) for text in texts if text.strip()][:2]
    label = ": ".join(filled) or f"Row {index + 1}"
    if len(label) > _LABEL_LENGTH:
        label = label[: _LABEL_LENGTH - 3].rstrip() + " ..."
    return label


def value_at(values: dict[str, Any], path: str) -> Any:
    """Return the value at a dotted path inside a section's values."""
    *parents, name = path.split(".")
    for part in parents:
        values = values[part]
    return values.get(name)


def set_value_at(values: dict[str, Any], path: str, value: Any) -> None:
    """Set the value at a dotted path inside a section's values, in place."""
    *parents, name = path.split(".")
    for part in parents:
        values = values[part]
    values[name] = value


def _render_row(
    model: type[BaseModel],
    values: dict[str, Any],
    kept: dict[str, Any],
    path: str,
    context: FormContext,
) -> tuple[dict[str, Any], dict[str, state.EditedField]]:
    """Draw one row's fields, starting from the kept draft where there is one.

    Returns:
        The entered values by field name, and the widget drawn for each field
        name, noted apart from the page's fields so that the row is kept as a
        draft rather than as changes to the list.
    """
    row_context = replace(
        context, kept={f"{path}.{name}": value for name, value in kept.items()}, drawn={}
    )
    entered = {}
    for form_field in describe_fields(model):
        field_path = f"{path}.{form_field.name}"
        value = values.get(form_field.name)
        if form_field.name == "group_id" or form_field.name in GROUP_LIST_FIELDS:
            inline_problem(context, field_path)
            kind = FieldKind.CHOICES if form_field.name in GROUP_LIST_FIELDS else FieldKind.CHOICE
            start = row_context.start_value(field_path, kind, None, value)
            key = widget_key(context.section_id, field_path)
            entered[form_field.name] = _group_widget(form_field, start, key, context)
        else:
            entered[form_field.name] = render_field(form_field, value, field_path, row_context, 3)
    baseline = _baseline(path, context, values, kept, entered)
    drawn = {
        name: state.EditedField(widget.key, widget.kind, baseline.get(name))
        for name, widget in ((p.rsplit(".", 1)[1], w) for p, w in row_context.drawn.items())
    }
    return entered, drawn


def _baseline(
    path: str,
    context: FormContext,
    values: dict[str, Any],
    kept: dict[str, Any],
    entered: dict[str, Any],
) -> dict[str, Any]:
    """Return what each field of the row showed before anything was typed.

    Noted at the row's first drawing: a new row's choices show their first
    option, not the empty saved value, so "was anything typed?" compares with
    that. A field restored from the draft compares with the saved value, so the
    draft is kept until the row is saved or put back.
    """
    key = f"{widget_key(context.section_id, path)}.baseline"
    if key not in st.session_state:
        st.session_state[key] = {
            name: json_ready(values.get(name) if name in kept else value)
            for name, value in entered.items()
        }
    baseline: dict[str, Any] = st.session_state[key]
    return baseline


def _group_widget(form_field: FormField, value: Any, key: str, context: FormContext) -> Any:
    options = list(context.group_options)
    if form_field.name in GROUP_LIST_FIELDS:
        chosen = list(value or [])
        return st.multiselect(
            form_field.title,
            options + [g for g in chosen if g not in options],
            default=chosen,
            key=key,
            help=form_field.help,
            format_func=context.group_label,
            accept_new_options=True,
        )
    if value is not None and value not in options:
        options.append(value)
    choices: list[str | None] = [None, *options] if form_field.optional else [*options]
    return st.selectbox(
        form_field.title,
        choices,
        index=choices.index(value) if value in choices else 0,
        key=key,
        help=form_field.help,
        format_func=lambda g: "Not answered" if g is None else context.group_label(g),
    )
