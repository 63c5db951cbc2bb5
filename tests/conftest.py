"""Fixtures shared by every test area; area-specific fixtures live in each folder's conftest."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# SQLite and PostgreSQL fixtures for the storage and service suites.
pytest_plugins = ["tests.databases"]


@pytest.fixture
def project_root() -> Path:
    """The repository root, where examples/ and protected_characteristics/ live."""
    return ROOT
