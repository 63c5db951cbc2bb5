"""Stores kept on the library's database: one per library, never one left on a closed engine."""

from eia_app.services import access, council_files
from eia_app.services.workspace import close_repositories, library_store, open_repository
from eia_app.storage.people import SqlPeopleStore


def test_each_library_has_one_store_of_each_kind(tmp_path):
    first = f"sqlite:///{(tmp_path / 'a.sqlite').as_posix()}"
    second = f"sqlite:///{(tmp_path / 'b.sqlite').as_posix()}"
    try:
        people = access.open_people(first)
        assert access.open_people(first) is people
        assert library_store(SqlPeopleStore, first) is people
        assert access.open_people(second) is not people
        assert council_files.open_council_files(first) is not people
    finally:
        close_repositories()


def test_after_closing_the_libraries_a_store_is_made_on_the_new_engine(tmp_path):
    url = f"sqlite:///{(tmp_path / 'a.sqlite').as_posix()}"
    try:
        before = access.open_people(url)
        close_repositories()
        after = access.open_people(url)
        assert after is not before
        assert after._engine is open_repository(url).engine
    finally:
        close_repositories()
