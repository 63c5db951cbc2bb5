"""Fixtures for storage tests: a migrated SQLite file and the in-memory double."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from eia_app.storage import (
    InMemoryAssessmentRepository,
    SqlAlchemyAssessmentRepository,
    create_database_engine,
    migrate,
)
from tests.databases import empty_postgres, postgres_url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """URL of a SQLite file that does not exist yet, in a folder that does not either."""
    return f"sqlite:///{(tmp_path / 'library' / 'eia.sqlite').as_posix()}"


@pytest.fixture
def sqlite_engine(sqlite_url: str) -> Iterator[Engine]:
    """An engine on a freshly migrated SQLite file."""
    engine = create_database_engine(sqlite_url)
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture(params=["memory", "sqlite", "postgresql"])
def repo(request: pytest.FixtureRequest):
    """Each repository implementation in turn, so all must pass the same tests."""
    if request.param == "memory":
        yield InMemoryAssessmentRepository()
    elif request.param == "sqlite":
        yield SqlAlchemyAssessmentRepository(request.getfixturevalue("sqlite_engine"))
    else:
        yield SqlAlchemyAssessmentRepository(request.getfixturevalue("postgres_engine"))


@pytest.fixture
def postgres_engine() -> Iterator[Engine]:
    """An engine on the emptied, migrated PostgreSQL test database."""
    engine = create_database_engine(empty_postgres(postgres_url()))
    migrate(engine)
    yield engine
    engine.dispose()
