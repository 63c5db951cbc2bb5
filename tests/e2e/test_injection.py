"""No user text is ever rendered as HTML: script and markup in every text field, checked in the DOM.

Every string field of the SEND example that accepts free text gets a payload with a
script, an image whose error handler would run, and a marked element. Each page of the
app is then drawn in Chromium and its DOM searched: no element of the payload may exist
and no handler may have run, while the payload's text must be on the page as text
(so the test cannot pass on a page that simply shows nothing).
"""

from typing import Any

import pytest
from pydantic import ValidationError

from eia_app.domain.assessment import Assessment
from eia_app.services.assessments import load_assessment, save_assessment
from eia_app.services.workspace import close_repositories, open_workspace
from tests.e2e.test_accessibility import URL_PATHS
from tests.e2e.test_browser import SEND, wait_for_app
from tests.e2e.test_browser import app_url as app_url  # noqa: F401  (fixtures)
from tests.e2e.test_browser import database_url as database_url  # noqa: F401
from tests.e2e.test_browser import page as page  # noqa: F401

pytestmark = pytest.mark.browser

MARK = "eia-injected"
PAYLOAD = (
    f'<img src="x" class="{MARK}" onerror="window.eiaInjected=1">'
    f'<script>window.eiaInjected=2</script><b class="{MARK}">bold</b>'
    '<a class="eia-injected" href="javascript:window.eiaInjected=3">link</a>'
    " [eia link](javascript:window.eiaInjected=4) ![eia image](x)"
)
SHORT = f'<b class="{MARK}">b</b>![eia image](x)'
"""For fields too short to take the whole payload."""
VISIBLE = 'class="eia-injected"'
"""A piece of the payload that must be seen as text wherever it is drawn."""


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(data, dict):
        return [leaf for key, value in data.items() for leaf in _leaves(value, (*path, key))]
    if isinstance(data, list):
        return [leaf for i, value in enumerate(data) for leaf in _leaves(value, (*path, i))]
    return [path] if isinstance(data, str) else []


def _put(data: Any, path: tuple[Any, ...], value: str) -> None:
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


def poisoned(assessment: Assessment) -> tuple[Assessment, int]:
    """Put the payload into every string field that takes free text; return how many took it.

    A field that refuses it (a reference pattern, an e-mail, a choice from a list) keeps
    its value: those are checked by validation and never free text.
    """
    data = assessment.model_dump(mode="json")
    taken = 0
    for path in _leaves(data):
        before = _get(data, path)
        for payload in (f"{PAYLOAD} {before}"[:400], PAYLOAD, SHORT):
            _put(data, path, payload)
            try:
                Assessment.model_validate(data)
                taken += 1
                break
            except ValidationError:
                _put(data, path, before)
    return Assessment.model_validate(data), taken


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def test_script_and_markup_in_every_field_are_shown_as_text_on_every_page(
    page,  # noqa: F811
    app_url,  # noqa: F811
    database_url,  # noqa: F811
):
    repo = open_workspace(database_url)
    bad, taken = poisoned(load_assessment(repo, SEND).assessment)
    save_assessment(repo, bad, saved_by=PAYLOAD[:60])
    close_repositories()
    assert taken > 50  # nearly every text field took the payload

    shown_on, problems = [], []
    for path in URL_PATHS:
        page.goto(f"{app_url}/{path}?ref={SEND}")
        wait_for_app(page)
        page.get_by_role("heading", level=1).wait_for()
        found = {
            "payload elements": page.locator(f".{MARK}").count(),
            "javascript links": page.locator("a[href^='javascript:']").count(),
            "markdown images": page.locator("img[alt='eia image']").count(),
            "handlers run": 0 if page.evaluate("window.eiaInjected") is None else 1,
            "errors": page.content().count("Something went wrong"),
        }
        problems += [f"{path}: {n} {what}" for what, n in found.items() if n]
        if VISIBLE in page.inner_text("body"):
            shown_on.append(path)
    assert problems == []
    # The payload was drawn, as text, on the pages that show what was typed.
    assert {"library", "key-details", "review"} <= set(shown_on), shown_on
