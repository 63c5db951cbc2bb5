"""The cached registry service used by the app and the CLI."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from eia_app.domain.characteristics import CharacteristicId
from eia_app.reference.registry import RegistryError
from eia_app.services import reference
from eia_app.settings import REGISTRY_DIR_VARIABLE
from tests.factories import LOCAL_GROUP_IDS


@pytest.fixture(autouse=True)
def _fresh_cache(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(REGISTRY_DIR_VARIABLE, raising=False)
    reference.clear_registry_cache()
    yield
    reference.clear_registry_cache()


def test_registry_is_loaded_once_and_cached() -> None:
    assert reference.get_registry() is reference.get_registry()


def test_local_group_ids_match_the_defaults_of_the_completeness_check() -> None:
    assert reference.local_group_ids() == LOCAL_GROUP_IDS


def test_the_registry_lists_protected_characteristics_first() -> None:
    expected = tuple(c.value for c in CharacteristicId) + LOCAL_GROUP_IDS
    assert tuple(group.id for group in reference.get_registry().groups) == expected


def test_environment_variable_points_at_another_registry(
    monkeypatch: pytest.MonkeyPatch, registry_copy: Path
) -> None:
    (registry_copy / "care_experienced.yaml").unlink()
    monkeypatch.setenv(REGISTRY_DIR_VARIABLE, str(registry_copy))
    assert "care_experienced" not in reference.local_group_ids()


def test_a_broken_registry_stops_start_up_with_a_registry_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(REGISTRY_DIR_VARIABLE, str(tmp_path))
    with pytest.raises(RegistryError, match="lacks protected characteristics"):
        reference.get_registry()
