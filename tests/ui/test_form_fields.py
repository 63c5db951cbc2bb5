"""Unit tests of the mapping from model field types to widgets (no Streamlit involved)."""

from datetime import date

import pytest

from eia_app.domain.assessment import Assessment
from eia_app.domain.characteristics import PsedAim
from eia_app.domain.consultation import AccessibleFormat, ConsultationPlan
from eia_app.domain.decision import Action, Outcome
from eia_app.domain.details import KeyDetails, Person, Status
from eia_app.domain.evidence import EvidenceItem
from eia_app.domain.impact import GroupImpact, ImpactRating
from eia_app.domain.scope import Screening
from eia_app.ui.form_fields import (
    FieldKind,
    classify,
    describe_fields,
    lines_value,
    option_label,
    text_value,
    yes_no_choice,
    yes_no_value,
)


@pytest.mark.parametrize(
    ("name", "annotation", "kind", "optional", "target"),
    [
        ("email", str | None, FieldKind.TEXT, True, None),
        ("summary", str | None, FieldKind.LONG_TEXT, True, None),
        ("review_date", date | None, FieldKind.DATE, True, None),
        ("key_decision", bool | None, FieldKind.YES_NO, True, None),
        ("engaged", bool, FieldKind.CHECKBOX, False, None),
        ("status", Status, FieldKind.CHOICE, False, Status),
        ("outcome", Outcome | None, FieldKind.CHOICE, True, Outcome),
        ("accessible_formats", list[AccessibleFormat], FieldKind.CHOICES, True, AccessibleFormat),
        ("methods", list[str], FieldKind.LINES, True, None),
        ("lead_officer", Person, FieldKind.MODEL, False, Person),
        ("actions", list[Action], FieldKind.TABLE, True, Action),
    ],
)
def test_classify_picks_the_widget_for_each_type(name, annotation, kind, optional, target):
    assert classify(name, annotation) == (kind, optional, target)


def test_classify_refuses_a_type_it_cannot_show():
    with pytest.raises(TypeError, match="odd"):
        classify("odd", dict[str, int])


@pytest.mark.parametrize(
    "model", [Assessment, KeyDetails, ConsultationPlan, Screening, EvidenceItem, GroupImpact]
)
def test_every_field_of_the_models_has_a_widget_title_and_guidance(model):
    for form_field in describe_fields(model):
        assert form_field.title
        assert form_field.help, f"{model.__name__}.{form_field.name} has no guidance"


def test_describe_fields_keeps_declaration_order_and_titles():
    names = [(f.name, f.title) for f in describe_fields(Person)]
    assert names == [
        ("name", "Name"),
        ("job_title", "Job title"),
        ("email", "Email"),
        ("phone", "Telephone"),
    ]


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (None, "Not answered"),
        (Status.IN_REVIEW, "In review"),
        (Outcome.ADJUST, "Adjust the proposal"),
        ("adjust", "Adjust the proposal"),
        (PsedAim.ADVANCE_EQUALITY, "Advance equality of opportunity"),
        (AccessibleFormat.BSL, "British Sign Language"),
        (ImpactRating.UNKNOWN, "Unknown (no evidence yet)"),
        (ImpactRating.POSITIVE_WITH_RISK, "Positive with a risk of negative"),
    ],
)
def test_option_labels_are_readable(value, label):
    assert option_label(value) == label


@pytest.mark.parametrize("value", [True, False, None])
def test_yes_no_round_trips(value):
    assert yes_no_value(yes_no_choice(value)) is value


def test_text_and_lines_drop_blanks():
    assert text_value("  ") is None
    assert text_value(" a ") == "a"
    assert lines_value("one\n\n  two  \n") == ["one", "two"]
    assert lines_value(None) == []
