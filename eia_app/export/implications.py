"""The reach sentence of the "Equality implications" paragraph of a committee report.

It names the groups the consultation under-reached: never the complement of a
protected group, never a gap below the threshold, at most five groups with their
numbers and the population each is compared with, then how many more the
appendix lists.
"""

from eia_app.domain.reach import ReachResult, RepresentationFlag
from eia_app.domain.reach_findings import MAX_NAMED, findings, named_list
from eia_app.export.text import clean


def reach_sentence(reach: ReachResult | None, *, limit: int = MAX_NAMED) -> str:
    """Say how many responded and which groups were under-represented among them.

    Args:
        reach: Respondent-reach results, if any.
        limit: Most groups to name.

    Returns:
        One or two sentences, or "" without a reach result.
    """
    if not reach:
        return ""
    under = findings(reach.characteristics.values(), RepresentationFlag.UNDER)
    text = f"The consultation received {reach.respondents:,} responses"
    if not under:
        return text + "; no group was materially under-represented among respondents."
    names = [clean(f.words()) for f in under[:limit]]
    listed = named_list(names, len(under) - len(names), "in the appendix")
    return text + f". These groups were under-represented among respondents: {listed}."
