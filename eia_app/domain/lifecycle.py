"""The stages and statuses of an assessment, in a module with no pydantic models.

They are kept apart from :mod:`eia_app.domain.details` (which re-exports them) so
that the command line can offer them as choices without building the models.
"""

from enum import StrEnum


class Status(StrEnum):
    """Where an assessment is in its life cycle."""

    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    PUBLISHED = "published"
    UNDER_REVIEW = "under_review"


STATUS_LABELS: dict[Status, str] = {
    Status.DRAFT: "Draft",
    Status.IN_REVIEW: "In review",
    Status.APPROVED: "Approved",
    Status.PUBLISHED: "Published",
    Status.UNDER_REVIEW: "Under review",
}
"""Each status as the form, the messages and the document name it."""


class Stage(StrEnum):
    """Which point of the decision process the assessment supports.

    The stages are ordered: a later stage asks for everything an earlier one does.
    """

    SCREENING = "screening"
    CONSULTATION = "consultation"
    FINAL = "final"

    @property
    def rank(self) -> int:
        """Position of the stage in the process, starting at 0."""
        return list(Stage).index(self)
