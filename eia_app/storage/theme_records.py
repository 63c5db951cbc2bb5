"""The free-text themes kept beside the versions in SQL: published aggregates and edits."""

import json

from pydantic import TypeAdapter
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from eia_app.domain.saved_themes import SavedThemes
from eia_app.domain.theme_edits import ThemeEdits
from eia_app.domain.themes import ThemesResult
from eia_app.storage.database import translate_errors
from eia_app.storage.tables import ThemeResultRow

_EDITS = TypeAdapter(tuple[ThemeEdits, ...])


class SqlThemeRecords:
    """The repository's methods for saved themes; the inheriting class sets the engine."""

    _engine: Engine
    _sessions: sessionmaker[Session]

    def save_themes(self, saved: SavedThemes) -> None:
        """Keep the published themes and the officer's edits for an assessment version.

        Raises:
            StorageError: If the database cannot be written.
        """
        row = ThemeResultRow(
            reference=saved.reference,
            version=saved.version,
            saved_by=saved.saved_by,
            saved_at=saved.saved_at,
            source_digest=saved.source_digest,
            edits=json.dumps(
                [edit.model_dump(mode="json") for edit in saved.edits], ensure_ascii=False
            ),
            payload=saved.themes.model_dump_json(by_alias=True),
        )
        with translate_errors(self._engine, "save to"), self._sessions.begin() as session:
            session.add(row)

    def latest_themes(self, reference: str, version: int | None = None) -> SavedThemes | None:
        """Return the themes saved most recently with this version or an earlier one.

        Raises:
            StorageError: If the database cannot be read.
        """
        query = select(ThemeResultRow).where(ThemeResultRow.reference == reference)
        if version is not None:
            query = query.where(ThemeResultRow.version <= version)
        query = query.order_by(ThemeResultRow.version.desc(), ThemeResultRow.id.desc()).limit(1)
        with translate_errors(self._engine, "read"), self._sessions() as session:
            row = session.scalar(query)
        if row is None:
            return None
        return SavedThemes(
            reference=row.reference,
            version=row.version,
            themes=ThemesResult.model_validate_json(row.payload),
            edits=_EDITS.validate_json(row.edits),
            source_digest=row.source_digest,
            saved_by=row.saved_by,
            saved_at=row.saved_at,
        )
