"""Which fields differ between two versions of an assessment."""

from typing import Any

from eia_app.domain.assessment import Assessment
from eia_app.domain.labels import field_label


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """Flatten nested dicts and lists into dotted paths such as ``actions[0].owner``.

    Args:
        value: A ``model_dump(mode="json")`` value.
        prefix: Path of ``value`` itself.

    Returns:
        A mapping of dotted path to scalar value.
    """
    if isinstance(value, dict):
        items: dict[str, Any] = {}
        for key, child in value.items():
            items.update(flatten(child, f"{prefix}.{key}" if prefix else str(key)))
        return items
    if isinstance(value, list) and value and isinstance(value[0], dict | list):
        items = {}
        for index, child in enumerate(value):
            items.update(flatten(child, f"{prefix}[{index}]"))
        return items
    return {prefix: value}


def changed_fields(old: Assessment | None, new: Assessment) -> list[str]:
    """List the dotted paths whose values differ between two versions.

    Args:
        old: The previous version, or None for a first save.
        new: The version being saved.

    Returns:
        Sorted paths that were added, removed or changed.
    """
    before = flatten(old.model_dump(mode="json")) if old else {}
    after = flatten(new.model_dump(mode="json"))
    return sorted(
        path for path in before.keys() | after.keys() if before.get(path) != after.get(path)
    )


def describe_changes(old: Assessment | None, new: Assessment, limit: int = 6) -> str:
    """Summarise in one line which sections changed, for the version history.

    Args:
        old: The previous version, or None for a first save.
        new: The version being saved.
        limit: Most section names to list before "and N more".

    Returns:
        A line such as "Changed: Key details, Evidence" or "First version".
    """
    if old is None:
        return "First version"
    sections = sorted({path.split(".")[0].split("[")[0] for path in changed_fields(old, new)})
    if not sections:
        return "No changes"
    labels = [field_label(section) for section in sections]
    shown = ", ".join(labels[:limit])
    more = len(labels) - limit
    return f"Changed: {shown}" + (f" and {more} more" if more > 0 else "")
