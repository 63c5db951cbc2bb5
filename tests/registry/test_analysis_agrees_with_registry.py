"""The survey engine's own category tables must match the registry they copy.

The analysis layer cannot read the registry (it sits beside it), so it keeps the
canonical ids in code; this test stops the two from drifting apart.
"""

from eia_app.analysis.survey.categories import CATEGORY_LABELS
from eia_app.analysis.survey.vocab_race import RACE_DETAIL_PARENT
from eia_app.services.reference import get_registry


def test_every_counted_category_is_the_registrys_in_the_same_order():
    registry = get_registry()
    known = {group.id for group in registry.groups}
    compared = [c for c in CATEGORY_LABELS if c in known]
    # Respondent type is the survey's own question, not a registry group.
    assert set(CATEGORY_LABELS) - known == {"respondent_type"}
    assert len(compared) >= 10
    for characteristic in compared:
        labels = CATEGORY_LABELS[characteristic]
        registered = [c.id for c in registry.get(characteristic).categories]
        assert list(labels) == registered, characteristic


def test_race_detail_categories_and_their_groups_match_the_registry():
    race = get_registry().get("race")
    assert {c.id: c.parent for c in race.detail_categories} == RACE_DETAIL_PARENT
