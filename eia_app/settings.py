"""Settings read from ``EIA_*`` environment variables, with defaults for a single desktop user."""

import getpass
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import eia_app

DATABASE_URL_VARIABLE = "EIA_DATABASE_URL"
USER_VARIABLE = "EIA_USER"
EXAMPLES_DIR_VARIABLE = "EIA_EXAMPLES_DIR"

# Relative to the working directory, so each project folder gets its own library.
DEFAULT_DATABASE_FILE = Path("eia-data") / "eia.sqlite"


@dataclass(frozen=True)
class Settings:
    """Where assessments are stored, who is saving, and where the examples are.

    Attributes:
        database_url: SQLAlchemy URL of the assessment library.
        user: Name recorded against every version saved.
        examples_dir: Folder holding the example assessments.
    """

    database_url: str
    user: str
    examples_dir: Path


def default_database_url(cwd: Path | None = None) -> str:
    """Return the URL of the embedded SQLite library under a working directory.

    Args:
        cwd: Folder to place ``eia-data/eia.sqlite`` in; defaults to the current one.

    Returns:
        An absolute ``sqlite:///`` URL, so that the Streamlit process started by
        ``eia serve`` opens the same file whatever its own working directory.
    """
    folder = (cwd or Path.cwd()).resolve()
    return f"sqlite:///{(folder / DEFAULT_DATABASE_FILE).as_posix()}"


def default_user() -> str:
    """Return the operating-system user name, or "unknown" where there is none."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        # Containers often run under a numeric id with no passwd entry.
        return "unknown"


def default_examples_dir() -> Path:
    """Return the ``examples/`` folder at the root of the source tree."""
    return Path(eia_app.__file__).resolve().parents[1] / "examples"


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Read the settings, falling back to defaults for anything unset or blank.

    Args:
        environ: Variables to read; defaults to ``os.environ`` at call time, so
            tests and ``eia serve`` can change them before opening a workspace.

    Returns:
        The settings.
    """
    env = os.environ if environ is None else environ

    def value(name: str) -> str | None:
        return (env.get(name) or "").strip() or None

    examples = value(EXAMPLES_DIR_VARIABLE)
    return Settings(
        database_url=value(DATABASE_URL_VARIABLE) or default_database_url(),
        user=value(USER_VARIABLE) or default_user(),
        examples_dir=Path(examples).expanduser() if examples else default_examples_dir(),
    )
