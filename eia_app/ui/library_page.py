"""The library: every assessment in the database, filters, opening one and starting one."""

from datetime import date

import streamlit as st

from eia_app.domain.details import Status
from eia_app.domain.errors import EIAError
from eia_app.domain.permissions import Action
from eia_app.domain.review import DUE_LABELS
from eia_app.domain.versions import AssessmentFilter, AssessmentSummary
from eia_app.services.assessments import list_assessments
from eia_app.services.library import library_rows
from eia_app.services.sections import FormInvalidError, start_assessment
from eia_app.ui import components, state
from eia_app.ui.form_fields import option_label
from eia_app.ui.tables import html_table
from eia_app.ui.widgets import DATE_FORMAT


def render() -> None:
    """Draw the library page."""
    st.title("Assessment library")
    components.show_flash()
    st.write(
        "Every equality impact assessment saved in this library. Open one to work on it, "
        "or start a new one at the bottom of the page."
    )
    summaries = _filtered_list()
    if summaries is None:
        return
    _summary_table(summaries)
    _open_form(summaries)
    _new_assessment_form()


def _filtered_list() -> list[AssessmentSummary] | None:
    st.header("Find an assessment")
    left, middle, right = st.columns(3)
    status = left.selectbox(
        "Status",
        [None, *Status],
        key="eia.library.status",
        format_func=lambda s: "All statuses" if s is None else option_label(s),
        help="Show only assessments with this status.",
    )
    directorate = middle.text_input(
        "Directorate",
        key="eia.library.directorate",
        help="Show only this directorate (capitals do not matter).",
    )
    review_before = right.date_input(
        "Review due by",
        value=None,
        key="eia.library.review",
        format=DATE_FORMAT,
        help="Show only assessments due for review on or before "
        "this date. Leave empty to show all.",
    )
    criteria = AssessmentFilter(
        status=status, directorate=directorate.strip() or None, review_before=review_before
    )
    try:
        return list_assessments(state.repository(), criteria)
    except EIAError as problem:
        st.error(f"The library could not be read: {problem}")
        return None


LIBRARY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("Reference", "9em"),
    ("Title", "18em"),
    ("Status", "7em"),
    ("Stage", "7em"),
    ("Owner", "10em"),
    ("Review date", "7em"),
    ("Review", "9em"),
    ("Version", "5em"),
    ("Last saved", "10em"),
)
"""The library table's columns: ``(title, smallest CSS width)``."""


def _summary_table(summaries: list[AssessmentSummary]) -> None:
    st.header("Assessments")
    if not summaries:
        st.info("No assessments match these filters. Clear a filter, or start a new assessment.")
        return
    st.write(f"{len(summaries)} assessment{'s' if len(summaries) != 1 else ''} found.")
    try:
        rows = library_rows(state.repository(), date.today())
    except EIAError as problem:
        st.error(f"The library could not be read: {problem}")
        return
    shown = {s.reference: s for s in summaries}
    cells = [
        [
            row.reference,
            row.title,
            option_label(row.status),
            option_label(row.stage),
            row.owner,
            f"{row.review_date:%d/%m/%Y}" if row.review_date else "Not set",
            DUE_LABELS[row.due],
            str(row.version),
            f"{shown[row.reference].saved_at:%d/%m/%Y %H:%M} by {shown[row.reference].saved_by}",
        ]
        for row in rows
        if row.reference in shown
    ]
    st.markdown(
        html_table("Assessments in the library", LIBRARY_COLUMNS, cells), unsafe_allow_html=True
    )


def _open_form(summaries: list[AssessmentSummary]) -> None:
    if not summaries:
        return
    st.header("Open an assessment")
    titles = {s.reference: f"{s.reference}: {s.title}" for s in summaries}
    current = state.current_reference()
    options = list(titles)
    reference = st.selectbox(
        "Assessment to open",
        options,
        key="eia.library.open_choice",
        index=options.index(current) if current in options else 0,
        format_func=titles.__getitem__,
        help="Choose an assessment, then press Open assessment.",
    )
    st.button(
        "Open assessment", key="eia.library.open", type="primary", on_click=_open, args=(reference,)
    )


def _open(reference: str) -> None:
    # A callback runs before the next run, so the entrypoint goes straight to the page.
    state.open_assessment(reference)
    state.request_page(state.TASKS_PAGE)


def _new_assessment_form() -> None:
    st.header("Start a new assessment")
    allowed = state.may(Action.CREATE)
    if not allowed.allowed:
        st.info(allowed.reason)
        return
    problems = st.container()
    with st.form("eia.library.new", enter_to_submit=False):
        title = st.text_input(
            "Title of the policy or proposal",
            key="eia.library.new_title",
            help="The name the decision-makers will recognise.",
        )
        reference = st.text_input(
            "EIA reference",
            key="eia.library.new_reference",
            placeholder="EIA-2025-0001",
            help="A new reference in the form EIA-YYYY-NNNN: the year, then a 4-digit number.",
        )
        submitted = st.form_submit_button("Start assessment")
    if not submitted:
        return
    try:
        saved = start_assessment(
            state.repository(), title, reference, saved_by=state.saved_by(), person=state.actor()
        )
    except FormInvalidError as invalid:
        with problems:
            components.error_summary(invalid.problems)
        return
    except EIAError as problem:
        with problems:
            st.error(f"The assessment could not be started: {problem}")
        return
    state.open_assessment(saved.info.reference)
    state.flash(f"Started {saved.info.reference} and saved it as version {saved.info.version}.")
    state.request_page("key_details")
    st.rerun()
