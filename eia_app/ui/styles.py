"""The few style rules the app adds to Streamlit's, each for an accessibility reason.

Colours are the GOV.UK Design System's: focus yellow ``#ffdd00`` with black
``#0b0c0c``, link blue ``#1d70b8`` and secondary text ``#505a5f`` (7:1 on white),
which have enough contrast. The rules were found by the axe-core scan in
``tests/e2e/test_accessibility.py``.
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
/* Captions carry the field guidance; Streamlit's grey (#828180) is 3.9:1 on
   white, below the 4.5:1 WCAG AA asks for, and some are faded further. GOV.UK
   secondary text instead, not faded. */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {
  color: #505a5f !important;
  opacity: 1 !important;
}
/* The day, month and year parts of a date box are separate targets, each
   smaller than the 24 by 24 px WCAG 2.2 asks for (2.5.8): make them that big. */
[data-testid="stDateInput"] [role="spinbutton"] {
  display: inline-block;
  min-width: 24px;
  min-height: 24px;
  line-height: 24px;
  text-align: center;
}
/* The due-regard error summary: the GOV.UK error summary's red border. */
.st-key-eia-error-summary {
  border: 5px solid #d4351c !important;
}
</style>"""


# The sidebar scrolls when the navigation is longer than the window; a scrolling
# region must take keyboard focus (WCAG 2.1.1), so that arrow keys can scroll it.
# Streamlit's markup gives it none, so the app names it and makes it focusable.
_SIDEBAR_SCRIPT = """<script>
// Streamlit redraws the sidebar at times, so check twice a second (one timer per tab).
if (!window.eiaSidebarTimer) {
  window.eiaSidebarTimer = setInterval(() => {
    const sidebar = document.querySelector('[data-testid="stSidebarContent"]');
    if (sidebar && !sidebar.hasAttribute("tabindex")) {
      sidebar.setAttribute("tabindex", "0");
      sidebar.setAttribute("role", "region");
      sidebar.setAttribute("aria-label", "Navigation and open assessment");
    }
  }, 500);
}
</script>"""


def apply() -> None:
    """Add the app's style rules to the page (once per run, before anything is drawn)."""
    st.html(_CSS)
    st.html(_SIDEBAR_SCRIPT, unsafe_allow_javascript=True)
