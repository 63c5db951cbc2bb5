"""The parts of reach compared apart: the children against the cohort, parents and professionals.

Each sentence names the population it is compared with (the cohort for questions
about the child, the area for the respondents' own), in the plain wording of
:mod:`eia_app.domain.reach_findings`, with no test statistic.
"""

from typing import Any

from eia_app.domain.reach import ReachResult, RepresentationFlag
from eia_app.domain.reach_findings import findings, findings_sentence
from eia_app.export.text import clean


def _findings_words(characteristics: Any, where: str) -> str:
    found = findings(characteristics)
    said = [findings_sentence(found, flag, where=where) for flag in RepresentationFlag]
    return " ".join(s for s in said if s)


def apart_lines(reach: ReachResult) -> list[str]:
    """Sentences for the body: the children against the cohort, then each respondent group.

    Args:
        reach: The reach result.

    Returns:
        Paragraphs; empty when there is no cohort and no respondent-type question.
    """
    lines = []
    if reach.cohort is not None and reach.cohort.characteristics:
        label = reach.cohort.baseline.label
        asked = ", ".join(b.question for b in reach.cohort.characteristics.values())
        said = _findings_words(reach.cohort.characteristics.values(), "in Appendix A")
        lines.append(
            f"Questions about the child ({asked}) were compared with {label}, and the "
            f"respondents' own answers with {reach.baseline.label}. "
            + (said or "No group of children was materially under- or over-represented.")
        )
    groups = reach.respondent_groups
    if groups is not None and groups.note:
        lines.append(groups.note)
    for name, part in (groups.groups if groups else {}).items():
        said = _findings_words(part.characteristics.values(), "not named here")
        lines.append(
            f"{name} ({part.respondents:,} respondents), compared on their own: "
            + (said or "no group was materially under- or over-represented.")
        )
    return [clean(line) for line in lines]


def cohort_characteristics(reach: ReachResult) -> list[tuple[str, Any]]:
    """The cohort's characteristics, for the appendix, each labelled as about the child.

    Args:
        reach: The reach result.

    Returns:
        (id, characteristic relabelled "Age of the children answered about") pairs.
    """
    if reach.cohort is None:
        return []
    return [
        (f"cohort_{cid}", block.model_copy(update={"label": f"{block.label} of the children"}))
        for cid, block in reach.cohort.characteristics.items()
    ]
