"""Lists of models (evidence items, contributors, actions ...) shown as real HTML tables.

A table is read-only here, so that screen readers can browse it cell by cell; its
rows are changed one at a time by :mod:`eia_app.ui.row_editor`, below the section form.
"""

import html
from collections.abc import Sequence
from datetime import date
from enum import Enum
from typing import Any

import streamlit as st

from eia_app.ui.components import FormContext
from eia_app.ui.form_fields import FieldKind, FormField, describe_fields, option_label

# List fields inside a row that hold registry group ids.
GROUP_LIST_FIELDS = frozenset({"characteristics", "group_ids"})

# Smallest column widths, so that long text is not squeezed into a narrow column.
_MIN_WIDTHS: dict[FieldKind, str] = {FieldKind.TEXT: "10em", FieldKind.LONG_TEXT: "18em"}
_NARROW = "7em"


def render_table(
    table_field: FormField, rows: list[dict[str, Any]], path: str, context: FormContext
) -> list[dict[str, Any]]:
    """Show a list field's rows as a table and note it for its row editor.

    Args:
        table_field: The list field; its ``target`` is the item model.
        rows: Current items (``model_dump()`` of each).
        path: Dotted path of the list inside the assessment.
        context: Section, problems and group options; the table is added to
            ``context.tables`` so that the page draws its row editor.

    Returns:
        The rows unchanged: they are edited by the row editor, not in the form.
    """
    context.tables.append((path, table_field))
    columns = describe_fields(table_field.target)
    st.caption(table_field.help)
    count = "1 row" if len(rows) == 1 else f"{len(rows)} rows"
    st.markdown(
        f"{count}. To add, change or delete a row, use “Change the rows: "
        f"{table_field.title}” below the Save button."
    )
    if rows:
        headers = [(c.title, _MIN_WIDTHS.get(c.kind, _NARROW)) for c in columns]
        cells = [[cell_text(row.get(c.name), c, context) for c in columns] for row in rows]
        st.markdown(html_table(table_field.title, headers, cells), unsafe_allow_html=True)
    return rows


def html_table(
    caption: str, headers: Sequence[tuple[str, str]], rows: Sequence[Sequence[str]]
) -> str:
    """Build an accessible HTML table: a caption, column headers and escaped cells.

    The table sits in a labelled region that scrolls sideways and can take
    keyboard focus, so that wide tables stay readable without squeezing long text.

    Args:
        caption: The table's name, read out first by screen readers.
        headers: ``(title, smallest CSS width)`` per column.
        rows: The cell texts, row by row; line breaks are kept.

    Returns:
        The table as one line of HTML (no blank lines, so Markdown leaves it alone).
    """
    head = "".join(
        f'<th scope="col" style="min-width:{width};vertical-align:bottom">{html.escape(title)}</th>'
        for title, width in headers
    )
    body = "".join(
        "<tr>"
        + "".join(f'<td style="vertical-align:top">{_escape_cell(text)}</td>' for text in row)
        + "</tr>"
        for row in rows
    )
    name = html.escape(caption, quote=True)
    return (
        f'<div role="region" aria-label="{name}, table" tabindex="0" style="overflow-x:auto">'
        f'<table><caption style="caption-side:top;text-align:left;font-weight:600">{name}'
        f"</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def cell_text(value: Any, column: FormField, context: FormContext) -> str:
    """Return the words shown in a cell for one value.

    Args:
        value: The value from ``model_dump()``.
        column: The field it belongs to.
        context: For the labels of group ids.

    Returns:
        Readable text: labels for choices and groups, dates as DD/MM/YYYY,
        Yes/No for ticks, list items separated by semicolons.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if column.name == "group_id":
        return context.group_label(str(value))
    if isinstance(value, list):
        if column.name in GROUP_LIST_FIELDS:
            return "; ".join(context.group_label(str(item)) for item in value)
        return "; ".join(_label(item) for item in value)
    return _label(value)


def _label(value: Any) -> str:
    return option_label(value) if isinstance(value, Enum) else str(value)


def _escape_cell(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.splitlines())
