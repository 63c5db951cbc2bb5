"""Sign-in and roles end to end: the app in real Chromium against a local OpenID provider.

The provider is ``oidc-provider-mock`` on a loopback port, with one predefined user per
person below; the app is started with the same ``[auth]`` secrets ``eia serve`` writes
from the ``EIA_OIDC_*`` variables. Without Chromium the tests are skipped locally but
fail under CI (the fixtures of ``test_browser``).
"""

import json
import os
from collections.abc import Iterator

import pytest

from eia_app.domain.details import Status
from eia_app.domain.people import PersonRoles
from eia_app.domain.permissions import Role
from eia_app.domain.review import SELF_APPROVAL
from eia_app.services import review
from eia_app.services.assessments import load_assessment, save_assessment
from eia_app.services.sign_in_config import streamlit_options
from eia_app.services.workspace import close_repositories, open_workspace
from eia_app.settings import load_settings
from eia_app.storage.people import SqlPeopleStore
from eia_app.storage.sql import SqlAlchemyAssessmentRepository
from tests.e2e.test_accessibility import axe_source, blocking_violations
from tests.e2e.test_browser import (
    CHROMIUM_ARGS,
    SEND,
    chromium_path,
    free_port,
    serve_app,
    streamlit_command,
    wait_for_app,
)
from tests.e2e.test_browser import database_url as database_url  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser

PEOPLE = {
    "ada": ("Ada Lovelace-Admin", "ada@council.example"),
    "bo": ("Bo Officer", "bo@council.example"),
    "rae": ("Rae Reviewer", "rae@council.example"),
    "eve": ("Eve Outsider", "eve@elsewhere.example"),
}
RAES_OWN, BOS = "EIA-2026-0101", "EIA-2026-0102"


def in_review(database_url: str, reference: str, by: str) -> None:
    """Store a copy of the SEND example under a new reference, submitted for review by ``by``."""
    repo = open_workspace(database_url)
    send = load_assessment(repo, SEND).assessment
    details = send.key_details.model_copy(update={"reference": reference})
    copy = send.model_copy(update={"key_details": details, "status": Status.DRAFT})
    save_assessment(repo, copy, saved_by=by)
    review.submit_for_review(repo, reference, by=by)


@pytest.fixture
def provider() -> Iterator[str]:
    """The local OpenID provider, with a one-click user per person."""
    from oidc_provider_mock import User, run_server_in_thread

    users = [User(sub=sub, claims={"name": n, "email": e}) for sub, (n, e) in PEOPLE.items()]
    with run_server_in_thread(user_claims=users) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture
def signed_app(tmp_path, database_url, provider) -> Iterator[str]:  # noqa: F811
    """The app with sign-in on: Bo is an officer and Rae a reviewer; nobody is administrator."""
    chromium_path()
    in_review(database_url, RAES_OWN, PEOPLE["rae"][0])
    in_review(database_url, BOS, PEOPLE["bo"][0])
    repo = open_workspace(database_url)
    assert isinstance(repo, SqlAlchemyAssessmentRepository)
    people = SqlPeopleStore(repo.engine)
    for sub, role in (("bo", Role.OFFICER), ("rae", Role.REVIEWER)):
        name, email = PEOPLE[sub]
        people.keep_person(PersonRoles(email=email, name=name, roles=frozenset({role})))
    close_repositories()
    port = free_port()
    env = {
        **os.environ,
        "EIA_DATABASE_URL": database_url,
        "EIA_OIDC_ISSUER_URL": provider,
        "EIA_OIDC_CLIENT_ID": "eia-toolkit",
        "EIA_OIDC_CLIENT_SECRET": "not-a-real-secret",
        "EIA_OIDC_COOKIE_SECRET": "a-cookie-secret-long-enough-for-the-signing-key-0123456789",
        "EIA_OIDC_REDIRECT_URI": f"http://127.0.0.1:{port}/oauth2callback",
        "EIA_ALLOWED_EMAIL_DOMAINS": "council.example",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("EIA_USER", None)
    options = streamlit_options(load_settings(env).sign_in, tmp_path / "auth")
    yield from serve_app(streamlit_command(port) + options, port, tmp_path, env)


@pytest.fixture
def browser(signed_app):
    """Chromium; each test opens one context (one person's cookies) per person."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


def arrive(browser, app_url: str):
    """Open the app in a fresh context (no cookies) and return the page."""
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.goto(app_url)
    wait_for_app(page)
    return page


def sign_in(browser, app_url: str, sub: str):
    """Sign in as one of :data:`PEOPLE` through the provider's page; return the app page."""
    page = arrive(browser, app_url)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name=sub, exact=True).click()
    page.wait_for_url(f"{app_url}/**")
    wait_for_app(page)
    return page


def open_review(page, app_url: str, reference: str) -> None:
    page.goto(f"{app_url}/review?ref={reference}")
    wait_for_app(page)


def test_nothing_but_the_sign_in_page_is_shown_before_signing_in(browser, signed_app):
    from playwright.sync_api import expect

    page = arrive(browser, signed_app)
    expect(page.get_by_role("heading", name="Sign in to the EIA toolkit")).to_be_visible()
    page.goto(f"{signed_app}/review?ref={SEND}")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Sign in to the EIA toolkit")).to_be_visible()
    expect(page.get_by_text(SEND)).to_have_count(0)
    expect(page.get_by_text("Single-user mode")).to_have_count(0)


def test_the_first_person_in_sees_their_name_from_the_token_and_becomes_administrator(
    browser,
    signed_app,
    database_url,  # noqa: F811
):
    from playwright.sync_api import expect

    page = sign_in(browser, signed_app, "ada")
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("Ada Lovelace-Admin (ada@council.example)")).to_be_visible()
    expect(sidebar.get_by_text("Officer, Administrator")).to_be_visible()
    expect(sidebar.get_by_role("link", name="Audit trail")).to_be_visible()
    page.get_by_role("link", name="People and roles").click()
    wait_for_app(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Rae Reviewer")).to_be_visible()
    expect(main.get_by_text("Single-user mode")).to_have_count(0)

    main.get_by_text("Reviewer (bo@council.example)").click()
    wait_for_app(page)
    main.get_by_role("button", name="Save the roles of Bo Officer").click()
    wait_for_app(page)
    expect(main.get_by_text("The roles of Bo Officer were saved.")).to_be_visible()
    people = SqlPeopleStore(open_workspace(database_url).engine)
    assert people.person("bo@council.example").roles == {Role.OFFICER, Role.REVIEWER}
    assert people.person("ada@council.example").roles == {Role.ADMINISTRATOR, Role.OFFICER}
    close_repositories()


def test_an_address_outside_the_council_is_refused(browser, signed_app):
    from playwright.sync_api import expect

    page = sign_in(browser, signed_app, "eve")
    expect(page.get_by_role("heading", name="You cannot use this toolkit")).to_be_visible()
    expect(
        page.get_by_text("eve@elsewhere.example is not an address of this council")
    ).to_be_visible()
    page.goto(f"{signed_app}/library")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="You cannot use this toolkit")).to_be_visible()
    expect(page.get_by_role("link", name="Library")).to_have_count(0)


def test_someone_the_provider_refuses_stays_on_the_sign_in_page(browser, signed_app):
    from playwright.sync_api import expect

    page = arrive(browser, signed_app)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Deny").click()
    page.wait_for_url(f"{signed_app}/**")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Sign in to the EIA toolkit")).to_be_visible()


def test_an_officer_is_not_offered_the_approve_button_and_is_told_why(browser, signed_app):
    from playwright.sync_api import expect

    page = sign_in(browser, signed_app, "bo")
    expect(page.get_by_role("link", name="People and roles")).to_have_count(0)
    expect(page.get_by_role("link", name="Audit trail")).to_have_count(0)
    open_review(page, signed_app, RAES_OWN)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("Status: In review", exact=True)).to_be_visible()
    expect(main.get_by_role("button", name="Approve this version")).to_have_count(0)
    expect(main.get_by_text("Only a reviewer can approve this assessment")).to_be_visible()


def test_a_reviewer_cannot_approve_their_own_work_but_can_approve_someone_elses(
    browser, signed_app
):
    from playwright.sync_api import expect

    page = sign_in(browser, signed_app, "rae")
    open_review(page, signed_app, RAES_OWN)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("button", name="Approve this version")).to_have_count(0)
    expect(main.get_by_text(SELF_APPROVAL)).to_be_visible()

    open_review(page, signed_app, BOS)
    main.get_by_role("button", name="Approve this version").click()
    wait_for_app(page)
    expect(main.get_by_text("Approved as version")).to_be_visible()
    expect(main.get_by_text("Status: Approved", exact=True)).to_be_visible()


def test_an_officer_saves_only_their_own_work_and_is_told_why_not_elsewhere(browser, signed_app):
    from playwright.sync_api import expect

    page = sign_in(browser, signed_app, "bo")
    main = page.get_by_test_id("stMain")
    page.goto(f"{signed_app}/key-details?ref={RAES_OWN}")
    wait_for_app(page)
    expect(main.get_by_text("You can read this section but not save changes")).to_be_visible()
    expect(main.get_by_text("ask its owner (Rae Reviewer) to share it")).to_be_visible()
    expect(main.get_by_role("button", name="Save", exact=True)).to_have_count(0)

    page.goto(f"{signed_app}/key-details?ref={BOS}")
    wait_for_app(page)
    expect(main.get_by_role("button", name="Save", exact=True)).to_be_visible()
    expect(main.get_by_text("You can read this section but not save changes")).to_have_count(0)


def scanned(page, source: str) -> list[str]:
    """The serious and critical axe violations of the page once its title is drawn."""
    page.get_by_role("heading", level=1).wait_for()
    page.wait_for_timeout(500)
    return blocking_violations(page, source)


ADMINISTRATION_PATHS = ["people", "templates-and-baselines", "audit-trail"]


def test_sign_in_refusal_and_administration_pages_have_no_serious_violation(browser, signed_app):
    source = axe_source()
    report = {"sign-in": scanned(arrive(browser, signed_app), source)}
    report["refused"] = scanned(sign_in(browser, signed_app, "eve"), source)
    admin = sign_in(browser, signed_app, "ada")
    for path in ADMINISTRATION_PATHS:
        admin.goto(f"{signed_app}/{path}")
        wait_for_app(admin)
        report[path] = scanned(admin, source)
    officer = sign_in(browser, signed_app, "bo")
    open_review(officer, signed_app, RAES_OWN)
    report["review, as an officer told why not"] = scanned(officer, source)
    officer.goto(f"{signed_app}/templates-and-baselines")
    wait_for_app(officer)
    report["templates, as an officer told why not"] = scanned(officer, source)
    failing = {where: found for where, found in report.items() if found}
    assert not failing, json.dumps(failing, indent=2)


def test_an_officer_is_not_offered_the_templates_page_and_is_told_why_at_its_address(
    browser, signed_app
):
    from playwright.sync_api import expect

    page = sign_in(browser, signed_app, "bo")
    expect(page.get_by_role("link", name="Templates and baselines")).to_have_count(0)
    page.goto(f"{signed_app}/templates-and-baselines")
    wait_for_app(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("Only an administrator can change the Word template")).to_be_visible()
    expect(main.get_by_text("Word template to upload (.docx)")).to_have_count(0)


def test_an_administrator_uploads_the_councils_template_and_the_trail_names_them(
    browser,
    signed_app,
    tmp_path,
    database_url,  # noqa: F811
):
    from playwright.sync_api import expect

    from eia_app.services.audit import audit_events
    from tests.services.test_council_files import word

    template = tmp_path / "house-style.docx"
    template.write_bytes(word("House style: {{ doc.title }}"))
    page = sign_in(browser, signed_app, "ada")
    page.get_by_role("link", name="Templates and baselines").click()
    wait_for_app(page)
    main = page.get_by_test_id("stMain")
    uploader = main.get_by_test_id("stFileUploader").filter(has_text="Word template to upload")
    uploader.locator("input[type=file]").set_input_files(str(template))
    expect(uploader.get_by_text("house-style.docx")).to_be_visible()
    main.get_by_role("button", name="Check and keep the template").click()
    wait_for_app(page)
    expect(main.get_by_text("house-style.docx was checked and kept.")).to_be_visible()
    delete = main.get_by_role("button", name="Delete house-style.docx from the council's files")
    expect(delete).to_be_visible()
    # The uploader is empty again, so its own "Remove house-style.docx" button is gone.
    expect(main.get_by_role("button", name="Remove house-style.docx")).to_have_count(0)
    trail = audit_events(open_workspace(database_url))
    [changed] = [e for e in trail if e.detail.startswith("house-style.docx")]
    assert (changed.actor, changed.actor_email) == ("Ada Lovelace-Admin", "ada@council.example")
    close_repositories()
