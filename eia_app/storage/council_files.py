"""The council's templates and baselines, in SQL (table from migration 0007) and in memory."""

from datetime import datetime

from sqlalchemy import Integer, LargeBinary, String, Text, UniqueConstraint, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, mapped_column, sessionmaker

from eia_app.domain.council_files import CouncilFileInfo, CouncilFileKind
from eia_app.storage.database import translate_errors
from eia_app.storage.tables import Base, UtcDateTime


class CouncilFileRow(Base):
    """One uploaded file, its bytes and who uploaded it."""

    __tablename__ = "council_files"
    __table_args__ = (UniqueConstraint("kind", "name", name="uq_council_files_kind_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    digest: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    uploaded_by: Mapped[str] = mapped_column(Text)
    uploaded_by_email: Mapped[str] = mapped_column(String(320), default="")
    uploaded_at: Mapped[datetime] = mapped_column(UtcDateTime())


# The columns a listing reads: never the content, which may be megabytes per file.
_DESCRIPTION = (
    CouncilFileRow.kind,
    CouncilFileRow.name,
    CouncilFileRow.digest,
    CouncilFileRow.size,
    CouncilFileRow.uploaded_by,
    CouncilFileRow.uploaded_by_email,
    CouncilFileRow.uploaded_at,
)


class SqlCouncilFileStore:
    """The council file store on the same database as the assessments.

    Args:
        engine: An engine on a database migrated to 0007 or later.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    def files(self, kind: CouncilFileKind) -> list[CouncilFileInfo]:
        """Return the files of one kind, the most recently uploaded first."""
        query = (
            select(*_DESCRIPTION)
            .where(CouncilFileRow.kind == kind.value)
            .order_by(CouncilFileRow.uploaded_at.desc(), CouncilFileRow.id.desc())
        )
        with translate_errors(self._engine, "read"), self._sessions() as session:
            rows = session.execute(query).all()
        return [CouncilFileInfo(**row._asdict()) for row in rows]

    def content(self, kind: CouncilFileKind, name: str) -> bytes | None:
        """Return a file's bytes, or None if there is no such file."""
        query = select(CouncilFileRow.content).where(
            CouncilFileRow.kind == kind.value, CouncilFileRow.name == name
        )
        with translate_errors(self._engine, "read"), self._sessions() as session:
            found = session.scalar(query)
        return bytes(found) if found is not None else None

    def keep(self, info: CouncilFileInfo, content: bytes) -> bool:
        """Store a file, replacing one of the same kind and name; True if one was replaced."""
        query = select(CouncilFileRow).where(
            CouncilFileRow.kind == info.kind.value, CouncilFileRow.name == info.name
        )
        with translate_errors(self._engine, "save to"), self._sessions.begin() as session:
            row = session.scalars(query).one_or_none()
            replaced = row is not None
            if row is None:
                row = CouncilFileRow(kind=info.kind.value, name=info.name)
                session.add(row)
            row.content, row.digest, row.size = content, info.digest, info.size
            row.uploaded_by, row.uploaded_by_email = info.uploaded_by, info.uploaded_by_email
            row.uploaded_at = info.uploaded_at
        return replaced

    def remove(self, kind: CouncilFileKind, name: str) -> bool:
        """Remove a file; True if there was one."""
        query = select(CouncilFileRow).where(
            CouncilFileRow.kind == kind.value, CouncilFileRow.name == name
        )
        with translate_errors(self._engine, "save to"), self._sessions.begin() as session:
            row = session.scalars(query).one_or_none()
            if row is not None:
                session.delete(row)
        return row is not None


class InMemoryCouncilFileStore:
    """The council file store in a dictionary, for tests."""

    def __init__(self) -> None:
        self._files: dict[tuple[CouncilFileKind, str], tuple[CouncilFileInfo, bytes]] = {}

    def files(self, kind: CouncilFileKind) -> list[CouncilFileInfo]:
        """Return the files of one kind, the most recently uploaded first."""
        infos = [info for (k, _), (info, _) in self._files.items() if k == kind]
        return sorted(infos, key=lambda info: info.uploaded_at, reverse=True)

    def content(self, kind: CouncilFileKind, name: str) -> bytes | None:
        """Return a file's bytes, or None if there is no such file."""
        found = self._files.get((kind, name))
        return found[1] if found else None

    def keep(self, info: CouncilFileInfo, content: bytes) -> bool:
        """Store a file, replacing one of the same kind and name; True if one was replaced."""
        key = (info.kind, info.name)
        replaced = key in self._files
        self._files.pop(key, None)  # a replacement counts as the latest upload
        self._files[key] = (info, bytes(content))
        return replaced

    def remove(self, kind: CouncilFileKind, name: str) -> bool:
        """Remove a file; True if there was one."""
        return self._files.pop((kind, name), None) is not None
