"""The whole audit trail, for an administrator to read and download.

Every assessment's entries, and the changes to roles, templates and baselines that
belong to none (and so appear on no assessment's history page).
"""

import streamlit as st

from eia_app.domain.errors import EIAError
from eia_app.domain.permissions import Action, can
from eia_app.services.audit import INSTANCE_WIDE, audit_events, select_events
from eia_app.ui import state
from eia_app.ui.audit_view import show_events

EVERYTHING = "*"
"""The choice of every entry (no reference is a star)."""


def render() -> None:
    """Draw the whole audit trail, or say why this person may not read it."""
    st.title("Audit trail")
    decision = can(state.actor(), Action.READ_AUDIT)
    if not decision.allowed:
        st.info(decision.reason)
        return
    try:
        events = audit_events(state.repository())
    except EIAError as problem:
        st.error(f"There is a problem: the audit trail could not be read: {problem}")
        return
    st.write(
        "Who did what and when, oldest first: every save, review step and export of each "
        "assessment, and every change to people's roles, the Word template and the "
        "population baselines. Entries are never changed or removed."
    )
    if not events:
        st.write("Nothing is recorded yet.")
        return
    references = sorted({event.reference for event in events} - {INSTANCE_WIDE})
    labels = {
        EVERYTHING: "Everything",
        INSTANCE_WIDE: "Roles, templates and baselines (no assessment)",
        **{reference: reference for reference in references},
    }
    chosen = st.selectbox(
        "Show the entries of",
        list(labels),
        format_func=labels.__getitem__,
        key="eia.audit.scope",
    )
    person = st.text_input(
        "Done by (part of a name or e-mail; leave blank for anyone)", key="eia.audit.person"
    )
    shown = select_events(events, reference=None if chosen == EVERYTHING else chosen, person=person)
    st.write(f"{len(shown):,} of {len(events):,} entries shown.")
    if shown:
        show_events(shown, file_stem="audit_trail", key="eia.audit.csv", with_reference=True)
