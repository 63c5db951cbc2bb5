"""Serialise a suppressed reach result into the ``characteristics`` entry of ``eia.reach/1``."""

from __future__ import annotations

from typing import Any

from eia_app.analysis.representation import CategoryResult, CharacteristicResult, GoodnessOfFit

SHARE_PLACES = 6
OTHER_PLACES = 4
_SHARES = ("share", "ci_low", "ci_high", "baseline_share")
_OTHERS = ("ratio", "gap_pp", "expected", "adjusted_residual")


def _round(value: float | None, places: int) -> float | None:
    return None if value is None else round(float(value), places)


def category_dict(category: CategoryResult) -> dict[str, Any]:
    """One entry of ``categories`` or ``detail``.

    Args:
        category: A (suppressed) category result.

    Returns:
        The documented fields; shares rounded to 6 places, other figures to 4.
    """
    entry: dict[str, Any] = {"id": category.id, "label": category.label, "count": category.count}
    entry.update({name: _round(getattr(category, name), SHARE_PLACES) for name in _SHARES})
    entry.update({name: _round(getattr(category, name), OTHER_PLACES) for name in _OTHERS})
    entry["needed_for_parity"] = category.needed_for_parity
    entry["flag"] = category.flag
    entry["suppressed"] = category.suppressed
    if category.parent is not None:
        entry["parent"] = category.parent
    return entry


def test_dict(test: GoodnessOfFit | None) -> dict[str, Any]:
    """The ``test`` entry: chi-square goodness of fit, all None when not run.

    Args:
        test: The test, or None.

    Returns:
        chi2, df, p_value, cohens_w, rose_index and a caveat note.
    """
    if test is None:
        return dict.fromkeys(("chi2", "df", "p_value", "cohens_w", "rose_index", "note"))
    return {
        "chi2": _round(test.chi2, OTHER_PLACES),
        "df": test.df,
        "p_value": float(f"{test.p_value:.6g}"),
        "cohens_w": _round(test.cohens_w, OTHER_PLACES),
        "rose_index": _round(test.rose_index, OTHER_PLACES),
        "note": test.note,
    }


def result_dict(result: CharacteristicResult) -> dict[str, Any]:
    """The ``characteristics.<id>`` entry (without ``label``).

    Args:
        result: A suppressed characteristic result.

    Returns:
        question, universe, answered, prefer_not_to_say, not_answered,
        unrecognised, categories, detail, test, notes.
    """
    return {
        "question": result.question,
        "universe": result.universe,
        "answered": result.answered,
        "prefer_not_to_say": result.prefer_not_to_say,
        "not_answered": result.not_answered,
        "unrecognised": dict(result.unrecognised),
        "categories": [category_dict(c) for c in result.categories],
        "detail": [category_dict(c) for c in result.detail],
        "test": test_dict(result.test),
        "notes": list(result.notes),
    }
