"""Streamlit entrypoint: page set-up, navigation built from ``SECTIONS``, and the frame.

Run with ``eia serve`` or ``python -m streamlit run`` on this file.
"""

import logging
from collections.abc import Callable

import streamlit as st

from eia_app.domain.errors import EIAError
from eia_app.services.assessments import load_assessment
from eia_app.services.sections import SECTIONS
from eia_app.ui import (
    export_page,
    history_page,
    library_page,
    reach_page,
    review_page,
    section_page,
    state,
)

LOGGER = logging.getLogger("eia_app.ui")
LIBRARY = "library"
HISTORY = "history"
REACH = "reach"
APP_TITLE = "EIA toolkit"


def section_page_function(section_id: str) -> Callable[[], None]:
    """Return the page function that draws one section.

    Args:
        section_id: Id of the section in ``SECTIONS``.

    Returns:
        A function with no arguments, as ``st.Page`` expects.
    """

    def page() -> None:
        section_page.render(section_id)

    page.__name__ = f"section_{section_id}"
    return page


def build_pages() -> dict[str, st.Page]:
    """Build every page, keyed by page id: the library, each section, then the check.

    Returns:
        Pages in navigation order.
    """
    pages = {LIBRARY: st.Page(library_page.render, title="Library", url_path=LIBRARY, default=True)}
    for section in SECTIONS:
        pages[section.id] = st.Page(
            section_page_function(section.id),
            title=section.title,
            url_path=section.id.replace("_", "-"),
        )
    pages[REACH] = st.Page(
        reach_page.render, title="Consultation reach", url_path="consultation-reach"
    )
    pages[HISTORY] = st.Page(
        history_page.render, title="Check and history", url_path="check-and-history"
    )
    pages["review"] = st.Page(review_page.render, title="Review and approval", url_path="review")
    pages["export"] = st.Page(export_page.render, title="Export", url_path="export")
    return pages


def show_open_assessment() -> None:
    """Say in the sidebar which assessment is open, in words."""
    reference = state.current_reference()
    if reference is None:
        st.sidebar.markdown("**Open assessment:** none. Choose one in the Library.")
        return
    try:
        stored = load_assessment(state.repository(), reference)
    except EIAError:
        st.sidebar.markdown(f"**Open assessment:** {reference} (could not be read).")
        return
    st.sidebar.markdown(
        f"**Open assessment:** {reference}  \n{stored.assessment.title}  \n"
        f"Version {stored.info.version}"
    )


def main() -> None:
    """Set up the page, route to the page asked for, and keep errors readable."""
    st.set_page_config(page_title=APP_TITLE, layout="wide")
    pages = build_pages()
    sections = [pages[section.id] for section in SECTIONS]
    navigation = st.navigation(
        {
            "Assessments": [pages[LIBRARY]],
            "Sections": sections,
            "Evidence": [pages[REACH]],
            "Review": [pages[HISTORY], pages["review"], pages["export"]],
        },
        expanded=True,
    )
    # Each browser tab names its page first, so people can tell tabs and history apart.
    st.set_page_config(page_title=f"{navigation.title} - {APP_TITLE}")
    requested = state.take_requested_page()
    if requested in pages:
        st.switch_page(pages[requested])
    try:
        show_open_assessment()
        navigation.run()
    except EIAError as problem:
        st.error(f"{problem}")
    except Exception:
        # Users never see a traceback; the log keeps it for whoever supports the app.
        LOGGER.exception("Unexpected error while drawing a page")
        st.error(
            "Something went wrong while showing this page. Your saved work is safe. "
            "Reload the page, or go back to the Library and try again."
        )


main()
