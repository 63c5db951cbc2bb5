"""AppTest: lists are shown as HTML tables and changed one row at a time.

The row editor replaces an editable grid that screen readers handled poorly and
AppTest could not fill in; these tests drive it the way a person would.
"""

from pathlib import Path

from streamlit.testing.v1 import AppTest

import eia_app.ui
from eia_app.services.assessments import load_assessment
from eia_app.services.workspace import open_workspace

APP = str(Path(eia_app.ui.__file__).parent / "streamlit_app.py")
SEND = "EIA-2025-0001"
EVIDENCE = "eia.form.evidence.evidence.items"
ACTIONS = "eia.form.actions.actions"


def open_page(page_id: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.session_state["eia.current_reference"] = SEND
    at.session_state["eia.requested_page"] = page_id
    at.run()
    assert not at.exception, at.exception
    return at


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def markdown(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in at.markdown)


def test_lists_are_html_tables_with_a_caption_headers_and_a_row_count(database_url):
    stored = load_assessment(open_workspace(database_url), SEND)
    count = len(stored.assessment.evidence.items)
    at = open_page("evidence")
    text = markdown(at)
    assert "Evidence items</caption>" in text
    assert 'aria-label="Evidence items, table"' in text
    assert '<th scope="col"' in text
    assert ">Evidence reference</th>" in text
    assert f"{count} rows." in text
    assert not at.get("arrow_data_frame"), "no canvas grid is left on the page"
    labels = at.selectbox(key=f"{EVIDENCE}.row_to_edit").options
    assert labels[0] == "Add a new row"
    first = stored.assessment.evidence.items[0]
    assert labels[1].startswith(f"{first.id}: ")


def test_adding_an_evidence_item_saves_the_next_version_and_reads_back(database_url):
    repo = open_workspace(database_url)
    before = load_assessment(repo, SEND)
    count = len(before.assessment.evidence.items)
    at = open_page("evidence")
    at.text_input(key=f"{EVIDENCE}[{count}].id").input("EV99")
    at.text_input(key=f"{EVIDENCE}[{count}].title").input("Residents' survey 2026 <draft>")
    at.text_input(key=f"{EVIDENCE}[{count}].source").input("Council consultation hub")
    button(at, "Save row").click().run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert f"Saved as version {before.info.version + 1}." in [s.value for s in at.success]
    after = load_assessment(repo, SEND)
    assert after.info.version == before.info.version + 1
    added = after.assessment.evidence.items[-1]
    assert (added.id, added.title, added.source) == (
        "EV99",
        "Residents' survey 2026 <draft>",
        "Council consultation hub",
    )
    assert after.assessment.evidence.items[:-1] == before.assessment.evidence.items
    text = markdown(at)
    assert "Residents&#x27; survey 2026 &lt;draft&gt;" in text, "cell text is escaped"
    assert f"{count + 1} rows." in text
    # The form is ready for another new row.
    assert at.selectbox(key=f"{EVIDENCE}.row_to_edit").value is None
    assert at.text_input(key=f"{EVIDENCE}[{count + 1}].id").value == ""


def test_changing_an_actions_owner_saves_only_that_change(database_url):
    repo = open_workspace(database_url)
    before = load_assessment(repo, SEND)
    at = open_page("actions")
    at.selectbox(key=f"{ACTIONS}.row_to_edit").set_value(0).run()
    owner = at.text_input(key=f"{ACTIONS}[0].owner")
    assert owner.value == before.assessment.actions[0].owner
    owner.input("Head of SEND Transport")
    button(at, "Save row").click().run()
    assert not at.exception, at.exception
    assert f"Saved as version {before.info.version + 1}." in [s.value for s in at.success]
    after = load_assessment(repo, SEND).assessment
    assert after.actions[0].owner == "Head of SEND Transport"
    assert (
        after.actions[0].model_copy(update={"owner": before.assessment.actions[0].owner})
        == (before.assessment.actions[0])
    )
    assert after.actions[1:] == before.assessment.actions[1:]
    assert "Head of SEND Transport" in markdown(at)


def test_deleting_a_row_asks_for_confirmation_first(database_url):
    repo = open_workspace(database_url)
    before = load_assessment(repo, SEND)
    at = open_page("evidence")
    at.selectbox(key=f"{EVIDENCE}.row_to_edit").set_value(0).run()
    button(at, "Delete row").click().run()
    assert any("Nothing was deleted" in e.value for e in at.error)
    assert load_assessment(repo, SEND).info.version == before.info.version

    at.checkbox(key=f"{EVIDENCE}.confirm").check()
    button(at, "Delete row").click().run()
    assert not at.exception, at.exception
    assert f"Saved as version {before.info.version + 1}." in [s.value for s in at.success]
    after = load_assessment(repo, SEND).assessment
    assert after.evidence.items == before.assessment.evidence.items[1:]
    assert at.selectbox(key=f"{EVIDENCE}.row_to_edit").value is None


def test_an_invalid_row_names_the_field_saves_nothing_and_keeps_the_input(database_url):
    repo = open_workspace(database_url)
    before = load_assessment(repo, SEND)
    count = len(before.assessment.evidence.items)
    at = open_page("evidence")
    at.text_input(key=f"{EVIDENCE}[{count}].id").input("EV 99")
    at.text_input(key=f"{EVIDENCE}[{count}].title").input("Bad reference")
    button(at, "Save row").click().run()
    assert not at.exception, at.exception
    messages = [e.value for e in at.error]
    assert f"Evidence > Evidence items > row {count + 1} > Evidence reference" in messages[0]
    assert any(m.startswith("Error: Use up to 20 letters") for m in messages), messages
    assert load_assessment(repo, SEND).info.version == before.info.version
    assert at.text_input(key=f"{EVIDENCE}[{count}].id").value == "EV 99"
    assert at.text_input(key=f"{EVIDENCE}[{count}].title").value == "Bad reference"
