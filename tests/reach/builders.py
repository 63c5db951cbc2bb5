"""Builders shared by the reach tests."""

from eia_app.analysis.category_counts import CategoryTally, CharacteristicTally


def make_tally(characteristic, counts, *, detail=None, respondents=None, **extra):
    """Build a tally from {id: count} (and {id: (parent, count)} for detail)."""
    categories = tuple(CategoryTally(cid, cid.title(), n) for cid, n in counts.items())
    details = tuple(
        CategoryTally(cid, cid.title(), n, parent) for cid, (parent, n) in (detail or {}).items()
    )
    answered = sum(counts.values())
    others = extra.get("prefer_not_to_say", 0) + extra.get("not_answered", 0)
    others += sum(extra.get("unrecognised", {}).values())
    return CharacteristicTally(
        characteristic=characteristic,
        question=f"What is your {characteristic}?",
        respondents=respondents if respondents is not None else answered + others,
        categories=categories,
        detail=details,
        **extra,
    )
