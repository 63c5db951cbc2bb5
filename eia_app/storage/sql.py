"""The assessment repository on a SQL database through SQLAlchemy."""

from typing import NamedTuple

from sqlalchemy import Select, and_, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from eia_app.domain.assessment import Assessment
from eia_app.domain.audit import AuditEvent
from eia_app.domain.conflicts import VersionConflictError
from eia_app.domain.versions import (
    AssessmentFilter,
    AssessmentSummary,
    StoredAssessment,
    VersionInfo,
)
from eia_app.storage.audit_records import SqlAuditRecords, audit_row
from eia_app.storage.database import translate_errors
from eia_app.storage.records import (
    QueryableFields,
    build_summary,
    no_assessment,
    no_version,
    queryable_fields,
    read_payload,
    require_reference,
    utc_now,
)
from eia_app.storage.tables import AssessmentRow, AssessmentVersionRow
from eia_app.storage.theme_records import SqlThemeRecords
from eia_app.storage.work_records import SqlWorkRecords

Version = AssessmentVersionRow
SAVE_ATTEMPTS = 5


class NewVersion(NamedTuple):
    """What is written with a version besides the assessment itself.

    Attributes:
        saved_by: Who saves it.
        saved_by_email: Their e-mail (empty without sign-in).
        change_summary: What changed since the previous version.
        audit: The audit trail's entry for the save, written in the same transaction so
            that no version is ever stored without one; its number and time are the
            version's. None writes no entry.
    """

    saved_by: str
    saved_by_email: str
    change_summary: str
    audit: AuditEvent | None


class SqlAlchemyAssessmentRepository(SqlWorkRecords, SqlThemeRecords, SqlAuditRecords):
    """Stores each saved version as an immutable row; the schema comes from the migrations.

    Args:
        engine: An engine on a database already brought up to date by
            :func:`eia_app.storage.database.migrate`.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def engine(self) -> Engine:
        """The engine this repository reads and writes through."""
        return self._engine

    def add_version(
        self,
        assessment: Assessment,
        *,
        saved_by: str,
        change_summary: str,
        base_version: int | None = None,
        saved_by_email: str = "",
        audit: AuditEvent | None = None,
    ) -> StoredAssessment:
        """Insert a new version of the assessment named by its reference.

        Args:
            assessment: The assessment to store.
            saved_by: Who is saving.
            change_summary: What changed since the previous version.
            base_version: The version the save started from (0 for a new
                assessment); None takes the next number whatever was saved since.
            saved_by_email: Their e-mail from the sign-in, which the rules on own work
                and self-approval compare; empty when nobody signed in.
            audit: The audit trail's entry for this save, stored in the same
                transaction with the version's number and time; None stores none.

        Returns:
            The stored version.

        Raises:
            InvalidAssessmentError: If the assessment has no reference.
            VersionConflictError: If ``base_version`` is not the latest version;
                nothing is stored.
            StorageError: If the database cannot be written.
        """
        reference = require_reference(assessment)
        new = NewVersion(saved_by, saved_by_email, change_summary, audit)
        with translate_errors(self._engine, "save to"):
            if base_version is None:
                row = self._insert_version(assessment, reference, new)
            else:
                row = self._insert_on_base(assessment, reference, new, base_version)
        return StoredAssessment(info=_info(row), assessment=assessment)

    def get(self, reference: str, version: int | None = None) -> StoredAssessment:
        """Return one version, the latest by default.

        Args:
            reference: The assessment's reference.
            version: The version number, or None for the latest.

        Returns:
            The stored version.

        Raises:
            NotFoundError: If there is no such assessment or version.
            StorageError: If the database cannot be read.
        """
        with translate_errors(self._engine, "read"), self._sessions() as session:
            latest = self._latest_number(session, reference)
            wanted = latest if version is None else version
            row = session.scalar(
                select(Version).where(Version.reference == reference, Version.version == wanted)
            )
        if row is None:
            raise no_version(reference, wanted, latest)
        return StoredAssessment(
            info=_info(row), assessment=read_payload(row.payload, reference, row.version)
        )

    def versions(self, reference: str) -> list[VersionInfo]:
        """Return the history of an assessment, oldest first.

        Args:
            reference: The assessment's reference.

        Returns:
            One entry per saved version.

        Raises:
            NotFoundError: If there is no such assessment.
            StorageError: If the database cannot be read.
        """
        with translate_errors(self._engine, "read"), self._sessions() as session:
            rows = session.scalars(
                select(Version).where(Version.reference == reference).order_by(Version.version)
            ).all()
        if not rows:
            raise no_assessment(reference)
        return [_info(row) for row in rows]

    def list(self, criteria: AssessmentFilter | None = None) -> list[AssessmentSummary]:
        """Return the current version of every assessment that matches.

        Args:
            criteria: Filter on status, directorate (case-insensitive) and review date.

        Returns:
            Summaries ordered by reference.

        Raises:
            StorageError: If the database cannot be read.
        """
        query = _filtered(_current_versions(), criteria or AssessmentFilter())
        with translate_errors(self._engine, "read"), self._sessions() as session:
            rows = session.scalars(query.order_by(Version.reference)).all()
        return [build_summary(_info(row), _fields(row)) for row in rows]

    def count(self) -> int:
        """Return how many assessments (not versions) are stored.

        Raises:
            StorageError: If the database cannot be read.
        """
        with translate_errors(self._engine, "read"), self._sessions() as session:
            return session.scalar(select(func.count()).select_from(AssessmentRow)) or 0

    def _insert_version(
        self, assessment: Assessment, reference: str, new: NewVersion
    ) -> AssessmentVersionRow:
        # Two people saving the same assessment at once pick the same number; the
        # unique constraint refuses the second, which then takes the next number.
        for attempt in range(1, SAVE_ATTEMPTS + 1):
            try:
                with self._sessions.begin() as session:
                    return _add_row(session, assessment, reference, new)
            except IntegrityError:
                if attempt == SAVE_ATTEMPTS:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def _insert_on_base(
        self,
        assessment: Assessment,
        reference: str,
        new: NewVersion,
        base_version: int,
    ) -> AssessmentVersionRow:
        # The check and the insert share one transaction, and the unique constraint on
        # (reference, version) settles a race: of two writers that both read the same
        # latest number, the database refuses the second insert, which is then told.
        try:
            with self._sessions.begin() as session:
                latest = session.scalar(
                    select(func.max(Version.version)).where(Version.reference == reference)
                )
                if (latest or 0) == base_version:
                    # The number comes from the check, never from a second read: that
                    # read could see a version committed since, and skip over it.
                    return _add_row(session, assessment, reference, new, base_version + 1)
        except IntegrityError:
            pass
        raise self._conflict(reference, base_version)

    def _conflict(self, reference: str, base_version: int) -> VersionConflictError:
        with self._sessions() as session:
            rows = session.scalars(
                select(Version)
                .where(Version.reference == reference, Version.version > base_version)
                .order_by(Version.version)
            ).all()
        return VersionConflictError(reference, base_version, [_info(row) for row in rows])

    @staticmethod
    def _latest_number(session: Session, reference: str) -> int:
        latest = session.scalar(
            select(func.max(Version.version)).where(Version.reference == reference)
        )
        if latest is None:
            raise no_assessment(reference)
        return latest


def _add_row(
    session: Session,
    assessment: Assessment,
    reference: str,
    new: NewVersion,
    number: int | None = None,
) -> AssessmentVersionRow:
    saved_at = utc_now()
    if session.get(AssessmentRow, reference) is None:
        session.add(AssessmentRow(reference=reference, created_at=saved_at))
    if number is None:
        latest = session.scalar(
            select(func.max(Version.version)).where(Version.reference == reference)
        )
        number = (latest or 0) + 1
    row = Version(
        reference=reference,
        version=number,
        saved_by=new.saved_by,
        saved_by_email=new.saved_by_email,
        saved_at=saved_at,
        change_summary=new.change_summary,
        payload=assessment.model_dump_json(),
        **queryable_fields(assessment),
    )
    session.add(row)
    if new.audit is not None:
        event = new.audit.model_copy(update={"version": number, "at": saved_at})
        session.add(audit_row(event))
    session.flush()
    return row


def _current_versions() -> Select[AssessmentVersionRow]:
    newest = (
        select(Version.reference, func.max(Version.version).label("version"))
        .group_by(Version.reference)
        .subquery()
    )
    return select(Version).join(
        newest, and_(Version.reference == newest.c.reference, Version.version == newest.c.version)
    )


def _filtered(
    query: Select[AssessmentVersionRow], criteria: AssessmentFilter
) -> Select[AssessmentVersionRow]:
    if criteria.status is not None:
        query = query.where(Version.status == criteria.status.value)
    if criteria.directorate:
        query = query.where(func.lower(Version.directorate) == criteria.directorate.lower())
    if criteria.review_before is not None:
        # A NULL review date never compares true, so undated assessments drop out.
        query = query.where(Version.review_date <= criteria.review_before)
    return query


def _info(row: AssessmentVersionRow) -> VersionInfo:
    return VersionInfo(
        reference=row.reference,
        version=row.version,
        saved_by=row.saved_by,
        saved_by_email=row.saved_by_email,
        saved_at=row.saved_at,
        change_summary=row.change_summary,
    )


def _fields(row: AssessmentVersionRow) -> QueryableFields:
    return QueryableFields(
        title=row.title,
        status=row.status,
        stage=row.stage,
        directorate=row.directorate,
        review_date=row.review_date,
    )
