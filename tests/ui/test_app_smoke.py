"""AppTest smoke tests: every page runs on a real (temporary) SQLite library seeded with SEND.

``AppTest.switch_page`` only reaches file-based pages, and our pages are callables,
so tests move between pages the way the app itself does: by asking the entrypoint
for a page (``eia.requested_page``), which then calls ``st.switch_page``.
"""

from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import HeadingBase

import eia_app.ui
from eia_app.domain.impact import ImpactRating
from eia_app.services.assessments import load_assessment, save_assessment, version_history
from eia_app.services.sections import SECTIONS
from eia_app.services.workspace import open_workspace

APP = str(Path(eia_app.ui.__file__).parent / "streamlit_app.py")
SEND = "EIA-2025-0001"
PAGE_IDS = ["library", "tasks", *(section.id for section in SECTIONS), "history"]
PAGE_TITLES = {
    "library": "Assessment library",
    "tasks": "Task list",
    "history": "Check and history",
    **{section.id: section.title for section in SECTIONS},
}
EMAIL_KEY = "eia.form.key_details.key_details.lead_officer.email"
DIRECTORATE_KEY = "eia.form.key_details.key_details.directorate"


def start_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, at.exception
    return at


def go_to(at: AppTest, page_id: str, reference: str | None = SEND) -> AppTest:
    if reference:
        at.session_state["eia.current_reference"] = reference
    at.session_state["eia.requested_page"] = page_id
    return at.run()


def save_button(at: AppTest):
    return next(button for button in at.button if button.label == "Save")


class _TableReader(HTMLParser):
    """Reads the cells of the HTML tables the app draws (``ui/tables.html_table``)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("th", "td"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def html_table_rows(at: AppTest, caption: str) -> list[dict[str, str]]:
    """Return the rows of the HTML table with this caption, as column title -> cell text."""
    drawn = next(m.value for m in at.main.markdown if "<caption" in m.value and caption in m.value)
    reader = _TableReader()
    reader.feed(drawn)
    headers, *rows = reader.rows
    return [dict(zip(headers, row, strict=True)) for row in rows]


def library_rows_shown(at: AppTest) -> list[dict[str, str]]:
    """The library table's rows, or none if the page shows no table."""
    if not any("Assessments in the library" in m.value for m in at.main.markdown):
        return []
    return html_table_rows(at, "Assessments in the library")


def all_text(at: AppTest) -> str:
    parts = [
        e.value
        for kind in ("markdown", "caption", "error", "success", "info")
        for e in at.get(kind)
    ]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_every_page_runs_with_one_title_and_no_error(database_url, page_id):
    at = go_to(start_app(), page_id)
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == [PAGE_TITLES[page_id]]
    assert not at.error, [e.value for e in at.error]


HEADING_LEVELS = {"title": 1, "header": 2, "subheader": 3}


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_headings_start_at_one_h1_and_never_skip_a_level(database_url, page_id):
    at = go_to(start_app(), page_id)
    headings = [node for node in at.main if isinstance(node, HeadingBase)]
    levels = [HEADING_LEVELS[node.type] for node in headings]
    assert levels[0] == 1
    assert PAGE_TITLES[page_id] not in [node.value for node in headings[1:]], "title repeated"
    assert levels.count(1) == 1
    for previous, current in zip(levels, levels[1:], strict=False):
        assert current <= previous + 1, f"heading jumps from h{previous} to h{current}"


@pytest.mark.parametrize("page_id", ["tasks", *(s.id for s in SECTIONS), "history"])
def test_pages_without_an_open_assessment_say_how_to_open_one(database_url, page_id):
    at = go_to(start_app(), page_id, reference=None)
    assert not at.exception
    assert any("No assessment is open" in i.value for i in at.info)


def test_every_widget_has_a_visible_label(database_url):
    at = go_to(start_app(), "key_details")
    for kind in ("text_input", "text_area", "selectbox", "radio", "date_input", "multiselect"):
        for widget in at.get(kind):
            assert widget.label.strip(), f"{kind} {widget.key} has no label"
            assert widget.proto.label_visibility.value == 0, f"{widget.key} hides its label"


def test_library_lists_the_seeded_send_example(database_url):
    at = start_app()
    rows = library_rows_shown(at)
    assert SEND in [row["Reference"] for row in rows]
    assert "Status" in rows[0]


def test_library_filter_by_status_hides_other_assessments(database_url):
    at = start_app()
    at.selectbox(key="eia.library.status").set_value("draft").run()
    assert SEND not in [row["Reference"] for row in library_rows_shown(at)]
    assert any("No assessments match" in i.value for i in at.info)


def test_saving_a_section_creates_a_new_version_with_the_change(database_url):
    before = load_assessment(open_workspace(database_url), SEND).info.version
    at = go_to(start_app(), "key_details")
    at.text_input(key=DIRECTORATE_KEY).input("Children's Services (renamed)")
    save_button(at).click().run()

    assert not at.exception
    assert f"Saved as version {before + 1}." in [s.value for s in at.success]
    stored = load_assessment(open_workspace(database_url), SEND)
    assert stored.info.version == before + 1
    assert stored.assessment.key_details.directorate == "Children's Services (renamed)"
    assert stored.info.saved_by == "Test Officer"
    assert "Key details" in version_history(open_workspace(database_url), SEND)[-1].change_summary


def test_an_invalid_email_names_the_field_saves_nothing_and_keeps_the_input(database_url):
    before = load_assessment(open_workspace(database_url), SEND)
    at = go_to(start_app(), "key_details")
    at.text_input(key=DIRECTORATE_KEY).input("A directorate typed before the mistake")
    at.text_input(key=EMAIL_KEY).input("not-an-email")
    save_button(at).click().run()

    assert not at.exception
    summary = at.error[0].value
    assert "Key details > Lead officer > Email" in summary
    assert "Enter an email address in the correct format" in summary
    assert at.text_input(key=EMAIL_KEY).value == "not-an-email"
    assert at.text_input(key=DIRECTORATE_KEY).value == "A directorate typed before the mistake"
    after = load_assessment(open_workspace(database_url), SEND)
    assert after.info.version == before.info.version
    assert after.assessment == before.assessment


def test_saving_without_changes_adds_no_version(database_url):
    before = load_assessment(open_workspace(database_url), SEND).info.version
    at = go_to(start_app(), "purpose")
    save_button(at).click().run()
    assert any("Nothing has changed" in s.value for s in at.success)
    assert load_assessment(open_workspace(database_url), SEND).info.version == before


def test_psed_page_saves_an_aim_under_its_label(database_url):
    at = go_to(start_app(), "psed")
    labels = [area.label for area in at.text_area]
    assert "Advance equality of opportunity" in labels
    area = next(
        a for a in at.text_area if a.label == "Foster good relations between different groups"
    )
    area.input("Joint events between special and mainstream schools.")
    save_button(at).click().run()
    stored = load_assessment(open_workspace(database_url), SEND).assessment
    analyses = {entry.aim.value: entry.analysis for entry in stored.psed}
    assert (
        analyses["foster_good_relations"] == "Joint events between special and mainstream schools."
    )


def test_impact_page_shows_each_group_with_its_guidance(database_url):
    at = go_to(start_app(), "impacts")
    labels = [e.label for e in at.expander]
    assert any(label.startswith("Age:") for label in labels)
    assert any(label.startswith("Carers:") for label in labels)
    assert "Questions to consider" in all_text(at)
    # The SEND example's ratings carry the domain's labels, with what the rating asks for.
    assert "Disability: Positive with a risk of negative" in labels
    assert "Armed forces community: Unknown (no evidence yet)" in labels
    assert ImpactRating.UNKNOWN.guidance in all_text(at)


def test_starting_an_assessment_checks_the_reference_then_saves_version_1(database_url):
    at = start_app()
    at.text_input(key="eia.library.new_title").input("Library opening hours")
    at.text_input(key="eia.library.new_reference").input("EIA-25-1")
    next(b for b in at.button if b.label == "Start assessment").click().run()
    assert "EIA reference" in at.error[0].value
    assert "EIA-YYYY-NNNN" in at.error[0].value
    assert at.text_input(key="eia.library.new_title").value == "Library opening hours"

    at.text_input(key="eia.library.new_reference").input("EIA-2026-0042")
    next(b for b in at.button if b.label == "Start assessment").click().run()
    assert not at.exception
    assert at.title[0].value == "Key details"
    stored = load_assessment(open_workspace(database_url), "EIA-2026-0042")
    assert stored.info.version == 1
    assert stored.assessment.key_details.title == "Library opening hours"


def test_history_lists_versions_and_reads_an_older_one(database_url):
    at = go_to(start_app(), "key_details")
    at.text_input(key=DIRECTORATE_KEY).input("Education")
    save_button(at).click().run()
    current = load_assessment(open_workspace(database_url), SEND).info.version

    at = go_to(at, "history")
    assert not at.exception
    history = at.table[0].value
    assert history["Version"].tolist()[0] == str(current)
    assert {"Saved", "Saved by", "What changed"} <= set(history.columns)
    at.selectbox(key="eia.history.version").set_value(current - 1).run()
    assert "Key details > Directorate or department" in all_text(at)
    headings = [h.value for h in at.subheader]
    assert "There is a problem" in headings or "0 problems" in all_text(at)


@pytest.mark.parametrize("section_id", [section.id for section in SECTIONS])
def test_saving_an_untouched_section_round_trips_the_send_example(database_url, section_id):
    """Every widget reads back exactly what it was given: no silent change on Save."""
    before = load_assessment(open_workspace(database_url), SEND)
    at = go_to(start_app(), section_id)
    save_button(at).click().run()
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    assert any("Nothing has changed" in s.value for s in at.success)
    after = load_assessment(open_workspace(database_url), SEND)
    assert after.info.version == before.info.version


def test_a_section_saved_by_someone_else_meanwhile_is_not_overwritten(database_url):
    repo = open_workspace(database_url)
    at = go_to(start_app(), "key_details")
    first = load_assessment(repo, SEND)
    theirs = first.assessment.model_copy(
        update={
            "key_details": first.assessment.key_details.model_copy(
                update={"service": "Their new service name"}
            )
        }
    )
    save_assessment(repo, theirs, saved_by="Another Officer")

    at.text_input(key=DIRECTORATE_KEY).input("My directorate")
    save_button(at).click().run()
    assert not at.exception
    assert "Another Officer saved version" in at.error[0].value
    assert at.text_input(key=DIRECTORATE_KEY).value == "My directorate"
    assert load_assessment(repo, SEND).info.version == first.info.version + 1

    at.button(key="eia.discard").click().run()
    assert not at.error
    assert at.text_input(key="eia.form.key_details.key_details.service").value == (
        "Their new service name"
    )
    at.text_input(key=DIRECTORATE_KEY).input("My directorate")
    save_button(at).click().run()
    saved = load_assessment(repo, SEND)
    assert saved.info.version == first.info.version + 2
    assert saved.assessment.key_details.service == "Their new service name"
    assert saved.assessment.key_details.directorate == "My directorate"


def test_a_change_elsewhere_in_the_assessment_does_not_block_saving(database_url):
    repo = open_workspace(database_url)
    at = go_to(start_app(), "key_details")
    first = load_assessment(repo, SEND)
    theirs = first.assessment.model_copy(
        update={"combined": first.assessment.combined.model_copy(update={"cumulative": "New."})}
    )
    save_assessment(repo, theirs, saved_by="Another Officer")

    at.text_input(key=DIRECTORATE_KEY).input("My directorate")
    save_button(at).click().run()
    assert f"Saved as version {first.info.version + 2}." in [s.value for s in at.success]
    saved = load_assessment(repo, SEND).assessment
    assert saved.combined.cumulative == "New."
    assert saved.key_details.directorate == "My directorate"


def test_a_cross_field_rule_is_reported_at_the_top_and_beside_the_part(database_url):
    at = go_to(start_app(), "consultation")
    at.date_input(key="eia.form.consultation.consultation.plan.end_date").set_value(
        date(2020, 1, 1)
    )
    save_button(at).click().run()
    messages = [e.value for e in at.error]
    assert "Engagement and consultation > Consultation plan" in messages[0]
    assert "The closing date must be on or after the start date." in messages[0]
    assert "Error: The closing date must be on or after the start date." in messages
    assert messages[-1].startswith("Nothing was saved.")
    assert at.date_input(key="eia.form.consultation.consultation.plan.end_date").value == date(
        2020, 1, 1
    )
