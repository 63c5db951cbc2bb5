"""Loading a registry folder: broken files give one clear line naming the file and field."""

from pathlib import Path

import pytest

from eia_app.domain.errors import EIAError
from eia_app.reference.registry import RegistryError, load_registry


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _error_for(folder: Path) -> str:
    with pytest.raises(RegistryError) as caught:
        load_registry(folder)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_registry_error_is_an_eia_error() -> None:
    assert issubclass(RegistryError, EIAError)


def test_unparseable_yaml_names_the_file_and_the_line(registry_copy: Path) -> None:
    (registry_copy / "sex.yaml").write_text("id: sex\nlabel: [Sex\n", encoding="utf-8")
    message = _error_for(registry_copy)
    assert message.startswith("sex.yaml: not valid YAML")
    assert "line 3" in message


def test_a_file_that_is_not_a_mapping_is_refused(registry_copy: Path) -> None:
    (registry_copy / "sex.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    assert _error_for(registry_copy).startswith("sex.yaml: the file must be a mapping")


def test_a_missing_required_field_is_named(registry_copy: Path) -> None:
    _replace(registry_copy / "disability.yaml", "label: Disability\n", "")
    message = _error_for(registry_copy)
    assert message.startswith("disability.yaml:")
    assert "field 'label'" in message


def test_an_unknown_field_is_named(registry_copy: Path) -> None:
    _replace(registry_copy / "carers.yaml", "label: Carers\n", "label: Carers\ncolour: red\n")
    message = _error_for(registry_copy)
    assert "carers.yaml" in message
    assert "field 'colour'" in message


def test_a_bad_psed_aim_is_named_with_its_position(registry_copy: Path) -> None:
    _replace(registry_copy / "sex.yaml", "  - advance_equality\n", "  - advance_equity\n")
    message = _error_for(registry_copy)
    assert message.startswith("sex.yaml:")
    assert "field 'psed_aims[1]'" in message


def test_an_id_that_differs_from_the_file_name_is_refused(registry_copy: Path) -> None:
    _replace(registry_copy / "sex.yaml", "id: sex\n", "id: gender\n")
    message = _error_for(registry_copy)
    assert message.startswith("sex.yaml: field 'id'")
    assert "'gender'" in message


def test_a_missing_protected_characteristic_is_reported(registry_copy: Path) -> None:
    (registry_copy / "religion_belief.yaml").unlink()
    message = _error_for(registry_copy)
    assert "religion_belief" in message
    assert "religion_belief.yaml" in message


def test_a_protected_characteristic_cannot_be_declared_local(registry_copy: Path) -> None:
    _replace(registry_copy / "age.yaml", "kind: protected", "kind: local")
    message = _error_for(registry_copy)
    assert message.startswith("age.yaml: field 'kind'")


def test_a_local_group_cannot_claim_to_be_protected(registry_copy: Path) -> None:
    _replace(registry_copy / "carers.yaml", "kind: local", "kind: protected")
    assert _error_for(registry_copy).startswith("carers.yaml: field 'kind'")


def test_marriage_cannot_be_given_the_second_psed_aim(registry_copy: Path) -> None:
    _replace(
        registry_copy / "marriage_civil_partnership.yaml",
        "  - eliminate_discrimination\n",
        "  - eliminate_discrimination\n  - advance_equality\n",
    )
    message = _error_for(registry_copy)
    assert message.startswith("marriage_civil_partnership.yaml: field 'psed_aims'")


def test_a_detail_category_must_point_at_an_existing_parent(registry_copy: Path) -> None:
    _replace(registry_copy / "race.yaml", "    parent: black\n", "    parent: blak\n")
    message = _error_for(registry_copy)
    assert message.startswith("race.yaml: field 'detail_categories[14].parent'")


def test_a_repeated_category_id_is_refused(registry_copy: Path) -> None:
    _replace(registry_copy / "sex.yaml", "  - id: male\n", "  - id: female\n")
    assert "'female' is used more than once" in _error_for(registry_copy)


def test_a_missing_folder_is_reported(tmp_path: Path) -> None:
    message = _error_for(tmp_path / "nowhere")
    assert "does not exist" in message


def test_a_council_can_add_a_local_group_with_a_new_file(registry_copy: Path) -> None:
    (registry_copy / "asylum_seekers_refugees.yaml").write_text(
        "id: asylum_seekers_refugees\n"
        "label: Asylum seekers and refugees\n"
        "kind: local\n"
        "definition: People seeking asylum and people granted refugee status.\n",
        encoding="utf-8",
    )
    registry = load_registry(registry_copy)
    assert registry.local[-1].id == "asylum_seekers_refugees"
    assert registry.get("asylum_seekers_refugees").categories == []


def test_order_places_a_new_local_group_among_the_others(registry_copy: Path) -> None:
    (registry_copy / "young_carers.yaml").write_text(
        "id: young_carers\nlabel: Young carers\nkind: local\norder: 1\n"
        "definition: Children and young people who care for someone.\n",
        encoding="utf-8",
    )
    ids = [g.id for g in load_registry(registry_copy).local]
    assert ids[:2] == ["carers", "young_carers"]


def test_order_must_be_a_whole_number(registry_copy: Path) -> None:
    _replace(registry_copy / "carers.yaml", "order: 1", "order: first")
    assert _error_for(registry_copy).startswith("carers.yaml: field 'order'")


def test_a_group_file_gives_its_label_and_kind(project_root: Path) -> None:
    registry = load_registry(project_root / "protected_characteristics")
    group = next(g for g in registry.groups if g.id == "sex")
    assert group.label == "Sex"
    assert group.is_protected


def test_sub_folders_and_other_files_are_ignored(registry_copy: Path) -> None:
    extra = registry_copy / "baselines"
    extra.mkdir(exist_ok=True)
    (extra / "not_a_group.yaml").write_text("rows: 1\n", encoding="utf-8")
    (registry_copy / "notes.txt").write_text("id: nothing\n", encoding="utf-8")
    assert len(load_registry(registry_copy).groups) == 14
