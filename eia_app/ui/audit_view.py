"""The read-only audit trail, as a table with a CSV download: of one assessment, or all of it."""

from collections.abc import Sequence

import streamlit as st

from eia_app.domain.audit import AuditEvent
from eia_app.domain.errors import EIAError
from eia_app.services.audit import audit_csv, audit_events
from eia_app.ui import state


def show_events(
    events: Sequence[AuditEvent], *, file_stem: str, key: str, with_reference: bool
) -> None:
    """Draw audit events as a table of plain text, and offer them as CSV.

    Args:
        events: The events to show, oldest first.
        file_stem: The download's name without ``.csv``.
        key: The download button's widget key.
        with_reference: Whether to show which assessment each event is about.
    """
    # A data frame shows every value as plain text: nothing typed is read as HTML.
    st.dataframe(
        [
            {
                "When (UTC)": event.at.strftime("%Y-%m-%d %H:%M"),
                **({"Assessment": event.reference or "None"} if with_reference else {}),
                "Version": event.version,
                "Action": event.action.value,
                "By": event.actor,
                "E-mail": event.actor_email,
                "Detail": event.detail,
            }
            for event in events
        ],
        hide_index=True,
    )
    st.download_button(
        "Download the audit trail (CSV)",
        audit_csv(list(events)).encode("utf-8-sig"),
        file_name=f"{file_stem}.csv",
        mime="text/csv",
        key=key,
    )


def render_audit_trail(reference: str) -> None:
    """Show who did what to the assessment and when, with a CSV download of it.

    Args:
        reference: The open assessment's reference.
    """
    st.header("Audit trail")
    try:
        events = audit_events(state.repository(), reference)
    except EIAError as problem:
        st.error(str(problem))
        return
    if not events:
        st.write("Nothing is recorded for this assessment yet.")
        return
    st.caption("Every save, review step and export, oldest first. Entries are never changed.")
    show_events(
        events, file_stem=f"{reference}_audit", key="eia.history.audit_csv", with_reference=False
    )
