"""The few style rules the app adds to Streamlit's, each for an accessibility reason.

Colours are the GOV.UK Design System's: focus yellow ``#ffdd00`` with black
``#0b0c0c`` text, and link blue ``#1d70b8``, which have enough contrast.
"""

import streamlit as st

_CSS = """<style>
/* Keyboard focus must be plain to see (WCAG 2.4.7): the GOV.UK focus style. */
a:focus-visible, button:focus-visible, [role="button"]:focus-visible,
summary:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid #ffdd00 !important;
  box-shadow: 0 0 0 6px #0b0c0c !important;
  outline-offset: 0 !important;
}
/* The current page in the app's navigation: said to screen readers by
   aria-current, shown to everyone by a bar and bold text, not by colour alone. */
[data-testid="stSidebar"] a[aria-current="page"] {
  border-left: 4px solid #1d70b8;
  font-weight: 700;
}
</style>"""


def apply() -> None:
    """Add the app's style rules to the page (once per run, before anything is drawn)."""
    st.html(_CSS)
