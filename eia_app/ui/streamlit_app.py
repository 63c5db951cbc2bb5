"""Streamlit entrypoint: page set-up, the navigation drawn by the app, and the frame.

Run with ``eia serve`` or ``python -m streamlit run`` on this file.

Adding a page is one line in :data:`PAGES`: its id (used by ``state.request_page``),
its title (the navigation label), its URL path (keep it stable: people bookmark
it), the function that draws it, and the navigation group it is listed under.
Streamlit's own navigation is hidden and the app draws it in the sidebar, as
headed groups of links, because Streamlit's markup fails the accessibility rules
for lists. The open assessment is in the URL (``?ref=``) on every page.
"""

import html
import logging
from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from eia_app.domain.errors import EIAError, NotFoundError
from eia_app.domain.permissions import Action, Actor, can
from eia_app.services.assessments import load_assessment
from eia_app.services.sections import SECTIONS
from eia_app.ui import (
    audit_page,
    council_files_page,
    export_page,
    history_page,
    library_page,
    people_page,
    reach_page,
    review_page,
    section_page,
    signin,
    state,
    styles,
    task_list_page,
    working_copy_view,
)
from eia_app.ui.plain import plain

LOGGER = logging.getLogger("eia_app.ui")
LIBRARY = state.LIBRARY_PAGE
HISTORY = state.CHECK_PAGE
REACH = "reach"
APP_TITLE = "EIA toolkit"
# The current page in the navigation: a GOV.UK blue bar, so not by colour of text alone.
CURRENT_STYLE = "border-left:4px solid #1d70b8;padding-left:8px;margin:0 0 4px"


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


@dataclass(frozen=True)
class AppPage:
    """One page of the app, as the navigation lists it.

    Attributes:
        id: Stable id, used to move to the page (``state.request_page``).
        title: The navigation label and the browser tab's first words.
        url_path: The page's URL path; stable, since people bookmark and share it.
        render: The function that draws the page.
        group: The navigation heading it is listed under.
        needs: The permission without which the page is not listed; None for every page
            anyone signed in may read.
        single_user: Whether the page is listed in single-user mode, where its one
            person holds every role; administration pages are not, unless they do
            something for that person too (their council's template, say).
    """

    id: str
    title: str
    url_path: str
    render: Callable[[], None]
    group: str
    needs: Action | None = None
    single_user: bool = False


PAGES: tuple[AppPage, ...] = (
    AppPage(LIBRARY, "Library", "library", library_page.render, "Assessments"),
    AppPage(state.TASKS_PAGE, "Task list", "task-list", task_list_page.render, "Assessments"),
    *(
        AppPage(s.id, s.title, s.id.replace("_", "-"), section_page_function(s.id), "Sections")
        for s in SECTIONS
    ),
    AppPage(REACH, "Consultation reach", "consultation-reach", reach_page.render, "Evidence"),
    AppPage(HISTORY, "Check and history", "check-and-history", history_page.render, "Review"),
    AppPage(state.REVIEW_PAGE, "Review and approval", "review", review_page.render, "Review"),
    AppPage("export", "Export", "export", export_page.render, "Review"),
    AppPage(
        "people",
        "People and roles",
        "people",
        people_page.render,
        "Administration",
        Action.ASSIGN_ROLES,
    ),
    AppPage(
        "council_files",
        "Templates and baselines",
        "templates-and-baselines",
        council_files_page.render,
        "Administration",
        Action.MANAGE_TEMPLATES,
        single_user=True,
    ),
    AppPage(
        "audit",
        "Audit trail",
        "audit-trail",
        audit_page.render,
        "Administration",
        Action.READ_AUDIT,
        single_user=True,
    ),
)


def build_pages() -> dict[str, st.Page]:
    """Build every page of :data:`PAGES`, keyed by page id, in navigation order.

    Returns:
        Streamlit pages; the Library is the default (the app's home).
    """
    return {
        page.id: st.Page(
            page.render, title=page.title, url_path=page.url_path, default=page.id == LIBRARY
        )
        for page in PAGES
    }


def listed(page: AppPage, person: Actor) -> bool:
    """Return whether the navigation lists a page for this person.

    Args:
        page: The page.
        person: Who is using the app.

    Returns:
        True for a page anyone may read; for one that needs a permission, True if they
        have it, except in single-user mode for a page not marked for it.
    """
    if page.needs is None:
        return True
    # Most administration means nothing to the one person of single-user mode.
    if person.single_user and not page.single_user:
        return False
    return can(person, page.needs).allowed


def show_navigation(pages: dict[str, st.Page], current: st.Page) -> None:
    """Draw the navigation in the sidebar: a heading per group, then a link per page.

    ``st.page_link`` moves between pages without reloading and is reached with
    the Tab key; each link carries the open assessment. The current page is
    not a link but bold text with ``aria-current="page"`` and a bar beside it
    (Streamlit does not mark a hidden navigation's current link).

    Args:
        pages: The Streamlit pages, keyed by page id.
        current: The page being drawn.
    """
    query = state.url_query()
    person = state.actor()
    groups: dict[str, list[AppPage]] = {}
    for page in PAGES:
        if listed(page, person):
            groups.setdefault(page.group, []).append(page)
    with st.sidebar:
        st.markdown("## Pages")
        for group, members in groups.items():
            st.markdown(f"### {group}")
            for page in members:
                if pages[page.id] is current:
                    st.markdown(
                        f'<p aria-current="page" style="{CURRENT_STYLE}">'
                        f"<strong>{html.escape(page.title)}</strong> (this page)</p>",
                        unsafe_allow_html=True,
                    )
                else:
                    st.page_link(pages[page.id], label=page.title, query_params=query)


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
        f"**Open assessment:** {reference}  \n{plain(stored.assessment.title)}  \n"
        f"Version {stored.info.version}"
    )


def open_from_url(pages: dict[str, st.Page], current: st.Page) -> None:
    """On a new session, open the assessment the URL names; an unknown one goes to the Library.

    Args:
        pages: The Streamlit pages, keyed by page id.
        current: The page the URL asked for.
    """
    reference = state.reference_from_url()
    if reference is None:
        return
    try:
        load_assessment(state.repository(), reference)
    except NotFoundError:
        state.close_assessment()
        state.flash_problem(
            f"There is no assessment {reference} in this library. The link may be wrong, "
            "or the assessment may be in another library. Choose one below."
        )
        state.take_requested_page()  # the Library, whatever page was asked for
        if current is not pages[LIBRARY]:
            st.switch_page(pages[LIBRARY])


def main() -> None:
    """Set up the page, route to the page asked for, and keep errors readable."""
    st.set_page_config(page_title=APP_TITLE, layout="wide")
    try:
        person = signin.who_is_here()
    except EIAError as unusable:
        st.error(f"{unusable}")
        return
    if person is None:
        return  # the sign-in page (or a refusal) is all that is drawn
    signin.remember(person)
    pages = build_pages()
    state.remember_pages(pages)
    navigation = st.navigation(list(pages.values()), position="hidden")
    # Each browser tab names its page first, so people can tell tabs and history apart.
    st.set_page_config(page_title=f"{navigation.title} - {APP_TITLE}")
    styles.apply()
    try:
        # First, before any page is drawn: keep what was typed on the last section page.
        working_copy_view.keep_typing()
        open_from_url(pages, navigation)
        requested = state.take_requested_page()
        if requested in pages:
            st.switch_page(pages[requested], query_params=state.url_query())
        state.show_reference_in_url()
        signin.show_banner(person)
        show_open_assessment()
        show_navigation(pages, navigation)
        problem = state.take_flash_problem()
        if problem:
            st.error(problem)
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
