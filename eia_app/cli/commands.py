"""Imports every command module so that their commands are registered on ``cli``."""

from eia_app.cli import assessment_commands  # noqa: F401
from eia_app.cli import export_commands  # noqa: F401
from eia_app.cli import reach_commands  # noqa: F401
