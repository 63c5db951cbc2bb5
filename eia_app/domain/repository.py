"""The repository protocol that storage adapters implement (cosmicpython's port)."""

from typing import Protocol

from eia_app.domain.assessment import Assessment
from eia_app.domain.versions import (
    AssessmentFilter,
    AssessmentSummary,
    StoredAssessment,
    VersionInfo,
)


class AssessmentRepository(Protocol):
    """Stores every saved version of every assessment; nothing is overwritten."""

    def add_version(
        self, assessment: Assessment, *, saved_by: str, change_summary: str
    ) -> StoredAssessment:
        """Store a new version of the assessment named by its reference.

        Args:
            assessment: The assessment to store; its reference identifies it.
            saved_by: Who is saving.
            change_summary: What changed since the previous version.

        Returns:
            The stored version, with its number and time.
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
