"""Which widget each field of a domain model gets, read from its pydantic metadata.

Pure (no Streamlit), so that the mapping from type to widget is unit-tested.
"""

from dataclasses import dataclass
from datetime import date
from enum import Enum, StrEnum
from types import NoneType, UnionType
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from eia_app.domain.characteristics import PSED_AIM_LABELS
from eia_app.domain.consultation import ACCESSIBLE_FORMAT_LABELS
from eia_app.domain.decision import OUTCOME_LABELS
from eia_app.domain.details import STATUS_LABELS
from eia_app.domain.impact import ImpactRating
from eia_app.domain.labels import field_title


class FieldKind(StrEnum):
    """The kinds of widget the generic form renderer knows."""

    TEXT = "text"
    LONG_TEXT = "long_text"
    DATE = "date"
    YES_NO = "yes_no"
    CHECKBOX = "checkbox"
    CHOICE = "choice"
    CHOICES = "choices"
    LINES = "lines"
    MODEL = "model"
    TABLE = "table"
    NUMBER = "number"


# Short answers get a one-line text box; everything else a text area.
SHORT_TEXT_FIELDS: frozenset[str] = frozenset(
    {
        "title",
        "reference",
        "directorate",
        "service",
        "name",
        "job_title",
        "email",
        "phone",
        "organisation",
        "role",
        "decision_maker",
        "previous_reference",
        "id",
        "source",
        "article",
        "owner",
        "group_id",
        "change_note",
    }
)

# Labels for a "no answer yet" choice, so that "not answered" is always said in words.
NOT_ANSWERED = "Not answered"
YES_NO_OPTIONS: tuple[str, ...] = ("Yes", "No", NOT_ANSWERED)

_LABELS: dict[Any, str] = {
    **PSED_AIM_LABELS,
    **ACCESSIBLE_FORMAT_LABELS,
    **OUTCOME_LABELS,
    **STATUS_LABELS,
    **{rating: rating.label for rating in ImpactRating},
}


@dataclass(frozen=True)
class FormField:
    """One field of a model, described for the form renderer.

    Attributes:
        name: Attribute name on the model.
        title: Label shown to the person filling in the form.
        help: Guidance shown as help text.
        kind: The widget to use.
        optional: Whether the field may be left empty.
        target: The enum class for choices, or the model class for nested
            models and tables; None otherwise.
    """

    name: str
    title: str
    help: str
    kind: FieldKind
    optional: bool
    target: Any = None


def describe_fields(model: type[BaseModel]) -> list[FormField]:
    """Describe each field of a model for the form, in declaration order.

    Args:
        model: A pydantic model class.

    Returns:
        One entry per field.
    """
    described = []
    for name, info in model.model_fields.items():
        kind, optional, target = classify(name, info.annotation)
        described.append(
            FormField(
                name=name,
                title=field_title(name, info),
                help=info.description or "",
                kind=kind,
                optional=optional,
                target=target,
            )
        )
    return described


def classify(name: str, annotation: Any) -> tuple[FieldKind, bool, Any]:
    """Choose the widget for a field from its name and type.

    Args:
        name: The field name; decides between one-line and long text.
        annotation: The field's type, such as ``date | None`` or ``list[Action]``.

    Returns:
        The kind of widget, whether the field is optional, and the enum or model
        class it is about (None for plain values).

    Raises:
        TypeError: For a type the form cannot show.
    """
    inner, optional = _strip_optional(annotation)
    if get_origin(inner) is list:
        (item,) = get_args(inner)
        return _classify_list(item), True, (None if item is str else item)
    if _is_subclass(inner, BaseModel):
        return FieldKind.MODEL, optional, inner
    if _is_subclass(inner, Enum):
        return FieldKind.CHOICE, optional, inner
    simple = {date: FieldKind.DATE, int: FieldKind.NUMBER}
    if inner is bool:
        return (FieldKind.YES_NO if optional else FieldKind.CHECKBOX), optional, None
    if inner in simple:
        return simple[inner], optional, None
    if inner is str:
        kind = FieldKind.TEXT if name in SHORT_TEXT_FIELDS else FieldKind.LONG_TEXT
        return kind, optional, None
    raise TypeError(f"The form cannot show field '{name}' of type {annotation!r}")


def option_label(value: Any) -> str:
    """Return a readable label for an enum value, or for None.

    Args:
        value: An enum member, a plain string, or None.

    Returns:
        A label such as "Adjust the proposal", "In review" or "Not answered".
    """
    if value is None:
        return NOT_ANSWERED
    if value in _LABELS:
        return _LABELS[value]
    text = str(value.value if isinstance(value, Enum) else value).replace("_", " ")
    return text[:1].upper() + text[1:]


def yes_no_choice(value: bool | None) -> str:
    """Return the radio option that stands for a yes/no/unanswered value."""
    if value is None:
        return NOT_ANSWERED
    return "Yes" if value else "No"


def yes_no_value(choice: str | None) -> bool | None:
    """Return True, False or None for a radio option chosen."""
    return {"Yes": True, "No": False}.get(choice or NOT_ANSWERED)


def text_value(text: str | None) -> str | None:
    """Return the text with surrounding spaces removed, or None if nothing is left."""
    cleaned = (text or "").strip()
    return cleaned or None


def lines_value(text: str | None) -> list[str]:
    """Split a text area into items, one per non-blank line."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def entered_value(kind: FieldKind, widget_value: Any) -> Any:
    """Return what a widget's value means for the assessment, as its renderer returns it.

    Args:
        kind: The widget's kind.
        widget_value: The value Streamlit holds for the widget.

    Returns:
        Text without surrounding spaces (None if empty), lines as a list,
        yes/no as True, False or None; any other value unchanged.
    """
    if kind in (FieldKind.TEXT, FieldKind.LONG_TEXT):
        return text_value(widget_value)
    if kind is FieldKind.LINES:
        return lines_value(widget_value)
    if kind is FieldKind.YES_NO:
        return yes_no_value(widget_value)
    return widget_value


def kept_value(kind: FieldKind, target: Any, value: Any) -> Any:
    """Turn a value kept as JSON back into what the field's widget starts from.

    Args:
        kind: The widget's kind.
        target: The enum class of a choice or choices, else None.
        value: The kept value: dates as ISO text, choices as their value.

    Returns:
        A date, an enum member (or list of them), or the value unchanged.
    """
    if value is None:
        return None
    if kind is FieldKind.DATE:
        return date.fromisoformat(value)
    if kind is FieldKind.CHOICE and target is not None:
        return target(value)
    if kind is FieldKind.CHOICES and target is not None:
        return [target(item) for item in value]
    return value


def _classify_list(item: Any) -> FieldKind:
    if _is_subclass(item, BaseModel):
        return FieldKind.TABLE
    if _is_subclass(item, Enum):
        return FieldKind.CHOICES
    if item is str:
        return FieldKind.LINES
    raise TypeError(f"The form cannot show a list of {item!r}")


def _strip_optional(annotation: Any) -> tuple[Any, bool]:
    if get_origin(annotation) in (Union, UnionType):
        args = [a for a in get_args(annotation) if a is not NoneType]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def _is_subclass(candidate: Any, parent: type) -> bool:
    return isinstance(candidate, type) and issubclass(candidate, parent)
