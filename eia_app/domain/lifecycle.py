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
