"""The repository protocol that storage adapters implement (cosmicpython's port)."""

import builtins
from typing import Protocol

from eia_app.domain.assessment import Assessment
from eia_app.domain.audit import AuditEvent
from eia_app.domain.saved_themes import SavedThemes
from eia_app.domain.versions import (
    AssessmentFilter,
    AssessmentSummary,
    ReviewEvent,
    SavedReach,
    StoredAssessment,
    VersionInfo,
    WorkingCopy,
)


class AssessmentRepository(Protocol):
    """Stores every saved version of every assessment; nothing is overwritten."""

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
        """Store a new version of the assessment named by its reference.

        Args:
            assessment: The assessment to store; its reference identifies it.
            saved_by: Who is saving.
            change_summary: What changed since the previous version.
            base_version: The version the save started from (0 for a new
                assessment). When given, the check that it is still the latest and
                the insert are one atomic step; None skips the check.
            saved_by_email: Their e-mail from the sign-in, which the rules on own work
                and self-approval compare; empty when nobody signed in.
            audit: The audit trail's entry for this save. It is stored atomically with
                the version, given the version's number and time, so that no version
                exists without its entry; None stores none.

        Returns:
            The stored version, with its number and time.

        Raises:
            VersionConflictError: If ``base_version`` is no longer the latest
                version; nothing is stored.
        """
        ...

    def get(self, reference: str, version: int | None = None) -> StoredAssessment:
        """Return one version (the latest by default).

        Args:
            reference: The assessment's reference.
            version: The version number, or None for the latest.

        Returns:
            The stored version.

        Raises:
            NotFoundError: If there is no such assessment or version.
        """
        ...

    def versions(self, reference: str) -> list[VersionInfo]:
        """Return the history of an assessment, oldest first.

        Args:
            reference: The assessment's reference.

        Returns:
            One entry per saved version.

        Raises:
            NotFoundError: If there is no such assessment.
        """
        ...

    def list(self, criteria: AssessmentFilter | None = None) -> list[AssessmentSummary]:
        """Return the current version of every assessment that matches.

        Args:
            criteria: Filter on status, directorate and review date.

        Returns:
            Summaries ordered by reference.
        """
        ...

    def count(self) -> int:
        """Return how many assessments (not versions) are stored."""
        ...

    def keep_working_copy(self, copy: WorkingCopy) -> None:
        """Keep (or replace) one person's work in progress on an assessment.

        Args:
            copy: The values typed so far.
        """
        ...

    def working_copy(self, reference: str, user: str) -> WorkingCopy | None:
        """Return one person's work in progress on an assessment, if any.

        Args:
            reference: The assessment's reference.
            user: Whose work it is.

        Returns:
            The working copy, or None.
        """
        ...

    def discard_working_copy(self, reference: str, user: str) -> None:
        """Forget one person's work in progress (after a save, or when they discard it).

        Args:
            reference: The assessment's reference.
            user: Whose work it is.
        """
        ...

    def save_reach(self, saved: SavedReach) -> None:
        """Keep the reach result analysed for an assessment version.

        Args:
            saved: The aggregated result and the mapping used.
        """
        ...

    def latest_reach(self, reference: str, version: int | None = None) -> SavedReach | None:
        """Return the reach result saved most recently with this version or an earlier one.

        Args:
            reference: The assessment's reference.
            version: The version being read; None for the latest.

        Returns:
            The saved reach, or None when no survey was analysed for it.
        """
        ...

    def save_themes(self, saved: SavedThemes) -> None:
        """Keep the published free-text themes and the officer's edits for a version.

        Args:
            saved: Aggregates and approved, redacted quotes only (the model refuses more).
        """
        ...

    def latest_themes(self, reference: str, version: int | None = None) -> SavedThemes | None:
        """Return the themes saved most recently with this version or an earlier one.

        Args:
            reference: The assessment's reference.
            version: The version being read; None for the latest.

        Returns:
            The saved themes, or None when no free text was themed for it.
        """
        ...

    def add_review_event(self, event: ReviewEvent) -> None:
        """Record one step of an assessment's review.

        Args:
            event: The submission, comment, return, approval or publication.
        """
        ...

    def add_audit_event(self, event: AuditEvent) -> None:
        """Append one event to the audit trail; events are never changed or removed.

        Args:
            event: Who did what, to which version, and when.
        """
        ...

    def audit_events(self, reference: str | None = None) -> "builtins.list[AuditEvent]":
        """Return the audit trail, oldest first.

        Args:
            reference: One assessment's events, or None for every event.

        Returns:
            The events.
        """
        ...

    def review_events(self, reference: str) -> "builtins.list[ReviewEvent]":
        """Return the review history of an assessment, oldest first.

        Args:
            reference: The assessment's reference.

        Returns:
            Every recorded event.
        """
        ...
