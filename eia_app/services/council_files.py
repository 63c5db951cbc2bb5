"""Use cases of the council's own files: its Word template and its population baselines.

Only an administrator may upload, replace or remove them (the rules are in
:mod:`eia_app.domain.permissions`). Every file is checked before it is kept, so a
broken template is refused at upload rather than at export time, and a baseline
CSV with a wrong row is refused naming the row and the column. Each upload,
replacement and removal is recorded in the audit trail. The files live in the
assessment library's database, beside the assessments.
"""

import hashlib
import re
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePath

from eia_app.analysis.baselines import Baseline, BaselineError, read_council_baseline
from eia_app.domain.assessment import Assessment
from eia_app.domain.audit import AuditAction
from eia_app.domain.council_files import CouncilFileInfo, CouncilFileKind, CouncilFileStore
from eia_app.domain.errors import EIAError
from eia_app.domain.limits import TemplateLimits
from eia_app.domain.permissions import Action, Actor, can
from eia_app.domain.repository import AssessmentRepository
from eia_app.export.docx import ReportTemplateError, check_template
from eia_app.services.access import require
from eia_app.services.audit import record_event
from eia_app.services.reference import get_registry
from eia_app.services.workspace import example_files, open_repository
from eia_app.settings import load_settings
from eia_app.storage.council_files import SqlCouncilFileStore
from eia_app.storage.sql import SqlAlchemyAssessmentRepository

TEMPLATE, BASELINE = CouncilFileKind.TEMPLATE, CouncilFileKind.BASELINE
SUFFIXES = {TEMPLATE: ".docx", BASELINE: ".csv"}
ACTIONS = {TEMPLATE: Action.MANAGE_TEMPLATES, BASELINE: Action.MANAGE_BASELINES}
KIND_WORDS = {TEMPLATE: "Word template", BASELINE: "population baseline"}
MAX_NAME_LENGTH = 100
MAX_BASELINE_BYTES = 5 * 1024 * 1024
COUNCIL_CHOICE = "council:"
"""How a baseline or cohort choice that names a council file starts."""

# Letters, digits, spaces and a little punctuation; anything else becomes "_", so that
# a name can neither leave its folder nor carry markup or control characters.
_UNSAFE_IN_NAMES = re.compile(r"[^A-Za-z0-9 ._()-]+")

_stores: dict[int, SqlCouncilFileStore] = {}
_lock = threading.Lock()


class CouncilFileError(EIAError):
    """A council file cannot be kept; the message names the file and says how to fix it."""


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
    repo = open_repository(url)
    assert isinstance(repo, SqlAlchemyAssessmentRepository)  # open_repository makes these
    with _lock:
        store = _stores.get(id(repo.engine))
        if store is None:
            store = _stores[id(repo.engine)] = SqlCouncilFileStore(repo.engine)
    return store


def safe_file_name(file_name: str, kind: CouncilFileKind) -> str:
    """Return the name a file is kept under: its last part only, with no odd characters.

    A browser may send a whole path (a Windows one too), a hostile one ``../x.docx``:
    neither may choose a folder, so only the last part is kept, characters other than
    letters, digits, spaces and ``. _ ( ) -`` become ``_`` and leading dots go.

    Args:
        file_name: The name as uploaded.
        kind: What the file is for, which decides the ending it must have.

    Returns:
        The safe name, such as ``council_template.docx``.

    Raises:
        CouncilFileError: If the name does not end as the kind requires.
    """
    last = PurePath(file_name.replace("\\", "/")).name.strip()
    suffix = SUFFIXES[kind]
    if not last.lower().endswith(suffix):
        expected = "a Word document (.docx)" if kind is TEMPLATE else "a CSV file (.csv)"
        shown = _UNSAFE_IN_NAMES.sub("_", last)[:MAX_NAME_LENGTH] or "The file"
        raise CouncilFileError(f"{shown} is not {expected}: save it as {expected} and try again.")
    stem = _UNSAFE_IN_NAMES.sub("_", last[: -len(suffix)]).strip(" ._")
    return f"{stem[: MAX_NAME_LENGTH - len(suffix)] or kind.value}{suffix}"


@contextmanager
def file_on_disk(name: str, content: bytes) -> Iterator[Path]:
    """Write bytes to a private temporary folder for a reader that needs a path.

    The folder is deleted when the block ends, whether it succeeds or fails.

    Args:
        name: A safe file name (see :func:`safe_file_name`), so messages name the file.
        content: The bytes.

    Yields:
        The file's path.
    """
    with tempfile.TemporaryDirectory(prefix="eia-council-") as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        yield path


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


def _trial_assessments() -> list[Assessment]:
    """A blank assessment, and the shipped example when it is installed (a full one)."""
    from eia_app.services.assessments import read_assessment_file

    trials = [Assessment()]
    files = example_files(load_settings().examples_dir)
    if files:
        trials.append(read_assessment_file(files[0]))
    return trials


def trial_render(path: Path, limits: TemplateLimits) -> list[str]:
    """Build a report from a template, so that one that would fail at export fails now.

    Args:
        path: The template, as a file.
        limits: The template limits.

    Returns:
        Warnings about the template (accessibility), one sentence each.

    Raises:
        ReportTemplateError: If it is over a limit, not a Word document, or cannot be
            rendered; the message names the file.
    """
    # Imported here: building reports needs the charts and Word libraries, which
    # nothing else of this module does.
    from eia_app.services.export import export_assessment

    check_template(path, limits)
    warnings: list[str] = []
    for assessment in _trial_assessments():
        try:
            result = export_assessment(assessment, template=path, with_charts=False)
        except EIAError:
            raise
        except Exception:  # noqa: BLE001 - whatever breaks a trial report, the file is at fault
            # A zip that holds broken or foreign XML fails deep inside the Word library,
            # with errors no person could act on; the upload is refused in plain words.
            raise ReportTemplateError(_not_a_report(path.name)) from None
        warnings += [w for w in result.warnings if w not in warnings]
    return warnings


def _not_a_report(name: str) -> str:
    return (
        f"Template {name} could not be used to build a report: its Word parts cannot be read. "
        "Open it in Word, save it again as .docx (Word Document) and try again, or start "
        "from the toolkit's own template."
    )


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


def _check_characteristics(name: str, baseline: Baseline) -> None:
    """Refuse a characteristic the registry does not know, naming its first row."""
    known = {group.id for group in get_registry().groups}
    for characteristic, _ in baseline.tables:
        if characteristic in known or characteristic.removesuffix("_detail") in known:
            continue
        raise CouncilFileError(
            f"Baseline file {name}, column characteristic: {characteristic!r} is not a "
            f"characteristic the toolkit knows; use one of {', '.join(sorted(known))}."
        )


def read_baseline_upload(name: str, data: bytes) -> Baseline:
    """Read a baseline CSV from its bytes, refusing one that could not be compared with.

    Args:
        name: Its safe file name.
        data: Its bytes.

    Returns:
        The baseline.

    Raises:
        BaselineError: If a row is wrong; the message names the file, row and column.
        CouncilFileError: If it is too large, holds no figures or names an unknown
            characteristic.
    """
    if len(data) > MAX_BASELINE_BYTES:
        raise CouncilFileError(
            f"Baseline file {name} is {len(data) // 1024} KB, over the "
            f"{MAX_BASELINE_BYTES // (1024 * 1024)} MB a baseline may be: keep only the "
            "characteristic, category_id and count columns and the rows you need."
        )
    with file_on_disk(name, data) as path:
        baseline = read_council_baseline(path)
    if not baseline.tables:
        raise CouncilFileError(
            f"Baseline file {name} has no figures: add one row per category, with the "
            "columns characteristic, category_id and count."
        )
    _check_characteristics(name, baseline)
    return baseline


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
