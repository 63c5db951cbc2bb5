"""The audit trail in SQL: events are inserted and read, never updated or deleted."""

import builtins

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from eia_app.domain.audit import AuditEvent
from eia_app.storage.database import translate_errors
from eia_app.storage.tables import AuditEventRow


def audit_row(event: AuditEvent) -> AuditEventRow:
    """Return the table row of an audit event.

    Args:
        event: The event.

    Returns:
        A new row to add to a session.
    """
    return AuditEventRow(**event.model_dump(mode="json", exclude={"at"}), at=event.at)


class SqlAuditRecords:
    """The repository's audit methods; deliberately no way to change or remove an event.

    The repository that inherits them sets ``_engine`` and ``_sessions``.
    """

    _engine: Engine
    _sessions: sessionmaker[Session]

    def add_audit_event(self, event: AuditEvent) -> None:
        """Append one event to the audit trail.

        Raises:
            StorageError: If the database cannot be written.
        """
        with translate_errors(self._engine, "save to"), self._sessions.begin() as session:
            session.add(audit_row(event))

    def audit_events(self, reference: str | None = None) -> builtins.list[AuditEvent]:
        """Return the audit trail, oldest first: of one assessment, or all of it.

        Raises:
            StorageError: If the database cannot be read.
        """
        query = select(AuditEventRow)
        if reference is not None:
            query = query.where(AuditEventRow.reference == reference)
        with translate_errors(self._engine, "read"), self._sessions() as session:
            rows = session.scalars(query.order_by(AuditEventRow.id)).all()
        return [
            AuditEvent(
                reference=row.reference,
                version=row.version,
                action=row.action,
                actor=row.actor,
                actor_email=row.actor_email,
                at=row.at,
                detail=row.detail,
            )
            for row in rows
        ]
