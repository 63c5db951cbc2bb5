"""The app's free-text themes kept with an assessment: save, read back, reapply the edits.

The comments and the unapproved quote candidates stay in the officer's session. What
is saved is :func:`eia_app.services.themes.publishable` of the result (theme names,
key phrases, counts by group, approved redacted quotes) and the edits that made it,
with a fingerprint of the file, so that the edits are reapplied to the same export only.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from eia_app.domain.repository import AssessmentRepository
from eia_app.domain.saved_themes import SavedThemes
from eia_app.domain.theme_edits import ThemeEdits
from eia_app.domain.themes import FreeTextColumn, ThemesResult
from eia_app.services.reach_upload import _safe_name
from eia_app.services.themes import free_text_questions, publishable


def free_text_upload(data: bytes, file_name: str, sheet: str | None = None) -> list[FreeTextColumn]:
    """The free-text questions of an uploaded export, with their answer counts.

    Args:
        data: The uploaded file's bytes (written only to a temporary folder, then removed).
        file_name: Its name as uploaded.
        sheet: Sheet of a workbook.

    Returns:
        The questions found, in file order.

    Raises:
        EIAError: When the file cannot be read.
    """
    with tempfile.TemporaryDirectory(prefix="eia-themes-") as folder:
        path = Path(folder) / _safe_name(file_name)
        path.write_bytes(data)
        return free_text_questions(path, sheet=sheet)


def save_themes_for(
    repository: AssessmentRepository,
    reference: str,
    version: int,
    result: ThemesResult,
    edits: Mapping[str, ThemeEdits],
    *,
    source_digest: str,
    saved_by: str,
) -> SavedThemes:
    """Keep the published themes and the officer's edits with an assessment version.

    Args:
        repository: The assessment library.
        reference: The assessment.
        version: The version they belong to.
        result: The session's result, with its quote candidates.
        edits: The edits by question header; their approved quotes are the only ones kept.
        source_digest: SHA-256 of the export themed.
        saved_by: Who themed the comments.

    Returns:
        What was saved.
    """
    approved = {quote for edit in edits.values() for quote in edit.approved_quotes}
    saved = SavedThemes(
        reference=reference,
        version=version,
        themes=publishable(result, approved),
        edits=tuple(edits[column] for column in sorted(edits)),
        source_digest=source_digest,
        saved_by=saved_by,
        saved_at=datetime.now(UTC),
    )
    repository.save_themes(saved)
    return saved


def saved_themes(
    repository: AssessmentRepository, reference: str, version: int | None = None
) -> SavedThemes | None:
    """Return the themes saved with this version (or the nearest earlier one), if any."""
    return repository.latest_themes(reference, version)


@dataclass(frozen=True)
class Reapplied:
    """The saved edits that apply to the export just uploaded.

    Attributes:
        edits: The edits by question (empty when nothing applies).
        same_file: Whether the upload is the export the edits were made on (all of them
            apply); otherwise only the approved quotes were carried over.
    """

    edits: dict[str, ThemeEdits]
    same_file: bool

    @property
    def quotes(self) -> int:
        """How many approved quotes are carried."""
        return sum(len(edit.approved_quotes) for edit in self.edits.values())


def edits_to_reapply(saved: SavedThemes | None, source_digest: str) -> Reapplied:
    """The saved edits by question that apply to the export just uploaded.

    For the export they were made on, all of them. For another export (the same
    consultation exported again when it closed, say), only the approved quotes: a
    quote's id is a digest of its redacted text, so an approval follows the same
    comment wherever it is chosen again. Theme ids, though, are stable for the same
    file and seed only, so splits, merges and names would land on the wrong themes:
    they are not carried over.

    Args:
        saved: The themes saved with the assessment, if any.
        source_digest: SHA-256 of the file just uploaded.

    Returns:
        The edits that apply, and whether the upload is the same file.
    """
    if saved is None:
        return Reapplied({}, same_file=False)
    if saved.source_digest and saved.source_digest == source_digest:
        return Reapplied(saved.edits_by_column(), same_file=True)
    quotes = {
        edit.column: ThemeEdits(column=edit.column, approved_quotes=edit.approved_quotes)
        for edit in saved.edits
        if edit.approved_quotes
    }
    return Reapplied(quotes, same_file=False)
