"""Imports every command module so that their commands are registered on ``cli``."""

from eia_app.cli import (
    assessment_commands,  # noqa: F401
    audit_commands,  # noqa: F401
    export_commands,  # noqa: F401
    reach_commands,  # noqa: F401
    themes_commands,  # noqa: F401
)
