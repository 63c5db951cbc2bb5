"""The strict pydantic base class every domain model inherits from."""

from pydantic import BaseModel, ConfigDict


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
