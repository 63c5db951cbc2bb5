"""The assessment library's rows: status, owner, review date and whether a review is due."""

from dataclasses import dataclass
from datetime import date

from eia_app.domain.details import Stage, Status
from eia_app.domain.repository import AssessmentRepository
from eia_app.domain.review import DueState, review_due


@dataclass(frozen=True)
class LibraryRow:
    """A row of the library: the current version with its owner and review state.

    Attributes:
        reference: EIA reference.
        title: Title of the policy.
        status: Life-cycle status.
        stage: Decision stage.
        owner: The lead officer, or "Not given".
        review_date: When it is next reviewed, if set.
        due: Whether that review is overdue, due within 30 days, or not due.
        version: Current version number.
    """

    reference: str
    title: str
    status: Status
    stage: Stage
    owner: str
    review_date: date | None
    due: DueState
    version: int


def library_rows(repo: AssessmentRepository, today: date) -> list[LibraryRow]:
    """Return the library's rows: status, owner, reference, review date and whether it is due.

    Args:
        repo: Where assessments are stored.
        today: The date the review dates are judged against.

    Returns:
        One row per assessment, ordered by reference.
    """
    rows = []
    for summary in repo.list():
        lead = repo.get(summary.reference).assessment.key_details.lead_officer
        rows.append(
            LibraryRow(
                reference=summary.reference,
                title=summary.title,
                status=summary.status,
                stage=summary.stage,
                owner=lead.name or "Not given",
                review_date=summary.review_date,
                due=review_due(summary.review_date, today),
                version=summary.version,
            )
        )
    return rows
