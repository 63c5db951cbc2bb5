"""Fixtures shared by the app's AppTest tests."""

import pytest

from eia_app.domain.decision import Approval
from eia_app.domain.details import Status
from eia_app.services.assessments import load_assessment, save_assessment
from eia_app.services.workspace import close_repositories, open_workspace
from eia_app.ui import signin

SEND = "EIA-2025-0001"


@pytest.fixture
def database_url(tmp_path, monkeypatch):
    """A fresh SQLite library for each test; the app seeds the SEND example into it."""
    url = f"sqlite:///{(tmp_path / 'eia.sqlite').as_posix()}"
    monkeypatch.setenv("EIA_DATABASE_URL", url)
    monkeypatch.setenv("EIA_USER", "Test Officer")
    yield url
    close_repositories()


@pytest.fixture
def send_in_review(database_url):
    """The SEND example back in review: version 3, submitted again before its approval.

    The example's final version is published, so the review tests need a version in
    review. Like any version in review it has no approval or publication date yet
    (the approval step records them), so the consistency checks find nothing wrong.
    """
    repo = open_workspace(database_url)
    stored = load_assessment(repo, SEND)
    assessment = stored.assessment
    again = assessment.model_copy(
        update={
            "status": Status.IN_REVIEW,
            "quality": assessment.quality.model_copy(update={"date_published": None}),
            "sign_off": assessment.sign_off.model_copy(
                update={"approved_by": Approval(name=None, role=None, signed_on=None)}
            ),
        }
    )
    return save_assessment(repo, again, saved_by="example loader")


@pytest.fixture
def signed_in(monkeypatch):
    """Sign a person in: the page sees them exactly as the sign-in would give them.

    Sign-in is the provider's, which AppTest cannot reach, so ``signin.who_is_here`` is
    replaced by one returning that person, roles and all; everything after it (the actor
    kept for the run, the permission rules) is the app's own.
    """

    def as_person(person) -> None:
        monkeypatch.setattr(signin, "who_is_here", lambda: person)

    return as_person
