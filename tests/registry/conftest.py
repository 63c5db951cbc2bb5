"""Fixtures for registry tests: the shipped registry and a writable copy of it."""

import shutil
from pathlib import Path

import pytest

from eia_app.domain.registry import Registry
from eia_app.reference.registry import load_registry


@pytest.fixture(scope="module")
def registry() -> Registry:
    """The registry shipped in protected_characteristics/, loaded afresh."""
    return load_registry(Path(__file__).resolve().parents[2] / "protected_characteristics")


@pytest.fixture
def registry_copy(tmp_path: Path, project_root: Path) -> Path:
    """A copy of the shipped registry folder that a test may break."""
    target = tmp_path / "registry"
    target.mkdir()
    for source in (project_root / "protected_characteristics").glob("*.yaml"):
        shutil.copy(source, target / source.name)
    return target
