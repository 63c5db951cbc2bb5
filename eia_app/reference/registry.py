"""Loading the registry of protected characteristics and local groups from YAML files.

Each group lives in its own file in the ``protected_characteristics`` folder, named after
its id (``race.yaml``). The loader validates every file into a
:class:`~eia_app.domain.registry.GroupDefinition` and refuses a registry that lacks any of
the nine protected characteristics, so a broken edit is caught when the app starts.
"""

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from eia_app.domain.characteristics import CharacteristicId, GroupKind, PsedAim
from eia_app.domain.errors import EIAError
from eia_app.domain.issues import describe_file_issues, issues_from_validation_error
from eia_app.domain.registry import GroupDefinition, Registry
from eia_app.settings import REGISTRY_DIR_VARIABLE

ORDER_KEY = "order"
"""Optional key in a local group's file that sets its position among local groups."""

_SUFFIXES = (".yaml", ".yml")
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_UNORDERED = 10_000


class RegistryError(EIAError):
    """The registry folder, or one of its files, cannot be used; the message says which."""


def load_registry(folder: Path) -> Registry:
    """Read and validate every group file in a folder.

    Args:
        folder: Folder of YAML files (the ``registry_dir`` setting).

    Returns:
        The registry: the protected characteristics in ``CharacteristicId`` order, then the
        local groups by their optional ``order`` and then by id.

    Raises:
        RegistryError: If the folder is missing, a file is invalid, or a protected
            characteristic has no file. The one-line message names the file and field.
    """
    root = folder
    loaded = [_load_group_file(path) for path in _group_files(root)]
    groups = [group for group, _ in loaded]
    _check_unique_ids(groups, root)
    _check_all_protected_present(groups, root)
    return Registry(groups=_in_display_order(loaded))


def _group_files(root: Path) -> list[Path]:
    if not root.is_dir():
        raise RegistryError(
            f"The characteristics registry folder '{root}' does not exist: create it or set "
            f"{REGISTRY_DIR_VARIABLE} to a folder of group files."
        )
    return sorted(p for p in root.iterdir() if p.is_file() and p.suffix in _SUFFIXES)


def _load_group_file(path: Path) -> tuple[GroupDefinition, int]:
    data = _read_mapping(path)
    order = _pop_order(data, path)
    try:
        group = GroupDefinition.model_validate(data)
    except ValidationError as bad:
        issues = issues_from_validation_error(bad, GroupDefinition, whole="The whole file")
        raise RegistryError(describe_file_issues(issues, path.name, one_line=True)) from None
    _check_id_matches_file(group, path)
    _check_kind(group, path)
    _check_psed_aims(group, path)
    _check_categories(group, path)
    return group, order


def _parse_yaml(text: str) -> Any:
    # libyaml's loader reads the registry several times faster than the pure-Python
    # one (a tenth of a second of every `eia reach`); the pure-Python loader reads a
    # file libyaml refuses, so an error is reported with the same words and position.
    try:
        return yaml.load(text, Loader=_FAST_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return yaml.safe_load(text)


def _read_mapping(path: Path) -> dict[str, Any]:
    try:
        data = _parse_yaml(path.read_text(encoding="utf-8"))
    except OSError as bad:
        raise RegistryError(f"{path.name}: the file cannot be read ({bad.strerror}).") from None
    except UnicodeDecodeError:
        raise RegistryError(f"{path.name}: the file is not UTF-8 text.") from None
    except yaml.YAMLError as bad:
        raise RegistryError(f"{path.name}: not valid YAML: {_yaml_problem(bad)}.") from None
    if not isinstance(data, dict):
        raise RegistryError(
            f"{path.name}: the file must be a mapping of fields (id, label, kind, ...)."
        )
    return data


def _yaml_problem(error: yaml.YAMLError) -> str:
    problem = getattr(error, "problem", None) or "the text cannot be parsed"
    mark = getattr(error, "problem_mark", None)
    if mark is None:
        return str(problem)
    return f"{problem} at line {mark.line + 1}, column {mark.column + 1}"


def _pop_order(data: dict[str, Any], path: Path) -> int:
    order = data.pop(ORDER_KEY, None)
    if order is None:
        return _UNORDERED
    if isinstance(order, bool) or not isinstance(order, int):
        raise RegistryError(f"{path.name}: field '{ORDER_KEY}': must be a whole number.")
    return order


def _check_id_matches_file(group: GroupDefinition, path: Path) -> None:
    if group.id != path.stem:
        raise RegistryError(
            f"{path.name}: field 'id': '{group.id}' must be the same as the file name "
            f"'{path.stem}'; rename the file or correct the id."
        )


def _check_kind(group: GroupDefinition, path: Path) -> None:
    protected_ids = {c.value for c in CharacteristicId}
    if group.kind is GroupKind.PROTECTED and group.id not in protected_ids:
        raise RegistryError(
            f"{path.name}: field 'kind': '{group.id}' is not one of the nine protected "
            "characteristics of the Equality Act 2010; use 'kind: local'."
        )
    if group.kind is GroupKind.LOCAL and group.id in protected_ids:
        raise RegistryError(
            f"{path.name}: field 'kind': '{group.id}' is a protected characteristic; "
            "use 'kind: protected'."
        )


def _check_psed_aims(group: GroupDefinition, path: Path) -> None:
    # Section 149(7): marriage and civil partnership counts only for the first aim.
    only_first = group.id == CharacteristicId.MARRIAGE_CIVIL_PARTNERSHIP.value
    if only_first and set(group.psed_aims) != {PsedAim.ELIMINATE_DISCRIMINATION}:
        raise RegistryError(
            f"{path.name}: field 'psed_aims': only 'eliminate_discrimination' applies to "
            "marriage and civil partnership (Equality Act 2010, section 149(7))."
        )


def _check_categories(group: GroupDefinition, path: Path) -> None:
    broad = [c.id for c in group.categories]
    every = broad + [c.id for c in group.detail_categories]
    repeated = sorted({c for c in every if every.count(c) > 1})
    if repeated:
        raise RegistryError(
            f"{path.name}: field 'categories': the id '{repeated[0]}' is used more than once."
        )
    for index, detail in enumerate(group.detail_categories):
        if detail.parent not in broad:
            raise RegistryError(
                f"{path.name}: field 'detail_categories[{index}].parent': '{detail.id}' must "
                f"name one of the categories ({', '.join(broad) or 'none defined'})."
            )


def _check_unique_ids(groups: list[GroupDefinition], root: Path) -> None:
    ids = [group.id for group in groups]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise RegistryError(
            f"The registry folder '{root}' has more than one file for '{repeated[0]}': "
            "keep only one of the .yaml and .yml files."
        )


def _check_all_protected_present(groups: list[GroupDefinition], root: Path) -> None:
    present = {group.id for group in groups if group.is_protected}
    missing = [c.value for c in CharacteristicId if c.value not in present]
    if missing:
        files = ", ".join(f"{m}.yaml" for m in missing)
        raise RegistryError(
            f"The registry folder '{root}' lacks protected characteristics: "
            f"{', '.join(missing)}; add {files}. All nine must be assessed."
        )


def _in_display_order(loaded: list[tuple[GroupDefinition, int]]) -> list[GroupDefinition]:
    position = {c.value: n for n, c in enumerate(CharacteristicId)}
    protected = sorted(
        (group for group, _ in loaded if group.is_protected), key=lambda g: position[g.id]
    )
    local = sorted(
        ((order, group.id, group) for group, order in loaded if not group.is_protected),
        key=lambda item: (item[0], item[1]),
    )
    return protected + [group for _, _, group in local]
