"""A shorthand for pydantic fields that always carry a title and guidance."""

from typing import Any

from pydantic import Field


def guided(title: str, description: str, default: Any = None, **kwargs: Any) -> Any:
    """Declare a field with the title and guidance that the wizard shows beside it.

    Args:
        title: Short label shown to the officer filling in the form.
        description: Guidance that explains what a good answer contains.
        default: Value of the field in a new draft; ``...`` makes it required.
        **kwargs: Further ``pydantic.Field`` arguments (``examples``, ``max_length`` ...).

    Returns:
        A pydantic ``FieldInfo`` carrying the title and description.
    """
    if "default_factory" in kwargs:
        return Field(title=title, description=description, **kwargs)
    return Field(default, title=title, description=description, **kwargs)


def guided_list(title: str, description: str, **kwargs: Any) -> Any:
    """Declare a list field (empty in a new draft) with title and guidance.

    Args:
        title: Short label shown to the officer.
        description: Guidance on what the list should contain.
        **kwargs: Further ``pydantic.Field`` arguments.

    Returns:
        A pydantic ``FieldInfo`` whose default is an empty list.
    """
    return Field(default_factory=list, title=title, description=description, **kwargs)
