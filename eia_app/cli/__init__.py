"""The ``eia`` command line: a thin shell over the services layer.

Each command module registers its commands on :data:`cli`; errors a user can
act on are printed as one line and never as a traceback.
"""

from eia_app.cli.app import cli, main, run

__all__ = ["cli", "main", "run"]
