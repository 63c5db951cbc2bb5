"""The one problem type and the one translator from pydantic errors to problems."""

import pytest
from pydantic import ValidationError

from eia_app.domain.assessment import Assessment
from eia_app.domain.issues import (
    Issue,
    IssueLevel,
    describe_file_issues,
    issues_from_validation_error,
)
from eia_app.domain.labels import field_label, format_path, parse_path
from eia_app.domain.registry import GroupDefinition


def _issues(model, data, **kwargs) -> list[Issue]:
    with pytest.raises(ValidationError) as raised:
        model.model_validate(data)
    return issues_from_validation_error(raised.value, model, **kwargs)


def test_each_pydantic_error_becomes_a_blocking_issue_with_path_label_and_advice():
    data = {"key_details": {"lead_officer": {"email": "nope"}}, "actions": [{"action": "x"}]}
    issues = _issues(Assessment, data)
    assert all(issue.level is IssueLevel.ERROR for issue in issues)
    by_field = {issue.field: issue for issue in issues}
    email = by_field["key_details.lead_officer.email"]
    assert email.label == "Key details > Lead officer > Email"
    assert email.message.startswith("Enter an email address in the correct format")
    row = by_field["actions[0].id"]
    assert row.label == "Action plan > row 1 > Action reference"
    assert row.message == "This is required: fill it in, or remove the row."


def test_a_required_field_outside_a_list_is_not_told_to_remove_a_row():
    (issue,) = _issues(GroupDefinition, {"id": "carers", "kind": "local", "definition": "x"})
    assert issue.field == "label"
    assert issue.message == "This is required: fill it in."


def test_unknown_fields_and_bad_patterns_get_advice_not_pydantic_wording():
    data = {"id": "Bad Id", "label": "L", "kind": "local", "definition": "d", "colour": "red"}
    issues = {i.field: i.message for i in _issues(GroupDefinition, data)}
    assert issues["colour"] == "There is no such field here: remove it or correct its name."
    assert issues["id"].startswith("Use lower-case letters, numbers and underscores")


def test_a_whole_document_problem_is_labelled_as_asked():
    (issue,) = _issues(GroupDefinition, ["not", "a", "mapping"], whole="The whole file")
    assert (issue.field, issue.label) == ("", "The whole file")
    assert describe_file_issues([issue], "x.yaml").startswith(
        "x.yaml: field '(whole document)' (The whole file): "
    )


def test_file_problems_name_the_file_once_per_line_or_once_in_one_line():
    issues = _issues(GroupDefinition, {"id": "carers", "kind": "local"})
    lines = describe_file_issues(issues, "carers.yaml").splitlines()
    assert lines == [
        "carers.yaml: field 'label' (Label): This is required: fill it in.",
        "carers.yaml: field 'definition' (Definition): This is required: fill it in.",
    ]
    assert describe_file_issues(issues, "carers.yaml", one_line=True) == (
        "carers.yaml: field 'label' (Label): This is required: fill it in; "
        "field 'definition' (Definition): This is required: fill it in."
    )


@pytest.mark.parametrize(
    ("path", "label"),
    [
        (
            "purpose.decision_route.meeting_date",
            "Purpose, aims and scope > Decision route > Meeting date",
        ),
        ("impacts[0].rating", "Impact on each group > row 1 > Impact"),
        ("key_details.nonsense", "Key details > nonsense"),
        ("", "The assessment"),
    ],
)
def test_field_label_reads_dotted_paths_and_rows(path, label):
    assert field_label(path) == label


def test_paths_and_locations_convert_both_ways():
    assert parse_path("actions[2].owner") == ("actions", 2, "owner")
    assert format_path(("actions", 2, "owner")) == "actions[2].owner"
    assert format_path(("consultation", "function-after[check()]", "plan")) == "consultation.plan"
