"""Screening, purpose and scope, and the review of any earlier assessment."""

from datetime import date
from enum import StrEnum

from eia_app.domain.fields import StrictModel, guided, guided_list


class Relevance(StrEnum):
    """How relevant a proposal is to a group, judged at screening."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    NONE = "none"
    UNKNOWN = "unknown"


class ScreeningEntry(StrictModel):
    """The screening judgement for one protected characteristic or local group."""

    group_id: str = guided(
        "Group", "Registry id of the characteristic or local group.", default=...
    )
    relevance: Relevance = guided(
        "Likely relevance",
        "How likely the proposal is to affect this group. 'Unknown' means there is not enough "
        "data yet, which by itself calls for a full assessment.",
        default=Relevance.UNKNOWN,
    )
    note: str | None = guided("Why", "What the relevance judgement rests on.")


class Screening(StrictModel):
    """Section 0: whether a full assessment is needed, and why."""

    entries: list[ScreeningEntry] = guided_list(
        "Relevance to each group", "One judgement per protected characteristic and local group."
    )
    commits_significant_resources: bool | None = guided(
        "Commits or removes significant resources",
        "Whether the proposal commits, removes or redirects significant money, staff or services.",
    )
    full_assessment_required: bool | None = guided(
        "Full assessment needed",
        "Yes if any group may be affected or the evidence is not good enough to say.",
    )
    reasons: str | None = guided(
        "Reasons for the screening decision",
        "Explain the decision; if no full assessment is done, say why that is safe.",
    )


class DecisionRoute(StrictModel):
    """Who takes the decision, and when."""

    decision_maker: str | None = guided(
        "Decision-maker", "The body or person who decides: Cabinet, a committee, a director."
    )
    meeting_date: date | None = guided("Meeting date", "Date of the meeting that decides.")
    key_decision: bool | None = guided(
        "Key decision", "Whether it is a key decision on the council's forward plan."
    )
    notes: str | None = guided(
        "Other steps", "Scrutiny, boards or partnership meetings the proposal goes through."
    )


class Purpose(StrictModel):
    """Section 3: description, aims and scope of the proposal."""

    summary: str | None = guided(
        "Plain-English description",
        "What the proposal is, in words a resident would understand, without jargon.",
    )
    what_is_changing: str | None = guided(
        "What is new or changing, and why",
        "Say what is different from today and the reason for the change.",
    )
    intended_outcomes: list[str] = guided_list(
        "Intended outcomes", "What the proposal should achieve; one outcome per line."
    )
    how_achieved: str | None = guided(
        "How the outcomes will be achieved", "The main means: services, funding, partnerships."
    )
    who_is_affected: str | None = guided(
        "Who is affected",
        "Service users, residents, staff and partners, with numbers where they are known.",
    )
    related_policies: list[str] = guided_list(
        "Related policies and duties",
        "Strategies, plans and statutory duties this proposal links to; one per line.",
    )
    decision_route: DecisionRoute = guided(
        "Decision route", "Who decides, and when.", default_factory=DecisionRoute
    )


class PreviousReview(StrictModel):
    """Section 4: what happened to the actions of an earlier assessment."""

    applicable: bool | None = guided(
        "Is there a previous assessment?",
        "Yes if this proposal replaces or refreshes something that had its own assessment.",
    )
    previous_reference: str | None = guided(
        "Previous assessment", "Its title or reference and date."
    )
    actions_planned: str | None = guided(
        "Actions planned last time", "What the previous assessment said would be done."
    )
    what_improved: str | None = guided(
        "What improved", "Outcomes for the groups concerned since the last assessment."
    )
    further_actions: str | None = guided(
        "Further actions needed", "What still needs to happen, carried into the action plan."
    )
