"""Reference data for the app and the CLI: the registry of characteristics and local groups."""

from functools import lru_cache

from eia_app.domain.registry import Registry
from eia_app.reference.registry import load_registry


@lru_cache(maxsize=1)
def get_registry() -> Registry:
    """Return the registry, loading and validating it on the first call only.

    The app and the CLI call this at start-up so that a broken registry file stops them
    with one clear message rather than failing later. Call ``get_registry.cache_clear()``
    after the files or ``EIA_REGISTRY_DIR`` change.

    Returns:
        The registry, protected characteristics first.

    Raises:
        RegistryError: If the registry folder or any of its files is invalid.
    """
    return load_registry()


def local_group_ids() -> tuple[str, ...]:
    """Return the ids of the local groups of interest, in display order.

    Returns:
        Ids such as ``("carers", "armed_forces", ...)``, ready to pass to
        :func:`eia_app.domain.completeness.check_completeness`.
    """
    return tuple(group.id for group in get_registry().local)
