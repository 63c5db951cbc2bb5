"""Opening the assessment library, and filling an empty one with the example assessments."""

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar, cast

from sqlalchemy.engine import Engine

from eia_app.domain.repository import AssessmentRepository
from eia_app.services.assessments import read_assessment_file, save_assessment
from eia_app.settings import load_settings
from eia_app.storage.database import StorageError, create_database_engine, migrate
from eia_app.storage.sql import SqlAlchemyAssessmentRepository

EXAMPLE_SET = "send_strategy_2024_27"
EXAMPLE_PATTERN = "eia_*.json"
EXAMPLE_LOADER = "example loader"

# One repository per URL for the whole process: Streamlit reruns the script on
# every click, and migrating each time would be slow and could race.
_repositories: dict[str, SqlAlchemyAssessmentRepository] = {}
_open_lock = threading.Lock()
_seed_lock = threading.Lock()
_stores: dict[tuple[int, object], object] = {}
S = TypeVar("S")


def open_repository(url: str | None = None) -> AssessmentRepository:
    """Open the assessment library, creating or upgrading its tables on first use.

    Args:
        url: SQLAlchemy URL; defaults to the ``EIA_DATABASE_URL`` setting.

    Returns:
        The repository, shared by every caller that asks for the same URL.

    Raises:
        StorageError: If the URL is wrong or the database cannot be opened or written.
    """
    target = url or load_settings().database_url
    with _open_lock:
        repo = _repositories.get(target)
        if repo is None:
            repo = _connect(target)
            _repositories[target] = repo
    return repo


def close_repositories() -> None:
    """Close every open library, so the next :func:`open_repository` starts afresh."""
    with _open_lock:
        for repo in _repositories.values():
            repo.engine.dispose()
        _repositories.clear()
        # Keyed by engine: a store must not outlive the engine it was made on.
        _stores.clear()


def library_store(make: Callable[[Engine], S], url: str | None = None) -> S:
    """Return a store kept on the assessment library's database, one per library.

    Args:
        make: Builds the store on the library's engine (a store class, say).
        url: SQLAlchemy URL; defaults to the ``EIA_DATABASE_URL`` setting.

    Returns:
        The store, shared by every caller of the same library.

    Raises:
        StorageError: If the URL is wrong or the database cannot be opened.
    """
    repo = open_repository(url)
    assert isinstance(repo, SqlAlchemyAssessmentRepository)  # open_repository makes these
    key = (id(repo.engine), make)
    with _open_lock:
        store = _stores.get(key)
        if store is None:
            store = _stores[key] = make(repo.engine)
    return cast(S, store)


def example_files(examples_dir: Path) -> list[Path]:
    """List the example assessment files shipped in an examples folder.

    Args:
        examples_dir: The examples folder (the ``EIA_EXAMPLES_DIR`` setting).

    Returns:
        Files named ``eia_*.json`` in its SEND strategy set, sorted by name; an
        empty list if the folder does not exist.
    """
    folder = examples_dir / EXAMPLE_SET
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.glob(EXAMPLE_PATTERN) if path.is_file())


def seed_examples(repo: AssessmentRepository, examples_dir: Path | None = None) -> list[str]:
    """Save the example assessments into an empty library.

    Files are saved in stage order (screening, consultation, final), so that a
    revised example sharing a reference becomes the later version.

    Args:
        repo: The library; nothing is saved unless it is empty.
        examples_dir: Examples folder; defaults to the ``EIA_EXAMPLES_DIR`` setting.

    Returns:
        References of the assessments saved, in the order first saved; empty if
        the library already held assessments or there are no examples.

    Raises:
        InvalidAssessmentError: If an example file cannot be read; nothing is saved then.
    """
    folder = examples_dir or load_settings().examples_dir
    with _seed_lock:
        if repo.count() > 0:
            return []
        # Read every file before saving any, so one bad file cannot leave a
        # half-filled library that would never be seeded again.
        examples = [(path, read_assessment_file(path)) for path in example_files(folder)]
        examples.sort(key=lambda pair: (pair[1].stage.rank, pair[0].name))
        saved: list[str] = []
        for _, assessment in examples:
            reference = save_assessment(repo, assessment, saved_by=EXAMPLE_LOADER).info.reference
            if reference not in saved:
                saved.append(reference)
        return saved


def open_workspace(url: str | None = None) -> AssessmentRepository:
    """Open the library and, if it is empty, load the examples: what the app starts with.

    Args:
        url: SQLAlchemy URL; defaults to the ``EIA_DATABASE_URL`` setting.

    Returns:
        The repository.

    Raises:
        StorageError: If the database cannot be opened.
        InvalidAssessmentError: If an example file is broken.
    """
    repo = open_repository(url)
    seed_examples(repo)
    return repo


def _connect(url: str) -> SqlAlchemyAssessmentRepository:
    engine = create_database_engine(url)
    try:
        migrate(engine)
    except StorageError:
        engine.dispose()
        raise
    return SqlAlchemyAssessmentRepository(engine)
