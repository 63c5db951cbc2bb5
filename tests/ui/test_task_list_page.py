"""AppTest tests of the task list page and of the due-regard error summary's links."""

import pytest

from eia_app.domain.details import Stage
from eia_app.services.assessments import check_assessment, load_assessment, save_assessment
from eia_app.services.sections import SECTIONS, section_for_field, start_assessment
from eia_app.services.tasks import sections_for
from eia_app.services.workspace import open_workspace
from tests.ui.test_app_smoke import SEND, go_to, start_app

NEW = "EIA-2026-0099"
SHORT_PATH_IDS = ["key_details", "quality", "screening", "sign_off"]


def links(at) -> dict[str, str]:
    """The main area's page links: label -> URL path of the page it opens."""
    return {link.value: link.proto.page for link in at.main.get("page_link")}


def url_path(section_id: str) -> str:
    return section_id.replace("_", "-")


def statuses(at) -> dict[str, str]:
    """Each section row's title -> the status text drawn after it (link or plain text)."""
    titles = {s.title for s in SECTIONS}
    shown = [node.value for node in at.main if node.type in ("page_link", "markdown")]
    return {text: shown[i + 1] for i, text in enumerate(shown) if text in titles}


def test_the_send_example_lists_every_section_completed_with_links(database_url):
    at = go_to(start_app(), "tasks")
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Task list"]
    assert "You have completed 15 of 15 sections." in [m.value for m in at.main.markdown]
    found = links(at)
    for section in SECTIONS:
        assert found[section.title] == url_path(section.id)
    assert all(link.proto.query_string == f"ref={SEND}" for link in at.main.get("page_link"))
    assert set(statuses(at).values()) <= {"Completed", "Completed, 1 thing to check"}
    assert len(statuses(at)) == 15
    assert "Things to check" in [h.value for h in at.subheader]
    assert "There is a problem" not in [h.value for h in at.subheader]


def test_a_new_draft_waits_for_screening_and_unlinks_what_cannot_start(database_url):
    repo = open_workspace(database_url)
    start_assessment(repo, "Library opening hours", NEW, saved_by="Test Officer")
    at = go_to(start_app(), "tasks", reference=NEW)
    assert not at.exception, at.exception
    texts = [m.value for m in at.main.markdown]
    assert "You have completed 0 of 15 sections." in texts
    found, status = links(at), statuses(at)
    assert "Key details" in found
    assert "Screening" in found
    assert status["Key details"].startswith("In progress, ")
    assert "problem" in status["Key details"]
    assert status["Screening"].startswith("Not started")
    # After screening: plain text, not a link, with the GOV.UK wording.
    assert "Evidence" not in found
    assert "Evidence" in texts
    assert status["Evidence"] == "Cannot start yet"


def test_the_short_path_lists_only_screening_and_sign_off_sections(database_url):
    repo = open_workspace(database_url)
    stored = load_assessment(repo, SEND).assessment
    short = stored.model_copy(
        update={
            "screening": stored.screening.model_copy(update={"full_assessment_required": False})
        }
    )
    save_assessment(repo, short, saved_by="Test Officer")
    at = go_to(start_app(), "tasks")
    assert not at.exception, at.exception
    shown = [s.title for s in SECTIONS if s.title in [m.value for m in at.main.markdown]]
    shown += [s.title for s in SECTIONS if s.title in links(at)]
    expected = [s.title for s in sections_for(short)]
    assert [s.id for s in sections_for(short)] == SHORT_PATH_IDS
    assert sorted(set(shown)) == sorted(expected)
    assert "Evidence" not in shown
    assert any("no full assessment is needed" in m.value for m in at.main.markdown)
    assert any(m.value.endswith(f"of {len(expected)} sections.") for m in at.main.markdown)


def test_opening_from_the_library_lands_on_the_task_list(database_url):
    at = start_app()
    at.selectbox(key="eia.library.open_choice").set_value(SEND)
    at.button(key="eia.library.open").click().run()
    assert not at.exception
    assert at.title[0].value == "Task list"
    assert at.session_state["eia.current_reference"] == SEND


@pytest.mark.parametrize("page_id", ["tasks", "history"])
def test_the_error_summary_links_each_problem_to_its_section(database_url, page_id):
    repo = open_workspace(database_url)
    start_assessment(repo, "Library opening hours", NEW, saved_by="Test Officer")
    at = go_to(start_app(), page_id, reference=NEW)
    at.selectbox(key="eia.tasks.stage" if page_id == "tasks" else "eia.history.stage").set_value(
        Stage.FINAL
    ).run()
    assert not at.exception, at.exception
    assert "There is a problem" in [h.value for h in at.subheader]
    issues = check_assessment(load_assessment(repo, NEW).assessment, Stage.FINAL)
    errors = [i for i in issues if i.blocking]
    assert len(errors) > 3
    found = links(at)
    for issue in errors:
        label = f"{issue.label}: {issue.message}"
        assert found[label] == url_path(section_for_field(issue.field) or ""), label
    assert {"screening", "key-details"} <= {found[f"{i.label}: {i.message}"] for i in errors}
