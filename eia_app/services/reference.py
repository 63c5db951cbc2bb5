"""Reference data for the app and the CLI: the registry of characteristics and local groups."""

from functools import lru_cache
from pathlib import Path

from eia_app.domain.registry import Registry
from eia_app.reference.registry import load_registry
from eia_app.settings import load_settings


def get_registry(registry_dir: Path | None = None) -> Registry:
    """Return the registry, loading and validating each folder on its first use only.

    The app and the CLI call this at start-up so that a broken registry file stops them
    with one clear message rather than failing later. Call :func:`clear_registry_cache`
    after editing the files of a folder already loaded.

    Args:
        registry_dir: Folder of group files; defaults to the ``registry_dir`` setting
            (``EIA_REGISTRY_DIR``), which the app and the CLI both read.

    Returns:
        The registry, protected characteristics first.

    Raises:
        RegistryError: If the registry folder or any of its files is invalid.
    """
    folder = registry_dir if registry_dir is not None else load_settings().registry_dir
    return _load(folder.resolve())


def clear_registry_cache() -> None:
    """Forget every registry loaded, so the next :func:`get_registry` reads the files again."""
    _load.cache_clear()


def local_group_ids(registry_dir: Path | None = None) -> tuple[str, ...]:
    """Return the ids of the local groups of interest, in display order.

    Args:
        registry_dir: Folder of group files; defaults to the ``registry_dir`` setting.

    Returns:
        Ids such as ``("carers", "armed_forces", ...)``, ready to pass to
        :func:`eia_app.domain.completeness.check_completeness`.
    """
    return tuple(group.id for group in get_registry(registry_dir).local)


@lru_cache(maxsize=8)
def _load(folder: Path) -> Registry:
    return load_registry(folder)
