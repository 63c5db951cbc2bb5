"""The base of the reach models: strict, immutable, described fields, shares and counts."""

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field


def described(description: str, default: Any = ..., **kwargs: Any) -> Any:
    """A field with its description (the JSON Schema and docs/reach.md show it)."""
    return Field(default, description=description, **kwargs)


Share = Annotated[float, Field(ge=0.0, le=1.0)]
Count = Annotated[int, Field(ge=0)]


class ReachModel(BaseModel):
    """Base of the reach models: strict types, immutable, no unknown fields."""

    model_config = ConfigDict(
        strict=True,
        frozen=True,
        extra="forbid",
        allow_inf_nan=False,
        populate_by_name=True,
        serialize_by_alias=True,
    )
