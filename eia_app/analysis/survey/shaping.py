"""Turning the raw rows of an export into one column per question (no I/O)."""

import pandas as pd

from eia_app.analysis.survey.layouts import (
    Layout,
    clean_header,
    is_dropped_column,
    unique_names,
)
from eia_app.analysis.survey.model import is_metadata_column
from eia_app.analysis.survey.multiselect import (
    group_spread_columns,
    merge_spread,
    semicolon_options,
)

Options = dict[str, tuple[str, ...]]


def header_rows(raw: pd.DataFrame, count: int) -> list[list[str]]:
    """The first rows of a raw frame as text ("" for blank), to find the headers in."""
    head = raw.head(count).astype(object).fillna("")
    return [[str(cell) for cell in row] for row in head.itertuples(index=False)]


def _shape_spread(
    responses: pd.DataFrame, layout: Layout, rows: list[list[str]]
) -> tuple[pd.DataFrame, Options]:
    top = [clean_header(cell, layout.name) for cell in rows[layout.question_row]]
    groups = group_spread_columns(top, rows[layout.sub_row or 1])
    names = unique_names([group.question for group in groups])
    columns, options = {}, {}
    for name, group in zip(names, groups, strict=True):
        if len(group.positions) == 1:
            columns[name] = responses.iloc[:, group.positions[0]]
            continue
        columns[name] = merge_spread(responses, group)
        if group.options:
            options[name] = group.options
    return pd.DataFrame(columns, index=responses.index), options


def shape(
    responses: pd.DataFrame, layout: Layout, rows: list[list[str]]
) -> tuple[pd.DataFrame, Options]:
    """Name the columns after the questions and merge spread-out questions.

    Args:
        responses: Response rows only, columns by position.
        layout: The platform layout.
        rows: The header rows.

    Returns:
        (frame with one column per question, known options of multi-select questions).
    """
    if layout.sub_row is not None:
        frame, options = _shape_spread(responses, layout, rows)
        return as_categories(frame), options
    headers = [clean_header(cell, layout.name) for cell in rows[layout.question_row]]
    responses = responses.set_axis(unique_names(headers), axis=1)
    kept = [name for name in responses.columns if not is_dropped_column(name, layout.name)]
    responses = as_categories(responses[kept])
    options = {}
    if layout.name == "microsoft_forms":
        options = {c: o for c in kept if (o := semicolon_options(responses[c]))}
    return responses, options


def as_categories(frame: pd.DataFrame) -> pd.DataFrame:
    """Store answer columns as categoricals of their text (metadata stays as text).

    A million answers drawn from a dozen options then take a few megabytes, and
    counting them works on small integer codes.
    """
    converted = {
        column: frame[column].astype("category")
        for column in frame.columns
        if not is_metadata_column(str(column))
        and not isinstance(frame[column].dtype, pd.CategoricalDtype)
    }
    return frame.assign(**converted) if converted else frame
