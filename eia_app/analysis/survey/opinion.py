"""Opinion (agree/disagree and other Likert-type) questions: scales and cross-tabulation."""

from collections.abc import Iterable, Sequence
from typing import Final

from eia_app.analysis.survey.text import key_of

# Each scale: ordered points (id, label, ways people write it), most positive first.
SCALES: Final[dict[str, tuple[tuple[str, str, tuple[str, ...]], ...]]] = {
    "agree": (
        ("strongly_agree", "Strongly agree", ("Strongly agree", "Agree strongly")),
        ("agree", "Agree", ("Agree", "Tend to agree", "Somewhat agree", "Slightly agree")),
        (
            "neither",
            "Neither agree nor disagree",
            ("Neither agree nor disagree", "Neither agree or disagree", "Neutral", "Neither"),
        ),
        (
            "disagree",
            "Disagree",
            ("Disagree", "Tend to disagree", "Somewhat disagree", "Slightly disagree"),
        ),
        ("strongly_disagree", "Strongly disagree", ("Strongly disagree", "Disagree strongly")),
    ),
    "support": (
        ("strongly_support", "Strongly support", ("Strongly support",)),
        ("support", "Support", ("Support", "Tend to support", "Somewhat support")),
        (
            "neither",
            "Neither support nor oppose",
            ("Neither support nor oppose", "Neither support or oppose", "Neutral"),
        ),
        ("oppose", "Oppose", ("Oppose", "Tend to oppose", "Somewhat oppose")),
        ("strongly_oppose", "Strongly oppose", ("Strongly oppose",)),
    ),
    "satisfied": (
        ("very_satisfied", "Very satisfied", ("Very satisfied",)),
        ("satisfied", "Satisfied", ("Satisfied", "Fairly satisfied", "Quite satisfied")),
        (
            "neither",
            "Neither satisfied nor dissatisfied",
            ("Neither satisfied nor dissatisfied", "Neither satisfied or dissatisfied", "Neutral"),
        ),
        ("dissatisfied", "Dissatisfied", ("Dissatisfied", "Fairly dissatisfied")),
        ("very_dissatisfied", "Very dissatisfied", ("Very dissatisfied",)),
    ),
    "yes_no": (("yes", "Yes", ("Yes",)), ("no", "No", ("No",))),
}
DONT_KNOW_POINT: Final = (
    "dont_know",
    "Don't know",
    ("Don't know", "Do not know", "Not sure", "No opinion", "Unsure"),
)
# Scales whose answers are evidence of an opinion question on their own.
DISTINCTIVE_SCALES: Final = ("agree", "support", "satisfied")

_POINTS: Final = {
    name: {
        key_of(variant): label
        for _, label, variants in (*points, DONT_KNOW_POINT)
        for variant in variants
    }
    for name, points in SCALES.items()
}


def scale_share(
    answers: Sequence[tuple[str, int]], scales: Sequence[str] = DISTINCTIVE_SCALES
) -> float:
    """Share of answers that sit on the best-fitting of the given scales.

    Args:
        answers: (non-blank answer, count) pairs.
        scales: Names of scales to try.

    Returns:
        A share from 0 to 1 (0 when nobody answered).
    """
    total = sum(count for _, count in answers)
    if total == 0:
        return 0.0
    keyed_counts = [(key_of(answer), count) for answer, count in answers]
    best = max(sum(count for key, count in keyed_counts if key in _POINTS[name]) for name in scales)
    return best / total


def best_scale(answers: Iterable[str]) -> str:
    """Name of the scale that recognises most of the distinct answers."""
    keys = [key_of(answer) for answer in answers]
    return max(SCALES, key=lambda name: sum(key in _POINTS[name] for key in keys))


def scale_labels(scale: str, with_dont_know: bool) -> list[str]:
    """Ordered labels of a scale's points, optionally with "Don't know" last."""
    labels = [label for _, label, _ in SCALES[scale]]
    return [*labels, DONT_KNOW_POINT[1]] if with_dont_know else labels


def opinion_label(answer: str, scale: str) -> str | None:
    """Canonical label of an answer on a scale, or None if it is not on it."""
    return _POINTS[scale].get(key_of(answer))
