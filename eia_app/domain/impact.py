"""Impact on each group, the PSED aims, human rights, and combined effects."""

from enum import StrEnum

from eia_app.domain.characteristics import PsedAim
from eia_app.domain.fields import StrictModel, guided, guided_list


class ImpactRating(StrEnum):
    """The assessed direction of impact on a group."""

    POSITIVE = "positive"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"
    UNKNOWN = "unknown"
    NOT_RELEVANT = "not_relevant"


class GroupImpact(StrictModel):
    """The assessed impact on one protected characteristic or local group."""

    group_id: str = guided(
        "Group", "Registry id of the characteristic or local group.", default=...
    )
    rating: ImpactRating | None = guided(
        "Impact",
        "Positive, neutral, negative, unknown (say what would settle it) or not relevant.",
    )
    reasoning: str | None = guided(
        "What the impact is and why",
        "Describe who in this group is affected, how, and how many, citing the evidence.",
    )
    evidence_refs: list[str] = guided_list(
        "Evidence used", "References of the evidence items this judgement rests on."
    )
    mitigation: str | None = guided(
        "Mitigation", "What will be done to remove or reduce a negative impact."
    )
    residual_justification: str | None = guided(
        "Justification of any remaining adverse impact",
        "If a negative impact remains after mitigation, why it is proportionate and lawful.",
    )


class PsedAimAssessment(StrictModel):
    """How the proposal bears on one aim of the Public Sector Equality Duty."""

    aim: PsedAim = guided("Aim", "Which of the three aims this answer addresses.", default=...)
    analysis: str | None = guided(
        "How the proposal helps or hinders this aim",
        "Consider removing disadvantage, meeting different needs, encouraging participation, "
        "tackling prejudice and promoting understanding, as the aim requires.",
    )


class RightType(StrEnum):
    """How far a Convention right may be limited."""

    ABSOLUTE = "absolute"
    LIMITED = "limited"
    QUALIFIED = "qualified"


class HumanRightsArticle(StrictModel):
    """One right under the Human Rights Act 1998 considered for the proposal."""

    article: str = guided(
        "Article",
        "The article and right, for example 'Protocol 1, Article 2: education'.",
        default=...,
    )
    right_type: RightType = guided(
        "Kind of right",
        "Absolute, limited or qualified; only qualified rights may be balanced.",
        default=...,
    )
    engaged: bool = guided("Engaged", "Whether the proposal engages this right.", default=False)
    analysis: str | None = guided("Analysis", "How the proposal affects the right.")
    proportionality: str | None = guided(
        "Lawful, necessary and proportionate",
        "For a qualified right that is interfered with: the legal basis, the aim and why the "
        "interference is proportionate.",
    )


class HumanRights(StrictModel):
    """Section 11: human rights."""

    articles: list[HumanRightsArticle] = guided_list(
        "Articles considered", "Each Convention right considered, engaged or not."
    )
    conclusion: str | None = guided("Conclusion", "Overall finding on human rights.")


class Combined(StrictModel):
    """Section 9: intersectional and cumulative impact."""

    intersectional: str | None = guided(
        "Intersectional impact",
        "Effects on people who share more than one characteristic, for example disabled girls "
        "or young carers from minority ethnic groups.",
    )
    cumulative: str | None = guided(
        "Cumulative impact", "Effects combined with other council changes on the same groups."
    )
