"""Impact on each group, the PSED aims, human rights, and combined effects."""

from enum import StrEnum

from eia_app.domain.characteristics import PsedAim
from eia_app.domain.fields import StrictModel, guided, guided_list


class ImpactRating(StrEnum):
    """The assessed direction of impact on a group, and how sure the assessment is of it.

    Each rating carries its label and its guidance here, once: the form, the Word
    report and the summary all read them from the enum.
    """

    POSITIVE = "positive"
    POSITIVE_WITH_RISK = "positive_with_risk"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"
    UNKNOWN = "unknown"
    NOT_RELEVANT = "not_relevant"

    @property
    def label(self) -> str:
        """The rating as a reader sees it, for example "Unknown (no evidence yet)"."""
        return _RATING_LABELS[self]

    @property
    def short_label(self) -> str:
        """The label without its bracketed note, for use inside brackets: "Unknown"."""
        return self.label.split(" (", 1)[0]

    @property
    def guidance(self) -> str:
        """When to choose the rating and what it then asks for."""
        return _RATING_GUIDANCE[self]

    @property
    def phrase(self) -> str:
        """The rating inside a sentence, before "on <group>": "negative impact"."""
        return _RATING_PHRASES[self]

    @property
    def needs_answer(self) -> bool:
        """Whether the rating leaves a possible harm open, so it asks for evidence and an answer.

        A negative rating needs a mitigation or a justification; a positive rating
        with a risk of negative needs a mitigation or an action that watches the risk;
        an unknown rating needs evidence or an action that will find it.
        """
        return self in _OPEN_RATINGS


_RATING_LABELS: dict[ImpactRating, str] = {
    ImpactRating.POSITIVE: "Positive",
    ImpactRating.POSITIVE_WITH_RISK: "Positive with a risk of negative",
    ImpactRating.NEUTRAL: "Neutral",
    ImpactRating.NEGATIVE: "Negative",
    ImpactRating.UNKNOWN: "Unknown (no evidence yet)",
    ImpactRating.NOT_RELEVANT: "Not relevant",
}

_RATING_GUIDANCE: dict[ImpactRating, str] = {
    ImpactRating.POSITIVE: "The evidence shows the group is likely to be better off.",
    ImpactRating.POSITIVE_WITH_RISK: (
        "Better off overall, but some people in the group could lose out (for example if a "
        "change is carried out badly): say how the risk is reduced or which action watches it."
    ),
    ImpactRating.NEUTRAL: "The evidence shows no material difference for the group.",
    ImpactRating.NEGATIVE: (
        "The group is likely to be worse off: give the evidence and the mitigation, or justify "
        "going ahead."
    ),
    ImpactRating.UNKNOWN: (
        "There is no evidence yet to judge: cite the evidence gap or add an action, linked to "
        "this group, that will find the evidence."
    ),
    ImpactRating.NOT_RELEVANT: "The proposal cannot affect the group: say why.",
}

_RATING_PHRASES: dict[ImpactRating, str] = {
    ImpactRating.POSITIVE: "positive impact",
    ImpactRating.POSITIVE_WITH_RISK: "positive impact with a risk of negative impact",
    ImpactRating.NEUTRAL: "neutral impact",
    ImpactRating.NEGATIVE: "negative impact",
    ImpactRating.UNKNOWN: "unknown impact",
    ImpactRating.NOT_RELEVANT: "no relevant impact",
}

_OPEN_RATINGS = frozenset(
    {ImpactRating.NEGATIVE, ImpactRating.POSITIVE_WITH_RISK, ImpactRating.UNKNOWN}
)


class GroupImpact(StrictModel):
    """The assessed impact on one protected characteristic or local group."""

    group_id: str = guided(
        "Group", "Registry id of the characteristic or local group.", default=...
    )
    rating: ImpactRating | None = guided(
        "Impact",
        "Positive; positive with a risk of negative (say how the risk is watched); neutral; "
        "negative; unknown, when there is no evidence yet (say what will find it); or not "
        "relevant.",
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
