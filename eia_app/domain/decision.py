"""The decision outcome, the action plan, monitoring and sign-off."""

from datetime import date
from enum import StrEnum

from eia_app.domain.fields import SHORT_ID_PATTERN, StrictModel, guided, guided_list


class Outcome(StrEnum):
    """The four standard outcomes of an equality impact assessment."""

    NO_MAJOR_CHANGE = "no_major_change"
    ADJUST = "adjust"
    CONTINUE_DESPITE_ADVERSE = "continue_despite_adverse"
    STOP_AND_REMOVE = "stop_and_remove"


OUTCOME_LABELS: dict[Outcome, str] = {
    Outcome.NO_MAJOR_CHANGE: "No major change needed",
    Outcome.ADJUST: "Adjust the proposal",
    Outcome.CONTINUE_DESPITE_ADVERSE: "Continue despite adverse impact",
    Outcome.STOP_AND_REMOVE: "Stop and remove the proposal",
}


class DecisionOutcome(StrictModel):
    """Section 15: the overall conclusion of the assessment."""

    outcome: Outcome | None = guided(
        "Outcome",
        "No major change; adjust the proposal; continue despite an adverse impact (with "
        "justification); or stop and remove it.",
    )
    summary: str | None = guided("Summary of impacts", "The overall finding in a few sentences.")
    reasons: str | None = guided("Reasons", "Why this outcome was chosen.")
    justification: str | None = guided(
        "Justification for continuing",
        "Required when continuing despite an adverse impact: the legitimate aim and why the "
        "means are proportionate.",
    )


class ActionStatus(StrEnum):
    """Progress of an action."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class Action(StrictModel):
    """One action in the action plan."""

    id: str = guided(
        "Action reference", "Short id such as A1.", pattern=SHORT_ID_PATTERN, default=...
    )
    issue: str | None = guided("Issue", "The impact or gap this action addresses.")
    action: str = guided("Action", "What will be done.", default=...)
    owner: str | None = guided("Owner", "The named officer or team responsible.")
    due_date: date | None = guided("Due date", "When it will be done by.")
    success_measure: str | None = guided("Success measure", "How you will know it worked.")
    status: ActionStatus = guided("Status", "Progress so far.", default=ActionStatus.PLANNED)
    group_ids: list[str] = guided_list("Groups concerned", "Registry ids of the groups it helps.")


class Monitoring(StrictModel):
    """Section 17: how impact is monitored after the decision."""

    arrangements: str | None = guided(
        "Monitoring arrangements", "Who monitors what, how often, and where it is reported."
    )
    indicators: list[str] = guided_list(
        "Indicators", "Measures to watch, broken down by characteristic where possible."
    )
    review_date: date | None = guided("Review date", "When this assessment will next be reviewed.")


class Approval(StrictModel):
    """A named person's sign-off at one step."""

    name: str | None = guided("Name", "Full name.")
    role: str | None = guided("Role", "Their role, for example Director or Equality lead.")
    signed_on: date | None = guided("Date", "Date of sign-off.")


class SignOff(StrictModel):
    """Section 18: who completed, reviewed and approved the assessment."""

    completed_by: Approval = guided(
        "Completed by", "The author of the assessment.", default_factory=Approval
    )
    reviewed_by: Approval = guided(
        "Reviewed by", "A second person or the equality lead.", default_factory=Approval
    )
    approved_by: Approval = guided(
        "Approved by", "The director or group that approves it.", default_factory=Approval
    )
