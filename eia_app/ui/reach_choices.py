"""The reach page's comparison choices: the sheet, the area and the cohort to compare with.

The area is compared with the respondents' own answers; the cohort (children with EHC
plans) with the questions about the child, in the same analysis, as ``eia reach
--baseline ... --cohort ...`` does.
"""

import streamlit as st

from eia_app.services.reach_baselines import DEFAULT_BASELINE
from eia_app.services.reach_upload import baseline_choices, cohort_choices, upload_sheets
from eia_app.ui import state

BASELINE_KEY = "eia.reach.baseline"
QUERY_KEY = "eia.reach.baseline_query"
COHORT_KEY = "eia.reach.cohort"
SHEET_KEY = "eia.reach.sheet"
NO_COHORT = ""


def sheet_picker(data: bytes, name: str) -> str | None:
    """Which sheet of a workbook holds the responses (None for a CSV or a one-sheet book)."""
    sheets = upload_sheets(data, name)
    if len(sheets) < 2:
        return None
    return st.selectbox("Sheet holding the responses", sheets, key=SHEET_KEY)


def baseline_picker() -> str:
    """The area (or cohort) the respondents' own answers are compared with."""
    query = st.text_input(
        "Search for an area or a cohort",
        key=QUERY_KEY,
        help="A council or area name or code, “EHC plan” for the SEND cohorts, or the name "
        "of a file your council uploaded.",
    )
    found = baseline_choices(query, state.council_files_store())
    options = {choice.id: choice.label for choice in found}
    chosen = str(st.session_state.get(BASELINE_KEY, DEFAULT_BASELINE))
    if not options:
        st.warning(f"No baseline matches “{query}”. The figures still use the last choice.")
        return chosen
    ids = list(options)
    # The list changes with the search, so the choice is kept under a key of its own.
    picked = st.selectbox(
        "Compare the respondents with",
        ids,
        index=ids.index(chosen) if chosen in ids else 0,
        format_func=options.__getitem__,
    )
    st.session_state[BASELINE_KEY] = picked
    return str(picked)


def cohort_picker() -> str | None:
    """The cohort the questions about the child are compared with; None for none."""
    options = {NO_COHORT: "No cohort: questions about a child are not compared"}
    found = cohort_choices(state.council_files_store())
    options.update({choice.id: choice.label for choice in found})
    picked = st.selectbox(
        "Compare questions about the child (such as “How old is your child?”) with",
        list(options),
        key=COHORT_KEY,
        format_func=options.__getitem__,
        help="For a consultation of families of children with EHC plans: the child's "
        "answers are compared with the children who have plans, the respondents' own "
        "with the area above.",
    )
    return str(picked) or None
