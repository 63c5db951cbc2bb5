"""The sections of an assessment as the app shows them, and how a form updates one.

Pure: no Streamlit. The UI builds one page per entry of :data:`SECTIONS`, and
turns a page's widget values back into an :class:`Assessment` through
:func:`apply_section`, which reports every problem against the field's title.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from eia_app.domain.assessment import Assessment
from eia_app.domain.details import REFERENCE_PATTERN
from eia_app.domain.diff import changed_fields
from eia_app.domain.errors import InvalidAssessmentError, NotFoundError
from eia_app.domain.repository import AssessmentRepository
from eia_app.domain.versions import StoredAssessment
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

_FRIENDLY_PATTERNS: dict[str, str] = {
    "email": "Enter an email address in the correct format, like name@example.gov.uk.",
    "reference": "Enter a reference in the form EIA-YYYY-NNNN, like EIA-2025-0001.",
    "id": "Use up to 20 letters, numbers, dots, dashes or underscores, like EV1 or A1.",
}


@dataclass(frozen=True)
class FormProblem:
    """One problem with what was entered on a form.

    Attributes:
        path: Dotted path of the field, with list rows as ``[n]``.
        label: The field's titles, for example "Key details > Lead officer > Email".
        message: What is wrong and how to fix it.
    """

    path: str
    label: str
    message: str

    def as_line(self) -> str:
        """Return the problem as one line: label, then message."""
        return f"{self.label}: {self.message}"


class FormInvalidError(InvalidAssessmentError):
    """What was entered on a form does not make a valid assessment.

    Attributes:
        problems: Every problem found, one per field.
    """

    def __init__(self, problems: list[FormProblem]):
        super().__init__("\n".join(problem.as_line() for problem in problems))
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
            [FormProblem(name, name, "This is not a field of an assessment.") for name in unknown]
        )
    data = assessment.model_dump()
    data.update(values)
    try:
        return Assessment.model_validate(data)
    except ValidationError as error:
        raise FormInvalidError(form_problems(error)) from None


def form_problems(error: ValidationError) -> list[FormProblem]:
    """Turn a pydantic error on :class:`Assessment` into problems a person can fix.

    Args:
        error: Raised by validating an assessment.

    Returns:
        One problem per pydantic error, labelled with field titles.
    """
    problems = []
    for detail in error.errors():
        loc = tuple(detail["loc"])
        problems.append(
            FormProblem(path=_path_of(loc), label=location_label(loc), message=_message(detail))
        )
    return problems


def location_label(loc: tuple[Any, ...]) -> str:
    """Return the titles along a pydantic error location.

    Args:
        loc: Location such as ``("key_details", "contributors", 0, "name")``.

    Returns:
        A label such as "Key details > Contributors > row 1 > Name".
    """
    model: Any = Assessment
    titles: list[str] = []
    for part in loc:
        if isinstance(part, int):
            titles.append(f"row {part + 1}")
            continue
        fields = model.model_fields if _is_model(model) else {}
        info = fields.get(part)
        if info is None:
            if part != "__root__" and not str(part).startswith(("function-", "model-")):
                titles.append(str(part))
            continue
        titles.append(info.title or str(part))
        model = _inner_model(info.annotation)
    return " > ".join(titles) or "The assessment"


def start_assessment(
    repo: AssessmentRepository, title: str, reference: str, *, saved_by: str
) -> StoredAssessment:
    """Create a new assessment with a title and reference, saved as version 1.

    Args:
        repo: Where assessments are stored.
        title: Title of the policy or proposal.
        reference: A new reference in the form EIA-YYYY-NNNN.
        saved_by: Who is starting it.

    Returns:
        The stored first version.

    Raises:
        FormInvalidError: If the title is empty, the reference is badly formed
            or already used.
    """
    title, reference = title.strip(), reference.strip().upper()
    problems = []
    if not title:
        problems.append(_new_problem("title", "Enter the title of the policy or proposal."))
    if not re.fullmatch(REFERENCE_PATTERN, reference):
        problems.append(_new_problem("reference", _FRIENDLY_PATTERNS["reference"]))
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
    return save_assessment(repo, assessment, saved_by=saved_by)


def compare_versions(old: Assessment, new: Assessment) -> list[str]:
    """List the titles of the fields that differ between two versions.

    Args:
        old: The earlier version.
        new: The later version.

    Returns:
        Labels such as "Key details > Lead officer > Email", in field order.
    """
    labels = []
    for path in changed_fields(old, new):
        parts = [int(p) if p.isdigit() else p for p in re.split(r"[.\[\]]+", path) if p]
        labels.append(location_label(tuple(parts)))
    return labels


def _exists(repo: AssessmentRepository, reference: str) -> bool:
    try:
        repo.get(reference)
    except NotFoundError:
        return False
    return True


def _new_problem(field: str, message: str) -> FormProblem:
    path = f"key_details.{field}"
    return FormProblem(path, location_label(tuple(path.split("."))), message)


def _path_of(loc: tuple[Any, ...]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def _message(detail: Mapping[str, Any]) -> str:
    kind = detail["type"]
    loc = tuple(detail["loc"])
    name = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
    ctx = detail.get("ctx") or {}
    if kind == "missing":
        return "This is required: fill it in, or remove the row."
    if kind == "string_pattern_mismatch":
        return _FRIENDLY_PATTERNS.get(name, "This is not in the expected format.")
    if kind == "string_too_long":
        return f"Use {ctx.get('max_length')} characters or fewer."
    if kind == "enum":
        return f"Choose one of the options: {ctx.get('expected', '')}."
    if kind.startswith("date"):
        return "Enter a real date, for example 27/03/2025."
    if kind == "value_error":
        text = str(detail["msg"]).removeprefix("Value error, ")
        return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")
    return str(detail["msg"])


def _is_model(candidate: Any) -> bool:
    return isinstance(candidate, type) and issubclass(candidate, BaseModel)


def _inner_model(annotation: Any) -> Any:
    """Return the model inside ``Model``, ``list[Model]`` or ``Model | None``, if any."""
    if _is_model(annotation):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        if _is_model(arg):
            return arg
    return None
