"""The registry shipped with the toolkit: complete, with the agreed category ids."""

import pytest

from eia_app.domain.characteristics import (
    CharacteristicId,
    GroupKind,
    PsedAim,
)
from eia_app.domain.registry import Registry

# The local groups the toolkit ships with, in their display order; councils add more.
SHIPPED_LOCAL_GROUPS = (
    "carers",
    "armed_forces",
    "rural_communities",
    "socio_economic_disadvantage",
    "care_experienced",
)

EXPECTED_CATEGORIES: dict[str, list[str]] = {
    "age": [],
    "sex": ["female", "male"],
    "gender_reassignment": ["same_as_birth_sex", "different_from_birth_sex"],
    "sexual_orientation": [
        "heterosexual",
        "gay_or_lesbian",
        "bisexual",
        "other_sexual_orientation",
    ],
    "disability": ["disabled", "not_disabled"],
    "religion_belief": [
        "no_religion",
        "christian",
        "buddhist",
        "hindu",
        "jewish",
        "muslim",
        "sikh",
        "other_religion",
    ],
    "race": ["white", "mixed", "asian", "black", "other_ethnic_group"],
    "marriage_civil_partnership": [
        "never_married_or_civil_partnered",
        "married_or_civil_partnership",
        "separated",
        "divorced_or_dissolved",
        "widowed_or_surviving_partner",
    ],
    "pregnancy_maternity": ["pregnant_or_recent_birth", "not_pregnant_or_recent_birth"],
    "carers": ["carer", "not_carer"],
    "armed_forces": ["armed_forces_community", "not_armed_forces_community"],
    "rural_communities": [],
    "socio_economic_disadvantage": [],
    "care_experienced": [],
}

EXPECTED_RACE_DETAIL: dict[str, str] = {
    "white_british": "white",
    "white_irish": "white",
    "white_gypsy_or_irish_traveller": "white",
    "white_roma": "white",
    "white_other": "white",
    "mixed_white_black_caribbean": "mixed",
    "mixed_white_black_african": "mixed",
    "mixed_white_asian": "mixed",
    "mixed_other": "mixed",
    "asian_indian": "asian",
    "asian_pakistani": "asian",
    "asian_bangladeshi": "asian",
    "asian_chinese": "asian",
    "asian_other": "asian",
    "black_caribbean": "black",
    "black_african": "black",
    "black_other": "black",
    "other_arab": "other_ethnic_group",
    "other_any": "other_ethnic_group",
}


def test_protected_ids_are_exactly_the_nine_characteristics(registry: Registry) -> None:
    assert {g.id for g in registry.protected} == {c.value for c in CharacteristicId}


def test_local_groups_are_the_default_ones_in_default_order(registry: Registry) -> None:
    assert tuple(g.id for g in registry.local) == SHIPPED_LOCAL_GROUPS
    assert all(g.kind is GroupKind.LOCAL for g in registry.local)


def test_groups_are_listed_protected_first_in_characteristic_order(registry: Registry) -> None:
    ids = [g.id for g in registry.groups]
    assert ids == [c.value for c in CharacteristicId] + list(SHIPPED_LOCAL_GROUPS)


@pytest.mark.parametrize(("group_id", "expected"), EXPECTED_CATEGORIES.items())
def test_category_ids_are_the_agreed_ones(
    registry: Registry, group_id: str, expected: list[str]
) -> None:
    assert [c.id for c in registry.get(group_id).categories] == expected


def test_only_race_has_detailed_categories(registry: Registry) -> None:
    with_detail = {g.id for g in registry.groups if g.detail_categories}
    assert with_detail == {"race"}


def test_race_has_the_19_census_categories_each_under_a_broad_group(registry: Registry) -> None:
    race = registry.get("race")
    broad = {c.id for c in race.categories}
    detail = {c.id: c.parent for c in race.detail_categories}
    assert len(race.detail_categories) == 19
    assert detail == EXPECTED_RACE_DETAIL
    assert set(detail.values()) == broad


def test_marriage_and_civil_partnership_has_only_the_first_psed_aim(registry: Registry) -> None:
    assert registry.get("marriage_civil_partnership").psed_aims == [
        PsedAim.ELIMINATE_DISCRIMINATION
    ]


def test_every_other_group_has_all_three_psed_aims(registry: Registry) -> None:
    others = [g for g in registry.groups if g.id != "marriage_civil_partnership"]
    assert all(set(g.psed_aims) == set(PsedAim) for g in others)


def test_every_group_has_a_definition_and_four_to_six_prompts(registry: Registry) -> None:
    for group in registry.groups:
        assert len(group.definition) > 40, group.id
        assert 4 <= len(group.prompts) <= 6, group.id


def test_category_labels_are_unique_within_each_group(registry: Registry) -> None:
    for group in registry.groups:
        labels = [c.label for c in group.categories + group.detail_categories]
        assert len(labels) == len(set(labels)), group.id
