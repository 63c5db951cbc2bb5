"""Accessibility scan: axe-core (WCAG 2.2 A and AA rules) on every page, in Chromium.

axe-core comes from the repository's ``package.json`` (``npm ci`` installs it in
``node_modules``). Without it, or without Chromium, the test is skipped locally
but fails when the ``CI`` environment variable is set.
"""

import json
import os
from pathlib import Path

import pytest

from eia_app.services.sections import SECTIONS
from tests.e2e.test_browser import SEND, wait_for_app
from tests.e2e.test_browser import app_url as app_url  # noqa: F401  (fixtures)
from tests.e2e.test_browser import database_url as database_url  # noqa: F401
from tests.e2e.test_browser import page as page  # noqa: F401

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
BLOCKING = {"serious", "critical"}
URL_PATHS = [
    "library",
    "task-list",
    *(s.id.replace("_", "-") for s in SECTIONS),
    "consultation-reach",
    "check-and-history",
    "review",
    "export",
    "templates-and-baselines",
    "audit-trail",
]


def axe_source() -> str:
    """Return axe-core's script, or skip (fail under CI) if ``npm ci`` has not run."""
    if AXE.is_file():
        return AXE.read_text(encoding="utf-8")
    reason = "axe-core is not installed (run `npm ci` in the repository)"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; the accessibility scan must run in CI.")
    pytest.skip(reason)


def blocking_violations(page, source: str) -> list[str]:
    """Run axe on the page as it is now and describe each serious or critical violation."""
    page.add_script_tag(content=source)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_TAGS,
    )
    found = []
    for violation in result["violations"]:
        if violation["impact"] in BLOCKING:
            targets = [
                f"{node['target']} {node['html'][:160]} {node.get('failureSummary', '')[:200]}"
                for node in violation["nodes"][:2]
            ]
            found.append(
                f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])} nodes): "
                f"{violation['help']}; e.g. {', '.join(targets)}"
            )
    return found


def test_every_page_has_no_serious_or_critical_violation(page, app_url):
    source = axe_source()
    report = {}
    for path in URL_PATHS:
        page.goto(f"{app_url}/{path}?ref={SEND}")
        wait_for_app(page)
        # The scan reads the page as drawn: wait for the title and the navigation.
        page.get_by_role("heading", level=1).wait_for()
        page.locator("[data-testid='stSidebarContent'] [aria-current='page']").wait_for()
        page.wait_for_timeout(500)
        report[path] = blocking_violations(page, source)
    failing = {path: found for path, found in report.items() if found}
    assert not failing, json.dumps(failing, indent=2)
