"""Typed access to ``st.session_state`` and ``st.query_params``.

Every session key the app uses starts with ``eia.``. The open assessment is also
in the URL (``?ref=EIA-2025-0001``), so that a refresh, a bookmark or a link sent
to a colleague opens the same assessment; the page is the URL's path.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from eia_app.domain.council_files import CouncilFileStore
from eia_app.domain.people import PeopleStore
from eia_app.domain.permissions import Action, Actor, Decision, single_user
from eia_app.domain.repository import AssessmentRepository
from eia_app.services import access, council_files
from eia_app.services.workspace import open_workspace
from eia_app.settings import load_settings

CURRENT_REFERENCE = "eia.current_reference"
REQUESTED_PAGE = "eia.requested_page"
FLASH = "eia.flash"
FLASH_PROBLEM = "eia.flash_problem"
FORM_PREFIX = "eia.form."
EDITING = "eia.editing"
PAGES = "eia.pages"
ACTOR = "eia.actor"
LIBRARY_PAGE = "library"
CHECK_PAGE = "history"
TASKS_PAGE = "tasks"
REVIEW_PAGE = "review"
URL_REFERENCE = "ref"


@dataclass(frozen=True)
class EditedField:
    """One widget drawn on a section page, remembered until the next run.

    Attributes:
        key: The widget's session-state key.
        kind: The :class:`~eia_app.ui.form_fields.FieldKind` value of the widget.
        saved: The field's value in the version the page was drawn from, JSON-ready.
    """

    key: str
    kind: str
    saved: Any


@dataclass
class RowEditing:
    """The row editor of one list as drawn last: which row, and the widget of each field.

    Attributes:
        row: The position of the row being changed, or None for a new row.
        fields: Field name -> the widget drawn for it; ``saved`` holds what the
            widget showed before anything was typed.
    """

    row: int | None
    fields: dict[str, EditedField] = field(default_factory=dict)


@dataclass
class Editing:
    """The widgets of the section page drawn last, so that the next run keeps their values.

    Streamlit forgets a page's widget values once another page is drawn, so the
    values are read at the start of the next run, whichever page it draws.

    Attributes:
        reference: The assessment the page was about.
        based_on_version: The version the page was drawn from.
        fields: Field path -> the widget drawn for it.
        rows: List path -> its row editor, so a half-typed row is kept too.
    """

    reference: str
    based_on_version: int
    fields: dict[str, EditedField] = field(default_factory=dict)
    rows: dict[str, RowEditing] = field(default_factory=dict)


def widget_key(section_id: str, path: str) -> str:
    """Return the session-state key of a form widget.

    Args:
        section_id: The section (page) the widget is on.
        path: Dotted path of the field inside the assessment.

    Returns:
        A key such as ``eia.form.key_details.key_details.lead_officer.email``.
    """
    return f"{FORM_PREFIX}{section_id}.{path}"


def repository() -> AssessmentRepository:
    """Return the assessment library (opened once per process, seeded if empty)."""
    return open_workspace()


def remember_actor(person: Actor) -> None:
    """Remember who is using the app on this run (set by the entrypoint before any page).

    Args:
        person: The signed-in person, or the one person of single-user mode.
    """
    st.session_state[ACTOR] = person


def actor() -> Actor:
    """Return who is using the app: the signed-in person, else the single user."""
    value: Any = st.session_state.get(ACTOR)
    return value if isinstance(value, Actor) else single_user(load_settings().user)


def people() -> PeopleStore | None:
    """Return the people store when people sign in; single-user mode keeps no roles."""
    return None if actor().single_user else access.open_people()


def council_files_store() -> CouncilFileStore:
    """Return the council's templates and baselines, kept in the assessment library."""
    repository()  # opened (and seeded) as every page opens it, before its files are read
    return council_files.open_council_files()


def may(action: Action, reference: str | None = None) -> Decision:
    """Decide whether the person using the app may take an action (on an assessment).

    Args:
        action: What they would do.
        reference: The assessment it is about, if any.

    Returns:
        The decision, with the reason to show when it is a refusal.
    """
    return access.decide(repository(), people(), actor(), action, reference)


def saved_by() -> str:
    """Return the name recorded against saved versions.

    Signed in, it is the name from the identity token. In single-user mode it is the
    ``user`` setting, which the CLI records too (``EIA_USER``, else the operating-system
    user), so one person is recorded under one name whichever they use.
    """
    return actor().name


def current_reference() -> str | None:
    """Return the reference of the assessment being worked on, if one is open."""
    value = st.session_state.get(CURRENT_REFERENCE)
    return str(value) if value else None


def reference_from_url() -> str | None:
    """Take the open assessment from the URL when this session has none yet.

    A new session (a refresh, a bookmark, a link) starts with empty session
    state, so the URL decides which assessment is open.

    Returns:
        The reference adopted from ``?ref=``, or None if the session already had
        one or the URL names none. The caller checks that it exists.
    """
    if CURRENT_REFERENCE in st.session_state:
        return None
    value = st.query_params.get(URL_REFERENCE, "").strip().upper()
    if not value:
        return None
    st.session_state[CURRENT_REFERENCE] = value
    return value


def show_reference_in_url() -> None:
    """Put the open assessment in the URL (or take it out), on every page."""
    reference = current_reference()
    if reference is None:
        st.query_params.pop(URL_REFERENCE, None)
    elif st.query_params.get(URL_REFERENCE) != reference:
        st.query_params[URL_REFERENCE] = reference


def remember_pages(pages: Mapping[str, StreamlitPage]) -> None:
    """Remember this run's pages, so that any page can link to another with ``st.page_link``.

    Args:
        pages: The Streamlit pages, keyed by page id.
    """
    st.session_state[PAGES] = dict(pages)


def page(page_id: str) -> StreamlitPage | None:
    """Return the page with this id, as remembered by :func:`remember_pages`.

    Args:
        page_id: ``library``, ``tasks``, ``history``, a section id and so on.

    Returns:
        The page, or None if there is no such page.
    """
    pages: Any = st.session_state.get(PAGES, {})
    found = pages.get(page_id) if isinstance(pages, dict) else None
    return found if isinstance(found, StreamlitPage) else None


def url_query() -> dict[str, str]:
    """Return the query parameters a link to another page carries: the open assessment."""
    reference = current_reference()
    return {URL_REFERENCE: reference} if reference else {}


def close_assessment() -> None:
    """Forget the open assessment (for example one the URL named but the library lacks)."""
    st.session_state[CURRENT_REFERENCE] = None
    st.session_state.pop(EDITING, None)


def remember_editing(editing: Editing) -> None:
    """Remember the widgets drawn on this run's section page.

    Args:
        editing: The page's assessment, version and widgets.
    """
    st.session_state[EDITING] = editing


def remember_rows(rows: Mapping[str, RowEditing]) -> None:
    """Add the row editors drawn on this run to the widgets remembered for the next run.

    Args:
        rows: List path -> its row editor as drawn.
    """
    editing: Any = st.session_state.get(EDITING)
    if isinstance(editing, Editing):
        editing.rows = dict(rows)


def take_editing() -> Editing | None:
    """Return and forget the widgets remembered by :func:`remember_editing`, if any."""
    value: Any = st.session_state.pop(EDITING, None)
    return value if isinstance(value, Editing) else None


def widget_value(key: str) -> tuple[bool, Any]:
    """Return whether a widget has a value in session state, and the value.

    Args:
        key: The widget's key.

    Returns:
        ``(True, value)``, or ``(False, None)`` when Streamlit holds no value.
    """
    if key in st.session_state:
        return True, st.session_state[key]
    return False, None


def forget_form_values() -> None:
    """Forget every half-typed form value, so that widgets show the saved version again."""
    for key in [k for k in st.session_state if str(k).startswith(FORM_PREFIX)]:
        del st.session_state[key]
    st.session_state.pop(EDITING, None)


def open_assessment(reference: str) -> None:
    """Make an assessment the current one, forgetting any half-typed form values.

    Args:
        reference: The reference of the assessment to open.
    """
    if reference != current_reference():
        forget_form_values()
    st.session_state[CURRENT_REFERENCE] = reference


def request_page(page_id: str) -> None:
    """Ask the entrypoint to move to a page on the next run.

    Args:
        page_id: ``library``, ``history`` or a section id.
    """
    st.session_state[REQUESTED_PAGE] = page_id


def take_requested_page() -> str | None:
    """Return and forget the page asked for by :func:`request_page`, if any."""
    value: Any = st.session_state.pop(REQUESTED_PAGE, None)
    return str(value) if value else None


def flash(message: str) -> None:
    """Keep a success message to show once, after the next rerun.

    Args:
        message: The message, for example "Saved as version 2".
    """
    st.session_state[FLASH] = message


def take_flash() -> str | None:
    """Return and forget the message kept by :func:`flash`, if any."""
    value: Any = st.session_state.pop(FLASH, None)
    return str(value) if value else None


def flash_problem(message: str) -> None:
    """Keep a problem to show once, at the top of the next page drawn.

    Args:
        message: What went wrong and what to do, for example an unknown reference.
    """
    st.session_state[FLASH_PROBLEM] = message


def take_flash_problem() -> str | None:
    """Return and forget the problem kept by :func:`flash_problem`, if any."""
    value: Any = st.session_state.pop(FLASH_PROBLEM, None)
    return str(value) if value else None
