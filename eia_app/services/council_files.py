"""Use cases of the council's own files: its Word template and its population baselines.

Only an administrator may upload, replace or remove them (the rules are in
:mod:`eia_app.domain.permissions`). Every file is checked before it is kept, so a
broken template is refused at upload rather than at export time, and a baseline
CSV with a wrong row is refused naming the row and the column. Each upload,
replacement and removal is recorded in the audit trail. The files live in the
assessment library's database, beside the assessments.
"""

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from eia_app.analysis.baselines import Baseline, BaselineError
from eia_app.domain.audit import AuditAction
from eia_app.domain.council_files import CouncilFileInfo, CouncilFileKind, CouncilFileStore
from eia_app.domain.errors import EIAError
from eia_app.domain.permissions import Action, Actor, can
from eia_app.domain.repository import AssessmentRepository
from eia_app.export.docx import ReportTemplateError
from eia_app.services.access import require
from eia_app.services.audit import record_event
from eia_app.services.council_file_checks import (
    BASELINE,
    TEMPLATE,
    CouncilFileError,
    file_on_disk,
    read_baseline_upload,
    safe_file_name,
    trial_render,
)
from eia_app.services.workspace import library_store
from eia_app.settings import load_settings
from eia_app.storage.council_files import SqlCouncilFileStore

ACTIONS = {TEMPLATE: Action.MANAGE_TEMPLATES, BASELINE: Action.MANAGE_BASELINES}
KIND_WORDS = {TEMPLATE: "Word template", BASELINE: "population baseline"}
COUNCIL_CHOICE = "council:"
"""How a baseline or cohort choice that names a council file starts."""


@dataclass(frozen=True)
class CouncilFile:
    """A stored file with its bytes.

    Attributes:
        info: Its name and who uploaded it when.
        content: Its bytes.
    """

    info: CouncilFileInfo
    content: bytes = field(repr=False)


@dataclass(frozen=True)
class Uploaded:
    """What an upload kept.

    Attributes:
        info: The stored file.
        replaced: Whether it replaced a file of the same name.
        warnings: Problems that did not stop it being kept (accessibility of a template).
    """

    info: CouncilFileInfo
    replaced: bool
    warnings: list[str] = field(default_factory=list)


def open_council_files(url: str | None = None) -> CouncilFileStore:
    """Open the council file store on the assessment library's database.

    Args:
        url: SQLAlchemy URL; defaults to the ``EIA_DATABASE_URL`` setting.

    Returns:
        The store, shared by every caller of the same library.
    """
    return library_store(SqlCouncilFileStore, url)


def _info(kind: CouncilFileKind, name: str, data: bytes, actor: Actor) -> CouncilFileInfo:
    return CouncilFileInfo(
        kind=kind,
        name=name,
        digest=hashlib.sha256(data).hexdigest(),
        size=len(data),
        uploaded_by=actor.name,
        uploaded_by_email=actor.email,
        uploaded_at=datetime.now(UTC),
    )


def _keep(
    store: CouncilFileStore,
    audit: AssessmentRepository,
    info: CouncilFileInfo,
    data: bytes,
    actor: Actor,
    warnings: list[str],
) -> Uploaded:
    replaced = store.keep(info, data)
    action = AuditAction.TEMPLATE_CHANGED if info.kind is TEMPLATE else AuditAction.BASELINE_CHANGED
    verb = "replaced" if replaced else "uploaded"
    record_event(
        audit,
        action,
        actor=actor.name,
        actor_email=actor.email,
        detail=f"{info.name} {verb} ({info.size} bytes, SHA-256 {info.digest[:12]})",
    )
    return Uploaded(info, replaced, warnings)


def upload_template(
    store: CouncilFileStore,
    audit: AssessmentRepository,
    *,
    actor: Actor,
    file_name: str,
    data: bytes,
) -> Uploaded:
    """Check and keep the council's Word template (a file of the same name is replaced).

    Args:
        store: The council file store.
        audit: Where the audit trail is kept (the assessment library).
        actor: Who uploads it; they must be an administrator.
        file_name: Its name as uploaded; only a safe form of the name is kept.
        data: Its bytes.

    Returns:
        What was kept, and warnings about the template.

    Raises:
        PermissionDeniedError: If ``actor`` may not change the Word template.
        CouncilFileError: If the name is not a .docx file's.
        ReportTemplateError: If the template is over a limit (a zip bomb), is not a
            Word document, or a report cannot be built from it.
    """
    require(can(actor, Action.MANAGE_TEMPLATES))
    name = safe_file_name(file_name, TEMPLATE)
    limits = load_settings().template_limits
    with file_on_disk(name, data) as path:
        try:
            warnings = trial_render(path, limits)
        except ReportTemplateError:
            raise
        except EIAError as problem:
            raise ReportTemplateError(
                f"Template {name} could not be used to build a report: {problem}"
            ) from None
    return _keep(store, audit, _info(TEMPLATE, name, data, actor), data, actor, warnings)


def upload_baseline(
    store: CouncilFileStore,
    audit: AssessmentRepository,
    *,
    actor: Actor,
    file_name: str,
    data: bytes,
) -> Uploaded:
    """Check and keep one of the council's population baselines (a CSV file).

    Args:
        store: The council file store.
        audit: Where the audit trail is kept (the assessment library).
        actor: Who uploads it; they must be an administrator.
        file_name: Its name as uploaded; only a safe form of the name is kept.
        data: Its bytes.

    Returns:
        What was kept.

    Raises:
        PermissionDeniedError: If ``actor`` may not change the population baselines.
        CouncilFileError: If the name is not a .csv file's, or the file has no usable figures.
        BaselineError: If a row is wrong (the message names the file, row and column).
    """
    require(can(actor, Action.MANAGE_BASELINES))
    name = safe_file_name(file_name, BASELINE)
    read_baseline_upload(name, data)
    return _keep(store, audit, _info(BASELINE, name, data, actor), data, actor, [])


def list_files(store: CouncilFileStore, kind: CouncilFileKind) -> list[CouncilFileInfo]:
    """Return the council's files of one kind, the most recently uploaded first."""
    return store.files(kind)


def remove_file(
    store: CouncilFileStore,
    audit: AssessmentRepository,
    *,
    actor: Actor,
    kind: CouncilFileKind,
    name: str,
) -> None:
    """Remove one of the council's files, recording it in the audit trail.

    Args:
        store: The council file store.
        audit: Where the audit trail is kept.
        actor: Who removes it; they must be an administrator.
        kind: A template or a baseline.
        name: Its stored name.

    Raises:
        PermissionDeniedError: If ``actor`` may not manage files of this kind.
        CouncilFileError: If there is no such file (someone may have removed it already).
    """
    require(can(actor, ACTIONS[kind]))
    if not store.remove(kind, name):
        raise CouncilFileError(
            f"There is no {KIND_WORDS[kind]} called {name}: someone may have removed it already."
        )
    action = AuditAction.TEMPLATE_CHANGED if kind is TEMPLATE else AuditAction.BASELINE_CHANGED
    record_event(audit, action, actor=actor.name, actor_email=actor.email, detail=f"{name} removed")


def council_file(store: CouncilFileStore, kind: CouncilFileKind, name: str) -> CouncilFile | None:
    """Return one stored file with its bytes, or None if there is none of that name."""
    info = next((i for i in store.files(kind) if i.name == name), None)
    content = store.content(kind, name) if info is not None else None
    return CouncilFile(info, content) if info is not None and content is not None else None


def baseline_choice(info: CouncilFileInfo) -> str:
    """Return the id a picker uses for a council baseline file.

    The digest is part of it, so that a replaced file is never mistaken for the old one
    (the app keeps each analysis under the choices that made it).
    """
    return f"{COUNCIL_CHOICE}{info.digest[:16]}:{info.name}"


def council_baseline(store: CouncilFileStore, choice: str) -> Baseline:
    """Read the council baseline a picker's choice names.

    Args:
        store: The council file store.
        choice: An id from :func:`baseline_choice`.

    Returns:
        The baseline, read from the stored bytes.

    Raises:
        BaselineError: If there is no such file any more, or it cannot be read.
    """
    name = choice.removeprefix(COUNCIL_CHOICE).partition(":")[2]
    found = council_file(store, BASELINE, name)
    if found is None:
        raise BaselineError(
            f"The council's baseline {name} has been removed: choose another population."
        )
    return read_baseline_upload(found.info.name, found.content)


def resolve_choice(
    choice: str | None, store: CouncilFileStore | None = None
) -> str | Baseline | None:
    """Turn a picker's choice into what the reach analysis reads.

    Args:
        choice: A shipped baseline id, a council file choice, or None.
        store: The council file store; opened on the library when needed and None.

    Returns:
        The choice itself, or the council's baseline read from the library.
    """
    if not choice or not choice.startswith(COUNCIL_CHOICE):
        return choice
    return council_baseline(store or open_council_files(), choice)


@contextmanager
def council_template_path(name: str, store: CouncilFileStore | None = None) -> Iterator[Path]:
    """Lend the council template of this name as a file, for as long as a report takes.

    Args:
        name: The template's file name, as the Templates and baselines page lists it.
        store: The council file store; by default the library's.

    Yields:
        The path of a private copy, deleted when the block ends.

    Raises:
        CouncilFileError: If there is no template of that name; the message lists those
            there are.
    """
    files = store or open_council_files()
    found = council_file(files, TEMPLATE, name)
    if found is None:
        names = ", ".join(info.name for info in list_files(files, TEMPLATE)) or "none"
        raise CouncilFileError(
            f"There is no council Word template called {name} (templates uploaded: {names}); "
            "an administrator uploads them on the Templates and baselines page."
        )
    with file_on_disk(found.info.name, found.content) as path:
        yield path
