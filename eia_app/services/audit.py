"""The audit trail as use cases: record what people do, read it back, export it as CSV."""

import csv
import io
from datetime import UTC, datetime

from eia_app.domain.audit import AuditAction, AuditEvent
from eia_app.domain.repository import AssessmentRepository
from eia_app.export.reach_spreadsheet import neutralise

CSV_COLUMNS = ("at", "reference", "version", "action", "actor", "actor_email", "detail")
# An event's note is a summary, not a copy of the record: the versions hold the text.
DETAIL_LIMIT = 300


def short_detail(text: str) -> str:
    """Return a note short enough for the audit trail, on one line.

    Args:
        text: What changed, a comment or a file name.

    Returns:
        The text with its lines joined, cut at :data:`DETAIL_LIMIT` characters.
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= DETAIL_LIMIT else flat[: DETAIL_LIMIT - 1] + "…"


def audit_event(
    action: AuditAction,
    *,
    actor: str,
    reference: str = "",
    version: int | None = None,
    actor_email: str = "",
    detail: str = "",
) -> AuditEvent:
    """Make an audit trail entry, stamped with the current time, without storing it.

    Args:
        action: What was done.
        actor: The name of who did it.
        reference: The assessment acted on; empty for a role change.
        version: The version acted on, if any.
        actor_email: Their e-mail address, when known (from the sign-in).
        detail: A short note, for example what changed or which file was written;
            shortened to one line of at most :data:`DETAIL_LIMIT` characters.

    Returns:
        The event.
    """
    return AuditEvent(
        reference=reference,
        version=version,
        action=action,
        actor=actor or "unknown",
        actor_email=actor_email,
        at=datetime.now(UTC),
        detail=short_detail(detail),
    )


def record_event(
    repo: AssessmentRepository,
    action: AuditAction,
    *,
    actor: str,
    reference: str = "",
    version: int | None = None,
    actor_email: str = "",
    detail: str = "",
) -> AuditEvent:
    """Append one event to the audit trail, stamped with the current time.

    Args:
        repo: Where assessments (and their trail) are stored.
        action: What was done.
        actor: The name of who did it.
        reference: The assessment acted on; empty for a role change.
        version: The version acted on, if any.
        actor_email: Their e-mail address, when known (from the sign-in).
        detail: A short note, for example what changed or which file was written.

    Returns:
        The recorded event.
    """
    event = audit_event(
        action,
        actor=actor,
        reference=reference,
        version=version,
        actor_email=actor_email,
        detail=detail,
    )
    repo.add_audit_event(event)
    return event


def audit_events(repo: AssessmentRepository, reference: str | None = None) -> list[AuditEvent]:
    """Return the audit trail, oldest first.

    Args:
        repo: Where assessments are stored.
        reference: One assessment's events, or None for every event.

    Returns:
        The events.
    """
    return repo.audit_events(reference)


INSTANCE_WIDE = ""
"""The "assessment" of events about no assessment: role, template and baseline changes."""


def select_events(
    events: list[AuditEvent], *, reference: str | None = None, person: str = ""
) -> list[AuditEvent]:
    """Keep the events of one assessment (or of none) done by a person.

    Args:
        events: Audit events, oldest first.
        reference: An assessment's reference; :data:`INSTANCE_WIDE` for the events
            about no assessment; None for all.
        person: Words found in the actor's name or e-mail, ignoring case; blank for anyone.

    Returns:
        The matching events, in the same order.
    """
    wanted = person.strip().casefold()
    return [
        event
        for event in events
        if (reference is None or event.reference == reference)
        and (not wanted or wanted in f"{event.actor} {event.actor_email}".casefold())
    ]


def audit_csv(events: list[AuditEvent]) -> str:
    """Render audit events as CSV, every text cell neutralised against formulas.

    Args:
        events: The events, as :func:`audit_events` returns them.

    Returns:
        CSV text with a header row (write it as ``utf-8-sig`` for Excel).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for event in events:
        writer.writerow(
            [
                event.at.strftime("%Y-%m-%d %H:%M:%S"),
                neutralise(event.reference),
                "" if event.version is None else event.version,
                event.action.value,
                neutralise(event.actor),
                neutralise(event.actor_email),
                neutralise(event.detail),
            ]
        )
    return buffer.getvalue()
