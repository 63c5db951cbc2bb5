"""The status cannot be set by hand: the quality page shows it as text, and saving ignores it."""

from eia_app.domain.details import Status
from eia_app.services.assessments import load_assessment
from eia_app.services.working_copies import keep_changes, save_changes
from eia_app.services.workspace import open_workspace
from tests.ui.test_app_smoke import SEND, go_to, start_app

STATUS_KEY = "eia.form.quality.status"


def test_the_quality_page_shows_the_status_as_text_with_a_link_to_review(
    database_url, send_in_review
):
    at = go_to(start_app(), "quality")
    assert not at.exception, at.exception
    assert STATUS_KEY not in [widget.key for widget in at.selectbox]
    assert "Status" not in [widget.label for widget in at.main.selectbox]
    assert "Status" not in [widget.label for widget in at.main.radio]
    assert any(m.value.startswith("**Status:** In review.") for m in at.main.markdown)
    links = {link.value: link.proto.page for link in at.main.get("page_link")}
    assert links["Review and approval"] == "review"


def test_saving_the_quality_page_keeps_the_status(database_url, send_in_review):
    repo = open_workspace(database_url)
    before = load_assessment(repo, SEND)
    at = go_to(start_app(), "quality")
    at.text_input(key="eia.form.quality.quality.change_note").input("Checked the wording.")
    next(b for b in at.button if b.label == "Save").click().run()
    assert not at.exception, at.exception
    after = load_assessment(repo, SEND)
    assert after.info.version == before.info.version + 1
    assert after.assessment.quality.change_note == "Checked the wording."
    assert after.assessment.status is before.assessment.status is Status.IN_REVIEW


def test_a_status_kept_in_a_working_copy_is_never_saved(database_url, send_in_review):
    repo = open_workspace(database_url)
    before = load_assessment(repo, SEND)
    keep_changes(
        repo,
        SEND,
        "Test Officer",
        based_on_version=before.info.version,
        entered={"status": "approved", "quality.change_note": "Approved it myself."},
        saved={"status": "in_review", "quality.change_note": None},
    )
    saved = save_changes(repo, SEND, "Test Officer")
    assert saved is not None
    assert saved.assessment.quality.change_note == "Approved it myself."
    assert saved.assessment.status is Status.IN_REVIEW
