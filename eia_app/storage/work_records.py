"""Records kept beside the versions in SQL: work in progress, saved reach, review events."""

import builtins
import json

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from eia_app.domain.reach import ReachResult
from eia_app.domain.versions import ReviewEvent, SavedReach, WorkingCopy
from eia_app.storage.database import translate_errors
from eia_app.storage.tables import ReachResultRow, ReviewEventRow, WorkingCopyRow


class SqlWorkRecords:
    """The repository's methods for the records kept beside the immutable versions.

    The repository that inherits them sets ``_engine`` and ``_sessions``.
    """

    _engine: Engine
    _sessions: sessionmaker[Session]

    def keep_working_copy(self, copy: WorkingCopy) -> None:
        """Keep (or replace) one person's work in progress on an assessment.

        Raises:
            StorageError: If the database cannot be written.
        """
        payload = copy.model_dump_json()
        with translate_errors(self._engine, "save to"), self._sessions.begin() as session:
            row = session.get(WorkingCopyRow, (copy.reference, copy.user))
            if row is None:
                row = WorkingCopyRow(reference=copy.reference, user=copy.user)
                session.add(row)
            row.based_on_version, row.kept_at, row.payload = (
                copy.based_on_version,
                copy.kept_at,
                payload,
            )

    def working_copy(self, reference: str, user: str) -> WorkingCopy | None:
        """Return one person's work in progress on an assessment, if any.

        Raises:
            StorageError: If the database cannot be read.
        """
        with translate_errors(self._engine, "read"), self._sessions() as session:
            row = session.get(WorkingCopyRow, (reference, user))
        return None if row is None else WorkingCopy.model_validate_json(row.payload)

    def discard_working_copy(self, reference: str, user: str) -> None:
        """Forget one person's work in progress.

        Raises:
            StorageError: If the database cannot be written.
        """
        with translate_errors(self._engine, "save to"), self._sessions.begin() as session:
            row = session.get(WorkingCopyRow, (reference, user))
            if row is not None:
                session.delete(row)

    def save_reach(self, saved: SavedReach) -> None:
        """Keep the reach result analysed for an assessment version.

        Raises:
            StorageError: If the database cannot be written.
        """
        row = ReachResultRow(
            reference=saved.reference,
            version=saved.version,
            saved_by=saved.saved_by,
            saved_at=saved.saved_at,
            mapping=json.dumps(saved.mapping, ensure_ascii=False),
            payload=saved.reach.model_dump_json(),
        )
        with translate_errors(self._engine, "save to"), self._sessions.begin() as session:
            session.add(row)

    def latest_reach(self, reference: str, version: int | None = None) -> SavedReach | None:
        """Return the reach saved most recently with this version or an earlier one.

        Raises:
            StorageError: If the database cannot be read.
        """
        query = select(ReachResultRow).where(ReachResultRow.reference == reference)
        if version is not None:
            query = query.where(ReachResultRow.version <= version)
        query = query.order_by(ReachResultRow.version.desc(), ReachResultRow.id.desc()).limit(1)
        with translate_errors(self._engine, "read"), self._sessions() as session:
            row = session.scalar(query)
        if row is None:
            return None
        return SavedReach(
            reference=row.reference,
            version=row.version,
            reach=ReachResult.model_validate_json(row.payload),
            mapping=json.loads(row.mapping),
            saved_by=row.saved_by,
            saved_at=row.saved_at,
        )

    def add_review_event(self, event: ReviewEvent) -> None:
        """Record one step of an assessment's review.

        Raises:
            StorageError: If the database cannot be written.
        """
        row = ReviewEventRow(**event.model_dump(mode="json", exclude={"at"}), at=event.at)
        with translate_errors(self._engine, "save to"), self._sessions.begin() as session:
            session.add(row)

    def review_events(self, reference: str) -> builtins.list[ReviewEvent]:
        """Return the review history of an assessment, oldest first.

        Raises:
            StorageError: If the database cannot be read.
        """
        query = select(ReviewEventRow).where(ReviewEventRow.reference == reference)
        with translate_errors(self._engine, "read"), self._sessions() as session:
            rows = session.scalars(query.order_by(ReviewEventRow.id)).all()
        return [
            ReviewEvent(
                reference=r.reference,
                version=r.version,
                action=r.action,
                by=r.by,
                at=r.at,
                comment=r.comment,
            )
            for r in rows
        ]
