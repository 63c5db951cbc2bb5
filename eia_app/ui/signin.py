"""Sign-in through the council's OpenID Connect provider, or the single-user banner.

With a provider configured (``EIA_OIDC_*``), nothing but the sign-in page is drawn until
Streamlit's ``st.login`` has brought the person back with an identity token; their name
and e-mail are read from that token (``st.user``), never typed into a form. Without a
provider the app says plainly that it is in single-user mode.
"""

import html

import streamlit as st

from eia_app.domain.errors import PermissionDeniedError
from eia_app.domain.permissions import ROLE_LABELS, Actor, Role, single_user
from eia_app.services import access
from eia_app.settings import load_settings
from eia_app.ui import state
from eia_app.ui.plain import plain

SIGN_IN_TITLE = "Sign in to the EIA toolkit"
BANNER_STYLE = "border-left:6px solid #f47738;background:#fef7f1;padding:8px 12px;margin:0 0 12px"


def _token_text(claim: str) -> str:
    value = st.user.get(claim)
    return str(value).strip() if value else ""


def who_is_here() -> Actor | None:
    """Return who is using the app, drawing the sign-in page when nobody is signed in.

    Returns:
        The signed-in person with their roles, or the single user without a provider;
        None when the page drawn is the sign-in page or a refusal, and nothing else
        may be drawn on this run.
    """
    settings = load_settings()
    if settings.sign_in is None:
        return single_user(settings.user)
    if not st.user.is_logged_in:
        st.title(SIGN_IN_TITLE)
        st.write(
            "This toolkit holds the council's equality impact assessments. Sign in with your "
            "council account to continue: your name and e-mail are taken from it and recorded "
            "against everything you save."
        )
        st.button("Sign in", type="primary", key="eia.sign_in", on_click=st.login)
        return None
    email = _token_text("email")
    try:
        return access.sign_in(
            access.open_people(settings.database_url),
            name=_token_text("name") or email,
            email=email,
            admin_emails=settings.sign_in.admin_emails,
            allowed_domains=settings.sign_in.allowed_domains,
        )
    except PermissionDeniedError as refused:
        st.title("You cannot use this toolkit")
        st.error(str(refused))
        st.button("Sign out", key="eia.sign_out_refused", on_click=st.logout)
        return None


def _roles_words(roles: frozenset[Role]) -> str:
    names = [ROLE_LABELS[role] for role in Role if role in roles]
    return ", ".join(names) if names else "no role yet (you can read, not change)"


def show_banner(person: Actor) -> None:
    """Say who is signed in and with which roles, or that the app is in single-user mode.

    Args:
        person: Who is using the app.
    """
    if person.single_user:
        st.markdown(
            f'<div role="status" style="{BANNER_STYLE}"><strong>Single-user mode:</strong> '
            "nobody signs in, and changes are recorded under "
            f"{html.escape(person.name)} (set EIA_USER to change it). "
            "Set up sign-in (EIA_OIDC_*) before several people share this app.</div>",
            unsafe_allow_html=True,
        )
        return
    with st.sidebar:
        st.markdown(
            f"**Signed in as** {plain(person.name)} ({plain(person.email)})  \n"
            f"**Roles:** {_roles_words(person.roles)}"
        )
        st.button("Sign out", key="eia.sign_out", on_click=st.logout)


def remember(person: Actor) -> None:
    """Keep the person for every page drawn on this run."""
    state.remember_actor(person)
