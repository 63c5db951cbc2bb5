"""Human labels for field paths: the one place that walks a model's fields to name them.

A path is written as ``key_details.contributors[0].name`` (list rows in brackets) or
given as a pydantic error location such as ``("key_details", "contributors", 0, "name")``.
Completeness issues, form errors, file errors and the version comparison all label
fields through :func:`field_label`, so a field is called the same everywhere.
"""

import re
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from eia_app.domain.assessment import Assessment

Location = Sequence[str | int]
"""A path as its parts: field names, and row numbers counted from 0."""

WHOLE_ASSESSMENT = "The assessment"

# Parts pydantic adds to an error location for a validator or a union member;
# they name no field, so they appear in neither the path nor the label.
_VALIDATOR_PREFIXES = ("function-", "model-")


def field_title(name: str, info: FieldInfo) -> str:
    """Return the title of one field: its declared title, else its name in words.

    Args:
        name: Attribute name on the model, such as ``lead_officer``.
        info: The field's pydantic ``FieldInfo``.

    Returns:
        For example "Lead officer".
    """
    return info.title or name.replace("_", " ").capitalize()


def parse_path(path: str) -> tuple[str | int, ...]:
    """Split a dotted path into its parts.

    Args:
        path: A path such as ``actions[2].owner``.

    Returns:
        Its parts, for example ``("actions", 2, "owner")``.
    """
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"[.\[\]]+", path) if p)


def format_path(location: Location) -> str:
    """Write a location as a dotted path with list rows in brackets.

    Args:
        location: Parts such as ``("actions", 2, "owner")``.

    Returns:
        For example ``actions[2].owner``; validator markers are left out.
    """
    path = ""
    for part in _named_parts(location):
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else part
    return path


def field_label(
    location: str | Location,
    model: type[BaseModel] = Assessment,
    *,
    whole: str = WHOLE_ASSESSMENT,
) -> str:
    """Return the titles along a field path, for people to read.

    Args:
        location: A dotted path or a pydantic error location.
        model: The model the path starts from.
        whole: Label for the empty path, the model as a whole.

    Returns:
        A label such as "Key details > Contributors > row 1 > Name". A part the
        model does not know is shown as written.
    """
    parts = parse_path(location) if isinstance(location, str) else tuple(location)
    current: Any = model
    titles: list[str] = []
    for part in _named_parts(parts):
        if isinstance(part, int):
            titles.append(f"row {part + 1}")
            continue
        fields = current.model_fields if _is_model(current) else {}
        info = fields.get(part)
        if info is None:
            titles.append(part)
            current = None
            continue
        titles.append(field_title(part, info))
        current = _inner_model(info.annotation)
    return " > ".join(titles) or whole


def _named_parts(location: Location) -> list[str | int]:
    return [
        part
        for part in location
        if isinstance(part, int)
        or (part != "__root__" and not str(part).startswith(_VALIDATOR_PREFIXES))
    ]


def _is_model(candidate: Any) -> bool:
    return isinstance(candidate, type) and issubclass(candidate, BaseModel)


def _inner_model(annotation: Any) -> Any:
    """Return the model inside ``Model``, ``list[Model]`` or ``Model | None``, if any."""
    if _is_model(annotation):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        if _is_model(arg):
            return arg
    return None
