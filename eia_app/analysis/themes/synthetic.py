"""Seeded, made-up consultation comments with known themes, for tests, examples and benchmarks.

Each comment is put together from a theme's own sentences (several wordings of the
same concern) and neutral openers and closers, so that two comments on one theme
rarely share their words exactly, as real answers do not. The theme of every
comment is known, so a test can check that the engine finds it. Nothing here is a
real person's words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

# Each known theme: the words a good label would contain, then the concern in many wordings.
THEME_WORDS: dict[str, tuple[str, ...]] = {
    "transport": ("transport", "bus", "taxi", "travel", "journey", "school run"),
    "ehcp_delays": ("ehcp", "ehc", "plan", "assessment", "wait", "delay", "review", "weeks"),
    "mainstream": ("mainstream", "inclusion", "teacher", "classroom", "staff", "training", "ta"),
    "translation": ("translat", "interpret", "language", "english", "urdu", "punjabi", "gujarati"),
    "respite": ("respite", "break", "short breaks", "carer", "exhausted", "rest"),
}
_SENTENCES: dict[str, tuple[str, ...]] = {
    "transport": (
        "The school transport for my son keeps changing and the taxi is often late.",
        "Home to school transport is a nightmare, the bus takes over an hour each way.",
        "Cutting the transport budget would mean my daughter cannot get to her special school.",
        "We live in a village and there is no bus to the specialist provision.",
        "Travel to the nearest specialist school is forty minutes and nobody helps with it.",
        "The taxi driver changes every term and my child gets very anxious on the journey.",
        "Please do not take away the free transport, we have no car.",
        "Long journeys to out of county placements mean hours in a taxi every day.",
        "Independent travel training is a good idea but it must be safe.",
        "The school run to a specialist setting costs us a fortune in petrol.",
        "Transport assessments should look at the child, not just the distance.",
    ),
    "ehcp_delays": (
        "We waited over a year for the EHCP and my son fell further behind.",
        "The EHC needs assessment took far longer than the legal twenty weeks.",
        "Annual reviews of the plan are late and the plan is out of date.",
        "Delays in issuing the EHCP meant my daughter had no support for two terms.",
        "The waiting list for an education health and care plan is far too long.",
        "Nobody answers the phone at the SEN team and the assessment keeps getting delayed.",
        "Our EHCP review has been postponed three times.",
        "We had to go to tribunal because the plan was not issued on time.",
        "Twenty weeks is the deadline for a plan but nobody seems to meet it.",
        "The draft plan arrived months late and was full of mistakes.",
        "Assessment delays are the biggest problem for families waiting for help.",
    ),
    "mainstream": (
        "Mainstream schools do not have enough trained staff to support autistic children.",
        "Inclusion in mainstream only works if teachers get proper training.",
        "My child was in a class of thirty with no teaching assistant and could not cope.",
        "The mainstream school keeps sending him home early because they cannot manage.",
        "Teachers want to be inclusive but they need more support in the classroom.",
        "Mainstream is not right for every child, some need a specialist setting.",
        "There should be more resourced bases attached to mainstream schools.",
        "Our school has lost its SENCO time and the TA was cut.",
        "Inclusion means more than a place in a mainstream classroom.",
        "Staff training on ADHD and autism in mainstream schools is badly needed.",
        "Exclusions from mainstream schools show that inclusion support is not there.",
    ),
    "translation": (
        "Letters about the plan should be translated into Urdu and Punjabi.",
        "My mother does not read English, so she needs an interpreter at meetings.",
        "Please provide information in community languages, not only in English.",
        "We needed an interpreter at the review but none was booked.",
        "Translated leaflets in Gujarati would help many families in our area.",
        "The documents are too complicated for parents whose first language is not English.",
        "Interpreters should be offered for every meeting about a child's support.",
        "Families who speak little English are left out of the consultation.",
        "Information in other languages and easy read versions would help us a lot.",
        "Nobody explained the plan to us in our own language.",
        "Please translate the strategy into Polish and Romanian as well.",
    ),
    "respite": (
        "We have had no respite for two years and I am exhausted.",
        "Short breaks for disabled children have been cut and carers are at breaking point.",
        "Respite care is a lifeline and the strategy barely mentions it.",
        "As a carer I need a break, even one weekend a month would help.",
        "The short breaks service has a waiting list of over a year.",
        "Overnight respite closed and there is nothing to replace it.",
        "Parents are burning out without any respite support.",
        "Holiday clubs for children with additional needs are full or too expensive.",
        "I have not had a night of rest since my son was born.",
        "More short breaks would let us look after our other children too.",
        "Respite should be part of every plan, not an extra.",
    ),
}
_MISC = (
    "I agree with most of the strategy.",
    "The consultation document was too long.",
    "Good luck with it.",
    "No further comments.",
    "Where is the money coming from?",
    "The council should listen to parents more.",
    "Thank you for asking.",
    "Not sure this will change anything.",
)
_OPENERS = ("", "", "", "Honestly, ", "As a parent, ", "In my experience, ", "Please note: ")
_CLOSERS = (
    "",
    "",
    "",
    " Something has to change.",
    " This needs sorting out.",
    " Thank you for listening.",
    " It is very stressful for the whole family.",
)
THEMES = tuple(_SENTENCES)
MISC = "misc"


@dataclass(frozen=True)
class SyntheticComment:
    """One made-up comment, with the theme it was written on and its writer's group.

    Attributes:
        text: The comment.
        theme: A key of ``THEME_WORDS``, or ``misc`` for a comment on no theme.
        group: The writer's group (for a known bias), or an empty string.
    """

    text: str
    theme: str
    group: str


def _compose(rng: np.random.Generator, theme: str) -> str:
    """One comment on a theme: one or two of its sentences, with an opener and a closer."""
    if theme == MISC:
        return str(rng.choice(_MISC))
    sentences = _SENTENCES[theme]
    picked = rng.choice(len(sentences), size=int(rng.integers(1, 3)), replace=False)
    body = " ".join(sentences[i] for i in picked)
    opener = str(rng.choice(_OPENERS))
    if opener:
        body = opener + body[0].lower() + body[1:]
    return body + str(rng.choice(_CLOSERS))


def theme_weights(group: str, bias: Mapping[str, Mapping[str, float]]) -> np.ndarray:
    """Relative chance of each theme (then ``misc``) for a writer of one group.

    Args:
        group: The writer's group.
        bias: Group -> theme -> multiplier of that theme's weight.

    Returns:
        Probabilities in the order of ``THEMES`` then ``misc``.
    """
    weights = np.array([1.0] * len(THEMES) + [0.4])
    for theme, factor in bias.get(group, {}).items():
        weights[THEMES.index(theme)] *= factor
    return np.asarray(weights / weights.sum(), dtype=np.float64)


def make_comments(
    seed: int,
    groups: Sequence[str],
    bias: Mapping[str, Mapping[str, float]] | None = None,
) -> list[SyntheticComment]:
    """Write one comment per writer, each on a theme drawn for the writer's group.

    Args:
        seed: Seed of the random generator: the same seed gives the same comments.
        groups: The group of each writer (for example their ethnic group).
        bias: Group -> theme -> how many times more often that group writes on it.

    Returns:
        One comment per writer, in order.
    """
    rng = np.random.default_rng(seed)
    options = (*THEMES, MISC)
    weights = {group: theme_weights(group, bias or {}) for group in set(groups)}
    out = []
    for group in groups:
        theme = str(options[rng.choice(len(options), p=weights[group])])
        out.append(SyntheticComment(_compose(rng, theme), theme, group))
    return out
