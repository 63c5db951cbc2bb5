"""The refusal of a save that would overwrite someone else's newer version."""

from eia_app.domain.errors import EIAError
from eia_app.domain.versions import VersionInfo


def describe_saves(saves: list[VersionInfo]) -> str:
    """Name who saved which versions and when, for a message.

    Args:
        saves: The versions, oldest first.

    Returns:
        Text such as "Jo Bloggs saved version 4 at 2026-12-02 13:40 UTC".
    """
    return "; ".join(
        f"{info.saved_by} saved version {info.version} at {info.saved_at:%Y-%m-%d %H:%M:%S} UTC"
        for info in saves
    )


class VersionConflictError(EIAError):
    """A save was based on a version that is no longer the latest.

    Attributes:
        reference: The assessment's reference.
        base_version: The version the refused save started from (0: a new assessment).
        since: The versions saved after it, oldest first, with who saved them and when.
    """

    def __init__(self, reference: str, base_version: int, since: list[VersionInfo]):
        started = "a new assessment" if base_version == 0 else f"version {base_version}"
        super().__init__(
            f"Not saved: {reference} changed after {started}, which this save started "
            f"from. {describe_saves(since) or 'Someone else saved it'}. Nothing was "
            "overwritten; open the latest version, add your changes to it and save again."
        )
        self.reference = reference
        self.base_version = base_version
        self.since = since
