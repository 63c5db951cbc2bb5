"""Storage adapter: SQLAlchemy tables, Alembic migrations and the assessment repository."""
