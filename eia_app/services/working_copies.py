"""Work in progress: what one person has typed into an assessment, kept until they save.

Pure use cases over the repository (no Streamlit). The values of a working copy
are keyed by the form's field path, for example ``key_details.lead_officer.email``,
``status``, ``impacts.age.rating`` (an impact is found by its group) or
``psed.advance_equality.analysis`` (a PSED answer by its aim), and hold the value
as typed, JSON-ready. Only values that differ from the saved version are kept,
so that saving applies this person's changes and nothing else.
"""

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from pydantic import JsonValue, ValidationError
from pydantic_core import to_jsonable_python

from eia_app.domain.assessment import Assessment
from eia_app.domain.conflicts import VersionConflictError
from eia_app.domain.errors import EIAError
from eia_app.domain.issues import issues_from_validation_error
from eia_app.domain.people import PeopleStore
from eia_app.domain.permissions import Action, Actor
from eia_app.domain.repository import AssessmentRepository
from eia_app.domain.versions import RowDraft, StoredAssessment, VersionInfo, WorkingCopy
from eia_app.services.access import check
from eia_app.services.assessments import load_assessment, save_assessment
from eia_app.services.sections import (
    REVIEW_STEP_FIELDS,
    SECTIONS,
    FormInvalidError,
    Section,
    section_changed,
)

# Lists whose entries a path names by a key rather than by position, so that a
# kept value still lands on the right entry after someone else adds one.
_KEYED_LISTS: dict[str, str] = {"impacts": "group_id", "psed": "aim"}
# Saves refused because someone saved in between, before the refusal is passed on.
SAVE_ATTEMPTS = 5


class ChangedElsewhereError(EIAError):
    """Someone saved a version changing the same sections after this person started typing.

    Attributes:
        latest: Who saved the newer version, and when.
        based_on_version: The version this person's changes started from.
        sections: The sections both of them changed.
    """

    def __init__(self, latest: VersionInfo, based_on_version: int, sections: list[Section]):
        titles = ", ".join(section.title for section in sections)
        super().__init__(
            f"{latest.saved_by} saved version {latest.version}, which changes {titles}, "
            f"while you were editing version {based_on_version}. Nothing was saved, so that "
            "their work is not overwritten. Your answers are still on the page: choose "
            "“Keep my changes” to save yours over theirs where you both changed something, "
            "or discard your changes to see their version."
        )
        self.latest = latest
        self.based_on_version = based_on_version
        self.sections = sections


def json_ready(value: Any) -> JsonValue:
    """Return a typed value as JSON data: dates as ISO text, choices as their value.

    Args:
        value: A value as a form returns it (text, date, enum member, list ...).

    Returns:
        The same value in the form the working copy keeps.
    """
    converted: JsonValue = to_jsonable_python(value)
    return converted


def section_of(path: str) -> Section:
    """Return the section whose page has the field at ``path``.

    Args:
        path: A form field path such as ``key_details.title`` or ``status``.

    Returns:
        The section editing the path's top-level field.

    Raises:
        KeyError: If no section edits that field.
    """
    head = path.split(".", 1)[0]
    for section in SECTIONS:
        if head in section.fields:
            return section
    raise KeyError(f"No section edits '{path}'")


def load_working_copy(repo: AssessmentRepository, reference: str, user: str) -> WorkingCopy | None:
    """Return one person's unsaved changes to an assessment, if they have any.

    Args:
        repo: Where assessments are stored.
        reference: The assessment's reference.
        user: Whose changes.

    Returns:
        The working copy, or None.
    """
    return repo.working_copy(reference, user)


def keep_changes(
    repo: AssessmentRepository,
    reference: str,
    user: str,
    *,
    based_on_version: int,
    entered: Mapping[str, JsonValue],
    saved: Mapping[str, JsonValue],
    rows: Mapping[str, RowDraft | None] | None = None,
) -> WorkingCopy | None:
    """Keep what a person has typed on one page, merged with their other unsaved changes.

    Values equal to the saved ones are dropped (typing a change and then undoing
    it leaves nothing to save). Nothing is written when nothing changed.

    Args:
        repo: Where assessments are stored.
        reference: The assessment's reference.
        user: Whose changes.
        based_on_version: The version the page was drawn from; used only when
            this starts a new working copy.
        entered: Field path -> value now in the page's widgets, JSON-ready.
        saved: Field path -> value in the version the page was drawn from.
        rows: List path -> the row typed in the page's row editor, or None
            when nothing is typed there (any earlier draft of it is dropped).

    Returns:
        The working copy now kept, or None if nothing differs from the saved version.
    """
    existing = repo.working_copy(reference, user)
    values = {p: v for p, v in (existing.values if existing else {}).items() if p not in entered}
    values.update({path: value for path, value in entered.items() if value != saved.get(path)})
    drafts = dict(existing.rows if existing else {})
    for path, draft in (rows or {}).items():
        if draft is None or not draft.values:
            drafts.pop(path, None)
        else:
            drafts[path] = draft
    if existing is not None and values == existing.values and drafts == existing.rows:
        return existing
    if not values and not drafts:
        repo.discard_working_copy(reference, user)
        return None
    copy = WorkingCopy(
        reference=reference,
        user=user,
        based_on_version=existing.based_on_version if existing else based_on_version,
        values=values,
        rows=drafts,
        kept_at=datetime.now(UTC),
    )
    repo.keep_working_copy(copy)
    return copy


def forget_row(repo: AssessmentRepository, reference: str, user: str, list_path: str) -> None:
    """Drop the half-typed row of one list, once it is saved as a row (or deleted).

    Args:
        repo: Where assessments are stored.
        reference: The assessment's reference.
        user: Whose changes.
        list_path: The list's field path, for example ``evidence.items``.
    """
    copy = repo.working_copy(reference, user)
    if copy is None or list_path not in copy.rows:
        return
    rows = {path: draft for path, draft in copy.rows.items() if path != list_path}
    if not rows and not copy.values:
        repo.discard_working_copy(reference, user)
        return
    repo.keep_working_copy(copy.model_copy(update={"rows": rows}))


def discard_changes(repo: AssessmentRepository, reference: str, user: str) -> None:
    """Forget one person's unsaved changes to an assessment.

    Args:
        repo: Where assessments are stored.
        reference: The assessment's reference.
        user: Whose changes.
    """
    repo.discard_working_copy(reference, user)


def newer_version(repo: AssessmentRepository, copy: WorkingCopy) -> VersionInfo | None:
    """Return the latest version if it was saved after the working copy was started.

    Args:
        repo: Where assessments are stored.
        copy: The working copy.

    Returns:
        Who saved the latest version and when, or None if the copy is up to date.
    """
    latest = repo.get(copy.reference).info
    return latest if latest.version > copy.based_on_version else None


def keep_mine(repo: AssessmentRepository, reference: str, user: str) -> WorkingCopy | None:
    """Move a person's changes onto the latest version, so that Save puts theirs over it.

    Args:
        repo: Where assessments are stored.
        reference: The assessment's reference.
        user: Whose changes.

    Returns:
        The working copy, now based on the latest version; None if there is none.
    """
    copy = repo.working_copy(reference, user)
    if copy is None:
        return None
    latest = repo.get(reference).info.version
    moved = copy.model_copy(update={"based_on_version": latest})
    repo.keep_working_copy(moved)
    return moved


def apply_changes(assessment: Assessment, values: Mapping[str, JsonValue]) -> Assessment:
    """Return the assessment with a working copy's values put in, validated.

    Args:
        assessment: The saved version.
        values: Field path -> value as kept.

    Returns:
        A new assessment; the original is unchanged.

    Raises:
        FormInvalidError: If the values do not make a valid assessment; it lists
            every problem with the field's title.
    """
    data = assessment.model_dump(mode="json")
    for path, value in values.items():
        _put(data, path.split("."), value)
    try:
        return Assessment.model_validate(data)
    except ValidationError as error:
        raise FormInvalidError(issues_from_validation_error(error, Assessment)) from None


def save_changes(
    repo: AssessmentRepository,
    reference: str,
    user: str,
    *,
    person: Actor | None = None,
    people: PeopleStore | None = None,
) -> StoredAssessment | None:
    """Turn a person's working copy into a new immutable version, then discard it.

    Args:
        repo: Where assessments are stored.
        reference: The assessment's reference.
        user: Whose changes; recorded as who saved the version.
        person: The signed-in person, whose roles are checked; None checks none.
        people: The people store, for who the assessment is shared with.

    Returns:
        The new version, or None if there was nothing to save (no working copy,
        or its values equal the latest version).

    Raises:
        ChangedElsewhereError: If a version saved since the copy was started
            changes a section the copy changes too; nothing is saved.
        VersionConflictError: If others kept saving while every attempt was made.
        FormInvalidError: If the values do not make a valid assessment.
        PermissionDeniedError: If ``person`` may not edit this assessment.
    """
    check(repo, people, person, Action.EDIT, reference)
    copy = repo.working_copy(reference, user)
    if copy is None:
        return None
    email = person.email if person is not None else ""
    # Each attempt saves on the version it checked; the repository refuses the save
    # if another lands in between, and the next attempt checks that one too.
    for _attempt in range(SAVE_ATTEMPTS - 1):
        try:
            return _save_on_latest(repo, copy, user, email)
        except VersionConflictError:
            continue
    return _save_on_latest(repo, copy, user, email)


def _save_on_latest(
    repo: AssessmentRepository, copy: WorkingCopy, user: str, email: str
) -> StoredAssessment | None:
    latest = load_assessment(repo, copy.reference)
    if latest.info.version > copy.based_on_version:
        older = load_assessment(repo, copy.reference, copy.based_on_version)
        touched = {section_of(path) for path in copy.values}
        clashing = [
            section
            for section in SECTIONS
            if section in touched and section_changed(older.assessment, latest.assessment, section)
        ]
        if clashing:
            raise ChangedElsewhereError(latest.info, copy.based_on_version, clashing)
    # The status moves on only through the review steps, never through a form.
    values = {p: v for p, v in copy.values.items() if p not in REVIEW_STEP_FIELDS}
    updated = apply_changes(latest.assessment, values)
    if updated == latest.assessment:
        _keep_only_rows(repo, copy, latest.info.version)
        return None
    stored = save_assessment(
        repo,
        updated,
        saved_by=user,
        base_version=latest.info.version,
        actor_email=email,
    )
    _keep_only_rows(repo, copy, stored.info.version)
    return stored


def _keep_only_rows(repo: AssessmentRepository, copy: WorkingCopy, version: int) -> None:
    """Discard a saved working copy, but keep rows still being typed: Save row saves those."""
    if not copy.rows:
        repo.discard_working_copy(copy.reference, copy.user)
        return
    rest = copy.model_copy(update={"values": {}, "based_on_version": version})
    repo.keep_working_copy(rest)


def _put(data: dict[str, Any], parts: list[str], value: JsonValue) -> None:
    """Set the value at a field path inside an assessment's JSON data, in place."""
    head, *rest = parts
    if head in _KEYED_LISTS and len(rest) == 2:
        name = _KEYED_LISTS[head]
        entries: list[dict[str, Any]] = data.setdefault(head, [])
        entry = next((e for e in entries if e.get(name) == rest[0]), None)
        if entry is None:
            entry = {name: rest[0]}
            entries.append(entry)
        entry[rest[1]] = value
        return
    for part in parts[:-1]:
        if data.get(part) is None:
            data[part] = {}
        data = data[part]
    data[parts[-1]] = value
