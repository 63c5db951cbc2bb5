"""An in-memory assessment repository for fast tests, behaving like the SQL one."""

from dataclasses import dataclass

from eia_app.domain.assessment import Assessment
from eia_app.domain.versions import (
    AssessmentFilter,
    AssessmentSummary,
    StoredAssessment,
    VersionInfo,
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

    def add_version(
        self, assessment: Assessment, *, saved_by: str, change_summary: str
    ) -> StoredAssessment:
        """Store a new version of the assessment named by its reference.

        Args:
            assessment: The assessment to store.
            saved_by: Who is saving.
            change_summary: What changed since the previous version.

        Returns:
            The stored version.

        Raises:
            InvalidAssessmentError: If the assessment has no reference.
        """
        reference = require_reference(assessment)
        history = self._saved.setdefault(reference, [])
        info = VersionInfo(
            reference=reference,
            version=len(history) + 1,
            saved_by=saved_by,
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
