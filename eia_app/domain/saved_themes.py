"""The free-text themes kept with an assessment version: aggregates and the officer's edits.

What is kept is the published ``eia.themes/1`` document (theme names, key phrases,
counts by group, flags and the quotes the officer approved, already redacted) and the
edits that made it (renames, merges, ids of approved quotes). Unapproved quote
candidates and the comments themselves are refused here, so no adapter can store them.
"""

from datetime import datetime

from pydantic import model_validator

from eia_app.domain.fields import StrictModel, guided
from eia_app.domain.theme_edits import ThemeEdits
from eia_app.domain.themes import ThemesResult


class SavedThemes(StrictModel):
    """The themes of a consultation's free-text answers, saved with an assessment version."""

    reference: str = guided("Reference", "The assessment.", default=...)
    version: int = guided("Version", "The version it was saved with.", default=..., ge=1)
    themes: ThemesResult = guided("Themes", "The published eia.themes/1 document.", default=...)
    edits: tuple[ThemeEdits, ...] = guided(
        "Edits", "The officer's renames, merges and approved quotes, one per question.", default=()
    )
    source_digest: str = guided(
        "File fingerprint",
        "SHA-256 of the export themed, so the edits are reapplied to the same file only.",
        default="",
    )
    saved_by: str = guided("Saved by", "Who themed the comments.", default=...)
    saved_at: datetime = guided("Saved at", "When (UTC).", default=...)

    @model_validator(mode="after")
    def _published_only(self) -> "SavedThemes":
        # The one gate every adapter passes through: nothing unapproved is ever kept.
        if self.themes.internal:
            raise ValueError("only a published themes document is saved (internal is true)")
        for question in self.themes.questions:
            for theme in question.themes:
                if any(not quote.approved for quote in theme.quotes):
                    raise ValueError(f"theme {theme.id} holds a quote that was not approved")
        return self

    def edits_by_column(self) -> dict[str, ThemeEdits]:
        """The edits keyed by question header, as the themes engine takes them."""
        return {edit.column: edit for edit in self.edits}
