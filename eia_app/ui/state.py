"""Typed access to ``st.session_state``; every key the app uses starts with ``eia.``."""

from typing import Any

import streamlit as st

from eia_app.domain.repository import AssessmentRepository
from eia_app.services.workspace import open_workspace
from eia_app.settings import load_settings

CURRENT_REFERENCE = "eia.current_reference"
REQUESTED_PAGE = "eia.requested_page"
FLASH = "eia.flash"
FORM_PREFIX = "eia.form."


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


def saved_by() -> str:
    """Return the name recorded against saved versions: the ``user`` setting.

    It is the setting the CLI records too (``EIA_USER``, else the operating-system
    user), so one person is recorded under one name whichever they use.
    """
    return load_settings().user


def current_reference() -> str | None:
    """Return the reference of the assessment being worked on, if one is open."""
    value = st.session_state.get(CURRENT_REFERENCE)
    return str(value) if value else None


def open_assessment(reference: str) -> None:
    """Make an assessment the current one, forgetting any half-typed form values.

    Args:
        reference: The reference of the assessment to open.
    """
    if reference != current_reference():
        for key in [k for k in st.session_state if str(k).startswith(FORM_PREFIX)]:
            del st.session_state[key]
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
