"""SQLAlchemy tables: assessments, their versions, work in progress, reach, themes, review."""

from datetime import UTC, date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """A timestamp stored as naive UTC and always read back as timezone-aware UTC.

    SQLite has no timezone type, so without this a value saved as UTC would be
    read back naive and compare wrongly with aware datetimes.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Convert an aware datetime to naive UTC before it is stored."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Mark a stored naive timestamp as UTC."""
        return value.replace(tzinfo=UTC) if value is not None else None


class Base(DeclarativeBase):
    """Declarative base of the assessment tables."""


class AssessmentRow(Base):
    """An assessment, identified by its reference; its content lives in its versions."""

    __tablename__ = "assessments"

    reference: Mapped[str] = mapped_column(String(32), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class AssessmentVersionRow(Base):
    """One saved version: the full assessment as JSON plus copies of fields to filter on."""

    __tablename__ = "assessment_versions"
    __table_args__ = (
        UniqueConstraint("reference", "version", name="uq_assessment_versions_reference_version"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    reference: Mapped[str] = mapped_column(
        String(32), ForeignKey("assessments.reference"), index=True
    )
    version: Mapped[int] = mapped_column(Integer)
    saved_by: Mapped[str] = mapped_column(Text)
    # Empty for versions saved without sign-in (single-user mode, the command line).
    saved_by_email: Mapped[str] = mapped_column(String(320), default="", server_default="")
    saved_at: Mapped[datetime] = mapped_column(UtcDateTime())
    change_summary: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(32), index=True)
    stage: Mapped[str] = mapped_column(String(32))
    directorate: Mapped[str | None] = mapped_column(Text, nullable=True)
    review_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    payload: Mapped[str] = mapped_column(Text)


class WorkingCopyRow(Base):
    """One person's unsaved values for one assessment (replaced as they type)."""

    __tablename__ = "working_copies"

    reference: Mapped[str] = mapped_column(
        String(32), ForeignKey("assessments.reference"), primary_key=True
    )
    user: Mapped[str] = mapped_column(String(200), primary_key=True)
    based_on_version: Mapped[int] = mapped_column(Integer)
    kept_at: Mapped[datetime] = mapped_column(UtcDateTime())
    payload: Mapped[str] = mapped_column(Text)


class ReachResultRow(Base):
    """The aggregated reach result saved with one version (never respondent rows)."""

    __tablename__ = "reach_results"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    reference: Mapped[str] = mapped_column(
        String(32), ForeignKey("assessments.reference"), index=True
    )
    version: Mapped[int] = mapped_column(Integer)
    saved_by: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[datetime] = mapped_column(UtcDateTime())
    mapping: Mapped[str] = mapped_column(Text)
    payload: Mapped[str] = mapped_column(Text)


class ThemeResultRow(Base):
    """The published free-text themes and the officer's edits saved with one version.

    Aggregates only: names, key phrases, counts by group and approved, redacted quotes.
    """

    __tablename__ = "theme_results"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    reference: Mapped[str] = mapped_column(
        String(32), ForeignKey("assessments.reference"), index=True
    )
    version: Mapped[int] = mapped_column(Integer)
    saved_by: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[datetime] = mapped_column(UtcDateTime())
    source_digest: Mapped[str] = mapped_column(String(64), default="")
    edits: Mapped[str] = mapped_column(Text)
    payload: Mapped[str] = mapped_column(Text)


class ReviewEventRow(Base):
    """One step of an assessment's review."""

    __tablename__ = "review_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    reference: Mapped[str] = mapped_column(
        String(32), ForeignKey("assessments.reference"), index=True
    )
    version: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(32))
    by: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    comment: Mapped[str] = mapped_column(Text, default="")


class AuditEventRow(Base):
    """One entry of the audit trail; rows are only ever inserted (triggers refuse the rest)."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # No foreign key: an event (a role change, a refused export) may name no stored
    # assessment, and the trail must never stop an action from being recorded.
    reference: Mapped[str] = mapped_column(String(32), index=True, default="")
    version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    action: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(Text)
    actor_email: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    detail: Mapped[str] = mapped_column(Text, default="")
