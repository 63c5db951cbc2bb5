"""The audit trail on the check-and-history page: who saved what, read-only, as plain text."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

import eia_app.ui
from eia_app.services.audit import audit_events
from eia_app.services.workspace import open_workspace
from tests.ui.conftest import SEND

APP = str(Path(eia_app.ui.__file__).parent / "streamlit_app.py")


def test_the_history_page_lists_the_audit_trail_of_the_open_assessment(database_url):
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.session_state["eia.current_reference"] = SEND
    at.session_state["eia.requested_page"] = "history"
    at.run()

    assert not at.exception, at.exception
    assert "Audit trail" in [h.value for h in at.header]
    shown = at.dataframe[0].value
    recorded = audit_events(open_workspace(database_url), SEND)
    assert len(recorded) >= 1
    assert shown["Action"].tolist() == [e.action.value for e in recorded]
    assert shown["By"].tolist() == [e.actor for e in recorded]
    assert "Download the audit trail (CSV)" in [b.label for b in at.get("download_button")]
