"""An in-memory assessment repository for fast tests, behaving like the SQL one."""

import builtins
import threading
from dataclasses import dataclass

from eia_app.domain.assessment import Assessment
from eia_app.domain.audit import AuditEvent
from eia_app.domain.conflicts import VersionConflictError
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
from eia_app.storage.records import (
    QueryableFields,
    build_summary,
    matches,
    no_assessment,
    no_version,
    queryable_fields,
    read_payload,
    require_reference,
    utc_now,
)


@dataclass(frozen=True)
class _SavedVersion:
    info: VersionInfo
    fields: QueryableFields
    # Kept as JSON, like the database, so a stored version cannot be changed in place.
    payload: str


# A module-level alias, because the method ``list`` hides the builtin inside the class.
_History = list[_SavedVersion]


class InMemoryAssessmentRepository:
    """Keeps every version in a dictionary; nothing survives the process."""

    def __init__(self) -> None:
        self._saved: dict[str, _History] = {}
        self._copies: dict[tuple[str, str], WorkingCopy] = {}
        self._reach: builtins.list[SavedReach] = []
        self._themes: builtins.list[SavedThemes] = []
        self._events: builtins.list[ReviewEvent] = []
        self._audit: builtins.list[AuditEvent] = []
        # Threads of one app share the store: the check and the append happen together.
        self._lock = threading.Lock()

    def keep_working_copy(self, copy: WorkingCopy) -> None:
        """Keep (or replace) one person's work in progress on an assessment."""
        self._copies[(copy.reference, copy.user)] = copy

    def working_copy(self, reference: str, user: str) -> WorkingCopy | None:
        """Return one person's work in progress on an assessment, if any."""
        return self._copies.get((reference, user))

    def discard_working_copy(self, reference: str, user: str) -> None:
        """Forget one person's work in progress."""
        self._copies.pop((reference, user), None)

    def save_reach(self, saved: SavedReach) -> None:
        """Keep the reach result analysed for an assessment version."""
        self._reach.append(saved)

    def latest_reach(self, reference: str, version: int | None = None) -> SavedReach | None:
        """Return the reach saved most recently with this version or an earlier one."""
        found = [
            (n, saved)
            for n, saved in enumerate(self._reach)
            if saved.reference == reference and (version is None or saved.version <= version)
        ]
        return max(found, key=lambda item: (item[1].version, item[0]))[1] if found else None

    def save_themes(self, saved: SavedThemes) -> None:
        """Keep the published themes and the officer's edits for an assessment version."""
        self._themes.append(saved)

    def latest_themes(self, reference: str, version: int | None = None) -> SavedThemes | None:
        """Return the themes saved most recently with this version or an earlier one."""
        found = [
            (n, saved)
            for n, saved in enumerate(self._themes)
            if saved.reference == reference and (version is None or saved.version <= version)
        ]
        return max(found, key=lambda item: (item[1].version, item[0]))[1] if found else None

    def add_review_event(self, event: ReviewEvent) -> None:
        """Record one step of an assessment's review."""
        self._events.append(event)

    def review_events(self, reference: str) -> builtins.list[ReviewEvent]:
        """Return the review history of an assessment, oldest first."""
        return [event for event in self._events if event.reference == reference]

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
            assessment: The assessment to store.
            saved_by: Who is saving.
            change_summary: What changed since the previous version.
            base_version: The version the save started from (0 for a new
                assessment); None takes the next number whatever was saved since.
            saved_by_email: Their e-mail from the sign-in, which the rules on own work
                and self-approval compare; empty when nobody signed in.
            audit: The audit trail's entry for this save, kept with the version's
                number and time; None keeps none.

        Returns:
            The stored version.

        Raises:
            InvalidAssessmentError: If the assessment has no reference.
            VersionConflictError: If ``base_version`` is not the latest version.
        """
        reference = require_reference(assessment)
        with self._lock:
            stored = self._append(
                assessment, reference, (saved_by, saved_by_email), change_summary, base_version
            )
            if audit is not None:
                info = stored.info
                self._audit.append(
                    audit.model_copy(update={"version": info.version, "at": info.saved_at})
                )
            return stored

    def add_audit_event(self, event: AuditEvent) -> None:
        """Append one event to the audit trail."""
        self._audit.append(event)

    def audit_events(self, reference: str | None = None) -> builtins.list[AuditEvent]:
        """Return the audit trail, oldest first: of one assessment, or all of it."""
        return [e for e in self._audit if reference is None or e.reference == reference]

    def _append(
        self,
        assessment: Assessment,
        reference: str,
        saver: tuple[str, str],
        change_summary: str,
        base_version: int | None,
    ) -> StoredAssessment:
        history = self._saved.setdefault(reference, [])
        if base_version is not None and len(history) != base_version:
            since = [saved.info for saved in history[base_version:]]
            raise VersionConflictError(reference, base_version, since)
        info = VersionInfo(
            reference=reference,
            version=len(history) + 1,
            saved_by=saver[0],
            saved_by_email=saver[1],
            saved_at=utc_now(),
            change_summary=change_summary,
        )
        history.append(
            _SavedVersion(info, queryable_fields(assessment), assessment.model_dump_json())
        )
        return StoredAssessment(info=info, assessment=assessment)

    def get(self, reference: str, version: int | None = None) -> StoredAssessment:
        """Return one version, the latest by default.

        Args:
            reference: The assessment's reference.
            version: The version number, or None for the latest.

        Returns:
            The stored version.

        Raises:
            NotFoundError: If there is no such assessment or version.
        """
        history = self._history(reference)
        if version is None:
            saved = history[-1]
        elif 1 <= version <= len(history):
            saved = history[version - 1]
        else:
            raise no_version(reference, version, len(history))
        assessment = read_payload(saved.payload, reference, saved.info.version)
        return StoredAssessment(info=saved.info, assessment=assessment)

    def versions(self, reference: str) -> list[VersionInfo]:
        """Return the history of an assessment, oldest first.

        Args:
            reference: The assessment's reference.

        Returns:
            One entry per saved version.

        Raises:
            NotFoundError: If there is no such assessment.
        """
        return [saved.info for saved in self._history(reference)]

    def list(self, criteria: AssessmentFilter | None = None) -> list[AssessmentSummary]:
        """Return the current version of every assessment that matches.

        Args:
            criteria: Filter on status, directorate and review date.

        Returns:
            Summaries ordered by reference.
        """
        wanted = criteria or AssessmentFilter()
        summaries = (
            build_summary(history[-1].info, history[-1].fields)
            for _, history in sorted(self._saved.items())
        )
        return [summary for summary in summaries if matches(summary, wanted)]

    def count(self) -> int:
        """Return how many assessments (not versions) are stored."""
        return len(self._saved)

    def _history(self, reference: str) -> _History:
        history = self._saved.get(reference)
        if not history:
            raise no_assessment(reference)
        return history
