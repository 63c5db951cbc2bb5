"""AppTest tests of the library table: owner, review date and whether the review is due."""

from datetime import date, timedelta

from eia_app.services.assessments import load_assessment, save_assessment
from eia_app.services.sections import start_assessment
from eia_app.services.workspace import open_workspace
from tests.ui.test_app_smoke import SEND, library_rows_shown, start_app

COLUMNS = [
    "Reference",
    "Title",
    "Status",
    "Stage",
    "Owner",
    "Review date",
    "Review",
    "Version",
    "Last saved",
]


def set_review_date(database_url: str, when: date | None) -> None:
    repo = open_workspace(database_url)
    stored = load_assessment(repo, SEND).assessment
    monitoring = stored.monitoring.model_copy(update={"review_date": when})
    save_assessment(repo, stored.model_copy(update={"monitoring": monitoring}), saved_by="T")


def send_row(database_url: str) -> dict[str, str]:
    at = start_app()
    return next(row for row in library_rows_shown(at) if row["Reference"] == SEND)


def test_the_library_table_has_owner_review_date_and_due_state_in_words(
    database_url, send_in_review
):
    stored = load_assessment(open_workspace(database_url), SEND)
    at = start_app()
    rows = library_rows_shown(at)
    assert list(rows[0]) == COLUMNS
    row = next(row for row in rows if row["Reference"] == SEND)
    assert row["Title"] == stored.assessment.title
    assert row["Owner"] == stored.assessment.key_details.lead_officer.name
    assert row["Status"] == "In review"
    assert row["Stage"] == "Final"
    assert row["Version"] == str(stored.info.version)
    review = stored.assessment.monitoring.review_date
    assert review is not None
    assert row["Review date"] == f"{review:%d/%m/%Y}"


def test_the_due_state_follows_the_review_date(database_url):
    set_review_date(database_url, date.today() - timedelta(days=1))
    assert send_row(database_url)["Review"] == "Overdue"
    set_review_date(database_url, date.today() + timedelta(days=10))
    assert send_row(database_url)["Review"] == "Due within 30 days"
    set_review_date(database_url, date.today() + timedelta(days=200))
    assert send_row(database_url)["Review"] == "Not due"
    set_review_date(database_url, None)
    row = send_row(database_url)
    assert (row["Review date"], row["Review"]) == ("Not set", "No review date")


def test_a_new_assessment_has_no_owner_and_the_filter_still_works(database_url):
    start_assessment(open_workspace(database_url), "Library hours", "EIA-2026-0042", saved_by="T")
    at = start_app()
    rows = {row["Reference"]: row for row in library_rows_shown(at)}
    assert rows["EIA-2026-0042"]["Owner"] == "Not given"
    assert rows["EIA-2026-0042"]["Status"] == "Draft"
    at.selectbox(key="eia.library.status").set_value("draft").run()
    assert [row["Reference"] for row in library_rows_shown(at)] == ["EIA-2026-0042"]
