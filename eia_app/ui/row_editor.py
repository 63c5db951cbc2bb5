"""Change a list's rows one at a time, with a labelled widget for every field.

This replaces an editable grid, which screen readers handle poorly: the person
chooses a row (or "Add a new row"), fills in ordinary form fields generated from
the item model, and saves or deletes that one row.
"""

from typing import Any

import streamlit as st
from pydantic import BaseModel

from eia_app.ui.components import FormContext, heading, inline_problem
from eia_app.ui.form_fields import FormField, describe_fields
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

    Args:
        table_field: The list field; its ``target`` is the item model.
        rows: The list's current items (``model_dump()`` of each).
        path: Dotted path of the list inside the assessment.
        context: Section, problems and group options.

    Returns:
        The whole list with the row added, changed or removed, ready to be
        validated and saved; None if nothing was asked for.
    """
    heading(f"Change the rows: {table_field.title}", 2)
    columns = describe_fields(table_field.target)
    key = widget_key(context.section_id, path)
    choice = st.selectbox(
        "Row to edit",
        [None, *range(len(rows))],
        key=f"{key}.row_to_edit",
        format_func=lambda i: NEW_ROW if i is None else row_label(rows[i], i, columns, context),
        help=f"Choose a row of {table_field.title} to change or delete, or add a new row.",
    )
    index = len(rows) if choice is None else choice
    current = {} if choice is None else rows[choice]
    with st.form(f"{key}.row_form", enter_to_submit=False):
        entered = _render_row(table_field.target, current, f"{path}[{index}]", context)
        saved = st.form_submit_button("Save row", type="primary")
        confirmed = choice is not None and st.checkbox(CONFIRM_DELETE, key=f"{key}.confirm")
        deleted = choice is not None and st.form_submit_button("Delete row")
    if saved:
        item = {name: value for name, value in entered.items() if value is not None}
        return [*rows[:index], item, *rows[index + 1 :]]
    if deleted and not confirmed:
        st.error(f"Nothing was deleted. Tick “{CONFIRM_DELETE}”, then press Delete row again.")
    elif deleted:
        return [*rows[:index], *rows[index + 1 :]]
    return None


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
    model: type[BaseModel], values: dict[str, Any], path: str, context: FormContext
) -> dict[str, Any]:
    entered = {}
    for form_field in describe_fields(model):
        field_path = f"{path}.{form_field.name}"
        value = values.get(form_field.name)
        if form_field.name == "group_id" or form_field.name in GROUP_LIST_FIELDS:
            inline_problem(context, field_path)
            key = widget_key(context.section_id, field_path)
            entered[form_field.name] = _group_widget(form_field, value, key, context)
        else:
            entered[form_field.name] = render_field(form_field, value, field_path, context, 3)
    return entered


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
