"""What storage returns: saved versions of assessments and summaries for listing."""

from datetime import date, datetime

from eia_app.domain.assessment import Assessment
from eia_app.domain.base import StrictModel
from eia_app.domain.details import Stage, Status
from eia_app.domain.fields import guided


class VersionInfo(StrictModel):
    """Who saved a version of an assessment, when, and what changed."""

    reference: str = guided("Reference", "The assessment's reference.", default=...)
    version: int = guided("Version", "1 for the first save, then 2, 3 ...", default=..., ge=1)
    saved_by: str = guided("Saved by", "Who saved this version.", default=...)
    saved_at: datetime = guided("Saved at", "When it was saved (UTC).", default=...)
    change_summary: str = guided(
        "What changed", "Fields changed since the previous version.", default=""
    )


class StoredAssessment(StrictModel):
    """One immutable saved version of an assessment."""

    info: VersionInfo = guided("Version", "Who saved it and when.", default=...)
    assessment: Assessment = guided("Assessment", "The assessment as saved.", default=...)


class AssessmentSummary(StrictModel):
    """A row of the assessment library: the current version of one assessment."""

    reference: str = guided("Reference", "EIA reference.", default=...)
    title: str = guided("Title", "Title of the policy.", default=...)
    status: Status = guided("Status", "Life-cycle status.", default=...)
    stage: Stage = guided("Stage", "Decision stage.", default=...)
    directorate: str | None = guided("Directorate", "Owning department.")
    version: int = guided("Version", "Current version number.", default=..., ge=1)
    review_date: date | None = guided("Review date", "When it is next reviewed.")
    saved_at: datetime = guided("Last saved", "When the current version was saved.", default=...)
    saved_by: str = guided("Last saved by", "Who saved the current version.", default=...)


class AssessmentFilter(StrictModel):
    """Criteria for listing assessments; empty criteria match everything."""

    status: Status | None = guided("Status", "Only assessments with this status.")
    directorate: str | None = guided("Directorate", "Only this directorate (case-insensitive).")
    review_before: date | None = guided("Review due by", "Only reviews due on or before this.")
