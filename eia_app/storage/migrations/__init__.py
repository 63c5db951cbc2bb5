"""Alembic migrations that create and evolve the assessment tables (shipped in the package)."""
