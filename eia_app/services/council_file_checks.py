"""Checks of the council's own files before they are kept, and their names.

A template is checked against the template limits and by building reports from it;
a baseline CSV is read row by row, so that its problems are named by row and column.
Uploaded names are reduced to a safe file name first.
"""

import csv
import io
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePath

from eia_app.analysis.baselines import Baseline, read_council_baseline
from eia_app.domain.assessment import Assessment
from eia_app.domain.council_files import CouncilFileKind
from eia_app.domain.errors import EIAError
from eia_app.domain.limits import TemplateLimits
from eia_app.export.docx import ReportTemplateError, check_template
from eia_app.services.assessments import read_assessment_file
from eia_app.services.reference import get_registry
from eia_app.services.workspace import example_files
from eia_app.settings import load_settings

TEMPLATE, BASELINE = CouncilFileKind.TEMPLATE, CouncilFileKind.BASELINE
SUFFIXES = {TEMPLATE: ".docx", BASELINE: ".csv"}
MAX_NAME_LENGTH = 100
MAX_BASELINE_BYTES = 5 * 1024 * 1024

# Letters, digits, spaces and a little punctuation; anything else becomes "_", so that
# a name can neither leave its folder nor carry markup or control characters.
_UNSAFE_IN_NAMES = re.compile(r"[^A-Za-z0-9 ._()-]+")


class CouncilFileError(EIAError):
    """A council file cannot be kept; the message names the file and says how to fix it."""


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


def _trial_assessments() -> list[Assessment]:
    """A blank assessment, and the shipped example when it is installed (a full one)."""
    trials = [Assessment()]
    files = example_files(load_settings().examples_dir)
    try:
        if files:
            trials.append(read_assessment_file(files[0]))
    except (EIAError, OSError):
        pass  # a broken example is the installation's problem, not the template's
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


def _first_row(data: bytes, characteristic: str) -> int:
    """The row (the header is row 1) where a characteristic first appears; 0 if none does."""
    # The file has been read once already, so it is known to be UTF-8 CSV.
    rows = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    for line, row in enumerate(rows, start=2):
        if (row.get("characteristic") or "").strip() == characteristic:
            return line
    return 0


def _check_characteristics(name: str, data: bytes, baseline: Baseline) -> None:
    """Refuse a characteristic the registry does not know, naming the row it is first on."""
    known = {group.id for group in get_registry().groups}
    for characteristic, _ in baseline.tables:
        if characteristic in known or characteristic.removesuffix("_detail") in known:
            continue
        raise CouncilFileError(
            f"Baseline file {name}, row {_first_row(data, characteristic)}, column "
            f"characteristic: {characteristic!r} is not a characteristic the toolkit knows; "
            f"use one of {', '.join(sorted(known))}."
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
    _check_characteristics(name, data, baseline)
    return baseline
