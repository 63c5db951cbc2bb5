"""Saving from a working copy when someone else saved meanwhile, on every store:
nothing is overwritten unseen, nothing typed is thrown away."""

import pytest

from eia_app.domain.conflicts import VersionConflictError
from eia_app.services.assessments import save_assessment
from eia_app.services.working_copies import ChangedElsewhereError, keep_changes, save_changes
from tests.factories import REFERENCE, make_assessment

TITLE, SUMMARY = "key_details.title", "purpose.summary"


@pytest.fixture
def repo(any_repository):
    save_assessment(any_repository, make_assessment(), saved_by="Alex", base_version=0)
    return any_repository


def type_into(repo, user: str, path: str, value: str) -> None:
    saved = make_assessment()
    current = {TITLE: saved.key_details.title, SUMMARY: saved.purpose.summary}
    keep_changes(repo, REFERENCE, user, based_on_version=1, entered={path: value}, saved=current)


def test_two_people_changing_different_sections_both_keep_their_changes(repo):
    type_into(repo, "Jo", TITLE, "Jo's title")
    type_into(repo, "Sam", SUMMARY, "Sam's summary")

    assert save_changes(repo, REFERENCE, "Jo").info.version == 2
    assert save_changes(repo, REFERENCE, "Sam").info.version == 3

    latest = repo.get(REFERENCE).assessment
    assert (latest.key_details.title, latest.purpose.summary) == ("Jo's title", "Sam's summary")


def test_the_second_person_changing_the_same_section_is_told_and_keeps_their_text(repo):
    type_into(repo, "Jo", TITLE, "Jo's title")
    type_into(repo, "Sam", TITLE, "Sam's title")
    save_changes(repo, REFERENCE, "Jo")

    with pytest.raises(ChangedElsewhereError) as told:
        save_changes(repo, REFERENCE, "Sam")

    assert (told.value.latest.saved_by, told.value.latest.version) == ("Jo", 2)
    assert repo.get(REFERENCE).assessment.key_details.title == "Jo's title"
    assert repo.working_copy(REFERENCE, "Sam").values == {TITLE: "Sam's title"}


class SaveLandsFirst:
    """A repository where another person's save lands just before this one's insert."""

    def __init__(self, inner, path: str, value: str) -> None:
        self._inner, self._path, self._value, self._done = inner, path, value, False

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def add_version(self, assessment, **kwargs):
        if not self._done:
            self._done = True
            latest = self._inner.get(REFERENCE)
            section, field = self._path.split(".")
            part = getattr(latest.assessment, section).model_copy(update={field: self._value})
            theirs = latest.assessment.model_copy(update={section: part})
            save_assessment(self._inner, theirs, saved_by="Kim", base_version=latest.info.version)
        return self._inner.add_version(assessment, **kwargs)


def test_a_save_landing_between_the_check_and_the_insert_is_seen_and_merged(repo):
    type_into(repo, "Sam", SUMMARY, "Sam's summary")
    racing = SaveLandsFirst(repo, TITLE, "Kim's title")

    stored = save_changes(racing, REFERENCE, "Sam")

    assert stored.info.version == 3
    latest = repo.get(REFERENCE).assessment
    assert (latest.key_details.title, latest.purpose.summary) == ("Kim's title", "Sam's summary")


def test_a_clashing_save_landing_between_the_check_and_the_insert_is_refused(repo):
    type_into(repo, "Sam", TITLE, "Sam's title")
    racing = SaveLandsFirst(repo, TITLE, "Kim's title")

    with pytest.raises(ChangedElsewhereError, match="Kim saved version 2"):
        save_changes(racing, REFERENCE, "Sam")

    assert repo.get(REFERENCE).assessment.key_details.title == "Kim's title"
    assert repo.working_copy(REFERENCE, "Sam").values == {TITLE: "Sam's title"}


def test_a_plain_save_states_the_version_it_read(repo):
    class Stale:
        def __init__(self, inner):
            self._inner = inner

        def __getattr__(self, name):
            return getattr(self._inner, name)

        def get(self, reference, version=None):
            # The version read is 1, but Kim saves version 2 before the insert.
            read = self._inner.get(reference, version)
            save_assessment(self._inner, make_assessment(status="in_review"), saved_by="Kim")
            return read

    with pytest.raises(VersionConflictError, match="Kim saved version 2"):
        save_assessment(Stale(repo), make_assessment(key_details__title="X"), saved_by="Jo")
    assert [info.saved_by for info in repo.versions(REFERENCE)] == ["Alex", "Kim"]
