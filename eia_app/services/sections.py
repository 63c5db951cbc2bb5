"""The sections of an assessment as the app shows them, and how a form updates one.

Pure: no Streamlit. The UI builds one page per entry of :data:`SECTIONS`, and
turns a page's widget values back into an :class:`Assessment` through
:func:`apply_section`, which reports every problem against the field's title.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from eia_app.domain.assessment import Assessment
from eia_app.domain.changes import changed_fields
from eia_app.domain.errors import InvalidAssessmentError, NotFoundError
from eia_app.domain.fields import PATTERN_HINTS, REFERENCE_PATTERN
from eia_app.domain.issues import Issue, IssueLevel, issues_from_validation_error
from eia_app.domain.labels import field_label, parse_path
from eia_app.domain.permissions import Action, Actor
from eia_app.domain.repository import AssessmentRepository
from eia_app.domain.versions import StoredAssessment
from eia_app.services.access import check
from eia_app.services.assessments import save_assessment


@dataclass(frozen=True)
class Section:
    """One page of the assessment form.

    Attributes:
        id: Stable id, also the page's URL path.
        title: Heading shown on the page and in the navigation.
        fields: Top-level fields of :class:`Assessment` the page edits.
    """

    id: str
    title: str
    fields: tuple[str, ...]


SECTIONS: tuple[Section, ...] = (
    Section("key_details", "Key details", ("key_details",)),
    Section("quality", "Quality control and status", ("status", "stage", "quality")),
    Section("screening", "Screening", ("screening",)),
    Section("purpose", "Purpose and scope", ("purpose",)),
    Section("previous_review", "Previous assessment", ("previous_review",)),
    Section("evidence", "Evidence", ("evidence",)),
    Section("consultation", "Consultation", ("consultation",)),
    Section("impacts", "Impact on groups", ("impacts",)),
    Section("psed", "PSED aims", ("psed",)),
    Section("human_rights", "Human rights", ("human_rights",)),
    Section("combined", "Intersectional and cumulative", ("combined",)),
    Section("decision", "Decision", ("decision",)),
    Section("actions", "Action plan", ("actions",)),
    Section("monitoring", "Monitoring and review", ("monitoring",)),
    Section("sign_off", "Sign-off", ("sign_off",)),
)

# Fields shown but not editable on a section page: changing the reference would
# start a different assessment rather than a new version of this one.
READ_ONLY_FIELDS: frozenset[str] = frozenset({"key_details.reference"})
# Fields that only the review steps change (submit, return, approve, publish; see
# :mod:`eia_app.services.review`): a section page shows them but never saves them.
REVIEW_STEP_FIELDS: frozenset[str] = frozenset({"status"})


class FormInvalidError(InvalidAssessmentError):
    """What was entered on a form does not make a valid assessment.

    Attributes:
        problems: Every problem found, one per field.
    """

    def __init__(self, problems: list[Issue]):
        super().__init__("\n".join(problem.as_sentence() for problem in problems))
        self.problems = problems


def get_section(section_id: str) -> Section:
    """Return the section with this id.

    Args:
        section_id: One of the ids in :data:`SECTIONS`.

    Returns:
        The section.

    Raises:
        KeyError: If there is no such section; the message lists the known ids.
    """
    for section in SECTIONS:
        if section.id == section_id:
            return section
    known = ", ".join(s.id for s in SECTIONS)
    raise KeyError(f"No section '{section_id}'; known sections: {known}")


def section_for_field(path: str) -> str | None:
    """Return the id of the section whose page holds a field.

    Args:
        path: Dotted path of the field, as in :attr:`Issue.field`, for example
            ``impacts[2].mitigation``.

    Returns:
        The section id, for example ``impacts``; None if no section edits the field.
    """
    parts = parse_path(path) if path else []
    if not parts:
        return None
    top = str(parts[0])
    return next((s.id for s in SECTIONS if top in s.fields), None)


def section_values(assessment: Assessment, section: Section) -> dict[str, Any]:
    """Return the current values of a section's fields, as plain Python data.

    Args:
        assessment: The assessment being edited.
        section: The section.

    Returns:
        A mapping of top-level field name to its ``model_dump`` value.
    """
    return {name: assessment.model_dump(include={name})[name] for name in section.fields}


def section_changed(old: Assessment, new: Assessment, section: Section) -> bool:
    """Return whether a section differs between two versions of an assessment.

    Args:
        old: The earlier version.
        new: The later version.
        section: The section to compare.

    Returns:
        True if any of the section's fields differ.
    """
    return section_values(old, section) != section_values(new, section)


def apply_section(assessment: Assessment, values: Mapping[str, Any]) -> Assessment:
    """Return a new assessment with some top-level fields replaced, validated.

    Args:
        assessment: The assessment as loaded.
        values: New values keyed by top-level field name (for example ``key_details``).

    Returns:
        The new assessment; the original is unchanged.

    Raises:
        FormInvalidError: If the values do not fit the model; it lists every
            problem with the field's title and what to do.
    """
    unknown = sorted(set(values) - set(Assessment.model_fields))
    if unknown:
        raise FormInvalidError(
            [_problem(name, name, "This is not a field of an assessment.") for name in unknown]
        )
    data = assessment.model_dump()
    data.update(values)
    try:
        return Assessment.model_validate(data)
    except ValidationError as error:
        raise FormInvalidError(issues_from_validation_error(error, Assessment)) from None


def start_assessment(
    repo: AssessmentRepository,
    title: str,
    reference: str,
    *,
    saved_by: str,
    person: Actor | None = None,
) -> StoredAssessment:
    """Create a new assessment with a title and reference, saved as version 1.

    Args:
        repo: Where assessments are stored.
        title: Title of the policy or proposal.
        reference: A new reference in the form EIA-YYYY-NNNN.
        saved_by: Who is starting it.
        person: The signed-in person, whose roles are checked; None checks none.

    Returns:
        The stored first version.

    Raises:
        PermissionDeniedError: If ``person`` may not create assessments.
        FormInvalidError: If the title is empty, the reference is badly formed
            or already used.
    """
    check(repo, None, person, Action.CREATE)
    title, reference = title.strip(), reference.strip().upper()
    problems = []
    if not title:
        problems.append(_new_problem("title", "Enter the title of the policy or proposal."))
    if not re.fullmatch(REFERENCE_PATTERN, reference):
        problems.append(_new_problem("reference", PATTERN_HINTS[REFERENCE_PATTERN]))
    elif _exists(repo, reference):
        problems.append(
            _new_problem(
                "reference",
                f"{reference} is already used: open it from the library, or choose another number.",
            )
        )
    if problems:
        raise FormInvalidError(problems)
    assessment = apply_section(
        Assessment(), {"key_details": {"title": title, "reference": reference}}
    )
    # Base 0: of two people starting the same reference at once, only one succeeds.
    return save_assessment(
        repo,
        assessment,
        saved_by=saved_by,
        base_version=0,
        actor_email=person.email if person is not None else "",
    )


def compare_versions(old: Assessment, new: Assessment) -> list[str]:
    """List the titles of the fields that differ between two versions.

    Args:
        old: The earlier version.
        new: The later version.

    Returns:
        Labels such as "Key details > Lead officer > Email", in field order.
    """
    return [field_label(path) for path in changed_fields(old, new)]


def _exists(repo: AssessmentRepository, reference: str) -> bool:
    try:
        repo.get(reference)
    except NotFoundError:
        return False
    return True


def _new_problem(field: str, message: str) -> Issue:
    path = f"key_details.{field}"
    return _problem(path, field_label(path), message)


def _problem(path: str, label: str, message: str) -> Issue:
    return Issue(level=IssueLevel.ERROR, field=path, label=label, message=message)
