"""The SEND example walked end to end in Chromium, with screenshots of the main pages.

One test drives a real Streamlit server through Playwright: open the assessment
from the Library, change and save the screening, upload the example survey,
correct one column's reading, see the charts and save the reach, submit for
review, approve as another user (a second server with a different ``EIA_USER``
on the same database), revise after consultation, then export and open the Word
EIA with python-docx.

Screenshots go to the folder named by ``EIA_SCREENSHOTS_DIR`` (CI keeps them as
test artefacts), or to the test's temporary folder.
"""

import io
import os
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from eia_app.domain.details import Stage, Status
from eia_app.services.assessments import load_assessment, read_assessment_file, save_assessment
from eia_app.services.workspace import close_repositories, open_repository, open_workspace
from tests.e2e.test_browser import (
    CHROMIUM_ARGS,
    SEND,
    choose,
    chromium_path,
    free_port,
    streamlit_command,
    wait_for_app,
    wait_until_healthy,
)

pytestmark = pytest.mark.browser

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "send_strategy_2024_27"
CONSULTATION_STAGE = EXAMPLES / "eia_consultation_stage.json"
SURVEY = EXAMPLES / "send_consultation_responses.csv"
AUTHOR = "Browser Tester"
APPROVER = "Second Reviewer"
RELIGION_COLUMN = "What is your religion?"
IGNORE = "Not a monitoring question (ignore it)"
VIEWPORT = {"width": 1280, "height": 900}
SLOW = 90_000


@pytest.fixture
def screenshots(tmp_path) -> Path:
    """The folder screenshots are written to: ``EIA_SCREENSHOTS_DIR`` or a temporary one."""
    folder = Path(os.environ.get("EIA_SCREENSHOTS_DIR") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def draft_library(tmp_path) -> Iterator[str]:
    """A library holding only the consultation-stage SEND example, as a draft.

    The shipped file is already approved; as a draft it can be submitted,
    approved by someone else and then revised after consultation.
    """
    url = f"sqlite:///{(tmp_path / 'eia.sqlite').as_posix()}"
    assessment = read_assessment_file(CONSULTATION_STAGE)
    assert assessment.stage is Stage.CONSULTATION
    save_assessment(
        open_repository(url),
        assessment.model_copy(update={"status": Status.DRAFT}),
        saved_by="example loader",
    )
    close_repositories()
    yield url
    close_repositories()


@pytest.fixture
def server(tmp_path, draft_library) -> Iterator[Callable[[str], str]]:
    """Start Streamlit servers on the library, one user each; all stopped afterwards.

    Yields:
        A function taking the user (``EIA_USER``) and returning the server's URL.
        Starting a new server stops the one before, as a person would.
    """
    chromium_path()
    running: list[subprocess.Popen] = []

    def stop_all() -> None:
        while running:
            process = running.pop()
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)

    def start(user: str) -> str:
        stop_all()
        port = free_port()
        log_path = tmp_path / f"streamlit-{len(list(tmp_path.glob('streamlit-*.log')))}.log"
        env = {
            **os.environ,
            "EIA_DATABASE_URL": draft_library,
            "EIA_USER": user,
            "PYTHONUNBUFFERED": "1",
        }
        command = streamlit_command(port)
        with log_path.open("w") as log:
            process = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=log,
                                       stderr=subprocess.STDOUT)  # fmt: skip
        running.append(process)
        url = f"http://127.0.0.1:{port}"
        wait_until_healthy(url, process, log_path)
        return url

    try:
        yield start
    finally:
        stop_all()


@pytest.fixture
def browser():
    """A headless Chromium (Playwright's sync API), closed after the test."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


@contextmanager
def new_page(browser):
    """A fresh browser context and page at the screenshot size, with downloads allowed."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    context.set_default_timeout(30_000)
    try:
        yield context.new_page()
    finally:
        context.close()


def go_to(page, link: str, heading: str) -> None:
    """Follow a sidebar link and wait for the page's heading."""
    from playwright.sync_api import expect

    page.get_by_test_id("stSidebar").get_by_role("link", name=link, exact=True).click()
    wait_for_app(page, timeout=SLOW)
    expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()


def test_the_send_example_walked_from_the_library_to_the_word_export(
    browser, server, draft_library, screenshots
):
    from docx import Document
    from playwright.sync_api import expect

    app = server(AUTHOR)
    with new_page(browser) as page:
        # The Library, then the assessment opened from it.
        page.goto(app)
        wait_for_app(page, timeout=SLOW)
        expect(page.get_by_role("heading", name="Assessment library", level=1)).to_be_visible()
        expect(page.get_by_role("table").first).to_contain_text(SEND)
        page.screenshot(path=str(screenshots / "library.png"))
        page.get_by_role("button", name="Open assessment", exact=True).click()
        wait_for_app(page, timeout=SLOW)
        # Opening lands on the task list: every section with its status.
        expect(page.get_by_role("heading", name="Task list", level=1)).to_be_visible()

        # Screening: change the reasons, then Save and continue to the next section.
        go_to(page, "Screening", "Screening")
        reasons = page.get_by_role("textbox", name="Reasons for the screening decision")
        reasons.fill("Screened again in the browser walk: a full assessment is needed.")
        reasons.press("Tab")
        wait_for_app(page, timeout=SLOW)
        page.screenshot(path=str(screenshots / "section_screening.png"))
        page.get_by_role("button", name="Save and continue", exact=True).click()
        wait_for_app(page, timeout=SLOW)
        expect(page.get_by_role("heading", name="Purpose and scope", level=1)).to_be_visible()
        expect(page.get_by_text("Saved as version 2.")).to_be_visible(timeout=15_000)

        # Consultation reach: upload, correct the religion column, charts, save.
        go_to(page, "Consultation reach", "Consultation reach")
        page.locator("input[type=file]").set_input_files(str(SURVEY))
        wait_for_app(page, timeout=SLOW)
        religion = page.get_by_role("table", name="Religion or belief", exact=False)
        expect(religion.first).to_be_visible(timeout=SLOW)
        choose(page, RELIGION_COLUMN, IGNORE)
        page.get_by_role("button", name="Analyse again with these corrections").click()
        wait_for_app(page, timeout=SLOW)
        expect(religion).to_have_count(0, timeout=SLOW)
        race = page.get_by_role("table", name="Race: respondents compared with the population")
        expect(race).to_contain_text("Asian, Asian British or Asian Welsh")
        chart = page.locator(".js-plotly-plot").first
        expect(chart).to_be_visible(timeout=SLOW)
        chart.evaluate("e => e.scrollIntoView({block: 'center'})")
        page.wait_for_timeout(500)
        page.screenshot(path=str(screenshots / "reach.png"))
        page.get_by_role("button", name="Save with this assessment", exact=True).click()
        wait_for_app(page, timeout=SLOW)
        expect(page.get_by_text("Saved the consultation reach with version 2.")).to_be_visible()

        # Review and approval: submit for review.
        go_to(page, "Review and approval", "Review and approval")
        page.get_by_role("button", name="Submit for review", exact=True).click()
        wait_for_app(page, timeout=SLOW)
        expect(page.get_by_text("Submitted for review as version 3.")).to_be_visible()
        expect(page.get_by_role("button", name="Approve this version")).to_have_count(0)

    # Another person approves: a second server, recording changes under their name.
    app = server(APPROVER)
    with new_page(browser) as page:
        page.goto(f"{app}/review?ref={SEND}")
        wait_for_app(page, timeout=SLOW)
        expect(page.get_by_role("heading", name="Review and approval", level=1)).to_be_visible()
        page.get_by_role("button", name="Approve this version", exact=True).click()
        wait_for_app(page, timeout=SLOW)
        expect(page.get_by_text("Approved as version 4.")).to_be_visible()
        expect(page.get_by_role("heading", name="Revise after consultation")).to_be_visible()
        page.screenshot(path=str(screenshots / "review.png"))

        # Revise after consultation: the final-stage draft, with sections to look at.
        page.get_by_role("button", name="Start the final-stage version", exact=True).click()
        wait_for_app(page, timeout=SLOW)
        expect(page.get_by_text("Version 5 is the final-stage draft")).to_be_visible()
        expect(page.get_by_role("button", name="Go to Consultation")).to_be_visible()

        # Export: prepare the downloads and download the Word EIA.
        go_to(page, "Export", "Export")
        page.get_by_role("button", name="Prepare the downloads", exact=True).click()
        wait_for_app(page, timeout=180_000)
        word = page.get_by_role("button", name="Download the EIA (Word, .docx)", exact=True)
        expect(word).to_be_visible(timeout=SLOW)
        page.screenshot(path=str(screenshots / "export.png"))
        with page.expect_download(timeout=SLOW) as download_info:
            word.click()
        download = download_info.value
        assert download.suggested_filename.endswith(".docx")
        data = Path(download.path()).read_bytes()

    document = Document(io.BytesIO(data))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    repo = open_workspace(draft_library)
    final = load_assessment(repo, SEND)
    close_repositories()
    assert final.info.version == 5
    assert final.assessment.stage is Stage.FINAL
    assert final.assessment.status is Status.DRAFT
    assert final.info.saved_by == APPROVER
    assert final.assessment.key_details.title in text
    assert "What changed after consultation" in text
    assert "No survey results were analysed" not in text
    assert tables_under(document, "Reach of the consultation"), "no table in the reach section"


def tables_under(document, heading: str) -> int:
    """Count the tables between a level-1 or level-2 heading and the next such heading.

    Headings are numbered ("7.3 Reach of the consultation"), so the number is not compared.
    """
    from docx.text.paragraph import Paragraph

    count, inside = 0, False
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(block, document)
            if paragraph.style.name in {"Heading 1", "Heading 2"}:
                inside = paragraph.text.strip().partition(" ")[2] == heading
        elif tag == "tbl" and inside:
            count += 1
    return count
