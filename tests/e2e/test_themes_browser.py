"""Browser test: the free-text themes on the consultation page, in Chromium.

Upload the SEND survey, find the themes, see the themes table and the chart (scanned
with axe-core), approve one quote and save it with the assessment.
"""

from pathlib import Path

import pytest

from eia_app.services.themes_saved import saved_themes
from eia_app.services.workspace import open_workspace
from tests.e2e.test_accessibility import axe_source, blocking_violations
from tests.e2e.test_browser import SEND, wait_for_app
from tests.e2e.test_browser import app_url as app_url  # noqa: F401  (fixtures)
from tests.e2e.test_browser import database_url as database_url  # noqa: F401
from tests.e2e.test_browser import page as page  # noqa: F401

pytestmark = pytest.mark.browser
pytest.importorskip("sklearn")

SURVEY = (
    Path(__file__).resolve().parents[2]
    / "examples/send_strategy_2024_27/send_consultation_responses.csv"
)
QUESTION = "How would the proposals in the draft strategy affect you or your family?"


def test_themes_are_found_a_quote_approved_and_saved_in_the_browser(page, app_url, database_url):
    from playwright.sync_api import expect

    page.goto(f"{app_url}/consultation-reach?ref={SEND}")
    wait_for_app(page)
    page.locator("input[type=file]").set_input_files(str(SURVEY))
    wait_for_app(page, timeout=90_000)
    questions = page.get_by_role("table", name="Free-text questions")
    expect(questions).to_contain_text(QUESTION)
    page.get_by_role("button", name="Find the themes", exact=True).click()
    wait_for_app(page, timeout=90_000)
    themes = page.get_by_role("table", name=f"Themes of “{QUESTION}”")
    expect(themes).to_contain_text("transport", timeout=60_000)
    expect(page.get_by_text("The chart in words").last).to_be_visible()
    # The themes, the chart, the quotes and the forms pass the WCAG 2.2 AA scan too.
    page.wait_for_timeout(500)
    assert blocking_violations(page, axe_source()) == []
    boxes = page.get_by_role("checkbox", name="Approve this quote for publication")
    expect(boxes.first).to_be_visible()
    boxes.first.check(force=True)
    wait_for_app(page)
    expect(page.get_by_text("the 1 quote you approved")).to_be_visible()
    page.get_by_role("button", name="Save the themes with this assessment", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_text("Saved the themes with version")).to_be_visible()

    saved = saved_themes(open_workspace(database_url), SEND)
    assert saved is not None
    assert saved.saved_by == "Browser Tester"
    assert len([q for t in saved.themes.questions[0].themes for q in t.quotes]) == 1
