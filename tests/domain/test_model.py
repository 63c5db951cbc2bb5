"""Validation rules of the assessment model itself (what a draft may and may not hold)."""

import json
from datetime import date

import pytest
from pydantic import ValidationError

from eia_app.domain.assessment import Assessment
from eia_app.domain.consultation import ConsultationPlan
from eia_app.domain.details import KeyDetails, Person, Stage
from eia_app.domain.impact import GroupImpact, ImpactRating


def test_an_empty_draft_is_a_valid_assessment():
    draft = Assessment()
    assert draft.status == "draft"
    assert draft.stage is Stage.SCREENING
    assert draft.title == "Untitled assessment"


@pytest.mark.parametrize(
    ("reference", "valid"),
    [
        ("EIA-2025-0001", True),
        ("EIA-1999-9999", True),
        ("EIA-25-1", False),
        ("eia-2025-0001", False),
        ("EIA-2025-0001 ", True),  # surrounding spaces are stripped, not rejected
        ("2025-0001", False),
    ],
    ids=["normal", "other-year", "short", "lower-case", "trailing-space", "no-prefix"],
)
def test_reference_follows_the_eia_year_number_pattern(reference, valid):
    if valid:
        assert KeyDetails(reference=reference).reference == reference.strip()
    else:
        with pytest.raises(ValidationError, match="reference"):
            KeyDetails(reference=reference)


@pytest.mark.parametrize(
    ("email", "valid"),
    [("send.strategy@example.gov.uk", True), ("not an email", False), ("a@b", False)],
)
def test_email_addresses_are_checked(email, valid):
    if valid:
        assert Person(email=email).email == email
    else:
        with pytest.raises(ValidationError, match="email"):
            Person(email=email)


def test_consultation_cannot_close_before_it_opens():
    with pytest.raises(ValidationError, match="closing date"):
        ConsultationPlan(start_date=date(2025, 4, 6), end_date=date(2025, 2, 10))


def test_a_group_can_be_assessed_only_once():
    twice = [GroupImpact(group_id="age"), GroupImpact(group_id="age")]
    with pytest.raises(ValidationError, match="more than once"):
        Assessment(impacts=twice)


def test_unknown_fields_are_rejected_rather_than_silently_dropped():
    with pytest.raises(ValidationError, match="Extra inputs"):
        Assessment.model_validate({"key_details": {"titel": "Typo"}})


def test_models_are_immutable_so_every_change_is_a_new_object():
    impact = GroupImpact(group_id="sex", rating=ImpactRating.POSITIVE)
    with pytest.raises(ValidationError):
        impact.rating = ImpactRating.NEGATIVE  # type: ignore[misc]
    changed = impact.model_copy(update={"rating": ImpactRating.NEGATIVE})
    assert (impact.rating, changed.rating) == (ImpactRating.POSITIVE, ImpactRating.NEGATIVE)


def test_json_round_trip_is_lossless():
    original = Assessment(
        key_details=KeyDetails(title="A & B <policy>", reference="EIA-2025-0002"),
        impacts=[GroupImpact(group_id="race", rating=ImpactRating.UNKNOWN, reasoning="{{ x }}")],
    )
    restored = Assessment.model_validate_json(original.model_dump_json())
    assert restored == original


def test_every_field_carries_a_title_and_guidance():
    schema = Assessment.model_json_schema()
    missing = []
    for name, definition in schema["$defs"].items():
        for field, spec in definition.get("properties", {}).items():
            if "title" not in spec or "description" not in spec:
                missing.append(f"{name}.{field}")
    for field, spec in schema["properties"].items():
        if "description" not in spec:
            missing.append(field)
    assert missing == []
    assert json.dumps(schema)  # serialisable for `eia schema`
