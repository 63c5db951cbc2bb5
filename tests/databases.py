"""Database fixtures that run a test on SQLite and on a real PostgreSQL server.

Set ``EIA_TEST_POSTGRES_URL`` (for example
``postgresql+psycopg://eia:eia@localhost/eia_test``) to a database the tests may wipe:
each test gets a schema of its own, named after the test process, which the URL makes
the first on the search path (so runs on one server, in CI or beside each other on a
developer's machine, never wipe each other's tables). Without it the PostgreSQL run of a
test is skipped, saying why; under CI (``CI=true``) it fails instead, so that a
server that did not start cannot pass for a green run.
"""

import atexit
import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from eia_app.storage import create_database_engine, migrate

POSTGRES_VARIABLE = "EIA_TEST_POSTGRES_URL"
DATABASES = ["sqlite", "postgresql"]


def postgres_url() -> str:
    """Return the test server's URL, or skip (fail under CI) when none is configured."""
    url = os.environ.get(POSTGRES_VARIABLE, "").strip()
    if url:
        return url
    reason = f"{POSTGRES_VARIABLE} is not set, so there is no PostgreSQL server to test against"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; CI must start one (see .ci/run).")
    pytest.skip(reason)


_SCHEMAS = itertools.count(1)
_CREATED: list[tuple[str, str]] = []


def empty_postgres(url: str) -> str:
    """Make an empty schema for one test and return a URL that uses it.

    The schema's name carries the process id, so two test runs on one server never
    share tables; this process's schemas are dropped when it ends.
    """
    schema = f"test_{os.getpid()}_{next(_SCHEMAS)}"
    engine = create_database_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
            connection.execute(text(f"CREATE SCHEMA {schema}"))
    except Exception as problem:  # noqa: BLE001 - any failure to reach the server
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"The PostgreSQL server at {POSTGRES_VARIABLE} cannot be used: {problem}")
        pytest.skip(f"The PostgreSQL server at {POSTGRES_VARIABLE} cannot be used: {problem}")
    finally:
        engine.dispose()
    if not _CREATED:
        atexit.register(_drop_schemas)
    _CREATED.append((url, schema))
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}options=-csearch_path%3D{schema}"


def _drop_schemas() -> None:
    """Drop the schemas this process made (a server that went away is left alone)."""
    for url, schema in _CREATED:
        engine = create_database_engine(url)
        try:
            with engine.begin() as connection:
                connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        except Exception:  # noqa: BLE001, S110 - cleaning up after the run; nothing to report
            pass
        finally:
            engine.dispose()


def empty_database(kind: str, tmp_path: Path) -> str:
    """Return the URL of an empty database of a kind: "sqlite" or "postgresql"."""
    if kind == "sqlite":
        return f"sqlite:///{(tmp_path / 'shared' / 'eia.sqlite').as_posix()}"
    return empty_postgres(postgres_url())


@pytest.fixture(params=DATABASES)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty database: a new SQLite file, then the PostgreSQL test database."""
    return empty_database(request.param, tmp_path)


@pytest.fixture
def database_engine(database_url: str) -> Iterator[Engine]:
    """An engine on a migrated empty database, on each of SQLite and PostgreSQL in turn."""
    engine = create_database_engine(database_url)
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture(params=["memory", *DATABASES])
def any_repository(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    """An empty repository: in memory, then on migrated SQLite, then on PostgreSQL."""
    from eia_app.storage import InMemoryAssessmentRepository, SqlAlchemyAssessmentRepository

    if request.param == "memory":
        yield InMemoryAssessmentRepository()
        return
    engine = create_database_engine(empty_database(request.param, tmp_path))
    migrate(engine)
    yield SqlAlchemyAssessmentRepository(engine)
    engine.dispose()
