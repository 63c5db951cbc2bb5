"""Unit tests of the section registry and of turning form values into an assessment."""

from datetime import date

import pytest

from eia_app.domain.assessment import Assessment
from eia_app.domain.completeness import check_completeness
from eia_app.domain.details import Stage, Status
from eia_app.domain.issues import issues_from_validation_error
from eia_app.domain.labels import field_label
from eia_app.services.assessments import load_assessment, save_assessment
from eia_app.services.sections import (
    SECTIONS,
    FormInvalidError,
    apply_section,
    compare_versions,
    get_section,
    section_changed,
    section_for_field,
    section_values,
    start_assessment,
)
from eia_app.storage.memory import InMemoryAssessmentRepository
from tests.factories import REFERENCE, make_assessment

EXPECTED_TITLES = [
    "Key details",
    "Quality control and status",
    "Screening",
    "Purpose and scope",
    "Previous assessment",
    "Evidence",
    "Consultation",
    "Impact on groups",
    "PSED aims",
    "Human rights",
    "Intersectional and cumulative",
    "Decision",
    "Action plan",
    "Monitoring and review",
    "Sign-off",
]


def test_sections_are_the_eia_sections_in_order():
    assert [section.title for section in SECTIONS] == EXPECTED_TITLES


def test_section_ids_are_unique_and_url_safe():
    ids = [section.id for section in SECTIONS]
    assert len(set(ids)) == len(ids)
    assert all(section_id.replace("_", "").isalpha() for section_id in ids)


def test_every_assessment_field_but_the_format_version_is_on_exactly_one_page():
    on_pages = [name for section in SECTIONS for name in section.fields]
    assert sorted(on_pages) == sorted(set(Assessment.model_fields) - {"schema_version"})


def test_get_section_finds_by_id_and_names_the_known_ids_otherwise():
    assert get_section("psed").title == "PSED aims"
    with pytest.raises(KeyError, match="key_details"):
        get_section("nonsense")


def test_section_values_are_the_fields_of_the_section():
    values = section_values(make_assessment(), get_section("quality"))
    assert set(values) == {"status", "stage", "quality"}
    assert values["status"] is Status.DRAFT


def test_apply_section_returns_a_new_assessment_and_leaves_the_old_one():
    original = make_assessment()
    details = original.key_details.model_dump() | {"directorate": "Adult Social Care"}
    updated = apply_section(original, {"key_details": details})
    assert updated.key_details.directorate == "Adult Social Care"
    assert original.key_details.directorate != "Adult Social Care"
    assert updated.evidence == original.evidence


def test_apply_section_names_every_bad_field_with_its_title():
    original = make_assessment()
    details = original.key_details.model_dump()
    details["lead_officer"] = {**details["lead_officer"], "email": "not-an-email"}
    details["contributors"] = [{"name": "Sam Patel"}]
    with pytest.raises(FormInvalidError) as raised:
        apply_section(original, {"key_details": details})
    problems = {p.label: p.message for p in raised.value.problems}
    assert problems["Key details > Lead officer > Email"].startswith("Enter an email address")
    assert "required" in problems["Key details > Contributors > row 1 > Role in the assessment"]
    assert "Key details > Lead officer > Email" in str(raised.value)


def test_apply_section_turns_a_cross_field_rule_into_a_sentence():
    plan = {"start_date": date(2025, 5, 1), "end_date": date(2025, 4, 1)}
    with pytest.raises(FormInvalidError) as raised:
        apply_section(make_assessment(), {"consultation": {"plan": plan}})
    (problem,) = raised.value.problems
    assert problem.label == "Engagement and consultation > Consultation plan"
    assert problem.message == "The closing date must be on or after the start date."


def test_apply_section_refuses_a_field_the_model_does_not_have():
    with pytest.raises(FormInvalidError, match="not a field"):
        apply_section(make_assessment(), {"colour": "blue"})


@pytest.mark.parametrize(
    ("loc", "label"),
    [
        (("key_details", "title"), "Key details > Title of the policy or proposal"),
        (("actions", 2, "owner"), "Action plan > row 3 > Owner"),
        (
            ("purpose", "decision_route", "meeting_date"),
            "Purpose, aims and scope > Decision route > Meeting date",
        ),
        ((), "The assessment"),
    ],
)
def test_location_label_follows_titles_and_rows(loc, label):
    assert field_label(loc) == label


def test_form_problems_give_gov_uk_style_messages_for_a_bad_date():
    with pytest.raises(Exception) as raised:  # noqa: B017 - the pydantic error itself
        Assessment.model_validate({"monitoring": {"review_date": "not a date"}})
    (problem,) = issues_from_validation_error(raised.value)
    assert problem.field == "monitoring.review_date"
    assert problem.message.startswith("Enter a real date")


def test_start_assessment_saves_version_1_with_title_and_reference():
    repo = InMemoryAssessmentRepository()
    stored = start_assessment(repo, " Library hours ", "eia-2026-0007", saved_by="Ann")
    assert stored.info.version == 1
    assert stored.info.reference == "EIA-2026-0007"
    assert load_assessment(repo, "EIA-2026-0007").assessment.key_details.title == "Library hours"


@pytest.mark.parametrize(
    ("title", "reference", "expected"),
    [
        ("", "EIA-2026-0007", "Enter the title"),
        ("Library hours", "EIA-26-7", "EIA-YYYY-NNNN"),
        ("Library hours", "", "EIA-YYYY-NNNN"),
        ("Library hours", REFERENCE, "already used"),
    ],
    ids=["no title", "bad reference", "no reference", "reference taken"],
)
def test_start_assessment_explains_what_to_fix(title, reference, expected):
    repo = InMemoryAssessmentRepository()
    save_assessment(repo, make_assessment(), saved_by="Ann")
    with pytest.raises(FormInvalidError, match=expected):
        start_assessment(repo, title, reference, saved_by="Ann")
    assert repo.count() == 1


def test_compare_versions_lists_changed_fields_by_title():
    old = make_assessment()
    new = make_assessment(
        key_details__directorate="Resources", evidence__no_evidence_statement="None for BSL users."
    )
    labels = compare_versions(old, new)
    assert "Key details > Directorate or department" in labels
    assert "Evidence > Where there is no evidence" in labels
    assert compare_versions(old, old) == []


def test_section_changed_looks_only_at_the_sections_fields():
    old = make_assessment()
    new = make_assessment(key_details__directorate="Resources")
    assert section_changed(old, new, get_section("key_details"))
    assert not section_changed(old, new, get_section("evidence"))


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("key_details.lead_officer.email", "key_details"),
        ("status", "quality"),
        ("stage", "quality"),
        ("quality.change_note", "quality"),
        ("impacts[2].mitigation", "impacts"),
        ("sign_off.approver", "sign_off"),
        ("monitoring", "monitoring"),
        ("not_a_field.x", None),
        ("", None),
    ],
)
def test_section_for_field_names_the_page_that_holds_the_field(path, expected):
    assert section_for_field(path) == expected


def test_every_completeness_issue_of_a_new_draft_has_a_section():
    issues = check_completeness(Assessment(), Stage.FINAL, local_group_ids=[])
    assert issues
    assert all(section_for_field(issue.field) for issue in issues), [
        issue.field for issue in issues if not section_for_field(issue.field)
    ]
