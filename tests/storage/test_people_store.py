"""The people store behaves the same in SQL and in memory, and survives reopening."""

import pytest
from sqlalchemy import text

from eia_app.domain.people import PersonRoles
from eia_app.domain.permissions import Role
from eia_app.storage import SqlAlchemyAssessmentRepository, create_database_engine, migrate
from eia_app.storage.people import InMemoryPeopleStore, SqlPeopleStore
from tests.factories import make_assessment


@pytest.fixture(params=["sql", "memory"])
def store(request, sqlite_engine):
    if request.param == "memory":
        return InMemoryPeopleStore()
    SqlAlchemyAssessmentRepository(sqlite_engine).add_version(
        make_assessment(), saved_by="tester", change_summary="First version"
    )
    return SqlPeopleStore(sqlite_engine)


def test_a_person_is_kept_by_lower_case_email_with_their_roles(store):
    assert store.person("ada@council.example") is None
    store.keep_person(
        PersonRoles(email="Ada@Council.Example", name="Ada", roles=frozenset({Role.REVIEWER}))
    )
    found = store.person(" ADA@council.example")
    assert found == PersonRoles(
        email="ada@council.example", name="Ada", roles=frozenset({Role.REVIEWER})
    )
    store.keep_person(found.model_copy(update={"roles": frozenset(Role), "name": "Ada L"}))
    assert store.people() == [
        PersonRoles(email="ada@council.example", name="Ada L", roles=frozenset(Role))
    ]


def test_sharing_and_unsharing_an_assessment(store):
    store.share("EIA-2025-0001", "Pat@Council.Example")
    store.share("EIA-2025-0001", "pat@council.example")
    assert store.shared_with("EIA-2025-0001") == frozenset({"pat@council.example"})
    store.unshare("EIA-2025-0001", "PAT@council.example")
    assert store.shared_with("EIA-2025-0001") == frozenset()


def test_roles_survive_reopening_the_database(sqlite_url):
    engine = create_database_engine(sqlite_url)
    migrate(engine)
    SqlPeopleStore(engine).keep_person(
        PersonRoles(email="ada@council.example", name="Ada", roles=frozenset({Role.OFFICER}))
    )
    engine.dispose()
    again = create_database_engine(sqlite_url)
    migrate(again)
    person = SqlPeopleStore(again).person("ada@council.example")
    assert person is not None
    assert person.roles == frozenset({Role.OFFICER})
    with again.connect() as connection:
        assert connection.scalar(text("SELECT roles FROM people")) == "officer"
    again.dispose()
