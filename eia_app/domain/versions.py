"""What storage keeps and returns: saved versions, summaries, work in progress, reach, review."""

from datetime import date, datetime
from enum import StrEnum

from pydantic import ConfigDict, JsonValue

from eia_app.domain.assessment import Assessment
from eia_app.domain.details import Stage, Status
from eia_app.domain.fields import StrictModel, guided
from eia_app.domain.reach import ReachResult


class VersionInfo(StrictModel):
    """Who saved a version of an assessment, when, and what changed."""

    reference: str = guided("Reference", "The assessment's reference.", default=...)
    version: int = guided("Version", "1 for the first save, then 2, 3 ...", default=..., ge=1)
    saved_by: str = guided("Saved by", "Who saved this version.", default=...)
    saved_by_email: str = guided(
        "Saved by (e-mail)",
        "The saver's e-mail from the sign-in; empty in single-user mode and on the command line.",
        default="",
    )
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


class RowDraft(StrictModel):
    """A row of a list being typed in the page's row editor, not yet saved as a row.

    Kept with the working copy, so a refresh keeps a half-typed row, and shown
    again in the row editor; it reaches the assessment only when the person
    presses "Save row".
    """

    model_config = ConfigDict(str_strip_whitespace=False)

    row: int | None = guided(
        "Row", "The position of the row being changed; empty for a new row.", default=None, ge=0
    )
    values: dict[str, JsonValue] = guided(
        "Values typed", "Field name -> the value as typed.", default_factory=dict
    )


class WorkingCopy(StrictModel):
    """What one person has typed into an assessment since its last saved version.

    Kept on every change, so a refresh, a closed tab or a crashed browser loses
    nothing; saving turns it into a new immutable version and discards it. The
    values are kept as typed (they may not be valid yet), by field path.
    """

    model_config = ConfigDict(str_strip_whitespace=False)

    reference: str = guided("Reference", "The assessment being edited.", default=...)
    user: str = guided("User", "Whose work in progress this is.", default=...)
    based_on_version: int = guided(
        "Based on version", "The saved version the typing started from.", default=..., ge=1
    )
    values: dict[str, JsonValue] = guided(
        "Values typed", "Field path -> the value as typed, not yet saved.", default_factory=dict
    )
    rows: dict[str, RowDraft] = guided(
        "Rows being typed",
        "List path -> the row typed in its row editor, not yet saved as a row.",
        default_factory=dict,
    )
    kept_at: datetime = guided("Kept at", "When it was last kept (UTC).", default=...)


class SavedReach(StrictModel):
    """The respondent reach of a consultation, saved with an assessment version.

    Only the aggregated, suppressed result and the column mapping are kept: the
    survey's rows never reach the database.
    """

    reference: str = guided("Reference", "The assessment.", default=...)
    version: int = guided("Version", "The version it was saved with.", default=..., ge=1)
    reach: ReachResult = guided("Reach", "The eia.reach/1 result.", default=...)
    mapping: dict[str, str] = guided(
        "Column mapping", "Survey header -> what it was read as.", default_factory=dict
    )
    saved_by: str = guided("Saved by", "Who analysed the survey.", default=...)
    saved_at: datetime = guided("Saved at", "When (UTC).", default=...)


class ReviewAction(StrEnum):
    """What a person did to an assessment version in its review."""

    SUBMITTED = "submitted"
    COMMENTED = "commented"
    RETURNED = "returned"
    APPROVED = "approved"
    PUBLISHED = "published"


class ReviewEvent(StrictModel):
    """One step of an assessment's review: a submission, comment, approval ..."""

    reference: str = guided("Reference", "The assessment.", default=...)
    version: int = guided("Version", "The version it is about.", default=..., ge=1)
    action: ReviewAction = guided("Action", "What was done.", default=...)
    by: str = guided("By", "Who did it.", default=...)
    at: datetime = guided("At", "When (UTC).", default=...)
    comment: str = guided("Comment", "What the reviewer or author wrote.", default="")
