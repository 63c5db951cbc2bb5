"""Problems found in an assessment, collected rather than raised one at a time."""

from enum import StrEnum

from eia_app.domain.base import StrictModel


class IssueLevel(StrEnum):
    """How serious a problem is: an error blocks the stage, a warning does not."""

    ERROR = "error"
    WARNING = "warning"


class Issue(StrictModel):
    """One problem with an assessment, written for the person who can fix it.

    Attributes:
        level: Whether the problem blocks the current stage.
        field: Dotted path of the field, for example ``key_details.title``.
        label: The field's human label, used in messages.
        message: What is wrong and what to do about it.
    """

    level: IssueLevel
    field: str
    label: str
    message: str

    @property
    def blocking(self) -> bool:
        """Whether this issue stops the assessment moving to its stage."""
        return self.level is IssueLevel.ERROR

    def as_line(self) -> str:
        """Return the issue as one line of text for a terminal or log."""
        return f"{self.level.value}: {self.label} ({self.field}): {self.message}"
