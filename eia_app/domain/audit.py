"""The audit trail: who did what to which assessment version, and when.

Assessments are legal records, so every action that changes or releases one is
kept as an event that is never changed or removed afterwards.
"""

from datetime import datetime
from enum import StrEnum

from eia_app.domain.fields import StrictModel, guided


class AuditAction(StrEnum):
    """What a person did, as the audit trail records it."""

    CREATED = "created"
    SAVED = "saved"
    SUBMITTED = "submitted"
    COMMENTED = "commented"
    RETURNED = "returned"
    APPROVED = "approved"
    PUBLISHED = "published"
    EXPORTED = "exported"
    ROLE_CHANGED = "role changed"
    TEMPLATE_CHANGED = "template changed"
    BASELINE_CHANGED = "baseline changed"


class AuditEvent(StrictModel):
    """One entry of the append-only audit trail."""

    reference: str = guided(
        "Reference", "The assessment; empty for a role or council file change.", default=""
    )
    version: int | None = guided("Version", "The version acted on, if any.", default=None)
    action: AuditAction = guided("Action", "What was done.", default=...)
    actor: str = guided("By", "The name of who did it.", default=...)
    actor_email: str = guided("E-mail", "Their e-mail address, when known.", default="")
    at: datetime = guided("At", "When it was done (UTC).", default=...)
    detail: str = guided("Detail", "A short note: what changed, which file ...", default="")
