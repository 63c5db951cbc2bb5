"""Opening the assessment library: engines, migrations, and plain messages for driver errors."""

from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from eia_app.domain.errors import EIAError

# Shipped inside the package, so found as a package resource wherever it is installed.
MIGRATIONS_DIR = Path(str(files("eia_app.storage") / "migrations"))
URL_HINT = "Set EIA_DATABASE_URL to a SQLAlchemy URL such as sqlite:///eia-data/eia.sqlite."


class StorageError(EIAError):
    """The assessment library cannot be opened, read or written."""


def describe_url(url: str | URL) -> str:
    """Return a URL fit for messages, with any password masked.

    Args:
        url: A database URL.

    Returns:
        The URL as text, password replaced by asterisks.
    """
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return str(url)


def sqlite_file(url: URL) -> Path | None:
    """Return the file behind a SQLite URL, or None for memory or other databases.

    Args:
        url: A parsed database URL.

    Returns:
        The database file path, if there is one.
    """
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database or "")


def create_database_engine(url: str) -> Engine:
    """Create an engine, creating the folder of a SQLite file on demand.

    Args:
        url: A SQLAlchemy database URL.

    Returns:
        The engine; no connection is made yet.

    Raises:
        StorageError: If the URL is malformed, its driver is not installed or the
            folder for a SQLite file cannot be created.
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StorageError(f"'{url}' is not a database URL. {URL_HINT}") from None
    _make_sqlite_folder(parsed)
    try:
        engine = create_engine(parsed, pool_pre_ping=True, **_engine_options(parsed))
    except ImportError as bad:
        raise StorageError(
            f"Cannot use the database {describe_url(parsed)}: its driver is not installed "
            f"({_reason(bad)}). Install the driver, or {URL_HINT[0].lower()}{URL_HINT[1:]}"
        ) from None
    except ArgumentError as bad:
        raise StorageError(
            f"Cannot use the database {describe_url(parsed)}: {_reason(bad)}. {URL_HINT}"
        ) from None
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _enforce_foreign_keys)
    return engine


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the database schema up to date with the migrations shipped in the package.

    Args:
        engine: The database to migrate.
        revision: The migration to stop at; the latest by default (tests of upgrading
            an existing database stop earlier).

    Raises:
        StorageError: If the database cannot be reached or written.
    """
    config = Config()
    # Config values go through configparser, where "%" starts an interpolation.
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    config.set_main_option("path_separator", "os")
    with translate_errors(engine, "open"), engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


@contextmanager
def translate_errors(engine: Engine, action: str) -> Iterator[None]:
    """Turn database driver errors into a one-line :class:`StorageError`.

    Args:
        engine: The engine in use, named in the message.
        action: What was being done, such as "open" or "save to".

    Yields:
        Nothing; the body runs inside the translation.

    Raises:
        StorageError: Instead of any SQLAlchemy error.
    """
    try:
        yield
    except IntegrityError:
        raise StorageError(
            f"Someone else saved to the database {describe_url(engine.url)} at the same "
            "moment. Try again."
        ) from None
    except SQLAlchemyError as bad:
        raise StorageError(
            f"Cannot {action} the database {describe_url(engine.url)}: {_reason(bad)}. "
            "Check EIA_DATABASE_URL and that the location exists and is writable."
        ) from None


def _make_sqlite_folder(url: URL) -> None:
    path = sqlite_file(url)
    if path is None or path.parent.is_dir():
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as bad:
        raise StorageError(
            f"Cannot create the folder {path.parent} for the database: "
            f"{bad.strerror or bad}. Set EIA_DATABASE_URL to a writable location."
        ) from None


def _engine_options(url: URL) -> dict[str, Any]:
    if url.get_backend_name() == "sqlite" and sqlite_file(url) is None:
        # An in-memory database exists once per connection: share one connection
        # across threads so Streamlit sessions all see the migrated tables.
        return {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
    return {}


def _enforce_foreign_keys(dbapi_connection: object, _record: object) -> None:
    # SQLite ignores foreign keys unless each connection switches them on.
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _reason(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines()
    return (lines[0] if lines else type(error).__name__).rstrip(".")
