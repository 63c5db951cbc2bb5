"""Definitions of protected characteristics and local groups, as the registry holds them."""

from pydantic import model_validator

from eia_app.domain.characteristics import CharacteristicId, GroupKind, PsedAim
from eia_app.domain.fields import (
    CATEGORY_ID_PATTERN,
    GROUP_ID_PATTERN,
    StrictModel,
    guided,
    guided_list,
)


class AnswerCategory(StrictModel):
    """A canonical answer category for monitoring questions, such as ``female``."""

    id: str = guided(
        "Category id",
        "Stable snake_case id used in results.",
        default=...,
        pattern=CATEGORY_ID_PATTERN,
    )
    label: str = guided("Label", "How the category is shown to people.", default=...)
    parent: str | None = guided(
        "Broad category", "For a detailed category, the id of the broad category it belongs to."
    )


class GroupDefinition(StrictModel):
    """One protected characteristic or local group of interest."""

    id: str = guided(
        "Id", "snake_case id, the same as the file name.", default=..., pattern=GROUP_ID_PATTERN
    )
    label: str = guided("Label", "Name shown to people.", default=...)
    kind: GroupKind = guided(
        "Kind", "Protected by the Equality Act, or a local group.", default=...
    )
    definition: str = guided("Definition", "Who the group covers, in plain words.", default=...)
    prompts: list[str] = guided_list(
        "Prompts", "Questions an assessor should ask themselves about this group."
    )
    psed_aims: list[PsedAim] = guided_list(
        "PSED aims that apply", "Which aims of the equality duty apply to this group."
    )
    categories: list[AnswerCategory] = guided_list(
        "Answer categories", "Canonical categories used to count survey answers."
    )
    detail_categories: list[AnswerCategory] = guided_list(
        "Detailed categories", "Finer categories, each pointing at a broad one."
    )
    complement: str | None = guided(
        "Complement",
        "For a yes/no characteristic, the category id of the people outside the protected "
        "group (for example 'not_carer'): kept in tables, never named in a finding.",
        pattern=CATEGORY_ID_PATTERN,
    )

    @model_validator(mode="after")
    def _complement_is_a_category(self) -> "GroupDefinition":
        if self.complement and self.complement not in {c.id for c in self.categories}:
            raise ValueError(f"complement '{self.complement}' is not one of the categories")
        return self

    @property
    def is_protected(self) -> bool:
        """Whether this is one of the nine protected characteristics."""
        return self.kind is GroupKind.PROTECTED


class Registry(StrictModel):
    """All groups the toolkit knows, protected characteristics first."""

    groups: list[GroupDefinition] = guided_list("Groups", "Every group, in display order.")

    def get(self, group_id: str) -> GroupDefinition:
        """Return the group with this id.

        Args:
            group_id: Registry id.

        Returns:
            The group definition.

        Raises:
            KeyError: If no group has this id.
        """
        for group in self.groups:
            if group.id == group_id:
                return group
        raise KeyError(group_id)

    def label(self, group_id: str) -> str:
        """Return the label of a group, or the id itself if it is not registered.

        Args:
            group_id: Registry id.

        Returns:
            A human label.
        """
        try:
            return self.get(group_id).label
        except KeyError:
            return group_id

    @property
    def protected(self) -> list[GroupDefinition]:
        """The nine protected characteristics, in the order of ``CharacteristicId``."""
        order = {c.value: n for n, c in enumerate(CharacteristicId)}
        found = [g for g in self.groups if g.is_protected]
        return sorted(found, key=lambda g: order.get(g.id, len(order)))

    @property
    def local(self) -> list[GroupDefinition]:
        """The local groups of interest, in file order."""
        return [g for g in self.groups if not g.is_protected]
