"""The strict base model of the domain, and field shorthands that carry a title and guidance."""

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

REFERENCE_PATTERN = r"^EIA-\d{4}-\d{4}$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
SHORT_ID_PATTERN = r"^[A-Za-z0-9_.-]{1,20}$"
GROUP_ID_PATTERN = r"^[a-z][a-z0-9_]*$"
CATEGORY_ID_PATTERN = r"^[a-z0-9_+-]+$"

# What to type instead, for each pattern a field may carry; a regular expression
# means nothing to an officer, so every pattern above has a sentence here.
PATTERN_HINTS: dict[str, str] = {
    REFERENCE_PATTERN: "Enter a reference in the form EIA-YYYY-NNNN, like EIA-2025-0001.",
    EMAIL_PATTERN: "Enter an email address in the correct format, like name@example.gov.uk.",
    SHORT_ID_PATTERN: "Use up to 20 letters, numbers, dots, dashes or underscores, like EV1 or A1.",
    GROUP_ID_PATTERN: (
        "Use lower-case letters, numbers and underscores, starting with a letter, like carers."
    ),
    CATEGORY_ID_PATTERN: (
        "Use lower-case letters, numbers, underscores, plus or minus signs, like white_british."
    ),
}


class StrictModel(BaseModel):
    """Base for domain models: immutable, no unknown fields, validated defaults.

    Immutability means a changed assessment is always a new object, which keeps
    versioning honest: storage never sees an object that was edited in place.
    """

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        validate_default=True,
        str_strip_whitespace=True,
        allow_inf_nan=False,
    )


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
