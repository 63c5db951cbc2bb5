"""The council's own files kept in the library: its Word template and population baselines.

Administrators upload them in the app; the store protocol here is implemented by
:mod:`eia_app.storage.council_files`. A file is known by its kind and its name, so
uploading a file of the same name again replaces it.
"""

from datetime import datetime
from enum import StrEnum
from typing import Protocol

from pydantic import BaseModel, ConfigDict


class CouncilFileKind(StrEnum):
    """What a council file is for."""

    TEMPLATE = "template"
    BASELINE = "baseline"


class CouncilFileInfo(BaseModel):
    """What is known about one stored file, without its bytes.

    Attributes:
        kind: A Word template or a population baseline.
        name: Its file name, already made safe (no folders, no odd characters).
        digest: The SHA-256 of its content, in hexadecimal.
        size: Its size in bytes.
        uploaded_by: The name of who uploaded it.
        uploaded_by_email: Their e-mail; empty in single-user mode.
        uploaded_at: When it was uploaded (UTC).
    """

    model_config = ConfigDict(frozen=True)

    kind: CouncilFileKind
    name: str
    digest: str
    size: int
    uploaded_by: str
    uploaded_by_email: str = ""
    uploaded_at: datetime


class CouncilFileStore(Protocol):
    """Keeps the council's templates and baselines."""

    def files(self, kind: CouncilFileKind) -> list[CouncilFileInfo]:
        """Return the files of one kind, the most recently uploaded first."""
        ...

    def content(self, kind: CouncilFileKind, name: str) -> bytes | None:
        """Return a file's bytes, or None if there is no such file."""
        ...

    def keep(self, info: CouncilFileInfo, content: bytes) -> bool:
        """Store a file, replacing one of the same kind and name; True if one was replaced."""
        ...

    def remove(self, kind: CouncilFileKind, name: str) -> bool:
        """Remove a file; True if there was one."""
        ...
