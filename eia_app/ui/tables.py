"""Editable tables for lists of models (evidence items, contributors, actions ...)."""

from enum import Enum
from typing import Any

import pyarrow as pa
import streamlit as st

from eia_app.ui.components import FormContext
from eia_app.ui.form_fields import FieldKind, FormField, describe_fields, option_label

_ARROW_TYPES: dict[FieldKind, pa.DataType] = {
    FieldKind.TEXT: pa.string(),
    FieldKind.LONG_TEXT: pa.string(),
    FieldKind.CHOICE: pa.string(),
    FieldKind.DATE: pa.date32(),
    FieldKind.CHECKBOX: pa.bool_(),
    FieldKind.YES_NO: pa.bool_(),
    FieldKind.NUMBER: pa.int64(),
    FieldKind.LINES: pa.list_(pa.string()),
    FieldKind.CHOICES: pa.list_(pa.string()),
}

# List fields inside a row that hold registry group ids.
GROUP_LIST_FIELDS = frozenset({"characteristics", "group_ids"})


def render_table(
    table_field: FormField, rows: list[dict[str, Any]], key: str, context: FormContext
) -> list[dict[str, Any]]:
    """Draw an editable table with one row per item and one typed column per field.

    Args:
        table_field: The list field; its ``target`` is the item model.
        rows: Current items (``model_dump()`` of each).
        key: Widget key of the table.
        context: Section and registry options.

    Returns:
        The edited items as dicts; empty rows are dropped and blank optional
        cells become None, so pydantic reports only real problems.
    """
    columns = describe_fields(table_field.target)
    st.caption(
        f"{table_field.help} Add a row with the + button under the table; select a "
        "row and press Delete to remove it. Columns marked * must be filled in."
    )
    schema = pa.schema([(c.name, _ARROW_TYPES[c.kind]) for c in columns])
    data = pa.Table.from_pylist([_to_cells(row, columns) for row in rows], schema=schema)
    edited = st.data_editor(
        data,
        key=key,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_config={c.name: _column(c, context) for c in columns},
        alt=f"{table_field.title}: editable table, one row per item",
        placeholder="",
    )
    return [_from_cells(row, columns) for row in edited.to_pylist() if _has_content(row)]


def _column(column: FormField, context: FormContext) -> Any:
    label = column.title if column.optional else f"{column.title} *"
    common: dict[str, Any] = {"help": column.help, "required": not column.optional}
    if column.name == "group_id":
        return st.column_config.SelectboxColumn(
            label,
            options=_group_options(context),
            format_func=lambda value: context.group_label(str(value)),
            **common,
        )
    if column.kind is FieldKind.CHOICE:
        return st.column_config.SelectboxColumn(
            label,
            options=[member.value for member in column.target],
            format_func=option_label,
            **common,
        )
    if column.kind is FieldKind.DATE:
        return st.column_config.DateColumn(label, format="DD/MM/YYYY", **common)
    if column.kind in (FieldKind.CHECKBOX, FieldKind.YES_NO):
        return st.column_config.CheckboxColumn(label, **common)
    if column.kind in (FieldKind.LINES, FieldKind.CHOICES):
        return _list_column(column, label, context)
    return st.column_config.TextColumn(label, **common)


def _list_column(column: FormField, label: str, context: FormContext) -> Any:
    if column.kind is FieldKind.CHOICES:
        return st.column_config.MultiselectColumn(
            label,
            help=column.help,
            options=[m.value for m in column.target],
            format_func=option_label,
        )
    if column.name in GROUP_LIST_FIELDS:
        return st.column_config.MultiselectColumn(
            label,
            help=column.help,
            options=_group_options(context),
            format_func=context.group_label,
            accept_new_options=True,
        )
    return st.column_config.MultiselectColumn(label, help=column.help, accept_new_options=True)


def _group_options(context: FormContext) -> list[str]:
    return list(context.group_options)


def _to_cells(row: dict[str, Any], columns: list[FormField]) -> dict[str, Any]:
    cells = {}
    for column in columns:
        value = row.get(column.name)
        if isinstance(value, Enum):
            value = value.value
        elif isinstance(value, list):
            value = [item.value if isinstance(item, Enum) else item for item in value]
        cells[column.name] = value
    return cells


def _from_cells(row: dict[str, Any], columns: list[FormField]) -> dict[str, Any]:
    item: dict[str, Any] = {}
    for column in columns:
        value = row.get(column.name)
        if isinstance(value, str):
            value = value.strip() or None
        if column.kind in (FieldKind.LINES, FieldKind.CHOICES):
            value = [v.strip() for v in value or [] if v and v.strip()]
        if value is None and column.kind is FieldKind.CHECKBOX:
            value = False
        if value is not None:
            # Leaving a required cell out (rather than None) makes pydantic say "required".
            item[column.name] = value
    return item


def _has_content(row: dict[str, Any]) -> bool:
    return any(value not in (None, "", [], False) for value in row.values())
