"""The open assessment is in the URL, and what is typed is kept as a working copy.

A new ``AppTest`` on the same database is a refresh: a new session, whose
session state is empty, so only the URL and the working copy can bring work back.
"""

from streamlit.testing.v1 import AppTest

from eia_app.domain.labels import field_label
from eia_app.services.assessments import load_assessment, save_assessment
from eia_app.services.working_copies import load_working_copy
from eia_app.services.workspace import open_workspace
from tests.ui.test_app_smoke import (
    APP,
    DIRECTORATE_KEY,
    SEND,
    all_text,
    go_to,
    start_app,
)

USER = "Test Officer"
CHANGE_NOTE_KEY = "eia.form.quality.quality.change_note"


def refreshed(page_path: str, reference: str | None = SEND) -> AppTest:
    """Open the app afresh at a URL, as a refresh, bookmark or shared link does."""
    at = AppTest.from_file(APP, default_timeout=60)
    if reference:
        at.query_params["ref"] = reference
    at.session_state["eia.requested_page"] = page_path  # AppTest cannot set the URL path
    at.run()
    assert not at.exception, at.exception
    return at


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def test_the_url_opens_the_assessment_it_names(database_url):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["ref"] = SEND
    at.run()
    assert at.session_state["eia.current_reference"] == SEND
    assert f"**Open assessment:** {SEND}" in all_text(at)


def test_the_open_assessment_is_put_in_the_url(database_url):
    at = go_to(start_app(), "purpose")
    assert at.query_params["ref"] == SEND
    at = start_app()
    at.session_state["eia.current_reference"] = SEND  # opened, without moving page
    at.run()
    assert at.query_params["ref"] == SEND


def test_an_unknown_reference_in_the_url_says_so_and_shows_the_library(database_url):
    at = refreshed("key_details", reference="EIA-2099-9999")
    assert at.title[0].value == "Assessment library"
    assert any("There is no assessment EIA-2099-9999" in e.value for e in at.error)
    assert "ref" not in at.query_params


def test_typing_is_kept_and_a_refresh_brings_it_back(database_url):
    at = go_to(start_app(), "key_details")
    at.text_input(key=DIRECTORATE_KEY).input("Typed, not saved").run()
    kept = load_working_copy(open_workspace(database_url), SEND, USER)
    assert kept is not None
    assert kept.values == {"key_details.directorate": "Typed, not saved"}

    again = refreshed("key_details")
    assert again.title[0].value == "Key details"
    assert again.text_input(key=DIRECTORATE_KEY).value == "Typed, not saved"
    assert "Your changes were kept at" in all_text(again)


def test_status_says_when_the_last_version_was_saved_and_by_whom(database_url):
    stored = load_assessment(open_workspace(database_url), SEND)
    at = go_to(start_app(), "key_details")
    saved_at = stored.info.saved_at
    expected = (
        f"Last saved as version {stored.info.version} by {stored.info.saved_by} at "
        f"{saved_at:%H:%M} on {saved_at.day} {saved_at:%B %Y} (UTC)."
    )
    assert expected in all_text(at)
    assert "You have no unsaved changes." in all_text(at)


def test_back_keeps_the_typing_and_save_saves_every_page_typed(database_url):
    before = load_assessment(open_workspace(database_url), SEND).info.version
    at = go_to(start_app(), "quality")
    area = at.text_input(key=CHANGE_NOTE_KEY)
    area.input("Typed on the quality page")
    button(at, "Back").click().run()
    assert at.title[0].value == "Key details"
    at.text_input(key=DIRECTORATE_KEY).input("Typed on key details").run()
    button(at, "Save and continue").click().run()

    assert at.title[0].value == "Quality control and status"
    assert f"Saved as version {before + 1}." in [s.value for s in at.success]
    assert at.text_input(key=CHANGE_NOTE_KEY).value == "Typed on the quality page"
    saved = load_assessment(open_workspace(database_url), SEND)
    assert saved.info.version == before + 1
    assert saved.assessment.key_details.directorate == "Typed on key details"
    assert saved.assessment.quality.change_note == "Typed on the quality page"
    assert load_working_copy(open_workspace(database_url), SEND, USER) is None


def test_save_and_continue_on_the_last_section_goes_to_the_check(database_url):
    at = go_to(start_app(), "sign_off")
    button(at, "Save and continue").click().run()
    assert at.title[0].value == "Check and history"


def test_back_on_the_first_section_goes_to_the_library(database_url):
    at = go_to(start_app(), "key_details")
    button(at, "Back").click().run()
    assert at.title[0].value == "Assessment library"


def test_undoing_a_change_leaves_no_working_copy(database_url):
    at = go_to(start_app(), "key_details")
    original = at.text_input(key=DIRECTORATE_KEY).value
    at.text_input(key=DIRECTORATE_KEY).input("Changed").run()
    at.text_input(key=DIRECTORATE_KEY).input(original).run()
    assert load_working_copy(open_workspace(database_url), SEND, USER) is None


def typed_then_saved_elsewhere(database_url):
    """Type "Mine" as the directorate, then let "Another" save "Theirs" in the meantime."""
    repo = open_workspace(database_url)
    at = go_to(start_app(), "key_details")
    at.text_input(key=DIRECTORATE_KEY).input("Mine").run()
    first = load_assessment(repo, SEND)
    details = first.assessment.key_details.model_copy(update={"directorate": "Theirs"})
    save_assessment(
        repo, first.assessment.model_copy(update={"key_details": details}), saved_by="Another"
    )
    return repo, first


def test_a_newer_version_is_said_plainly_and_keep_mine_saves_over_it(database_url):
    repo, first = typed_then_saved_elsewhere(database_url)

    again = refreshed("key_details")
    assert any(f"Another saved version {first.info.version + 1}" in w.value for w in again.warning)
    assert again.text_input(key=DIRECTORATE_KEY).value == "Mine"
    again.button(key="eia.keep_mine").click().run()
    assert not again.warning
    button(again, "Save").click().run()
    saved = load_assessment(repo, SEND)
    assert saved.info.version == first.info.version + 2
    assert saved.assessment.key_details.directorate == "Mine"


def test_a_newer_version_is_compared_field_by_field_with_what_was_typed(database_url):
    _, first = typed_then_saved_elsewhere(database_url)

    again = refreshed("key_details")
    expander = next(e for e in again.expander if "Compare your changes" in e.label)
    assert expander.label.endswith("(1)")
    (table,) = expander.table
    frame = table.value
    stored = f"Version {first.info.version + 1} (saved by Another)"
    assert list(frame.columns) == ["Field", stored, "Your text"]
    row = frame.iloc[0]
    assert row["Field"] == field_label("key_details.directorate")
    assert (row[stored], row["Your text"]) == ("Theirs", "Mine")


EVIDENCE_ROWS = "eia.form.evidence.evidence.items"


def test_a_half_typed_row_is_kept_and_a_refresh_brings_it_back(database_url):
    repo = open_workspace(database_url)
    before = load_assessment(repo, SEND)
    count = len(before.assessment.evidence.items)
    at = go_to(start_app(), "evidence")
    at.text_input(key=f"{EVIDENCE_ROWS}[{count}].title").input("Half-typed survey").run()
    kept = load_working_copy(repo, SEND, USER)
    assert kept is not None
    assert kept.values == {}, "a row is not a change to the list until it is saved"
    assert kept.rows["evidence.items"].row is None
    assert kept.rows["evidence.items"].values == {"title": "Half-typed survey"}

    again = refreshed("evidence")
    assert again.text_input(key=f"{EVIDENCE_ROWS}[{count}].title").value == "Half-typed survey"
    assert "Your changes were kept at" in all_text(again)
    assert load_assessment(repo, SEND).info.version == before.info.version


def test_a_half_typed_change_to_an_existing_row_comes_back_on_that_row(database_url):
    repo = open_workspace(database_url)
    first = load_assessment(repo, SEND).assessment.evidence.items[0]
    at = go_to(start_app(), "evidence")
    at.selectbox(key=f"{EVIDENCE_ROWS}.row_to_edit").select(0).run()
    at.text_input(key=f"{EVIDENCE_ROWS}[0].title").input("Retitled, not saved").run()

    again = refreshed("evidence")
    assert again.selectbox(key=f"{EVIDENCE_ROWS}.row_to_edit").value == 0
    assert again.text_input(key=f"{EVIDENCE_ROWS}[0].title").value == "Retitled, not saved"
    # The fields not typed in show the saved row.
    assert again.text_input(key=f"{EVIDENCE_ROWS}[0].id").value == first.id


def test_saving_the_row_turns_the_draft_into_a_version_and_drops_it(database_url):
    repo = open_workspace(database_url)
    before = load_assessment(repo, SEND)
    count = len(before.assessment.evidence.items)
    at = go_to(start_app(), "evidence")
    at.text_input(key=f"{EVIDENCE_ROWS}[{count}].id").input("EV98").run()
    at = refreshed("evidence")
    at.text_input(key=f"{EVIDENCE_ROWS}[{count}].title").input("Saved after a refresh")
    at.text_input(key=f"{EVIDENCE_ROWS}[{count}].source").input("Council consultation hub")
    button(at, "Save row").click().run()
    assert not at.exception, at.exception
    added = load_assessment(repo, SEND).assessment.evidence.items[-1]
    assert (added.id, added.title) == ("EV98", "Saved after a refresh")
    assert load_working_copy(repo, SEND, USER) is None


def test_visiting_a_page_with_a_row_editor_keeps_nothing(database_url):
    at = go_to(start_app(), "actions")
    at = go_to(at, "evidence")
    go_to(at, "key_details")
    assert load_working_copy(open_workspace(database_url), SEND, USER) is None
