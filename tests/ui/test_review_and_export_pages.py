"""AppTest tests of the Review and approval page, the Export page and the version comparison.

The app runs on a temporary SQLite library seeded with the SEND example: version 1
is the approved consultation-stage EIA, version 2 the published final-stage one,
both saved by the example loader; the review tests add version 3, back in review
(the ``send_in_review`` fixture).
"""

from datetime import UTC, datetime

from streamlit.testing.v1.element_tree import HeadingBase

from eia_app.domain.details import Status
from eia_app.domain.versions import SavedReach
from eia_app.services.assessments import load_assessment, save_assessment
from eia_app.services.workspace import open_workspace
from tests.export.survey import transport_reach
from tests.ui.test_app_smoke import SEND, all_text, go_to, start_app

HEADING_LEVELS = {"title": 1, "header": 2, "subheader": 3}


def buttons(at) -> list[str]:
    return [b.label for b in at.button]


def click(at, label: str):
    return next(b for b in at.button if b.label == label).click().run()


def downloads(at) -> list[str]:
    return [element.proto.label for element in at.get("download_button")]


def headings_never_skip(at) -> None:
    levels = [HEADING_LEVELS[n.type] for n in at.main if isinstance(n, HeadingBase)]
    assert levels[0] == 1
    assert levels.count(1) == 1
    for previous, current in zip(levels, levels[1:], strict=False):
        assert current <= previous + 1


def current(url: str):
    return load_assessment(open_workspace(url), SEND)


def test_review_page_shows_status_steps_history_and_single_user_mode(database_url, send_in_review):
    at = go_to(start_app(), "review")
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Review and approval"]
    headings_never_skip(at)
    text = all_text(at)
    assert "Status: **In review**" in text
    assert "Single-user mode" in text
    assert "recorded under Test Officer" in text
    assert "Approve this version" in buttons(at)
    assert "Submit for review" not in buttons(at)
    assert "Only a draft can be submitted for review; this version is in review." in text
    history = at.table[0].value
    assert list(history.columns) == ["Version", "What", "Who", "When", "Comment"]
    assert "example loader" in history["Who"].tolist()


def test_the_author_cannot_approve_and_a_second_user_can(database_url, send_in_review, monkeypatch):
    monkeypatch.setenv("EIA_USER", "Priya Shah")
    at = go_to(start_app(), "review")
    at.text_area(key="eia.review.comment").input("Add the survey results.")
    at = click(at, "Return for changes")
    assert not at.exception, at.exception
    assert current(database_url).assessment.status is Status.DRAFT
    at = click(at, "Submit for review")
    submitted = current(database_url)
    assert (submitted.assessment.status, submitted.info.saved_by) == (
        Status.IN_REVIEW,
        "Priya Shah",
    )
    assert "Approve this version" not in buttons(at)
    assert "You saved this version, so someone else must approve it." in all_text(at)

    monkeypatch.setenv("EIA_USER", "Sam Jones")
    at = at.run()
    assert "recorded under Sam Jones" in all_text(at)
    at = click(at, "Approve this version")
    assert not at.exception, at.exception
    approved = current(database_url)
    assert approved.assessment.status is Status.APPROVED
    assert approved.assessment.sign_off.approved_by.name == "Sam Jones"
    assert f"Approved as version {approved.info.version}." in [s.value for s in at.success]
    history = at.table[0].value
    assert "Returned for changes" in history["What"].tolist()
    assert "Add the survey results." in history["Comment"].tolist()

    at = click(at, "Publish")
    assert current(database_url).assessment.status is Status.PUBLISHED


def test_a_return_without_a_comment_is_refused_in_words(database_url, send_in_review):
    at = go_to(start_app(), "review")
    at = click(at, "Return for changes")
    assert not at.exception
    assert any("Say what needs to change" in e.value for e in at.error)
    assert current(database_url).assessment.status is Status.IN_REVIEW


def test_revise_after_consultation_lists_sections_and_links_to_them(database_url):
    repo = open_workspace(database_url)
    consultation = load_assessment(repo, SEND, 1).assessment
    save_assessment(repo, consultation, saved_by="example loader")
    at = go_to(start_app(), "review")
    assert "Start the final-stage version" in buttons(at)
    at = click(at, "Start the final-stage version")
    assert not at.exception, at.exception
    revised = current(database_url).assessment
    assert (revised.stage.value, revised.status.value) == ("final", "draft")
    assert "Sections to look at after consultation" in [h.value for h in at.header]
    headings_never_skip(at)
    assert "Go to Impact on groups" in buttons(at)
    at = click(at, "Go to Impact on groups")
    assert at.title[0].value == "Impact on groups"


def test_export_page_offers_every_download_and_the_paragraph(database_url):
    at = go_to(start_app(), "export")
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Export"]
    assert downloads(at) == []
    at = click(at, "Prepare the downloads")
    assert not at.exception, at.exception
    headings_never_skip(at)
    assert downloads(at) == [
        "Download the EIA (Word, .docx)",
        "Download the one-page summary (Word, .docx)",
    ]
    assert at.code[0].value.startswith("An Equality Impact Assessment (EIA-2025-0001")
    infos = [i.value for i in at.info]
    assert any("Analyse the consultation survey on the Consultation reach page" in i for i in infos)
    assert any(i.startswith("No PDF: The PDF was not asked for.") for i in infos)


def test_export_page_offers_the_reach_tables_once_a_reach_is_saved(database_url, tmp_path):
    repo = open_workspace(database_url)
    repo.save_reach(
        SavedReach(
            reference=SEND,
            version=2,
            reach=transport_reach(tmp_path),
            saved_by="Test Officer",
            saved_at=datetime(2025, 5, 1, tzinfo=UTC),
        )
    )
    at = go_to(start_app(), "export")
    at = click(at, "Prepare the downloads")
    assert not at.exception, at.exception
    assert "Download the reach tables (CSV)" in downloads(at)
    assert "Download the reach tables (Excel, .xlsx)" in downloads(at)
    assert "400 responses" in at.code[0].value


def problems_listed(at) -> str:
    """The text of the page with the labels of its links (each problem links to its page)."""
    links = [str(e.proto.label) for e in at.get("page_link")]
    return "\n".join([all_text(at), *links])


def _save_in_review_with_publication_date(database_url):
    """Version 3: back in review, but still carrying version 2's publication date."""
    repo = open_workspace(database_url)
    assessment = load_assessment(repo, SEND).assessment
    save_assessment(
        repo, assessment.model_copy(update={"status": Status.IN_REVIEW}), saved_by="Test Officer"
    )


def test_export_page_lists_a_contradiction_and_holds_the_downloads_back(database_url):
    _save_in_review_with_publication_date(database_url)
    at = go_to(start_app(), "export")
    assert not at.exception, at.exception
    assert "Before you export" in [h.value for h in at.header]
    assert "There is a problem" in [h.value for h in at.subheader]
    text = problems_listed(at)
    assert "The status is 'In review' but a publication date" in text
    assert "so a reader could not tell which is true" in text
    prepare = next(b for b in at.button if b.label == "Prepare the downloads")
    assert prepare.disabled
    headings_never_skip(at)
    # The author may still make a copy to check; the problem stays listed above it.
    at.checkbox(key="eia.export.anyway").check().run()
    at = click(at, "Prepare the downloads")
    assert not at.exception, at.exception
    assert "Download the EIA (Word, .docx)" in downloads(at)
    assert "The status is 'In review' but a publication date" in problems_listed(at)


def test_export_page_says_nothing_about_checks_when_the_facts_agree(database_url):
    at = go_to(start_app(), "export")
    assert "Before you export" not in [h.value for h in at.header]
    prepare = next(b for b in at.button if b.label == "Prepare the downloads")
    assert not prepare.disabled


def test_history_page_compares_two_versions_field_by_field(database_url):
    at = go_to(start_app(), "history")
    assert not at.exception, at.exception
    table = at.table[-1].value
    assert list(table.columns) == ["Field", "Version 1", "Version 2", "Words removed and added"]
    stage = table[table["Field"] == "Stage"].iloc[0]
    assert (stage["Version 1"], stage["Version 2"]) == ("consultation", "final")
    assert any("[added:" in text for text in table["Words removed and added"])
    at.selectbox(key="eia.history.compare_to").set_value(1).run()
    assert "Choose two different versions to compare." in all_text(at)
