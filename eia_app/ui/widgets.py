"""Draw the fields of any domain model as labelled widgets, and read their values back."""

from collections.abc import Callable
from datetime import date
from typing import Any

import streamlit as st
from pydantic import BaseModel

from eia_app.services.sections import READ_ONLY_FIELDS, REVIEW_STEP_FIELDS
from eia_app.ui import state, tables
from eia_app.ui.components import (
    FormContext,
    heading,
    inline_problem,
    page_link,
    table_problems,
)
from eia_app.ui.form_fields import (
    YES_NO_OPTIONS,
    FieldKind,
    FormField,
    describe_fields,
    lines_value,
    option_label,
    text_value,
    yes_no_choice,
    yes_no_value,
)
from eia_app.ui.state import widget_key

EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)
DATE_FORMAT = "DD/MM/YYYY"

Renderer = Callable[[FormField, Any, str, FormContext, int], Any]


def render_model(
    model: type[BaseModel], values: dict[str, Any], path: str, context: FormContext, level: int
) -> dict[str, Any]:
    """Draw every field of a model and return what the person entered.

    Args:
        model: The model class whose fields to draw.
        values: Its current values (``model_dump()``).
        path: Dotted path of the model inside the assessment.
        context: Section, problems and group options.
        level: Heading level for nested models and tables.

    Returns:
        The entered values, keyed by field name, ready for validation.
    """
    entered = {}
    for form_field in describe_fields(model):
        field_path = f"{path}.{form_field.name}" if path else form_field.name
        entered[form_field.name] = render_field(
            form_field, values.get(form_field.name), field_path, context, level
        )
    return entered


def render_field(
    form_field: FormField, value: Any, path: str, context: FormContext, level: int
) -> Any:
    """Draw one field with the widget its type calls for.

    Args:
        form_field: The field's description.
        value: Its current value.
        path: Dotted path inside the assessment, used for keys and errors.
        context: Section, problems and group options.
        level: Heading level for a nested model or table.

    Returns:
        The entered value.
    """
    if path in READ_ONLY_FIELDS:
        st.text_input(
            form_field.title,
            value=value or "",
            disabled=True,
            key=_key(context, path),
            help=f"{form_field.help} It cannot be changed once the assessment exists.",
        )
        return value
    if path in REVIEW_STEP_FIELDS:
        return _review_step_field(form_field, value)
    if form_field.kind is FieldKind.MODEL:
        heading(form_field.title, level)
        st.caption(form_field.help)
        inline_problem(context, path)
        return render_model(form_field.target, value or {}, path, context, level + 1)
    if form_field.kind is FieldKind.TABLE:
        heading(form_field.title, level)
        table_problems(context, path, form_field.title)
        return tables.render_table(form_field, value or [], path, context)
    inline_problem(context, path)
    value = context.start_value(path, form_field.kind, form_field.target, value)
    return _SIMPLE[form_field.kind](form_field, value, _key(context, path), context, level)


def _review_step_field(form_field: FormField, value: Any) -> Any:
    """Show a field only the review steps change (the status) as text, with a link to them."""
    st.markdown(
        f"**{form_field.title}:** {option_label(value)}. It changes only through the "
        "review steps: submitting for review, returning for changes, approval and publication."
    )
    page_link(state.REVIEW_PAGE, "Review and approval")
    return value


def _key(context: FormContext, path: str) -> str:
    return widget_key(context.section_id, path)


def _text(form_field: FormField, value: Any, key: str, _c: FormContext, _l: int) -> Any:
    entered = st.text_input(form_field.title, value=value or "", key=key, help=form_field.help)
    return text_value(entered)


def _long_text(form_field: FormField, value: Any, key: str, _c: FormContext, _l: int) -> Any:
    entered = st.text_area(form_field.title, value=value or "", key=key, help=form_field.help)
    return text_value(entered)


def _date(form_field: FormField, value: Any, key: str, _c: FormContext, _l: int) -> Any:
    return st.date_input(
        form_field.title,
        value=value,
        min_value=EARLIEST,
        max_value=LATEST,
        key=key,
        help=f"{form_field.help} Leave empty if not known yet.",
        format=DATE_FORMAT,
    )


def _yes_no(form_field: FormField, value: Any, key: str, _c: FormContext, _l: int) -> Any:
    choice = st.radio(
        form_field.title,
        YES_NO_OPTIONS,
        index=YES_NO_OPTIONS.index(yes_no_choice(value)),
        key=key,
        help=form_field.help,
        horizontal=True,
    )
    return yes_no_value(choice)


def _checkbox(form_field: FormField, value: Any, key: str, _c: FormContext, _l: int) -> Any:
    return st.checkbox(form_field.title, value=bool(value), key=key, help=form_field.help)


def _choice(form_field: FormField, value: Any, key: str, _c: FormContext, _l: int) -> Any:
    options = ([None] if form_field.optional else []) + list(form_field.target)
    index = options.index(value) if value in options else 0
    return st.selectbox(
        form_field.title,
        options,
        index=index,
        key=key,
        help=form_field.help,
        format_func=option_label,
    )


def _choices(form_field: FormField, value: Any, key: str, _c: FormContext, _l: int) -> Any:
    return st.multiselect(
        form_field.title,
        list(form_field.target),
        default=value or [],
        key=key,
        help=form_field.help,
        format_func=option_label,
    )


def _lines(form_field: FormField, value: Any, key: str, _c: FormContext, _l: int) -> Any:
    entered = st.text_area(
        form_field.title,
        value="\n".join(value or []),
        key=key,
        help=f"{form_field.help} Write one item per line.",
    )
    return lines_value(entered)


def _number(form_field: FormField, value: Any, key: str, _c: FormContext, _l: int) -> Any:
    return st.number_input(
        form_field.title, value=value or 0, step=1, key=key, help=form_field.help
    )


_SIMPLE: dict[FieldKind, Renderer] = {
    FieldKind.TEXT: _text,
    FieldKind.LONG_TEXT: _long_text,
    FieldKind.DATE: _date,
    FieldKind.YES_NO: _yes_no,
    FieldKind.CHECKBOX: _checkbox,
    FieldKind.CHOICE: _choice,
    FieldKind.CHOICES: _choices,
    FieldKind.LINES: _lines,
    FieldKind.NUMBER: _number,
}
