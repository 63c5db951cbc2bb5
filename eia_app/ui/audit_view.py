"""The read-only audit trail of the open assessment, shown on the check-and-history page."""

import streamlit as st

from eia_app.domain.errors import EIAError
from eia_app.services.audit import audit_csv, audit_events
from eia_app.ui import state


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
    # A data frame shows every value as plain text: nothing typed is read as HTML.
    st.dataframe(
        [
            {
                "When (UTC)": event.at.strftime("%Y-%m-%d %H:%M"),
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
        audit_csv(events).encode("utf-8-sig"),
        file_name=f"{reference}_audit.csv",
        mime="text/csv",
        key="eia.history.audit_csv",
    )
