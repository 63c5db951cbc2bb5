"""People and roles: an administrator gives each person who has signed in their roles."""

import streamlit as st

from eia_app.domain.errors import EIAError
from eia_app.domain.permissions import ROLE_DUTIES, ROLE_LABELS, Action, Role, can
from eia_app.services import access
from eia_app.ui import components, state

PROBLEM_KEY = "eia.people.problem"


def _key(email: str, role: Role) -> str:
    return f"eia.people.{email}.{role.value}"


def render() -> None:
    """Draw the people-and-roles page, or say why this person may not use it."""
    st.title("People and roles")
    components.show_flash()
    person = state.actor()
    decision = can(person, Action.ASSIGN_ROLES)
    if not decision.allowed:
        st.info(decision.reason)
        return
    if person.single_user:
        st.info("In single-user mode there is nobody to give roles to: set up sign-in first.")
        return
    st.write(
        "Everyone who has signed in is listed. "
        + " ".join(f"**{ROLE_LABELS[r]}**: {ROLE_DUTIES[r]}." for r in Role)
        + " Nobody may approve a version they saved themselves, whatever their roles."
    )
    problem = st.session_state.pop(PROBLEM_KEY, None)
    if problem:
        st.error(f"There is a problem: {problem}")
    for someone in access.open_people().people():
        st.subheader(someone.name)
        st.caption(someone.email)
        for role in Role:
            # The e-mail in each label tells a screen reader whose box it is.
            st.checkbox(
                f"{ROLE_LABELS[role]} ({someone.email})",
                value=role in someone.roles,
                key=_key(someone.email, role),
            )
        st.button(
            f"Save the roles of {someone.name}",
            key=f"eia.people.save.{someone.email}",
            on_click=_save,
            args=(someone.email, someone.name),
        )


def _save(email: str, name: str) -> None:
    roles = frozenset(role for role in Role if st.session_state.get(_key(email, role)))
    try:
        access.assign_roles(
            access.open_people(),
            by=state.actor(),
            email=email,
            roles=roles,
            audit=state.repository(),
        )
    except EIAError as problem:
        st.session_state[PROBLEM_KEY] = str(problem)
        return
    state.flash(f"The roles of {name} were saved.")
