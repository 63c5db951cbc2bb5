"""Storage adapter: SQLAlchemy tables, Alembic migrations and the assessment repository."""

from eia_app.storage.database import StorageError, create_database_engine, migrate
from eia_app.storage.memory import InMemoryAssessmentRepository
from eia_app.storage.sql import SqlAlchemyAssessmentRepository

__all__ = [
    "InMemoryAssessmentRepository",
    "SqlAlchemyAssessmentRepository",
    "StorageError",
    "create_database_engine",
    "migrate",
]
