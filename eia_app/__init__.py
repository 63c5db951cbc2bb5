"""Equality Impact Assessment toolkit."""

__version__ = "0.1.0"
