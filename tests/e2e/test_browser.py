"""Browser test: a real Streamlit server and Chromium, driven through Playwright.

Chromium is found on PATH (Debian's ``chromium`` package). Without it the test
is skipped locally, but fails when the ``CI`` environment variable is set, so a
CI run can never report a skipped browser test as a pass.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

import eia_app.ui
from eia_app.services.assessments import load_assessment
from eia_app.services.working_copies import load_working_copy
from eia_app.services.workspace import close_repositories, open_workspace

pytestmark = pytest.mark.browser

APP = Path(eia_app.ui.__file__).parent / "streamlit_app.py"
SEND = "EIA-2025-0001"
NEW_DIRECTORATE = "Children, Families & Education"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
STARTUP_SECONDS = 60


def chromium_path() -> str:
    """Return the Chromium executable, or skip (fail under CI) if there is none."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    reason = "Chromium is not installed (install the Debian 'chromium' package)"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; browser tests must run in CI.")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"Streamlit exited early:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"Streamlit did not start in {STARTUP_SECONDS} s:\n{log.read_text()}")


@pytest.fixture
def database_url(tmp_path) -> Iterator[str]:
    """A temporary library, seeded with the SEND example before the server starts."""
    url = f"sqlite:///{(tmp_path / 'eia.sqlite').as_posix()}"
    open_workspace(url)
    close_repositories()
    yield url
    close_repositories()


@pytest.fixture
def app_url(tmp_path, database_url) -> Iterator[str]:
    """Run ``streamlit run`` on the entrypoint; the server is always stopped afterwards."""
    chromium_path()
    port = free_port()
    env = {
        **os.environ,
        "EIA_DATABASE_URL": database_url,
        "EIA_USER": "Browser Tester",
        "PYTHONUNBUFFERED": "1",
    }
    yield from serve_app(streamlit_command(port), port, tmp_path, env)


def serve_app(command: list[str], port: int, folder: Path, env: dict[str, str]) -> Iterator[str]:
    """Run the app server, yield its URL once healthy, and always stop it afterwards."""
    log_path = folder / "streamlit.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(command, cwd=folder, env=env, stdout=log,
                                   stderr=subprocess.STDOUT)  # fmt: skip
        try:
            url = f"http://127.0.0.1:{port}"
            wait_until_healthy(url, process, log_path)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)


def streamlit_command(port: int) -> list[str]:
    """The command that serves the app on a local port, as the browser tests run it."""
    return [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.headless=true", "--server.address=127.0.0.1", f"--server.port={port}",
        "--browser.gatherUsageStats=false", "--server.fileWatcherType=none",
        "--server.runOnSave=false", "--global.developmentMode=false",
        "--client.toolbarMode=viewer",
    ]  # fmt: skip


@pytest.fixture
def page(app_url):
    """A Chromium page (Playwright's sync API), closed after the test."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            yield context.new_page()
        finally:
            browser.close()


def wait_for_app(page, timeout: int = 30_000) -> None:
    """Wait until the app is connected and its script has finished running."""
    page.wait_for_timeout(300)
    app = "[data-testid='stApp']"
    page.locator(f"{app}[data-test-connection-state='CONNECTED']").wait_for(
        state="attached", timeout=timeout
    )
    page.locator(f"{app}[data-test-script-state='notRunning']").wait_for(
        state="attached", timeout=timeout
    )


def kept_values(database_url: str, user: str, seconds: float = 10) -> list[object]:
    """Wait for a working copy of the SEND example to be kept, and return its values."""
    deadline = time.monotonic() + seconds
    while True:
        copy = load_working_copy(open_workspace(database_url), SEND, user)
        close_repositories()
        if copy is not None or time.monotonic() > deadline:
            return [] if copy is None else list(copy.values.values())
        time.sleep(0.2)


def choose(page, label: str, option: str) -> None:
    """Pick an option in a Streamlit select box found by its label."""
    from playwright.sync_api import expect

    box = page.get_by_role("combobox", name=label, exact=True)
    box.scroll_into_view_if_needed()
    choice = page.get_by_role("option", name=option, exact=True)
    for _attempt in range(3):
        box.click()
        # Typing filters the list, so the option is drawn even in a long (virtual) list;
        # select what the box shows first, so the typing replaces it.
        box.press("Control+a")
        box.press_sequentially(option[:20])
        try:
            expect(choice).to_be_visible(timeout=5_000)
            break
        except AssertionError:
            box.press("Escape")  # a rerun redrew the box while typing: start again
    expect(choice).to_be_visible()
    choice.click()
    # The choice reruns the page; until the run ends, the old box may still be drawn.
    wait_for_app(page)
    expect(box).to_have_value(option)


def open_section_from_task_list(page, title: str) -> None:
    """Follow a section's link in the task list (the page the Library opens on)."""
    page.get_by_test_id("stMain").get_by_role("link", name=title, exact=True).click()
    wait_for_app(page)


def test_open_edit_and_save_creates_a_new_version(page, app_url, database_url, tmp_path):
    from playwright.sync_api import expect

    before = load_assessment(open_workspace(database_url), SEND).info.version
    close_repositories()

    page.goto(app_url)
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Assessment library", level=1)).to_be_visible()
    expect(page.get_by_role("table").first).to_contain_text(SEND)
    page.screenshot(path=str(tmp_path / "library.png"), full_page=True)

    page.get_by_role("button", name="Open assessment", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Task list", level=1)).to_be_visible()
    open_section_from_task_list(page, "Key details")
    expect(page.get_by_role("heading", name="Key details", level=1)).to_be_visible()
    expect(page).to_have_title("Key details - EIA toolkit")

    directorate = page.get_by_role("textbox", name="Directorate or department", exact=True)
    directorate.fill(NEW_DIRECTORATE)
    directorate.press("Tab")
    page.get_by_role("button", name="Save", exact=True).click()
    wait_for_app(page)
    saved = page.get_by_text(f"Saved as version {before + 1}.")
    expect(saved).to_be_visible(timeout=15_000)
    banner = page.get_by_test_id("stAlert").filter(has_text="Saved as version")
    expect(banner).to_be_in_viewport()  # the page moves to the outcome (GOV.UK pattern)
    expect(banner).to_be_focused()
    page.screenshot(path=str(tmp_path / "key_details_saved.png"), full_page=True)

    stored = load_assessment(open_workspace(database_url), SEND)
    assert stored.info.version == before + 1
    assert stored.assessment.key_details.directorate == NEW_DIRECTORATE
    assert stored.info.saved_by == "Browser Tester"


def test_a_bad_email_is_named_in_the_error_summary_and_nothing_is_saved(
    page, app_url, database_url
):
    from playwright.sync_api import expect

    before = load_assessment(open_workspace(database_url), SEND).info.version
    close_repositories()

    page.goto(app_url)
    wait_for_app(page)
    page.get_by_role("button", name="Open assessment", exact=True).click()
    wait_for_app(page)
    open_section_from_task_list(page, "Key details")
    email = page.get_by_role("textbox", name="Email", exact=True).first
    email.fill("not-an-email")
    email.press("Tab")
    page.get_by_role("button", name="Save", exact=True).click()
    wait_for_app(page)

    summary = page.get_by_test_id("stAlert").filter(has_text="There is a problem")
    expect(summary).to_be_in_viewport()  # the page moves to the summary (GOV.UK pattern)
    expect(summary).to_be_focused()
    expect(page.get_by_text("Key details > Lead officer > Email").first).to_be_visible()
    expect(email).to_have_value("not-an-email")
    assert load_assessment(open_workspace(database_url), SEND).info.version == before


def test_a_survey_uploaded_in_the_browser_shows_reach_charts_and_saves(page, app_url, database_url):
    from playwright.sync_api import expect

    survey = (
        Path(__file__).resolve().parents[2]
        / "examples/send_strategy_2024_27/send_consultation_responses.csv"
    )
    page.goto(app_url)
    wait_for_app(page)
    page.get_by_role("button", name="Open assessment", exact=True).click()
    wait_for_app(page)
    page.get_by_role("link", name="Consultation reach").click()  # same session
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Consultation reach", level=1)).to_be_visible()
    expect(page.get_by_text("up to 200 MB")).to_be_visible()
    page.locator("input[type=file]").set_input_files(str(survey))
    wait_for_app(page, timeout=90_000)
    race = page.get_by_role("table", name="Race: respondents compared with the population")
    expect(race).to_contain_text("Asian, Asian British or Asian Welsh")
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="Save with this assessment", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_text("Saved the consultation reach with version")).to_be_visible()

    from eia_app.services.reach_upload import saved_reach

    saved = saved_reach(open_workspace(database_url), SEND)
    assert saved is not None
    assert saved.saved_by == "Browser Tester"


def test_a_reload_keeps_the_page_the_assessment_and_what_was_typed(page, app_url, database_url):
    from playwright.sync_api import expect

    page.goto(f"{app_url}/purpose?ref={SEND}")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Purpose and scope", level=1)).to_be_visible()
    box = page.get_by_role("textbox").first
    typed = "Typed in the browser, then the page was reloaded."
    box.fill(typed)
    box.press("Tab")  # Streamlit sends a text box's value when it loses focus
    wait_for_app(page)
    expect(page.get_by_text("Your changes were kept at")).to_be_visible()
    # The reload must come after the typing reached the server: a browser that
    # reloads before a text box has sent its value has nothing to keep.
    assert typed in kept_values(database_url, "Browser Tester")

    page.reload()
    wait_for_app(page)
    assert page.url.endswith(f"/purpose?ref={SEND}")
    expect(page.get_by_role("heading", name="Purpose and scope", level=1)).to_be_visible()
    expect(page.get_by_role("textbox").first).to_have_value(typed)
    expect(page.get_by_text(f"Open assessment: {SEND}")).to_be_visible()


NEW_REFERENCE = "EIA-2026-0042"


def test_a_new_assessment_screened_from_empty_takes_the_short_path(page, app_url, database_url):
    """Start an assessment, screen every group in the row editor, and conclude "no"."""
    from playwright.sync_api import expect

    from eia_app.domain.completeness import takes_short_path
    from eia_app.services.reference import get_registry

    page.goto(app_url)
    wait_for_app(page)
    title = page.get_by_role("textbox", name="Title of the policy or proposal")
    title.fill("Library opening hours")
    page.get_by_role("textbox", name="EIA reference").fill(NEW_REFERENCE)
    page.get_by_role("button", name="Start assessment").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Key details", level=1)).to_be_visible()

    page.get_by_test_id("stSidebar").get_by_role("link", name="Screening", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Screening", level=1)).to_be_visible()
    groups = get_registry().groups
    for done, group in enumerate(groups, start=1):
        # A saved row reruns the page twice; the last row's widgets linger until then.
        wait_for_app(page)
        expect(page.get_by_role("combobox", name="Group", exact=True)).to_have_count(1)
        choose(page, "Group", group.label)
        wait_for_app(page)  # each choice reruns the page: wait before the next field
        choose(page, "Likely relevance", "Low")
        wait_for_app(page)
        why = page.get_by_role("textbox", name="Why", exact=True)
        why.fill(f"Opening hours barely touch {group.label.lower()}.")
        why.press("Tab")
        wait_for_app(page)
        page.get_by_role("button", name="Save row", exact=True).click()
        wait_for_app(page)
        rows = f"{done} row{'s' if done > 1 else ''}. To add"
        expect(page.get_by_text(rows)).to_be_visible()
        expect(page.get_by_role("combobox", name="Row to edit")).to_have_value("Add a new row")
    needed = page.get_by_role("radiogroup", name="Full assessment needed")
    needed.get_by_text("No", exact=True).click()
    wait_for_app(page)
    reasons = page.get_by_role("textbox", name="Reasons for the screening decision")
    reasons.fill("No group is likely to be affected: the hours change by thirty minutes.")
    reasons.press("Tab")
    wait_for_app(page)
    page.get_by_role("button", name="Save and continue", exact=True).click()
    wait_for_app(page)
    saved = page.get_by_test_id("stAlertContentSuccess").get_by_text("Saved as version")
    expect(saved).to_be_visible(timeout=15_000)

    stored = load_assessment(open_workspace(database_url), NEW_REFERENCE)
    close_repositories()
    screened = {entry.group_id for entry in stored.assessment.screening.entries}
    assert screened == {group.id for group in groups}
    assert takes_short_path(stored.assessment)
    # The task list now asks only for the short path: no consultation, no impacts.
    page.get_by_test_id("stSidebar").get_by_role("link", name="Task list", exact=True).click()
    wait_for_app(page)
    heading = page.get_by_role("heading", name="Task list", level=1)
    expect(heading).to_be_visible(timeout=15_000)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("link", name="Screening", exact=True)).to_be_visible()
    expect(main.get_by_role("link", name="Sign-off", exact=True)).to_be_visible()
    expect(main.get_by_role("link", name="Consultation", exact=True)).to_have_count(0)
