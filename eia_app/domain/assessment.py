"""The complete Equality Impact Assessment, from screening to sign-off."""

from datetime import date

from pydantic import field_validator

from eia_app.domain.consultation import Consultation
from eia_app.domain.decision import Action, DecisionOutcome, Monitoring, SignOff
from eia_app.domain.details import KeyDetails, Stage, Status
from eia_app.domain.evidence import Evidence
from eia_app.domain.fields import StrictModel, guided, guided_list
from eia_app.domain.impact import Combined, GroupImpact, HumanRights, PsedAimAssessment
from eia_app.domain.scope import PreviousReview, Purpose, Screening

SCHEMA_VERSION = 1


class QualityControl(StrictModel):
    """Section 2: dates that record the assessment's progress."""

    date_completed: date | None = guided("Date completed", "When the author finished it.")
    date_published: date | None = guided("Date published", "When it was published.")
    change_note: str | None = guided(
        "What changed in this version", "A line for the version history, written by the author."
    )


class Assessment(StrictModel):
    """An Equality Impact Assessment; a draft may leave any field empty.

    Whether it is complete enough for a stage is judged by
    :func:`eia_app.domain.completeness.check_completeness`, not by validation,
    so that work in progress can always be saved.
    """

    schema_version: int = guided(
        "Format version", "Version of this file format.", default=SCHEMA_VERSION
    )
    status: Status = guided("Status", "Where the assessment is in its life cycle.", default="draft")
    stage: Stage = guided(
        "Stage",
        "Which decision point it supports: screening, consultation, or the final decision.",
        default="screening",
    )
    key_details: KeyDetails = guided(
        "Key details", "What is assessed and who is responsible.", default_factory=KeyDetails
    )
    quality: QualityControl = guided(
        "Quality control", "Progress dates.", default_factory=QualityControl
    )
    screening: Screening = guided(
        "Screening", "Whether a full assessment is needed.", default_factory=Screening
    )
    purpose: Purpose = guided(
        "Purpose, aims and scope", "What the proposal is and does.", default_factory=Purpose
    )
    previous_review: PreviousReview = guided(
        "Review of a previous assessment",
        "What happened to earlier actions.",
        default_factory=PreviousReview,
    )
    evidence: Evidence = guided(
        "Evidence", "The evidence base and its gaps.", default_factory=Evidence
    )
    consultation: Consultation = guided(
        "Engagement and consultation",
        "Who was asked, how, and what they said.",
        default_factory=Consultation,
    )
    impacts: list[GroupImpact] = guided_list(
        "Impact on each group",
        "One entry per protected characteristic and local group of interest.",
    )
    psed: list[PsedAimAssessment] = guided_list(
        "Public Sector Equality Duty", "How the proposal bears on each of the three aims."
    )
    human_rights: HumanRights = guided(
        "Human rights", "Convention rights engaged.", default_factory=HumanRights
    )
    combined: Combined = guided(
        "Intersectional and cumulative impact",
        "Combined and cumulative effects.",
        default_factory=Combined,
    )
    decision: DecisionOutcome = guided(
        "Decision", "The overall conclusion.", default_factory=DecisionOutcome
    )
    actions: list[Action] = guided_list("Action plan", "Actions to mitigate and monitor.")
    monitoring: Monitoring = guided(
        "Monitoring and review", "How impact will be followed up.", default_factory=Monitoring
    )
    sign_off: SignOff = guided(
        "Sign-off", "Who completed, reviewed and approved it.", default_factory=SignOff
    )

    @field_validator("impacts")
    @classmethod
    def _one_entry_per_group(cls, impacts: list[GroupImpact]) -> list[GroupImpact]:
        seen: set[str] = set()
        for impact in impacts:
            if impact.group_id in seen:
                raise ValueError(f"the group '{impact.group_id}' is assessed more than once")
            seen.add(impact.group_id)
        return impacts

    def impact_for(self, group_id: str) -> GroupImpact | None:
        """Return the impact entry for a group, or None if it has not been assessed.

        Args:
            group_id: Registry id of a characteristic or local group.

        Returns:
            The matching entry, if any.
        """
        return next((i for i in self.impacts if i.group_id == group_id), None)

    @property
    def title(self) -> str:
        """The assessment's title, or a placeholder label for an untitled draft."""
        return self.key_details.title or "Untitled assessment"
