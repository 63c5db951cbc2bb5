"""Pure domain model of an Equality Impact Assessment (standard library and pydantic only)."""
